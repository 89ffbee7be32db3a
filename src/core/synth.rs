//! Synthetic datasets with the real schema, for benchmarks and property tests: the same seed
//! gives the same dataset.

use serde_json::{json, Value};

/// xorshift64: deterministic, dependency-free.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
    pub fn coin(&mut self) -> bool {
        self.next_u64() & 1 == 1
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

const WORDS: &[&str] = &[
    "cyber",
    "security",
    "norms",
    "capacity",
    "building",
    "convention",
    "protocol",
    "session",
    "plenary",
    "consensus",
    "report",
    "stakeholder",
    "accreditation",
    "ratification",
    "signature",
    "treaty",
    "law",
    "humanitarian",
    "rights",
    "privacy",
    "infrastructure",
    "confidence",
    "measures",
    "mechanism",
    "délégation",
    "coopération",
    "niño",
    "São",
    "Zürich",
    "Hà",
    "Nội",
    "Łódź",
    "expression",
    "evidence",
];
const CITIES: &[(&str, &str)] = &[
    ("New York", "US"),
    ("Geneva", "CH"),
    ("Vienna", "AT"),
    ("Hanoi", "VN"),
    ("Nairobi", "KE"),
    ("Bogotá", "CO"),
    ("Bangkok", "TH"),
];

fn sentence(r: &mut Rng, n: usize) -> String {
    (0..n).map(|_| *r.pick(WORDS)).collect::<Vec<_>>().join(" ")
}

fn date(r: &mut Rng) -> (String, Option<String>) {
    let y = 1998 + r.below(33) as i32;
    let m = 1 + r.below(12);
    let d = 1 + r.below(28);
    match r.below(10) {
        0 => (format!("{y}"), None),
        1 => (format!("{y}-{m:02}"), None),
        2..=5 => {
            let e = (d + r.below(10)).min(28);
            (
                format!("{y}-{m:02}-{d:02}"),
                Some(format!("{y}-{m:02}-{e:02}")),
            )
        }
        _ => (format!("{y}-{m:02}-{d:02}"), None),
    }
}

/// A dataset with `events` events, 24 processes (some nested), 3 taxonomies and `events / 10`
/// resources, as JSON text.
pub fn dataset(events: usize, seed: u64) -> String {
    let mut r = Rng(seed.max(1));
    let tags = [
        (
            "status",
            ["binding", "norm-setting", "discussions", "deadline"].as_slice(),
        ),
        ("type", &["multistakeholder", "multilateral"]),
        (
            "openness",
            &["openness-na", "open", "partly-open", "not-open"],
        ),
    ];
    let taxonomies: Vec<Value> = tags
        .iter()
        .map(|(t, gs)| json!({"id": t, "label": t, "tags": gs.iter().map(|g| json!({"id": g, "label": g, "definition": format!("About {g}")})).collect::<Vec<_>>()}))
        .collect();
    let kinds = ["session", "deadline", "adoption", "meeting", "signing"];
    let nproc = 24;
    let processes: Vec<Value> = (0..nproc)
        .map(|i| {
            let mut p = json!({
                "id": format!("p{i}"),
                "name": format!("Process {i} {}", sentence(&mut r, 3)),
                "short_name": format!("P{i}"),
                "summary": sentence(&mut r, 12),
                "tags": [tags[0].1[i % 4], tags[1].1[i % 2], tags[2].1[i % 4]],
                "sources": ["https://example.org/source"],
            });
            if i >= 4 && i % 4 == 0 {
                p["parent"] = json!(format!("p{}", i - 4));
            }
            if i % 4 == 1 {
                p["predecessors"] = json!([format!("p{}", i - 1)]);
            }
            p
        })
        .collect();
    let evs: Vec<Value> = (0..events)
        .map(|i| {
            let (start, end) = date(&mut r);
            let (city, country) = *r.pick(CITIES);
            let mut e = json!({
                "id": format!("e{i}"),
                "processes": [format!("p{}", r.below(nproc))],
                "title": format!("{} {}", sentence(&mut r, 4), i),
                "kind": r.pick(&kinds),
                "start": start,
                "summary": sentence(&mut r, 20),
                "location": {"city": city, "country": country},
                "sources": ["https://example.org/e"],
            });
            if let Some(end) = end {
                e["end"] = json!(end);
            }
            if r.chance(10) {
                e["tentative"] = json!(true);
            }
            if r.chance(5) {
                let other = format!("p{}", r.below(nproc));
                if e["processes"][0] != json!(other) {
                    e["processes"] = json!([e["processes"][0].clone(), other]);
                }
            }
            e
        })
        .collect();
    let resources: Vec<Value> = (0..events / 10)
        .map(|i| {
            let (d, _) = date(&mut r);
            json!({"id": format!("r{i}"), "title": sentence(&mut r, 6), "date": d, "kind": r.pick(&["report", "blog-post", "news"]),
                   "lang": r.pick(&["en", "es", "fr"]), "url": format!("https://example.org/r{i}"), "processes": [format!("p{}", r.below(nproc))]})
        })
        .collect();
    let event_kinds: Vec<Value> = kinds.iter().map(|k| json!({"id": k, "label": k})).collect();
    let resource_kinds: Vec<Value> = ["report", "blog-post", "news"]
        .iter()
        .map(|k| json!({"id": k, "label": k}))
        .collect();
    json!({
        "schema_version": 1,
        "meta": {"title": "Synthetic", "publisher": {"name": "bench"}, "reviewed": "2026-11-26", "default_lang": "en", "license": {"name": "CC0"}},
        "taxonomies": taxonomies,
        "event_kinds": event_kinds,
        "resource_kinds": resource_kinds,
        "processes": processes,
        "events": evs,
        "resources": resources,
    })
    .to_string()
}
