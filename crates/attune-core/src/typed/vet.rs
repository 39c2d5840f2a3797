//! Checking a typed reply before it is coded, with a clear and kind word
//! for each thing that stops it.

use crate::check::charset::{is_supported, script_of};

/// The longest reply that is coded. A turn in a conversation is a few
/// sentences; a wall of text is met with a kind nudge, not a crash.
pub const MAX_CHARS: usize = 600;

/// Words that stop a reply: the peer would hear them as an attack, and
/// the classifier was not trained on them. Matched as whole words.
const PROFANITY: &[&str] = &[
    "fuck",
    "fucking",
    "fucked",
    "fucker",
    "fuckin",
    "motherfucker",
    "shit",
    "shitty",
    "bullshit",
    "cunt",
    "bitch",
    "bastard",
    "twat",
    "wanker",
    "prick",
    "arsehole",
    "asshole",
    "dickhead",
    "bollocks",
    "slag",
    "slut",
    "whore",
    "retard",
    "retarded",
    "piss",
    "pissed",
];

/// Why a typed reply cannot be coded as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Nothing but spaces.
    Empty,
    /// No letters or digits at all: emoji or punctuation only.
    NoWords,
    /// A single word.
    OneWord,
    /// Longer than [`MAX_CHARS`].
    TooLong { chars: usize },
    /// Characters the app's fonts cannot draw, named by script.
    CannotDraw { script: String },
    /// A swear word.
    Profanity,
}

impl Problem {
    /// What the learner reads: what happened, and what to do instead.
    pub fn message(&self) -> String {
        match self {
            Problem::Empty => {
                "Type what you would say to them, then press Enter. A sentence is plenty."
                    .to_string()
            }
            Problem::NoWords => "Emoji and symbols on their own can't be coded. Try putting what \
                                 you mean into words."
                .to_string(),
            Problem::OneWord => "One word is hard to hear the meaning of. Try it as a whole \
                                 sentence, the way you'd say it to them. If you meant to stay \
                                 quiet and listen, you can pick that from the options."
                .to_string(),
            Problem::TooLong { chars } => format!(
                "That's {chars} characters, a lot for one turn. Try the heart of it in a \
                 sentence or two (up to {MAX_CHARS} characters)."
            ),
            Problem::CannotDraw { script } => format!(
                "Some of those characters ({script}) can't be shown here, and the coding only \
                 understands English. Try it in English letters."
            ),
            Problem::Profanity => "Fair enough, feelings run high. Swearing could land as an \
                                   attack, and Attune can't tell how it would be heard, so try \
                                   saying it without the swear words."
                .to_string(),
        }
    }
}

/// The reply, trimmed, if it can be coded; else the first problem with it.
pub fn vet(text: &str) -> Result<String, Problem> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(Problem::Empty);
    }
    let chars = trimmed.chars().count();
    if chars > MAX_CHARS {
        return Err(Problem::TooLong { chars });
    }
    if let Some(c) = trimmed
        .chars()
        .find(|c| !c.is_whitespace() && !is_supported(*c))
    {
        return Err(Problem::CannotDraw {
            script: script_of(c).name.to_string(),
        });
    }
    let words: Vec<String> = trimmed
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        return Err(Problem::NoWords);
    }
    if words.iter().any(|w| PROFANITY.contains(&w.as_str())) {
        return Err(Problem::Profanity);
    }
    if words.len() == 1 {
        return Err(Problem::OneWord);
    }
    Ok(trimmed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_reply_passes_trimmed() {
        assert_eq!(
            vet("  So it's been a hard week.\n"),
            Ok("So it's been a hard week.".to_string())
        );
        assert_eq!(
            vet("café au lait, please"),
            Ok("café au lait, please".to_string())
        );
    }

    #[test]
    fn each_bad_input_gets_its_own_problem_and_a_kind_message() {
        assert_eq!(vet(""), Err(Problem::Empty));
        assert_eq!(vet("   \n\t"), Err(Problem::Empty));
        assert_eq!(vet("okay"), Err(Problem::OneWord));
        assert_eq!(vet("?!..."), Err(Problem::NoWords));
        let long = "a".repeat(5000);
        assert_eq!(vet(&long), Err(Problem::TooLong { chars: 5000 }));
        assert!(matches!(vet("你还好吗"), Err(Problem::CannotDraw { .. })));
        assert_eq!(vet("what the fuck happened"), Err(Problem::Profanity));
        assert_eq!(vet("Shit, that sounds hard"), Err(Problem::Profanity));
        // A swear word inside another word is not one.
        assert!(vet("Scunthorpe is where you grew up").is_ok());
        for problem in [
            Problem::Empty,
            Problem::NoWords,
            Problem::OneWord,
            Problem::TooLong { chars: 5000 },
            Problem::CannotDraw {
                script: "Chinese".to_string(),
            },
            Problem::Profanity,
        ] {
            let message = problem.message();
            assert!(message.len() > 30, "{message}");
            assert!(!message.contains('!'), "calm, not alarmed: {message}");
        }
    }
}
