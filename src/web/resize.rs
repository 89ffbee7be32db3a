//! In an embed, tells the parent page how tall the content is, so `embed.js` can size the
//! iframe with no inner scrollbar.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The message type `embed.js` listens for.
pub const MESSAGE_TYPE: &str = "process-tracker:height";

/// Starts observing the document's height while `embed` is true. The frame id the parent gave
/// (`frame=` in the URL) is echoed back so several embeds on one page stay apart.
pub fn install(embed: Memo<bool>) {
    let observer = StoredValue::new_local(None::<web_sys::ResizeObserver>);
    Effect::new(move |_| {
        if let Some(o) = observer.get_value() {
            o.disconnect();
            observer.set_value(None);
        }
        if !embed.get() {
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let Some(body) = window.document().and_then(|d| d.body()) else {
            return;
        };
        let cb = Closure::<dyn FnMut()>::new(post_height);
        if let Ok(o) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
            o.observe(&body);
            observer.set_value(Some(o));
        }
        // The observer lives as long as the page; its callback must too.
        cb.forget();
        post_height();
    });
}

fn post_height() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(doc) = window.document() else { return };
    // The root element's own height, not its scrollHeight: that never drops below the frame's
    // current height, so a frame could grow but never shrink back.
    let height = doc
        .document_element()
        .map(|e| e.get_bounding_client_rect().height().ceil() as i32)
        .unwrap_or(0);
    let parent = match window.parent() {
        Ok(Some(p)) => p,
        _ => return,
    };
    let frame = crate::web::history::current()
        .globals
        .frame
        .unwrap_or_default();
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &MESSAGE_TYPE.into());
    let _ = js_sys::Reflect::set(&msg, &"height".into(), &JsValue::from_f64(height as f64));
    let _ = js_sys::Reflect::set(&msg, &"frame".into(), &frame.into());
    // The height is not secret; any embedding page may read it.
    let _ = parent.post_message(&msg, "*");
}
