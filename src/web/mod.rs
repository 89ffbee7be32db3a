//! Browser glue with no UI: the History API, the clock, `Intl`, the embed resize messages.
//! Kept apart from `ui` so components stay declarative.
//!
//! Natively (the `prerender` build step) the browser is absent: `history`, `intl` and `media`
//! come from `native/` stand-ins with the same functions, answering as a static page would.

pub mod download;
#[cfg(target_arch = "wasm32")]
pub mod history;
#[cfg(not(target_arch = "wasm32"))]
#[path = "native/history.rs"]
pub mod history;
#[cfg(target_arch = "wasm32")]
pub mod intl;
#[cfg(not(target_arch = "wasm32"))]
#[path = "native/intl.rs"]
pub mod intl;
#[cfg(target_arch = "wasm32")]
pub mod media;
#[cfg(not(target_arch = "wasm32"))]
#[path = "native/media.rs"]
pub mod media;
#[cfg(target_arch = "wasm32")]
pub mod resize;
#[cfg(target_arch = "wasm32")]
pub mod static_page;
pub mod theme;
