//! The embed-code builder: a partner picks what the tracker shows and how it looks, watches a live
//! preview (the app itself in embed mode), and copies one of two snippets: a plain iframe, or
//! `embed.js` with a placeholder, which also sizes the frame to its content.

use super::ctx::{use_ctx, Data};
use super::embed_head::EmbedHead;
use super::facets::option_label;
use crate::core::colour::{readable_on, Rgb, DARK_BG, LIGHT_BG};
use crate::core::facet::{Dim, Filters, Value, When, DIMS};
use crate::core::model::Id;
use crate::core::query::FacetKey;
use crate::core::route::{parse_hex_colour, Globals, State, Theme, View};
use crate::i18n::{fill, LANGUAGES};
use crate::web::history;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// What an embedded frame may do: run the app and fetch its own data (scripts, same origin), and
/// open "the full tracker" in a normal, unsandboxed tab. Nothing else: no forms, no top
/// navigation, no downloads. `public/embed.js` uses the same list.
const SANDBOX: &str = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox";
/// The partner's page address stays private beyond its origin.
const REFERRER_POLICY: &str = "strict-origin-when-cross-origin";
/// The stylesheet's light accent, shown by the colour picker until the partner picks their own.
const DEFAULT_ACCENT: &str = "#1d4ed8";
const IFRAME_HEIGHT: u32 = 640;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pick {
    Overview,
    Process,
    Events,
    Timeline,
    Resources,
}

impl Pick {
    const ALL: [Pick; 5] = [
        Pick::Overview,
        Pick::Process,
        Pick::Events,
        Pick::Timeline,
        Pick::Resources,
    ];

    /// The `view=` value, which is also `data-view` for `embed.js`.
    fn key(self) -> &'static str {
        match self {
            Pick::Overview => "overview",
            Pick::Process => "process",
            Pick::Events => "events",
            Pick::Timeline => "timeline",
            Pick::Resources => "resources",
        }
    }

    fn from_key(k: &str) -> Pick {
        Pick::ALL
            .into_iter()
            .find(|p| p.key() == k)
            .unwrap_or(Pick::Overview)
    }

    /// Whether the "when" and "kind" filters mean anything here (they are event filters).
    fn event_filters(self) -> bool {
        matches!(self, Pick::Events | Pick::Timeline)
    }
}

/// The partner's choices. Filters that do not apply to the chosen view are kept (so switching
/// back restores them) but left out of the URL.
#[derive(Clone, Debug, PartialEq)]
struct Choice {
    pick: Pick,
    /// The explainer to show (process view) or the process filter (other views).
    process: Option<Id>,
    upcoming: bool,
    kind: Option<Id>,
    theme: Option<Theme>,
    /// `rrggbb`.
    accent: Option<String>,
    lang: Option<String>,
}

impl Choice {
    /// The embedded app's state. Partner dataset and pinned day carry over from the page the
    /// builder was opened on: the snippet shows what the preview shows.
    fn state(&self, current: &Globals) -> State {
        let mut s = State {
            view: match (self.pick, &self.process) {
                (Pick::Overview, _) | (Pick::Process, None) => View::Overview,
                (Pick::Process, Some(id)) => View::Process(id.clone()),
                (Pick::Events, _) => View::Events,
                (Pick::Timeline, _) => View::Timeline,
                (Pick::Resources, _) => View::Resources,
            },
            ..State::default()
        };
        let f = &mut s.filters;
        if !matches!(self.pick, Pick::Overview | Pick::Process) {
            f.set(Dim::Process, self.process.iter().cloned().map(Value::Id));
        }
        if self.pick.event_filters() {
            f.set(
                Dim::When,
                self.upcoming.then_some(Value::When(When::Upcoming)),
            );
            f.set(Dim::Kind, self.kind.iter().cloned().map(Value::Id));
        }
        s.globals = Globals {
            today: current.today,
            data: current.data.clone(),
            embed: true,
            theme: self.theme,
            accent: self.accent.clone(),
            lang: self.lang.clone(),
            frame: None,
        };
        s
    }

