//! Small wording helpers shared by the validator, the CLI and the reports.

/// "1 decision", "3 decisions", "2 branches", "4 replies". Regular
/// English plurals only: the nouns are the program's own, never a user's.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {}", plural(noun))
    }
}

/// The regular plural of one of the program's nouns.
fn plural(noun: &str) -> String {
    let ends = |s: &str| noun.ends_with(s);
    if ends("s") || ends("x") || ends("ch") || ends("sh") {
        format!("{noun}es")
    } else if let Some(stem) = noun.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'i', 'o', 'u'])
    {
        format!("{stem}ies")
    } else {
        format!("{noun}s")
    }
}

/// A title or phrase in curly quotes, unless it already is in quotes of
/// its own (a scenario called `"I'm fine"`), so it never reads
/// `“"I'm fine"”`.
pub fn quoted(text: &str) -> String {
    let pairs = [
        ('"', '"'),
        ('\u{201c}', '\u{201d}'),
        ('\'', '\''),
        ('\u{2018}', '\u{2019}'),
    ];
    let mut chars = text.chars();
    let (first, last) = (chars.next(), chars.next_back());
    let already = pairs
        .iter()
        .any(|&(open, close)| first == Some(open) && last == Some(close));
    if already {
        text.to_string()
    } else {
        format!("\u{201c}{text}\u{201d}")
    }
}

#[cfg(test)]
mod tests {
    use super::{count, quoted};

    #[test]
    fn a_title_in_quotes_is_not_quoted_twice() {
        assert_eq!(quoted("\"I'm fine\""), "\"I'm fine\"");
        assert_eq!(quoted("Job loss"), "\u{201c}Job loss\u{201d}");
        assert_eq!(quoted("\u{201c}Hi\u{201d}"), "\u{201c}Hi\u{201d}");
        assert_eq!(quoted("\""), "\u{201c}\"\u{201d}");
        assert_eq!(quoted(""), "\u{201c}\u{201d}");
    }

    #[test]
    fn plurals_follow_the_regular_spelling_rules() {
        assert_eq!(count(1, "branch"), "1 branch");
        assert_eq!(count(3, "branch"), "3 branches");
        assert_eq!(count(0, "decision"), "0 decisions");
        assert_eq!(count(2, "reply"), "2 replies");
        assert_eq!(count(2, "day"), "2 days");
        assert_eq!(count(2, "box"), "2 boxes");
    }
}
