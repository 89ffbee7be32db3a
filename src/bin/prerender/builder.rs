//! `embed-builder.html`, the embed builder's entry page (`core::entry`). Trunk builds the
//! builder's wasm in the same run as the tracker's, but as a "worker" asset (Trunk allows one
//! app per page) it writes no page for it and names its files without a content hash
//! (`embed-builder.js`, `embed-builder_bg.wasm`). This page is Trunk's own (head, stylesheet,
//! policy, the loader started after the first paint) with the loader pointed at the builder.

/// The builder's files as Trunk names them, beside `index.html`.
pub const GLUE: &str = "embed-builder.js";
pub const WASM: &str = "embed-builder_bg.wasm";

/// `template` (the tracker's page after `loader::after_first_paint`) loading the builder's glue
/// and wasm instead of the tracker's. `version` (a hash of both files) goes on their URLs, so a
/// browser never pairs a cached glue with a new wasm. Trunk's `integrity` values are the
/// tracker's files' and go: the same-origin files are as trusted as the page naming them.
/// `None` if the template has no loader to point elsewhere.
pub fn page(template: &str, version: &str) -> Option<String> {
    let glue = between(template, "await import('", "'")?;
    let wasm = between(template, "module_or_path: '", "'")?;
    let mut html = template
        .replace(&glue, &format!("./{GLUE}?v={version}"))
        .replace(&wasm, &format!("./{WASM}?v={version}"));
    while let Some(at) = html.find(",integrity:'") {
        let end = at + ",integrity:'".len();
        let close = end + html[end..].find('\'')? + 1;
        html.replace_range(at..close, "");
    }
    Some(html)
}

fn between(s: &str, open: &str, close: &str) -> Option<String> {
    let a = s.find(open)? + open.len();
    let b = a + s[a..].find(close)?;
    Some(s[a..b].to_owned())
}

/// A short content hash of the builder's files, for their URLs.
pub fn version(glue: &[u8], wasm: &[u8]) -> String {
    // FNV-1a: stable across builds and Rust versions, unlike std's hasher.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in glue.iter().chain(wasm) {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOADER: &str = "<script type=\"module\">\nfor (const a of [{rel:'modulepreload',href:'./process-tracker-1.js',crossOrigin:'anonymous',integrity:'sha384-a+b/'}, {rel:'preload',href:'./process-tracker-1_bg.wasm',crossOrigin:'anonymous',integrity:'sha384-c=',as:'fetch',type:'application/wasm'}]) document.head.append(x);\nconst bindings = await import('./process-tracker-1.js');\nconst wasm = await init({ module_or_path: './process-tracker-1_bg.wasm' });\n</script>";

    #[test]
    fn the_page_loads_the_builders_files_and_nothing_of_the_trackers() {
        let html = page(LOADER, "v1").expect("a loader");
        assert!(!html.contains("process-tracker-1"), "{html}");
        assert!(!html.contains("integrity"), "{html}");
        assert!(
            html.contains("await import('./embed-builder.js?v=v1')"),
            "{html}"
        );
        assert!(html.contains("module_or_path: './embed-builder_bg.wasm?v=v1'"));
        assert!(html.contains(
            "{rel:'modulepreload',href:'./embed-builder.js?v=v1',crossOrigin:'anonymous'}"
        ));
        assert!(
            html.contains("href:'./embed-builder_bg.wasm?v=v1',crossOrigin:'anonymous',as:'fetch'")
        );
    }

    #[test]
    fn a_page_without_a_loader_is_refused() {
        assert_eq!(page("<head></head>", "v"), None);
    }

    #[test]
    fn the_version_follows_either_file() {
        let v = version(b"glue", b"wasm");
        assert_eq!(v, version(b"glue", b"wasm"));
        assert_ne!(v, version(b"glue", b"wasm2"));
        assert_ne!(v, version(b"glue2", b"wasm"));
        assert_eq!(v.len(), 16);
    }
}
