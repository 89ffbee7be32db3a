use super::*;
use crate::core::facet::{Value, DIM_COUNT};
use crate::core::synth::Rng;

fn id(s: &str) -> Id {
    Id::parse(s).expect("id")
}

fn pick_str<'a>(r: &mut Rng, xs: &[&'a str]) -> &'a str {
    xs[r.below(xs.len())]
}

/// URL values each dimension is tried with, valid ones mostly.
fn candidates(dim: Dim) -> &'static [&'static str] {
    match dim {
        Dim::Process | Dim::Tag | Dim::Kind => &["oewg-2021-2025", "gge", "a", "b.c", "x_y", "ahc"],
        Dim::Year => &["2000", "2007", "2026", "1998"],
        Dim::Country => &["US", "AT", "VN"],
        Dim::Language => &["es", "en", "zh-Hans"],
        Dim::When => &["upcoming", "past"],
        Dim::Tentative => &["1"],
    }
}

fn random_filters(r: &mut Rng, date: impl Fn(&mut Rng) -> Option<PartialDate>) -> Filters {
    let texts = [
        "",
        "cyber crime",
        "López & co",
        "a=b&c",
        "100% #1",
        "مؤتمر",
        "网络",
        "+plus+",
        "quote\"s",
        "é,è",
    ];
    let mut f = Filters::default();
    for spec in &DIMS {
        let all = candidates(spec.dim);
        let n = r.below(all.len() + 1);
        let values: Vec<_> = (0..n)
            .filter_map(|_| spec.dim.parse(pick_str(r, all)))
            .collect();
        f.set(spec.dim, values);
    }
    f.from = if r.coin() { date(r) } else { None };
    f.to = if r.coin() { date(r) } else { None };
    f.q = r.pick(&texts[..]).trim().to_string();
    f
}

fn random_state(r: &mut Rng) -> State {
    let ids = ["oewg-2021-2025", "gge", "a", "b.c", "x_y", "ahc"];
    let view = match r.below(8) {
        0 => View::Overview,
        1 => View::Process(id(pick_str(r, &ids))),
        2 => View::Events,
        3 => View::Timeline,
        4 => View::Resources,
        5 => View::Search,
        6 => View::About,
        _ => View::Embed,
    };
    let date = |r: &mut Rng| {
        PartialDate::parse(pick_str(
            r,
            &["2025", "2026-03", "2024-02-29", "1998-12-04"],
        ))
        .ok()
    };
    State {
        view,
        filters: random_filters(r, date),
        event: if r.coin() {
            Some(id(pick_str(r, &ids)))
        } else {
            None
        },
        zoom: *r.pick(&[
            None,
            Some(Zoom::Decade),
            Some(Zoom::Year),
            Some(Zoom::Month),
        ]),
        at: if r.coin() { date(r) } else { None },
        globals: Globals {
            today: if r.coin() {
                Day::parse("2026-11-26").ok()
            } else {
                None
            },
            data: if r.coin() {
                Url::parse("https://partner.example/data/x.json?v=2&a=b").ok()
            } else {
                None
            },
            embed: r.coin(),
            theme: *r.pick(&[
                None,
                Some(Theme::Light),
                Some(Theme::Dark),
                Some(Theme::Auto),
            ]),
            accent: if r.coin() {
                Some("0a7c5a".into())
            } else {
                None
            },
            lang: if r.coin() { Some("ar".into()) } else { None },
            frame: if r.coin() { Some("pt-2".into()) } else { None },
        },
    }
}

#[test]
fn every_facet_survives_a_round_trip() {
    let mut r = Rng(7);
    let mut seen = [false; DIM_COUNT];
    for _ in 0..500 {
        let s = random_state(&mut r);
        for spec in &DIMS {
            seen[spec.dim as usize] |= !s.filters.values(spec.dim).is_empty();
        }
        assert_eq!(State::from_query(&s.to_query()).filters, s.filters);
    }
    for spec in &DIMS {
        assert!(seen[spec.dim as usize], "{} never tried", spec.key);
    }
}

#[test]
fn encode_then_decode_gives_the_same_state() {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..2000 {
        let s = random_state(&mut r);
        let q = s.to_query();
        assert_eq!(State::from_query(&q), s, "query {q}");
        // and the encoding is canonical
        assert_eq!(State::from_query(&q).to_query(), q);
    }
}

#[test]
fn default_state_is_the_bare_url() {
    assert_eq!(State::default().to_query(), "");
    assert_eq!(State::from_query(""), State::default());
    assert_eq!(State::from_query("?"), State::default());
}

#[test]
fn reads_a_hand_written_url() {
    let s = State::from_query("?view=events&process=oewg-2021-2025,ahc&tag=binding&year=2024,2025&when=upcoming&q=hanoi+signing&today=2026-11-26");
    assert_eq!(s.view, View::Events);
    assert_eq!(
        s.filters.values(Dim::Process),
        [Value::Id(id("oewg-2021-2025")), Value::Id(id("ahc"))]
    );
    assert_eq!(
        s.filters.values(Dim::Year),
        [Value::Year(2024), Value::Year(2025)]
    );
    assert_eq!(s.filters.when(), Some(When::Upcoming));
    assert_eq!(s.filters.q, "hanoi signing");
    assert_eq!(
        s.globals.today.map(|d| d.to_string()),
        Some("2026-11-26".into())
    );
}

