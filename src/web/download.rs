//! Saving text the app made (CSV, JSON, calendars) as a file: a `Blob`, a temporary object URL
//! and a click on a detached `<a download>`. Nothing leaves the tab.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` as the download `filename` of type `mime`.
pub fn save(filename: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    // Released once the browser has surely read it: revoking in the same task can cancel the
    // download in some browsers.
    let release = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(release.unchecked_ref(), 60_000)?;
    }
    Ok(())
}

/// The current time in UTC, for a calendar's `DTSTAMP`.
pub fn now_utc() -> chrono::NaiveDateTime {
    let ms = js_sys::Date::now() as i64;
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|d| d.naive_utc())
        .unwrap_or_default()
}
