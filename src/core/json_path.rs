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
