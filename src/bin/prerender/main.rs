//! `prerender <dist>`: after `trunk build`, writes a static HTML page per view into the built
//! site — the overview into `index.html` (inside the page Trunk built, keeping its head, policy
//! and loader), each explainer into `p/<id>.html`, and `events.html`, `resources.html`,
//! `about.html` — rendered from the app's own components (`ui::prerender`); then the same pages
//! in each interface language under `<lang>/` (`ar/index.html`, `ar/p/<id>.html`, …), each
//! naming the others as alternates, with a link preview per process and language (`og.rs`). Readers and crawlers get the content before (or without) the
//! wasm; the app replaces it when it starts.
//!
//! Content that depends on today is rendered as of the build date: `PRERENDER_TODAY=YYYY-MM-DD`
//! pins it (tests, reproducible builds), else the system clock's UTC date. Run
//! `node scripts/csp.mjs <dist>` afterwards: the pages carry new inline scripts to hash.

mod builder;
mod loader;
mod og;

use chrono::NaiveDate;
use process_tracker::core::dataset::Dataset;
use process_tracker::core::entry::Entry;
use process_tracker::core::issue::LoadError;
pub use process_tracker::core::markup::escape;
use process_tracker::core::pages::{self, Kind, Page};
use process_tracker::core::route;
use process_tracker::core::text::{is_rtl, primary_lang};
use process_tracker::i18n::{self, dates};
use process_tracker::ui::prerender;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// The default dataset, relative to the site root (as `api::DEFAULT_DATA` fetches it).
const DATA: &str = "data/un-cyber-processes.json";

/// Marks what this step adds, so running it again on the same `dist/` replaces it.
const HEAD_START: &str = "<!-- prerender:head -->";
const HEAD_END: &str = "<!-- /prerender:head -->";
const BODY_START: &str = "<!-- prerender:body -->";
const BODY_END: &str = "<!-- /prerender:body -->";

#[derive(Debug, thiserror::Error)]
enum Error {
    #[error("usage: prerender <dist directory>")]
    Usage,
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the default dataset does not load: {0}")]
    Load(#[from] LoadError),
    #[error("dist/index.html: {0} (was it built by Trunk from index.html?)")]
    Template(&'static str),
    #[error("PRERENDER_TODAY must be YYYY-MM-DD, not {0:?}")]
    Today(String),
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}

fn read(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })
}

/// Writes `contents` (a page's text or an image's bytes) at `path`, making its folder.
fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), Error> {
    let io = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    std::fs::write(path, contents).map_err(io)
}

fn build_date() -> Result<NaiveDate, Error> {
    if let Ok(s) = std::env::var("PRERENDER_TODAY") {
        return NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| Error::Today(s));
    }
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    Ok(NaiveDate::default() + chrono::Duration::days(days))
}

fn run() -> Result<(), Error> {
    let dist = PathBuf::from(std::env::args().nth(1).ok_or(Error::Usage)?);
    let template = strip_previous(&read(&dist.join("index.html"))?);
    let template = loader::after_first_paint(&template).ok_or(Error::Template(
        "no Trunk loader (modulepreload, wasm preload and module import) to start after the first paint",
    ))?;
    let text = read(&dist.join(DATA))?;
    let data = Dataset::load(&text, DATA, None)?;
    let today = build_date()?;
    let all = every_page(&data);
    let locals = in_every_language(&data);
    let images = previews(&dist, &locals)?;
    for (lang, local) in &locals {
        for page in all.iter().filter(|p| p.lang.as_deref() == *lang) {
            let body = without_style_attributes(&prerender::render(local.clone(), page, today));
            let html = page_html(&template, local, page, &body, images)?;
            write(&dist.join(page.path()), &html)?;
        }
    }
    let glue = std::fs::read(dist.join(builder::GLUE));
    let wasm = std::fs::read(dist.join(builder::WASM));
    let (Ok(glue), Ok(wasm)) = (glue, wasm) else {
        return Err(Error::Template(
            "no embed-builder.js and embed-builder_bg.wasm beside it (index.html builds them)",
        ));
    };
    // The builder is one page, at the site root, in the dataset's language.
    let root = &locals[0].1;
    write(
        &dist.join("embed-builder.html"),
        builder_html(&template, root, &builder::version(&glue, &wasm))?,
    )?;
    println!(
        "prerender: {} pages as of {today} ({} processes, {} languages)",
        all.len(),
        data.catalog.processes.len(),
        i18n::LANGUAGES.len()
    );
    match &data.catalog.meta.home {
        Some(home) => {
            let home = home.as_str();
            write(&dist.join("sitemap.xml"), sitemap(home, &all))?;
            let base = home.split(['?', '#']).next().unwrap_or(home);
            write(
                &dist.join("robots.txt"),
                format!("User-agent: *\nAllow: /\nSitemap: {base}sitemap.xml\n"),
            )?;
        }
        None => eprintln!(
            "prerender: warning: the dataset has no meta.home, so no sitemap.xml or robots.txt \
             (they need the site's address) and no canonical URLs"
        ),
    }
    Ok(())
}

