//! Which characters Attune can show, and a check that refuses the others.
//!
//! The app draws text with egui's built-in fonts (Ubuntu Light, with Noto
//! Emoji and an emoji icon font as fallbacks). They cover Latin with its
//! accents, Greek, Cyrillic and most common emoji, but no Chinese, Japanese
//! or Korean, and egui does not reorder right-to-left text, so Arabic or
//! Hebrew would come out backwards even with a font. A character outside
//! [`SUPPORTED`] would be drawn as an empty box ("tofu"), so the validator
//! reports it instead, naming the script, at the character's line and
//! column. `tests/app/charset.rs` checks every range here against the fonts.

use crate::scenario::diagnostic::{Diagnostic, Severity};
use crate::scenario::source_map::{EntryKind, SourceMap};

/// Inclusive code-point ranges the app's fonts draw. Generated from the
/// fonts' character maps and trimmed to whole runs of text characters.
pub const SUPPORTED: &[(u32, u32)] = &[
    (0x0020, 0x007E),
    (0x00A0, 0x024F),
    (0x0292, 0x0292),
    (0x02BC, 0x02BC),
    (0x02C6, 0x02C7),
    (0x02C9, 0x02C9),
    (0x02D8, 0x02DD),
    (0x0384, 0x0386),
    (0x0388, 0x038A),
    (0x038C, 0x038C),
    (0x038E, 0x03A1),
    (0x03A3, 0x03CE),
    (0x0400, 0x045F),
    (0x0462, 0x0463),
    (0x0472, 0x0475),
    (0x048A, 0x04F9),
    (0x1E80, 0x1E85),
    (0x1EF2, 0x1EF3),
    (0x1F00, 0x1F15),
    (0x1F18, 0x1F1D),
    (0x1F20, 0x1F45),
    (0x1F48, 0x1F4D),
    (0x1F50, 0x1F57),
    (0x1F59, 0x1F59),
    (0x1F5B, 0x1F5B),
    (0x1F5D, 0x1F5D),
    (0x1F5F, 0x1F7D),
    (0x1F80, 0x1FB4),
    (0x1FB6, 0x1FC4),
    (0x1FC6, 0x1FD3),
    (0x1FD6, 0x1FDB),
    (0x1FDD, 0x1FEF),
    (0x1FF2, 0x1FF4),
    (0x1FF6, 0x1FFE),
    (0x2013, 0x2015),
    (0x2018, 0x201A),
    (0x201C, 0x201E),
    (0x2020, 0x2022),
    (0x2026, 0x2026),
    (0x2030, 0x2030),
    (0x2039, 0x203A),
    (0x2044, 0x2044),
    (0x2070, 0x2070),
    (0x2074, 0x2079),
    (0x2080, 0x2089),
    (0x20AC, 0x20AC),
    (0x20AE, 0x20AE),
    (0x20B4, 0x20B4),
    (0x20B9, 0x20B9),
    (0x2113, 0x2113),
    (0x2116, 0x2116),
    (0x2122, 0x2122),
    (0x2126, 0x2126),
    (0x212E, 0x212E),
    (0x2153, 0x215E),
    (0x2202, 0x2202),
    (0x2206, 0x2206),
    (0x220F, 0x220F),
    (0x2211, 0x2212),
    (0x2215, 0x2215),
    (0x2219, 0x221A),
    (0x221E, 0x221E),
    (0x222B, 0x222B),
    (0x2248, 0x2248),
    (0x2260, 0x2260),
    (0x2264, 0x2265),
    (0x25CA, 0x25CA),
];

/// Control characters a line may contain: egui lays them out itself.
const LAYOUT_CONTROLS: [char; 2] = ['\n', '\t'];

