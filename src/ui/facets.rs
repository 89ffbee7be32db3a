//! The filter panel (one fieldset per facet, each option with the count it would give) and the
//! active filters as removable chips. Shared by the events, timeline and resources views.

use super::ctx::{use_ctx, Data};
use crate::core::facet::{Dim, Filters, Value, When};
use crate::core::query::{Facet, FacetKey};
use crate::i18n::{dates, fill, Messages};
use crate::web::intl;
use leptos::prelude::*;
use std::sync::Arc;

/// The label of a facet: a taxonomy's own label, else the vocabulary's message.
pub fn facet_label(data: &Data, t: &Messages, key: FacetKey) -> String {
    match key {
        FacetKey::Taxonomy(i) => data.t(&data.catalog.taxonomies[i].label).to_owned(),
        k => t.by_key(k.dim().spec().label).to_owned(),
    }
}

/// The label of one option: the dataset's name for it, else the interface's.
pub fn option_label(
    data: &Data,
    t: &Messages,
    lang: &str,
    key: FacetKey,
    value: &Value,
    resources: bool,
) -> String {
    if let Some(l) = data.option_label(key, value, resources) {
        return l.to_owned();
    }
    let locale = dates::intl_locale(lang);
    match value {
        Value::Code(c) if key == FacetKey::Country => intl::country(locale, c),
        Value::Code(c) => intl::language(locale, c),
        Value::When(When::Upcoming) => Some(t.upcoming_and_ongoing.to_owned()),
        Value::When(When::Past) => Some(t.past.to_owned()),
        Value::Yes => Some(t.tentative_only.to_owned()),
        _ => None,
    }
    .unwrap_or_else(|| value.to_string())
}

/// The facet a chosen value shows under (tags: their taxonomy's).
fn facet_of(data: &Data, dim: Dim, value: &Value) -> Option<FacetKey> {
    Some(match (dim, value) {
        (Dim::Tag, Value::Id(id)) => FacetKey::Taxonomy(data.catalog.taxonomy_of(id.as_str())?),
        (Dim::Process, _) => FacetKey::Process,
        (Dim::Tag, _) => return None,
        (Dim::Kind, _) => FacetKey::Kind,
        (Dim::Year, _) => FacetKey::Year,
        (Dim::Country, _) => FacetKey::Country,
        (Dim::Language, _) => FacetKey::Language,
        (Dim::When, _) => FacetKey::When,
        (Dim::Tentative, _) => FacetKey::Tentative,
    })
}

