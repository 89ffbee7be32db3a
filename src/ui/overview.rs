//! The front page: what the tracker covers, what comes next, and every process as a card.

use super::ctx::{use_ctx, Data};
use super::event_item::EventItem;
use super::link::Link;
use super::marks::Unconfirmed;
use super::prose::in_lang;
use super::tags::{TagLegend, TagList};
use super::when::When;
use crate::core::facet::{Dim, Value, When as WhenFilter};
use crate::core::route::View;
use crate::i18n::{dates, fill, pieces, Piece};
use leptos::prelude::*;
use std::sync::Arc;

/// How many upcoming events the front page lists before linking to the rest.
const NEXT_EVENTS: usize = 5;

#[component]
pub fn Overview(data: Arc<Data>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    let today = ctx.today.get_untracked();
    let meta = &data.catalog.meta;
    let upcoming: Vec<usize> = data
        .catalog
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.is_open(today))
        .map(|(i, _)| i)
        .collect();
    let more = upcoming.len().saturating_sub(NEXT_EVENTS);
    // More upcoming than fit here: link to them all; otherwise to every event.
    let mut all_upcoming = ctx.state.get_untracked().goto(View::Events);
    if more > 0 {
        all_upcoming
            .filters
            .set(Dim::When, [Value::When(WhenFilter::Upcoming)]);
    }
    let (active, concluded): (Vec<usize>, Vec<usize>) = (0..data.catalog.processes.len())
        .partition(|&p| {
            data.catalog.processes[p]
                .end
                .is_none_or(|e| e.last_day() >= today)
        });
    let reviewed = dates::day(
        meta.reviewed.0,
        dates::intl_locale(&ctx.lang.get_untracked()),
    );
    view! {
        <div class="page page--overview">
            <header class="page-head">
                <h1>{data.t(&meta.title).to_owned()}</h1>
                {meta.description.as_ref().map(|d| view! { <p class="lead">{data.t(d).to_owned()}</p> })}
                <p class="muted">{pieces(t.reviewed_date).into_iter().map(|p| match p {
                    Piece::Text(s) => s.into_any(),
                    Piece::Slot(_) => view! { <time datetime=meta.reviewed.to_string()>{reviewed.clone()}</time> }.into_any(),
                }).collect_view()}</p>
            </header>

            <section class="next" aria-labelledby="next-title">
                <h2 id="next-title">{t.whats_next}</h2>
                {if upcoming.is_empty() {
                    view! { <p class="empty">{t.no_upcoming}</p> }.into_any()
                } else {
                    view! {
                        <ol class="event-list">
                            {upcoming.iter().take(NEXT_EVENTS).map(|&i| view! { <EventItem data=data.clone() index=i/> }).collect_view()}
                        </ol>
                    }.into_any()
                }}
                <p>
                    <Link to=all_upcoming class="more">
                        {if more > 0 { t.all_upcoming_n.format(upcoming.len()) } else { t.all_upcoming.to_owned() }}
                    </Link>
                </p>
            </section>

            <section aria-labelledby="active-title">
                <h2 id="active-title">{t.processes_active}</h2>
                <ul class="cards">
                    {active.into_iter().map(|p| view! { <ProcessCard data=data.clone() index=p/> }).collect_view()}
                </ul>
            </section>
            {(!concluded.is_empty()).then(|| view! {
                <section aria-labelledby="concluded-title">
                    <h2 id="concluded-title">{t.processes_concluded}</h2>
                    <ul class="cards">
                        {concluded.into_iter().map(|p| view! { <ProcessCard data=data.clone() index=p/> }).collect_view()}
                    </ul>
                </section>
            })}
            <TagLegend data=data.clone()/>
        </div>
    }
}

#[component]
fn ProcessCard(data: Arc<Data>, index: usize) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    let c = &data.catalog;
    let p = &c.processes[index];
    let today = ctx.today.get_untracked();
    let to = ctx.state.get_untracked().goto(View::Process(p.id.clone()));
    let next = c
        .subtree(index)
        .into_iter()
        .flat_map(|q| c.events_of(q))
        .filter(|&i| c.events[i].is_open(today))
        .min_by_key(|&i| c.events[i].start);
    let parent = c.parent(index).map(|q| data.process_name(q).to_owned());
    let heading_id = format!("card-{}", p.id);
    let name = data.process_name(index).to_owned();
    view! {
        <li class="card" data-process=p.id.to_string()>
            <article aria-labelledby=heading_id.clone()>
                <h3 id=heading_id.clone()>
                    <Link to=to>{name}</Link>
                </h3>
                {data.short_name(index).is_some().then(|| view! { <p class="card__full-name">{data.t(&p.name).to_owned()}</p> })}
                {p.start.map(|s| view! { <p class="card__period muted"><When start=s end=p.end/></p> })}
                {parent.map(|n| view! { <p class="card__lineage muted">{fill(t.part_of, &[("name", &n)])}</p> })}
                <p class="card__summary">{in_lang(&data, &p.summary)} {(!p.confirmed).then(|| view! { " " <Unconfirmed/> })}</p>
                <TagList data=data.clone() ids=p.tags.clone()/>
                {next.map(|i| {
                    let e = &c.events[i];
                    view! {
                        <p class="card__next">
                            <span class="card__next-label">{t.next_event} " "</span>
                            <When start=e.start end=e.end tentative=e.tentative/> " — " {in_lang(&data, &e.title)}
                        </p>
                    }
                })}
            </article>
        </li>
    }
}
