//! The dataset's top level, read in one pass: the version, and each collection's records left
//! raw for `load` to decode one by one. Problems with the other keys wait until the version is
//! known, so a file of another version is reported as that, whatever else it holds; they are
//! worded as a derived decoder words them.

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Unexpected};
use serde_json::value::RawValue;

#[derive(Default)]
pub(super) struct Envelope<'a> {
    /// `Some(None)` for `null`.
    pub(super) version: Option<Option<u64>>,
    meta: Option<&'a RawValue>,
    pub(super) taxonomies: Vec<&'a RawValue>,
    pub(super) event_kinds: Vec<&'a RawValue>,
    pub(super) resource_kinds: Vec<&'a RawValue>,
    processes: Option<Vec<&'a RawValue>>,
    pub(super) events: Vec<&'a RawValue>,
    pub(super) resources: Vec<&'a RawValue>,
    pub(super) figures: Vec<&'a RawValue>,
    /// The first problem with the other keys, in the order of the text.
    problem: Option<String>,
}

/// The top-level keys, in the order a derived decoder would list them.
const FIELDS: &[&str] = &[
    "$schema",
    "meta",
    "taxonomies",
    "event_kinds",
    "resource_kinds",
    "processes",
    "events",
    "resources",
    "figures",
    "schema_version",
];

fn message(e: serde_json::Error) -> String {
    e.to_string()
}

impl<'a> Envelope<'a> {
    /// The meta block and the processes, or the first problem with the keys other than the
    /// version.
    pub(super) fn required(&self) -> Result<(&'a RawValue, &[&'a RawValue]), String> {
        if let Some(p) = &self.problem {
            return Err(p.clone());
        }
        let missing = |field| message(de::Error::missing_field(field));
        let meta = self.meta.ok_or_else(|| missing("meta"))?;
        let processes = self
            .processes
            .as_deref()
            .ok_or_else(|| missing("processes"))?;
        Ok((meta, processes))
    }
}

impl<'de> Deserialize<'de> for Envelope<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(EnvelopeVisitor)
    }
}

struct EnvelopeVisitor;

impl<'de> de::Visitor<'de> for EnvelopeVisitor {
    type Value = Envelope<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a dataset object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Envelope<'de>, A::Error> {
        let mut env = Envelope::default();
        let mut seen = [false; FIELDS.len()];
        while let Some(key) = m.next_key::<String>()? {
            let Some(field) = FIELDS.iter().position(|f| *f == key) else {
                let problem = || message(de::Error::unknown_field(&key, FIELDS));
                env.problem.get_or_insert_with(problem);
                m.next_value::<IgnoredAny>()?;
                continue;
            };
            if key == "schema_version" {
                // Any problem with the version stops reading at once.
                if env.version.is_some() {
                    return Err(de::Error::duplicate_field("schema_version"));
                }
                env.version = Some(m.next_value()?);
                continue;
            }
            if std::mem::replace(&mut seen[field], true) {
                let problem = || message(de::Error::duplicate_field(FIELDS[field]));
                env.problem.get_or_insert_with(problem);
                m.next_value::<IgnoredAny>()?;
                continue;
            }
            let list = match key.as_str() {
                "$schema" => {
                    m.next_value::<IgnoredAny>()?;
                    continue;
                }
                "meta" => {
                    env.meta = Some(m.next_value()?);
                    continue;
                }
                "processes" => env.processes.get_or_insert_with(Vec::new),
                "taxonomies" => &mut env.taxonomies,
                "event_kinds" => &mut env.event_kinds,
                "resource_kinds" => &mut env.resource_kinds,
                "events" => &mut env.events,
                "resources" => &mut env.resources,
                _ => &mut env.figures,
            };
            match m.next_value::<Records>()?.0 {
                Ok(records) => *list = records,
                Err(problem) => {
                    env.problem.get_or_insert(problem);
                }
            }
        }
        Ok(env)
    }
}

/// A collection's raw records or, if the value is not a list, what is wrong with it: reading goes
/// on, to find the version.
struct Records<'a>(Result<Vec<&'a RawValue>, String>);

impl<'de> Deserialize<'de> for Records<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RecordsVisitor)
    }
}

struct RecordsVisitor;

impl RecordsVisitor {
    fn not_a_list<'a>(&self, found: Unexpected) -> Records<'a> {
        Records(Err(message(de::Error::invalid_type(found, self))))
    }
}

impl<'de> de::Visitor<'de> for RecordsVisitor {
    type Value = Records<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<Records<'de>, A::Error> {
        let mut v = Vec::new();
        while let Some(raw) = s.next_element()? {
            v.push(raw);
        }
        Ok(Records(Ok(v)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Records<'de>, A::Error> {
        while m.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(self.not_a_list(Unexpected::Map))
    }

    fn visit_str<E>(self, s: &str) -> Result<Records<'de>, E> {
        Ok(self.not_a_list(Unexpected::Str(s)))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Records<'de>, E> {
        Ok(self.not_a_list(Unexpected::Unsigned(n)))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Records<'de>, E> {
        Ok(self.not_a_list(Unexpected::Signed(n)))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Records<'de>, E> {
        Ok(self.not_a_list(Unexpected::Float(n)))
    }

    fn visit_bool<E>(self, b: bool) -> Result<Records<'de>, E> {
        Ok(self.not_a_list(Unexpected::Bool(b)))
    }

    fn visit_unit<E>(self) -> Result<Records<'de>, E> {
        Ok(self.not_a_list(Unexpected::Unit))
    }
}
