//! Timeline geometry, free of the DOM: the time scale for each zoom level, the lanes (one per
//! process, in lineage order), the row of each event inside its lane so that no two overlap, the
//! axis ticks, and which event is "next" in each arrow-key direction.

use super::catalog::Catalog;
use super::date::Precision;
use super::route::Zoom;
use chrono::{Datelike, Duration, NaiveDate};

/// Pixels per day at each zoom level: a decade fills a screen, a year does, a month does.
pub fn px_per_day(zoom: Zoom) -> f64 {
    match zoom {
        Zoom::Decade => 0.3,
        Zoom::Year => 2.6,
        Zoom::Month => 30.0,
    }
}

/// Labels are drawn beside markers only where there is room to read them.
pub fn shows_labels(zoom: Zoom) -> bool {
    zoom != Zoom::Decade
}

pub const MARKER_PX: f64 = 12.0;
pub const GAP_PX: f64 = 6.0;
pub const MAX_LABEL_PX: f64 = 220.0;
pub const ROW_PX: f64 = 30.0;
pub const LANE_HEAD_PX: f64 = 26.0;
pub const LANE_PAD_PX: f64 = 8.0;

/// Maps days to pixels along the axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub origin: NaiveDate,
    pub end: NaiveDate,
    pub px_per_day: f64,
}

impl Scale {
    /// A scale covering `[first, last]` with a year of margin each side, starting on 1 January.
    pub fn new(first: NaiveDate, last: NaiveDate, zoom: Zoom) -> Scale {
        let jan1 = |y: i32| NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(first);
        Scale {
            origin: jan1(first.year() - 1),
            end: jan1(last.year() + 2),
            px_per_day: px_per_day(zoom),
        }
    }

    pub fn x(&self, d: NaiveDate) -> f64 {
        (d - self.origin).num_days() as f64 * self.px_per_day
    }

    pub fn width(&self) -> f64 {
        self.x(self.end)
    }

    /// The day at `x` pixels, clamped to the scale.
    pub fn date_at(&self, x: f64) -> NaiveDate {
        let days = (x / self.px_per_day)
            .round()
            .clamp(0.0, (self.end - self.origin).num_days() as f64);
        self.origin + Duration::days(days as i64)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// One known day.
    Point,
    /// Several known days.
    Bar,
    /// A month or a year: the event is somewhere in it, drawn as a faded span.
    Vague,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub event: u32,
    pub lane: usize,
    pub row: usize,
    /// Marker extent in pixels.
    pub x0: f64,
    pub x1: f64,
    /// Where the item's space ends, label included; the next item in the row starts after it.
    pub reach: f64,
    pub shape: Shape,
    pub tentative: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub process: usize,
    /// Nesting under a parent process, for indentation.
    pub depth: usize,
    pub rows: usize,
    pub top: f64,
    pub height: f64,
    /// The process's own period, where the data gives it.
    pub period: Option<(f64, f64)>,
}

/// A lineage link: the successor lane starts where the arrow points.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub from_lane: usize,
    pub to_lane: usize,
    pub x: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub scale: Scale,
    pub lanes: Vec<Lane>,
    /// Sorted by `x0`.
    pub items: Vec<Item>,
    pub links: Vec<Link>,
    pub height: f64,
}

/// Processes in lineage order: each root, then its children (indented), then what continues it.
pub fn lane_order(c: &Catalog) -> Vec<(usize, usize)> {
    let n = c.processes.len();
    let mut seen = vec![false; n];
    let mut out = Vec::with_capacity(n);
    fn visit(
        c: &Catalog,
        p: usize,
        depth: usize,
        seen: &mut [bool],
        out: &mut Vec<(usize, usize)>,
    ) {
        if seen[p] {
            return;
        }
        seen[p] = true;
        out.push((p, depth));
        for &ch in c.children(p) {
            visit(c, ch, depth + 1, seen, out);
        }
        for &s in c.successors(p) {
            if c.parent(s).is_none() {
                visit(c, s, depth, seen, out);
            }
        }
    }
    // Start from the oldest lineages' first members: roots that continue nothing.
    let mut starts: Vec<usize> = c
        .roots()
        .filter(|&p| c.predecessors(p).next().is_none())
        .collect();
    super::sort::sort_by_key(&mut starts, |&p| {
        c.processes[p].start.map(|d| d.first_day())
    });
    for p in starts {
        visit(c, p, 0, &mut seen, &mut out);
    }
    for p in 0..n {
        visit(c, p, 0, &mut seen, &mut out);
    }
    out
}

