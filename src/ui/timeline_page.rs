//! The timeline: one lane per process in lineage order, events placed on a time axis that zooms
//! (decade, year, month) and pans, only the visible window in the DOM. Arrow keys move between
//! events, Enter opens one. On narrow screens it becomes a vertical list that reads top to bottom.
//! The same events are always available as a plain list below.

use super::ctx::{use_ctx, Data};
use super::events_page::{event_results, EventList};
use super::explore::Explore;
use crate::core::date::{PartialDate, Precision};
use crate::core::facet::Dim;
use crate::core::query::Results;
use crate::core::route::Zoom;
use crate::core::text::is_rtl;
use crate::core::timeline::{self, Direction, Item, Layout, Shape};
use crate::i18n::dates;
use crate::web::media::media_query;
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Extra pixels drawn beyond each edge, so a short pan shows items already in place.
const OVERSCAN_PX: f64 = 400.0;
/// Rough width of a label character; labels are clipped in CSS to what layout reserved.
const CHAR_PX: f64 = 7.0;

#[component]
pub fn TimelinePage(data: Arc<Data>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    let results = event_results(data.clone());
    let facets = Memo::new(move |_| results.with(|r| r.facets.clone()));
    let narrow = media_query(crate::web::media::NARROW);
    let count = move || results.with(|r| r.hits.len());
    let main = {
        let data = data.clone();
        move || {
            if narrow.get() {
                view! { <EventList data=data.clone() results=results vertical=true/> }.into_any()
            } else {
                view! {
                    <Timeline data=data.clone() results=results/>
                    <details class="timeline-list">
                        <summary>{t.timeline_as_list}</summary>
                        <EventList data=data.clone() results=results/>
                    </details>
                }
                .into_any()
            }
        }
    };
    view! {
        <div class="page page--timeline">
            <header class="page-head">
                <h1>{t.nav_timeline}</h1>
                <p class="result-count" role="status" aria-live="polite">{move || t.n_events.format(count())}</p>
            </header>
            <Explore data=data.clone() facets=facets search_label=t.search_events>
                {main}
            </Explore>
        </div>
    }
}