/// Writes the preview of every process for the pages at the site root and in every interface
/// language; `false` (with a warning) where this machine cannot draw them, so the pages then
/// name no image.
fn previews(dist: &Path, locals: &[(Option<&str>, Arc<Dataset>)]) -> Result<bool, Error> {
    let painter = match og::Painter::new() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("prerender: warning: no preview images: {e}");
            return Ok(false);
        }
    };
    for (lang, local) in locals {
        let site = local.t(&local.catalog.meta.title);
        let locale = dates::intl_locale(&local.lang);
        let script = og::Script {
            rtl: is_rtl(&local.lang),
            cjk: primary_lang(&local.lang) == "zh",
        };
        for (i, p) in local.catalog.processes.iter().enumerate() {
            let period = p
                .start
                .map(|s| dates::span(s, p.end, dates::Style::Short, locale));
            let short = local.short_name(i);
            let sub: Vec<&str> = [short, period.as_deref()].into_iter().flatten().collect();
            let svg = og::svg(site, local.t(&p.name), &sub.join(" · "), script, escape);
            match painter.png(&svg) {
                Ok(png) => write(&dist.join(og_path(*lang, p.id.as_str())), png)?,
                Err(e) => {
                    eprintln!(
                        "prerender: warning: no preview image for {}: {e}",
                        local.process_name(i)
                    );
                    return Ok(false);
                }
            }
        }
    }
    Ok(true)
}

/// The preview image of process `id` for the pages in `lang` (`None`: at the site root).
fn og_path(lang: Option<&str>, id: &str) -> String {
    match lang {
        Some(l) => format!("og/{l}/{id}.png"),
        None => format!("og/{id}.png"),
    }
}

/// Every static page of `data`, at the site root and in each interface language.
fn every_page(data: &Dataset) -> Vec<Page> {
    let ids = data.catalog.processes.iter().map(|p| &p.id);
    pages::every_page(ids, &i18n::LANGUAGES)
}

/// The dataset as read at the site root (`None`: its default language) and in each interface
/// language, each built once: a language's search words are rebuilt for it.
fn in_every_language(data: &Dataset) -> Vec<(Option<&'static str>, Arc<Dataset>)> {
    std::iter::once(None)
        .chain(i18n::LANGUAGES.iter().copied().map(Some))
        .map(|lang| (lang, Arc::new(data.in_lang(lang))))
        .collect()
}

/// The Trunk-built page with what an earlier run added taken out again.
fn strip_previous(html: &str) -> String {
    let mut out = html.to_owned();
    // The body part replaced the page's <noscript>: put one back for the next run to replace.
    for (start, end, keep) in [
        (HEAD_START, HEAD_END, ""),
        (BODY_START, BODY_END, "<noscript></noscript>"),
    ] {
        if let (Some(a), Some(b)) = (out.find(start), out.find(end)) {
            if a < b {
                let mut b = b + end.len();
                // The head part went in with a line of its own (see `page_html`).
                let a = if start == HEAD_START
                    && out[..a].ends_with("\n  ")
                    && out[b..].starts_with('\n')
                {
                    b += 1;
                    a - 3
                } else {
                    a
                };
                out.replace_range(a..b, keep);
            }
        }
    }
    out.replace(" data-static=\"\"", "")
}

