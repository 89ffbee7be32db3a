//! The browser's `Intl`: localized dates, country names and numbers, with the browser's own
//! locale data (bundling it would cost tens of kilobytes per language).

use js_sys::{Date, Object, Reflect};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type Dtf;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DateTimeFormat", catch)]
    fn new(locale: &str, options: &Object) -> Result<Dtf, JsValue>;
    #[wasm_bindgen(method)]
    fn format(this: &Dtf, d: &Date) -> String;
    #[wasm_bindgen(method, js_name = formatRange, catch)]
    fn format_range(this: &Dtf, a: &Date, b: &Date) -> Result<String, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = DisplayNames)]
    type DisplayNames;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DisplayNames", catch)]
    fn new(locale: &str, options: &Object) -> Result<DisplayNames, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn of(this: &DisplayNames, code: &str) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
    type Nf;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "NumberFormat", catch)]
    fn new(locale: &str) -> Result<Nf, JsValue>;
    #[wasm_bindgen(method, js_name = format)]
    fn format_number(this: &Nf, n: f64) -> String;

    #[wasm_bindgen(js_namespace = Intl, js_name = PluralRules)]
    type Pr;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "PluralRules", catch)]
    fn new(locale: &str) -> Result<Pr, JsValue>;
    #[wasm_bindgen(method)]
    fn select(this: &Pr, n: f64) -> String;
}

pub use crate::i18n::dates::Parts;

thread_local! {
    static DTF: RefCell<HashMap<(String, Parts), Option<Dtf>>> = RefCell::new(HashMap::new());
    static NAMES: RefCell<HashMap<String, Option<DisplayNames>>> = RefCell::new(HashMap::new());
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    o
}

fn with_dtf<R>(locale: &str, parts: Parts, f: impl FnOnce(&Dtf) -> R) -> Option<R> {
    DTF.with(|cache| {
        let mut cache = cache.borrow_mut();
        let entry = cache
            .entry((locale.to_owned(), parts))
            .or_insert_with(|| Dtf::new(locale, &options(&parts.options())).ok());
        entry.as_ref().map(f)
    })
}

fn js_date(d: chrono::NaiveDate) -> Date {
    use chrono::Datelike;
    let ms = Date::utc(d.year() as f64, d.month0() as f64);
    let ms = ms + (d.day0() as f64) * 86_400_000.0;
    Date::new(&JsValue::from_f64(ms))
}

/// `start` alone, or the span `start`–`end`, in `locale`; `None` if the browser lacks `Intl`.
pub fn format(
    locale: &str,
    parts: Parts,
    start: chrono::NaiveDate,
    end: Option<chrono::NaiveDate>,
) -> Option<String> {
    with_dtf(locale, parts, |f| match end {
        Some(e) if e != start => f.format_range(&js_date(start), &js_date(e)).ok(),
        _ => Some(f.format(&js_date(start))),
    })
    .flatten()
}

fn display_name(locale: &str, kind: &str, code: &str) -> Option<String> {
    thread_local! {
        static RESULTS: RefCell<HashMap<String, Option<String>>> = RefCell::new(HashMap::new());
    }
    let key = format!("{kind}:{locale}:{code}");
    if let Some(hit) = RESULTS.with(|r| r.borrow().get(&key).cloned()) {
        return hit;
    }
    let name = display_name_uncached(locale, kind, code);
    RESULTS.with(|r| r.borrow_mut().insert(key, name.clone()));
    name
}

fn display_name_uncached(locale: &str, kind: &str, code: &str) -> Option<String> {
    NAMES.with(|cache| {
        let mut cache = cache.borrow_mut();
        let names = cache
            .entry(format!("{kind}:{locale}"))
            .or_insert_with(|| DisplayNames::new(locale, &options(&[("type", kind)])).ok());
        names.as_ref()?.of(code).ok()?.as_string()
    })
}

/// The name of a country from its ISO code, in `locale`.
pub fn country(locale: &str, code: &str) -> Option<String> {
    display_name(locale, "region", code)
}

/// The name of a language from its tag, in `locale`.
pub fn language(locale: &str, tag: &str) -> Option<String> {
    display_name(locale, "language", tag)
}

thread_local! {
    static NF: RefCell<HashMap<String, Option<Nf>>> = RefCell::new(HashMap::new());
    static PR: RefCell<HashMap<String, Option<Pr>>> = RefCell::new(HashMap::new());
}

/// `n` with the digits and grouping of `locale` (Arabic-Indic digits for `ar`, for example).
pub fn number(locale: &str, n: u64) -> String {
    NF.with(|cache| {
        let mut cache = cache.borrow_mut();
        let f = cache
            .entry(locale.to_owned())
            .or_insert_with(|| Nf::new(locale).ok());
        f.as_ref().map(|f| f.format_number(n as f64))
    })
    .unwrap_or_else(|| n.to_string())
}

/// The CLDR plural category of `n` in `locale`, as the browser's `Intl.PluralRules` says;
/// `None` where it is missing (the caller then uses its own table).
pub fn plural_category(locale: &str, n: u64) -> Option<&'static str> {
    let c = PR.with(|cache| {
        let mut cache = cache.borrow_mut();
        let r = cache
            .entry(locale.to_owned())
            .or_insert_with(|| Pr::new(locale).ok());
        r.as_ref().map(|r| r.select(n as f64))
    })?;
    ["zero", "one", "two", "few", "many", "other"]
        .into_iter()
        .find(|k| *k == c)
}

/// The reader's preferred languages, most preferred first (`navigator.languages`).
pub fn preferred_languages() -> Vec<String> {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let list: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if list.is_empty() {
        nav.language().into_iter().collect()
    } else {
        list
    }
}
