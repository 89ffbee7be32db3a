//! Which field a JSON error is in. serde_json reports a line and column; this walks the text up
//! to that point and names the field there, such as `location.city` or `links[0].url`. Doing
//! this after the fact, only for records that failed, costs a few hundred bytes of wasm where a
//! path-tracking deserializer wrapper would cost tens of kilobytes.

enum Frame {
    Object { key: Option<String> },
    Array { index: usize },
}

/// Byte offset in `text` of the character at serde_json's 1-based `line` and `column` (where
/// the parser stood when it failed: the end of the bad value, or the `}` of an object missing a
/// field).
pub fn offset(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    (start + column.saturating_sub(1)).min(text.len())
}

/// The path of the field an error message is about: serde reports a missing field at the end of
/// its object, where the last key read is a sibling, not the place.
pub fn error_path(text: &str, line: usize, column: usize, message: &str) -> Option<String> {
    let mut stack = frames_at(text, offset(text, line, column));
    if message.starts_with("missing field") {
        if let Some(Frame::Object { key }) = stack.last_mut() {
            *key = None;
        }
    }
    render(&stack)
}

/// The dotted path of the innermost field open at byte `at` of `text` (a JSON value), or
/// `None` at the top level.
pub fn path_at(text: &str, at: usize) -> Option<String> {
    render(&frames_at(text, at))
}

