//! The URL is the state: every view, filter and selection lives in the query string, so any screen
//! can be linked, reloaded and shared on a static host with no rewrite rules. Decoding never
//! fails: unknown keys and malformed values are dropped, whatever the URL says.

use super::date::{Day, PartialDate};
use super::facet::{is_lang, Dim, DIMS, MAX_VALUES};
pub use super::facet::{Filters, When};
use super::model::{Id, Url};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Overview,
    /// A process's explainer page.
    Process(Id),
    Events,
    Timeline,
    Resources,
    Search,
    /// About the dataset: publisher, licence, tag legend, problems found while loading.
    About,
    /// The embed-code builder.
    Embed,
}

impl View {
    fn key(&self) -> &'static str {
        match self {
            View::Overview => "overview",
            View::Process(_) => "process",
            View::Events => "events",
            View::Timeline => "timeline",
            View::Resources => "resources",
            View::Search => "search",
            View::About => "about",
            View::Embed => "embed",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Zoom {
    Decade,
    #[default]
    Year,
    Month,
}

impl Zoom {
    pub fn key(self) -> &'static str {
        match self {
            Zoom::Decade => "decade",
            Zoom::Year => "year",
            Zoom::Month => "month",
        }
    }
    pub const ALL: [Zoom; 3] = [Zoom::Decade, Zoom::Year, Zoom::Month];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    /// Follow the reader's system setting (the default).
    Auto,
}

/// Settings that hold across every view: they survive navigation inside the app.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Globals {
    /// Pretend today is this day (tests; readers who want the tracker as of a date).
    pub today: Option<Day>,
    /// A partner dataset to load instead of the default.
    pub data: Option<Url>,
    pub embed: bool,
    pub theme: Option<Theme>,
    /// Accent colour as 6 lower-case hex digits, no `#`.
    pub accent: Option<String>,
    pub lang: Option<String>,
    /// The id `embed.js` gave this frame; echoed in height messages so the parent page can tell
    /// several embeds apart.
    pub frame: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct State {
    pub view: View,
    pub filters: Filters,
    /// The event whose detail is open.
    pub event: Option<Id>,
    pub zoom: Option<Zoom>,
    /// The date the timeline is centred on.
    pub at: Option<PartialDate>,
    pub globals: Globals,
}

pub const MAX_QUERY_CHARS: usize = 200;

/// The URL keys besides the facets' (`facet::DIMS`) that `embed.js` takes as `data-` attributes.
/// `process` is the one facet it treats specially: the explainer's `id` with `data-view="process"`.
pub const EMBED_KEYS: [&str; 8] = [
    "q", "from", "to", "theme", "accent", "lang", "data", "today",
];

/// The keys `State::from_query` reads besides the facets' (`facet::DIMS`). A query holding
/// none of these and none of the facets' keys (`?utm_source=…`, `?fbclid=…`) names the default
/// state: the static pages' head script keeps their content for such a URL.
pub const OTHER_KEYS: [&str; 15] = [
    "view", "id", "from", "to", "q", "event", "zoom", "at", "today", "data", "embed", "theme",
    "accent", "lang", "frame",
];

/// Every key a URL's query can set the state with.
pub fn state_keys() -> impl Iterator<Item = &'static str> {
    DIMS.iter().map(|s| s.key).chain(OTHER_KEYS)
}

impl State {
    /// A fresh state for `view`, keeping only the global settings.
    pub fn goto(&self, view: View) -> State {
        State {
            view,
            globals: self.globals.clone(),
            ..State::default()
        }
    }

    /// Reads a query string (with or without the leading `?`).
    pub fn from_query(query: &str) -> State {
        let mut s = State::default();
        let mut process_id = None;
        let mut view_key = None;
        for (k, v) in pairs(query) {
            if let Some(dim) = Dim::from_key(&k) {
                s.filters.set(dim, list(&v).filter_map(|x| dim.parse(x)));
                continue;
            }
            let f = &mut s.filters;
            match k.as_str() {
                "view" => view_key = Some(v),
                "id" => process_id = Id::parse(&v).ok(),
                "from" => f.from = PartialDate::parse(&v).ok(),
                "to" => f.to = PartialDate::parse(&v).ok(),
                "q" => f.q = v.trim().chars().take(MAX_QUERY_CHARS).collect(),
                "event" => s.event = Id::parse(&v).ok(),
                "zoom" => s.zoom = Zoom::ALL.into_iter().find(|z| z.key() == v),
                "at" => s.at = PartialDate::parse(&v).ok(),
                "today" => s.globals.today = Day::parse(&v).ok(),
                "data" => s.globals.data = Url::parse(&v).ok().filter(|u| is_web(u.as_str())),
                "embed" => s.globals.embed = matches!(v.as_str(), "1" | "true" | "yes"),
                "theme" => {
                    s.globals.theme = match v.as_str() {
                        "light" => Some(Theme::Light),
                        "dark" => Some(Theme::Dark),
                        "auto" => Some(Theme::Auto),
                        _ => None,
                    }
                }
                "accent" => s.globals.accent = parse_hex_colour(&v),
                "lang" => s.globals.lang = Some(v).filter(|l| is_lang(l)),
                "frame" => s.globals.frame = Some(v).filter(|f| is_frame_id(f)),
                _ => {}
            }
        }
        s.view = match view_key.as_deref() {
            Some("process") => process_id.map(View::Process).unwrap_or_default(),
            Some("events") => View::Events,
            Some("timeline") => View::Timeline,
            Some("resources") => View::Resources,
            Some("search") => View::Search,
            Some("about") => View::About,
            Some("embed") => View::Embed,
            _ => View::Overview,
        };
        s
    }

