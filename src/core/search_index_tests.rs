//! The index must answer exactly what the scan (`Query::score`) answers: same records, same
//! scores, for crafted texts that probe each rule and for random ones.

use super::*;
use crate::core::search_text::{Folded, Sink};
use crate::core::synth::Rng;

/// A record's unfolded texts: title parts, then body parts.
type Raw = (Vec<String>, Vec<String>);

/// The index of `records`, and their folded texts as the scan reads them.
fn build(records: &[Raw]) -> (SearchIndex, Vec<(String, String)>) {
    let mut b = Builder::default();
    let mut texts = Vec::new();
    for (title, body) in records {
        let mut f = Folded::default();
        for (in_title, parts) in [(true, title), (false, body)] {
            for p in parts {
                b.part(in_title, p);
                f.part(in_title, p);
            }
        }
        if b.end_record() {
            b.keep(&f.title, &f.body);
        }
        texts.push((f.title, f.body));
    }
    (b.finish(), texts)
}

fn parts(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn single(raw: &[(&str, &str)]) -> Vec<Raw> {
    raw.iter()
        .map(|(t, b)| (parts(&[t]), parts(&[b])))
        .collect()
}

/// Asserts the index agrees with the scan on every query; returns how many queries matched
/// something, so a test can check it is not vacuous.
fn agree(ix: &SearchIndex, texts: &[(String, String)], queries: &[String]) -> usize {
    assert_eq!(ix.len(), texts.len());
    let mut matched = 0;
    for q in queries {
        let query = Query::new(q);
        let want: Vec<Option<u32>> = texts.iter().map(|(t, b)| query.score(t, b)).collect();
        assert_eq!(ix.scores(&query), want, "query {q:?}");
        matched += usize::from(want.iter().any(Option::is_some));
    }
    matched
}

/// Every run of 1 to `max` characters of every text, and the same with a neighbour's run added,
/// so queries cover every prefix, every word inside a word, and two-term queries.
fn substrings(texts: &[(String, String)], max: usize) -> Vec<String> {
    let mut out = Vec::new();
    for (t, b) in texts {
        for s in [t, b] {
            let chars: Vec<char> = s.chars().collect();
            for i in 0..chars.len() {
                for n in 1..=max.min(chars.len() - i) {
                    out.push(chars[i..i + n].iter().collect::<String>());
                }
            }
        }
    }
    let singles = out.len();
    for i in (0..singles).step_by(7) {
        let other = &out[(i * 31 + 5) % singles];
        out.push(format!("{} {other}", out[i]));
    }
    out
}

const CRAFTED: &[(&str, &str)] = &[
    (
        "Egriselda López (El Salvador)",
        "Straße, Hà Nội; the state’s position",
    ),
    (
        "UN Convention against Cybercrime",
        "l’accord d’une délégation; rock 'n' roll; 'quoted' words' end'",
    ),
    (
        "联合国打击网络犯罪公约",
        "犯罪 abc网络 网络abc 2024年 公约公约",
    ),
    (
        "Non-state actors",
        "co-operation; e-mail; well‐known — long–dash -x x-",
    ),
    (
        "Resolution 75/240",
        "A/RES/75/240 of 2020, 1st session, 12.5% 0.5",
    ),
    ("xa'a'a", "a'a'a b''c 'x' '' ''' a'"),
    ("", ""),
    ("한국어 텍스트", "にほんご テキスト カタカナ ｶﾀｶﾅ"),
    ("ÆSIR Œuvre", "Łódź niño São Zürich ДОГОВОР Ёлка أُمَم"),
    (
        "sessions and session",
        "sess session's sessions' ses\u{2063}sion",
    ),
    ("session", "session"),
    ("aaa aa a", "aaaa a'aa aa'a"),
];

#[test]
fn crafted_texts_score_as_the_scan_does() {
    let mut records = single(CRAFTED);
    records.push((
        parts(&["Process Name", "PN"]),
        parts(&["Summary of l’accord", "", "网络 fact", "CO-OP", "ẞtraße"]),
    ));
    records.push((parts(&[]), parts(&["", "x'", "'y"])));
    let (ix, texts) = build(&records);
    let mut queries = substrings(&texts, 6);
    queries.extend(
        [
            "lopez",
            "LÓP",
            "ha noi",
            "state's",
            "state’s",
            "states",
            "l'accord",
            "d'",
            "'n'",
            "'",
            "''",
            "a'a",
            "xa'a",
            "'x'",
            "x' y",
            "犯罪",
            "网络abc",
            "abc网",
            "2024年",
            "non-state",
            "co operation",
            "75/240",
            "12.5",
            "strasse",
            "ß",
            "ẞ",
            "aesir oeuvre",
            "lodz nino sao zurich",
            "договор елка",
            "امم",
            "sess session",
            "session session",
            "sessions'",
            "pn summary",
            "zzz",
            "",
            "  ",
        ]
        .map(str::to_owned),
    );
    let matched = agree(&ix, &texts, &queries);
    assert!(
        matched > queries.len() / 2,
        "{matched} of {}",
        queries.len()
    );
}

#[test]
fn apostrophe_terms_keep_the_scans_answer_where_matches_overlap() {
    // The scan looks for a term's occurrences without overlap, so in "xa'a'a" it finds "a'a" only
    // inside "xa'a", not at a word start: no match. The index must not find more.
    let (ix, texts) = build(&single(&[("xa'a'a", ""), ("", "b a'a")]));
    let q = Query::new("a'a");
    assert_eq!(q.score(&texts[0].0, &texts[0].1), None);
    assert_eq!(ix.scores(&q), [None, Some(BODY_WORD)]);
}

#[test]
fn random_texts_score_as_the_scan_does() {
    const PIECES: &[&str] = &[
        "a", "b", "ab", "ba", "aab", "é", "É", "ß", "ẞ", "ss", "1", "12", "'", "’", " ", " ", " ",
        "-", ".", "网", "络", "ñ", "x", "\u{2063}", "\u{301}", "İ", "AB", "Ba", "Ñ", "\u{640}",
    ];
    let mut r = Rng(99);
    let text = |r: &mut Rng| {
        let n = r.below(14);
        (0..n).map(|_| *r.pick(PIECES)).collect::<String>()
    };
    let records: Vec<Raw> = (0..300)
        .map(|_| {
            let n = r.below(3);
            let title = (0..n).map(|_| text(&mut r)).collect();
            let n = r.below(3);
            (title, (0..n).map(|_| text(&mut r)).collect())
        })
        .collect();
    let (ix, texts) = build(&records);
    let mut queries: Vec<String> = (0..1500)
        .map(|_| {
            if r.chance(50) {
                let (t, b) = r.pick(&texts);
                let s: Vec<char> = if r.coin() { t } else { b }.chars().collect();
                let from = r.below(s.len());
                let len = 1 + r.below(5);
                s[from.min(s.len())..(from + len).min(s.len())]
                    .iter()
                    .collect()
            } else {
                (0..1 + r.below(3))
                    .map(|_| *r.pick(PIECES))
                    .collect::<String>()
            }
        })
        .collect();
    queries.extend(substrings(&texts[..40], 4));
    let matched = agree(&ix, &texts, &queries);
    assert!(
        matched > queries.len() / 3,
        "{matched} of {}",
        queries.len()
    );
}

#[test]
fn an_empty_index_answers_nothing() {
    let (ix, _) = build(&[]);
    assert!(ix.is_empty());
    assert!(ix.scores(&Query::new("a")).is_empty());
}

#[test]
fn shared_texts_are_read_once_and_posted_for_each_record() {
    let shared = String::from("Shared Name l’accord 网络");
    let mut b = Builder::default();
    let mut texts = Vec::new();
    for (i, title) in ["one", "two shared", "three", "four"].iter().enumerate() {
        let mut f = Folded::default();
        b.part(true, title);
        f.part(true, title);
        if i != 2 {
            b.shared_part(i == 3, &shared);
            f.shared_part(i == 3, &shared);
        }
        b.part(false, "name");
        f.part(false, "name");
        if b.end_record() {
            b.keep(&f.title, &f.body);
        }
        texts.push((f.title, f.body));
    }
    let ix = b.finish();
    let mut queries = substrings(&texts, 5);
    queries.extend(["shared name", "l'accord", "网络", "name", "two"].map(str::to_owned));
    let matched = agree(&ix, &texts, &queries);
    assert!(
        matched > queries.len() / 3,
        "{matched} of {}",
        queries.len()
    );
}
