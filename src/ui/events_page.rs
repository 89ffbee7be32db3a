//! All events, filtered and searched, in date order grouped by year, with today marked.

use super::ctx::{use_ctx, Data};
use super::event_item::EventItem;
use super::facets::{Chips, FilterPanel};
use super::search_box::SearchBox;
use crate::core::query::Results;
use crate::core::search::Query;
use crate::i18n::fill;
use leptos::prelude::*;
use std::sync::Arc;

/// Rows rendered at first and added per "show more": the DOM stays small whatever the data.
pub const PAGE: usize = 100;

#[component]
pub fn EventsPage(data: Arc<Data>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    let results = event_results(data.clone());
    let facets = Memo::new(move |_| results.with(|r| r.facets.clone()));
    let count = move || results.with(|r| r.hits.len());
    view! {
        <div class="page page--events">
            <header class="page-head">
                <h1>{t.nav_events}</h1>
                <p class="result-count" role="status" aria-live="polite">
                    {move || fill(t.n_events, &[("n", &count().to_string())])}
                </p>
                <p>
                    <button type="button" class="button button--ghost" on:click=move |_| jump_to_today()>{t.jump_to_today}</button>
                </p>
            </header>
            <div class="explore">
                <div class="explore__filters">
                    <SearchBox label=t.search_events placeholder=t.search_events_placeholder/>
                    <FilterPanel data=data.clone() facets=facets/>
                </div>
                <div class="explore__results">
                    <Chips data=data.clone()/>
                    <EventList data=data.clone() results=results/>
                </div>
            </div>
        </div>
    }
}

/// Scrolls the list to its "today" marker, if the filters left one.
fn jump_to_today() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("today"))
    {
        el.scroll_into_view();
    }
}

/// The filtered events, recomputed only when the filters or today change (not when the timeline
/// pans or a dialog opens).
pub fn event_results(data: Arc<Data>) -> Memo<Results> {
    let ctx = use_ctx();
    let filters = Memo::new(move |_| ctx.state.with(|s| s.filters.clone()));
    Memo::new(move |_| {
        let today = ctx.today.get();
        filters.with(|f| data.index.events(&data.catalog, f, today))
    })
}

/// Results grouped by year (or by rank when searching), with a "today" marker between past and
/// upcoming, rendered a page at a time.
#[component]
pub fn EventList(
    data: Arc<Data>,
    results: Memo<Results>,
    /// Drawn as a vertical timeline (the phone layout of the timeline view), opened at today.
    #[prop(optional)]
    vertical: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    let shown = RwSignal::new(PAGE);
    // New results start again from the first page.
    Effect::new(move |_| {
        results.track();
        shown.set(PAGE);
    });
    let body = move || {
        let q = ctx.state.with(|s| Query::new(&s.filters.q));
        let ranked = !q.is_empty();
        let today = ctx.today.get();
        let limit = shown.get();
        results.with(|r| {
            if r.hits.is_empty() {
                return view! { <p class="empty" data-empty="events">{t.no_results}</p> }.into_any();
            }
            let hits = &r.hits[..r.hits.len().min(limit)];
            let remaining = r.hits.len() - hits.len();
            let c = &data.catalog;
            let list = if ranked {
                view! {
                    <ol class="event-list">
                        {hits.iter().map(|&h| view! { <EventItem data=data.clone() index=h as usize query=q.clone()/> }).collect_view()}
                    </ol>
                }
                .into_any()
            } else {
                // Group consecutive hits by start year; mark today before the first event not yet over.
                let mut groups: Vec<(i32, Vec<usize>)> = Vec::new();
                for &h in hits {
                    let y = c.events[h as usize].start.year();
                    match groups.last_mut() {
                        Some((gy, v)) if *gy == y => v.push(h as usize),
                        _ => groups.push((y, vec![h as usize])),
                    }
                }
                let first_open = hits.iter().map(|&h| h as usize).find(|&i| c.events[i].end.unwrap_or(c.events[i].start).last_day() >= today);
                groups
                    .into_iter()
                    .map(|(y, items)| {
                        let heading = format!("year-{y}");
                        view! {
                            <section class="year" aria-labelledby=heading.clone()>
                                <h2 id=heading.clone() class="year__title">{y}</h2>
                                <ol class="event-list">
                                    {items.into_iter().map(|i| view! {
                                        {(Some(i) == first_open).then(|| view! { <li class="today-marker" id="today" aria-label=t.today><span>{t.today}</span></li> })}
                                        <EventItem data=data.clone() index=i query=q.clone()/>
                                    }).collect_view()}
                                </ol>
                            </section>
                        }
                    })
                    .collect_view()
                    .into_any()
            };
            view! {
                {list}
                {(remaining > 0).then(|| view! {
                    <p class="show-more">
                        <button type="button" class="button" on:click=move |_| shown.update(|n| *n += PAGE)>
                            {fill(t.show_more, &[("n", &remaining.min(PAGE).to_string()), ("total", &remaining.to_string())])}
                        </button>
                    </p>
                })}
            }
            .into_any()
        })
    };
    if vertical {
        // Open at today, as the horizontal timeline does.
        request_animation_frame(jump_to_today);
    }
    view! { <div class="events-results" class:events-results--vertical=vertical>{body}</div> }
}
