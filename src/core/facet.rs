//! The filter vocabulary, named once. Every facet a record can be filtered on is a `Dim` with
//! one row in `DIMS`: its URL key (also the embed's `data-` attribute), its label's message key,
//! which record kinds it filters, and whether it takes one value or many. URL encoding and
//! decoding, filtering, facet counts, chips and the embed builder all read this table, and a
//! chosen value is a typed `Value`, never a string parsed back.

use super::date::PartialDate;
use super::model::Id;
use std::fmt;

/// A dimension records can be filtered on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dim {
    Process,
    /// Tags; the filter panel shows one facet per taxonomy.
    Tag,
    Kind,
    Year,
    Country,
    Language,
    When,
    Tentative,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum When {
    Upcoming,
    Past,
}

impl When {
    pub fn key(self) -> &'static str {
        match self {
            When::Upcoming => "upcoming",
            When::Past => "past",
        }
    }
}

/// One row of the vocabulary.
pub struct Spec {
    pub dim: Dim,
    /// The URL query key, and the `data-` attribute `embed.js` passes on as that key.
    pub key: &'static str,
    /// Message key of the facet's label (a taxonomy's facet shows the taxonomy's own label).
    pub label: &'static str,
    pub events: bool,
    pub resources: bool,
    /// Takes at most one value: choosing another replaces it.
    pub single: bool,
}

/// The table, in the order facets are shown and written into URLs.
pub const DIMS: [Spec; 8] = [
    spec(Dim::Process, "process", "facet_process", true, true, false),
    spec(Dim::Tag, "tag", "facet_tag", true, false, false),
    spec(Dim::Kind, "kind", "facet_kind", true, true, false),
    spec(Dim::Year, "year", "facet_year", true, true, false),
    spec(Dim::Country, "country", "facet_country", true, false, false),
    spec(
        Dim::Language,
        "language",
        "facet_language",
        false,
        true,
        false,
    ),
    spec(Dim::When, "when", "facet_when", true, false, true),
    spec(
        Dim::Tentative,
        "tentative",
        "facet_tentative",
        true,
        false,
        true,
    ),
];

const fn spec(
    dim: Dim,
    key: &'static str,
    label: &'static str,
    events: bool,
    resources: bool,
    single: bool,
) -> Spec {
    Spec {
        dim,
        key,
        label,
        events,
        resources,
        single,
    }
}

pub const DIM_COUNT: usize = DIMS.len();

/// A URL list holds at most this many values; the rest are dropped.
pub const MAX_VALUES: usize = 64;

impl Dim {
    pub fn spec(self) -> &'static Spec {
        &DIMS[self as usize]
    }

    pub fn key(self) -> &'static str {
        self.spec().key
    }

    pub fn from_key(key: &str) -> Option<Dim> {
        DIMS.iter().find(|s| s.key == key).map(|s| s.dim)
    }

    /// A value as written in a URL, if it is one this dimension can hold.
    pub fn parse(self, s: &str) -> Option<Value> {
        match self {
            Dim::Process | Dim::Tag | Dim::Kind => Id::parse(s).ok().map(Value::Id),
            Dim::Year => s
                .parse()
                .ok()
                .filter(|y| (1000..=9999).contains(y))
                .map(Value::Year),
            Dim::Country => (s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase()))
                .then(|| Value::Code(s.to_owned())),
            Dim::Language => is_lang(s).then(|| Value::Code(s.to_owned())),
            Dim::When => match s {
                "upcoming" => Some(Value::When(When::Upcoming)),
                "past" => Some(Value::When(When::Past)),
                _ => None,
            },
            Dim::Tentative => matches!(s, "1" | "true" | "yes").then_some(Value::Yes),
        }
    }
}

/// A chosen value of some dimension.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Value {
    /// A process, tag or kind.
    Id(Id),
    Year(i32),
    /// A country (ISO 3166 alpha-2) or language tag.
    Code(String),
    When(When),
    /// The one value of a yes/no facet.
    Yes,
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Id(id) => f.write_str(id.as_str()),
            Value::Year(y) => write!(f, "{y}"),
            Value::Code(c) => f.write_str(c),
            Value::When(w) => f.write_str(w.key()),
            Value::Yes => f.write_str("1"),
        }
    }
}

