//! What can be wrong with a dataset. A `LoadError` stops loading; an `Issue` is a problem with one
//! record (or one of its fields) that the loader worked around and reports.
//!
//! These messages speak to the dataset's author, who has the JSON open: they name the collection,
//! the index and the id of the record, and the field.

use std::fmt;

pub const SUPPORTED_SCHEMA: u32 = 1;
/// Largest dataset accepted, in bytes. Far above real trackers (the default is ~100 KB); it keeps a
/// wrong URL (a video, a dump) from freezing the tab.
pub const MAX_DATASET_BYTES: usize = 64 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("the dataset is empty")]
    Empty,
    #[error("the dataset is {size} bytes, more than the limit of {max}", max = MAX_DATASET_BYTES)]
    TooLarge { size: usize },
    #[error("the dataset is not valid JSON: {message} (line {line}, column {column})")]
    Json {
        message: String,
        line: usize,
        column: usize,
    },
    #[error("the dataset's top level is not as expected: {0}")]
    Shape(String),
    #[error("the dataset uses schema version {found}; this tracker reads version {supported}", supported = SUPPORTED_SCHEMA)]
    Schema { found: u64 },
    #[error("the dataset's “meta” block is invalid: {0}")]
    Meta(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Collection {
    /// The `meta` block (index 0).
    Meta,
    Taxonomies,
    EventKinds,
    ResourceKinds,
    Processes,
    Events,
    Resources,
    Figures,
}

impl Collection {
    pub fn key(self) -> &'static str {
        match self {
            Collection::Meta => "meta",
            Collection::Taxonomies => "taxonomies",
            Collection::EventKinds => "event_kinds",
            Collection::ResourceKinds => "resource_kinds",
            Collection::Processes => "processes",
            Collection::Events => "events",
            Collection::Resources => "resources",
            Collection::Figures => "figures",
        }
    }
}

/// Where in the dataset a problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub collection: Collection,
    pub index: usize,
    pub id: Option<String>,
    /// Dotted path inside the record, such as `location.country` or `sources[0]`.
    pub field: Option<String>,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.collection == Collection::Meta {
            f.write_str("meta")?;
        } else {
            write!(f, "{}[{}]", self.collection.key(), self.index)?;
        }
        if let Some(id) = &self.id {
            write!(f, " “{id}”")?;
        }
        if let Some(field) = &self.field {
            write!(f, ", field “{field}”")?;
        }
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("{0}; the record is left out")]
    Malformed(String),
    #[error("the id “{0}” is already used by an earlier record; this one is left out")]
    DuplicateId(String),
    #[error("refers to the unknown process “{0}”; the reference is ignored")]
    UnknownProcess(String),
    #[error("refers to the unknown tag “{0}”; the tag is ignored")]
    UnknownTag(String),
    #[error("has the unknown kind “{0}”; it is shown under that name")]
    UnknownKind(String),
    #[error("ends ({end}) before it starts ({start}); the record is left out")]
    EndBeforeStart { start: String, end: String },
    #[error("ends ({end}) before it starts ({start}); the end date is ignored")]
    EndBeforeStartIgnored { start: String, end: String },
    #[error("names no known process; the record is left out")]
    NoProcess,
    #[error("has no source; every record should cite at least one")]
    NoSources,
    #[error("is empty; the record is left out")]
    Blank,
    #[error("makes “{0}” its own ancestor; the parent link is ignored")]
    ParentCycle(String),
    #[error("has a reading dated {0} twice; the second is ignored")]
    DuplicateReading(String),
    // The review rules below run only when a maintainer checks a dataset (`load::load_reviewed`).
    #[error("is still marked tentative, but its dates were over before the dataset's review ({reviewed})")]
    TentativeBeforeReview { reviewed: String },
    #[error("was over before the dataset's review ({reviewed}) but records no outcome")]
    NoOutcome { reviewed: String },
    #[error("has no language")]
    NoLanguage,
    #[error("says the dataset was reviewed on {reviewed}, {days} days ago (more than {max})", max = MAX_REVIEW_AGE_DAYS)]
    StaleReview { reviewed: String, days: i64 },
}

/// How old a dataset's review may be before `load_reviewed` warns.
pub const MAX_REVIEW_AGE_DAYS: i64 = 90;

impl Problem {
    /// True where the loader left something out, false where it only warns.
    pub fn is_error(&self) -> bool {
        !matches!(
            self,
            Problem::NoSources
                | Problem::UnknownKind(_)
                | Problem::TentativeBeforeReview { .. }
                | Problem::NoOutcome { .. }
                | Problem::NoLanguage
                | Problem::StaleReview { .. }
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub place: Place,
    pub problem: Problem,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.problem)
    }
}
