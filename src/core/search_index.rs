//! An inverted index of the words of every record, built once per catalog, so a keystroke looks up
//! each query term in a sorted vocabulary instead of scanning every record's text. It answers
//! exactly what `Query::score` answers over the same folded texts; the tests hold it to that.
//!
//! A term can only match where a word starts, and a word starts after a non-alphanumeric
//! character, so the words are the alphanumeric runs of the folded text and a term matches a
//! record if one of its words starts with the term. Two kinds of term do not fit that: a term
//! with an apostrophe spans several words, and a term in an unspaced script (CJK) may start at
//! any of its characters. Both can only match a text holding an apostrophe or such a character,
//! so the index keeps the texts of those records alone and answers these terms from them.

use super::fold::{fold_char, is_unspaced_script};
use super::search::{term_score, Query, BODY_PREFIX, BODY_WORD, TITLE_PREFIX, TITLE_WORD};
use super::sort;
use super::word_table::{Hash, WordTable};
use std::collections::HashMap;

/// Search over one kind of record (events, resources or processes), numbered from 0 in the order
/// they were added.
pub struct SearchIndex {
    /// The distinct words in byte order, concatenated: word `i` is `vocab[ends[i]..ends[i + 1]]`.
    vocab: String,
    ends: Vec<u32>,
    /// The records holding word `i` are `postings[firsts[i]..firsts[i + 1]]`, in record order,
    /// each `record << 1 | in_title`, once per record (title if the word is in the title).
    firsts: Vec<u32>,
    postings: Vec<u32>,
    records: usize,
    /// Folded title and body of the records with an apostrophe or an unspaced-script character,
    /// in record order.
    kept: Vec<Kept>,
}

struct Kept {
    record: u32,
    title: Box<str>,
    body: Box<str>,
}

/// Collects words record by record; `finish` sorts them into a `SearchIndex`.
#[derive(Default)]
pub struct Builder {
    /// The words, each marked with the last record that posted it plus one, so a record posts a
    /// word once.
    words: WordTable,
    /// `word id << 1 | in_title` for each word of each record, record after record: half the
    /// size of storing the record with each, which matters at the peak of a large build.
    entries: Vec<u32>,
    /// Where each record's entries end.
    record_ends: Vec<u32>,
    records: u32,
    /// Whether the record being added holds an apostrophe or an unspaced-script character.
    special: bool,
    kept: Vec<Kept>,
    word: String,
    scratch: String,
    /// Texts many records share, by address (they stay put while the index is built): where
    /// their words are in `shared_words`, and whether they are special.
    shared: HashMap<(usize, usize), (usize, usize, bool)>,
    shared_words: Vec<u32>,
    /// Whether words posted are also recorded in `shared_words`.
    recording: bool,
}

