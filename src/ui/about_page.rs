//! About the dataset: who publishes it, under which licence, what the tags mean, and any problem
//! found while loading it (for the partner who maintains the data).

use super::ctx::{use_ctx, Data};
use super::tags::TagLegend;
use crate::i18n::{self, dates, fill};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn AboutPage(data: Arc<Data>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    let c = &data.catalog;
    let m = &c.meta;
    let lang = ctx.lang.get_untracked();
    let locale = dates::intl_locale(&lang).to_owned();
    let (errors, warnings): (Vec<_>, Vec<_>) =
        data.issues.iter().partition(|i| i.problem.is_error());
    let issue_list = |items: Vec<&crate::core::issue::Issue>| {
        view! { <ul class="issues">{items.into_iter().map(|i| view! { <li><code>{i.place.to_string()}</code> " " {i.problem.to_string()}</li> }).collect_view()}</ul> }
    };
    view! {
        <div class="page page--about">
            <header class="page-head">
                <h1>{t.about_title}</h1>
                <p class="lead">{data.t(&m.title).to_owned()}</p>
                {m.description.as_ref().map(|d| view! { <p>{data.t(d).to_owned()}</p> })}
            </header>
            <dl class="facts">
                <div><dt>{t.publisher}</dt><dd>{match &m.publisher.url {
                    Some(u) => view! { <a href=u.as_str().to_owned()>{data.t(&m.publisher.name).to_owned()}</a> }.into_any(),
                    None => data.t(&m.publisher.name).to_owned().into_any(),
                }}</dd></div>
                <div><dt>{t.reviewed_on}</dt><dd>{dates::day(m.reviewed.0, &locale)}</dd></div>
                <div><dt>{t.license}</dt><dd>{match &m.license.url {
                    Some(u) => view! { <a href=u.as_str().to_owned() rel="license">{data.t(&m.license.name).to_owned()}</a> }.into_any(),
                    None => data.t(&m.license.name).to_owned().into_any(),
                }}</dd></div>
                <div><dt>{t.data_file}</dt><dd><a href=file_href(&data.url)><code>{data.url.clone()}</code></a></dd></div>
                <div><dt>{t.contents}</dt><dd>{fill(t.contents_counts, &[
                    ("processes", &t.n_processes.format(c.processes.len())),
                    ("events", &t.n_events.format(c.events.len())),
                    ("resources", &t.n_resources.format(c.resources.len()))])}</dd></div>
            </dl>
            <p>{t.honesty_note}</p>
            {i18n::language(&lang).filter(|l| !l.translation_reviewed).map(|_| view! {
                <p class="notice" data-translation-unreviewed="">{t.translation_unreviewed}</p>
            })}
            <TagLegend data=data.clone() open=true/>
            <section aria-labelledby="problems-title" class="problems">
                <h2 id="problems-title">{t.problems_title}</h2>
                {if data.issues.is_empty() {
                    view! { <p data-problems="0">{t.problems_none}</p> }.into_any()
                } else {
                    view! {
                        <p data-problems=data.issues.len().to_string()>{t.problems_intro.format(data.issues.len())}</p>
                        {(!errors.is_empty()).then(|| view! { <h3>{t.problems_left_out}</h3> {issue_list(errors)} })}
                        {(!warnings.is_empty()).then(|| view! { <h3>{t.problems_warnings}</h3> {issue_list(warnings)} })}
                    }.into_any()
                }}
            </section>
        </div>
    }
}

/// A dataset address as a link: one relative to the app (the default dataset's) is reached
/// through the app's folder, so it also works from a static page in a folder of its own.
fn file_href(url: &str) -> String {
    if url.contains(':') || url.starts_with('/') {
        url.to_owned()
    } else {
        format!("{}{url}", crate::web::history::folder())
    }
}
