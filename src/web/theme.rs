//! Puts the URL's presentation settings on `<html>`: language and direction, light/dark theme,
//! the partner's accent colour (made readable first), and the embed flag. The stylesheet reads
//! only these attributes and custom properties.

use crate::core::colour::{readable_on, text_on, Rgb, DARK_BG, LIGHT_BG};
use crate::core::route::{Globals, Theme};

use crate::core::text::is_rtl;

pub fn apply(g: &Globals, lang: &str) {
    let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = html.set_attribute("lang", lang);
    let _ = html.set_attribute("dir", if is_rtl(lang) { "rtl" } else { "ltr" });
    match g.theme {
        Some(Theme::Light) => html.set_attribute("data-theme", "light"),
        Some(Theme::Dark) => html.set_attribute("data-theme", "dark"),
        Some(Theme::Auto) | None => html.remove_attribute("data-theme"),
    }
    .ok();
    if g.embed {
        let _ = html.set_attribute("data-embed", "");
    } else {
        let _ = html.remove_attribute("data-embed");
    }
    let style = {
        use wasm_bindgen::JsCast;
        match html.dyn_ref::<web_sys::HtmlElement>() {
            Some(h) => h.style(),
            None => return,
        }
    };
    match g.accent.as_deref().and_then(Rgb::from_hex) {
        Some(c) => {
            let light = readable_on(c, LIGHT_BG);
            let dark = readable_on(c, DARK_BG);
            let _ = style.set_property("--accent-light", &light.hex());
            let _ = style.set_property("--accent-dark", &dark.hex());
            let _ = style.set_property("--on-accent-light", &text_on(light).hex());
            let _ = style.set_property("--on-accent-dark", &text_on(dark).hex());
        }
        None => {
            for p in [
                "--accent-light",
                "--accent-dark",
                "--on-accent-light",
                "--on-accent-dark",
            ] {
                let _ = style.remove_property(p);
            }
        }
    }
}
