//! Wrapping `attune play`'s text to the terminal, so that words are never
//! cut in half by the terminal's own hard wrap.

use std::io::IsTerminal;

/// `text` wrapped to the terminal's width when standard output is a
/// terminal; unchanged when it is a pipe or a file, so scripts see one
/// line per item.
pub fn for_terminal(text: &str) -> String {
    if std::io::stdout().is_terminal() {
        wrap(text, textwrap::termwidth())
    } else {
        text.to_string()
    }
}

/// Wraps each line to `width` columns. A continuation keeps the line's
/// indent and hangs under a list marker ("1. ", "- ") so options and
/// bullet points stay readable.
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for line in text.split_inclusive('\n') {
        let (body, newline) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        let hang = " ".repeat(hanging_indent(body));
        let options = textwrap::Options::new(width.max(20))
            .subsequent_indent(&hang)
            .break_words(false);
        out.push_str(&textwrap::fill(body, options));
        out.push_str(newline);
    }
    out
}

/// Where a line's continuation starts: after its indent and any list
/// marker.
fn hanging_indent(line: &str) -> usize {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let marker = if digits > 0 && rest[digits..].starts_with(". ") {
        digits + 2
    } else if rest.starts_with("- ") {
        2
    } else {
        0
    };
    indent + marker
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn words_are_never_split_and_options_hang_under_their_number() {
        let text =
            "  2. You keep coming up for him, and then it is too much to be here without him.\n";
        let wrapped = wrap(text, 40);
        let lines: Vec<&str> = wrapped.lines().collect();
        assert!(lines.len() > 1, "{wrapped}");
        assert!(lines.iter().all(|l| l.chars().count() <= 40), "{wrapped}");
        assert!(lines[1].starts_with("     ") && !lines[1].starts_with("      "));
        let words: Vec<&str> = text.split_whitespace().collect();
        let rejoined: Vec<&str> = wrapped.split_whitespace().collect();
        assert_eq!(words, rejoined, "no word is cut or lost");
    }

    #[test]
    fn short_lines_and_blank_lines_are_kept() {
        let text = "Sam: Hi.\n\n  - one\n";
        assert_eq!(wrap(text, 80), text);
    }
}
