//! Link preview images: one 1200×630 PNG per process and language (`og/<id>.png` for the
//! pages at the site root, `og/<lang>/<id>.png` for each interface language), drawn from a
//! small SVG with resvg at build time, so a link shared in a messaging app shows the process's
//! name in the language of the page shared.

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
/// Chinese and Japanese text, written without spaces, breaks between any two characters
/// instead (`by_char`).
pub fn wrap(text: &str, width: usize, max: usize, by_char: bool) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    if by_char {
        for c in text.chars().filter(|c| !c.is_whitespace()) {
            match lines.last_mut() {
                Some(l) if l.chars().count() < width => l.push(c),
                _ => lines.push(c.to_string()),
            }
        }
        return cut(lines, max);
    }
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(l) if l.chars().count() + 1 + word.chars().count() <= width => {
                l.push(' ');
                l.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    cut(lines, max)
}

fn cut(mut lines: Vec<String>, max: usize) -> Vec<String> {
    if lines.len() > max {
        lines.truncate(max);
        if let Some(l) = lines.last_mut() {
            l.push('…');
        }
    }
    lines
}

/// How a preview sets its text: in which script, and from which side.
#[derive(Clone, Copy)]
pub struct Script {
    pub rtl: bool,
    /// Chinese: lines break between characters, each about twice as wide as a Latin one.
    pub cjk: bool,
}

/// The preview of one process: the site's title, the process's name, and a line under it
/// (its short name and period). Right-to-left text is set from the right margin.
pub fn svg(
    site: &str,
    name: &str,
    sub: &str,
    script: Script,
    escape: impl Fn(&str) -> String,
) -> String {
    // Named first for Chinese: a font without the glyphs would leave them to any fallback, a
    // serif one here.
    let font = if script.cjk {
        "Noto Sans CJK SC, DejaVu Sans, sans-serif"
    } else {
        "DejaVu Sans, Noto Sans, Noto Naskh Arabic, sans-serif"
    };
    // Bold DejaVu Sans at 56 px is about 36 px a character: 27 fit in the 1040 px between
    // margins; a CJK character is about 56 px wide, so 18 fit.
    let lines = if script.cjk {
        wrap(name, 18, 4, true)
    } else {
        wrap(name, 27, 4, false)
    };
    let (x, anchor) = if script.rtl {
        (WIDTH - 80, "end")
    } else {
        (80, "start")
    };
    let name_lines: String = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            format!(
                "<text x=\"{x}\" y=\"{}\" text-anchor=\"{anchor}\" font-size=\"56\" font-weight=\"bold\" fill=\"#ffffff\">{}</text>",
                245 + 72 * i,
                escape(l)
            )
        })
        .collect();
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" font-family=\"{font}\">\
         <rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#16233f\"/>\
         <rect x=\"{bar}\" y=\"150\" width=\"120\" height=\"8\" fill=\"#7fb2ff\"/>\
         <text x=\"{x}\" y=\"110\" text-anchor=\"{anchor}\" font-size=\"34\" fill=\"#c9d4ea\">{}</text>\
         {name_lines}\
         <text x=\"{x}\" y=\"570\" text-anchor=\"{anchor}\" font-size=\"32\" fill=\"#c9d4ea\">{}</text>\
         </svg>",
        escape(site),
        escape(sub),
        bar = if script.rtl { WIDTH - 200 } else { 80 },
    )
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_spaces_and_marks_what_is_cut() {
        assert_eq!(wrap("one two three", 7, 3, false), ["one two", "three"]);
        assert_eq!(wrap("a b c d", 1, 2, false), ["a", "b…"]);
        assert_eq!(
            wrap("unbreakableword x", 4, 3, false),
            ["unbreakableword", "x"]
        );
    }

    #[test]
    fn chinese_breaks_between_characters() {
        assert_eq!(
            wrap("联合国打击网络犯罪公约", 4, 2, true),
            ["联合国打", "击网络犯…"]
        );
        assert_eq!(wrap("联合 国", 9, 1, true), ["联合国"]);
    }
}
