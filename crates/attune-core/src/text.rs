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

/// The words of a text, lowercased, for comparing options by their words:
/// apostrophes are dropped ("you're" becomes "youre", with a straight or
/// a curly apostrophe alike) and anything else that is not a letter or a
/// digit separates words.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .map(|w| {
            w.chars()
                .filter(|c| *c != '\'' && *c != '\u{2019}')
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// True when `phrase` (already split into words) occurs in `words`.
pub fn contains_phrase(words: &[String], phrase: &[&str]) -> bool {
    !phrase.is_empty()
        && words
            .windows(phrase.len())
            .any(|w| w.iter().zip(phrase).all(|(a, b)| a == b))
}

/// One speaker's part of a peer line in a group session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Said<'a> {
    /// The name before the colon; `None` for words before any name.
    pub speaker: Option<&'a str>,
    /// Their words, lines joined by newlines.
    pub text: String,
}

/// Splits a group session's line into who says what. A line of the text
/// that starts "Name: " starts a new speaker (a name is one to three
/// words, each starting with a capital letter, at most 30 characters);
/// other lines carry on the speaker before them. Text with no names at all
/// is one part with no speaker.
pub fn speakers(line: &str) -> Vec<Said<'_>> {
    let mut parts: Vec<Said<'_>> = Vec::new();
    for row in line.lines() {
        let named = row.split_once(": ").filter(|(name, _)| is_name(name));
        match (named, parts.last_mut()) {
            (Some((name, words)), _) => parts.push(Said {
                speaker: Some(name.trim()),
                text: words.trim().to_string(),
            }),
            (None, Some(last)) => {
                if !last.text.is_empty() {
                    last.text.push('\n');
                }
                last.text.push_str(row.trim());
            }
            (None, None) => parts.push(Said {
                speaker: None,
                text: row.trim().to_string(),
            }),
        }
    }
    parts.retain(|p| p.speaker.is_some() || !p.text.is_empty());
    parts
}

/// "Marcus", "Aunt Jo", "Mr Okafor": a speaker's name before a colon.
fn is_name(name: &str) -> bool {
    let name = name.trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    !name.is_empty()
        && name.chars().count() <= 30
        && (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || "'-.".contains(c))
        })
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

#[cfg(test)]
mod speaker_tests {
    use super::*;

    fn said(speaker: Option<&'static str>, text: &str) -> Said<'static> {
        Said {
            speaker,
            text: text.to_string(),
        }
    }

    #[test]
    fn a_group_line_splits_into_speakers() {
        let line = "Marcus: Third time this month.\nAisha: Mm.\nI mean, yes.\nMr Okafor: Go on.";
        assert_eq!(
            speakers(line),
            [
                said(Some("Marcus"), "Third time this month."),
                said(Some("Aisha"), "Mm.\nI mean, yes."),
                said(Some("Mr Okafor"), "Go on."),
            ]
        );
    }

    #[test]
    fn words_before_a_name_or_a_colon_in_a_sentence_are_no_speaker() {
        assert_eq!(
            speakers("(A long pause.)\nJo: Sorry."),
            [said(None, "(A long pause.)"), said(Some("Jo"), "Sorry.")]
        );
        assert_eq!(
            speakers("The thing is: nobody asked me."),
            [said(None, "The thing is: nobody asked me.")]
        );
    }
}
