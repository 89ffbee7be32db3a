//! Accent colours that stay readable: WCAG 2 contrast maths, and the nudge that brings a
//! partner's colour to AA contrast against the page background.

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// Text needs 4.5:1 for WCAG AA (normal size).
pub const AA_TEXT: f64 = 4.5;

/// The page backgrounds the stylesheet uses, light and dark.
pub const LIGHT_BG: Rgb = Rgb(0xff, 0xff, 0xff);
pub const DARK_BG: Rgb = Rgb(0x12, 0x14, 0x18);

impl Rgb {
    /// From `rrggbb` (as `route::parse_hex_colour` gives).
    pub fn from_hex(h: &str) -> Option<Rgb> {
        if h.len() != 6 || !h.is_ascii() {
            return None;
        }
        let c = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
        Some(Rgb(c(0)?, c(2)?, c(4)?))
    }

    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance, WCAG 2.
    pub fn luminance(self) -> f64 {
        let ch = |v: u8| {
            let s = v as f64 / 255.0;
            if s <= 0.04045 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(self.0) + 0.7152 * ch(self.1) + 0.0722 * ch(self.2)
    }

    fn mix(self, other: Rgb, t: f64) -> Rgb {
        let m = |a: u8, b: u8| {
            (a as f64 + (b as f64 - a as f64) * t)
                .round()
                .clamp(0.0, 255.0) as u8
        };
        Rgb(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }
}

pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// `accent` if it reaches AA against `bg`; otherwise the colour nearest to it, moving towards
/// black (on light backgrounds) or white (on dark), that does. Hue is kept as far as it can be.
pub fn readable_on(accent: Rgb, bg: Rgb) -> Rgb {
    if contrast(accent, bg) >= AA_TEXT {
        return accent;
    }
    let target = if bg.luminance() > 0.5 {
        Rgb(0, 0, 0)
    } else {
        Rgb(255, 255, 255)
    };
    // Contrast grows monotonically along the mix, so bisect for the smallest step that passes.
    let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
    for _ in 0..24 {
        let mid = (lo + hi) / 2.0;
        if contrast(accent.mix(target, mid), bg) >= AA_TEXT {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    accent.mix(target, hi)
}

/// Black or white, whichever reads better on `fill` (text on accent-coloured buttons).
pub fn text_on(fill: Rgb) -> Rgb {
    if contrast(fill, Rgb(0, 0, 0)) >= contrast(fill, Rgb(255, 255, 255)) {
        Rgb(0, 0, 0)
    } else {
        Rgb(255, 255, 255)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_known_values() {
        assert!((contrast(Rgb(0, 0, 0), Rgb(255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((contrast(Rgb(0x77, 0x77, 0x77), LIGHT_BG) - 4.48).abs() < 0.01);
    }

    #[test]
    fn any_accent_becomes_readable_on_both_backgrounds() {
        let mut r = crate::core::synth::Rng(3);
        for _ in 0..2000 {
            let c = Rgb(r.below(256) as u8, r.below(256) as u8, r.below(256) as u8);
            for bg in [LIGHT_BG, DARK_BG] {
                let a = readable_on(c, bg);
                assert!(contrast(a, bg) >= AA_TEXT, "{} on {}", a.hex(), bg.hex());
                assert!(contrast(text_on(a), a) >= AA_TEXT, "text on {}", a.hex());
            }
        }
    }

    #[test]
    fn readable_colours_are_kept() {
        let navy = Rgb(0x1a, 0x3a, 0x6b);
        assert_eq!(readable_on(navy, LIGHT_BG), navy);
        let yellow = Rgb(0xff, 0xeb, 0x3b);
        assert_ne!(
            readable_on(yellow, LIGHT_BG),
            yellow,
            "yellow on white is adjusted"
        );
        assert_eq!(readable_on(yellow, DARK_BG), yellow);
    }

    #[test]
    fn parses_hex() {
        assert_eq!(Rgb::from_hex("0a7c5a"), Some(Rgb(10, 124, 90)));
        assert_eq!(Rgb::from_hex("zz0000"), None);
        assert_eq!(Rgb(10, 124, 90).hex(), "#0a7c5a");
    }
}