#[component]
fn Timeline(data: Arc<Data>, results: Memo<Results>) -> impl IntoView {
    let ctx = use_ctx();
    let t = ctx.messages();
    let zoom = ctx.zoom;
    // With a process filter, events sit in the lanes of the processes asked for.
    let prefer = {
        let data = data.clone();
        Memo::new(move |_| {
            ctx.filters.with(|f| {
                f.ids(Dim::Process)
                    .filter_map(|id| data.catalog.process_index(id))
                    .flat_map(|p| data.catalog.subtree(p))
                    .collect::<Vec<usize>>()
            })
        })
    };
    // Recomputed only when its inputs change: the results, the zoom, the lane preference (not
    // on a settled pan or a dialog opening).
    let layout = {
        let data = data.clone();
        Memo::new(move |_| {
            let z = zoom.get();
            prefer.with(|prefer| {
                results.with(|r| {
                    timeline::layout(&data.catalog, &r.hits, z, prefer, |e| {
                        data.t(&data.catalog.events[e].title).chars().count() as f64 * CHAR_PX + 8.0
                    })
                })
            })
        })
    };
    let scroller = NodeRef::<html::Div>::new();
    let scroll_x = RwSignal::new(0.0_f64);
    let view_w = RwSignal::new(1000.0_f64);
    // Vertical window too: a large dataset stacks thousands of rows.
    let scroll_y = RwSignal::new(0.0_f64);
    let view_h = RwSignal::new(800.0_f64);
    // Sizes are read on mount and on resize only: reading them in the scroll handler would
    // force a layout on every scroll event.
    let measure = move || {
        if let Some(el) = scroller.get_untracked() {
            view_w.set(el.client_width() as f64);
            view_h.set(el.client_height() as f64);
        }
    };
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    // The item keyboard focus is on (index into layout items).
    let focused = RwSignal::new(None::<usize>);
    let rtl = is_rtl(&ctx.lang.get_untracked());
    let sign = if rtl { -1.0 } else { 1.0 };

    let set_scroll = move |x: f64| {
        if let Some(el) = scroller.get_untracked() {
            el.set_scroll_left((x * sign) as i32);
            // The browser clamps to what the canvas allows; keep what it actually did.
            scroll_x.set((el.scroll_left() as f64 * sign).max(0.0));
        }
    };
    // Centre the view on `date` (a third in from the start edge, so what follows is in view).
    let show_date = move |date: chrono::NaiveDate| {
        let x = layout.with_untracked(|l| l.scale.x(date));
        set_scroll(x - view_w.get_untracked() / 3.0);
    };

    // Open on the URL's date, else on today; re-centre after each zoom change on the same date.
    let anchor = StoredValue::new(None::<chrono::NaiveDate>);
    Effect::new(move |_| {
        layout.track();
        let at = ctx.state.with_untracked(|s| s.at.map(|d| d.first_day()));
        let date = anchor
            .get_value()
            .or(at)
            .unwrap_or_else(|| ctx.today.get_untracked());
        // The canvas takes its new size in the next frame; scroll once it has.
        request_animation_frame(move || {
            // The page may be gone by then (a language switch rebuilds it); its signals with it.
            if view_w.is_disposed() {
                return;
            }
            measure();
            show_date(date)
        });
    });

    // Remember where the reader is: the centre date goes into the URL (no history entry).
    let url_timer = StoredValue::new_local(None::<TimeoutHandle>);
    let on_scroll = move |_| {
        let Some(el) = scroller.get_untracked() else {
            return;
        };
        let x = (el.scroll_left() as f64 * sign).max(0.0);
        scroll_x.set(x);
        scroll_y.set(el.scroll_top() as f64);
        if let Some(h) = url_timer.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                if view_w.is_disposed() {
                    return;
                }
                let (centre, z) = layout.with_untracked(|l| {
                    (
                        l.scale.date_at(x + view_w.get_untracked() / 3.0),
                        zoom.get_untracked(),
                    )
                });
                anchor.set_value(Some(centre));
                let at = coarse(centre, z);
                if ctx.state.with_untracked(|s| s.at != Some(at)) {
                    let mut s = ctx.state.get_untracked();
                    s.at = Some(at);
                    ctx.replace(s);
                }
            },
            std::time::Duration::from_millis(300),
        );
        url_timer.set_value(handle.ok());
    };

    let set_zoom = move |z: Zoom| {
        let centre = layout.with_untracked(|l| {
            l.scale
                .date_at(scroll_x.get_untracked() + view_w.get_untracked() / 3.0)
        });
        anchor.set_value(Some(centre));
        ctx.update(|s| {
            s.zoom = (z != Zoom::default()).then_some(z);
            s.at = Some(coarse(centre, z));
        });
    };
    let zoom_by = move |step: i32| {
        let i = Zoom::ALL
            .iter()
            .position(|z| *z == zoom.get_untracked())
            .unwrap_or(1) as i32;
        let j = (i + step).clamp(0, Zoom::ALL.len() as i32 - 1) as usize;
        set_zoom(Zoom::ALL[j]);
    };

    // Moving focus to an item first scrolls it into the drawn window, then focuses its button.
    let focus_item = move |i: usize| {
        let (x0, x1) =
            layout.with_untracked(|l| l.items.get(i).map_or((0.0, 0.0), |it| (it.x0, it.reach)));
        let (sx, w) = (scroll_x.get_untracked(), view_w.get_untracked());
        if x0 < sx || x1 > sx + w {
            set_scroll(x0 - w / 3.0);
        }
        let y = layout.with_untracked(|l| l.items.get(i).map_or(0.0, |it| l.y(it) + AXIS_PX));
        let (sy, h) = (scroll_y.get_untracked(), view_h.get_untracked());
        if y < sy + AXIS_PX || y + timeline::ROW_PX > sy + h {
            if let Some(el) = scroller.get_untracked() {
                el.set_scroll_top((y - h / 3.0).max(0.0) as i32);
                scroll_y.set(el.scroll_top() as f64);
            }
        }
        focused.set(Some(i));
        let event = layout.with_untracked(|l| l.items.get(i).map(|it| it.event));
        request_animation_frame(move || {
            let Some(event) = event.filter(|_| !view_w.is_disposed()) else {
                return;
            };
            let sel = format!(".tl__item[data-index=\"{event}\"]");
            if let Some(el) = scroller
                .get_untracked()
                .and_then(|s| s.query_selector(&sel).ok().flatten())
            {
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    };
    let open_item = move |i: usize, data: &Data| {
        let id = layout.with_untracked(|l| {
            l.items
                .get(i)
                .map(|it| data.catalog.events[it.event as usize].id.clone())
        });
        if id.is_some() {
            ctx.update(|s| s.event = id);
        }
    };

    let on_key = {
        let data = data.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            // The first key press into the timeline lands on its tab stop without moving on.
            let Some(cur) = focused.get_untracked() else {
                if let Some(first) = layout
                    .with_untracked(|l| l.first_open(&data.catalog, ctx.today.get_untracked()))
                {
                    if ev.key().starts_with("Arrow") {
                        ev.prevent_default();
                        focus_item(first);
                    }
                }
                return;
            };
            // In a right-to-left page time runs leftwards, so the arrow keys swap.
            let (earlier, later) = if rtl {
                ("ArrowRight", "ArrowLeft")
            } else {
                ("ArrowLeft", "ArrowRight")
            };
            let key = ev.key();
            let next = match key.as_str() {
                k if k == earlier => {
                    layout.with_untracked(|l| l.neighbour(cur, Direction::Earlier))
                }
                k if k == later => layout.with_untracked(|l| l.neighbour(cur, Direction::Later)),
                "ArrowUp" => layout.with_untracked(|l| l.neighbour(cur, Direction::Up)),
                "ArrowDown" => layout.with_untracked(|l| l.neighbour(cur, Direction::Down)),
                "Home" => Some(0),
                "End" => layout.with_untracked(|l| l.items.len().checked_sub(1)),
                "Enter" | " " => {
                    ev.prevent_default();
                    open_item(cur, &data);
                    return;
                }
                "+" | "=" => {
                    ev.prevent_default();
                    zoom_by(1);
                    return;
                }
                "-" | "_" => {
                    ev.prevent_default();
                    zoom_by(-1);
                    return;
                }
                "PageDown" | "PageUp" => {
                    ev.prevent_default();
                    let step =
                        view_w.get_untracked() * 0.8 * if key == "PageDown" { 1.0 } else { -1.0 };
                    set_scroll(scroll_x.get_untracked() + step);
                    return;
                }
                _ => return,
            };
            ev.prevent_default();
            if let Some(n) = next {
                focus_item(n);
            }
        }
    };

    // Ctrl + wheel (and trackpad pinch, which browsers report the same way) zooms.
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        if ev.ctrl_key() {
            ev.prevent_default();
            zoom_by(if ev.delta_y() < 0.0 { 1 } else { -1 });
        }
    };

    // Drag to pan, from anywhere but an event.
    let drag = StoredValue::new(None::<(f64, f64)>);
    let on_down = move |ev: leptos::ev::PointerEvent| {
        let on_item = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| e.closest(".tl__item").ok().flatten().is_some());
        if on_item || ev.button() != 0 {
            return;
        }
        drag.set_value(Some((ev.client_x() as f64, scroll_x.get_untracked())));
        if let Some(el) = scroller.get_untracked() {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        if let Some((x0, s0)) = drag.get_value() {
            set_scroll(s0 - (ev.client_x() as f64 - x0) * sign);
        }
    };
    let on_up = move |_| drag.set_value(None);

    let today_x = Memo::new(move |_| layout.with(|l| l.scale.x(ctx.today.get())));
    // What is in (or near) view, keyed by event and position, so a pan only adds and removes
    // items at the edges and a focused item keeps its element.
    let window = Memo::new(move |_| {
        (
            scroll_x.get() - OVERSCAN_PX,
            scroll_x.get() + view_w.get() + OVERSCAN_PX,
        )
    });
    let visible = Memo::new(move |_| {
        let (from, to) = window.get();
        let (top, bottom) = (
            scroll_y.get() - OVERSCAN_PX,
            scroll_y.get() + view_h.get() + OVERSCAN_PX,
        );
        layout.with(|l| {
            l.visible(from, to)
                .filter(|(_, it)| (top..=bottom).contains(&(l.y(it) + AXIS_PX)))
                .map(|(i, it)| (i, (it.event, px(it.x0), px(l.y(it)), px(it.reach))))
                .collect::<Vec<_>>()
        })
    });
    // The one event reachable with Tab: the focused one, else the first not yet over.
    let tab_stop = {
        let data = data.clone();
        Memo::new(move |_| {
            layout.with(|l| {
                focused
                    .get()
                    .or_else(|| l.first_open(&data.catalog, ctx.today.get()))
                    .and_then(|i| l.items.get(i))
                    .map(|it| it.event)
            })
        })
    };
    let ticks = Memo::new(move |_| {
        let (from, to) = window.get();
        let z = zoom.get();
        layout.with(|l| {
            timeline::ticks(l.scale.date_at(from.max(0.0)), l.scale.date_at(to), z)
                .into_iter()
                .map(|t| (t, px(l.scale.x(t.date))))
                .collect::<Vec<_>>()
        })
    });
    let lanes = {
        let data = data.clone();
        move || {
            layout.with(|l| {
                let lanes = l
                    .lanes
                    .iter()
                    .enumerate()
                    .map(|(i, lane)| lane_view(&data, l, i, lane.depth))
                    .collect_view();
                let links = l
                    .links
                    .iter()
                    .map(|k| {
                        let (a, b) = (&l.lanes[k.from_lane], &l.lanes[k.to_lane]);
                        let top = a.top.min(b.top) + timeline::LANE_HEAD_PX / 2.0 + AXIS_PX;
                        let bottom = a.top.max(b.top) + timeline::LANE_HEAD_PX / 2.0 + AXIS_PX;
                        view! {
                            <div
                                class="tl__link"
                                style:inset-inline-start=pxs(k.x)
                                style:inset-block-start=pxs(top)
                                style:block-size=pxs(bottom - top)
                                aria-hidden="true"
                            ></div>
                        }
                    })
                    .collect_view();
                view! { {lanes} {links} }
            })
        }
    };
    let locale = dates::intl_locale(&ctx.lang.get_untracked()).to_owned();
    let canvas = {
        let data = data.clone();
        view! {
            <div class="tl__axis" aria-hidden="true">
                <For each=move || ticks.get() key=|(t, x)| (t.date, *x) let((tick, x))>
                    <Tick tick=tick x=x zoom=zoom.get_untracked() locale=locale.clone()/>
                </For>
            </div>
            {lanes}
            <div class="tl__today" style:inset-inline-start=move || pxs(today_x.get()) aria-hidden="true">
                <span>{t.today}</span>
            </div>
            <For each=move || visible.get() key=|(_, k)| *k let((i, _key))>
                {
                    let data = data.clone();
                    layout.with_untracked(|l| l.items.get(i).map(|it| item_view(&data, l, it, timeline::shows_labels(zoom.get_untracked()), tab_stop)))
                }
            </For>
        }
    };
    let width = move || layout.with(|l| pxs(l.scale.width()));
    let height = move || layout.with(|l| pxs(l.height + AXIS_PX));

    view! {
        <section class="timeline" aria-labelledby="tl-title">
            <h2 id="tl-title" class="visually-hidden">{t.nav_timeline}</h2>
            <div class="tl__toolbar">
                <div class="tl__zoom" role="group" aria-label=t.zoom_label>
                    {Zoom::ALL.into_iter().map(|z| {
                        let label = match z { Zoom::Decade => t.zoom_decade, Zoom::Year => t.zoom_year, Zoom::Month => t.zoom_month };
                        view! {
                            <button type="button" class="button" aria-pressed=move || (zoom.get() == z).to_string() on:click=move |_| set_zoom(z)>{label}</button>
                        }
                    }).collect_view()}
                </div>
                <button type="button" class="button" on:click=move |_| { anchor.set_value(None); show_date(ctx.today.get_untracked()) }>{t.go_today}</button>
                <button type="button" class="button" aria-label=t.earlier on:click=move |_| set_scroll(scroll_x.get_untracked() - view_w.get_untracked() * 0.8)>
                    <span aria-hidden="true">{if rtl { "→" } else { "←" }}</span>
                </button>
                <button type="button" class="button" aria-label=t.later on:click=move |_| set_scroll(scroll_x.get_untracked() + view_w.get_untracked() * 0.8)>
                    <span aria-hidden="true">{if rtl { "←" } else { "→" }}</span>
                </button>
            </div>
            <p class="tl__help" id="tl-help">{t.timeline_help}</p>
            <ul class="tl__legend" aria-label=t.timeline_key>
                <li class="tl__item--point"><span class="tl__marker" aria-hidden="true"></span>{t.shape_day}</li>
                <li class="tl__item--bar"><span class="tl__marker" aria-hidden="true"></span>{t.shape_days}</li>
                <li class="tl__item--vague"><span class="tl__marker" aria-hidden="true"></span>{t.shape_vague}</li>
                <li class="tl__item--tentative"><span class="tl__marker" aria-hidden="true"></span>{t.tentative}</li>
            </ul>
            <div
                class="tl__scroller"
                node_ref=scroller
                tabindex="0"
                role="group"
                aria-labelledby="tl-title"
                aria-describedby="tl-help"
                on:scroll=on_scroll
                on:keydown=on_key
                on:wheel=on_wheel
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=on_up
            >
                <div class="tl__canvas" style:inline-size=width style:block-size=height>{canvas}</div>
            </div>
        </section>
    }
}

