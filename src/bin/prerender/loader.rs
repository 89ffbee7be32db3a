//! Trunk's loader, started after the static page's first paint. Trunk's page asks for the wasm,
//! its JS glue and (our script) the dataset as soon as the head is parsed; on a static page
//! those downloads then count as the first paint's own in Lighthouse's simulated load, which
//! puts the paint after them (LCP 2.7 s simulated for a paint at 0.8 s). Started one frame after
//! the first paint instead, all three still download side by side, now measured to cost the
//! reader about 0.1–0.2 s until the filters respond (README, `tests/bench/paint.mjs`).

/// Marks a loader this step has already rewritten, so a second run leaves it alone.
const MARK: &str = "/* prerender: loader starts after the first paint */";

/// What a head `<link>` of Trunk's asks the browser to fetch.
#[derive(Debug, PartialEq)]
struct Fetch {
    tag: String,
    attrs: Vec<(String, String)>,
}

/// The attributes of the first `<link …>` in `html` whose text contains every one of `needles`.
fn find_link(html: &str, needles: &[&str]) -> Option<Fetch> {
    let mut from = 0;
    while let Some(at) = html[from..].find("<link ") {
        let start = from + at;
        let end = start + html[start..].find('>')? + 1;
        let tag = &html[start..end];
        if needles.iter().all(|n| tag.contains(n)) {
            return Some(Fetch {
                tag: tag.to_owned(),
                attrs: attributes(tag),
            });
        }
        from = end;
    }
    None
}

/// `name="value"` pairs of a tag (Trunk writes every value in double quotes).
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = tag;
    while let Some(eq) = rest.find("=\"") {
        let name = rest[..eq]
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let after = &rest[eq + 2..];
        let Some(close) = after.find('"') else { break };
        out.push((name.to_owned(), after[..close].to_owned()));
        rest = &after[close + 1..];
    }
    out
}

/// The JS property for a `<link>` attribute.
fn property(attr: &str) -> Option<&'static str> {
    Some(match attr {
        "rel" => "rel",
        "href" => "href",
        "crossorigin" => "crossOrigin",
        "integrity" => "integrity",
        "as" => "as",
        "type" => "type",
        _ => return None,
    })
}

fn js_object(f: &Fetch) -> String {
    let props: Vec<String> = f
        .attrs
        .iter()
        .filter_map(|(k, v)| property(k).map(|p| format!("{p}:'{}'", v.replace(['\\', '\''], ""))))
        .collect();
    format!("{{{}}}", props.join(","))
}

/// `html` with Trunk's preloads and its module's static import moved to one frame after the
/// first paint. `None` if the page does not hold Trunk's loader as expected.
pub fn after_first_paint(html: &str) -> Option<String> {
    if html.contains(MARK) {
        return Some(html.to_owned());
    }
    let glue = find_link(html, &["rel=\"modulepreload\""])?;
    let wasm = find_link(html, &["rel=\"preload\"", ".wasm\""])?;
    let import_at = html.find("import init, * as bindings from '")?;
    let import_end = import_at + html[import_at..].find(";\n")? + 2;
    let spec_start = import_at + "import init, * as bindings from '".len();
    let spec = &html[spec_start..spec_start + html[spec_start..].find('\'')?];
    let deferred = format!(
        "{MARK}\nawait new Promise((r) => requestAnimationFrame(() => setTimeout(r)));\n\
         for (const a of [{}, {}]) document.head.append(Object.assign(document.createElement('link'), a));\n\
         const bindings = await import('{spec}');\nconst init = bindings.default;\n",
        js_object(&glue),
        js_object(&wasm)
    );
    let mut out = html.to_owned();
    out.replace_range(import_at..import_end, &deferred);
    Some(out.replacen(&glue.tag, "", 1).replacen(&wasm.tag, "", 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = "<head>\n<link rel=\"modulepreload\" href=\"./app-1.js\" crossorigin=\"anonymous\" integrity=\"sha384-a+b/\"><link rel=\"preload\" href=\"./app-1_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-c=\" as=\"fetch\" type=\"application/wasm\"></head>\n<script type=\"module\">\nimport init, * as bindings from './app-1.js';\nconst wasm = await init({ module_or_path: './app-1_bg.wasm' });\nwindow.wasmBindings = bindings;\n</script>";

    #[test]
    fn the_downloads_start_after_the_first_paint_side_by_side() {
        let out = after_first_paint(TRUNK).expect("Trunk's loader");
        assert!(!out.contains("<link rel=\"modulepreload\""), "{out}");
        assert!(!out.contains("<link rel=\"preload\""), "{out}");
        assert!(!out.contains("import init"), "no static import left");
        let wait = out.find("requestAnimationFrame").expect("waits a frame");
        let preload = out.find("rel:'preload',href:'./app-1_bg.wasm',crossOrigin:'anonymous',integrity:'sha384-c=',as:'fetch',type:'application/wasm'").expect("the wasm preload, as Trunk wrote it");
        let glue = out
            .find("rel:'modulepreload',href:'./app-1.js'")
            .expect("the glue preload");
        let import = out
            .find("await import('./app-1.js')")
            .expect("the glue imported");
        assert!(wait < preload && wait < glue && preload < import, "{out}");
        assert!(out.contains("const wasm = await init({ module_or_path: './app-1_bg.wasm' });"));
    }

    #[test]
    fn a_second_run_changes_nothing() {
        let once = after_first_paint(TRUNK).expect("Trunk's loader");
        assert_eq!(after_first_paint(&once), Some(once));
    }

    #[test]
    fn a_page_without_trunks_loader_is_refused() {
        assert_eq!(after_first_paint("<head></head>"), None);
    }
}