/// Lays out `hits` (event indices). An event goes in the lane of its first process that is in
/// `prefer` (the processes a filter asks for), else of its first process. `label_px(event)` is
/// the width its label needs.
pub fn layout(
    c: &Catalog,
    hits: &[u32],
    zoom: Zoom,
    prefer: &[usize],
    label_px: impl Fn(usize) -> f64,
) -> Layout {
    let first = hits
        .iter()
        .map(|&h| c.events[h as usize].start.first_day())
        .min();
    let last = hits
        .iter()
        .map(|&h| {
            c.events[h as usize]
                .end
                .unwrap_or(c.events[h as usize].start)
                .last_day()
        })
        .max();
    let fallback = c.meta.reviewed.0;
    let scale = Scale::new(first.unwrap_or(fallback), last.unwrap_or(fallback), zoom);
    let labels = shows_labels(zoom);

    let order = lane_order(c);
    let mut lane_of_process = vec![usize::MAX; c.processes.len()];
    let mut used = vec![false; order.len()];
    let mut placed: Vec<(usize, Item)> = Vec::with_capacity(hits.len());
    for (slot, &(p, _)) in order.iter().enumerate() {
        lane_of_process[p] = slot;
    }
    for &h in hits {
        let e = &c.events[h as usize];
        let procs = || e.processes.iter().filter_map(|id| c.process_index(id));
        let Some(slot) = procs()
            .find(|p| prefer.contains(p))
            .or_else(|| procs().next())
            .map(|p| lane_of_process[p])
        else {
            continue;
        };
        used[slot] = true;
        let coarse = e.start.precision() != Precision::Day
            || e.end.is_some_and(|d| d.precision() != Precision::Day);
        let a = scale.x(e.start.first_day());
        let b = scale.x(e.end.unwrap_or(e.start).last_day() + Duration::days(1));
        let shape = if coarse {
            Shape::Vague
        } else if e.end.is_some_and(|d| d.first_day() > e.start.first_day()) {
            Shape::Bar
        } else {
            Shape::Point
        };
        let (x0, x1) = match shape {
            Shape::Point => {
                let mid = (a + b) / 2.0;
                (mid - MARKER_PX / 2.0, mid + MARKER_PX / 2.0)
            }
            _ => (a, b.max(a + MARKER_PX)),
        };
        let label = if labels {
            label_px(h as usize).min(MAX_LABEL_PX)
        } else {
            0.0
        };
        let reach = x1.max(x0 + MARKER_PX + label) + GAP_PX;
        placed.push((
            slot,
            Item {
                event: h,
                lane: 0,
                row: 0,
                x0,
                x1,
                reach,
                shape,
                tentative: e.tentative,
            },
        ));
    }

    // Keep only lanes with events, in order, and number them.
    let mut lane_index = vec![usize::MAX; order.len()];
    let mut lanes = Vec::new();
    for (slot, &(p, depth)) in order.iter().enumerate() {
        if used[slot] {
            lane_index[slot] = lanes.len();
            let pr = &c.processes[p];
            let period = pr.start.map(|s| {
                let end = pr.end.map(|e| e.last_day()).unwrap_or(scale.end);
                (scale.x(s.first_day()), scale.x(end))
            });
            lanes.push(Lane {
                process: p,
                depth,
                rows: 0,
                top: 0.0,
                height: 0.0,
                period,
            });
        }
    }

    // Greedy interval packing per lane: the lowest row whose last item ends before this starts.
    super::sort::sort_by(&mut placed, |a, b| {
        a.1.x0.total_cmp(&b.1.x0).then(a.1.event.cmp(&b.1.event))
    });
    let mut row_ends: Vec<Vec<f64>> = vec![Vec::new(); lanes.len()];
    let mut items = Vec::with_capacity(placed.len());
    for (slot, mut it) in placed {
        let lane = lane_index[slot];
        let ends = &mut row_ends[lane];
        let row = match ends.iter().position(|&end| end <= it.x0) {
            Some(r) => r,
            None => {
                ends.push(f64::NEG_INFINITY);
                ends.len() - 1
            }
        };
        ends[row] = it.reach;
        it.lane = lane;
        it.row = row;
        items.push(it);
    }
    let mut top = 0.0;
    for (l, lane) in lanes.iter_mut().enumerate() {
        lane.rows = row_ends[l].len().max(1);
        lane.top = top;
        lane.height = LANE_HEAD_PX + lane.rows as f64 * ROW_PX + LANE_PAD_PX;
        top += lane.height;
    }

    let mut links = Vec::new();
    for (to_lane, lane) in lanes.iter().enumerate() {
        for pred in c.predecessors(lane.process) {
            if let Some(from_lane) = lanes.iter().position(|l| l.process == pred) {
                let x = lane.period.map(|p| p.0).unwrap_or_else(|| {
                    items
                        .iter()
                        .find(|i| i.lane == to_lane)
                        .map_or(0.0, |i| i.x0)
                });
                links.push(Link {
                    from_lane,
                    to_lane,
                    x,
                });
            }
        }
    }
    Layout {
        scale,
        lanes,
        items,
        links,
        height: top,
    }
}

