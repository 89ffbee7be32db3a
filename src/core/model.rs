//! The dataset's records, as deserialized. Field-level rules (id syntax, URL schemes, date forms,
//! text length) are enforced while deserializing, so a value of these types is well formed on its
//! own; rules between records (unknown or duplicate ids, reversed dates) live in `validate`.

use super::date::{Day, PartialDate};
use super::text::Text;
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};

/// A record id: letters, digits, `-`, `_`, `.`; it appears in URLs, so it stays short and plain.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Id(String);

pub const MAX_ID_LEN: usize = 80;

impl Id {
    pub fn parse(s: &str) -> Result<Id, String> {
        let ok = !s.is_empty()
            && s.len() <= MAX_ID_LEN
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
            && s.as_bytes()[0].is_ascii_alphanumeric();
        if ok {
            Ok(Id(s.to_owned()))
        } else {
            Err(format!(
                "“{}” is not a valid id: use 1 to {MAX_ID_LEN} letters, digits, “-”, “_” or “.”, starting with a letter or digit",
                s.chars().take(40).collect::<String>()
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Id::parse(&s).map_err(de::Error::custom)
    }
}

/// An absolute `http`, `https` or `mailto` URL. Anything else (`javascript:`, `data:`, relative
/// paths, embedded whitespace) is refused, so every URL in a catalog is safe to put in an `href`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Url(String);

pub const MAX_URL_LEN: usize = 2048;

impl Url {
    pub fn parse(s: &str) -> Result<Url, String> {
        let shown = || s.chars().take(60).collect::<String>();
        if s.len() > MAX_URL_LEN {
            return Err(format!(
                "URL “{}…” is longer than {MAX_URL_LEN} characters",
                shown()
            ));
        }
        if s.chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>' || c == '"')
        {
            return Err(format!(
                "URL “{}” contains spaces, quotes, angle brackets or control characters",
                shown()
            ));
        }
        // Only the scheme is compared, so only it is taken case-insensitively: no lower-cased
        // copy of the whole URL.
        let ok = match s.split_once(':') {
            Some((scheme, rest))
                if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") =>
            {
                rest.starts_with("//") && rest.len() > 2 && !rest[2..].starts_with('/')
            }
            Some((scheme, rest)) if scheme.eq_ignore_ascii_case("mailto") => rest.contains('@'),
            _ => false,
        };
        if ok {
            Ok(Url(s.to_owned()))
        } else {
            Err(format!(
                "“{}” is not an absolute http(s) or mailto URL",
                shown()
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The host name, for showing where a link leads.
    pub fn host(&self) -> &str {
        let rest = self.0.split_once("//").map(|(_, r)| r).unwrap_or(&self.0);
        let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
        let host = host.rsplit('@').next().unwrap_or(host);
        host.strip_prefix("www.").unwrap_or(host)
    }
}

impl<'de> Deserialize<'de> for Url {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Url::parse(&s).map_err(de::Error::custom)
    }
}

/// Checks a string against a rule while deserializing, keeping the plain `String` type.
macro_rules! checked_string {
    ($name:ident, $check:expr, $what:literal) => {
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        pub struct $name(String);
        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                let check: fn(&str) -> bool = $check;
                if check(&s) {
                    Ok($name(s.into_owned()))
                } else {
                    Err(de::Error::custom(format!(
                        concat!("“{}” is not ", $what),
                        s.chars().take(40).collect::<String>()
                    )))
                }
            }
        }
    };
}

checked_string!(
    Country,
    |s| s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase()),
    "a two-letter upper-case ISO 3166 country code"
);
impl LangTag {
    pub const UNDETERMINED: &'static str = "und";

    pub fn undetermined() -> LangTag {
        LangTag(Self::UNDETERMINED.to_owned())
    }
}

checked_string!(
    LangTag,
    |s| {
        let mut parts = s.split('-');
        let first_ok = parts.next().is_some_and(|p| {
            (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase())
        });
        first_ok
            && parts
                .all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
    },
    "a language tag such as “en” or “es-419”"
);

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    pub publisher: Party,
    /// The day the whole dataset was last reviewed against its sources.
    pub reviewed: Day,
    pub default_lang: LangTag,
    pub license: Party,
    /// Where the full tracker for this dataset lives, for "open the full tracker" links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home: Option<Url>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Party {
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Url>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Taxonomy {
    pub id: Id,
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    pub tags: Vec<Tag>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Tag {
    pub id: Id,
    pub label: Text,
    pub definition: Text,
}

/// An event or resource kind, defined by the data.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Kind {
    pub id: Id,
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Process {
    pub id: Id,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<Text>,
    pub summary: Text,
    /// When the process began and (if it has) ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Id>,
    /// The process this one is part of (a thematic group under its mechanism).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Id>,
    /// Processes this one continues. Successors are derived from these, never written twice.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub predecessors: Vec<Id>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key_facts: Vec<Fact>,
    #[serde(default, skip_serializing_if = "Explainer::is_empty")]
    pub explainer: Explainer,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    pub sources: Vec<Source>,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub confirmed: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Explainer {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub why_it_matters: Vec<Block>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub how_it_works: Vec<Block>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub how_to_engage: Vec<Block>,
}

impl Explainer {
    pub fn is_empty(&self) -> bool {
        self.why_it_matters.is_empty()
            && self.how_it_works.is_empty()
            && self.how_to_engage.is_empty()
    }
}

/// Explainer text: paragraphs and bulleted lists, nothing that could carry markup.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph(Text),
    List(Vec<Text>),
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = Block;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a paragraph (a text) or {\"list\": [texts]}")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Block, E> {
                Text::from_str_checked(s).map(Block::Paragraph)
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut m: A) -> Result<Block, A::Error> {
                // {"list": [...]} is a list; any other object is one paragraph in several languages.
                let Some(first) = m.next_key::<String>()? else {
                    return Err(de::Error::custom("a text needs at least one language"));
                };
                if first == "list" {
                    let items: Vec<Text> = m.next_value()?;
                    if m.next_key::<de::IgnoredAny>()?.is_some() {
                        return Err(de::Error::custom("a list block has only the field “list”"));
                    }
                    return Ok(Block::List(items));
                }
                let mut v = vec![(first, Text::checked(m.next_value::<String>()?)?)];
                while let Some((k, s)) = m.next_entry::<String, String>()? {
                    v.push((k, Text::checked(s)?));
                }
                Ok(Block::Paragraph(Text::Localized(v)))
            }
        }
        d.deserialize_any(V)
    }
}

impl Serialize for Block {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Block::Paragraph(t) => t.serialize(s),
            Block::List(items) => {
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry("list", items)?;
                m.end()
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub text: Text,
    /// Where empty, the process's own sources back the fact.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub confirmed: bool,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub url: Url,
    pub title: Text,
}

/// Where a fact was found: a URL, optionally titled. A bare string is accepted as the URL.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub url: Url,
    pub title: Option<Text>,
}

impl Serialize for Source {
    /// A bare URL where there is no title, the shorter form authors write.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match &self.title {
            None => self.url.serialize(s),
            Some(title) => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("url", &self.url)?;
                m.serialize_entry("title", title)?;
                m.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Source {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = Source;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a URL string or {\"url\", \"title\"}")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Source, E> {
                Url::parse(s)
                    .map(|url| Source { url, title: None })
                    .map_err(E::custom)
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut m: A) -> Result<Source, A::Error> {
                let (mut url, mut title) = (None, None);
                while let Some(k) = m.next_key::<String>()? {
                    match k.as_str() {
                        "url" => url = Some(m.next_value::<Url>()?),
                        "title" => title = Some(m.next_value::<Text>()?),
                        other => return Err(de::Error::unknown_field(other, &["url", "title"])),
                    }
                }
                let url = url.ok_or_else(|| de::Error::missing_field("url"))?;
                Ok(Source { url, title })
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Location {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Country>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<Text>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub online: bool,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: Id,
    pub processes: Vec<Id>,
    pub title: Text,
    pub kind: Id,
    pub start: PartialDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    /// The date is planned but not fixed.
    #[serde(default, skip_serializing_if = "is_false")]
    pub tentative: bool,
    /// False where the event itself (or what it produced) is not confirmed by a source.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub confirmed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    pub sources: Vec<Source>,
}

impl Event {
    /// Not yet over on `today`: upcoming or ongoing. A coarse date lasts its whole month or year.
    pub fn is_open(&self, today: chrono::NaiveDate) -> bool {
        self.end.unwrap_or(self.start).last_day() >= today
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Resource {
    pub id: Id,
    pub title: Text,
    pub date: PartialDate,
    pub kind: Id,
    /// `und` (undetermined, BCP 47) where the data gives none; reviews warn about it.
    #[serde(default = "LangTag::undetermined")]
    pub lang: LangTag,
    pub url: Url,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub processes: Vec<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    /// The resource's own URL is its first source; these add to it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}

/// A number that changes over time (signatures, ratifications), kept as dated readings.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub id: Id,
    pub process: Id,
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    pub points: Vec<Point>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub value: u64,
    pub label: Text,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub as_of: Day,
    pub value: u64,
    pub sources: Vec<Source>,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub confirmed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_allow_only_absolute_web_and_mail_links() {
        for ok in [
            "https://example.org",
            "http://a.b/c?d=e#f",
            "mailto:x@y.org",
            "HTTPS://EXAMPLE.ORG/x",
        ] {
            assert!(Url::parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>",
            "/relative",
            "example.org",
            "https:///evil",
            "https://",
            "https://a.b/\"onmouseover=x",
            "vbscript:x",
        ] {
            assert!(Url::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn url_host_strips_www_and_path() {
        let u = Url::parse("https://www.gp-digital.org/a/b?c").expect("url");
        assert_eq!(u.host(), "gp-digital.org");
    }

    #[test]
    fn ids_are_plain_and_bounded() {
        assert!(Id::parse("oewg-2021-2025").is_ok());
        assert!(Id::parse("a.b_c").is_ok());
        for bad in ["", "-x", "a b", "a/b", "ü", &"x".repeat(81)] {
            assert!(Id::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn blocks_are_paragraphs_or_lists() {
        let b: Vec<Block> =
            serde_json::from_str(r#"["para", {"list": ["a", "b"]}, {"en": "x"}]"#).expect("blocks");
        assert!(matches!(b[0], Block::Paragraph(_)));
        assert!(matches!(&b[1], Block::List(v) if v.len() == 2));
        assert!(matches!(b[2], Block::Paragraph(_)));
        assert!(serde_json::from_str::<Block>("3").is_err());
    }

    #[test]
    fn sources_accept_a_bare_url_or_an_object() {
        let s: Vec<Source> =
            serde_json::from_str(r#"["https://a.org", {"url": "https://b.org", "title": "B"}]"#)
                .expect("sources");
        assert_eq!(s[1].url.as_str(), "https://b.org");
        assert!(serde_json::from_str::<Source>(r#""javascript:alert(1)""#).is_err());
    }

    #[test]
    fn country_and_language_codes_are_checked() {
        assert!(serde_json::from_str::<Country>(r#""US""#).is_ok());
        assert!(serde_json::from_str::<Country>(r#""usa""#).is_err());
        assert!(serde_json::from_str::<LangTag>(r#""es-419""#).is_ok());
        assert!(serde_json::from_str::<LangTag>(r#""Spanish""#).is_err());
    }
}
