//! The detail of one event, in a modal dialog over whatever view opened it. The URL carries it
//! (`event=`), so it can be shared, and Back closes it.

use super::ctx::{use_ctx, Data};
use super::event_item::place;
use super::link::Link;
use super::marks::{TenseMark, Unconfirmed};
use super::prose::{lang_attrs, Links, Sources};
use super::when::When;
use crate::core::date::tense;
use crate::core::route::View;
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn EventDialog(data: Arc<Data>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    let dialog = NodeRef::<html::Dialog>::new();
    let selected = Memo::new(move |_| ctx.state.with(|s| s.event.clone()));
    let close = move || {
        if ctx.state.with_untracked(|s| s.event.is_some()) {
            ctx.update(|s| s.event = None);
        }
    };
    Effect::new(move |_| {
        let Some(d) = dialog.get() else { return };
        match selected.get() {
            Some(_) if !d.open() => {
                let embed = ctx.state.with_untracked(|s| s.globals.embed);
                let style = web_sys::HtmlElement::style(&d);
                let doc = web_sys::window().and_then(|w| w.document());
                if embed {
                    // An embed is as tall as its content and the host page scrolls it, so the
                    // middle of the frame's viewport may be far off screen: open the dialog by
                    // the link that opened it (it still has focus), before focus moves into it.
                    let at = doc
                        .as_ref()
                        .and_then(|d| d.active_element())
                        .map(|e| e.get_bounding_client_rect().top())
                        .unwrap_or(0.0)
                        .max(0.0)
                        .round();
                    let _ = style.set_property("--dialog-at", &format!("{}px", at as i64));
                }
                let _ = d.show_modal();
                if embed {
                    // Kept inside the frame: what overflows it would be cut off.
                    let room = doc
                        .and_then(|d| d.document_element())
                        .map(|e| e.get_bounding_client_rect().height())
                        .unwrap_or(0.0);
                    let r = d.get_bounding_client_rect();
                    if r.bottom() > room - 16.0 {
                        let top = (room - r.height() - 16.0).max(0.0).round();
                        let _ = style.set_property("--dialog-at", &format!("{}px", top as i64));
                        d.scroll_into_view();
                    }
                }
            }
            None if d.open() => d.close(),
            _ => {}
        }
    });
    let body = {
        let data = data.clone();
        move || {
            let id = selected.get()?;
            match data.catalog.event(id.as_str()) {
                Some((i, _)) => Some(view! { <EventBody data=data.clone() index=i/> }.into_any()),
                None => Some(
                    view! {
                        <h2 id="event-dialog-title">{t.event_not_found_title}</h2>
                        <p>{crate::i18n::fill(t.event_not_found, &[("id", id.as_str())])}</p>
                    }
                    .into_any(),
                ),
            }
        }
    };
    // The close button is a plain button, not <form method="dialog">: embeds are sandboxed
    // without allow-forms, which blocks even dialog forms.
    view! {
        <dialog
            class="event-dialog"
            node_ref=dialog
            aria-labelledby="event-dialog-title"
            on:close=move |_| close()
            on:click=move |ev| {
                // A click on the backdrop lands on the dialog element itself.
                if let Some(d) = dialog.get_untracked() {
                    let target: Option<web_sys::EventTarget> = ev.target();
                    if target.is_some_and(|t| AsRef::<web_sys::EventTarget>::as_ref(&*d) == &t) {
                        d.close();
                    }
                }
            }
        >
            <div class="event-dialog__inner">
                <div class="event-dialog__close">
                    <button
                        type="button"
                        class="button button--ghost"
                        aria-label=t.close
                        on:click=move |_| {
                            if let Some(d) = dialog.get_untracked() {
                                d.close();
                            }
                        }
                    >
                        "×"
                    </button>
                </div>
                {body}
            </div>
        </dialog>
    }
}

#[component]
fn EventBody(data: Arc<Data>, index: usize) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    let e = data.catalog.events[index].clone();
    let tense = tense(e.start, e.end, ctx.today.get_untracked());
    let kind = data.event_kind_label(index).to_owned();
    let place = place(&data, index, &ctx.lang.get_untracked());
    let processes = e
        .processes
        .iter()
        .filter_map(|id| data.catalog.process(id.as_str()))
        .map(|(p, pr)| {
            let to = ctx.state.get_untracked().goto(View::Process(pr.id.clone()));
            let name = data.t(&pr.name).to_owned();
            let short = format!(
                " {}",
                crate::i18n::fill(t.in_parentheses, &[("text", data.process_name(p))])
            );
            view! { <li><Link to=to>{name}</Link> {short}</li> }
        })
        .collect_view();
    let embed = ctx.state.with_untracked(|s| s.globals.embed);
    let (title_lang, title_dir) = lang_attrs(&data, &e.title);
    let add_to_calendar = {
        let (data, id, title) = (data.clone(), e.id.clone(), data.t(&e.title).to_owned());
        move |_| {
            let text = super::downloads::calendar_text(&data, &[index], &title);
            super::downloads::save(&format!("{id}.ics"), "text/calendar;charset=utf-8", &text);
        }
    };
    let mut share = ctx.state.get_untracked();
    share.globals.embed = false;
    let share_url = crate::web::history::absolute(&share);
    view! {
        <p class="event-dialog__kind">{kind} " " <TenseMark tense=tense/> {(!e.confirmed).then(|| view! { " " <Unconfirmed/> })}</p>
        <h2 id="event-dialog-title" lang=title_lang dir=title_dir>{data.t(&e.title).to_owned()}</h2>
        <dl class="facts">
            <div><dt>{t.when}</dt><dd><When start=e.start end=e.end tentative=e.tentative long=true/></dd></div>
            {place.map(|p| view! { <div><dt>{t.where_}</dt><dd>{p}</dd></div> })}
            <div><dt>{t.processes}</dt><dd><ul class="plain">{processes}</ul></dd></div>
        </dl>
        {e.tentative.then(|| view! { <p class="note note--tentative">{t.tentative_explained}</p> })}
        {(!e.confirmed).then(|| view! { <p class="note note--unconfirmed">{t.unconfirmed_explained}</p> })}
        {e.summary.as_ref().map(|s| { let (l, d) = lang_attrs(&data, s); view! { <p lang=l dir=d>{data.t(s).to_owned()}</p> } })}
        {e.outcome.as_ref().map(|o| { let (l, d) = lang_attrs(&data, o); view! { <h3>{t.outcome}</h3><p lang=l dir=d>{data.t(o).to_owned()}</p> } })}
        {(!e.links.is_empty()).then(|| view! { <h3>{t.links}</h3><Links data=data.clone() links=e.links.clone()/> })}
        <Sources data=data.clone() sources=e.sources.clone()/>
        <p class="event-dialog__share">
            <label for="event-share">{t.share_link}</label>
            <input id="event-share" type="url" readonly value=share_url/>
        </p>
        {(!embed).then(|| view! {
            <p><button type="button" class="button button--ghost" data-download="event-ics" on:click=add_to_calendar>{t.add_to_calendar}</button></p>
        })}
    }
}
