use super::*;
use crate::core::load::load;
use crate::core::synth;

fn catalog(n: usize) -> Catalog {
    load(&synth::dataset(n, 11)).expect("loads").catalog
}

fn all(c: &Catalog) -> Vec<u32> {
    (0..c.events.len() as u32).collect()
}

fn label(c: &Catalog) -> impl Fn(usize) -> f64 + '_ {
    move |e| c.events[e].title.get("en", "en").chars().count() as f64 * 7.0
}

#[test]
fn no_two_items_overlap_in_a_row() {
    let c = catalog(1500);
    for zoom in Zoom::ALL {
        let l = layout(&c, &all(&c), zoom, &[], label(&c));
        assert_eq!(l.items.len(), c.events.len());
        let mut by_row: std::collections::HashMap<(usize, usize), Vec<&Item>> = Default::default();
        for it in &l.items {
            assert!(it.x1 > it.x0 && it.reach >= it.x1, "{it:?}");
            by_row.entry((it.lane, it.row)).or_default().push(it);
        }
        for row in by_row.values() {
            for w in row.windows(2) {
                assert!(
                    w[0].reach <= w[1].x0,
                    "{zoom:?}: {:?} overlaps {:?}",
                    w[0],
                    w[1]
                );
            }
        }
        // Lanes stack without gaps or overlaps, and rows fit inside their lane.
        let mut top = 0.0;
        for lane in &l.lanes {
            assert_eq!(lane.top, top);
            top += lane.height;
        }
        for it in &l.items {
            let lane = &l.lanes[it.lane];
            assert!(it.row < lane.rows);
            assert!(l.y(it) + ROW_PX <= lane.top + lane.height);
        }
    }
}

#[test]
fn lanes_follow_lineage() {
    let c = catalog(400);
    let order = lane_order(&c);
    assert_eq!(order.len(), c.processes.len(), "every process once");
    let pos = |p: usize| order.iter().position(|&(q, _)| q == p).expect("present");
    for p in 0..c.processes.len() {
        if let Some(parent) = c.parent(p) {
            assert!(pos(parent) < pos(p), "parent before child");
            let (_, d) = order[pos(p)];
            let (_, pd) = order[pos(parent)];
            assert_eq!(d, pd + 1, "child indented under parent");
        }
        for q in c.predecessors(p) {
            assert!(pos(q) < pos(p), "predecessor before successor");
        }
    }
}

#[test]
fn coarse_and_ranged_dates_get_the_right_shape() {
    let json = crate::core::load_tests::base().to_string();
    let c = load(&json).expect("loads").catalog;
    let l = layout(&c, &all(&c), Zoom::Year, &[], |_| 50.0);
    let by_id = |id: &str| {
        let (e, _) = c.event(id).expect("event");
        l.items
            .iter()
            .find(|i| i.event as usize == e)
            .expect("item")
            .clone()
    };
    let month = by_id("e2");
    assert_eq!(month.shape, Shape::Vague);
    let days = month.x1 - month.x0;
    assert!(
        (days / px_per_day(Zoom::Year) - 31.0).abs() < 0.01,
        "March spans 31 days: {days}"
    );
    assert_eq!(by_id("e1").shape, Shape::Bar);
}

#[test]
fn scale_maps_days_both_ways() {
    let a = NaiveDate::from_ymd_opt(2019, 6, 3).expect("date");
    let b = NaiveDate::from_ymd_opt(2026, 12, 7).expect("date");
    for zoom in Zoom::ALL {
        let s = Scale::new(a, b, zoom);
        assert!(s.x(a) > 0.0 && s.x(b) < s.width());
        assert_eq!(s.date_at(s.x(b)), b);
        assert!(s.x(a) < s.x(b));
    }
    let s = Scale::new(a, b, Zoom::Year);
    assert_eq!(s.date_at(-50.0), s.origin, "clamped");
}

#[test]
fn visible_returns_exactly_what_meets_the_window() {
    let c = catalog(3000);
    let l = layout(&c, &all(&c), Zoom::Year, &[], label(&c));
    for (from, to) in [
        (0.0, 500.0),
        (5000.0, 6200.0),
        (l.scale.width() - 300.0, l.scale.width()),
    ] {
        let got: Vec<usize> = l.visible(from, to).map(|(i, _)| i).collect();
        let want: Vec<usize> = l
            .items
            .iter()
            .enumerate()
            .filter(|(_, i)| i.reach >= from && i.x0 <= to)
            .map(|(i, _)| i)
            .collect();
        assert_eq!(got, want);
        assert!(
            got.len() < l.items.len(),
            "a window is a small part of the whole"
        );
    }
}

#[test]
fn arrow_keys_walk_through_time_and_across_rows() {
    let c = catalog(300);
    let l = layout(&c, &all(&c), Zoom::Year, &[], label(&c));
    assert_eq!(l.neighbour(0, Direction::Earlier), None);
    assert_eq!(l.neighbour(0, Direction::Later), Some(1));
    let last = l.items.len() - 1;
    assert_eq!(l.neighbour(last, Direction::Later), None);
    let mid = l.items.len() / 2;
    let down = l.neighbour(mid, Direction::Down).expect("something below");
    assert!(l.y(&l.items[down]) > l.y(&l.items[mid]));
    let up = l.neighbour(down, Direction::Up).expect("something above");
    assert!(l.y(&l.items[up]) < l.y(&l.items[down]));
}

#[test]
fn ticks_mark_the_larger_unit() {
    let from = NaiveDate::from_ymd_opt(2025, 3, 15).expect("date");
    let to = NaiveDate::from_ymd_opt(2026, 2, 10).expect("date");
    let t = ticks(from, to, Zoom::Year);
    assert_eq!(t.len(), 12, "March 2025 … February 2026");
    assert_eq!(
        t.iter().filter(|t| t.major).count(),
        1,
        "January is a year mark"
    );
    let t = ticks(from, to, Zoom::Decade);
    assert_eq!(
        t.iter().map(|t| t.date.year()).collect::<Vec<_>>(),
        [2025, 2026]
    );
    let t = ticks(from, from + Duration::days(40), Zoom::Month);
    assert!(t.iter().any(|t| t.major && t.date.day() == 1));
}

#[test]
fn a_filtered_process_gets_the_events_it_shares() {
    let mut v = crate::core::load_tests::base();
    v["events"][0]["processes"] = serde_json::json!(["alpha", "beta"]);
    let c = load(&v.to_string()).expect("loads").catalog;
    let (beta, _) = c.process("beta").expect("beta");
    let (shared, _) = c.event("e2").expect("e2");
    let l = layout(&c, &[shared as u32], Zoom::Year, &[beta], |_| 0.0);
    assert_eq!(
        l.lanes.iter().map(|lane| lane.process).collect::<Vec<_>>(),
        [beta],
        "the shared event sits in beta's lane"
    );
    let l = layout(&c, &[shared as u32], Zoom::Year, &[], |_| 0.0);
    assert_ne!(
        l.lanes[0].process, beta,
        "without a filter, the first process wins"
    );
}

#[test]
fn filtered_hits_draw_only_their_lanes() {
    let c = catalog(500);
    let (p, _) = c.process("p3").expect("p3");
    let hits: Vec<u32> = c.events_of(p).map(|i| i as u32).collect();
    let l = layout(&c, &hits, Zoom::Decade, &[], |_| 0.0);
    assert!(l
        .lanes
        .iter()
        .all(|lane| c.events_of(lane.process).count() > 0));
    assert!(l.lanes.len() < c.processes.len());
}
