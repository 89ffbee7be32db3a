//! Search across processes, events and resources, best matches first, words highlighted.

use super::ctx::{use_ctx, Data};
use super::event_item::EventItem;
use super::link::Link;
use super::prose::Highlight;
use super::resource_item::ResourceItem;
use super::search_box::SearchBox;
use crate::core::query::Record;
use crate::core::route::View;
use crate::core::search::Query;

use leptos::prelude::*;
use std::sync::Arc;

/// Search results shown at most; the query can always be narrowed.
const MAX_SHOWN: usize = 200;

#[component]
pub fn SearchPage(data: Arc<Data>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    let q = ctx.q;
    let hits = {
        let data = data.clone();
        Memo::new(move |_| q.with(|q| data.search(q)))
    };
    let list = move || {
        let query = Query::new(&q.get());
        if query.is_empty() {
            return view! { <p class="empty">{t.search_hint}</p> }.into_any();
        }
        let hits = hits.get();
        if hits.is_empty() {
            return view! { <p class="empty">{t.no_results}</p> }.into_any();
        }
        let mut procs = Vec::new();
        let mut events = Vec::new();
        let mut res = Vec::new();
        for h in hits.iter().take(MAX_SHOWN) {
            match h.record {
                Record::Process(i) => procs.push(i),
                Record::Event(i) => events.push(i),
                Record::Resource(i) => res.push(i),
            }
        }
        let c = &data.catalog;
        view! {
            {(!procs.is_empty()).then(|| view! {
                <section aria-labelledby="sr-processes"><h2 id="sr-processes">{t.processes}</h2>
                    <ul class="search-processes">{procs.into_iter().map(|p| {
                        let to = ctx.state.get_untracked().goto(View::Process(c.processes[p].id.clone()));
                        let name = data.t(&c.processes[p].name).to_owned();
                        let summary = data.t(&c.processes[p].summary).to_owned();
                        view! { <li><Link to=to><Highlight text=name query=q/></Link>
                            <p><Highlight text=summary query=q/></p></li> }
                    }).collect_view()}</ul>
                </section>
            })}
            {(!events.is_empty()).then(|| view! {
                <section aria-labelledby="sr-events"><h2 id="sr-events">{t.nav_events}</h2>
                    <ol class="event-list">{events.into_iter().map(|i| view! { <EventItem data=data.clone() index=i query=q/> }).collect_view()}</ol>
                </section>
            })}
            {(!res.is_empty()).then(|| view! {
                <section aria-labelledby="sr-resources"><h2 id="sr-resources">{t.nav_resources}</h2>
                    <ul class="resource-list">{res.into_iter().map(|i| view! { <ResourceItem data=data.clone() index=i query=q/> }).collect_view()}</ul>
                </section>
            })}
        }
        .into_any()
    };
    view! {
        <div class="page page--search">
            <header class="page-head">
                <h1>{t.search_title}</h1>
                <p class="result-count" role="status" aria-live="polite">
                    {move || (!q.get().is_empty()).then(|| t.n_results.format(hits.with(|h| h.len())))}
                </p>
            </header>
            <SearchBox label=t.search_label placeholder=t.search_placeholder/>
            {list}
        </div>
    }
}
