//! A whole dataset file as written, records in the file's order: what the tools read and write
//! (spreadsheet export and import, the JSON Schema, the app's "download as JSON"). The app reads
//! datasets through `load`, which forgives bad records; this type decodes strictly.

use super::catalog::Catalog;
use super::issue::SUPPORTED_SCHEMA;
use super::model::{Event, Figure, Kind, Meta, Process, Resource, Taxonomy};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DatasetFile {
    /// Where editors find this schema, so they can complete and check fields.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 1)))]
    pub schema_version: u32,
    pub meta: Meta,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub taxonomies: Vec<Taxonomy>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub event_kinds: Vec<Kind>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resource_kinds: Vec<Kind>,
    pub processes: Vec<Process>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<Resource>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
}

impl DatasetFile {
    /// The catalog with only the chosen events and resources (indices into `c.events` and
    /// `c.resources`; unknown ones are skipped), and everything they refer to: meta, taxonomies,
    /// kinds, every process and figure. The result loads with no issue of its own.
    pub fn subset(c: &Catalog, events: &[usize], resources: &[usize]) -> DatasetFile {
        DatasetFile {
            schema: None,
            schema_version: SUPPORTED_SCHEMA,
            meta: c.meta.clone(),
            taxonomies: c.taxonomies.clone(),
            event_kinds: c.event_kinds.clone(),
            resource_kinds: c.resource_kinds.clone(),
            processes: c.processes.clone(),
            events: events
                .iter()
                .filter_map(|&i| c.events.get(i).cloned())
                .collect(),
            resources: resources
                .iter()
                .filter_map(|&i| c.resources.get(i).cloned())
                .collect(),
            figures: c.figures.clone(),
        }
    }

    /// Pretty JSON (two-space indent, as the default dataset is written), ending with a newline.
    pub fn to_json(&self) -> String {
        // Every value here is a string, number, bool, list or string-keyed map: writing cannot
        // fail, but an empty object beats a panic if it ever did.
        let mut s = serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_owned());
        s.push('\n');
        s
    }
}

/// The chosen events and resources of `c` as a dataset file in schema v1, for "download as JSON".
pub fn subset_json(c: &Catalog, events: &[usize], resources: &[usize]) -> String {
    DatasetFile::subset(c, events, resources).to_json()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::load::load;
    use crate::core::synth;

    #[test]
    fn a_written_dataset_reads_back_equal() {
        let json = synth::dataset(200, 7);
        let d: DatasetFile = serde_json::from_str(&json).expect("synthetic dataset decodes");
        let again: DatasetFile =
            serde_json::from_str(&d.to_json()).expect("written dataset decodes");
        assert_eq!(d, again);
    }

    #[test]
    fn the_default_dataset_survives_writing() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/public/data/un-cyber-processes.json"
        );
        let json = std::fs::read_to_string(path).expect("default dataset");
        let d: DatasetFile = serde_json::from_str(&json).expect("default dataset decodes strictly");
        let again: DatasetFile = serde_json::from_str(&d.to_json()).expect("decodes");
        assert_eq!(d, again);
        // Same JSON values, key order aside: nothing the author wrote is lost or added.
        let a: serde_json::Value = serde_json::from_str(&json).expect("json");
        let b: serde_json::Value = serde_json::from_str(&d.to_json()).expect("json");
        assert_eq!(normalise(a), normalise(b));
    }

    /// Drops what writing leaves out because it is the default, so the comparison is of meaning.
    fn normalise(v: serde_json::Value) -> serde_json::Value {
        use serde_json::Value;
        match v {
            Value::Object(m) => Value::Object(
                m.into_iter()
                    .filter(|(k, v)| {
                        !(k == "confirmed" && *v == Value::Bool(true)
                            || (k == "tentative" || k == "online") && *v == Value::Bool(false))
                    })
                    .map(|(k, v)| (k, normalise(v)))
                    .collect(),
            ),
            Value::Array(a) => Value::Array(a.into_iter().map(normalise).collect()),
            other => other,
        }
    }

    #[test]
    fn a_subset_keeps_the_chosen_records_and_loads_cleanly() {
        let loaded = load(&synth::dataset(300, 3)).expect("loads");
        let c = &loaded.catalog;
        let json = subset_json(c, &[0, 5, 9999], &[1]);
        let sub = load(&json).expect("subset loads");
        assert!(sub.issues.is_empty(), "{:?}", sub.issues);
        let ids: Vec<&str> = sub.catalog.events.iter().map(|e| e.id.as_str()).collect();
        let mut want = vec![c.events[0].id.as_str(), c.events[5].id.as_str()];
        want.sort();
        let mut got = ids.clone();
        got.sort();
        assert_eq!(got, want);
        assert_eq!(sub.catalog.resources.len(), 1);
        assert_eq!(sub.catalog.resources[0].id, c.resources[1].id);
        assert_eq!(sub.catalog.processes.len(), c.processes.len());
    }
}
