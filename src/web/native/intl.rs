//! Native stand-in for `web/intl.rs`: the build has no browser `Intl`, and bundling locale data
//! would be heavy. Dates already fall back to English in `i18n::dates`; names come from the small
//! English table below (the countries and languages UN processes meet most), else the code
//! itself, as the browser build does when `Intl` lacks a name. The app replaces them with the
//! reader's own `Intl` names once it runs.

/// The English name of a country from its ISO code.
pub fn country(_locale: &str, code: &str) -> Option<String> {
    let name = match code {
        "AT" => "Austria",
        "CH" => "Switzerland",
        "CN" => "China",
        "DE" => "Germany",
        "EG" => "Egypt",
        "ET" => "Ethiopia",
        "FR" => "France",
        "GB" => "United Kingdom",
        "IN" => "India",
        "JP" => "Japan",
        "KE" => "Kenya",
        "NL" => "Netherlands",
        "RU" => "Russia",
        "SG" => "Singapore",
        "TH" => "Thailand",
        "US" => "United States",
        "VN" => "Vietnam",
        _ => return None,
    };
    Some(name.to_owned())
}

/// The English name of a language from its tag (the UN's six official languages and a few more).
pub fn language(_locale: &str, tag: &str) -> Option<String> {
    let name = match tag.split('-').next().unwrap_or(tag) {
        "ar" => "Arabic",
        "de" => "German",
        "en" => "English",
        "es" => "Spanish",
        "fr" => "French",
        "pt" => "Portuguese",
        "ru" => "Russian",
        "zh" => "Chinese",
        _ => return None,
    };
    Some(name.to_owned())
}

/// `n` with a comma between thousands, as `Intl` writes English.
pub fn number(_locale: &str, n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn groups_thousands() {
        assert_eq!(super::number("en", 0), "0");
        assert_eq!(super::number("en", 999), "999");
        assert_eq!(super::number("en", 1000), "1,000");
        assert_eq!(super::number("en", 1234567), "1,234,567");
    }
}