/// The rendered markup without `style="…"` attributes. The policy allows none (scripts/csp.mjs):
/// the app sets computed styles (a figure's progress bar) through the CSSOM, which server-side
/// rendering writes as attributes. A static bar shows empty until the app fills it; the figure's
/// number is text beside it.
fn without_style_attributes(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(" style=\"") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 8..];
        match after.find('"') {
            Some(end) => rest = &after[end + 1..],
            None => {
                rest = after;
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Title and description of `page`, as the app's tab title names it.
fn title_and_description(data: &Dataset, page: &Page) -> (String, String) {
    let t = i18n::messages(&data.lang);
    let meta = &data.catalog.meta;
    let site = data.t(&meta.title).to_owned();
    let about = meta
        .description
        .as_ref()
        .map(|d| data.t(d).to_owned())
        .unwrap_or_else(|| site.clone());
    let titled = |p: &str| format!("{p} — {site}");
    match &page.kind {
        Kind::Overview => (site.clone(), about),
        Kind::Process(id) => match data.catalog.process(id.as_str()) {
            Some((i, p)) => (titled(data.process_name(i)), data.t(&p.summary).to_owned()),
            None => (site.clone(), about),
        },
        Kind::Events => (titled(t.nav_events), about),
        Kind::Resources => (titled(t.nav_resources), about),
        Kind::About => (titled(t.about_title), about),
    }
}

/// Replaces the first `<tag …>…</tag>`-like span starting with `open` and ending with `close`.
fn replace_span(html: &str, open: &str, close: &str, with: &str) -> Option<String> {
    let a = html.find(open)?;
    let b = a + html[a..].find(close)? + close.len();
    let mut out = html.to_owned();
    out.replace_range(a..b, with);
    Some(out)
}

/// `template` with its language, title and description, its links to the assets, the data and
/// the loader going through `root` (the way back to the site root).
fn dress(
    template: &str,
    root: &str,
    lang: &str,
    title: &str,
    description: &str,
) -> Result<String, Error> {
    let mut html = template.to_owned();
    if root != "./" {
        html = html
            .replace("\"./", &format!("\"{root}"))
            .replace("'./", &format!("'{root}"))
            .replace("'data/", &format!("'{root}data/"));
    }
    let dir = if is_rtl(lang) { "rtl" } else { "ltr" };
    html = replace_span(
        &html,
        "<html",
        ">",
        &format!(
            "<html lang=\"{}\" dir=\"{dir}\" data-static=\"\">",
            escape(lang)
        ),
    )
    .ok_or(Error::Template("no <html>"))?;
    html = replace_span(
        &html,
        "<title>",
        "</title>",
        &format!("<title>{}</title>", escape(title)),
    )
    .ok_or(Error::Template("no <title>"))?;
    replace_span(
        &html,
        "<meta name=\"description\"",
        ">",
        &format!(
            "<meta name=\"description\" content=\"{}\">",
            escape(description)
        ),
    )
    .ok_or(Error::Template("no meta description"))
}

/// `embed-builder.html`: the builder's entry page (`builder.rs`) in the dataset's language,
/// its content hidden by the same head script as any page's when its URL names a state, and
/// shown again by the same failure script if the builder cannot start.
fn builder_html(template: &str, data: &Arc<Dataset>, version: &str) -> Result<String, Error> {
    let template = builder::page(template, version).ok_or(Error::Template(
        "no loader to point at the embed builder's files",
    ))?;
    let lang = data.lang.clone();
    let t = i18n::messages(&lang);
    let site = data.t(&data.catalog.meta.title);
    let title = format!("{} — {site}", t.nav_embed);
    let html = dress(&template, "./", &lang, &title, t.embed_intro)?;
    let body = without_style_attributes(&prerender::render_builder(data.clone()));
    finish(
        html,
        vec![format!("<script>{}</script>", stale_script())],
        &body,
        prerender::static_text(&lang).builder_needs_js,
    )
}

fn page_html(
    template: &str,
    data: &Dataset,
    page: &Page,
    body: &str,
    images: bool,
) -> Result<String, Error> {
    let lang = prerender::lang(data, page);
    let st = prerender::static_text(&lang);
    let (title, description) = title_and_description(data, page);
    let html = dress(template, &page.root(), &lang, &title, &description)?;

    let mut head = Vec::new();
    let canonical = data
        .catalog
        .meta
        .home
        .as_ref()
        .map(|h| pages::canonical(h.as_str(), page));
    if let (Some(url), Some(home)) = (&canonical, &data.catalog.meta.home) {
        head.push(format!("<link rel=\"canonical\" href=\"{}\">", escape(url)));
        head.push(format!(
            "<meta property=\"og:url\" content=\"{}\">",
            escape(url)
        ));
        for (hreflang, other) in alternates(page) {
            head.push(format!(
                "<link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{}\">",
                escape(&pages::canonical(home.as_str(), &other))
            ));
        }
    }
    // Link previews need the image's absolute address, so only a site with `meta.home` names it.
    let image = match (&page.kind, &data.catalog.meta.home) {
        (Kind::Process(id), Some(home)) if images => {
            let base = home.as_str().split(['?', '#']).next().unwrap_or("");
            Some(format!(
                "{base}{}",
                og_path(page.lang.as_deref(), id.as_str())
            ))
        }
        _ => None,
    };
    if let Some(url) = &image {
        head.push(format!(
            "<meta property=\"og:image\" content=\"{}\">",
            escape(url)
        ));
        head.push(format!(
            "<meta property=\"og:image:width\" content=\"{}\">\n  <meta property=\"og:image:height\" content=\"{}\">",
            og::WIDTH,
            og::HEIGHT
        ));
        head.push(format!(
            "<meta property=\"og:image:alt\" content=\"{}\">",
            escape(&title)
        ));
    }
    let card = if image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    let site = data.t(&data.catalog.meta.title);
    for (property, content) in [
        ("og:type", "website"),
        ("og:site_name", site),
        ("og:title", &title),
        ("og:description", &description),
        ("og:locale", og_locale(&lang)),
    ] {
        head.push(format!(
            "<meta property=\"{property}\" content=\"{}\">",
            escape(content)
        ));
    }
    for other in i18n::LANGUAGES
        .iter()
        .filter(|l| **l != primary_lang(&lang))
    {
        head.push(format!(
            "<meta property=\"og:locale:alternate\" content=\"{}\">",
            og_locale(other)
        ));
    }
    for (name, content) in [
        ("twitter:card", card),
        ("twitter:title", &title),
        ("twitter:description", &description),
    ] {
        head.push(format!(
            "<meta name=\"{name}\" content=\"{}\">",
            escape(content)
        ));
    }
    head.push(format!("<script>{}</script>", head_script(page, &lang)));
    // With JavaScript the app's buttons replace the invisible blocks that hold their place
    // (`#static .js-only`); without it they would only leave a gap.
    head.push("<noscript><style>.js-only{display:none}</style></noscript>".to_owned());
    finish(html, head, body, st.noscript)
}

/// `html` with `head` (this step's additions, marked so a second run replaces them) before
/// `</head>`, and `body`, a note for readers without JavaScript and the failure script in place
/// of Trunk's `<noscript>`.
fn finish(
    mut html: String,
    head: Vec<String>,
    body: &str,
    noscript: &str,
) -> Result<String, Error> {
    let head = std::iter::once(HEAD_START.to_owned())
        .chain(head)
        .chain(std::iter::once(HEAD_END.to_owned()))
        .collect::<Vec<_>>();
    let content = format!(
        "{BODY_START}\n  <noscript><p class=\"noscript static-note\">{}</p></noscript>\n  {body}\n  <script>{FAIL_SCRIPT}</script>\n  {BODY_END}",
        escape(noscript)
    );
    html = replace_span(&html, "<noscript>", "</noscript>", &content)
        .ok_or(Error::Template("no <noscript> in <body> to replace"))?;
    // After the body's <noscript> is replaced: the head adds a <noscript> of its own.
    let head = head.join("\n  ");
    let at = html.find("</head>").ok_or(Error::Template("no </head>"))?;
    html.insert_str(at, &format!("\n  {head}\n"));
    Ok(html)
}

/// Before the body is parsed: a URL whose query names a state of its own (a filter, a partner
/// dataset, an embed, a pinned today) may show something this page's content does not. Its
/// content is then hidden and the app draws the page as it always has; the failure script shows
/// it again if the app cannot start. A query of other keys only (a link shared with
/// `?utm_source=…` or `?fbclid=…`) names this page's own state: its content stays.
fn stale_script() -> String {
    let keys: Vec<&str> = route::state_keys().collect();
    format!(
        "if(/[?&]({})=/.test(location.search)){{var h=document.documentElement;h.removeAttribute('data-static');h.setAttribute('data-stale','')}}",
        keys.join("|")
    )
}

/// The head script of `page`, in `lang`. A page at the site root (no language chosen) also
/// sends a reader whose browser asks for another interface language to the same page in it,
/// before anything is drawn, so a French reader reads French from the first paint instead of
/// English until the app starts. The rule is `i18n::requested`'s: the first of the browser's
/// languages whose primary subtag is an interface language. Without JavaScript, or for a
/// crawler asking for the default language, the page stays.
///
/// The site's own `index.html` also sends a link to the embed builder made before it had a page
/// of its own (`?view=embed`, `core::entry`) there at once, before the tracker's wasm downloads
/// only to do the same.
fn head_script(page: &Page, lang: &str) -> String {
    let mut stale = stale_script();
    if page.lang.is_none() && page.kind == Kind::Overview {
        stale = format!(
            "if(/[?&]view=embed(&|$)/.test(location.search))location.replace('{}'+location.search+location.hash);else {stale}",
            Entry::EmbedBuilder.file()
        );
    }
    if page.lang.is_some() {
        return stale;
    }
    let langs: Vec<String> = i18n::LANGUAGES.iter().map(|l| format!("'{l}'")).collect();
    format!(
        "{stale}else{{var L=[{}],n=navigator.languages||[navigator.language];for(var i=0;i<n.length;i++){{var p=String(n[i]).split('-')[0].toLowerCase();if(L.indexOf(p)>=0){{if(p!=='{}')location.replace('{}'+p+'/{}'+location.search+location.hash);break}}}}}}",
        langs.join(","),
        primary_lang(lang),
        page.root(),
        page.kind.file()
    )
}

/// After the static content: if the app cannot start (its loader or wasm fails to download,
/// the browser lacks WebAssembly, or nothing has started after a long wait), the static content
/// stays and says so, with a reload button. Once the app has replaced `#static`, this does
/// nothing. For a partner dataset (`data=`) only the message shows: the content is the default
/// dataset's.
const FAIL_SCRIPT: &str = r#"(function(){var h=document.documentElement,done=false,timer;
function fail(){var s=document.getElementById('static');if(done||!s)return;done=true;clearTimeout(timer);
h.removeAttribute('data-stale');h.setAttribute('data-static','');
if(/[?&]data=/.test(location.search))s.setAttribute('data-partner','');
var box=s.querySelector('.static-fail');if(box)box.hidden=false;}
var b=document.querySelector('#static [data-reload]');if(b)b.addEventListener('click',function(){location.reload()});
if(typeof WebAssembly!=='object'){fail();return}
addEventListener('error',function(e){var t=e.target;if(e instanceof ErrorEvent||(t&&(t.tagName==='SCRIPT'||t.tagName==='LINK')))fail()},true);
addEventListener('unhandledrejection',fail);
timer=setTimeout(fail,45000);
addEventListener('TrunkApplicationStarted',function(){clearTimeout(timer)});})();"#;

