//! The filter panel (one fieldset per facet, each option with the count it would give) and the
//! active filters as removable chips. Shared by the events, timeline and resources views.

use super::ctx::{use_ctx, Data};
use crate::core::model::Id;
use crate::core::query::{Facet, FacetKey};
use crate::core::route::{Filters, When};
use crate::i18n::{dates, fill, Messages};
use crate::web::intl;
use leptos::prelude::*;
use std::sync::Arc;

/// The label of a facet and of one of its options.
pub fn facet_label(data: &Data, t: &Messages, key: FacetKey) -> String {
    match key {
        FacetKey::Process => t.facet_process.to_owned(),
        FacetKey::Taxonomy(i) => data.t(&data.catalog.taxonomies[i].label).to_owned(),
        FacetKey::Kind => t.facet_kind.to_owned(),
        FacetKey::Year => t.facet_year.to_owned(),
        FacetKey::Country => t.facet_country.to_owned(),
        FacetKey::Language => t.facet_language.to_owned(),
        FacetKey::When => t.facet_when.to_owned(),
        FacetKey::Tentative => t.facet_tentative.to_owned(),
    }
}

pub fn option_label(
    data: &Data,
    t: &Messages,
    lang: &str,
    key: FacetKey,
    value: &str,
    resources: bool,
) -> String {
    let c = &data.catalog;
    let locale = dates::intl_locale(lang);
    match key {
        FacetKey::Process => c
            .process(value)
            .map(|(p, _)| data.process_name(p).to_owned()),
        FacetKey::Taxonomy(_) => c.tag(value).map(|(_, g)| data.t(&g.label).to_owned()),
        FacetKey::Kind if resources => c.resource_kind(value).map(|k| data.t(&k.label).to_owned()),
        FacetKey::Kind => c.event_kind(value).map(|k| data.t(&k.label).to_owned()),
        FacetKey::Year => None,
        FacetKey::Country => intl::country(locale, value),
        FacetKey::Language => intl::language(locale, value),
        FacetKey::When => Some(
            if value == "upcoming" {
                t.upcoming_and_ongoing
            } else {
                t.past
            }
            .to_owned(),
        ),
        FacetKey::Tentative => Some(t.tentative_only.to_owned()),
    }
    .unwrap_or_else(|| value.to_owned())
}