impl Builder {
    /// Adds one unfolded text of the current record: all of its title, then all of its body.
    ///
    /// Folding works char by char, so the folded text's words are found while folding, without
    /// building the text. A run of ASCII letters and digits, most words, is hashed as it is read
    /// and looked up where it stands (the table takes capitals as lower case); only a word with
    /// other characters is folded into a buffer.
    pub fn part(&mut self, in_title: bool, raw: &str) {
        let posting = self.records << 1 | u32::from(in_title);
        let mut word = std::mem::take(&mut self.word);
        let mut scratch = std::mem::take(&mut self.scratch);
        word.clear();
        let bytes = raw.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii_alphanumeric() {
                if !word.is_empty() {
                    word.push(char::from(b));
                    i += 1;
                    continue;
                }
                let from = i;
                let mut h = Hash::START;
                while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                    h = h.add(bytes[i]);
                    i += 1;
                }
                if bytes.get(i).is_some_and(|b| !b.is_ascii()) {
                    // The word may go on past ASCII: fold it into the buffer.
                    word.push_str(&raw[from..i]);
                } else {
                    self.post(&raw[from..i], h, posting);
                }
            } else if b.is_ascii() {
                self.special |= b == b'\'';
                self.post_buffer(&mut word, posting);
                i += 1;
            } else {
                let Some(c) = raw[i..].chars().next() else {
                    break;
                };
                i += c.len_utf8();
                scratch.clear();
                fold_char(c, &mut scratch);
                for f in scratch.chars() {
                    self.special |= f == '\'' || is_unspaced_script(f);
                    if f.is_alphanumeric() {
                        word.push(f);
                    } else {
                        self.post_buffer(&mut word, posting);
                    }
                }
            }
        }
        self.post_buffer(&mut word, posting);
        self.word = word;
        self.scratch = scratch;
    }

    /// Adds a text that many records share: its words are read the first time only.
    pub fn shared_part(&mut self, in_title: bool, raw: &str) {
        let posting = self.records << 1 | u32::from(in_title);
        let key = (raw.as_ptr() as usize, raw.len());
        if let Some(&(from, to, special)) = self.shared.get(&key) {
            self.special |= special;
            for &id in &self.shared_words[from..to] {
                if self.words.mark_id(id, (posting >> 1) + 1) {
                    self.entries.push(id << 1 | (posting & 1));
                }
            }
            return;
        }
        let (from, special) = (self.shared_words.len(), std::mem::take(&mut self.special));
        self.recording = true;
        self.part(in_title, raw);
        self.recording = false;
        let entry = (from, self.shared_words.len(), self.special);
        self.shared.insert(key, entry);
        self.special |= special;
    }

    /// Posts the word in `word`, if there is one, and empties it.
    fn post_buffer(&mut self, word: &mut String, posting: u32) {
        if !word.is_empty() {
            self.post(word, Hash::of(word.as_bytes()), posting);
            word.clear();
        }
    }

    fn post(&mut self, word: &str, h: Hash, posting: u32) {
        // Title parts come first: a word in both is posted once, as a title word.
        let (id, fresh) = self.words.mark(word, h, (posting >> 1) + 1);
        if fresh {
            self.entries.push(id << 1 | (posting & 1));
        }
        if self.recording {
            self.shared_words.push(id);
        }
    }

    /// Ends the current record. True if it holds an apostrophe or an unspaced-script character:
    /// then the index needs its folded texts, given to `keep`.
    pub fn end_record(&mut self) -> bool {
        self.records += 1;
        self.record_ends.push(self.entries.len() as u32);
        std::mem::take(&mut self.special)
    }

    /// The folded title and body of the record just ended.
    pub fn keep(&mut self, title: &str, body: &str) {
        self.kept.push(Kept {
            record: self.records - 1,
            title: title.into(),
            body: body.into(),
        });
    }

    pub fn finish(self) -> SearchIndex {
        let words = &self.words;
        let n = words.len();
        // Words compare by their first 8 bytes, kept side by side, before their text: most differ
        // there. No word holds a zero byte, so padding short ones with zeros keeps the order.
        let heads: Vec<u64> = (0..n as u32)
            .map(|id| {
                let w = words.word(id).as_bytes();
                (0..8).fold(0u64, |h, k| {
                    h << 8 | u64::from(w.get(k).copied().unwrap_or(0))
                })
            })
            .collect();
        let order = sort::order_by(n, &|a, b| {
            heads[a as usize]
                .cmp(&heads[b as usize])
                .then_with(|| words.word(a).cmp(words.word(b)))
        });
        let mut rank = vec![0u32; n];
        let mut vocab = String::with_capacity(order.iter().map(|&w| words.word(w).len()).sum());
        let mut ends = Vec::with_capacity(n + 1);
        ends.push(0);
        for (pos, &id) in order.iter().enumerate() {
            rank[id as usize] = pos as u32;
            vocab.push_str(words.word(id));
            ends.push(vocab.len() as u32);
        }
        // A counting sort by word: postings stay in record order within each word.
        let mut firsts = vec![0u32; n + 1];
        for &e in &self.entries {
            firsts[rank[(e >> 1) as usize] as usize + 1] += 1;
        }
        for i in 1..firsts.len() {
            firsts[i] += firsts[i - 1];
        }
        let mut next = firsts.clone();
        let mut postings = vec![0u32; self.entries.len()];
        let mut from = 0;
        for (r, &to) in self.record_ends.iter().enumerate() {
            for &e in &self.entries[from as usize..to as usize] {
                let slot = &mut next[rank[(e >> 1) as usize] as usize];
                postings[*slot as usize] = (r as u32) << 1 | (e & 1);
                *slot += 1;
            }
            from = to;
        }
        SearchIndex {
            vocab,
            ends,
            firsts,
            postings,
            records: self.records as usize,
            kept: self.kept,
        }
    }
}

