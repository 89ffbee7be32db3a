//! Native benchmark of the pure query engine on synthetic datasets of 1k, 10k and 100k events.
//! It prints figures and asserts nothing: timing depends on the machine.
//!
//!   cargo bench --bench engine                              print the table
//!   cargo bench --bench engine -- --write-data [DIR]        also write synthetic-{1k,10k,100k}.json
//!                                                           and engine.json (these figures) to DIR
//!                                                           (default target/bench-data) for
//!                                                           tests/bench/browser.mjs
//!   cargo bench --bench engine -- --sizes 1000,10000        other sizes
//!
//! Without `--bench` (which `cargo bench` passes), it measures 1k events only: a smoke run.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use chrono::NaiveDate;
    use process_tracker::core::catalog::Catalog;
    use process_tracker::core::dataset::Dataset;
    use process_tracker::core::facet::{Dim, Filters, Value, When};
    use process_tracker::core::load::load;
    use process_tracker::core::model::Id;
    use process_tracker::core::route::Zoom;
    use process_tracker::core::synth::{self, Rng};
    use process_tracker::core::timeline;
    use std::hint::black_box;
    use std::path::PathBuf;
    use std::time::Instant;

    const SEED: u64 = 20261126;
    /// Random states per operation: enough for a stable p95 without making 100k take minutes.
    const UPDATES: usize = 200;
    /// Words of the synthetic vocabulary (and a place and a process name); the searches are
    /// their prefixes, as a reader types them.
    const SEARCH_WORDS: &[&str] = &[
        "security",
        "cooperation",
        "zurich",
        "ha noi",
        "lodz",
        "nino",
        "delegation",
        "plenary",
        "geneva",
        "consensus",
        "cyber norms",
        "process 1",
        "treaty",
    ];

    struct Args {
        sizes: Vec<usize>,
        write_data: Option<PathBuf>,
    }

    fn args() -> Args {
        let mut out = Args {
            sizes: vec![1_000, 10_000, 100_000],
            write_data: None,
        };
        let argv: Vec<String> = std::env::args().skip(1).collect();
        // `cargo bench` passes `--bench`; `cargo test --benches` (or `--all-targets`) runs this
        // unoptimised and without it, where a small pass shows it still works without the wait.
        if !argv.iter().any(|a| a == "--bench") {
            out.sizes = vec![1_000];
        }
        let mut i = 0;
        while i < argv.len() {
            match argv[i].as_str() {
                "--write-data" => {
                    let dir = argv.get(i + 1).filter(|a| !a.starts_with("--"));
                    if dir.is_some() {
                        i += 1;
                    }
                    out.write_data = Some(PathBuf::from(
                        dir.map_or("target/bench-data", |d| d.as_str()),
                    ));
                }
                "--sizes" => {
                    i += 1;
                    out.sizes = argv
                        .get(i)
                        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
                        .unwrap_or_default();
                }
                // `--bench`, and any libtest filter a caller passes along.
                _ => {}
            }
            i += 1;
        }
        out
    }

    /// Milliseconds, as the browser reports them.
    fn ms(t: Instant) -> f64 {
        t.elapsed().as_secs_f64() * 1e3
    }

    #[derive(Clone, Copy, Default)]
    struct Stats {
        p50: f64,
        p95: f64,
        max: f64,
    }

    fn stats(mut xs: Vec<f64>) -> Stats {
        if xs.is_empty() {
            return Stats::default();
        }
        xs.sort_by(f64::total_cmp);
        let at = |p: f64| xs[((xs.len() - 1) as f64 * p).round() as usize];
        Stats {
            p50: at(0.5),
            p95: at(0.95),
            max: xs[xs.len() - 1],
        }
    }

    fn median(xs: Vec<f64>) -> f64 {
        stats(xs).p50
    }

    fn label(n: usize) -> String {
        if n % 1000 == 0 {
            format!("{}k", n / 1000)
        } else {
            n.to_string()
        }
    }

    /// A prefix of a search word, cut at a char boundary.
    fn prefix(r: &mut Rng) -> String {
        let w = *r.pick(SEARCH_WORDS);
        let n = 1 + r.below(w.chars().count());
        w.chars().take(n).collect()
    }

    /// A filter state a reader might reach: a few facets chosen at random, sometimes a search.
    fn random_filters(c: &Catalog, r: &mut Rng) -> Filters {
        let mut f = Filters::default();
        let procs =
            (0..r.below(3)).map(|_| Value::Id(c.processes[r.below(c.processes.len())].id.clone()));
        f.set(Dim::Process, procs.collect::<Vec<_>>());
        let tags: Vec<&Id> = c
            .taxonomies
            .iter()
            .flat_map(|t| t.tags.iter().map(|g| &g.id))
            .collect();
        let chosen = (0..r.below(3)).map(|_| Value::Id((*r.pick(&tags)).clone()));
        f.set(Dim::Tag, chosen.collect::<Vec<_>>());
        let kinds = (0..r.below(2))
            .map(|_| Value::Id(c.event_kinds[r.below(c.event_kinds.len())].id.clone()));
        f.set(Dim::Kind, kinds.collect::<Vec<_>>());
        let years = (0..r.below(3)).map(|_| Value::Year(1998 + r.below(33) as i32));
        f.set(Dim::Year, years.collect::<Vec<_>>());
        match r.below(4) {
            0 => f.set(Dim::When, [Value::When(When::Upcoming)]),
            1 => f.set(Dim::When, [Value::When(When::Past)]),
            _ => {}
        }
        if r.chance(10) {
            f.set(Dim::Tentative, [Value::Yes]);
        }
        if r.chance(25) {
            f.q = prefix(r);
        }
        f
    }

    struct Row {
        events: usize,
        json_mb: f64,
        load: f64,
        load_index: f64,
        switch: f64,
        filter: Stats,
        typing: Stats,
        search: Stats,
        layout: Vec<(Zoom, f64)>,
    }

    fn measure(n: usize, json: &str) -> Row {
        // Small sizes are repeated so the median is not one noisy sample.
        let reps = (10_000 / n).clamp(1, 10);
        let mut loads = Vec::new();
        let mut loaded = None;
        for _ in 0..reps {
            let t = Instant::now();
            let l = load(black_box(json)).expect("the synthetic dataset loads");
            loads.push(ms(t));
            loaded = Some(l);
        }
        drop(loaded);
        let mut datasets = Vec::new();
        let mut dataset = None;
        for _ in 0..reps {
            let t = Instant::now();
            let d = Dataset::load(black_box(json), "synthetic.json", None)
                .expect("the synthetic dataset loads");
            datasets.push(ms(t));
            dataset = Some(d);
        }
        let index = dataset.expect("at least one dataset");
        // A language switch rebuilds only the search words.
        let switches = (0..reps)
            .map(|_| {
                let t = Instant::now();
                black_box(index.in_lang(Some("fr")));
                ms(t)
            })
            .collect();
        let catalog = index.catalog.clone();
        let lang = catalog.lang().to_owned();
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).expect("a valid date");

        let mut r = Rng(SEED ^ n as u64);
        let filters: Vec<Filters> = (0..UPDATES)
            .map(|_| random_filters(&catalog, &mut r))
            .collect();
        let filter = stats(
            filters
                .iter()
                .map(|f| {
                    let t = Instant::now();
                    black_box(index.events(f, today));
                    ms(t)
                })
                .collect(),
        );
        // The events page while typing: only the search text changes.
        let queries: Vec<String> = (0..UPDATES).map(|_| prefix(&mut r)).collect();
        let typing = stats(
            queries
                .iter()
                .map(|q| {
                    let mut f = Filters::default();
                    f.q = q.clone();
                    let t = Instant::now();
                    black_box(index.events(&f, today));
                    ms(t)
                })
                .collect(),
        );
        let search = stats(
            queries
                .iter()
                .map(|q| {
                    let t = Instant::now();
                    black_box(index.search(q));
                    ms(t)
                })
                .collect(),
        );

        let all = index.events(&Filters::default(), today).hits;
        // Roughly what the browser measures: 7 px per character of the title.
        let label_px =
            |e: usize| catalog.events[e].title.get(&lang, &lang).chars().count() as f64 * 7.0;
        let layout = Zoom::ALL
            .iter()
            .map(|&z| {
                let times = (0..reps.min(5))
                    .map(|_| {
                        let t = Instant::now();
                        black_box(timeline::layout(&catalog, &all, z, &[], label_px));
                        ms(t)
                    })
                    .collect();
                (z, median(times))
            })
            .collect();

        Row {
            events: n,
            json_mb: json.len() as f64 / 1e6,
            load: median(loads),
            load_index: median(datasets),
            switch: median(switches),
            filter,
            typing,
            search,
            layout,
        }
    }

    /// The release profile this binary was built with, read from Cargo.toml, so the header says
    /// what was measured even if the profile changes.
    fn profile() -> String {
        if cfg!(debug_assertions) {
            return "unoptimised (debug assertions on): these figures are not representative"
                .to_owned();
        }
        let toml = include_str!("../../Cargo.toml");
        let section: Vec<&str> = toml
            .lines()
            .skip_while(|l| l.trim() != "[profile.release]")
            .skip(1)
            .take_while(|l| !l.trim_start().starts_with('['))
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        format!(
            "bench, inheriting [profile.release]: {} (what ships)",
            section.join(", ")
        )
    }

    fn print(rows: &[Row]) {
        let f2 = |x: f64| format!("{x:.2}");
        let mut lines: Vec<(String, Vec<String>)> = vec![
            (
                "dataset JSON (MB)".into(),
                rows.iter().map(|r| f2(r.json_mb)).collect(),
            ),
            (
                "load (parse + validate)".into(),
                rows.iter().map(|r| f2(r.load)).collect(),
            ),
            (
                "load + index (Dataset::load)".into(),
                rows.iter().map(|r| f2(r.load_index)).collect(),
            ),
            (
                "language switch (Dataset::in_lang)".into(),
                rows.iter().map(|r| f2(r.switch)).collect(),
            ),
        ];
        let dist = |name: &str, pick: fn(&Row) -> Stats| -> Vec<(String, Vec<String>)> {
            vec![
                (
                    format!("{name} p50"),
                    rows.iter().map(|r| f2(pick(r).p50)).collect(),
                ),
                (
                    format!("{name} p95"),
                    rows.iter().map(|r| f2(pick(r).p95)).collect(),
                ),
                (
                    format!("{name} max"),
                    rows.iter().map(|r| f2(pick(r).max)).collect(),
                ),
            ]
        };
        lines.extend(dist("events(): random filters", |r| r.filter));
        lines.extend(dist("events(): search text only", |r| r.typing));
        lines.extend(dist("search(): everything", |r| r.search));
        for (i, z) in Zoom::ALL.iter().enumerate() {
            lines.push((
                format!("timeline::layout, all, {}", z.key()),
                rows.iter().map(|r| f2(r.layout[i].1)).collect(),
            ));
        }
        let corner = "ms (median; pN of 200 updates)";
        let w0 = lines
            .iter()
            .map(|(l, _)| l.chars().count())
            .chain([corner.len()])
            .max()
            .unwrap_or(0);
        let header: Vec<String> = rows
            .iter()
            .map(|r| format!("{} events", label(r.events)))
            .collect();
        let w = header
            .iter()
            .chain(lines.iter().flat_map(|(_, v)| v))
            .map(String::len)
            .max()
            .unwrap_or(0);
        println!(
            "{corner:<w0$} | {}",
            header
                .iter()
                .map(|h| format!("{h:>w$}"))
                .collect::<Vec<_>>()
                .join(" | ")
        );
        println!("{}", "-".repeat(w0 + rows.len() * (w + 3)));
        for (l, v) in &lines {
            println!(
                "{l:<w0$} | {}",
                v.iter()
                    .map(|x| format!("{x:>w$}"))
                    .collect::<Vec<_>>()
                    .join(" | ")
            );
        }
    }

    fn to_json(rows: &[Row]) -> String {
        let st = |s: Stats| serde_json::json!({"p50": s.p50, "p95": s.p95, "max": s.max});
        let rows: Vec<serde_json::Value> = rows
            .iter()
            .map(|r| {
                serde_json::json!({
                    "events": r.events,
                    "json_mb": r.json_mb,
                    "load_ms": r.load,
                    // What indexing adds to loading (browser.mjs adds the two).
                    "index_ms": (r.load_index - r.load).max(0.0),
                    "lang_switch_ms": r.switch,
                    "filter_ms": st(r.filter),
                    "typing_ms": st(r.typing),
                    "search_ms": st(r.search),
                    "layout_ms": r.layout.iter().map(|(z, t)| (z.key().to_owned(), serde_json::json!(t))).collect::<serde_json::Map<_, _>>(),
                })
            })
            .collect();
        serde_json::json!({"profile": profile(), "rows": rows}).to_string()
    }

    fn load_average() -> String {
        std::fs::read_to_string("/proc/loadavg")
            .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
            .unwrap_or_else(|_| "unknown".to_owned())
    }

    pub fn main() {
        let args = args();
        println!(
            "Query engine, native ({}), profile: {}",
            std::env::consts::ARCH,
            profile()
        );
        // Timings on a shared machine are only as good as its idleness: say how busy it was.
        let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
        println!("host: {cores} cores, load average {}", load_average());
        if let Some(dir) = &args.write_data {
            std::fs::create_dir_all(dir).expect("can create the data directory");
        }
        let mut rows = Vec::new();
        for &n in &args.sizes {
            let t = Instant::now();
            let json = synth::dataset(n, SEED);
            eprintln!(
                "  {} events: generated {:.1} MB in {:.0} ms, measuring…",
                label(n),
                json.len() as f64 / 1e6,
                ms(t)
            );
            if let Some(dir) = &args.write_data {
                let path = dir.join(format!("synthetic-{}.json", label(n)));
                std::fs::write(&path, &json).expect("can write the dataset");
            }
            rows.push(measure(n, &json));
        }
        println!("\nload average after: {}\n", load_average());
        print(&rows);
        if let Some(dir) = &args.write_data {
            let path = dir.join("engine.json");
            std::fs::write(&path, to_json(&rows)).expect("can write engine.json");
            println!(
                "\nwrote {} and the datasets to {}",
                path.display(),
                dir.display()
            );
        }
    }
}