/// Height of the axis strip above the lanes.
const AXIS_PX: f64 = 28.0;

/// Whole pixels: formatting floats would pull in ~10 KB of wasm for sub-pixel accuracy no one sees.
fn px(x: f64) -> i64 {
    x.round() as i64
}

/// A CSS length in whole pixels. Styles are set as properties (`style:`), not `style=""`
/// attributes, so the Content-Security-Policy can refuse inline style attributes.
fn pxs(x: f64) -> String {
    format!("{}px", px(x))
}

/// The date for the URL, as precise as the zoom shows.
fn coarse(d: chrono::NaiveDate, z: Zoom) -> PartialDate {
    use chrono::Datelike;
    let s = match z {
        Zoom::Decade => format!("{:04}", d.year()),
        Zoom::Year => format!("{:04}-{:02}", d.year(), d.month()),
        Zoom::Month => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
    };
    PartialDate::parse(&s).unwrap_or(PartialDate::day(d))
}

#[component]
fn Tick(tick: timeline::Tick, x: i64, zoom: Zoom, locale: String) -> impl IntoView {
    use chrono::Datelike;
    let label = match zoom {
        Zoom::Decade => tick.date.year().to_string(),
        Zoom::Year if tick.major => tick.date.year().to_string(),
        Zoom::Year => dates::month_short(tick.date, &locale),
        Zoom::Month if tick.major => format!(
            "{} {}",
            dates::month_short(tick.date, &locale),
            tick.date.year()
        ),
        Zoom::Month => tick.date.day().to_string(),
    };
    view! { <span class="tl__tick" class:tl__tick--major=tick.major style:inset-inline-start=format!("{x}px")>{label}</span> }
}

