//! A loaded dataset, ready to query: the catalog, the index built from it, the problems found
//! while loading, and the language it is read in. It is built only by loading, so an index can
//! never meet another catalog, and it is cheap to clone (its parts are shared).

use super::catalog::Catalog;
use super::facet::{Filters, Value};
use super::issue::{Issue, LoadError, MAX_DATASET_BYTES};
use super::load;
use super::query::{FacetKey, Index, Results, Search, SearchHit};
use super::text::{primary_lang, Text};
use chrono::NaiveDate;
use std::sync::Arc;

#[derive(Clone)]
pub struct Dataset {
    pub catalog: Arc<Catalog>,
    pub issues: Arc<[Issue]>,
    /// Where it came from, for the About page and error reports.
    pub url: Arc<str>,
    /// The language content is read in: the reader's choice, else the dataset's default.
    pub lang: String,
    index: Arc<Index>,
    search: Arc<Search>,
}

/// Two handles are the same dataset read in the same language when they share their catalog:
/// a reload of the same file is a new dataset.
impl PartialEq for Dataset {
    fn eq(&self, other: &Dataset) -> bool {
        Arc::ptr_eq(&self.catalog, &other.catalog) && self.lang == other.lang
    }
}

impl std::fmt::Debug for Dataset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Dataset({}, {})", self.url, self.lang)
    }
}

impl Dataset {
    /// Validates, loads and indexes dataset text, read in `lang` (else its default language).
    pub fn load(text: &str, url: &str, lang: Option<&str>) -> Result<Dataset, LoadError> {
        if text.len() > MAX_DATASET_BYTES {
            return Err(LoadError::TooLarge { size: text.len() });
        }
        let loaded = load::load(text)?;
        let catalog = Arc::new(loaded.catalog);
        let lang = lang.unwrap_or_else(|| catalog.lang()).to_owned();
        Ok(Dataset {
            index: Arc::new(Index::new(&catalog)),
            search: Arc::new(Search::new(&catalog, &lang)),
            catalog,
            issues: loaded.issues.into(),
            url: url.into(),
            lang,
        })
    }

    /// The same dataset read in `lang` (else its default language). Only the search words
    /// depend on language, so only they are rebuilt; the same language returns a clone.
    pub fn in_lang(&self, lang: Option<&str>) -> Dataset {
        let lang = lang.unwrap_or_else(|| self.catalog.lang());
        if lang == self.lang {
            return self.clone();
        }
        Dataset {
            search: Arc::new(Search::new(&self.catalog, lang)),
            lang: lang.to_owned(),
            ..self.clone()
        }
    }

    /// The events passing `f`, in date order (by rank when searching), with facet counts.
    pub fn events(&self, f: &Filters, today: NaiveDate) -> Results {
        self.index.events(&self.catalog, &self.search, f, today)
    }

    /// The resources passing `f`, newest first (by rank when searching), with facet counts.
    pub fn resources(&self, f: &Filters) -> Results {
        self.index.resources(&self.catalog, &self.search, f)
    }

    /// Processes, events and resources matching `q`, best first.
    pub fn search(&self, q: &str) -> Vec<SearchHit> {
        self.search.all(q)
    }

    /// A dataset text in the reading language.
    pub fn t<'a>(&'a self, text: &'a Text) -> &'a str {
        text.get(&self.lang, self.catalog.lang())
    }

    /// The language `text` shows in when that is not the reading language (a missing
    /// translation shows the dataset's language): the tag its element must carry so screen
    /// readers, fonts and the bidirectional algorithm treat it right. `None` when it is read as is.
    pub fn foreign_lang<'a>(&'a self, text: &'a Text) -> Option<&'a str> {
        let shown = text
            .language_of(&self.lang, self.catalog.lang())
            .unwrap_or(self.catalog.lang());
        let same = primary_lang(shown).eq_ignore_ascii_case(primary_lang(&self.lang));
        (!same).then_some(shown)
    }

