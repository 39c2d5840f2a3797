//! Small wording helpers shared by the validator, the CLI and the reports.

/// "1 decision", "3 decisions". Regular English plurals only.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
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
