//! Which part of a long result list is in the page. Lists render a window of rows, not all of
//! them, so a change of filters costs the same at 100 events as at 100,000.

use std::ops::Range;

/// The rows to render first: all of them if they fit in `page`; otherwise a page that starts a
/// little before `anchor` (the first event not yet over), so the reader lands on "now" with a
/// few past events for context. With no anchor (everything is past) the latest page shows.
pub fn initial(len: usize, anchor: Option<usize>, page: usize) -> Range<usize> {
    if len <= page {
        return 0..len;
    }
    let start = anchor
        .unwrap_or(len)
        .saturating_sub(page / 4)
        .min(len - page);
    start..start + page
}

/// The window grown by a page towards the start.
pub fn earlier(w: Range<usize>, page: usize) -> Range<usize> {
    w.start.saturating_sub(page)..w.end
}

/// The window grown by a page towards the end.
pub fn later(w: Range<usize>, len: usize, page: usize) -> Range<usize> {
    w.start..(w.end + page).min(len)
}

/// A window the reader grew ("Show earlier", "Show more") over the results of one query,
/// remembered with that query. It holds only while the query is the same: new results open on
/// their own first window. So the window is derived from the query and this, never written
/// back when results change.
#[derive(Clone, Debug, PartialEq)]
pub struct Grown<K> {
    pub key: K,
    pub window: Range<usize>,
}

/// The window to draw for `key`: the grown one if it was grown for `key`, else `initial()`.
pub fn window<K: PartialEq>(
    grown: Option<&Grown<K>>,
    key: &K,
    initial: impl FnOnce() -> Range<usize>,
) -> Range<usize> {
    match grown {
        Some(g) if g.key == *key => g.window.clone(),
        _ => initial(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_grown_window_holds_for_its_own_query_only() {
        let grown = Grown {
            key: "q=a",
            window: 0..120,
        };
        assert_eq!(window(Some(&grown), &"q=a", || 0..60), 0..120);
        assert_eq!(window(Some(&grown), &"q=b", || 0..60), 0..60);
        assert_eq!(window(None, &"q=a", || 5..65), 5..65);
    }

    #[test]
    fn short_lists_show_whole() {
        assert_eq!(initial(48, Some(46), 60), 0..48);
        assert_eq!(initial(0, None, 60), 0..0);
    }

    #[test]
    fn long_lists_open_a_little_before_now() {
        assert_eq!(initial(10_000, Some(5_000), 60), 4_985..5_045);
        assert_eq!(initial(10_000, Some(3), 60), 0..60, "clamped at the start");
        assert_eq!(
            initial(10_000, Some(9_999), 60),
            9_940..10_000,
            "clamped at the end"
        );
        assert_eq!(
            initial(10_000, None, 60),
            9_940..10_000,
            "all past: the latest page"
        );
    }

    #[test]
    fn windows_grow_without_leaving_the_list() {
        assert_eq!(earlier(4_985..5_045, 60), 4_925..5_045);
        assert_eq!(earlier(10..70, 60), 0..70);
        assert_eq!(later(4_985..5_045, 5_050, 60), 4_985..5_050);
    }
}
