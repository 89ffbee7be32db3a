//! Process Tracker: a static, embeddable tracker of policy processes.
//!
//! `core` is the pure, browser-free part (data model, validation, queries, URL state, layout);
//! `i18n` holds every interface string; `api` exists only in the wasm build, `ui` and `web` in the
//! wasm build and, natively, with the `prerender` feature (static HTML at build time); `cli`
//! (the `tracker` tool) only on the host.

// Server-side rendering nests the explainer's view types deeper than the default limit.
#![cfg_attr(feature = "prerender", recursion_limit = "256")]

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod core;
pub mod i18n;

#[cfg(target_arch = "wasm32")]
pub mod api;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod ui;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod web;
