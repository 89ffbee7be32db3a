//! The dataset's JSON Schema, generated from the Rust types (host only: the wasm never carries
//! `schemars`). The types whose rules live in hand-written decoders describe themselves here, with
//! the same rules as patterns and limits, so an editor flags what the loader would refuse.

use super::date::{Day, PartialDate};
use super::file::DatasetFile;
use super::model::{Block, Country, Id, LangTag, Source, Url, MAX_ID_LEN, MAX_URL_LEN};
use super::text::{Text, MAX_TEXT_CHARS};
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use std::borrow::Cow;

/// The schema of schema v1 as pretty JSON, ending with a newline (what `public/schema/v1.json`
/// holds).
pub fn dataset_schema() -> String {
    let mut schema = schemars::schema_for!(DatasetFile);
    schema.insert(
        "title".into(),
        "Process Tracker dataset, schema version 1".into(),
    );
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_else(|_| "{}".to_owned());
    s.push('\n');
    s
}

macro_rules! string_schema {
    ($ty:ty, $name:literal, $schema:expr) => {
        impl JsonSchema for $ty {
            fn schema_name() -> Cow<'static, str> {
                $name.into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                $schema
            }
        }
    };
}

string_schema!(
    Id,
    "Id",
    json_schema!({
        "description": "A record id: letters, digits, “-”, “_” or “.”, starting with a letter or digit.",
        "type": "string",
        "pattern": format!("^[A-Za-z0-9][A-Za-z0-9._-]{{0,{}}}$", MAX_ID_LEN - 1),
    })
);

string_schema!(
    Url,
    "Url",
    json_schema!({
        "description": "An absolute http, https or mailto URL.",
        "type": "string",
        "maxLength": MAX_URL_LEN,
        "pattern": "^([hH][tT][tT][pP][sS]?://[^/\\s<>\"][^\\s<>\"]*|[mM][aA][iI][lL][tT][oO]:[^\\s<>\"]*@[^\\s<>\"]*)$",
    })
);

string_schema!(
    Country,
    "Country",
    json_schema!({
        "description": "A two-letter upper-case ISO 3166 country code.",
        "type": "string",
        "pattern": "^[A-Z]{2}$",
    })
);

string_schema!(
    LangTag,
    "LangTag",
    json_schema!({
        "description": "A language tag such as “en” or “es-419”.",
        "type": "string",
        "pattern": "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
    })
);

string_schema!(
    PartialDate,
    "PartialDate",
    json_schema!({
        "description": "A date as precisely as it is known: YYYY, YYYY-MM or YYYY-MM-DD.",
        "type": "string",
        "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
    })
);

string_schema!(
    Day,
    "Day",
    json_schema!({
        "description": "A day: YYYY-MM-DD.",
        "type": "string",
        "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
    })
);

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A text, or an object of language tag to text.",
            "anyOf": [
                {"type": "string", "maxLength": MAX_TEXT_CHARS},
                {
                    "type": "object",
                    "minProperties": 1,
                    "propertyNames": {"pattern": "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"},
                    "additionalProperties": {"type": "string", "maxLength": MAX_TEXT_CHARS},
                },
            ],
        })
    }
}

impl JsonSchema for Block {
    fn schema_name() -> Cow<'static, str> {
        "Block".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let text = g.subschema_for::<Text>();
        json_schema!({
            "description": "A paragraph (a text) or a bulleted list: {\"list\": [texts]}.",
            "anyOf": [
                text,
                {
                    "type": "object",
                    "properties": {"list": {"type": "array", "items": text}},
                    "required": ["list"],
                    "additionalProperties": false,
                },
            ],
        })
    }
}

impl JsonSchema for Source {
    fn schema_name() -> Cow<'static, str> {
        "Source".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let url = g.subschema_for::<Url>();
        let text = g.subschema_for::<Text>();
        json_schema!({
            "description": "Where a fact was found: a URL, or {\"url\", \"title\"}.",
            "anyOf": [
                url,
                {
                    "type": "object",
                    "properties": {"url": url, "title": text},
                    "required": ["url"],
                    "additionalProperties": false,
                },
            ],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_published_schema_is_the_generated_one() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/schema/v1.json");
        let published = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            published == dataset_schema(),
            "public/schema/v1.json is out of date: run `cargo run --bin tracker -- schema > public/schema/v1.json`"
        );
    }

    #[test]
    fn the_schema_names_every_collection_and_refuses_unknown_keys() {
        let v: serde_json::Value = serde_json::from_str(&dataset_schema()).expect("json");
        for key in [
            "$schema",
            "schema_version",
            "meta",
            "processes",
            "events",
            "resources",
        ] {
            assert!(v["properties"].get(key).is_some(), "{key}");
        }
        assert_eq!(v["additionalProperties"], serde_json::json!(false));
        let event = &v["$defs"]["Event"];
        assert_eq!(event["additionalProperties"], serde_json::json!(false));
        assert!(event["required"]
            .as_array()
            .is_some_and(|r| r.contains(&"start".into())));
    }
}
