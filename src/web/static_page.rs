//! The hand-over from a prerendered page (`core::pages`, written at build time) to the live app.
//! The page's content stays on screen, and the app's own nodes hidden (`html[data-static]` in
//! the stylesheet), until the app has its data; then both change in one frame, so the reader sees
//! no blank page and no jump.

use crate::core::pages;
use web_sys::{Document, Element};

fn document() -> Option<Document> {
    web_sys::window().and_then(|w| w.document())
}

fn static_root(doc: &Document) -> Option<Element> {
    doc.get_element_by_id("static")
}

/// Before the app reads its URL. On a static page (`ar/p/uncc.html`), rewrites the URL to the
/// app's canonical one for that view at the site root (`./?view=process&id=uncc&lang=ar`)
/// (its language left out when the reader's browser asks for it anyway) without a new history
/// entry, so the app starts on the same view, fetches from the site root,
/// and its links, reload and back/forward work as anywhere. The page names its state and its way
/// back to the root (`data-state`, `data-root`), so no path is guessed. A query of the URL's own
/// is kept after the page's state and wins where they differ; the page's head script has then
/// already hidden the static content (`data-stale`), which goes now, and the app draws its page
/// as it always has.
pub fn adopt() {
    let Some(doc) = document() else { return };
    let Some(root) = static_root(&doc) else {
        return;
    };
    let page_state = root.get_attribute("data-state").unwrap_or_default();
    let back = root.get_attribute("data-root").unwrap_or_default();
    if doc
        .document_element()
        .is_some_and(|h| h.has_attribute("data-stale"))
    {
        root.remove();
    }
    // The site root's own page: its state is in its URL already.
    if back == "./" && page_state.is_empty() {
        return;
    }
    let Some(w) = web_sys::window() else { return };
    let loc = w.location();
    let path = loc.pathname().unwrap_or_default();
    let own = loc.search().unwrap_or_default();
    let Some(base) = pages::site_root(&path, &back) else {
        return;
    };
    let negotiated = crate::i18n::requested(None, &crate::web::intl::preferred_languages());
    let query = pages::app_query(&page_state, &own, negotiated.as_deref());
    let url = format!("{base}{query}");
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Once the app has something to show (its data, or why not): the static content goes and the
/// app's nodes show, in the same frame. Never before the static page has painted once: on a fast
/// connection the app can be ready before the first paint, and a swap then makes the app's nodes
/// the page's first and largest paint, as if the content had needed the wasm to appear (what
/// Lighthouse's simulated throttling then charges: LCP 7.2 s instead of 1.2 s). On a slow phone
/// the static page has long painted by then, so this costs nothing there.
pub fn retire() {
    after_a_paint(swap);
}

fn swap() {
    let Some(doc) = document() else { return };
    if let Some(root) = static_root(&doc) {
        root.remove();
    }
    if let Some(h) = doc.document_element() {
        let _ = h.remove_attribute("data-static");
    }
}

/// Runs `f` after at least one frame has painted: an animation frame runs before the next paint,
/// and one requested from inside it before the paint after that.
fn after_a_paint(f: fn()) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(w) = web_sys::window() else {
        return f();
    };
    let outer = Closure::once_into_js(move || {
        let inner = Closure::once_into_js(f);
        match web_sys::window() {
            Some(w) if w.request_animation_frame(inner.unchecked_ref()).is_ok() => {}
            _ => f(),
        }
    });
    if w.request_animation_frame(outer.unchecked_ref()).is_err() {
        f();
    }
}
