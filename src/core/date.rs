//! Dates as the data states them: a year, a month or a day. A month-precise date is a claim about
//! the whole month, so comparisons use its first or last day as the question needs.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A calendar date known to a year, a month or a day. Ordered by first day, then by precision
/// (coarser first), so "2025" sorts before "2025-01" before "2025-01-01".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    first: NaiveDate,
    precision: Precision,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("“{0}” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")]
    Format(String),
    #[error("“{0}” is not a day of the calendar")]
    NoSuchDay(String),
    #[error("“{0}” is out of the supported range (years 1000 to 9999)")]
    Range(String),
}

impl PartialDate {
    pub fn parse(s: &str) -> Result<Self, DateError> {
        // Every event has dates, so this reads the three fixed shapes byte by byte.
        let b = s.as_bytes();
        let precision = match b.len() {
            4 => Precision::Year,
            7 => Precision::Month,
            10 => Precision::Day,
            _ => return Err(DateError::Format(clip(s))),
        };
        let well_formed = b.iter().enumerate().all(|(i, &c)| {
            if i == 4 || i == 7 {
                c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
        if !well_formed {
            return Err(DateError::Format(clip(s)));
        }
        let num = |from: usize, to: usize| {
            b[from..to]
                .iter()
                .fold(0u32, |n, &c| n * 10 + u32::from(c - b'0'))
        };
        let y = num(0, 4);
        let m = if b.len() >= 7 { num(5, 7) } else { 1 };
        let d = if b.len() == 10 { num(8, 10) } else { 1 };
        if y < 1000 {
            return Err(DateError::Range(clip(s)));
        }
        let first =
            NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(|| DateError::NoSuchDay(clip(s)))?;
        Ok(PartialDate { first, precision })
    }

    pub fn day(date: NaiveDate) -> Self {
        PartialDate {
            first: date,
            precision: Precision::Day,
        }
    }

    pub fn precision(&self) -> Precision {
        self.precision
    }

    pub fn year(&self) -> i32 {
        self.first.year()
    }

    pub fn month(&self) -> Option<u32> {
        (self.precision >= Precision::Month).then(|| self.first.month())
    }

    pub fn day_of_month(&self) -> Option<u32> {
        (self.precision == Precision::Day).then(|| self.first.day())
    }

    /// First day the date can mean.
    pub fn first_day(&self) -> NaiveDate {
        self.first
    }

    /// Last day the date can mean.
    pub fn last_day(&self) -> NaiveDate {
        let y = self.first.year();
        let end = match self.precision {
            Precision::Day => Some(self.first),
            Precision::Month => {
                let (ny, nm) = if self.first.month() == 12 {
                    (y + 1, 1)
                } else {
                    (y, self.first.month() + 1)
                };
                NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt())
            }
            Precision::Year => NaiveDate::from_ymd_opt(y, 12, 31),
        };
        end.unwrap_or(self.first)
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.first, self.precision).cmp(&(other.first, other.precision))
    }
}

impl fmt::Display for PartialDate {
    /// The ISO form it was written in: YYYY, YYYY-MM or YYYY-MM-DD.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.first;
        match self.precision {
            Precision::Year => write!(f, "{:04}", d.year()),
            Precision::Month => write!(f, "{:04}-{:02}", d.year(), d.month()),
            Precision::Day => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        PartialDate::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// A date that must be known to the day (review dates, "as of" dates, today).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub NaiveDate);

impl Day {
    pub fn parse(s: &str) -> Result<Self, DateError> {
        let p = PartialDate::parse(s)?;
        if p.precision != Precision::Day {
            return Err(DateError::Format(clip(s)));
        }
        Ok(Day(p.first))
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        PartialDate::day(self.0).fmt(f)
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Day::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// Where a dated thing stands relative to today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    Ongoing,
    Upcoming,
}

impl Tense {
    pub fn key(self) -> &'static str {
        match self {
            Tense::Past => "past",
            Tense::Ongoing => "ongoing",
            Tense::Upcoming => "upcoming",
        }
    }
}

/// The tense of a span `[start, end]`; a coarse date counts as ongoing for its whole month or year.
pub fn tense(start: PartialDate, end: Option<PartialDate>, today: NaiveDate) -> Tense {
    let last = end.unwrap_or(start).last_day();
    if last < today {
        Tense::Past
    } else if start.first_day() > today {
        Tense::Upcoming
    } else {
        Tense::Ongoing
    }
}

fn clip(s: &str) -> String {
    s.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).expect("valid date")
    }

