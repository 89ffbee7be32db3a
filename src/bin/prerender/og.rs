//! Link preview images: one 1200×630 PNG per process (`og/<id>.png`), drawn from a small SVG
//! with resvg at build time, so a link shared in a messaging app shows the process's name.

use resvg::{tiny_skia, usvg};

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

#[derive(Debug, thiserror::Error)]
pub enum OgError {
    #[error("no fonts found on this machine (install fonts-dejavu or fonts-noto)")]
    NoFonts,
    #[error("the preview SVG does not parse: {0}")]
    Svg(#[from] usvg::Error),
    #[error("could not draw or encode the image")]
    Draw,
}

/// Draws preview images with the machine's fonts (loaded once).
pub struct Painter {
    options: usvg::Options<'static>,
}

impl Painter {
    pub fn new() -> Result<Painter, OgError> {
        let mut options = usvg::Options::default();
        options.fontdb_mut().load_system_fonts();
        if options.fontdb.is_empty() {
            return Err(OgError::NoFonts);
        }
        Ok(Painter { options })
    }

    pub fn png(&self, svg: &str) -> Result<Vec<u8>, OgError> {
        let tree = usvg::Tree::from_str(svg, &self.options)?;
        let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or(OgError::Draw)?;
        resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
        pixmap.encode_png().map_err(|_| OgError::Draw)
    }
}

/// Splits `text` into lines of at most `width` characters at spaces (a longer word stands
/// alone), keeping at most `max` lines; the last one kept ends with "…" if text was left out.
pub fn wrap(text: &str, width: usize, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(l) if l.chars().count() + 1 + word.chars().count() <= width => {
                l.push(' ');
                l.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    if lines.len() > max {
        lines.truncate(max);
        if let Some(l) = lines.last_mut() {
            l.push('…');
        }
    }
    lines
}

/// The preview of one process: the site's title, the process's name, and a line under it
/// (its short name and period).
pub fn svg(site: &str, name: &str, sub: &str, escape: impl Fn(&str) -> String) -> String {
    let font = "DejaVu Sans, Noto Sans, Liberation Sans, sans-serif";
    // Bold DejaVu Sans at 56 px is about 36 px a character: 27 fit in the 1040 px between margins.
    let lines = wrap(name, 27, 4);
    let name_lines: String = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            format!(
                "<text x=\"80\" y=\"{}\" font-size=\"56\" font-weight=\"bold\" fill=\"#ffffff\">{}</text>",
                245 + 72 * i,
                escape(l)
            )
        })
        .collect();
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" font-family=\"{font}\">\
         <rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#16233f\"/>\
         <rect x=\"80\" y=\"150\" width=\"120\" height=\"8\" fill=\"#7fb2ff\"/>\
         <text x=\"80\" y=\"110\" font-size=\"34\" fill=\"#c9d4ea\">{}</text>\
         {name_lines}\
         <text x=\"80\" y=\"570\" font-size=\"32\" fill=\"#c9d4ea\">{}</text>\
         </svg>",
        escape(site),
        escape(sub)
    )
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_spaces_and_marks_what_is_cut() {
        assert_eq!(wrap("one two three", 7, 3), ["one two", "three"]);
        assert_eq!(wrap("a b c d", 1, 2), ["a", "b…"]);
        assert_eq!(wrap("unbreakableword x", 4, 3), ["unbreakableword", "x"]);
    }
}