/// The filter form. `facets` is reactive: counts change as other filters change. The options
/// themselves never change (they come from the whole dataset), so each checkbox is created once
/// and keeps keyboard focus while the counts around it update.
#[component]
pub fn FilterPanel(
    data: Arc<Data>,
    facets: Memo<Vec<Facet>>,
    #[prop(optional)] resources: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    let lang = ctx.lang.get_untracked();
    let initial = facets.get_untracked();
    let active = Memo::new(move |_| ctx.filters.with(Filters::count));
    let groups = initial
        .into_iter()
        .enumerate()
        .map(|(fi, facet)| {
            let key = facet.key;
            let legend = facet_label(&data, t, key);
            let options = facet
                .options
                .into_iter()
                .enumerate()
                .map(|(oi, o)| {
                    let label = option_label(&data, t, &lang, key, &o.value, resources);
                    let nested = key == FacetKey::Process && data.catalog.process(&o.value.to_string()).is_some_and(|(p, _)| data.catalog.parent(p).is_some());
                    let id = format!("f-{}-{}", key.slug(), o.value);
                    let value = o.value.clone();
                    let dim = key.dim();
                    // The option's own (count, chosen): its DOM effects run only when these change,
                    // not on every update of the facets around it.
                    let opt = Memo::new(move |_| facets.with(|fs| fs.get(fi).and_then(|f| f.options.get(oi)).map(|o| (o.count, o.selected)).unwrap_or((0, false))));
                    let opt = move || opt.get();
                    let empty = Memo::new(move |_| {
                        let (n, sel) = opt();
                        n == 0 && !sel
                    });
                    view! {
                        <li class="facet__option" class:facet__option--nested=nested class:facet__option--empty=empty>
                            <input
                                type="checkbox"
                                id=id.clone()
                                prop:checked=move || opt().1
                                disabled=empty
                                on:change=move |_| ctx.set_filters(ctx.filters.with_untracked(|f| f.toggled(dim, &value)))
                            />
                            <label for=id>
                                <span class="facet__label">{label}</span>
                                " " <span class="facet__count">{move || opt().0}</span>
                            </label>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="facet" data-facet=key.slug()>
                    <legend>{legend}</legend>
                    <ul class="facet__options">{options}</ul>
                </fieldset>
            }
        })
        .collect_view();
    // On a phone the results come first; the filters are one tap away.
    let open = !crate::web::media::media_query(crate::web::media::NARROW).get_untracked();
    view! {
        <details class="filters" open=open>
            <summary>
                {t.filters}
                {move || { let n = active.get(); (n > 0).then(|| format!(" ({n})")) }}
            </summary>
            <div class="filters__body">
                {(!resources).then(|| view! { <DateRange/> })}
                {groups}
            </div>
        </details>
    }
}

/// From / to: a range of dates, each a year, month or day.
#[component]
fn DateRange() -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    let set = move |to: bool, v: String| {
        let d = crate::core::date::PartialDate::parse(v.trim()).ok();
        ctx.update(|s| {
            if to {
                s.filters.to = d
            } else {
                s.filters.from = d
            }
        });
    };
    let value = move |to: bool| {
        ctx.filters
            .with(|f| if to { f.to } else { f.from })
            .map(|d| d.to_string())
            .unwrap_or_default()
    };
    view! {
        <fieldset class="facet facet--range" data-facet="range">
            <legend>{t.facet_dates}</legend>
            <div class="range">
                <label>
                    <span>{t.from}</span>
                    <input type="text" inputmode="numeric" placeholder=t.date_placeholder pattern="[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?" size="10"
                        prop:value=move || value(false) on:change:target=move |ev| set(false, ev.target().value())/>
                </label>
                <label>
                    <span>{t.to}</span>
                    <input type="text" inputmode="numeric" placeholder=t.date_placeholder pattern="[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?" size="10"
                        prop:value=move || value(true) on:change:target=move |ev| set(true, ev.target().value())/>
                </label>
            </div>
        </fieldset>
    }
}

/// Active filters as chips; each removes itself, and one button clears them all.
#[component]
pub fn Chips(data: Arc<Data>, #[prop(optional)] resources: bool) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    let lang = ctx.lang.get_untracked();
    move || {
        let f = ctx.filters.get();
        if f.is_empty() {
            return None;
        }
        let mut chips: Vec<(String, Filters)> = f
            .chosen()
            .filter_map(|(dim, value)| {
                let key = facet_of(&data, dim, value)?;
                let name = facet_label(&data, t, key);
                let label = option_label(&data, t, &lang, key, value, resources);
                Some((
                    fill(t.chip_facet, &[("facet", &name), ("value", &label)]),
                    f.toggled(dim, value),
                ))
            })
            .collect();
        if let Some(d) = f.from {
            let mut next = f.clone();
            next.from = None;
            chips.push((fill(t.chip_from, &[("date", &d.to_string())]), next));
        }
        if let Some(d) = f.to {
            let mut next = f.clone();
            next.to = None;
            chips.push((fill(t.chip_to, &[("date", &d.to_string())]), next));
        }
        if !f.q.is_empty() {
            let mut next = f.clone();
            next.q = String::new();
            chips.push((fill(t.chip_search, &[("q", &f.q)]), next));
        }
        Some(view! {
            <div class="chips" role="group" aria-label=t.active_filters>
                <ul>
                    {chips.into_iter().map(|(label, next)| {
                        let aria = fill(t.remove_filter, &[("filter", &label)]);
                        view! {
                            <li>
                                <button type="button" class="chip" aria-label=aria on:click=move |_| ctx.set_filters(next.clone())>
                                    {label} <span aria-hidden="true">" ×"</span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <button type="button" class="button button--ghost chips__clear" on:click=move |_| ctx.set_filters(Filters::default())>
                    {t.clear_all}
                </button>
            </div>
        })
    }
}
