//! Taking results away: the filtered events or resources as CSV or JSON (in the dataset's
//! schema), the events as a calendar file, and links to the calendars and feeds built with the
//! site. Embeds are sandboxed without downloads, so they show none of this.

use super::ctx::{use_ctx, Data};
use crate::core::export::{self, Words};
use crate::core::query::Results;
use crate::core::{csv, file, ics};
use crate::i18n::Messages;
use crate::web::{download, history};
use leptos::prelude::*;
use std::sync::Arc;

/// What calendar entries and CSV rows link back to, and where the built calendars are.
fn app_base() -> String {
    history::folder()
}

fn words(t: &'static Messages) -> Words<'static> {
    Words {
        date_to_be_confirmed: t.export_date_tbc,
        tentative: t.export_tentative,
        outcome: t.outcome,
        online: t.online,
        details: t.export_details,
    }
}

/// A calendar of `events` (indices into the catalog), named `name`.
pub fn calendar_text(data: &Data, events: &[usize], name: &str) -> String {
    let base = app_base();
    let cal = ics::Calendar {
        name,
        dataset: export::dataset_name(&data.url),
        base_url: Some(&base),
        lang: &data.lang,
        stamp: download::now_utc(),
        words: words(use_ctx().messages()),
    };
    ics::calendar(&data.catalog, events, &cal)
}

/// Saves a file; a refusal (a sandbox without downloads, say) is only worth a console note.
pub fn save(filename: &str, mime: &str, text: &str) {
    if download::save(filename, mime, text).is_err() {
        web_sys::console::warn_1(&"the download was refused".into());
    }
}

#[component]
pub fn Downloads(
    data: Arc<Data>,
    results: Memo<Results>,
    /// Resources rather than events: no calendar then.
    #[prop(optional)]
    resources: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    // Embeds are sandboxed without downloads. A static page (prerendered natively) holds the
    // same block, kept invisible (`js-only`) until the app replaces it: the buttons need
    // JavaScript, and reserving their space keeps the hand-over from moving anything.
    if ctx.state.with_untracked(|s| s.globals.embed) {
        return None;
    }
    let what = if resources { "resources" } else { "events" };
    let file = format!("{}-{what}", export::dataset_name(&data.url));
    let hits = move || results.with(|r| r.hits.iter().map(|&h| h as usize).collect::<Vec<_>>());
    let csv = {
        let (data, file) = (data.clone(), file.clone());
        move |_| {
            let h = hits();
            let text = if resources {
                csv::resources_csv(&data.catalog, &h, &data.lang)
            } else {
                csv::events_csv(&data.catalog, &h, &data.lang, Some(&app_base()))
            };
            save(&format!("{file}.csv"), "text/csv;charset=utf-8", &text);
        }
    };
    let json = {
        let (data, file) = (data.clone(), file.clone());
        move |_| {
            let h = hits();
            let (events, res) = if resources { (vec![], h) } else { (h, vec![]) };
            let text = file::subset_json(&data.catalog, &events, &res);
            save(&format!("{file}.json"), "application/json", &text);
        }
    };
    let ics = (!resources).then(|| {
        let (data, file) = (data.clone(), file.clone());
        let on_click = move |_| {
            let name = format!("{} — {}", data.t(&data.catalog.meta.title), t.nav_events);
            let text = calendar_text(&data, &hits(), &name);
            save(&format!("{file}.ics"), "text/calendar;charset=utf-8", &text);
        };
        view! { <button type="button" class="button button--ghost" data-download="ics" on:click=on_click>{t.download_ics}</button> }
    });
    Some(view! {
        <div class="downloads js-only" role="group" aria-label=t.downloads_label>
            <span class="downloads__label">{t.downloads_label}</span>
            <button type="button" class="button button--ghost" data-download="csv" on:click=csv>{t.download_csv}</button>
            <button type="button" class="button button--ghost" data-download="json" on:click=json>{t.download_json}</button>
            {ics}
        </div>
    })
}

/// Links to a calendar built with the site (`calendar/<name>.ics`): a `webcal:` link that
/// calendar programs subscribe to, and the plain file. Only for the site's own dataset: a
/// partner's dataset (`?data=`) has no built calendars.
#[component]
pub fn Subscribe(name: String, label: &'static str) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    // A partner's dataset has no built calendars; embeds link to no files. A static page holds
    // the block invisible (`js-only`, as for downloads): `webcal:` needs the absolute address
    // that only the app knows.
    if ctx
        .state
        .with_untracked(|s| s.globals.data.is_some() || s.globals.embed)
    {
        return None;
    }
    // From the app's folder, not the page's: a static page may sit in a subfolder (`p/`).
    let file = format!("{}calendar/{name}.ics", app_base());
    let webcal = match file.split_once("://") {
        Some((_, rest)) => format!("webcal://{rest}"),
        None => file.clone(),
    };
    Some(view! {
        <p class="subscribe js-only">
            <a href=webcal data-subscribe=name.clone()>{label}</a>
            " · "
            <a href=file download>{t.calendar_file}</a>
        </p>
    })
}
