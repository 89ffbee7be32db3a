//! Leptos components, one per file. They read state from `ctx`, ask `core` for answers and render;
//! they hold no logic worth testing apart from the browser.

mod about_page;
// Loading and the page switch need the network: the browser build only.
#[cfg(target_arch = "wasm32")]
mod app;
pub mod ctx;
mod downloads;
mod embed_head;
#[cfg(target_arch = "wasm32")]
mod embed_page;
#[cfg(target_arch = "wasm32")]
mod event_detail;
mod event_item;
mod events_page;
mod explore;
mod facets;
mod figures;
mod language_switch;
mod link;
#[cfg(target_arch = "wasm32")]
mod load_status;
mod marks;
mod overview;
#[cfg(target_arch = "wasm32")]
pub mod pages;
mod process_page;
mod prose;
mod resource_item;
mod resources_page;
mod search_box;
#[cfg(target_arch = "wasm32")]
mod search_page;
mod shell;
mod tags;
#[cfg(target_arch = "wasm32")]
mod timeline_page;
mod when;

#[cfg(target_arch = "wasm32")]
pub use app::{start, App};
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
