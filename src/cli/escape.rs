//! Text from a file stays text on the terminal: control characters (an
//! `ESC]0;…BEL` that retitles the window, an `ESC]8;;…` link, a colour
//! change, a carriage return that overwrites a line) and bidirectional
//! overrides are shown as escapes instead of being sent raw.

use std::borrow::Cow;
use std::fmt::Write as _;

/// `text` with every control character except newline and tab, and every
/// bidirectional control (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F),
/// written as `\u{…}`. Text without them is returned as is.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_char(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::terminal_safe;

    #[test]
    fn escapes_titles_links_colours_and_carriage_returns_but_keeps_lines() {
        assert_eq!(
            terminal_safe("a\u{1b}]0;pwned\u{7}b"),
            "a\\u{1b}]0;pwned\\u{7}b"
        );
        assert_eq!(
            terminal_safe("\u{1b}[31mred\r\u{9b}x\u{202e}"),
            "\\u{1b}[31mred\\u{d}\\u{9b}x\\u{202e}"
        );
        assert_eq!(terminal_safe("line\n\tnext é"), "line\n\tnext é");
    }
}