    /// The same choices as `data-` attributes for `embed.js`, which maps them back to the URL.
    fn attributes(&self, current: &Globals, title: &str) -> Vec<(String, String)> {
        let s = self.state(current);
        let view = if s.view == View::Overview {
            Pick::Overview
        } else {
            self.pick
        };
        let mut a: Vec<(&str, String)> = vec![("view", view.key().to_owned())];
        if let View::Process(id) = &s.view {
            a.push(("process", id.to_string()));
        }
        // Every chosen filter, under its URL key: embed.js maps `data-<key>` back to it.
        for spec in &DIMS {
            let values = s.filters.values(spec.dim);
            if !values.is_empty() {
                let list: Vec<String> = values.iter().map(Value::to_string).collect();
                a.push((spec.key, list.join(",")));
            }
        }
        let g = &s.globals;
        if let Some(t) = g.theme {
            a.push(("theme", theme_key(t).to_owned()));
        }
        if let Some(c) = &g.accent {
            a.push(("accent", format!("#{c}")));
        }
        if let Some(l) = &g.lang {
            a.push(("lang", l.clone()));
        }
        if let Some(d) = &g.data {
            a.push(("data", d.as_str().to_owned()));
        }
        if let Some(d) = g.today {
            a.push(("today", d.to_string()));
        }
        a.push(("title", title.to_owned()));
        a.into_iter()
            .map(|(k, v)| (format!("data-{k}"), v))
            .collect()
    }
}

fn theme_key(t: Theme) -> &'static str {
    match t {
        Theme::Light => "light",
        Theme::Dark => "dark",
        Theme::Auto => "auto",
    }
}

/// Text for an HTML attribute value in double quotes.
fn attr(v: &str) -> String {
    v.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn iframe_snippet(url: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{IFRAME_HEIGHT}\" style=\"border:0\" loading=\"lazy\" sandbox=\"{SANDBOX}\" referrerpolicy=\"{REFERRER_POLICY}\"></iframe>",
        attr(url),
        attr(title)
    )
}

fn script_snippet(base: &str, attrs: &[(String, String)]) -> String {
    let attrs: String = attrs
        .iter()
        .map(|(k, v)| format!(" {k}=\"{}\"", attr(v)))
        .collect();
    format!(
        "<script src=\"{}embed.js\" async></script>\n<div data-process-tracker{attrs}></div>",
        attr(base)
    )
}

