//! Native stand-in for `web/media.rs`: a static page is written once for every screen, so it
//! takes the wide layout (the stylesheet still adapts it to phones).

use leptos::prelude::*;

pub const NARROW: &str = "(max-width: 40rem)";

pub fn media_query(_query: &'static str) -> ArcRwSignal<bool> {
    ArcRwSignal::new(false)
}
