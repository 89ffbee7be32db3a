//! What every component can reach: the URL state and its slices, today, the interface language,
//! and navigation. A component reads the slice it shows, so a change elsewhere in the state
//! (a timeline pan, a dialog opening) does not recompute it.

use crate::core::facet::Filters;
use crate::core::model::Id;
use crate::core::route::{State, View, Zoom};
use crate::i18n::{self, Messages};
use crate::web::history;
use chrono::NaiveDate;
use leptos::prelude::*;

/// A loaded dataset, ready to query (the core's type; the UI shares it behind an `Arc`).
pub use crate::core::dataset::Dataset as Data;

#[derive(Clone, Copy)]
pub struct Ctx {
    pub state: RwSignal<State>,
    pub today: Memo<NaiveDate>,
    /// Interface language tag.
    pub lang: Memo<String>,
    pub view: Memo<View>,
    pub filters: Memo<Filters>,
    /// The search text of the filters.
    pub q: Memo<String>,
    /// The event whose detail is open.
    pub event: Memo<Option<Id>>,
    pub zoom: Memo<Zoom>,
    /// What a link that opens an event starts from: the present view and filters, no event
    /// open and no timeline position. Rows build their links from it, so a kept row links to
    /// the present filters and a timeline pan touches no row.
    pub link_base: Memo<State>,
}

impl Ctx {
    /// The slices of `state`, each made once for the whole app.
    pub fn new(state: RwSignal<State>, today: Memo<NaiveDate>, lang: Memo<String>) -> Ctx {
        let filters = Memo::new(move |_| state.with(|s| s.filters.clone()));
        Ctx {
            state,
            today,
            lang,
            view: Memo::new(move |_| state.with(|s| s.view.clone())),
            filters,
            q: Memo::new(move |_| filters.with(|f| f.q.clone())),
            event: Memo::new(move |_| state.with(|s| s.event.clone())),
            zoom: Memo::new(move |_| state.with(|s| s.zoom.unwrap_or_default())),
            link_base: Memo::new(move |_| {
                state.with(|s| State {
                    event: None,
                    at: None,
                    ..s.clone()
                })
            }),
        }
    }

    pub fn messages(&self) -> &'static Messages {
        i18n::messages(&self.lang.get_untracked())
    }

    /// The state that opens event `id` over the present view.
    pub fn event_link(&self, id: Id) -> Signal<State> {
        let base = self.link_base;
        Signal::derive(move || {
            base.with(|b| State {
                event: Some(id.clone()),
                ..b.clone()
            })
        })
    }

    /// Goes to `next`, adding a history entry. A new view starts at the top with focus on its
    /// heading, as a page load would; a filter change leaves focus where it is.
    pub fn go(&self, next: State) {
        if history::leave_for(&next, false) {
            return;
        }
        let new_view = self.state.with_untracked(|s| s.view != next.view);
        history::push(&next);
        self.state.set(next);
        if new_view {
            request_animation_frame(history::focus_main_heading);
        }
    }

    /// Changes the state without a history entry (typing in a search box).
    pub fn replace(&self, next: State) {
        if history::leave_for(&next, true) {
            return;
        }
        history::replace(&next);
        self.state.set(next);
    }

    pub fn update(&self, f: impl FnOnce(&mut State)) {
        let mut s = self.state.get_untracked();
        f(&mut s);
        self.go(s);
    }

    /// Changes the filters alone.
    pub fn set_filters(&self, next: Filters) {
        self.update(|s| s.filters = next);
    }
}

pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}
