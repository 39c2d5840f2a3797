//! Surface tells: marks a learner can spot without listening. An
//! exclamation mark or a giveaway word ("honestly", "should", "promise
//! me") that turns up only in the wrong options of a scenario teaches
//! learners to avoid the mark rather than the move; so does silence that
//! is never the wrong thing to do.

use super::validate::Reporter;
use crate::scenario::diagnostic::Severity;
use crate::scenario::{Choice, Node, Rating, Scenario};
use crate::skills::Skill;
use crate::text::{contains_phrase, words};

/// Giveaway words and phrases, as [`words`] spells them (apostrophes
/// dropped). The exclamation mark is checked on its own.
pub const GIVEAWAYS: &[&str] = &[
    "honestly",
    "exactly",
    "totally",
    "absolutely",
    "definitely",
    "completely",
    "proud",
    "brilliant",
    "amazing",
    "should",
    "need to",
    "have to",
    "promise me",
    "youre not",
];

/// A mark in this many wrong options of one scenario, and in no sound one,
/// is a tell. A single use is not a pattern.
pub const MIN_WRONG_WITH_MARK: usize = 2;

/// A scenario that offers silence at this many decisions should rate it
/// below good at least once.
pub const MIN_SILENCE_DECISIONS: usize = 2;

/// The marks an option's text carries: "!" and any giveaway words.
pub fn marks(text: &str) -> Vec<&'static str> {
    // Split once, not for every option of a file.
    static PHRASES: std::sync::LazyLock<Vec<(&str, Vec<&str>)>> = std::sync::LazyLock::new(|| {
        GIVEAWAYS
            .iter()
            .map(|g| (*g, g.split(' ').collect()))
            .collect()
    });
    let mut out = Vec::new();
    if text.contains('!') {
        out.push("!");
    }
    // Most options carry no giveaway: in plain ASCII text, look for a
    // phrase's first word (split and spelt as `words` does) before
    // collecting the words.
    if text.is_ascii() {
        let could = text
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
            .any(|w| {
                let plain = !w.contains('\'');
                PHRASES.iter().any(|(_, phrase)| {
                    let first = phrase.first().copied().unwrap_or_default();
                    if plain {
                        w.eq_ignore_ascii_case(first)
                    } else {
                        w.bytes()
                            .filter(|&b| b != b'\'')
                            .map(|b| b.to_ascii_lowercase())
                            .eq(first.bytes())
                    }
                })
            });
        if !could {
            return out;
        }
    }
    let ws = words(text);
    for (g, phrase) in PHRASES.iter() {
        if contains_phrase(&ws, phrase) {
            out.push(*g);
        }
    }
    out
}

/// Below `good`: a move the debrief marks as a mistake.
pub fn is_wrong(o: &Choice) -> bool {
    o.rating < Rating::Good
}

/// For each mark, the wrong options that carry it (node, option), when no
/// sound option in the scenario does and at least
/// [`MIN_WRONG_WITH_MARK`] wrong ones do.
pub fn surface_tells(s: &Scenario) -> Vec<(&'static str, Vec<(&Node, &Choice)>)> {
    // Only the options that carry a mark take part.
    let options: Vec<(&Node, &Choice, Vec<&'static str>)> = s
        .nodes
        .iter()
        .flat_map(|n| n.options.iter().map(move |o| (n, o, marks(&o.text))))
        .filter(|(_, _, m)| !m.is_empty())
        .collect();
    let mut out = Vec::new();
    for mark in std::iter::once("!").chain(GIVEAWAYS.iter().copied()) {
        let with: Vec<_> = options
            .iter()
            .filter(|(_, _, m)| m.contains(&mark))
            .collect();
        if with.iter().any(|(_, o, _)| !is_wrong(o)) {
            continue;
        }
        if with.len() >= MIN_WRONG_WITH_MARK {
            out.push((mark, with.iter().map(|(n, o, _)| (*n, *o)).collect()));
        }
    }
    out
}

pub(crate) fn lint(r: &mut Reporter, s: &Scenario) {
    for (mark, found) in surface_tells(s) {
        let Some((node, first)) = found.first() else {
            continue;
        };
        let shown = if mark == "!" {
            "\"!\"".to_string()
        } else {
            format!("\"{mark}\"")
        };
        let at = r.option_field_at(&node.id, &first.id, "text");
        r.push(
            at,
            Severity::Warning,
            "surface-tell",
            format!(
                "{shown} appears in {} wrong options (first \"{}\" in \"{}\") and in no good or best option: learners can avoid it without listening",
                found.len(),
                first.id,
                node.id
            ),
            Some(
                "write the wrong options as plainly and warmly as the sound ones; a mark is fine where it fits a sound option's voice too"
                    .into(),
            ),
        );
    }
    lint_silence(r, s);
}

/// Every option tagged attentive silence, with its decision.
pub fn silence_options(s: &Scenario) -> Vec<(&Node, &Choice)> {
    s.nodes
        .iter()
        .flat_map(|n| n.options.iter().map(move |o| (n, o)))
        .filter(|(_, o)| o.skills.contains(&Skill::AttentiveSilence))
        .collect()
}

/// Silence offered at several decisions and never rated below good.
fn lint_silence(r: &mut Reporter, s: &Scenario) {
    let silences = silence_options(s);
    let mut decisions: Vec<&str> = silences.iter().map(|(n, _)| n.id.as_str()).collect();
    decisions.dedup();
    if decisions.len() < MIN_SILENCE_DECISIONS || silences.iter().any(|(_, o)| is_wrong(o)) {
        return;
    }
    let Some((node, first)) = silences.first() else {
        return;
    };
    let at = r.option_at(&node.id, &first.id);
    r.push(
        at,
        Severity::Warning,
        "silence-always-sound",
        format!(
            "silence is offered at {} decisions and rated good or best at every one: learners will learn that waiting is always safe",
            decisions.len()
        ),
        Some(
            "make silence the wrong move somewhere it would be: in a chat, where it reads as absence, or after a direct question, where it is avoidance"
                .into(),
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::marks;

    #[test]
    fn marks_are_found_however_the_text_is_spelt() {
        assert_eq!(marks("You SHOULD go!"), vec!["!", "should"]);
        assert_eq!(marks("You're not listening."), vec!["youre not"]);
        assert_eq!(marks("Youre not listening."), vec!["youre not"]);
        assert_eq!(marks("You\u{2019}re not listening."), vec!["youre not"]);
        assert_eq!(marks("Honestly \u{2014} it's fine."), vec!["honestly"]);
        assert_eq!(marks("We need to talk."), vec!["need to"]);
        assert!(marks("I'd rather not. What do you need?").is_empty());
        assert!(marks("Shouldn't we wait?").is_empty());
    }
}