#[component]
pub fn EmbedPage(data: Arc<Data>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    let globals = ctx.state.with_untracked(|s| s.globals.clone());
    let c = &data.catalog;
    let title = data.t(&c.meta.title).to_owned();
    let first_process = c.processes.first().map(|p| p.id.clone());

    let choice = RwSignal::new(Choice {
        pick: Pick::Events,
        process: None,
        upcoming: true,
        kind: None,
        theme: None,
        accent: None,
        lang: None,
    });
    // `embed.js` sits next to `index.html`.
    let base = history::folder();
    let url = {
        let globals = globals.clone();
        Memo::new(move |_| choice.with(|ch| history::absolute(&ch.state(&globals))))
    };
    let iframe_code = {
        let title = title.clone();
        Memo::new(move |_| iframe_snippet(&url.get(), &title))
    };
    let script_code = {
        let title = title.clone();
        Memo::new(move |_| {
            choice.with(|ch| script_snippet(&base, &ch.attributes(&globals, &title)))
        })
    };

    let view_options = Pick::ALL
        .into_iter()
        .map(|p| {
            let label = match p {
                Pick::Overview => t.nav_overview,
                Pick::Process => t.embed_view_process,
                Pick::Events => t.nav_events,
                Pick::Timeline => t.nav_timeline,
                Pick::Resources => t.nav_resources,
            };
            view! { <option value=p.key() prop:selected=move || choice.with(|ch| ch.pick == p)>{label}</option> }
        })
        .collect_view();
    // The same options, in the same order and words, as the filter panel's.
    let facets = data
        .events(&Filters::default(), ctx.today.get_untracked())
        .facets;
    let options = |key: FacetKey, pick: fn(&Choice) -> Option<&Id>| {
        let opts = facets
            .iter()
            .find(|f| f.key == key)
            .map(|f| f.options.clone())
            .unwrap_or_default();
        opts.into_iter()
            .filter_map(|o| match &o.value {
                Value::Id(id) => Some((id.clone(), option_label(&data, t, &ctx.lang.get_untracked(), key, &o.value, false))),
                _ => None,
            })
            .map(|(id, label)| {
                let value = id.to_string();
                view! { <option value=value prop:selected=move || choice.with(|ch| pick(ch) == Some(&id))>{label}</option> }
            })
            .collect_view()
    };
    let process_options = options(FacetKey::Process, |ch| ch.process.as_ref());
    let kind_options = options(FacetKey::Kind, |ch| ch.kind.as_ref());
    let theme_options = [(None, t.embed_theme_auto), (Some(Theme::Light), t.embed_theme_light), (Some(Theme::Dark), t.embed_theme_dark)]
        .into_iter()
        .map(|(th, label)| {
            let value = th.map(theme_key).unwrap_or("");
            view! { <option value=value prop:selected=move || choice.with(|ch| ch.theme == th)>{label}</option> }
        })
        .collect_view();
    let lang_options = LANGUAGES
        .into_iter()
        .map(|l| {
            // Each language named in itself, as the switcher does: a partner looks for their own.
            let info = crate::i18n::language(l);
            let name = info.map_or(l, |i| i.name);
            let dir = if info.is_some_and(|i| i.rtl()) { "rtl" } else { "ltr" };
            view! { <option value=l lang=l dir=dir prop:selected=move || choice.with(|ch| ch.lang.as_deref() == Some(l))>{name}</option> }
        })
        .collect_view();

    let on_pick = move |v: String| {
        let pick = Pick::from_key(&v);
        choice.update(|ch| {
            // An explainer needs a process; "all processes" means nothing there.
            if pick == Pick::Process && ch.process.is_none() {
                ch.process = first_process.clone();
            }
            ch.pick = pick;
        })
    };
    let is_process = move || choice.with(|ch| ch.pick == Pick::Process);
    let adjusted = move || {
        let c = choice.with(|ch| ch.accent.clone())?;
        let rgb = Rgb::from_hex(&c)?;
        let (light, dark) = (readable_on(rgb, LIGHT_BG), readable_on(rgb, DARK_BG));
        (light != rgb || dark != rgb).then(|| {
            fill(
                t.embed_accent_adjusted,
                &[("light", &light.hex()), ("dark", &dark.hex())],
            )
        })
    };

    // In the preview iframe below, `sandbox` precedes `src`: attributes are set in order, and the
    // sandbox must be in place before the frame's first navigation.
    view! {
        <div class="page page--embed">
            <EmbedHead/>
            <div class="embed-builder">
                <div class="embed-builder__options">
                    <fieldset class="embed-builder__group">
                        <legend>{t.embed_what_to_show}</legend>
                        <p class="embed-field">
                            <label for="embed-view">{t.embed_view_label}</label>
                            <select id="embed-view" on:change:target=move |ev| on_pick(ev.target().value())>{view_options}</select>
                        </p>
                        <p class="embed-field" class:embed-field--off=move || choice.with(|ch| ch.pick == Pick::Overview)>
                            <label for="embed-process">{t.facet_process}</label>
                            <select
                                id="embed-process"
                                disabled=move || choice.with(|ch| ch.pick == Pick::Overview)
                                on:change:target=move |ev| {
                                    let id = Id::parse(&ev.target().value()).ok();
                                    choice.update(|ch| ch.process = id);
                                }
                            >
                                <option value="" disabled=is_process prop:selected=move || choice.with(|ch| ch.process.is_none())>{t.embed_all_processes}</option>
                                {process_options}
                            </select>
                        </p>
                        <p class="embed-field embed-field--check" class:embed-field--off=move || !choice.with(|ch| ch.pick.event_filters())>
                            <input
                                type="checkbox"
                                id="embed-upcoming"
                                disabled=move || !choice.with(|ch| ch.pick.event_filters())
                                prop:checked=move || choice.with(|ch| ch.upcoming)
                                on:change:target=move |ev| {
                                    let on = ev.target().checked();
                                    choice.update(|ch| ch.upcoming = on);
                                }
                            />
                            <label for="embed-upcoming">{t.embed_only_upcoming}</label>
                        </p>
                        <p class="embed-field" class:embed-field--off=move || !choice.with(|ch| ch.pick.event_filters())>
                            <label for="embed-kind">{t.facet_kind}</label>
                            <select
                                id="embed-kind"
                                disabled=move || !choice.with(|ch| ch.pick.event_filters())
                                on:change:target=move |ev| {
                                    let id = Id::parse(&ev.target().value()).ok();
                                    choice.update(|ch| ch.kind = id);
                                }
                            >
                                <option value="" prop:selected=move || choice.with(|ch| ch.kind.is_none())>{t.embed_any_kind}</option>
                                {kind_options}
                            </select>
                        </p>
                    </fieldset>
                    <fieldset class="embed-builder__group">
                        <legend>{t.embed_appearance}</legend>
                        <p class="embed-field">
                            <label for="embed-theme">{t.embed_theme_label}</label>
                            <select
                                id="embed-theme"
                                on:change:target=move |ev| {
                                    let th = match ev.target().value().as_str() {
                                        "light" => Some(Theme::Light),
                                        "dark" => Some(Theme::Dark),
                                        _ => None,
                                    };
                                    choice.update(|ch| ch.theme = th);
                                }
                            >
                                {theme_options}
                            </select>
                        </p>
                        <div class="embed-field">
                            <label for="embed-accent">{t.embed_accent_label}</label>
                            <div class="embed-accent">
                                <input
                                    type="color"
                                    id="embed-accent"
                                    prop:value=move || choice.with(|ch| ch.accent.as_ref().map(|a| format!("#{a}")).unwrap_or_else(|| DEFAULT_ACCENT.to_owned()))
                                    on:input:target=move |ev| {
                                        let c = parse_hex_colour(&ev.target().value());
                                        choice.update(|ch| ch.accent = c);
                                    }
                                />
                                <button
                                    type="button"
                                    class="button"
                                    disabled=move || choice.with(|ch| ch.accent.is_none())
                                    on:click=move |_| choice.update(|ch| ch.accent = None)
                                >
                                    {t.embed_accent_reset}
                                </button>
                            </div>
                            <p class="embed-field__note" aria-live="polite">{adjusted}</p>
                        </div>
                        <p class="embed-field">
                            <label for="embed-lang">{t.embed_language_label}</label>
                            <select
                                id="embed-lang"
                                on:change:target=move |ev| {
                                    let v = ev.target().value();
                                    choice.update(|ch| ch.lang = (!v.is_empty()).then_some(v));
                                }
                            >
                                <option value="" prop:selected=move || choice.with(|ch| ch.lang.is_none())>{t.embed_language_default}</option>
                                {lang_options}
                            </select>
                        </p>
                    </fieldset>
                </div>
                <section class="embed-builder__preview" aria-labelledby="embed-preview-title">
                    <h2 id="embed-preview-title">{t.embed_preview}</h2>
                    <div class="embed-preview">
                        <iframe
                            class="embed-preview__frame"
                            sandbox=SANDBOX
                            referrerpolicy=REFERRER_POLICY
                            title=t.embed_preview_title
                            src=move || url.get()
                        ></iframe>
                    </div>
                    <p>
                        <a href=move || url.get() target="_blank" rel="noopener" class="embed-open">
                            {t.embed_open_preview}" "<span class="icon-out" aria-hidden="true">"↗"</span><span class="visually-hidden">{t.opens_new_tab}</span>
                        </a>
                    </p>
                </section>
            </div>
            <section class="embed-code" aria-labelledby="embed-code-title">
                <h2 id="embed-code-title">{t.embed_code}</h2>
                <Snippet id="embed-code-script" label=t.embed_script_label help=t.embed_script_help code=script_code.into()/>
                <Snippet id="embed-code-iframe" label=t.embed_iframe_label help=t.embed_iframe_help code=iframe_code.into()/>
            </section>
        </div>
    }
}