/// Whether the app can draw `c`.
pub fn is_supported(c: char) -> bool {
    if LAYOUT_CONTROLS.contains(&c) {
        return true;
    }
    let c = u32::from(c);
    SUPPORTED
        .binary_search_by(|&(start, end)| {
            if end < c {
                std::cmp::Ordering::Less
            } else if start > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Whether the app can draw every character of `text`.
pub fn all_supported(text: &str) -> bool {
    // Most texts are plain printable ASCII, which every font has.
    text.bytes().all(|b| (b' '..=b'~').contains(&b)) || text.chars().all(is_supported)
}

/// A script or kind of character, to name in a diagnostic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Script {
    pub name: &'static str,
    /// Written right to left: egui cannot lay it out even with a font.
    pub rtl: bool,
}

const fn script(name: &'static str, rtl: bool) -> Script {
    Script { name, rtl }
}

/// Well-known blocks, to say which script an unsupported character is in.
const SCRIPTS: &[(u32, u32, Script)] = &[
    (0x0000, 0x001F, script("a control character", false)),
    (0x007F, 0x009F, script("a control character", false)),
    (0x0300, 0x036F, script("a combining accent", false)),
    (0x0530, 0x058F, script("Armenian", false)),
    (0x0590, 0x05FF, script("Hebrew", true)),
    (0x0600, 0x06FF, script("Arabic", true)),
    (0x0700, 0x074F, script("Syriac", true)),
    (0x0750, 0x077F, script("Arabic", true)),
    (0x0780, 0x07BF, script("Thaana", true)),
    (0x07C0, 0x07FF, script("N'Ko", true)),
    (0x0800, 0x08FF, script("Arabic", true)),
    (0x0900, 0x097F, script("Devanagari", false)),
    (0x0980, 0x09FF, script("Bengali", false)),
    (0x0A00, 0x0A7F, script("Gurmukhi", false)),
    (0x0A80, 0x0AFF, script("Gujarati", false)),
    (0x0B00, 0x0B7F, script("Odia", false)),
    (0x0B80, 0x0BFF, script("Tamil", false)),
    (0x0C00, 0x0C7F, script("Telugu", false)),
    (0x0C80, 0x0CFF, script("Kannada", false)),
    (0x0D00, 0x0D7F, script("Malayalam", false)),
    (0x0D80, 0x0DFF, script("Sinhala", false)),
    (0x0E00, 0x0E7F, script("Thai", false)),
    (0x0E80, 0x0EFF, script("Lao", false)),
    (0x0F00, 0x0FFF, script("Tibetan", false)),
    (0x1000, 0x109F, script("Myanmar", false)),
    (0x10A0, 0x10FF, script("Georgian", false)),
    (0x1100, 0x11FF, script("Korean (Hangul)", false)),
    (0x1200, 0x139F, script("Ethiopic", false)),
    (0x1780, 0x17FF, script("Khmer", false)),
    (0x2E80, 0x2FDF, script("Chinese, Japanese or Korean", false)),
    (
        0x3000,
        0x303F,
        script("Chinese, Japanese or Korean punctuation", false),
    ),
    (0x3040, 0x30FF, script("Japanese (kana)", false)),
    (0x3100, 0x312F, script("Chinese (Bopomofo)", false)),
    (0x3130, 0x318F, script("Korean (Hangul)", false)),
    (0x3400, 0x4DBF, script("Chinese, Japanese or Korean", false)),
    (0x4E00, 0x9FFF, script("Chinese, Japanese or Korean", false)),
    (0xA960, 0xA97F, script("Korean (Hangul)", false)),
    (0xAC00, 0xD7FF, script("Korean (Hangul)", false)),
    (0xE000, 0xF8FF, script("a private-use character", false)),
    (0xF900, 0xFAFF, script("Chinese, Japanese or Korean", false)),
    (0xFB1D, 0xFB4F, script("Hebrew", true)),
    (0xFB50, 0xFDFF, script("Arabic", true)),
    (0xFE00, 0xFE0F, script("a variation selector", false)),
    (0xFE70, 0xFEFF, script("Arabic", true)),
    (
        0xFF00,
        0xFFEF,
        script("full-width Chinese, Japanese or Korean", false),
    ),
    (
        0x10800,
        0x10FFF,
        script("a right-to-left historic script", true),
    ),
    (0x1F000, 0x1FAFF, script("an emoji or symbol", false)),
    (
        0x20000,
        0x3FFFF,
        script("Chinese, Japanese or Korean", false),
    ),
];

/// The script `c` belongs to, as far as a diagnostic needs to say.
pub fn script_of(c: char) -> Script {
    let code = u32::from(c);
    SCRIPTS
        .iter()
        .find(|(start, end, _)| (*start..=*end).contains(&code))
        .map_or(script("a character", false), |(_, _, s)| *s)
}

/// String fields that hold ids and references, never shown as text; the
/// wording lints skip them too.
pub(crate) const NOT_SHOWN: &[&str] = &[
    "id",
    "goto",
    "start",
    "on_withdraw",
    "portrait",
    "lint",
    "layer_reached",
    "layer_not_reached",
    "visited",
    "not_visited",
];

/// One diagnostic for each string the app shows that holds a character it
/// cannot draw: the first such character, at its own line and column.
pub fn check(path: &str, map: &SourceMap) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for entry in map.entries() {
        if entry.kind != EntryKind::Str || NOT_SHOWN.contains(&entry.key) {
            continue;
        }
        // The value starts after the opening quote.
        if let Some((c, line, col)) = first_unsupported(entry.value, entry.line, entry.col + 1) {
            out.push(diagnostic(path, entry.key, c, line, col));
        }
    }
    out
}

fn diagnostic(path: &str, field: &str, c: char, line: usize, col: usize) -> Diagnostic {
    let script = script_of(c);
    let shown = if c.is_control() || script.name.starts_with("a variation") {
        String::new()
    } else {
        format!("\"{c}\" ")
    };
    let message = format!(
        "`{field}` contains {} ({shown}U+{:04X}), which Attune's fonts cannot show",
        script.name,
        u32::from(c)
    );
    let hint = if script.rtl {
        "right-to-left scripts are not supported yet: the app would show them in the wrong order"
    } else if c == '\u{FE0F}' || c == '\u{200D}' {
        "write the emoji without variation selectors or joiners; each emoji is shown on its own"
    } else if script.name == "a combining accent" {
        "write the accented letter as one character (Unicode NFC), e.g. é instead of e + ́"
    } else {
        "Attune shows Latin, Greek and Cyrillic letters with their accents, and common emoji; see docs/authoring.md"
    };
    Diagnostic {
        path: path.to_string(),
        line,
        col,
        severity: Severity::Error,
        code: "unsupported-script",
        message,
        hint: Some(hint.into()),
    }
}

/// The first character of a raw string literal the fonts cannot draw, with
/// its place. `\u{…}` escapes are decoded and placed at their backslash.
fn first_unsupported(raw: &str, line: usize, col: usize) -> Option<(char, usize, usize)> {
    // Most strings are plain printable ASCII, which every font has.
    if raw
        .bytes()
        .all(|b| (b' '..=b'~').contains(&b) && b != b'\\')
    {
        return None;
    }
    let (mut line, mut col) = (line, col);
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        let (here_line, here_col) = (line, col);
        let mut width = 1;
        let decoded = if c == '\\' {
            let Some(next) = chars.next() else { break };
            width += 1;
            if next == 'u' {
                let mut hex = String::new();
                if chars.peek() == Some(&'{') {
                    chars.next();
                    width += 1;
                    for h in chars.by_ref() {
                        width += 1;
                        if h == '}' {
                            break;
                        }
                        hex.push(h);
                    }
                } else {
                    for _ in 0..4 {
                        if let Some(h) = chars.next() {
                            width += 1;
                            hex.push(h);
                        }
                    }
                }
                u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
            } else {
                // Other escapes are ASCII; `\n` and `\t` are allowed.
                None
            }
        } else {
            Some(c)
        };
        if c == '\n' {
            line += 1;
            col = 1;
        } else {
            col += width;
        }
        if let Some(d) = decoded
            && !is_supported(d)
        {
            return Some((d, here_line, here_col));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_disjoint() {
        for pair in SUPPORTED.windows(2) {
            assert!(pair[0].1 < pair[1].0, "{pair:x?}");
        }
        for (start, end) in SUPPORTED {
            assert!(start <= end);
        }
    }

    /// `first_unsupported` skips plain printable ASCII without looking it
    /// up, so every such character must be supported.
    #[test]
    fn printable_ascii_is_supported() {
        for c in ' '..='~' {
            assert!(is_supported(c), "{c:?}");
        }
    }

    #[test]
    fn escapes_are_decoded_and_placed_at_the_backslash() {
        assert_eq!(
            first_unsupported("ab\\u{4E2D}", 3, 10),
            Some(('\u{4E2D}', 3, 12))
        );
        assert_eq!(first_unsupported("a\\\"b\\nc", 1, 1), None);
        assert_eq!(
            first_unsupported("x\nyz\u{5D0}", 1, 5),
            Some(('\u{5D0}', 2, 3))
        );
    }
}