    /// The canonical query string, starting with `?`, or empty for the default state. Keys come
    /// in a fixed order and defaults are left out, so equal states give equal URLs.
    pub fn to_query(&self) -> String {
        let mut out = Vec::<(&str, String)>::new();
        if self.view != View::Overview {
            out.push(("view", self.view.key().to_owned()));
        }
        if let View::Process(id) = &self.view {
            out.push(("id", id.to_string()));
        }
        let f = &self.filters;
        for spec in &DIMS {
            push_list(
                &mut out,
                spec.key,
                f.values(spec.dim).iter().map(|v| v.to_string()),
            );
        }
        if let Some(d) = f.from {
            out.push(("from", d.to_string()));
        }
        if let Some(d) = f.to {
            out.push(("to", d.to_string()));
        }
        if !f.q.is_empty() {
            out.push(("q", f.q.clone()));
        }
        if let Some(e) = &self.event {
            out.push(("event", e.to_string()));
        }
        if let Some(z) = self.zoom {
            out.push(("zoom", z.key().to_owned()));
        }
        if let Some(a) = self.at {
            out.push(("at", a.to_string()));
        }
        let g = &self.globals;
        if let Some(d) = g.today {
            out.push(("today", d.to_string()));
        }
        if let Some(u) = &g.data {
            out.push(("data", u.as_str().to_owned()));
        }
        if g.embed {
            out.push(("embed", "1".to_owned()));
        }
        if let Some(t) = g.theme {
            let t = match t {
                Theme::Light => "light",
                Theme::Dark => "dark",
                Theme::Auto => "auto",
            };
            out.push(("theme", t.to_owned()));
        }
        if let Some(a) = &g.accent {
            out.push(("accent", a.clone()));
        }
        if let Some(l) = &g.lang {
            out.push(("lang", l.clone()));
        }
        if let Some(f) = &g.frame {
            out.push(("frame", f.clone()));
        }
        if out.is_empty() {
            return String::new();
        }
        let mut s = String::from("?");
        for (i, (k, v)) in out.iter().enumerate() {
            if i > 0 {
                s.push('&');
            }
            s.push_str(k);
            s.push('=');
            encode_into(v, &mut s);
        }
        s
    }
}

fn push_list<'a, I, S>(out: &mut Vec<(&'a str, String)>, key: &'a str, items: I)
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let joined: Vec<String> = items.into_iter().map(|s| s.as_ref().to_owned()).collect();
    if !joined.is_empty() {
        out.push((key, joined.join(",")));
    }
}

fn list(v: &str) -> impl Iterator<Item = &str> {
    v.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .take(MAX_VALUES)
}

fn is_frame_id(f: &str) -> bool {
    (1..=40).contains(&f.len())
        && f.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn is_web(u: &str) -> bool {
    let l = u.to_ascii_lowercase();
    l.starts_with("https://") || l.starts_with("http://")
}

/// `#RGB`, `RGB`, `#RRGGBB` or `RRGGBB` → `rrggbb`.
pub fn parse_hex_colour(v: &str) -> Option<String> {
    let h = v.strip_prefix('#').unwrap_or(v);
    if !h.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    match h.len() {
        3 => Some(
            h.chars()
                .flat_map(|c| [c, c])
                .collect::<String>()
                .to_ascii_lowercase(),
        ),
        6 => Some(h.to_ascii_lowercase()),
        _ => None,
    }
}

/// Splits a query string into decoded key/value pairs.
pub fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
}

/// Percent-decoding that never fails: a broken escape stays as written, bad UTF-8 is replaced.
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// Percent-encodes a value for the query string. `,`, `:` and `/` stay readable: they carry no
/// meaning inside a value.
pub fn encode_into(v: &str, out: &mut String) {
    for &b in v.as_bytes() {
        match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b','
            | b':'
            | b'/' => out.push(b as char),
            _ => {
                out.push('%');
                out.push(
                    char::from_digit((b >> 4) as u32, 16)
                        .unwrap_or('0')
                        .to_ascii_uppercase(),
                );
                out.push(
                    char::from_digit((b & 15) as u32, 16)
                        .unwrap_or('0')
                        .to_ascii_uppercase(),
                );
            }
        }
    }
}

#[cfg(test)]
#[path = "route_tests.rs"]
mod tests;
