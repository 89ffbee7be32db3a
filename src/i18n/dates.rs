//! The one function that turns dates into text. In the browser it asks `Intl` (correct word order
//! and month names for every language); the prerender step asks Node's `Intl`, the same ICU, so a
//! static page words its dates as the app will; where neither is there, it writes English.

use crate::core::date::{PartialDate, Precision};
use chrono::{Datelike, NaiveDate};

/// How much of a date to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// As precise as the data, compact: "7–11 Jul 2025", "March 2026", "2004–2005".
    Short,
    /// With the weekday when the day is known: "Friday 11 July 2025".
    Long,
}

/// Which fields `Intl.DateTimeFormat` writes: one table for the browser and the prerender step.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Parts {
    Year,
    MonthYear,
    DayMonthYear,
    Full,
    MonthShort,
}

impl Parts {
    /// The `Intl.DateTimeFormat` options. Dates in the data are calendar days, not instants:
    /// they are formatted in UTC so no reader's time zone moves them by a day.
    pub fn options(self) -> Vec<(&'static str, &'static str)> {
        let mut o = vec![("timeZone", "UTC")];
        if self != Parts::MonthShort {
            o.push(("year", "numeric"));
        }
        match self {
            Parts::Year => {}
            Parts::MonthShort => o.push(("month", "short")),
            Parts::MonthYear => o.push(("month", "long")),
            Parts::DayMonthYear => o.extend([("month", "short"), ("day", "numeric")]),
            Parts::Full => o.extend([("month", "long"), ("day", "numeric"), ("weekday", "long")]),
        }
        o
    }
}

/// `start`, or the span from `start` to `end`, in the reader's language, as precise as the data
/// and no more: a month-precise date never gains a day.
pub fn span(start: PartialDate, end: Option<PartialDate>, style: Style, locale: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        // Lists format the same few hundred spans again on every filter change; `Intl` calls
        // cross into JS, so each result is kept for the page's life.
        type Cache = (
            String,
            std::collections::HashMap<(PartialDate, Option<PartialDate>, Style), String>,
        );
        thread_local! {
            static CACHE: std::cell::RefCell<Cache> = std::cell::RefCell::new(Default::default());
        }
        let key = (start, end, style);
        if let Some(s) = CACHE.with(|c| {
            let c = c.borrow();
            (c.0 == locale).then(|| c.1.get(&key).cloned()).flatten()
        }) {
            return s;
        }
        let s = format_span(start, end, style, locale);
        CACHE.with(|c| {
            let mut c = c.borrow_mut();
            if c.0 != locale {
                *c = (locale.to_owned(), Default::default());
            }
            c.1.insert(key, s.clone());
        });
        s
    }
    #[cfg(not(target_arch = "wasm32"))]
    format_span(start, end, style, locale)
}

fn format_span(start: PartialDate, end: Option<PartialDate>, style: Style, locale: &str) -> String {
    let precision = end.map_or(start.precision(), |e| e.precision().min(start.precision()));
    let a = start.first_day();
    // A range is drawn only where it differs at the precision shown.
    let b = end
        .map(|e| e.first_day())
        .filter(|b| !same(a, *b, precision));
    #[cfg(any(target_arch = "wasm32", feature = "prerender"))]
    {
        use crate::web::intl::format;
        let parts = match (precision, style) {
            (Precision::Year, _) => Parts::Year,
            (Precision::Month, _) => Parts::MonthYear,
            (Precision::Day, Style::Short) => Parts::DayMonthYear,
            (Precision::Day, Style::Long) => Parts::Full,
        };
        if let Some(s) = format(intl_locale(locale), parts, a, b) {
            return s;
        }
    }
    let _ = locale;
    english(a, b, precision, style)
}

/// The short name of `d`'s month ("Mar"), for timeline axis ticks.
pub fn month_short(d: NaiveDate, locale: &str) -> String {
    #[cfg(any(target_arch = "wasm32", feature = "prerender"))]
    {
        if let Some(s) = crate::web::intl::format(intl_locale(locale), Parts::MonthShort, d, None) {
            return s;
        }
    }
    let _ = locale;
    short_month(d).to_owned()
}

