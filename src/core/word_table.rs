//! Numbers distinct words as they come, for building the search index. A large dataset holds
//! millions of words and one lookup per word is most of the index's build time, so this is a
//! small open-addressing table over one string of all words, with a hash its caller computes
//! while reading the word, instead of a general map with an allocation per word. ASCII capitals
//! count as their lower case, so a word of the data that is only that far from folded is looked
//! up where it stands, without a copy.

pub struct WordTable {
    /// The words, folded and concatenated; word `i` is `text[ends[i]..ends[i + 1]]`.
    text: String,
    ends: Vec<u32>,
    /// Each word's hash: compared before the bytes, and reused when the table grows.
    hashes: Vec<u32>,
    /// Each word's last mark (see `mark`).
    marks: Vec<u32>,
    /// `id + 1` of the word hashed there, or 0; a power of two in size, at most half full.
    slots: Vec<u32>,
}

impl Default for WordTable {
    fn default() -> Self {
        WordTable {
            text: String::new(),
            ends: vec![0],
            hashes: Vec::new(),
            marks: Vec::new(),
            slots: vec![0; 1024],
        }
    }
}

/// A word's hash, fed byte by byte as the word is read.
#[derive(Clone, Copy)]
pub struct Hash(u64);

const K: u64 = 0x9e37_79b9_7f4a_7c15;

impl Hash {
    pub const START: Hash = Hash(K);

    /// Adds the next byte, lower-cased if an ASCII capital: an xor and a multiply.
    pub fn add(self, b: u8) -> Hash {
        Hash((self.0 ^ u64::from(lower(b))).wrapping_mul(K))
    }

    /// Mixes every bit into the low ones, which pick the slot.
    fn finish(self) -> u32 {
        let mut h = self.0;
        h ^= h >> 29;
        h = h.wrapping_mul(K);
        h ^= h >> 32;
        h as u32
    }

    pub fn of(bytes: &[u8]) -> Hash {
        bytes.iter().fold(Hash::START, |h, &b| h.add(b))
    }
}

impl WordTable {
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// Word `id`, folded.
    pub fn word(&self, id: u32) -> &str {
        let id = id as usize;
        &self.text[self.ends[id] as usize..self.ends[id + 1] as usize]
    }

    /// Finds `word` (lower-cased; `h` is `Hash::of(word)`), numbering it next if it is new, and
    /// marks it with `mark`. Its id, and whether it did not already bear that mark.
    pub fn mark(&mut self, word: &str, h: Hash, mark: u32) -> (u32, bool) {
        let bytes = word.as_bytes();
        let h = h.finish();
        let slots: &[u32] = &self.slots;
        let (hashes, ends): (&[u32], &[u32]) = (&self.hashes, &self.ends);
        let marks: &mut [u32] = &mut self.marks;
        let text = self.text.as_bytes();
        let mask = slots.len() - 1;
        let mut at = h as usize & mask;
        loop {
            let s = slots[at] as usize;
            if s == 0 {
                break;
            }
            if hashes[s - 1] == h && same(&text[ends[s - 1] as usize..ends[s] as usize], bytes) {
                let fresh = marks[s - 1] != mark;
                marks[s - 1] = mark;
                return (s as u32 - 1, fresh);
            }
            at = (at + 1) & mask;
        }
        let id = self.hashes.len() as u32;
        let from = self.text.len();
        self.text.push_str(word);
        self.text[from..].make_ascii_lowercase();
        self.ends.push(self.text.len() as u32);
        self.hashes.push(h);
        self.marks.push(mark);
        self.slots[at] = id + 1;
        if self.hashes.len() * 2 > self.slots.len() {
            self.grow();
        }
        (id, true)
    }

    /// Marks word `id` with `mark`; whether it did not already bear it.
    pub fn mark_id(&mut self, id: u32, mark: u32) -> bool {
        let last = &mut self.marks[id as usize];
        std::mem::replace(last, mark) != mark
    }

    fn grow(&mut self) {
        let mut slots = vec![0u32; self.slots.len() * 2];
        let mask = slots.len() - 1;
        for (id, &h) in self.hashes.iter().enumerate() {
            let mut at = h as usize & mask;
            while slots[at] != 0 {
                at = (at + 1) & mask;
            }
            slots[at] = id as u32 + 1;
        }
        self.slots = slots;
    }
}

fn lower(b: u8) -> u8 {
    b | u8::from(b.wrapping_sub(b'A') < 26) << 5
}

/// Whether `word`, lower-cased, is `stored`.
fn same(stored: &[u8], word: &[u8]) -> bool {
    if stored.len() != word.len() {
        return false;
    }
    let mut i = 0;
    while i < word.len() {
        if stored[i] != lower(word[i]) {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(t: &mut WordTable, w: &str) -> u32 {
        let before = t.len();
        // A fresh mark each time, so the id always comes back.
        let mark = 1 + t.marks.iter().copied().max().unwrap_or(0);
        let (got, fresh) = t.mark(w, Hash::of(w.as_bytes()), mark);
        assert!(fresh);
        assert!(t.len() == before || got as usize == before);
        got
    }

    #[test]
    fn numbers_each_distinct_word_once() {
        let mut t = WordTable::default();
        let words: Vec<String> = (0..5000).map(|i| format!("w{}", i % 2500)).collect();
        let ids: Vec<u32> = words.iter().map(|w| id(&mut t, w)).collect();
        assert_eq!(t.len(), 2500);
        for (w, &i) in words.iter().zip(&ids) {
            assert_eq!(t.word(i), w);
        }
        assert_eq!(ids[0], ids[2500]);
        assert_eq!(id(&mut t, "ünïcödé"), 2500);
        assert_eq!(id(&mut t, "ünïcödé"), 2500);
        assert_eq!(id(&mut t, "W12"), ids[12], "ASCII capitals are lower case");
        assert_eq!(id(&mut t, "Ab"), id(&mut t, "aB"));
        let cd = id(&mut t, "CD");
        assert_eq!(t.word(cd), "cd");
        assert_eq!(
            id(&mut t, "ÜNÏCÖDÉ"),
            2503,
            "other capitals are other letters"
        );
    }

    #[test]
    fn a_mark_gives_the_id_once() {
        let mut t = WordTable::default();
        let h = Hash::of(b"x");
        assert_eq!(t.mark("x", h, 1), (0, true));
        assert_eq!(t.mark("X", h, 1), (0, false));
        assert_eq!(t.mark("x", h, 2), (0, true));
        assert_eq!(t.mark("y", Hash::of(b"y"), 2), (1, true));
        assert!(!t.mark_id(1, 2));
        assert!(t.mark_id(1, 3));
    }
}