impl SearchIndex {
    pub fn len(&self) -> usize {
        self.records
    }

    pub fn is_empty(&self) -> bool {
        self.records == 0
    }

    /// What `q.score(title, body)` gives for each record, in record order.
    pub fn scores(&self, q: &Query) -> Vec<Option<u32>> {
        const OUT: u32 = u32::MAX;
        let mut total = vec![0u32; self.records];
        let mut best = vec![0u8; self.records];
        for t in q.terms() {
            best.fill(0);
            self.term(t, &mut best);
            for (sum, &b) in total.iter_mut().zip(&best) {
                if b == 0 {
                    *sum = OUT;
                } else if *sum != OUT {
                    *sum += u32::from(b);
                }
            }
        }
        total.into_iter().map(|s| (s != OUT).then_some(s)).collect()
    }

    /// Sets `best[r]` to the score of term `t` in record `r`, 0 where it does not match.
    fn term(&self, t: &str, best: &mut [u8]) {
        if t.chars().any(is_unspaced_script) {
            for k in &self.kept {
                best[k.record as usize] = score_u8(term_score(&k.title, &k.body, t));
            }
            return;
        }
        if !t.contains('\'') {
            self.words_scores(t, false, best);
            return;
        }
        // Every word of the term stands at a word start of a matching text; the first one,
        // whole if an apostrophe follows it, narrows the records to check against their text.
        let mut parts = t.split('\'').peekable();
        let mut narrowed = false;
        while let Some(p) = parts.next() {
            if !p.is_empty() {
                self.words_scores(p, parts.peek().is_some(), best);
                narrowed = true;
                break;
            }
        }
        if !narrowed {
            best.fill(1);
        }
        let mut kept = self.kept.iter().peekable();
        for (r, b) in best.iter_mut().enumerate() {
            while kept.next_if(|k| (k.record as usize) < r).is_some() {}
            let text = kept.next_if(|k| k.record as usize == r);
            if *b != 0 {
                *b = text.map_or(0, |k| score_u8(term_score(&k.title, &k.body, t)));
            }
        }
    }

    /// Scores an apostrophe-free term through the vocabulary: the words it begins (or, if
    /// `exact`, the one it equals), each record keeping its best.
    fn words_scores(&self, t: &str, exact: bool, best: &mut [u8]) {
        let n = self.ends.len() - 1;
        let lo = self.partition(0, n, |w| w < t);
        let hi = if exact {
            lo + usize::from(lo < n && self.word(lo) == t)
        } else {
            self.partition(lo, n, |w| w.starts_with(t))
        };
        for i in lo..hi {
            let whole = self.word(i).len() == t.len();
            let (in_title, in_body) = if whole {
                (TITLE_WORD, BODY_WORD)
            } else {
                (TITLE_PREFIX, BODY_PREFIX)
            };
            let (in_title, in_body) = (in_title as u8, in_body as u8);
            let from = self.firsts[i] as usize;
            let to = self.firsts[i + 1] as usize;
            for &p in &self.postings[from..to] {
                let s = if p & 1 == 1 { in_title } else { in_body };
                let b = &mut best[(p >> 1) as usize];
                *b = (*b).max(s);
            }
        }
    }

    fn word(&self, i: usize) -> &str {
        &self.vocab[self.ends[i] as usize..self.ends[i + 1] as usize]
    }

    /// The first word position in `lo..hi` where `pred` turns false (it must hold, then not).
    fn partition(&self, mut lo: usize, mut hi: usize, pred: impl Fn(&str) -> bool) -> usize {
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if pred(self.word(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }
}

fn score_u8(s: Option<u32>) -> u8 {
    s.map_or(0, |s| s as u8)
}

#[cfg(test)]
#[path = "search_index_tests.rs"]
mod tests;