    #[test]
    fn parses_three_precisions_and_prints_them_back() {
        for s in ["2025", "2025-07", "2025-07-11"] {
            assert_eq!(d(s).to_string(), s);
        }
        assert_eq!(d("2025").precision(), Precision::Year);
        assert_eq!(d("2026-03").precision(), Precision::Month);
        assert_eq!(d("2026-03-30").precision(), Precision::Day);
    }

    #[test]
    fn rejects_malformed_and_impossible_dates() {
        for s in [
            "",
            "25",
            "2025-7",
            "2025-07-1",
            "2025/07/01",
            "2025-07-01T00:00",
            "abcd",
            "2025-13",
            "-2025",
        ] {
            assert!(PartialDate::parse(s).is_err(), "{s} should be rejected");
        }
        assert_eq!(
            PartialDate::parse("2025-02-29"),
            Err(DateError::NoSuchDay("2025-02-29".into()))
        );
        assert!(PartialDate::parse("2024-02-29").is_ok());
        assert!(matches!(
            PartialDate::parse("0999"),
            Err(DateError::Range(_))
        ));
    }

    #[test]
    fn parses_as_splitting_on_dashes_does() {
        // The rule as first written: one to three dash-separated numbers of 4, 2, 2 digits.
        fn by_parts(s: &str) -> Result<(u32, u32, u32), ()> {
            let parts: Vec<&str> = s.split('-').collect();
            let num = |p: &str, len: usize| {
                if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
                    p.parse::<u32>().map_err(|_| ())
                } else {
                    Err(())
                }
            };
            match parts.as_slice() {
                [y] => Ok((num(y, 4)?, 1, 1)),
                [y, m] => Ok((num(y, 4)?, num(m, 2)?, 1)),
                [y, m, d] => Ok((num(y, 4)?, num(m, 2)?, num(d, 2)?)),
                _ => Err(()),
            }
        }
        let mut r = crate::core::synth::Rng(3);
        let pieces = ["1", "2", "0", "9", "-", "/", "x", "202", "12", "-0", "é"];
        let mut dates = 0;
        for _ in 0..20_000 {
            let n = r.below(8);
            let s: String = (0..n).map(|_| *r.pick(&pieces)).collect();
            let ours = PartialDate::parse(&s);
            match by_parts(&s) {
                Err(()) => assert_eq!(ours, Err(DateError::Format(clip(&s))), "{s}"),
                Ok((y, m, d)) => {
                    let want = if y < 1000 {
                        Err(DateError::Range(clip(&s)))
                    } else {
                        NaiveDate::from_ymd_opt(y as i32, m, d)
                            .map(|first| first.to_string())
                            .ok_or_else(|| DateError::NoSuchDay(clip(&s)))
                    };
                    dates += usize::from(want.is_ok());
                    assert_eq!(ours.map(|p| p.first_day().to_string()), want, "{s}");
                }
            }
        }
        assert!(dates > 20, "{dates} dates");
    }

    #[test]
    fn coarse_dates_cover_their_whole_period() {
        assert_eq!(d("2024-02").last_day(), d("2024-02-29").first_day());
        assert_eq!(d("2025-12").last_day(), d("2025-12-31").first_day());
        assert_eq!(d("2025").last_day(), d("2025-12-31").first_day());
        assert_eq!(d("2025-07").first_day(), d("2025-07-01").first_day());
    }

    #[test]
    fn orders_by_first_day_then_coarser_first() {
        let mut v = [d("2025-01-01"), d("2025-01"), d("2024-12-31"), d("2025")];
        v.sort();
        let s: Vec<String> = v.iter().map(|x| x.to_string()).collect();
        assert_eq!(s, ["2024-12-31", "2025", "2025-01", "2025-01-01"]);
    }

    #[test]
    fn tense_counts_a_month_precise_event_as_ongoing_all_month() {
        let today = d("2026-03-15").first_day();
        assert_eq!(tense(d("2026-03"), None, today), Tense::Ongoing);
        assert_eq!(tense(d("2026-02"), None, today), Tense::Past);
        assert_eq!(tense(d("2026-04-01"), None, today), Tense::Upcoming);
        assert_eq!(
            tense(d("2026-03-10"), Some(d("2026-03-15")), today),
            Tense::Ongoing
        );
        assert_eq!(
            tense(d("2026-03-10"), Some(d("2026-03-14")), today),
            Tense::Past
        );
    }

    #[test]
    fn day_requires_full_precision() {
        assert!(Day::parse("2026-11-26").is_ok());
        assert!(Day::parse("2026-11").is_err());
    }
}