    /// A process's short name, else its name.
    pub fn process_name(&self, p: usize) -> &str {
        let p = &self.catalog.processes[p];
        self.t(p.short_name.as_ref().unwrap_or(&p.name))
    }

    /// A process's short name in the reading language, where it says something its name does
    /// not: `None` without one, or where a translation has no shorter form than the name.
    pub fn short_name(&self, p: usize) -> Option<&str> {
        let p = &self.catalog.processes[p];
        let short = self.t(p.short_name.as_ref()?);
        (short != self.t(&p.name)).then_some(short)
    }

    /// Event `i`'s kind as the dataset labels it in the reading language, else its id.
    pub fn event_kind_label(&self, i: usize) -> &str {
        let kind = &self.catalog.events[i].kind;
        self.catalog
            .event_kind(kind.as_str())
            .map_or(kind.as_str(), |k| self.t(&k.label))
    }

    /// Resource `i`'s kind as the dataset labels it in the reading language, else its id.
    pub fn resource_kind_label(&self, i: usize) -> &str {
        let kind = &self.catalog.resources[i].kind;
        self.catalog
            .resource_kind(kind.as_str())
            .map_or(kind.as_str(), |k| self.t(&k.label))
    }

    /// The dataset's own label for a facet option (a process, tag or kind); `None` for values
    /// the interface names itself (years, countries, languages, tense, tentative).
    pub fn option_label(&self, key: FacetKey, value: &Value, resources: bool) -> Option<&str> {
        let Value::Id(id) = value else {
            return None;
        };
        let c = &self.catalog;
        match key {
            FacetKey::Process => c.process(id.as_str()).map(|(p, _)| self.process_name(p)),
            FacetKey::Taxonomy(_) => c.tag(id.as_str()).map(|(_, g)| self.t(&g.label)),
            FacetKey::Kind if resources => c.resource_kind(id.as_str()).map(|k| self.t(&k.label)),
            FacetKey::Kind => c.event_kind(id.as_str()).map(|k| self.t(&k.label)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::synth;

    #[test]
    fn kinds_read_as_their_label_in_the_reading_language_else_as_their_id() {
        let json = r#"{"schema_version":1,"meta":{"title":"T","default_lang":"en","reviewed":"2026-01-01","publisher":{"name":"P"},"license":{"name":"L"}},
            "taxonomies":[],"event_kinds":[{"id":"meeting","label":{"en":"Meeting","fr":"Réunion"}}],
            "resource_kinds":[{"id":"report","label":"Report"}],
            "processes":[{"id":"p","name":"P","summary":"S","tags":[],"sources":[{"url":"https://example.org/"}]}],
            "events":[{"id":"a","processes":["p"],"title":"A","kind":"meeting","start":"2026-01","sources":[{"url":"https://example.org/"}]},
                      {"id":"b","processes":["p"],"title":"B","kind":"hearing","start":"2026-02","sources":[{"url":"https://example.org/"}]}],
            "resources":[{"id":"r","processes":["p"],"title":"R","date":"2026-01","kind":"report","url":"https://example.org/r","lang":"en","sources":[{"url":"https://example.org/"}]}]}"#;
        let d = Dataset::load(json, "x.json", None).expect("loads");
        let i = |id: &str| {
            d.catalog
                .events
                .iter()
                .position(|e| e.id.as_str() == id)
                .expect("event")
        };
        assert_eq!(d.event_kind_label(i("a")), "Meeting");
        assert_eq!(d.in_lang(Some("fr")).event_kind_label(i("a")), "Réunion");
        assert_eq!(
            d.event_kind_label(i("b")),
            "hearing",
            "an unknown kind reads as its id"
        );
        assert_eq!(d.resource_kind_label(0), "Report");
    }

    #[test]
    fn a_short_name_the_same_as_the_name_in_a_language_is_not_repeated() {
        let json = r#"{"schema_version":1,"meta":{"title":"T","default_lang":"en","reviewed":"2026-01-01","publisher":{"name":"P"},"license":{"name":"L"}},
            "taxonomies":[],"event_kinds":[],"resource_kinds":[],"events":[],"resources":[],
            "processes":[{"id":"uncc","name":{"en":"UN Convention against Cybercrime","zh":"联合国打击网络犯罪公约"},
              "short_name":{"en":"UNCC","zh":"联合国打击网络犯罪公约"},"summary":"S","tags":[],"sources":[{"url":"https://example.org/"}]},
             {"id":"plain","name":"Plain","summary":"S","tags":[],"sources":[{"url":"https://example.org/"}]}]}"#;
        let d = Dataset::load(json, "x.json", None).expect("loads");
        assert_eq!(d.short_name(0), Some("UNCC"));
        assert_eq!(
            d.in_lang(Some("zh")).short_name(0),
            None,
            "no shorter form in Chinese"
        );
        assert_eq!(d.short_name(1), None, "none at all");
    }

    #[test]
    fn a_language_switch_keeps_the_catalog_and_rebuilds_only_search() {
        let d = Dataset::load(&synth::dataset(50, 3), "x.json", None).expect("loads");
        let fr = d.in_lang(Some("fr"));
        assert!(Arc::ptr_eq(&d.catalog, &fr.catalog));
        assert!(Arc::ptr_eq(&d.index, &fr.index));
        assert!(!Arc::ptr_eq(&d.search, &fr.search));
        assert_ne!(d, fr);
        let back = fr.in_lang(None);
        assert_eq!(back.lang, d.catalog.lang());
        let same = d.in_lang(Some(&d.lang.clone()));
        assert!(Arc::ptr_eq(&d.search, &same.search));
        assert_eq!(d, same);
    }

    #[test]
    fn too_large_text_is_refused_before_parsing() {
        let text = " ".repeat(MAX_DATASET_BYTES + 1);
        assert!(matches!(
            Dataset::load(&text, "x", None),
            Err(LoadError::TooLarge { .. })
        ));
    }
}

#[cfg(test)]
mod search_tests {
    use super::*;
    use crate::core::facet::Filters;
    use crate::core::load_tests::base;
    use serde_json::json;

