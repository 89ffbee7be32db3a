//! Tags with their meaning one hover or focus away, and the legend that lists them all.

use super::ctx::{use_ctx, Data};
use crate::core::model::Id;
use leptos::prelude::*;
use std::sync::Arc;

/// A tag badge. Its definition shows on hover and on keyboard focus, and is its accessible
/// description.
#[component]
pub fn TagBadge(data: Arc<Data>, id: Id) -> impl IntoView {
    let Some((tax, tag)) = data.catalog.tag(id.as_str()) else {
        return ().into_any();
    };
    let tip_id = format!("tip-{}-{}", id, next_id());
    let label = data.t(&tag.label).to_owned();
    let tax_label = data.t(&tax.label).to_owned();
    let def = data.t(&tag.definition).to_owned();
    view! {
        <span class="tag" data-taxonomy=tax.id.to_string() data-tag=id.to_string() tabindex="0" aria-describedby=tip_id.clone()>
            <span class="visually-hidden">{crate::i18n::fill(use_ctx().messages().label_prefix, &[("label", &tax_label)])}</span>
            {label}
            <span class="tag__tip" role="tooltip" id=tip_id.clone()>{def}</span>
        </span>
    }
    .into_any()
}

#[component]
pub fn TagList(data: Arc<Data>, ids: Vec<Id>) -> impl IntoView {
    view! {
        <ul class="tags">
            {ids.into_iter().map(|id| view! { <li><TagBadge data=data.clone() id=id/></li> }).collect_view()}
        </ul>
    }
}

/// Every taxonomy with each tag's definition.
#[component]
pub fn TagLegend(data: Arc<Data>, #[prop(optional)] open: bool) -> impl IntoView {
    let t = use_ctx().messages();
    view! {
        <details class="legend" open=open>
            <summary>{t.legend_title}</summary>
            {data.catalog.taxonomies.iter().map(|tax| view! {
                <section class="legend__group">
                    <h3>{data.t(&tax.label).to_owned()}</h3>
                    {tax.description.as_ref().map(|d| view! { <p>{data.t(d).to_owned()}</p> })}
                    <dl>
                        {tax.tags.iter().map(|g| view! {
                            <div class="legend__row" data-taxonomy=tax.id.to_string() data-tag=g.id.to_string()>
                                <dt><span class="tag tag--static">{data.t(&g.label).to_owned()}</span></dt>
                                <dd>{data.t(&g.definition).to_owned()}</dd>
                            </div>
                        }).collect_view()}
                    </dl>
                </section>
            }).collect_view()}
        </details>
    }
}

/// Ids unique within the page for `aria-describedby` targets.
fn next_id() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}
