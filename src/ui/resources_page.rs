//! Resources (reports, posts, news) with the same filters and search as events.

use super::ctx::{use_ctx, Data};
use super::events_page::PAGE;
use super::explore::Explore;
use super::resource_item::ResourceItem;
use crate::core::search::Query;
use crate::i18n::number;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn ResourcesPage(data: Arc<Data>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    let results = {
        let data = data.clone();
        let filters = Memo::new(move |_| ctx.state.with(|s| s.filters.clone()));
        Memo::new(move |_| filters.with(|f| data.index.resources(&data.catalog, f)))
    };
    let facets = Memo::new(move |_| results.with(|r| r.facets.clone()));
    let shown = RwSignal::new(PAGE);
    Effect::new(move |_| {
        results.track();
        shown.set(PAGE);
    });
    let list = {
        let data = data.clone();
        move || {
            let q = ctx.state.with(|s| Query::new(&s.filters.q));
            results.with(|r| {
            if r.hits.is_empty() {
                return view! { <p class="empty">{t.no_results}</p> }.into_any();
            }
            let limit = shown.get();
            let remaining = r.hits.len().saturating_sub(limit);
            view! {
                <ul class="resource-list">
                    {r.hits.iter().take(limit).map(|&h| view! { <ResourceItem data=data.clone() index=h as usize query=q.clone()/> }).collect_view()}
                </ul>
                {(remaining > 0).then(|| view! {
                    <p class="show-more"><button type="button" class="button" on:click=move |_| shown.update(|n| *n += PAGE)>
                        {t.show_more.format_with(remaining.min(PAGE), &[("total", &number(remaining as u64, &ctx.lang.get_untracked()))])}
                    </button></p>
                })}
            }
            .into_any()
        })
        }
    };
    view! {
        <div class="page page--resources">
            <header class="page-head">
                <h1>{t.nav_resources}</h1>
                <p class="result-count" role="status" aria-live="polite">
                    {move || t.n_resources.format(results.with(|r| r.hits.len()))}
                </p>
            </header>
            <Explore data=data.clone() facets=facets search_label=t.search_resources resources=true>
                {list}
            </Explore>
        </div>
    }
}
