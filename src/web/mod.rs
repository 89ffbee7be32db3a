//! Browser glue with no UI: the History API, the clock, `Intl`, the embed resize messages.
//! Kept apart from `ui` so components stay declarative.

pub mod download;
pub mod history;
pub mod intl;
pub mod media;
pub mod resize;
pub mod theme;