/// A read-only code box with a Copy button and a status line screen readers announce.
#[component]
fn Snippet(
    id: &'static str,
    label: &'static str,
    help: &'static str,
    code: Signal<String>,
) -> impl IntoView {
    let t = use_ctx().messages();
    let area = NodeRef::<leptos::html::Textarea>::new();
    let status = RwSignal::new("");
    let help_id = format!("{id}-help");
    let on_copy = move |_| {
        status.set("");
        let text = code.get_untracked();
        let select = move || {
            if let Some(a) = area.get_untracked() {
                let _ = a.focus();
                a.select();
            }
            status.set(t.embed_copy_selected);
        };
        match write_clipboard(&text) {
            Some(done) => leptos::task::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(done).await {
                    Ok(_) => status.set(t.embed_copied),
                    Err(_) => select(),
                }
            }),
            None => select(),
        }
    };
    // "Copied" would otherwise linger while the code changes underneath it.
    Effect::new(move |_| {
        code.track();
        status.set("");
    });
    view! {
        <div class="snippet">
            <h3><label for=id>{label}</label></h3>
            <p class="snippet__help" id=help_id.clone()>{help}</p>
            <textarea id=id class="snippet__code" readonly rows="6" spellcheck="false" aria-describedby=help_id node_ref=area prop:value=move || code.get()></textarea>
            <p class="snippet__actions">
                <button type="button" class="button button--primary" on:click=on_copy>{t.embed_copy}</button>
                " "
                <span class="snippet__status" role="status" aria-live="polite">{move || status.get()}</span>
            </p>
        </div>
    }
}

/// `navigator.clipboard.writeText(text)`, or `None` where the API is missing (an insecure
/// origin, an old browser). Looked up by name: the typed binding would need another web-sys
/// feature for this one call.
fn write_clipboard(text: &str) -> Option<js_sys::Promise> {
    let nav = web_sys::window()?.navigator();
    let clipboard = js_sys::Reflect::get(&nav, &"clipboard".into())
        .ok()
        .filter(|c| c.is_object())?;
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    write
        .call1(&clipboard, &text.into())
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()
}
