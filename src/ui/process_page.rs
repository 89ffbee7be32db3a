//! One process explained: key facts, tags and what they mean, why it matters, how it works, how
//! to engage, where it comes from and leads to, its events, resources and sources.

use super::ctx::{use_ctx, Data};
use super::downloads::Subscribe;
use super::event_item::EventItem;
use super::figures::FigureCard;
use super::link::Link;
use super::marks::Unconfirmed;
use super::prose::{in_lang, Blocks, Links, Sources};
use super::resource_item::ResourceItem;
use super::when::When;
use crate::core::facet::{Dim, Value};
use crate::core::model::{Block, Id};
use crate::core::route::View;
use crate::i18n::fill;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn ProcessPage(data: Arc<Data>, id: Id) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    let Some((index, _)) = data.catalog.process(id.as_str()) else {
        return view! {
            <div class="page">
                <h1>{t.process_not_found_title}</h1>
                <p>{fill(t.process_not_found, &[("id", id.as_str())])}</p>
                <p><Link to=ctx.state.get_untracked().goto(View::Overview)>{t.back_to_overview}</Link></p>
            </div>
        }
        .into_any();
    };
    view! { <Explainer data=data index=index/> }.into_any()
}

#[component]
fn Explainer(data: Arc<Data>, index: usize) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    let c = &data.catalog;
    let p = &c.processes[index];
    let goto = |q: usize| {
        ctx.state
            .get_untracked()
            .goto(View::Process(c.processes[q].id.clone()))
    };
    let today = ctx.today.get_untracked();

    // Breadcrumb: overview, then ancestors from the top.
    let mut ancestors = Vec::new();
    let mut cur = c.parent(index);
    while let Some(q) = cur {
        if ancestors.contains(&q) {
            break;
        }
        ancestors.push(q);
        cur = c.parent(q);
    }
    ancestors.reverse();

    let tags = p
        .tags
        .iter()
        .filter_map(|id| c.tag(id.as_str()))
        .map(|(tax, tag)| {
            view! {
                <div class="legend__row" data-taxonomy=tax.id.to_string() data-tag=tag.id.to_string()>
                    <dt>{data.t(&tax.label).to_owned()}</dt>
                    <dd><span class="tag tag--static">{data.t(&tag.label).to_owned()}</span> " " <span class="tag-def">{data.t(&tag.definition).to_owned()}</span></dd>
                </div>
            }
        })
        .collect_view();

    let facts = p
        .key_facts
        .iter()
        .map(|f| {
            view! {
                <li>
                    {in_lang(&data, &f.text)}
                    {(!f.confirmed).then(|| view! { " " <Unconfirmed/> })}
                    {(!f.sources.is_empty()).then(|| view! { " " <Sources data=data.clone() sources=f.sources.clone() inline=true/> })}
                </li>
            }
        })
        .collect_view();

    let section = |id: &'static str, title: &'static str, blocks: &Vec<Block>| {
        (!blocks.is_empty()).then(|| {
            view! {
                <section class="explainer-section" aria-labelledby=id>
                    <h2 id=id>{title}</h2>
                    <Blocks data=data.clone() blocks=blocks.clone()/>
                </section>
            }
        })
    };

    let link_list = |ids: Vec<usize>| {
        ids.into_iter()
            .map(|q| {
                let name = data.t(&c.processes[q].name).to_owned();
                view! { <li><Link to=goto(q)>{name}</Link></li> }
            })
            .collect_view()
    };
    let parent: Vec<usize> = c.parent(index).into_iter().collect();
    let children: Vec<usize> = c.children(index).to_vec();
    let preds: Vec<usize> = c.predecessors(index).collect();
    let succs: Vec<usize> = c.successors(index).to_vec();
    let has_lineage =
        !(parent.is_empty() && children.is_empty() && preds.is_empty() && succs.is_empty());
    let lineage_row = |label: &'static str, ids: Vec<usize>| {
        (!ids.is_empty()).then(|| view! { <div><dt>{label}</dt><dd><ul class="plain">{link_list(ids)}</ul></dd></div> })
    };

    // Events of the process and of everything under it: upcoming soonest first, then past
    // latest first.
    let subtree = c.subtree(index);
    let mut events: Vec<usize> = (0..c.events.len())
        .filter(|&i| {
            c.events[i]
                .processes
                .iter()
                .any(|id| c.process_index(id).is_some_and(|q| subtree.contains(&q)))
        })
        .collect();
    crate::core::sort::sort_by_key(&mut events, |&i| c.events[i].start);
    let (upcoming, mut past): (Vec<usize>, Vec<usize>) = events
        .into_iter()
        .partition(|&i| c.events[i].is_open(today));
    past.reverse();
    let event_list = |ids: Vec<usize>| view! { <ol class="event-list">{ids.into_iter().map(|i| view! { <EventItem data=data.clone() index=i/> }).collect_view()}</ol> };
    let mut all_events = ctx.state.get_untracked().goto(View::Events);
    all_events
        .filters
        .set(Dim::Process, [Value::Id(p.id.clone())]);
    let mut on_timeline = ctx.state.get_untracked().goto(View::Timeline);
    on_timeline
        .filters
        .set(Dim::Process, [Value::Id(p.id.clone())]);

    let resources: Vec<usize> = c
        .resources
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            r.processes
                .iter()
                .any(|id| c.process_index(id).is_some_and(|q| subtree.contains(&q)))
        })
        .map(|(i, _)| i)
        .collect();
    let figures: Vec<_> = c.figures_of(index).cloned().collect();
    let ex = &p.explainer;

    view! {
        <article class="page page--process" data-process=p.id.to_string()>
            <nav class="breadcrumb" aria-label=t.breadcrumb>
                <ol>
                    <li><Link to=ctx.state.get_untracked().goto(View::Overview)>{t.nav_overview}</Link></li>
                    {ancestors.into_iter().map(|q| {
                        let name = data.process_name(q).to_owned();
                        view! { <li><Link to=goto(q)>{name}</Link></li> }
                    }).collect_view()}
                    <li aria-current="page">{data.process_name(index).to_owned()}</li>
                </ol>
            </nav>
            <header class="page-head">
                <h1>{data.t(&p.name).to_owned()}</h1>
                {data.short_name(index).map(|s| view! { <p class="muted">{s.to_owned()}</p> })}
                {p.start.map(|s| view! { <p class="muted"><When start=s end=p.end/></p> })}
                <p class="lead">{in_lang(&data, &p.summary)} {(!p.confirmed).then(|| view! { " " <Unconfirmed/> })}</p>
                <dl class="tag-defs">{tags}</dl>
            </header>

            {(!figures.is_empty()).then(|| view! {
                <section aria-labelledby="figures-title" class="figures">
                    <h2 id="figures-title">{t.figures}</h2>
                    <div class="figure-grid">{figures.into_iter().map(|f| view! { <FigureCard data=data.clone() figure=f/> }).collect_view()}</div>
                </section>
            })}

            {(!p.key_facts.is_empty()).then(|| view! {
                <section aria-labelledby="facts-title">
                    <h2 id="facts-title">{t.key_facts}</h2>
                    <ul class="key-facts">{facts}</ul>
                </section>
            })}

            {section("why-title", t.why_it_matters, &ex.why_it_matters)}
            {section("how-title", t.how_it_works, &ex.how_it_works)}
            {section("engage-title", t.how_to_engage, &ex.how_to_engage)}

            {has_lineage.then(|| view! {
                <section aria-labelledby="lineage-title">
                    <h2 id="lineage-title">{t.lineage}</h2>
                    <dl class="lineage">
                        {lineage_row(t.lineage_part_of, parent)}
                        {lineage_row(t.lineage_includes, children)}
                        {lineage_row(t.lineage_continues, preds)}
                        {lineage_row(t.lineage_continued_by, succs)}
                    </dl>
                </section>
            })}

            <section aria-labelledby="events-title">
                <h2 id="events-title">{t.nav_events}</h2>
                <p class="section-links">
                    <Link to=all_events>{t.filter_these_events}</Link> " · " <Link to=on_timeline>{t.see_on_timeline}</Link>
                </p>
                <Subscribe name=p.id.to_string() label=t.subscribe_process/>
                <h3>{t.upcoming}</h3>
                {if upcoming.is_empty() { view! { <p class="empty">{t.no_upcoming}</p> }.into_any() } else { event_list(upcoming).into_any() }}
                <h3>{t.past}</h3>
                {if past.is_empty() { view! { <p class="empty">{t.no_past}</p> }.into_any() } else { event_list(past).into_any() }}
            </section>

            {(!resources.is_empty()).then(|| view! {
                <section aria-labelledby="resources-title">
                    <h2 id="resources-title">{t.nav_resources}</h2>
                    <ul class="resource-list">{resources.into_iter().map(|r| view! { <ResourceItem data=data.clone() index=r/> }).collect_view()}</ul>
                </section>
            })}

            {(!p.links.is_empty()).then(|| view! {
                <section aria-labelledby="links-title">
                    <h2 id="links-title">{t.official_links}</h2>
                    <Links data=data.clone() links=p.links.clone()/>
                </section>
            })}
            <section aria-labelledby="sources-title">
                <h2 id="sources-title">{t.sources}</h2>
                <Sources data=data.clone() sources=p.sources.clone()/>
            </section>
        </article>
    }
}
