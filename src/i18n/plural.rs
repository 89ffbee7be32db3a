//! CLDR cardinal plural categories of the six languages, for whole numbers. In the browser the
//! category comes from `Intl.PluralRules`; this table answers natively (tests, and the build
//! script's check of which categories each message file must give) and is checked against the
//! browser's rules end to end.

/// The categories `lang` distinguishes, in CLDR order. `other` is always last.
pub fn categories(lang: &str) -> &'static [&'static str] {
    match primary(lang) {
        "ar" => &["zero", "one", "two", "few", "many", "other"],
        "ru" => &["one", "few", "many", "other"],
        // `many` is CLDR's form for exact millions ("1 000 000 d’événements").
        "fr" | "es" => &["one", "many", "other"],
        "zh" => &["other"],
        _ => &["one", "other"],
    }
}

/// The category of the whole number `n` in `lang` (CLDR 44 rules restricted to integers).
pub fn category(lang: &str, n: u64) -> &'static str {
    let (n10, n100) = (n % 10, n % 100);
    match primary(lang) {
        "ar" => match n {
            0 => "zero",
            1 => "one",
            2 => "two",
            _ if (3..=10).contains(&n100) => "few",
            _ if (11..=99).contains(&n100) => "many",
            _ => "other",
        },
        "ru" => {
            if n10 == 1 && n100 != 11 {
                "one"
            } else if (2..=4).contains(&n10) && !(12..=14).contains(&n100) {
                "few"
            } else {
                "many"
            }
        }
        "fr" if n <= 1 => "one",
        "fr" | "es" if n != 0 && n % 1_000_000 == 0 => "many",
        "es" if n == 1 => "one",
        "fr" | "es" | "zh" => "other",
        _ if n == 1 => "one",
        _ => "other",
    }
}

fn primary(lang: &str) -> &str {
    lang.split(['-', '_']).next().unwrap_or(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(lang: &str) -> Vec<&'static str> {
        [0, 1, 2, 3, 11, 100].map(|n| category(lang, n)).to_vec()
    }

    #[test]
    fn arabic_has_six_forms() {
        assert_eq!(row("ar"), ["zero", "one", "two", "few", "many", "other"]);
        assert_eq!(category("ar", 103), "few");
        assert_eq!(category("ar", 111), "many");
        assert_eq!(category("ar", 1000), "other");
    }

    #[test]
    fn russian_has_three_for_whole_numbers() {
        assert_eq!(row("ru"), ["many", "one", "few", "few", "many", "many"]);
        assert_eq!(category("ru", 21), "one");
        assert_eq!(category("ru", 112), "many");
        assert_eq!(category("ru", 24), "few");
    }

    #[test]
    fn french_counts_zero_as_one_and_spanish_does_not() {
        assert_eq!(
            row("fr"),
            ["one", "one", "other", "other", "other", "other"]
        );
        assert_eq!(
            row("es"),
            ["other", "one", "other", "other", "other", "other"]
        );
        assert_eq!(category("fr-CA", 2_000_000), "many");
        assert_eq!(row("zh"), ["other"; 6]);
        assert_eq!(
            row("en"),
            ["other", "one", "other", "other", "other", "other"]
        );
    }

    #[test]
    fn every_category_chosen_is_one_the_language_has() {
        for lang in ["ar", "en", "es", "fr", "ru", "zh"] {
            for n in 0..2_100_000u64 {
                if n > 1200 && n % 1000 != 0 {
                    continue;
                }
                let c = category(lang, n);
                assert!(categories(lang).contains(&c), "{lang} {n} {c}");
            }
        }
    }
}
