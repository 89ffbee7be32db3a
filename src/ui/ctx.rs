//! What every component can reach: the URL state, today, the interface language, and (once
//! loaded) the dataset with its index.

use crate::core::catalog::Catalog;
use crate::core::issue::Issue;
use crate::core::load::Loaded;
use crate::core::query::Index;
use crate::core::route::State;
use crate::core::text::Text;
use crate::i18n::{self, Messages};
use crate::web::history;
use chrono::NaiveDate;
use leptos::prelude::*;

/// A loaded dataset, ready to query.
pub struct Data {
    pub catalog: Catalog,
    pub index: Index,
    pub issues: Vec<Issue>,
    /// The language content is shown in: the reader's choice, else the dataset's default.
    pub lang: String,
    /// Where it came from, for the About page and error reports.
    pub url: String,
}

impl Data {
    pub fn new(loaded: Loaded, lang: Option<String>, url: String) -> Data {
        let lang = lang.unwrap_or_else(|| loaded.catalog.lang().to_owned());
        let index = Index::new(&loaded.catalog, &lang);
        Data {
            catalog: loaded.catalog,
            index,
            issues: loaded.issues,
            lang,
            url,
        }
    }

    /// A dataset text in the reader's language.
    pub fn t<'a>(&'a self, text: &'a Text) -> &'a str {
        text.get(&self.lang, self.catalog.lang())
    }

    pub fn process_name(&self, p: usize) -> &str {
        let p = &self.catalog.processes[p];
        self.t(p.short_name.as_ref().unwrap_or(&p.name))
    }
}

#[derive(Clone, Copy)]
pub struct Ctx {
    pub state: RwSignal<State>,
    pub today: Memo<NaiveDate>,
    /// Interface language tag.
    pub lang: Memo<String>,
}

impl Ctx {
    pub fn messages(&self) -> &'static Messages {
        i18n::messages(&self.lang.get_untracked())
    }

    /// Goes to `next`, adding a history entry. A new view starts at the top with focus on its
    /// heading, as a page load would; a filter change leaves focus where it is.
    pub fn go(&self, next: State) {
        let new_view = self.state.with_untracked(|s| s.view != next.view);
        history::push(&next);
        self.state.set(next);
        if new_view {
            request_animation_frame(history::focus_main_heading);
        }
    }

    /// Changes the state without a history entry (typing in a search box).
    pub fn replace(&self, next: State) {
        history::replace(&next);
        self.state.set(next);
    }

    pub fn update(&self, f: impl FnOnce(&mut State)) {
        let mut s = self.state.get_untracked();
        f(&mut s);
        self.go(s);
    }
}

pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}
