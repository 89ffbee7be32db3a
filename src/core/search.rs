//! Full-text search: case- and diacritics-insensitive, every query word must match the start of a
//! word (so results narrow as you type), titles rank above bodies.

use super::fold::{fold, fold_with_map, is_unspaced_script};
use std::ops::Range;

/// A prepared query: folded words, longest first so highlights prefer the longer match.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    terms: Vec<String>,
}

impl Query {
    pub fn new(q: &str) -> Query {
        let folded = fold(q);
        let mut terms: Vec<String> = folded
            .split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect();
        super::sort::sort_by_key(&mut terms, |t| std::cmp::Reverse(t.len()));
        terms.dedup();
        Query { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The folded words, longest first; a word may appear twice and then counts twice.
    pub(crate) fn terms(&self) -> &[String] {
        &self.terms
    }

    /// Score of a record whose folded title and body are given, or `None` if a word is missing.
    /// This scan is the reference: `SearchIndex` gives the same answers without scanning.
    pub fn score(&self, title: &str, body: &str) -> Option<u32> {
        let mut total = 0;
        for t in &self.terms {
            total += term_score(title, body, t)?;
        }
        Some(total)
    }

    /// Byte ranges of `text` (original, unfolded) to mark as matches.
    pub fn highlights(&self, text: &str) -> Vec<Range<usize>> {
        if self.terms.is_empty() {
            return Vec::new();
        }
        let (folded, map) = fold_with_map(text);
        let mut marks: Vec<Range<usize>> = Vec::new();
        for t in &self.terms {
            for (at, _) in folded.match_indices(t.as_str()) {
                if !starts_word(&folded, at) {
                    continue;
                }
                let start = map[at];
                let last = map[at + t.len() - 1];
                let end = last + text[last..].chars().next().map_or(1, char::len_utf8);
                if !marks.iter().any(|m| m.start < end && start < m.end) {
                    marks.push(start..end);
                }
            }
        }
        super::sort::sort_by_key(&mut marks, |m| m.start);
        marks
    }
}

/// One term's score in a record: its best match, a title beating a body and a whole word a prefix.
pub(crate) fn term_score(title: &str, body: &str, term: &str) -> Option<u32> {
    match best_match(title, term) {
        Some(true) => Some(TITLE_WORD),
        Some(false) => Some(TITLE_PREFIX),
        None => match best_match(body, term) {
            Some(true) => Some(BODY_WORD),
            Some(false) => Some(BODY_PREFIX),
            None => None,
        },
    }
}

pub(crate) const TITLE_WORD: u32 = 8;
pub(crate) const TITLE_PREFIX: u32 = 5;
pub(crate) const BODY_WORD: u32 = 2;
pub(crate) const BODY_PREFIX: u32 = 1;
// The search index takes a term's score in a record as the largest over its matches.
const _: () =
    assert!(TITLE_WORD > TITLE_PREFIX && TITLE_PREFIX > BODY_WORD && BODY_WORD > BODY_PREFIX);

/// `Some(true)` for a whole-word match, `Some(false)` for a prefix match, `None` for none.
fn best_match(hay: &str, term: &str) -> Option<bool> {
    let mut found = None;
    for (at, _) in hay.match_indices(term) {
        if starts_word(hay, at) {
            let whole = hay[at + term.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if whole {
                return Some(true);
            }
            found = Some(false);
        }
    }
    found
}

fn starts_word(s: &str, at: usize) -> bool {
    let here = s[at..].chars().next();
    if here.is_some_and(is_unspaced_script) {
        return true;
    }
    s[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Splits `text` into `(piece, is_match)` runs for display.
pub fn segments<'a>(text: &'a str, marks: &[Range<usize>]) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for m in marks {
        if m.start > pos {
            out.push((&text[pos..m.start], false));
        }
        out.push((&text[m.start..m.end], true));
        pos = m.end;
    }
    if pos < text.len() {
        out.push((&text[pos..], false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(q: &str, title: &str, body: &str) -> Option<u32> {
        Query::new(q).score(&fold(title), &fold(body))
    }

    #[test]
    fn matches_word_prefixes_ignoring_case_and_accents() {
        assert!(score("lopez", "", "Egriselda López chairs").is_some());
        assert!(score("LÓP", "", "egriselda lopez").is_some());
        assert!(score("ha noi", "Signing in Hà Nội", "").is_some());
        assert!(
            score("elda", "", "Egriselda").is_none(),
            "inside a word is not a match"
        );
        assert!(score("sign hanoi", "Signing ceremony", "in Hanoi").is_some());
        assert!(
            score("sign rome", "Signing ceremony", "in Hanoi").is_none(),
            "every word must match"
        );
    }

    #[test]
    fn titles_outrank_bodies_and_whole_words_outrank_prefixes() {
        let title = score("convention", "UN Convention", "").expect("match");
        let body = score("convention", "Signing", "the convention").expect("match");
        assert!(title > body);
        let whole = score("oewg", "OEWG session", "").expect("match");
        let prefix = score("oew", "OEWG session", "").expect("match");
        assert!(whole > prefix);
    }

    #[test]
    fn empty_query_matches_nothing_in_particular() {
        assert!(Query::new("  ,, ").is_empty());
        assert_eq!(Query::new("").score("a", "b"), Some(0));
    }

    #[test]
    fn chinese_matches_anywhere() {
        assert!(score("犯罪", "联合国打击网络犯罪公约", "").is_some());
    }

    #[test]
    fn highlights_map_back_to_the_original_text() {
        let text = "Egriselda López (El Salvador), Straße";
        let q = Query::new("lopez strasse");
        let marks = q.highlights(text);
        let marked: Vec<&str> = marks.iter().map(|m| &text[m.clone()]).collect();
        assert_eq!(marked, ["López", "Straße"]);
        let segs = segments(text, &marks);
        assert_eq!(segs.iter().map(|(s, _)| *s).collect::<String>(), text);
        assert_eq!(segs.iter().filter(|(_, m)| *m).count(), 2);
    }

    #[test]
    fn highlights_prefixes_only_at_word_starts() {
        let text = "sessions and session";
        let marks = Query::new("sess").highlights(text);
        assert_eq!(marks.len(), 2);
        assert!(Query::new("ssion").highlights(text).is_empty());
    }
}
