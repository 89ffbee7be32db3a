//! Folding text for search: lower case, no diacritics, so "lopez" finds "López" and "hanoi" finds
//! "Hà Nội". A pair of small tables covers the Latin letters of the UN languages and of the
//! places the data names; the browser's Unicode normalizer would cost a JS call per string and
//! could not be tested natively.

/// Base letters for U+00C0..=U+024F; `.` keeps the character as it is (lower-cased).
const LATIN: &[&str] = &[
    "aaaaaa.ceeeeiiiidnooooo.ouuuuy..aaaaaa.ceeeeiiiidnooooo.ouuuuy.y",
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkk.lllllll",
    "lllnnnnnn.nnoooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs",
    "b.................f.............oo.............uu...............",
    ".............aaiioouuuuuuuuuu.aaaa....ggkkoooo..j...gg..nnaa....",
    "aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............",
    "................",
];
/// Base letters for Latin Extended Additional, U+1E00..=U+1EFF (Vietnamese among others).
const LATIN_ADDITIONAL: &[&str] = &[
    "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm",
    "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv",
    "wwwwwwwwwwxxxxyyzzzzzzhtwy......aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee",
    "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......",
];

fn table_lookup(rows: &[&str], offset: u32) -> Option<char> {
    let row = rows.get((offset / 64) as usize)?;
    let b = *row.as_bytes().get((offset % 64) as usize)?;
    (b != b'.').then_some(b as char)
}

/// Appends the folded form of `c` to `out`. Marks that only decorate (combining accents, Arabic
/// short vowels, tatweel) fold to nothing.
pub fn fold_char(c: char, out: &mut String) {
    let cp = c as u32;
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let mapped = match cp {
        0xC0..=0x24F => table_lookup(LATIN, cp - 0xC0),
        0x1E00..=0x1EFF => table_lookup(LATIN_ADDITIONAL, cp - 0x1E00),
        _ => None,
    };
    if let Some(m) = mapped {
        out.push(m);
        return;
    }
    match c {
        'ß' => out.push_str("ss"),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        'þ' | 'Þ' => out.push_str("th"),
        'ё' | 'Ё' => out.push('е'),
        'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
        'ى' => out.push('ي'),
        '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => {}
        // Typographic quotes and dashes fold to their ASCII forms so "state's" finds "state’s".
        '\u{2018}' | '\u{2019}' | '\u{02BC}' => out.push('\''),
        '\u{2010}'..='\u{2015}' => out.push('-'),
        _ => out.extend(c.to_lowercase()),
    }
}

/// The folded form of `s`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Appends the folded form of `s` to `out`.
pub fn fold_into(s: &str, out: &mut String) {
    let mut rest = s;
    while !rest.is_empty() {
        // Most text is ASCII: runs of it are copied and lower-cased in bulk.
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let at = out.len();
        out.push_str(&rest[..ascii]);
        out[at..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            fold_char(c, out);
            rest = chars.as_str();
        }
    }
}

/// Folds `s`, recording for each byte of the result the byte offset in `s` of the character it
/// came from, so matches found in folded text can be marked in the original.
pub fn fold_with_map(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        fold_char(c, &mut out);
        map.resize(out.len(), i);
    }
    (out, map)
}

/// Characters written without spaces between words: every one of them can start a match.
pub fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("López"), "lopez");
        assert_eq!(fold("Hà Nội"), "ha noi");
        assert_eq!(fold("Türkiye"), "turkiye");
        assert_eq!(fold("Guía para Cibernormas"), "guia para cibernormas");
        assert_eq!(fold("Łódź Straße Æsir Œuvre"), "lodz strasse aesir oeuvre");
        assert_eq!(fold("ČEŠTINA ĞÜŞ Ø"), "cestina gus o");
        assert_eq!(fold("Ёлка"), "елка");
        assert_eq!(fold("ДОГОВОР"), "договор");
        assert_eq!(fold("State’s"), "state's");
    }

    #[test]
    fn folds_arabic_variants_and_marks() {
        assert_eq!(fold("أُمَم"), fold("امم"));
        assert_eq!(fold("إتفاقية"), fold("اتفاقية"));
    }

    #[test]
    fn leaves_other_scripts_alone() {
        assert_eq!(fold("网络犯罪"), "网络犯罪");
    }

    #[test]
    fn map_points_back_to_original_characters() {
        let s = "Straße López";
        let (f, map) = fold_with_map(s);
        assert_eq!(f, "strasse lopez");
        assert_eq!(map.len(), f.len());
        let at = f.find("lopez").expect("found");
        assert_eq!(&s[map[at]..], "López");
        // both "s" of "ß" point at the ß
        let ss = f.find("sse").expect("ss");
        assert_eq!(map[ss + 1], map[ss]);
    }
}
