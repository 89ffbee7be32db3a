use super::codegen::{self, Msg};
use super::*;

const FILES: [(&str, &str); 6] = [
    ("en", include_str!("messages/en.toml")),
    ("ar", include_str!("messages/ar.toml")),
    ("es", include_str!("messages/es.toml")),
    ("fr", include_str!("messages/fr.toml")),
    ("ru", include_str!("messages/ru.toml")),
    ("zh", include_str!("messages/zh.toml")),
];

fn parsed() -> Vec<codegen::File> {
    FILES
        .iter()
        .map(|(tag, text)| codegen::parse(tag, text).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

#[test]
fn every_shipped_translation_is_complete() {
    let files = parsed();
    let en = &files[0];
    let problems: Vec<String> = files[1..]
        .iter()
        .flat_map(|f| codegen::problems(en, f))
        .collect();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert!(
        codegen::problems(en, en).is_empty(),
        "English must fit its own plural rules"
    );
}

#[test]
fn the_check_reports_missing_keys_placeholders_and_categories() {
    let en = codegen::parse(
        "en",
        "[meta]\nname = \"English\"\ntranslation_reviewed = true\n[messages]\n\
         a = \"A {x}\"\nb = \"B\"\nn = { one = \"{n} thing\", other = \"{n} things\" }\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let ru = codegen::parse(
        "ru",
        "[meta]\nname = \"Русский\"\ntranslation_reviewed = false\n[messages]\n\
         a = \"А {y}\"\nn = { one = \"{n} вещь\", two = \"две\", other = \"{n} вещи\" }\nc = \"?\"\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let got = codegen::problems(&en, &ru);
    let has = |s: &str| got.iter().any(|p| p.contains(s));
    assert!(has("ru: b is missing"), "{got:?}");
    assert!(has("ru: a has placeholders"), "{got:?}");
    assert!(has("ru: n lacks the `few` form"), "{got:?}");
    assert!(has("ru: n lacks the `many` form"), "{got:?}");
    assert!(has("ru: n.two: ru has no `two` category"), "{got:?}");
    assert!(has("ru: c is not an English key"), "{got:?}");
    assert_eq!(got.len(), 6, "{got:?}");

    // The generated Russian table takes English for `b` alone and keeps its own `a`.
    let code = codegen::generate(&[en, ru]).unwrap_or_else(|e| panic!("{e}"));
    let ru_table = &code[code.find("pub static RU").unwrap_or(0)..];
    assert!(ru_table.contains("b: \"B\","), "{ru_table}");
    assert!(ru_table.contains("a: \"А {y}\","), "{ru_table}");
}

#[test]
fn english_is_the_reference_table() {
    let files = parsed();
    let Some(Msg::Text(about)) = files[0].messages.get("about_title") else {
        panic!("about_title is text in en.toml");
    };
    assert_eq!(EN.about_title, about);
    assert!(std::ptr::eq(messages("en-US"), &EN));
    assert!(std::ptr::eq(messages("xx"), &EN));
}

#[test]
fn tables_follow_their_files() {
    for file in parsed() {
        let lang = language(&file.tag).unwrap_or_else(|| panic!("{} ships", file.tag));
        assert_eq!(lang.name, file.name);
        assert_eq!(lang.translation_reviewed, file.reviewed);
        if let Some(Msg::Text(t)) = file.messages.get("nav_events") {
            assert_eq!(lang.messages.nav_events, t);
        }
    }
    let tags: Vec<&str> = LANGUAGES_INFO.iter().map(|l| l.tag).collect();
    assert_eq!(tags, LANGUAGES);
    // Nobody native has reviewed the five translations yet; the About page says so.
    for l in &LANGUAGES_INFO {
        assert_eq!(l.translation_reviewed, l.tag == "en", "{}", l.tag);
    }
}

#[test]
fn a_shipped_language_says_none_of_its_sentences_in_english() {
    // Catches a key copied from en.toml and left untranslated. A few words really are the same
    // in a language (a product name, a French word shared with English); they are listed.
    let same_ok = [
        ("*", "app_name"),
        ("fr", "facet_tentative"),
        ("fr", "license"),
        ("fr", "sources"),
        ("fr", "zoom_label"),
    ];
    let words = |s: &str| fill_all(s).chars().any(char::is_alphabetic);
    let files = parsed();
    let en = &files[0];
    let mut still_english = Vec::new();
    for f in &files[1..] {
        for (key, msg) in &f.messages {
            if same_ok.contains(&("*", key)) || same_ok.contains(&(f.tag.as_str(), key)) {
                continue;
            }
            if let (Some(Msg::Text(e)), Msg::Text(t)) = (en.messages.get(key), msg) {
                if e == t && words(t) {
                    still_english.push(format!("{}: {key}", f.tag));
                }
            }
        }
    }
    assert!(still_english.is_empty(), "still English: {still_english:?}");
}

/// The template with every placeholder removed.
fn fill_all(s: &str) -> String {
    pieces(s)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Text(t) => Some(t),
            Piece::Slot(_) => None,
        })
        .collect()
}

#[test]
fn fill_replaces_every_placeholder_once() {
    assert_eq!(
        fill("{n} of {target}", &[("n", "1"), ("target", "40")]),
        "1 of 40"
    );
    assert_eq!(
        fill("“{q}” ({n})", &[("q", "{n}"), ("n", "2")]),
        "“{n}” (2)"
    );
    assert_eq!(fill("{unknown}", &[]), "{unknown}");
}

#[test]
fn pieces_keep_the_translators_word_order() {
    assert_eq!(
        pieces("Data by {publisher}. Licence: {licence}."),
        [
            Piece::Text("Data by "),
            Piece::Slot("publisher"),
            Piece::Text(". Licence: "),
            Piece::Slot("licence"),
            Piece::Text("."),
        ]
    );
    assert_eq!(
        pieces("{date}审核"),
        [Piece::Slot("date"), Piece::Text("审核")]
    );
    assert_eq!(pieces("no slot {"), [Piece::Text("no slot {")]);
}

#[test]
fn russian_counts_read_correctly() {
    let got = [0, 1, 2, 3, 11, 100].map(|n| messages("ru").n_events.format(n));
    assert_eq!(
        got,
        [
            "0 мероприятий",
            "1 мероприятие",
            "2 мероприятия",
            "3 мероприятия",
            "11 мероприятий",
            "100 мероприятий"
        ]
    );
    assert_eq!(messages("ru").n_events.format(21), "21 мероприятие");
}

#[test]
fn arabic_counts_use_all_six_forms() {
    let got = [0, 1, 2, 3, 11, 100].map(|n| messages("ar").n_events.format(n));
    assert_eq!(
        got,
        [
            "لا توجد فعاليات",
            "فعالية واحدة",
            "فعاليتان",
            "3 فعاليات",
            "11 فعاليةً",
            "100 فعالية"
        ]
    );
}

#[test]
fn plural_keeps_other_placeholders() {
    assert_eq!(
        EN.show_more.format_with(100, &[("total", "250")]),
        "Show 100 more (of 250)"
    );
    assert_eq!(EN.n_events.format(1), "1 event");
    assert_eq!(messages("zh").n_events.format(1), "1 个活动");
}

#[test]
fn choosing_the_language() {
    let prefs = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    // The URL wins, even for a language without a table.
    assert_eq!(choose(Some("fr"), &prefs(&["ru"]), "en"), "fr");
    assert_eq!(choose(Some("de"), &prefs(&["ru"]), "en"), "de");
    // Else the first preferred language the tracker has, matched on the primary subtag.
    assert_eq!(choose(None, &prefs(&["de-DE", "fr-CA", "ru"]), "en"), "fr");
    assert_eq!(choose(None, &prefs(&["zh-Hans-CN"]), "en"), "zh");
    assert_eq!(choose(Some(""), &prefs(&["ES-419"]), "en"), "es");
    // Else the dataset's.
    assert_eq!(choose(None, &prefs(&["de", "ja"]), "fr"), "fr");
    assert_eq!(choose(None, &[], "en"), "en");
}
