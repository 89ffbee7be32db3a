//! All events, filtered and searched, in date order grouped by year, with today marked.

use super::ctx::{use_ctx, Data};
use super::downloads::{Downloads, Subscribe};
use super::event_item::EventItem;
use super::explore::Explore;
use crate::core::facet::Filters;
use crate::core::paging::{self, Grown};
use crate::core::query::Results;
use crate::core::search::Query;
use crate::i18n::number;
use chrono::NaiveDate;
use leptos::prelude::*;
use std::ops::Range;
use std::sync::Arc;

/// Rows rendered at first and added per "show more": the DOM stays small whatever the data.
pub const PAGE: usize = 60;

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
                    {move || t.n_events.format(count())}
                </p>
                <p>
                    // A link to the marker, so it also works on a static page without JavaScript;
                    // the app scrolls itself and leaves the URL (its state) alone.
                    <a href="#today" class="button button--ghost" on:click=move |ev: leptos::ev::MouseEvent| {
                        ev.prevent_default();
                        jump_to_today();
                    }>{t.jump_to_today}</a>
                </p>
                <Downloads data=data.clone() results=results/>
                <Subscribe name="upcoming".to_owned() label=t.subscribe_upcoming/>
            </header>
            <Explore data=data.clone() facets=facets search_label=t.search_events>
                <EventList data=data.clone() results=results/>
            </Explore>
        </div>
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Row {
    /// The marker before the first event not yet over.
    Today,
    Event(usize),
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
struct ListModel {
    /// Rows grouped by start year, or one group (`None`) in rank order when searching.
    groups: Vec<(Option<i32>, Vec<Row>)>,
    /// Hits before and after the rendered window.
    earlier: usize,
    later: usize,
}

fn list_model(
    data: &Data,
    hits: &[u32],
    window: Range<usize>,
    ranked: bool,
    first_open: Option<usize>,
) -> ListModel {
    let c = &data.catalog;
    let end = window.end.min(hits.len());
    let start = window.start.min(end);
    let first_open = first_open.filter(|_| !ranked);
    let mut groups: Vec<(Option<i32>, Vec<Row>)> = Vec::new();
    for (pos, &h) in hits.iter().enumerate().take(end).skip(start) {
        let i = h as usize;
        let year = (!ranked).then(|| c.events[i].start.year());
        if groups.last().is_none_or(|(y, _)| *y != year) {
            groups.push((year, Vec::new()));
        }
        if let Some((_, rows)) = groups.last_mut() {
            if Some(pos) == first_open {
                rows.push(Row::Today);
            }
            rows.push(Row::Event(i));
        }
    }
    ListModel {
        groups,
        earlier: start,
        later: hits.len() - end,
    }
}

/// Position in `hits` of the first event not yet over.
fn first_open(data: &Data, hits: &[u32], today: chrono::NaiveDate) -> Option<usize> {
    let c = &data.catalog;
    hits.iter()
        .position(|&h| c.events[h as usize].is_open(today))
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
    Memo::new(move |_| {
        let today = ctx.today.get();
        ctx.filters.with(|f| data.events(f, today))
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
    let q = ctx.q;
    // Where "now" falls in the results: both the first window and the marker need it.
    let open_at = {
        let data = data.clone();
        Memo::new(move |_| {
            let today = ctx.today.get();
            results.with(|r| first_open(&data, &r.hits, today))
        })
    };
    let ranked = Memo::new(move |_| !Query::new(&q.get()).is_empty());
    // The rendered slice of the results: the first window of new results (at "now", or at the
    // top when ranked by a search), or the one the reader grew for these same filters.
    let grown = RwSignal::new(None::<Grown<(Filters, NaiveDate)>>);
    let window = Memo::new(move |_| {
        let key = (ctx.filters.get(), ctx.today.get());
        grown.with(|g| {
            paging::window(g.as_ref(), &key, || {
                let anchor = if ranked.get() { Some(0) } else { open_at.get() };
                results.with(|r| paging::initial(r.hits.len(), anchor, PAGE))
            })
        })
    });
    let grow = move |f: &dyn Fn(std::ops::Range<usize>) -> std::ops::Range<usize>| {
        let key = (ctx.filters.get_untracked(), ctx.today.get_untracked());
        let window = f(window.get_untracked());
        grown.set(Some(Grown { key, window }));
    };
    // What the list shows, as plain data: rows are keyed below, so a filter change only adds
    // and removes the rows that differ instead of rebuilding the list.
    let model = {
        let data = data.clone();
        Memo::new(move |_| {
            let w = window.get();
            let (ranked, open_at) = (ranked.get(), open_at.get());
            results.with(|r| list_model(&data, &r.hits, w, ranked, open_at))
        })
    };
    let rows_of = move |year: Option<i32>| {
        model.with(|m| {
            m.groups
                .iter()
                .find(|(y, _)| *y == year)
                .map(|(_, rows)| rows.clone())
                .unwrap_or_default()
        })
    };
    let row_view = {
        let data = data.clone();
        move |row: Row| {
            match row {
            Row::Today => view! { <li class="today-marker" id="today" aria-label=t.today><span>{t.today}</span></li> }.into_any(),
            Row::Event(i) => view! { <EventItem data=data.clone() index=i query=q/> }.into_any(),
        }
        }
    };
    let group_view = move |year: Option<i32>| {
        let row_view = row_view.clone();
        // A row is its event: search marks and tense update inside it.
        let rows = view! {
            <ol class="event-list">
                <For each=move || rows_of(year) key=|row| *row children=row_view.clone()/>
            </ol>
        };
        match year {
            Some(y) => {
                let heading = format!("year-{y}");
                view! {
                    <section class="year" aria-labelledby=heading.clone()>
                        <h2 id=heading.clone() class="year__title">{y}</h2>
                        {rows}
                    </section>
                }
                .into_any()
            }
            None => rows.into_any(),
        }
    };
    let earlier = move || model.with(|m| m.earlier);
    let later = move || model.with(|m| m.later);
    let total = move || results.with(|r| r.hits.len());
    // Only emptiness decides between the message and the list: reading the whole model here
    // would rebuild every row on every update.
    let empty = Memo::new(move |_| model.with(|m| m.groups.is_empty()));
    let body = move || {
        if empty.get() {
            return view! { <p class="empty" data-empty="events">{t.no_results}</p> }.into_any();
        }
        let group_view = group_view.clone();
        view! {
            {move || (earlier() > 0).then(|| view! {
                <p class="show-more show-more--earlier">
                    <button type="button" class="button" on:click=move |_| grow(&|w| paging::earlier(w, PAGE))>
                        {t.show_earlier.format_with(earlier().min(PAGE), &[("total", &number(earlier() as u64, &ctx.lang.get_untracked()))])}
                    </button>
                </p>
            })}
            <For each=move || model.with(|m| m.groups.iter().map(|(y, _)| *y).collect::<Vec<_>>()) key=|y| *y children=group_view/>
            {move || (later() > 0).then(|| view! {
                <p class="show-more">
                    <button type="button" class="button" on:click=move |_| grow(&|w| paging::later(w, total(), PAGE))>
                        {t.show_more.format_with(later().min(PAGE), &[("total", &number(later() as u64, &ctx.lang.get_untracked()))])}
                    </button>
                </p>
            })}
        }
        .into_any()
    };
    if vertical {
        // Open at today, as the horizontal timeline does.
        request_animation_frame(jump_to_today);
    }
    view! { <div class="events-results" class:events-results--vertical=vertical>{body}</div> }
}