#[test]
fn ignores_unknown_and_malformed_parameters() {
    let s = State::from_query(
        "?view=nope&id=../../etc&process=ok,bad%20id,,&year=20x5,99999,2024&from=yesterday&when=soon\
         &zoom=galaxy&today=2026-02-30&data=javascript:alert(1)&accent=red&lang=<script>&foo=bar&%ZZ=%E0%A4%A",
    );
    assert_eq!(s.view, View::Overview);
    assert_eq!(s.filters.values(Dim::Process), [Value::Id(id("ok"))]);
    assert_eq!(s.filters.values(Dim::Year), [Value::Year(2024)]);
    assert_eq!(s.filters.from, None);
    assert_eq!(s.filters.when(), None);
    assert_eq!(s.zoom, None);
    assert_eq!(s.globals.today, None);
    assert_eq!(s.globals.data, None);
    assert_eq!(s.globals.accent, None);
    assert_eq!(s.globals.lang, None);
}

#[test]
fn process_view_without_a_valid_id_falls_back_to_overview() {
    assert_eq!(State::from_query("?view=process").view, View::Overview);
    assert_eq!(
        State::from_query("?view=process&id=gge").view,
        View::Process(id("gge"))
    );
}

#[test]
fn partner_data_must_be_http() {
    assert!(State::from_query("?data=mailto:a@b.c")
        .globals
        .data
        .is_none());
    assert!(State::from_query("?data=https%3A%2F%2Fa.org%2Fd.json")
        .globals
        .data
        .is_some());
}

#[test]
fn decoding_survives_any_bytes() {
    assert_eq!(decode("%"), "%");
    assert_eq!(decode("%4"), "%4");
    assert_eq!(decode("%41%42"), "AB");
    assert_eq!(decode("a+b"), "a b");
    assert_eq!(decode("%FF"), "\u{FFFD}");
    let mut r = Rng(42);
    for _ in 0..500 {
        let s: String = (0..r.below(30))
            .map(|_| *r.pick(&['%', 'a', '=', '&', '+', '2', 'F', 'é', '?']))
            .collect();
        let _ = State::from_query(&s);
    }
}

#[test]
fn goto_keeps_globals_and_drops_filters() {
    let s = State::from_query("?view=events&kind=session&today=2026-11-26&embed=1");
    let t = s.goto(View::Timeline);
    assert!(t.filters.is_empty());
    assert!(t.globals.embed);
    assert_eq!(t.globals.today, s.globals.today);
}

#[test]
fn long_search_text_is_clipped() {
    let q = format!("?q={}", "a".repeat(5000));
    assert_eq!(State::from_query(&q).filters.q.len(), MAX_QUERY_CHARS);
}

#[test]
fn hex_colours() {
    assert_eq!(parse_hex_colour("#0A7"), Some("00aa77".into()));
    assert_eq!(parse_hex_colour("0a7c5a"), Some("0a7c5a".into()));
    assert_eq!(parse_hex_colour("#12345"), None);
    assert_eq!(parse_hex_colour("ggg"), None);
}

/// `embed.js` turns `data-` attributes into URL keys with its own list (it is plain JS, served
/// to partners as is); that list must be exactly the facets plus `EMBED_KEYS`.
#[test]
fn embed_js_accepts_exactly_the_vocabulary() {
    let js = include_str!("../../public/embed.js");
    let start = js.find("var KEYS = {").expect("embed.js declares KEYS");
    let body = &js[start + "var KEYS = {".len()..];
    let body = &body[..body.find('}').expect("KEYS closes")];
    let mut theirs: Vec<(String, String)> = body
        .split(',')
        .filter_map(|p| p.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().trim_matches('\'').to_owned()))
        .collect();
    theirs.sort();
    let mut ours: Vec<(String, String)> = DIMS
        .iter()
        .map(|s| s.key)
        .filter(|k| *k != "process")
        .chain(EMBED_KEYS)
        .map(|k| (k.to_owned(), k.to_owned()))
        .collect();
    ours.sort();
    assert_eq!(theirs, ours);
    assert!(
        js.contains("d.process"),
        "embed.js maps data-process itself"
    );
}

/// The static pages' head script tells a URL that names a state from one that only carries
/// tracking tags by `state_keys`: every key the canonical query writes must be in it, and a
/// query of other keys must read as the default state.
#[test]
fn state_keys_name_every_key_the_query_writes_and_nothing_else_changes_the_state() {
    let keys: Vec<&str> = state_keys().collect();
    let mut r = Rng(11);
    for _ in 0..500 {
        let q = random_state(&mut r).to_query();
        for (k, _) in pairs(&q) {
            assert!(
                keys.contains(&k.as_str()),
                "{k} (in {q}) is not in state_keys"
            );
        }
    }
    for q in [
        "?utm_source=x&utm_medium=y",
        "?fbclid=abc",
        "?ref=home&views=2&ids=3",
    ] {
        assert_eq!(State::from_query(q), State::default(), "{q}");
    }
    // And each listed key does change some state (none is listed for nothing).
    let samples = [
        ("view", "events"),
        ("id", "uncc"),
        ("from", "2020"),
        ("to", "2021"),
        ("q", "x"),
        ("event", "e1"),
        ("zoom", "year"),
        ("at", "2020"),
        ("today", "2020-01-01"),
        ("data", "https://example.org/d.json"),
        ("embed", "1"),
        ("theme", "dark"),
        ("accent", "ff00aa"),
        ("lang", "fr"),
        ("frame", "f1"),
    ];
    assert_eq!(samples.len(), OTHER_KEYS.len());
    for (k, v) in samples {
        assert!(OTHER_KEYS.contains(&k));
        let q = if k == "id" {
            format!("view=process&id={v}")
        } else {
            format!("{k}={v}")
        };
        assert_ne!(
            State::from_query(&q),
            State::default(),
            "{k}={v} changes nothing"
        );
    }
}
