//! Process Tracker: a static, embeddable tracker of policy processes.
//!
//! `core` is the pure, browser-free part (data model, validation, queries, URL state, layout);
//! `i18n` holds every interface string; `ui` and `api` exist only in the wasm build, `cli` (the
//! `tracker` tool) only on the host.

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod core;
pub mod i18n;

#[cfg(target_arch = "wasm32")]
pub mod api;
#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