/// A BCP 47-shaped tag: letters and digits in hyphen-separated parts.
pub fn is_lang(l: &str) -> bool {
    !l.is_empty()
        && l.len() <= 35
        && l.split('-')
            .all(|p| !p.is_empty() && p.len() <= 8 && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Filters shared by the events, timeline and resources views: values are OR within a
/// dimension, AND across dimensions, and further narrowed by a date range and a search.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    chosen: [Vec<Value>; DIM_COUNT],
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
    pub q: String,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// The values chosen for `dim`, in the order they were chosen.
    pub fn values(&self, dim: Dim) -> &[Value] {
        &self.chosen[dim as usize]
    }

    pub fn has(&self, dim: Dim, v: &Value) -> bool {
        self.values(dim).contains(v)
    }

    /// The chosen ids of an id dimension (processes, tags, kinds).
    pub fn ids(&self, dim: Dim) -> impl Iterator<Item = &Id> {
        self.values(dim).iter().filter_map(|v| match v {
            Value::Id(id) => Some(id),
            _ => None,
        })
    }

    pub fn when(&self) -> Option<When> {
        self.values(Dim::When).iter().find_map(|v| match v {
            Value::When(w) => Some(*w),
            _ => None,
        })
    }

    pub fn tentative(&self) -> bool {
        !self.values(Dim::Tentative).is_empty()
    }

    /// Replaces the values of `dim`, dropping repeats, values past the limit and, for a
    /// single-valued dimension, all but the first.
    pub fn set(&mut self, dim: Dim, values: impl IntoIterator<Item = Value>) {
        let max = if dim.spec().single { 1 } else { MAX_VALUES };
        let mut out: Vec<Value> = Vec::new();
        for v in values {
            if out.len() == max {
                break;
            }
            if !out.contains(&v) {
                out.push(v);
            }
        }
        self.chosen[dim as usize] = out;
    }

    /// These filters with `v` chosen or, if it was, no longer chosen. Choosing a value of a
    /// single-valued dimension replaces the one there.
    pub fn toggled(&self, dim: Dim, v: &Value) -> Filters {
        let mut g = self.clone();
        let list = &mut g.chosen[dim as usize];
        if let Some(i) = list.iter().position(|x| x == v) {
            list.remove(i);
        } else if dim.spec().single {
            *list = vec![v.clone()];
        } else {
            list.push(v.clone());
        }
        g
    }

    /// Every chosen value, dimension by dimension in table order: the chips.
    pub fn chosen(&self) -> impl Iterator<Item = (Dim, &Value)> {
        DIMS.iter()
            .flat_map(move |s| self.values(s.dim).iter().map(move |v| (s.dim, v)))
    }

    /// How many things narrow the results: chosen values, range ends and a search.
    pub fn count(&self) -> usize {
        self.chosen.iter().map(Vec::len).sum::<usize>()
            + usize::from(self.from.is_some())
            + usize::from(self.to.is_some())
            + usize::from(!self.q.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_indexed_by_dim_and_keys_are_unique() {
        for (i, s) in DIMS.iter().enumerate() {
            assert_eq!(s.dim as usize, i, "{} out of place", s.key);
            assert_eq!(Dim::from_key(s.key), Some(s.dim));
            assert!(s.events || s.resources, "{} filters nothing", s.key);
        }
    }

    #[test]
    fn single_dimensions_hold_one_value() {
        let f = Filters::default()
            .toggled(Dim::When, &Value::When(When::Upcoming))
            .toggled(Dim::When, &Value::When(When::Past));
        assert_eq!(f.when(), Some(When::Past));
        assert_eq!(f.values(Dim::When).len(), 1);
        let f = f.toggled(Dim::When, &Value::When(When::Past));
        assert_eq!(f.when(), None);
    }

    #[test]
    fn toggling_twice_gives_back_the_filters() {
        let f = Filters::default().toggled(Dim::Year, &Value::Year(2024));
        for s in &DIMS {
            for raw in ["2024", "ahc", "FR", "en", "upcoming", "1"] {
                if let Some(v) = s.dim.parse(raw) {
                    assert_eq!(
                        f.toggled(s.dim, &v).toggled(s.dim, &v),
                        f,
                        "{}={raw}",
                        s.key
                    );
                }
            }
        }
    }

    #[test]
    fn set_drops_repeats_and_caps() {
        let mut f = Filters::default();
        f.set(Dim::Year, (0..200).map(|i| Value::Year(1900 + i % 100)));
        assert_eq!(f.values(Dim::Year).len(), MAX_VALUES);
        assert_eq!(f.count(), MAX_VALUES);
    }
}