impl Layout {
    /// Items whose space meets `[from, to]` pixels: all the DOM needs to draw.
    pub fn visible(&self, from: f64, to: f64) -> impl Iterator<Item = (usize, &Item)> {
        // Items are sorted by x0; none starting after `to` can show.
        let end = self.items.partition_point(|i| i.x0 <= to);
        self.items[..end]
            .iter()
            .enumerate()
            .filter(move |(_, i)| i.reach >= from)
    }

    pub fn y(&self, item: &Item) -> f64 {
        self.lanes[item.lane].top + LANE_HEAD_PX + item.row as f64 * ROW_PX
    }

    /// The item arrow keys move to from `current` (an index into `items`).
    pub fn neighbour(&self, current: usize, dir: Direction) -> Option<usize> {
        let cur = self.items.get(current)?;
        let cy = self.y(cur);
        let cx = cur.x0;
        match dir {
            // Along time: the next item by start, in any lane (items are sorted by x0).
            Direction::Later => (current + 1 < self.items.len()).then_some(current + 1),
            Direction::Earlier => current.checked_sub(1),
            // Across lanes: the nearest item in time on the nearest row above or below.
            Direction::Up | Direction::Down => {
                let down = dir == Direction::Down;
                self.items
                    .iter()
                    .enumerate()
                    .filter(|(_, i)| {
                        let y = self.y(i);
                        if down {
                            y > cy
                        } else {
                            y < cy
                        }
                    })
                    .min_by(|(_, a), (_, b)| {
                        let ka = ((self.y(a) - cy).abs(), (a.x0 - cx).abs());
                        let kb = ((self.y(b) - cy).abs(), (b.x0 - cx).abs());
                        ka.0.total_cmp(&kb.0).then(ka.1.total_cmp(&kb.1))
                    })
                    .map(|(i, _)| i)
            }
        }
    }

    /// The item to focus first: the first not over by `today`, else the last.
    pub fn first_open(&self, c: &Catalog, today: NaiveDate) -> Option<usize> {
        self.items
            .iter()
            .position(|i| c.events[i.event as usize].is_open(today))
            .or_else(|| self.items.len().checked_sub(1))
    }

    pub fn index_of_event(&self, event: usize) -> Option<usize> {
        self.items.iter().position(|i| i.event as usize == event)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Earlier,
    Later,
    Up,
    Down,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tick {
    pub date: NaiveDate,
    /// Major ticks are labelled with the larger unit (a decade, a year).
    pub major: bool,
}

/// Axis ticks between two days: years at decade zoom (decades major), months at year zoom (years
/// major), days at month zoom (months major, every 7th day minor).
pub fn ticks(from: NaiveDate, to: NaiveDate, zoom: Zoom) -> Vec<Tick> {
    let mut out = Vec::new();
    match zoom {
        Zoom::Decade => {
            for y in from.year()..=to.year() {
                if let Some(d) = NaiveDate::from_ymd_opt(y, 1, 1) {
                    out.push(Tick {
                        date: d,
                        major: y % 10 == 0,
                    });
                }
            }
        }
        Zoom::Year => {
            let mut d = NaiveDate::from_ymd_opt(from.year(), from.month(), 1);
            while let Some(day) = d.filter(|d| *d <= to) {
                out.push(Tick {
                    date: day,
                    major: day.month() == 1,
                });
                d = day.checked_add_months(chrono::Months::new(1));
            }
        }
        Zoom::Month => {
            let mut d = from;
            while d <= to {
                if d.day() == 1 || d.day() % 7 == 1 && d.day() < 29 {
                    out.push(Tick {
                        date: d,
                        major: d.day() == 1,
                    });
                }
                d += Duration::days(1);
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "timeline_tests.rs"]
mod tests;