/// A single day, as in "as of 21 May 2026".
pub fn day(d: NaiveDate, locale: &str) -> String {
    span(PartialDate::day(d), None, Style::Short, locale)
}

/// The locale `Intl` should use for an interface language. International English writes the
/// day before the month, as the UN does.
pub fn intl_locale(lang: &str) -> &str {
    match lang {
        "en" => "en-GB",
        other => other,
    }
}

fn same(a: NaiveDate, b: NaiveDate, p: Precision) -> bool {
    match p {
        Precision::Year => a.year() == b.year(),
        Precision::Month => (a.year(), a.month()) == (b.year(), b.month()),
        Precision::Day => a == b,
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn short_month(d: NaiveDate) -> &'static str {
    &MONTHS[d.month0() as usize][..3]
}

fn english(a: NaiveDate, b: Option<NaiveDate>, p: Precision, style: Style) -> String {
    let month = |d: NaiveDate| MONTHS[d.month0() as usize];
    match (p, b) {
        (Precision::Year, None) => a.year().to_string(),
        (Precision::Year, Some(b)) => format!("{}–{}", a.year(), b.year()),
        (Precision::Month, None) => format!("{} {}", month(a), a.year()),
        (Precision::Month, Some(b)) if a.year() == b.year() => {
            format!("{} – {} {}", month(a), month(b), a.year())
        }
        (Precision::Month, Some(b)) => {
            format!("{} {} – {} {}", month(a), a.year(), month(b), b.year())
        }
        (Precision::Day, None) => match style {
            Style::Short => format!("{} {} {}", a.day(), short_month(a), a.year()),
            Style::Long => format!(
                "{} {} {} {}",
                WEEKDAYS[a.weekday().num_days_from_monday() as usize],
                a.day(),
                month(a),
                a.year()
            ),
        },
        (Precision::Day, Some(b)) => {
            let m: fn(NaiveDate) -> &'static str = match style {
                Style::Short => short_month,
                Style::Long => month,
            };
            if (a.year(), a.month()) == (b.year(), b.month()) {
                format!("{}–{} {} {}", a.day(), b.day(), m(a), a.year())
            } else if a.year() == b.year() {
                format!("{} {} – {} {} {}", a.day(), m(a), b.day(), m(b), a.year())
            } else {
                format!(
                    "{} {} {} – {} {} {}",
                    a.day(),
                    m(a),
                    a.year(),
                    b.day(),
                    m(b),
                    b.year()
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).expect("date")
    }

    fn short(a: &str, b: Option<&str>) -> String {
        span(d(a), b.map(d), Style::Short, "en")
    }

    #[test]
    fn shows_each_precision_as_written() {
        assert_eq!(short("2025-07-11", None), "11 Jul 2025");
        assert_eq!(short("2026-03", None), "March 2026");
        assert_eq!(short("2004", None), "2004");
    }

    #[test]
    fn collapses_ranges_sensibly() {
        assert_eq!(short("2025-07-07", Some("2025-07-11")), "7–11 Jul 2025");
        assert_eq!(
            short("2024-07-29", Some("2024-08-09")),
            "29 Jul – 9 Aug 2024"
        );
        assert_eq!(
            short("2023-12-29", Some("2024-01-02")),
            "29 Dec 2023 – 2 Jan 2024"
        );
        assert_eq!(short("2004", Some("2005")), "2004–2005");
        assert_eq!(short("2026-03", Some("2026-06")), "March – June 2026");
    }

    #[test]
    fn a_range_is_no_more_precise_than_its_coarsest_end() {
        assert_eq!(short("2025-10-25", Some("2026")), "2025–2026");
        assert_eq!(
            short("2026-03-30", Some("2026-03")),
            "March 2026",
            "same month at month precision"
        );
    }

    #[test]
    fn same_day_range_is_one_day() {
        assert_eq!(short("2025-07-11", Some("2025-07-11")), "11 Jul 2025");
    }

    #[test]
    fn long_style_names_the_weekday() {
        assert_eq!(
            span(d("2025-07-11"), None, Style::Long, "en"),
            "Friday 11 July 2025"
        );
        assert_eq!(span(d("2026-03"), None, Style::Long, "en"), "March 2026");
    }
}
