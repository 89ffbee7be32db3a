//! One resource in a list: title (a link out), date, kind, language, publisher.

use super::ctx::{use_ctx, Data};
use super::prose::{lang_attrs, Highlight};
use super::when::When;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn ResourceItem(
    data: Arc<Data>,
    index: usize,
    /// The search whose words are marked in the title.
    #[prop(optional, into)]
    query: Option<Signal<String>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let r = &data.catalog.resources[index];
    let kind = data.resource_kind_label(index).to_owned();
    let title = data.t(&r.title).to_owned();
    let (title_lang, title_dir) = lang_attrs(&data, &r.title);
    let lang = r.lang.as_str().to_owned();
    let lang_name = crate::web::intl::language(
        crate::i18n::dates::intl_locale(&ctx.lang.get_untracked()),
        &lang,
    )
    .unwrap_or_else(|| lang.clone());
    let foreign = lang != data.lang;
    view! {
        <li class="resource" data-resource=r.id.to_string()>
            <p class="resource__title" lang=title_lang dir=title_dir>
                <a href=r.url.as_str().to_owned() hreflang=lang.clone() rel="noopener external">
                    <Highlight text=title query=query.unwrap_or_default()/>
                </a>
            </p>
            <p class="resource__meta">
                <When start=r.date/> " · " <span>{kind}</span>
                {foreign.then(|| view! { " · " <span class="resource__lang" lang=lang.clone()>{lang_name.clone()}</span> })}
                {r.publisher.as_ref().map(|p| view! { " · " <span>{data.t(p).to_owned()}</span> })}
            </p>
            {r.summary.as_ref().map(|s| { let (l, d) = lang_attrs(&data, s); view! { <p class="resource__summary" lang=l dir=d>{data.t(s).to_owned()}</p> } })}
        </li>
    }
}