/// Whether `value` is chosen in `f` for facet `key`, and the filters with it toggled.
pub fn toggle(f: &Filters, key: FacetKey, value: &str) -> Filters {
    let mut g = f.clone();
    fn flip<T: PartialEq>(v: &mut Vec<T>, x: T) {
        if let Some(i) = v.iter().position(|y| *y == x) {
            v.remove(i);
        } else {
            v.push(x);
        }
    }
    match key {
        FacetKey::Process => {
            if let Ok(id) = Id::parse(value) {
                flip(&mut g.processes, id)
            }
        }
        FacetKey::Taxonomy(_) => {
            if let Ok(id) = Id::parse(value) {
                flip(&mut g.tags, id)
            }
        }
        FacetKey::Kind => {
            if let Ok(id) = Id::parse(value) {
                flip(&mut g.kinds, id)
            }
        }
        FacetKey::Year => {
            if let Ok(y) = value.parse() {
                flip(&mut g.years, y)
            }
        }
        FacetKey::Country => flip(&mut g.countries, value.to_owned()),
        FacetKey::Language => flip(&mut g.languages, value.to_owned()),
        FacetKey::When => {
            let w = if value == "upcoming" {
                When::Upcoming
            } else {
                When::Past
            };
            g.when = if g.when == Some(w) { None } else { Some(w) };
        }
        FacetKey::Tentative => g.tentative = !g.tentative,
    }
    g
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
    let active = Memo::new(move |_| ctx.state.with(|s| chip_count(&s.filters)));
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
                    let nested = key == FacetKey::Process && data.catalog.process(&o.value).is_some_and(|(p, _)| data.catalog.parent(p).is_some());
                    let id = format!("f-{}-{}", key_slug(key), o.value);
                    let value = o.value.clone();
                    let opt = move || facets.with(|fs| fs.get(fi).and_then(|f| f.options.get(oi)).map(|o| (o.count, o.selected)).unwrap_or((0, false)));
                    let empty = move || {
                        let (n, sel) = opt();
                        n == 0 && !sel
                    };
                    view! {
                        <li class="facet__option" class:facet__option--nested=nested class:facet__option--empty=empty>
                            <input
                                type="checkbox"
                                id=id.clone()
                                prop:checked=move || opt().1
                                disabled=empty
                                on:change=move |_| {
                                    let next = ctx.state.with_untracked(|s| toggle(&s.filters, key, &value));
                                    ctx.update(|s| s.filters = next);
                                }
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
                <fieldset class="facet" data-facet=key_slug(key)>
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
        ctx.state
            .with(|s| if to { s.filters.to } else { s.filters.from })
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

pub fn key_slug(key: FacetKey) -> String {
    match key {
        FacetKey::Process => "process".into(),
        FacetKey::Taxonomy(i) => format!("tax{i}"),
        FacetKey::Kind => "kind".into(),
        FacetKey::Year => "year".into(),
        FacetKey::Country => "country".into(),
        FacetKey::Language => "language".into(),
        FacetKey::When => "when".into(),
        FacetKey::Tentative => "tentative".into(),
    }
}

fn chip_count(f: &Filters) -> usize {
    f.processes.len()
        + f.tags.len()
        + f.kinds.len()
        + f.years.len()
        + f.countries.len()
        + f.languages.len()
        + usize::from(f.when.is_some())
        + usize::from(f.tentative)
        + usize::from(f.from.is_some())
        + usize::from(f.to.is_some())
        + usize::from(!f.q.is_empty())
}

/// Active filters as chips; each removes itself, and one button clears them all.
#[component]
pub fn Chips(data: Arc<Data>, #[prop(optional)] resources: bool) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    let lang = ctx.lang.get_untracked();
    move || {
        let f = ctx.state.with(|s| s.filters.clone());
        if f.is_empty() {
            return None;
        }
        let mut chips: Vec<(String, Filters)> = Vec::new();
        let mut add = |key: FacetKey, value: String| {
            let name = facet_label(&data, t, key);
            let label = option_label(&data, t, &lang, key, &value, resources);
            chips.push((
                fill(t.chip_facet, &[("facet", &name), ("value", &label)]),
                toggle(&f, key, &value),
            ));
        };
        for p in &f.processes {
            add(FacetKey::Process, p.to_string());
        }
        for g in &f.tags {
            if let Some(tax) = data.catalog.taxonomy_of(g.as_str()) {
                add(FacetKey::Taxonomy(tax), g.to_string());
            }
        }
        for k in &f.kinds {
            add(FacetKey::Kind, k.to_string());
        }
        for y in &f.years {
            add(FacetKey::Year, y.to_string());
        }
        for c in &f.countries {
            add(FacetKey::Country, c.clone());
        }
        for l in &f.languages {
            add(FacetKey::Language, l.clone());
        }
        if let Some(w) = f.when {
            add(FacetKey::When, w.key().to_owned());
        }
        if f.tentative {
            add(FacetKey::Tentative, "1".into());
        }
        if let Some(d) = f.from {
            chips.push((
                fill(t.chip_from, &[("date", &d.to_string())]),
                Filters {
                    from: None,
                    ..f.clone()
                },
            ));
        }
        if let Some(d) = f.to {
            chips.push((
                fill(t.chip_to, &[("date", &d.to_string())]),
                Filters {
                    to: None,
                    ..f.clone()
                },
            ));
        }
        if !f.q.is_empty() {
            chips.push((
                fill(t.chip_search, &[("q", &f.q)]),
                Filters {
                    q: String::new(),
                    ..f.clone()
                },
            ));
        }
        Some(view! {
            <div class="chips" role="group" aria-label=t.active_filters>
                <ul>
                    {chips.into_iter().map(|(label, next)| {
                        let aria = fill(t.remove_filter, &[("filter", &label)]);
                        view! {
                            <li>
                                <button type="button" class="chip" aria-label=aria on:click=move |_| { let n = next.clone(); ctx.update(|s| s.filters = n) }>
                                    {label} <span aria-hidden="true">" ×"</span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <button type="button" class="button button--ghost chips__clear" on:click=move |_| ctx.update(|s| s.filters = Filters::default())>
                    {t.clear_all}
                </button>
            </div>
        })
    }
}