fn frames_at(text: &str, at: usize) -> Vec<Frame> {
    let b = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    let mut expecting_key = false;
    while i < b.len() && i < at {
        match b[i] {
            b'{' => {
                stack.push(Frame::Object { key: None });
                expecting_key = true;
            }
            b'[' => {
                stack.push(Frame::Array { index: 0 });
                expecting_key = false;
            }
            b'}' | b']' => {
                stack.pop();
                expecting_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key }) => {
                    *key = None;
                    expecting_key = true;
                }
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            b':' => expecting_key = false,
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                if expecting_key {
                    if let Some(Frame::Object { key }) = stack.last_mut() {
                        *key = Some(text.get(start..i.min(b.len())).unwrap_or("").to_owned());
                    }
                    expecting_key = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    stack
}

/// The record itself is the outermost object: its fields start the path.
fn render(stack: &[Frame]) -> Option<String> {
    let mut out = String::new();
    for f in stack {
        match f {
            Frame::Object { key: Some(k) } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Frame::Object { key: None } => break,
            Frame::Array { index } => {
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Where the value at `path` (dotted, as `path_at` names them: `events[3].location.city`)
/// starts in `text`, as a byte offset. Where the path goes further than the text (a field that
/// is missing), the deepest value on the way is given; the top level is 0 at worst.
pub fn locate(text: &str, path: &str) -> usize {
    let b = text.as_bytes();
    let mut at = skip_ws(b, 0);
    for step in steps(path) {
        let found = match (step, b.get(at)) {
            (Step::Key(k), Some(b'{')) => find_key(text, at, k),
            (Step::Index(n), Some(b'[')) => find_index(b, at, n),
            _ => None,
        };
        match found {
            Some(next) => at = next,
            None => break,
        }
    }
    at
}

/// 1-based line and column (in characters) of byte `at` of `text`.
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, rest) = part.split_at(part.find('[').unwrap_or(part.len()));
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        for ix in rest.split('[').filter(|s| !s.is_empty()) {
            if let Ok(n) = ix.trim_end_matches(']').parse() {
                out.push(Step::Index(n));
            }
        }
    }
    out
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// The index just past the string starting at `i` (a `"`).
fn skip_string(b: &[u8], mut i: usize) -> usize {
    i += 1;
    while i < b.len() && b[i] != b'"' {
        i += if b[i] == b'\\' { 2 } else { 1 };
    }
    (i + 1).min(b.len())
}

/// The index just past the value starting at `i`.
fn skip_value(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'"') => skip_string(b, i),
        Some(b'{') | Some(b'[') => {
            let mut depth = 0usize;
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = skip_string(b, j);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return j + 1;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            b.len()
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']') && !b[j].is_ascii_whitespace()
            {
                j += 1;
            }
            j
        }
    }
}

fn find_key(text: &str, obj: usize, key: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = skip_ws(b, obj + 1);
    while i < b.len() && b[i] == b'"' {
        let end = skip_string(b, i);
        let name = text.get(i + 1..end.saturating_sub(1))?;
        let colon = skip_ws(b, end);
        if b.get(colon) != Some(&b':') {
            return None;
        }
        let value = skip_ws(b, colon + 1);
        if name == key {
            return Some(value);
        }
        i = skip_ws(b, skip_value(b, value));
        if b.get(i) != Some(&b',') {
            return None;
        }
        i = skip_ws(b, i + 1);
    }
    None
}

fn find_index(b: &[u8], arr: usize, n: usize) -> Option<usize> {
    let mut i = skip_ws(b, arr + 1);
    if b.get(i) == Some(&b']') {
        return None;
    }
    for _ in 0..n {
        i = skip_ws(b, skip_value(b, i));
        if b.get(i) != Some(&b',') {
            return None;
        }
        i = skip_ws(b, i + 1);
    }
    (i < b.len()).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_error<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str) -> Option<String> {
        let e = serde_json::from_str::<T>(json).expect_err("fails");
        error_path(json, e.line(), e.column(), &e.to_string())
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Loc {
        city: String,
    }
    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Link {
        url: String,
    }
    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Rec {
        id: String,
        location: Option<Loc>,
        #[serde(default)]
        links: Vec<Link>,
    }

    #[test]
    fn names_nested_fields_and_array_items() {
        assert_eq!(
            at_error::<Rec>(r#"{"id": "a", "location": {"city": 42}}"#).as_deref(),
            Some("location.city")
        );
        assert_eq!(
            at_error::<Rec>(r#"{"id": "a", "links": [{"url": "x"}, {"url": 7}]}"#).as_deref(),
            Some("links[1].url")
        );
        assert_eq!(at_error::<Rec>(r#"{"id": 5}"#).as_deref(), Some("id"));
    }

    #[test]
    fn names_unknown_fields_and_multiline_text() {
        assert_eq!(
            at_error::<Rec>("{\n  \"id\": \"a\",\n  \"titel\": \"x\"\n}").as_deref(),
            Some("titel")
        );
        let json = "{\n \"id\": \"a\",\n \"location\": {\n  \"city\": [1]\n }\n}";
        assert_eq!(at_error::<Rec>(json).as_deref(), Some("location.city"));
    }

    #[test]
    fn strings_with_escapes_and_brackets_do_not_confuse_it() {
        let json = r#"{"id": "a \" } ] ,", "location": {"city": false}}"#;
        assert_eq!(at_error::<Rec>(json).as_deref(), Some("location.city"));
    }

    #[test]
    fn missing_fields_point_at_their_object() {
        assert_eq!(at_error::<Rec>(r#"{"location": null}"#), None);
        assert_eq!(
            at_error::<Rec>(r#"{"id": "a", "location": {}}"#).as_deref(),
            Some("location")
        );
        assert_eq!(
            at_error::<Rec>(r#"{"id": "a", "links": [{}]}"#).as_deref(),
            Some("links[0]")
        );
    }

    #[test]
    fn locate_finds_values_and_falls_back_to_their_parent() {
        let json = "{\n  \"events\": [\n    {\"id\": \"a\"},\n    {\"id\": \"b \\\" }\", \"location\": {\"city\": \"X\"}}\n  ]\n}";
        let at = |p: &str| line_column(json, locate(json, p));
        assert_eq!(at("events[1].location.city"), (4, 43));
        assert_eq!(at("events[1].id"), (4, 12));
        assert_eq!(at("events[1].missing"), (4, 5), "the record itself");
        assert_eq!(at("events[7]"), (2, 13), "the list");
        assert_eq!(at(""), (1, 1));
        // Whatever the path names, every value found is where a path_at walk agrees.
        let off = locate(json, "events[1].location.city");
        assert_eq!(
            path_at(json, off + 1).as_deref(),
            Some("events[1].location.city")
        );
    }

    #[test]
    fn a_bad_last_field_is_named() {
        // Errors raised after a value was read are placed at the next character, here the `}`.
        #[derive(Debug)]
        struct Checked;
        impl<'de> serde::Deserialize<'de> for Checked {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let _ = String::deserialize(d)?;
                Err(serde::de::Error::custom("bad"))
            }
        }
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct R {
            a: String,
            url: Checked,
        }
        assert_eq!(
            at_error::<R>(r#"{"a":"x","url":"javascript:x"}"#).as_deref(),
            Some("url")
        );
        assert_eq!(
            at_error::<R>(r#"{"url":"javascript:x","a":"x"}"#).as_deref(),
            Some("url")
        );
    }
}
