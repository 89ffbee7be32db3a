//! Every interface string, in one table per language. Components never write user-facing text
//! themselves: they take it from here. The tables are generated at build time from the message
//! files in `messages/` (see `codegen.rs`), so adding a language is adding a file.
//!
//! Templates use `{name}` placeholders, filled by [`fill`] (or cut by [`pieces`] when a part is
//! an element); messages that count are [`Plural`]s. Problems found in a dataset are
//! addressed to its maintainer and written in English (see `core::issue`).

#[cfg(test)]
mod codegen;
pub mod dates;
pub mod plural;

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

/// A message that counts: one template per CLDR plural category of its language, chosen by
/// `{n}` (`Intl.PluralRules` in the browser, [`plural::category`] natively).
pub struct Plural {
    /// The language the forms are written in (English where a translation lacks the key).
    pub lang: &'static str,
    pub zero: Option<&'static str>,
    pub one: Option<&'static str>,
    pub two: Option<&'static str>,
    pub few: Option<&'static str>,
    pub many: Option<&'static str>,
    pub other: &'static str,
}

impl Plural {
    /// The form for `n`, with `{n}` written as the language writes numbers.
    pub fn format(&self, n: usize) -> String {
        self.format_with(n, &[])
    }

    /// As [`Plural::format`], filling the template's other placeholders too.
    pub fn format_with(&self, n: usize, values: &[(&str, &str)]) -> String {
        let n = n as u64;
        let num = number(n, self.lang);
        let mut all = vec![("n", num.as_str())];
        all.extend_from_slice(values);
        fill(self.form(category(self.lang, n)), &all)
    }

    /// The template of `category`; a category the file does not give reads `other`.
    pub fn form(&self, category: &str) -> &'static str {
        match category {
            "zero" => self.zero,
            "one" => self.one,
            "two" => self.two,
            "few" => self.few,
            "many" => self.many,
            _ => None,
        }
        .unwrap_or(self.other)
    }
}

/// One shipped interface language.
pub struct Language {
    pub tag: &'static str,
    /// The language named in itself, for the switcher.
    pub name: &'static str,
    /// Whether a native speaker has checked the translation (the About page says so if not).
    pub translation_reviewed: bool,
    pub messages: &'static Messages,
}

impl Language {
    pub fn rtl(&self) -> bool {
        crate::core::text::is_rtl(self.tag)
    }
}

/// The tags of [`LANGUAGES_INFO`], in the same (alphabetical) order.
pub const LANGUAGES: [&str; 6] = ["ar", "en", "es", "fr", "ru", "zh"];

/// The shipped language `lang` belongs to (matched on its primary subtag: `fr-CA` is French).
pub fn language(lang: &str) -> Option<&'static Language> {
    let primary = crate::core::text::primary_lang(lang);
    LANGUAGES_INFO
        .iter()
        .find(|l| l.tag.eq_ignore_ascii_case(primary))
}

/// The table for `lang` (a language tag such as `fr` or `es-419`); English if not shipped.
pub fn messages(lang: &str) -> &'static Messages {
    language(lang).map_or(&EN, |l| l.messages)
}

/// The interface language to use: the URL's `lang=` if given, else the first of the reader's
/// preferred languages (`navigator.languages`) that the tracker has, else the dataset's.
/// A `lang=` the tracker has no table for is kept: dates and data still follow it.
pub fn choose(url: Option<&str>, preferred: &[String], dataset: &str) -> String {
    requested(url, preferred).unwrap_or_else(|| dataset.to_owned())
}

/// [`choose`] before the dataset is known: `None` means "the dataset's default".
pub fn requested(url: Option<&str>, preferred: &[String]) -> Option<String> {
    if let Some(r) = url.filter(|r| !r.is_empty()) {
        return Some(r.to_owned());
    }
    preferred
        .iter()
        .find_map(|p| language(p))
        .map(|l| l.tag.to_owned())
}

fn category(lang: &str, n: u64) -> &'static str {
    #[cfg(target_arch = "wasm32")]
    if let Some(c) = crate::web::intl::plural_category(dates::intl_locale(lang), n) {
        return c;
    }
    plural::category(lang, n)
}

/// `n` as `lang` writes numbers (`Intl.NumberFormat` in the browser and the prerender step;
/// plain digits elsewhere).
pub fn number(n: u64, lang: &str) -> String {
    #[cfg(any(target_arch = "wasm32", feature = "prerender"))]
    return crate::web::intl::number(dates::intl_locale(lang), n);
    #[cfg(not(any(target_arch = "wasm32", feature = "prerender")))]
    {
        let _ = lang;
        n.to_string()
    }
}

/// A template cut at its placeholders, for sentences whose parts are elements (a link, a
/// `<time>`): the component renders each [`Piece::Slot`] and the word order stays the
/// translator's.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Slot(&'a str),
}

pub fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        let Some(j) = rest[i..].find('}') else { break };
        if i > 0 {
            out.push(Piece::Text(&rest[..i]));
        }
        out.push(Piece::Slot(&rest[i + 1..i + j]));
        rest = &rest[i + j + 1..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// Replaces each `{name}` in `template` with its value, in one pass (a value that itself holds
/// braces, such as a search for "{n}", is left alone). An unknown `{name}` stays as written.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    for piece in pieces(template) {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Slot(name) => match values.iter().find(|(k, _)| *k == name) {
                Some((_, v)) => out.push_str(v),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            },
        }
    }
    out
}

#[cfg(test)]
mod tests;
