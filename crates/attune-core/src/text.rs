//! Small wording helpers shared by the validator, the CLI and the reports.

/// "1 decision", "3 decisions". Regular English plurals only.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
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