fn lane_view(data: &Data, l: &Layout, i: usize, depth: usize) -> impl IntoView {
    let lane = &l.lanes[i];
    let name = data.process_name(lane.process).to_owned();
    let period = lane.period.map(|(a, b)| {
        view! { <div class="tl__period" style:inset-inline-start=pxs(a) style:inline-size=pxs((b - a).max(2.0))></div> }
    });
    view! {
        <div
            class=format!("tl__lane tl-c{}", lane.process % 8)
            style:inset-block-start=pxs(lane.top + AXIS_PX)
            style:block-size=pxs(lane.height)
            data-lane=data.catalog.processes[lane.process].id.to_string()
        >
            {period}
            <span class="tl__lane-name" style:padding-inline-start=format!("{depth}rem")>{name}</span>
        </div>
    }
}

fn item_view(
    data: &Data,
    l: &Layout,
    it: &Item,
    labels: bool,
    tab_stop: Memo<Option<u32>>,
) -> impl IntoView {
    let e = &data.catalog.events[it.event as usize];
    let title = data.t(&e.title).to_owned();
    let (title_lang, title_dir) = super::prose::lang_attrs(data, &e.title);
    let lane_process = l.lanes[it.lane].process;
    let when = dates::span(
        e.start,
        e.end,
        dates::Style::Short,
        dates::intl_locale(&use_ctx().lang.get_untracked()),
    );
    let t = use_ctx().messages();
    let sep = t.list_separator;
    let mut aria = [title.as_str(), &when, data.process_name(lane_process)].join(sep);
    if e.tentative {
        aria.push_str(sep);
        aria.push_str(t.tentative);
    }
    if e.start.precision() != Precision::Day {
        aria.push_str(sep);
        aria.push_str(t.date_approximate);
    }
    let shape = match it.shape {
        Shape::Point => "tl__item--point",
        Shape::Bar => "tl__item--bar",
        Shape::Vague => "tl__item--vague",
    };
    let y = l.y(it) + AXIS_PX;
    let label_w = (it.reach - it.x0 - timeline::GAP_PX).max(it.x1 - it.x0);
    let (left, top, width, marker) = (pxs(it.x0), pxs(y), pxs(label_w), pxs(it.x1 - it.x0));
    let id = e.id.clone();
    let event = it.event;
    let ctx = use_ctx();
    view! {
        <button
            type="button"
            class=format!("tl__item {shape} tl-c{}", lane_process % 8)
            class:tl__item--tentative=it.tentative
            style:inset-inline-start=left
            style:inset-block-start=top
            style:inline-size=width
            data-event=e.id.to_string()
            data-index=it.event
            tabindex=move || if tab_stop.get() == Some(event) { "0" } else { "-1" }
            aria-label=aria
            title=format!("{title} — {when}")
            on:click=move |_| { let id = id.clone(); ctx.update(|s| s.event = Some(id)) }
        >
            <span class="tl__marker" style:inline-size=marker aria-hidden="true"></span>
            {labels.then(|| view! { <span class="tl__label" aria-hidden="true" lang=title_lang dir=title_dir>{title.clone()}</span> })}
        </button>
    }
}
