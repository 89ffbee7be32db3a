//! Human-readable text in the dataset: one plain string, or one string per language.

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Text {
    Plain(String),
    /// `(language tag, text)` pairs in the order the data gives them.
    Localized(Vec<(String, String)>),
}

impl Text {
    /// The text in `lang`, else in `fallback`, else the first one written.
    pub fn get<'a>(&'a self, lang: &str, fallback: &str) -> &'a str {
        match self {
            Text::Plain(s) => s,
            Text::Localized(v) => pick(v, lang, fallback).map_or("", |(_, s)| s.as_str()),
        }
    }

    /// The language tag of the variant `get(lang, fallback)` shows; `None` for a plain text,
    /// which is written in the dataset's language.
    pub fn language_of<'a>(&'a self, lang: &str, fallback: &str) -> Option<&'a str> {
        match self {
            Text::Plain(_) => None,
            Text::Localized(v) => pick(v, lang, fallback).map(|(l, _)| l.as_str()),
        }
    }

    /// Every variant, for search keys and validation.
    pub fn variants(&self) -> impl Iterator<Item = (&str, &str)> {
        let (one, many) = match self {
            Text::Plain(s) => (Some(("", s.as_str())), &[][..]),
            Text::Localized(v) => (None, v.as_slice()),
        };
        one.into_iter()
            .chain(many.iter().map(|(l, s)| (l.as_str(), s.as_str())))
    }

    pub fn is_blank(&self) -> bool {
        self.variants().all(|(_, s)| s.trim().is_empty())
    }
}

/// A language tag's primary language: `fr` for `fr-CA` (or `fr_CA`, as some systems write it).
pub fn primary_lang(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

/// Whether `lang` is written right to left: among the languages the tracker ships in, Arabic;
/// and the common others.
pub fn is_rtl(lang: &str) -> bool {
    matches!(primary_lang(lang), "ar" | "he" | "fa" | "ur")
}

/// The variant in `lang` (or its primary language: `fr` for a `fr-CA` reader), else in
/// `fallback`, else the first one written.
fn pick<'a>(v: &'a [(String, String)], lang: &str, fallback: &str) -> Option<&'a (String, String)> {
    v.iter()
        .find(|(l, _)| l == lang)
        .or_else(|| v.iter().find(|(l, _)| l == primary_lang(lang)))
        .or_else(|| v.iter().find(|(l, _)| l == fallback))
        .or_else(|| v.first())
}

impl Text {
    /// A plain text, refused if longer than the limit.
    pub(crate) fn from_str_checked<E: de::Error>(s: &str) -> Result<Text, E> {
        check_len(s)?;
        Ok(Text::Plain(s.to_owned()))
    }

    /// One language's string, refused if longer than the limit.
    pub(crate) fn checked<E: de::Error>(s: String) -> Result<String, E> {
        check_len(&s)?;
        Ok(s)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(s.to_owned())
    }
}

/// Longest text accepted in one field. Longer strings are almost always a mistake in the data
/// (a pasted document), and would make the page unusable.
pub const MAX_TEXT_CHARS: usize = 20_000;

fn check_len<E: de::Error>(s: &str) -> Result<(), E> {
    // Bytes bound chars from above, so most strings skip the count.
    if s.len() > MAX_TEXT_CHARS && s.chars().count() > MAX_TEXT_CHARS {
        return Err(E::custom(format!(
            "text of {} characters is longer than the limit of {MAX_TEXT_CHARS}",
            s.chars().count()
        )));
    }
    Ok(())
}

impl Serialize for Text {
    /// A string, or an object of language tag to string in the order given: the form it is read in.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Text::Plain(t) => s.serialize_str(t),
            Text::Localized(v) => {
                let mut m = s.serialize_map(Some(v.len()))?;
                for (lang, t) in v {
                    m.serialize_entry(lang, t)?;
                }
                m.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, or an object of language tag to string")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Text, E> {
                check_len(s)?;
                Ok(Text::Plain(s.to_owned()))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Text, E> {
                check_len(&s)?;
                Ok(Text::Plain(s))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Text, A::Error> {
                let mut v = Vec::new();
                while let Some((k, s)) = m.next_entry::<String, String>()? {
                    check_len(&s)?;
                    v.push((k, s));
                }
                if v.is_empty() {
                    return Err(de::Error::custom("a text needs at least one language"));
                }
                Ok(Text::Localized(v))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regional_tags_share_their_language_and_its_direction() {
        assert_eq!(primary_lang("fr-CA"), "fr");
        assert_eq!(primary_lang("zh_Hans"), "zh");
        assert_eq!(primary_lang("en"), "en");
        assert!(is_rtl("ar") && is_rtl("ar-EG") && is_rtl("he"));
        assert!(!is_rtl("en") && !is_rtl("fr-CA") && !is_rtl("zh"));
    }

    #[test]
    fn plain_and_localized_forms_deserialize() {
        let t: Text = serde_json::from_str(r#""Hello""#).expect("string");
        assert_eq!(t.get("fr", "en"), "Hello");
        let t: Text = serde_json::from_str(r#"{"en":"Hello","fr":"Bonjour"}"#).expect("map");
        assert_eq!(t.get("fr", "en"), "Bonjour");
        assert_eq!(t.get("ar", "en"), "Hello");
        assert_eq!(
            t.get("ar", "zh"),
            "Hello",
            "falls back to the first variant"
        );
    }

    #[test]
    fn rejects_huge_strings() {
        let huge = format!("\"{}\"", "x".repeat(MAX_TEXT_CHARS + 1));
        let err = serde_json::from_str::<Text>(&huge).expect_err("too long");
        assert!(err.to_string().contains("longer than the limit"), "{err}");
        let ok = format!("\"{}\"", "é".repeat(MAX_TEXT_CHARS));
        assert!(serde_json::from_str::<Text>(&ok).is_ok());
    }

    #[test]
    fn rejects_other_shapes() {
        assert!(serde_json::from_str::<Text>("3").is_err());
        assert!(serde_json::from_str::<Text>("{}").is_err());
        assert!(serde_json::from_str::<Text>(r#"{"en":3}"#).is_err());
    }
}