/// Open Graph names a locale as `language_TERRITORY`; the territory is the one each language's
/// UN text is usually written for. Other languages pass through as their tag.
fn og_locale(lang: &str) -> &str {
    match primary_lang(lang) {
        "ar" => "ar_AR",
        "en" => "en_GB",
        "es" => "es_ES",
        "fr" => "fr_FR",
        "ru" => "ru_RU",
        "zh" => "zh_CN",
        _ => lang,
    }
}

/// The same page in every interface language, and (`x-default`) with none chosen, where the app
/// picks the reader's language.
fn alternates(page: &Page) -> Vec<(&'static str, Page)> {
    let mut out: Vec<(&'static str, Page)> = i18n::LANGUAGES
        .iter()
        .map(|l| {
            (
                *l,
                Page {
                    kind: page.kind.clone(),
                    lang: Some(l.to_string()),
                },
            )
        })
        .collect();
    out.push(("x-default", Page::new(page.kind.clone())));
    out
}

fn sitemap(home: &str, all: &[Page]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    // The canonical URLs, as each page's <link rel="canonical"> names them: one address per view.
    for page in all {
        out.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            escape(&pages::canonical(home, page))
        ));
    }
    out.push_str("</urlset>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use process_tracker::core::model::Id;

    const TEMPLATE: &str = "<!doctype html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n  <meta charset=\"utf-8\">\n  <meta name=\"description\" content=\"x\">\n  <title>T</title>\n  <script>preload.href = 'data/un-cyber-processes.json';</script>\n  <link rel=\"stylesheet\" href=\"./main.css\"/>\n</head>\n<body>\n  <noscript>\n    <p>old</p>\n  </noscript>\n</body>\n</html>\n";

    /// `TEMPLATE` with the loader `loader::after_first_paint` leaves.
    const TEMPLATE_WITH_LOADER: &str = "<!doctype html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n  <meta charset=\"utf-8\">\n  <meta name=\"description\" content=\"x\">\n  <title>T</title>\n<script type=\"module\">\nfor (const a of [{rel:'modulepreload',href:'./app-1.js',crossOrigin:'anonymous',integrity:'sha384-a'}]) x(a);\nconst bindings = await import('./app-1.js');\nconst wasm = await init({ module_or_path: './app-1_bg.wasm' });\n</script>\n</head>\n<body>\n  <noscript>\n    <p>old</p>\n  </noscript>\n</body>\n</html>\n";

    fn dataset(home: Option<&str>) -> Dataset {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/public/data/un-cyber-processes.json"
        );
        let mut json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("dataset")).expect("json");
        if let Some(h) = home {
            json["meta"]["home"] = serde_json::Value::String(h.into());
        }
        Dataset::load(&json.to_string(), DATA, None).expect("loads")
    }

    #[test]
    fn a_page_in_a_folder_reaches_assets_and_data_one_level_up() {
        let d = dataset(None);
        let page = Page::new(Kind::Process(d.catalog.processes[0].id.clone()));
        let html = page_html(TEMPLATE, &d, &page, "<div id=\"static\"></div>", true).expect("page");
        assert!(html.contains("href=\"../main.css\""));
        assert!(html.contains("'../data/un-cyber-processes.json'"));
        assert!(html.contains("data-static=\"\""));
        assert!(!html.contains("<p>old</p>"), "the old noscript note goes");
        let (head, body) = html.split_once("</head>").expect("a head");
        assert!(
            body.contains("<div id=\"static\">") && !head.contains("id=\"static\""),
            "the content is in the body"
        );
        assert!(
            head.contains("<noscript><style>"),
            "the head's own noscript"
        );
        // No site address: no canonical URL and no image (og:image must be absolute).
        assert!(!html.contains("rel=\"canonical\""));
        assert!(!html.contains("og:image"));
        assert!(html.contains("content=\"summary\""));
    }

    #[test]
    fn with_a_site_address_pages_name_their_canonical_url_and_preview() {
        let d = dataset(Some("https://example.org/tracker/"));
        let id = d.catalog.processes[0].id.clone();
        let html = page_html(
            TEMPLATE,
            &d,
            &Page::new(Kind::Process(id.clone())),
            "",
            true,
        )
        .expect("page");
        assert!(html.contains(&format!(
            "<link rel=\"canonical\" href=\"https://example.org/tracker/?view=process&amp;id={id}\">"
        )));
        assert!(html.contains(&format!(
            "<meta property=\"og:image\" content=\"https://example.org/tracker/og/{id}.png\">"
        )));
        assert!(html.contains("summary_large_image"));
        let map = sitemap("https://example.org/tracker/", &every_page(&d));
        let per_language = d.catalog.processes.len() + 4;
        assert_eq!(
            map.matches("<loc>").count(),
            per_language * (1 + i18n::LANGUAGES.len())
        );
        for l in i18n::LANGUAGES {
            assert!(html.contains(&format!(
                "<link rel=\"alternate\" hreflang=\"{l}\" href=\"https://example.org/tracker/?view=process&amp;id={id}&amp;lang={l}\">"
            )));
        }
        assert!(html.contains(&format!(
            "hreflang=\"x-default\" href=\"https://example.org/tracker/?view=process&amp;id={id}\""
        )));
        let ar = Page {
            kind: Kind::Process(id.clone()),
            lang: Some("ar".into()),
        };
        let html = page_html(TEMPLATE, &d.in_lang(Some("ar")), &ar, "", true).expect("page");
        assert!(
            html.contains(&format!(
                "<meta property=\"og:image\" content=\"https://example.org/tracker/og/ar/{id}.png\">"
            )),
            "the preview in the page's language"
        );
    }

    #[test]
    fn a_page_in_a_language_folder_is_in_that_language_and_reaches_the_root() {
        let d = dataset(None);
        let page = Page {
            kind: Kind::Process(d.catalog.processes[0].id.clone()),
            lang: Some("ar".into()),
        };
        let local = d.in_lang(Some("ar"));
        let html = page_html(TEMPLATE, &local, &page, "", true).expect("page");
        assert!(html.contains("<html lang=\"ar\" dir=\"rtl\""));
        assert!(html.contains("<meta property=\"og:locale\" content=\"ar_AR\">"));
        assert!(html.contains("<meta property=\"og:locale:alternate\" content=\"zh_CN\">"));
        assert!(
            !html.contains("og:locale:alternate\" content=\"ar_AR"),
            "not itself"
        );
        assert!(html.contains("href=\"../../main.css\""));
        assert!(html.contains("'../../data/un-cyber-processes.json'"));
        let title = i18n::messages("ar").about_title;
        let about = page_html(
            TEMPLATE,
            &local,
            &Page {
                kind: Kind::About,
                lang: Some("ar".into()),
            },
            "",
            true,
        )
        .expect("page");
        assert!(
            about.contains(&format!("<title>{}", escape(title))),
            "an Arabic title"
        );
        assert!(about.contains("href=\"../main.css\""));
    }

    #[test]
    fn running_again_replaces_what_the_last_run_added() {
        let d = dataset(None);
        let once = page_html(
            TEMPLATE,
            &d,
            &Page::new(Kind::Overview),
            "<div id=\"static\">A</div>",
            true,
        )
        .expect("page");
        let twice = page_html(
            &strip_previous(&once),
            &d,
            &Page::new(Kind::Overview),
            "<div id=\"static\">A</div>",
            true,
        )
        .expect("page");
        assert_eq!(once, twice);
    }

    #[test]
    fn only_pages_at_the_root_send_readers_to_their_language() {
        let process = Page::new(Kind::Process(Id::parse("uncc").expect("id")));
        let script = head_script(&process, "en");
        assert!(
            script
                .contains("location.replace('../'+p+'/p/uncc.html'+location.search+location.hash)"),
            "{script}"
        );
        // The content is hidden for a query naming a state, by every key that can.
        let group = script
            .split_once("[?&](")
            .and_then(|(_, rest)| rest.split_once(")=/"))
            .map(|(g, _)| g.split('|').collect::<Vec<_>>())
            .expect("the keys' pattern");
        assert_eq!(group, route::state_keys().collect::<Vec<_>>());
        assert!(
            script.contains("if(p!=='en')"),
            "the page's own language stays"
        );
        for l in i18n::LANGUAGES {
            assert!(script.contains(&format!("'{l}'")), "{l} is offered");
        }
        let french = Page {
            lang: Some("fr".into()),
            ..process
        };
        assert!(!head_script(&french, "fr").contains("location.replace"));
        assert!(!script.contains("embed-builder.html"), "{script}");
    }

    #[test]
    fn the_sites_index_sends_old_builder_links_to_the_builders_page() {
        let script = head_script(&Page::new(Kind::Overview), "en");
        let (builder, rest) = script.split_once(";else ").expect("the builder first");
        assert_eq!(
            builder,
            "if(/[?&]view=embed(&|$)/.test(location.search))location.replace('embed-builder.html'+location.search+location.hash)"
        );
        assert!(rest.starts_with(&stale_script()), "{rest}");
    }

    #[test]
    fn the_builders_page_loads_its_own_wasm_in_the_datasets_language() {
        let d = Arc::new(dataset(None));
        let html = builder_html(TEMPLATE_WITH_LOADER, &d, "abc").expect("page");
        assert!(
            html.contains("import('./embed-builder.js?v=abc')"),
            "{html}"
        );
        assert!(
            !html.contains("app-1"),
            "nothing of the tracker's loader: {html}"
        );
        let t = i18n::messages(&d.lang);
        assert!(html.contains(&format!("<title>{} — ", escape(t.nav_embed))));
        assert!(html.contains(&format!("<h1>{}</h1>", escape(t.nav_embed))));
        assert!(html.contains("id=\"static\" data-state=\"\" data-root=\"./\""));
        assert!(html.contains(&escape(t.static_builder_needs_js)));
        assert!(html.contains(FAIL_SCRIPT));
    }

    #[test]
    fn style_attributes_are_dropped() {
        assert_eq!(
            without_style_attributes("<i style=\"inline-size:2%;\" class=\"a\">x</i>"),
            "<i class=\"a\">x</i>"
        );
    }
}
