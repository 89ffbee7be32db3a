//! Leptos components, one per file. They read state from `ctx`, ask `core` for answers and render;
//! they hold no logic worth testing apart from the browser.

mod about_page;
mod app;
pub mod ctx;
mod downloads;
mod embed_page;
mod event_detail;
mod event_item;
mod events_page;
mod explore;
mod facets;
mod figures;
mod language_switch;
mod link;
mod load_status;
mod marks;
mod overview;
mod process_page;
mod prose;
mod resource_item;
mod resources_page;
mod search_box;
mod search_page;
mod shell;
mod tags;
mod timeline_page;
mod when;

pub use app::App;