    #[test]
    fn untranslated_text_is_marked_with_the_language_it_shows_in() {
        let mut v = base();
        v["events"][0]["title"] = json!({"en": "Plenary", "fr": "Plénière"});
        v["events"][0]["summary"] = json!("Only in English");
        let fr = Dataset::load(&v.to_string(), "x.json", Some("fr-CA")).expect("loads");
        let e = &fr
            .catalog
            .events
            .iter()
            .find(|e| e.summary.is_some())
            .expect("event");
        assert_eq!(fr.foreign_lang(&e.title), None, "translated: read as is");
        assert_eq!(
            fr.foreign_lang(e.summary.as_ref().expect("summary")),
            Some("en")
        );
        let en = fr.in_lang(Some("en"));
        assert_eq!(en.foreign_lang(e.summary.as_ref().expect("summary")), None);
    }

    #[test]
    fn search_finds_words_of_the_reading_and_the_default_language() {
        let mut v = base();
        v["events"][0]["title"] = json!({"en": "Plenary meeting", "fr": "Séance plénière"});
        let d = Dataset::load(&v.to_string(), "x.json", Some("fr")).expect("loads");
        let found = |q: &str| {
            let mut f = Filters::default();
            f.q = q.into();
            d.events(&f, NaiveDate::from_ymd_opt(2026, 1, 1).expect("day"))
                .hits
                .len()
        };
        assert_eq!(found("pleniere"), 1, "the words on screen");
        assert_eq!(found("plenary"), 1, "the original wording");
        let en = d.in_lang(Some("en"));
        let mut f = Filters::default();
        f.q = "pleniere".into();
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).expect("day");
        assert_eq!(
            en.events(&f, today).hits.len(),
            0,
            "English readers search English"
        );
    }
}
