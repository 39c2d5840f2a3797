//! The conversation in progress: which scenario, the engine's state, the
//! coach's last hint and the session id the history files it under. Plain
//! data; the screens only read it.

use jiff::Timestamp;

use crate::engine::{Adjustment, Conversation, Outcome};
use crate::scenario::{Choice, EndingKind, Rating, Scenario};
use crate::skills::Skill;
use crate::store::{Resume, SessionId};

/// What the coach says about the choice just made.
#[derive(Clone, Debug, PartialEq)]
pub struct Hint {
    /// The choice's primary skill, e.g. "complex reflection".
    pub skill: String,
    pub rating: Rating,
    /// One line of the authored explanation.
    pub why: String,
    /// The trust change the choice made.
    pub trust_change: i32,
    /// Why a gain was smaller than authored (trust near its top), so a
    /// good choice that barely moved trust still reads as good.
    pub near_top: Option<String>,
}

impl Hint {
    fn new(choice: &Choice, outcome: &Outcome) -> Self {
        Hint {
            skill: choice
                .skills
                .first()
                .map_or_else(|| "no skill tagged".to_string(), |s| Skill::label(*s)),
            rating: choice.rating,
            why: hint_line(&choice.why),
            trust_change: outcome.turn.trust_after - outcome.turn.trust_before,
            near_top: outcome.turn.adjustments.iter().find_map(|a| match a {
                Adjustment::NearTop { full, gained: 0 } => Some(format!(
                    "Trust is at its top, so this could not raise it (it was worth +{full})."
                )),
                Adjustment::NearTop { full, gained } => Some(format!(
                    "Trust is near its top, where gains shrink: +{gained} instead of +{full}."
                )),
                _ => None,
            }),
        }
    }
}

/// A first sentence shorter than this gets the next one too, so a hint
/// that opens with a bare label ("Roadblocks: advising.") still says why.
const SHORT_SENTENCE: usize = 60;

/// The end (byte index) of the first sentence of `text`.
fn sentence_end(text: &str) -> usize {
    text.char_indices()
        .find(|&(i, c)| {
            matches!(c, '.' | '!' | '?')
                && text[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        })
        .map_or(text.len(), |(i, c)| i + c.len_utf8())
}

/// The start of an explanation, short enough for a one-line hint: the
/// first sentence, or the first two when the first is very short.
pub fn hint_line(text: &str) -> String {
    let text = text.trim();
    let first = sentence_end(text);
    if text[..first].chars().count() >= SHORT_SENTENCE || first == text.len() {
        return text[..first].to_string();
    }
    let rest = &text[first..];
    let second = first + sentence_end(rest);
    text[..second].trim_end().to_string()
}

/// A conversation being played, with what the history files it under.
#[derive(Clone, Debug)]
pub struct Session {
    /// Stays the same through undo and rewind; a new branch gets a new id.
    pub id: SessionId,
    pub started: Timestamp,
    pub scenario_id: String,
    pub conversation: Conversation,
    /// The coach's note on the last choice, if any.
    pub hint: Option<Hint>,
}

impl Session {
    /// A fresh session starting now.
    pub fn new(scenario_id: String, conversation: Conversation) -> Self {
        let started = Timestamp::now();
        Session {
            id: SessionId::new(started),
            started,
            scenario_id,
            conversation,
            hint: None,
        }
    }

    /// Picks up a saved unfinished conversation under its old session id.
    pub fn resumed(resume: &Resume, conversation: Conversation) -> Self {
        Session {
            id: resume.session.clone(),
            started: resume.started,
            scenario_id: resume.scenario_id.clone(),
            conversation,
            hint: None,
        }
    }

    /// What the store saves to resume this conversation after a restart.
    pub fn to_resume(&self) -> Resume {
        Resume::new(self.id.clone(), self.started, self.conversation.clone())
    }

    /// Commits a choice and prepares the coach's hint.
    pub fn choose(&mut self, scenario: &Scenario, option: &str) -> bool {
        let Some(choice) = scenario
            .node(&self.conversation.current().node)
            .and_then(|n| n.option(option))
        else {
            return false;
        };
        match self.conversation.choose(scenario, option) {
            Ok(outcome) => {
                self.hint = Some(Hint::new(choice, &outcome));
                true
            }
            Err(_) => false,
        }
    }

    pub fn undo(&mut self) -> bool {
        self.hint = None;
        self.conversation.undo()
    }

    /// Goes back to just before turn `turn` (0-based).
    pub fn rewind(&mut self, turn: usize) {
        self.hint = None;
        self.conversation.rewind(turn);
    }

    pub fn ending(&self, scenario: &Scenario) -> Option<EndingKind> {
        self.conversation.ending(scenario).map(|e| e.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::hint_line;

    #[test]
    fn hint_line_keeps_one_sentence_unless_it_is_a_bare_label() {
        let long =
            "A complex reflection: it names the weight without demanding an explanation. More.";
        assert_eq!(
            hint_line(long),
            "A complex reflection: it names the weight without demanding an explanation."
        );
        assert_eq!(
            hint_line("Advising. It tells her what to do. And more."),
            "Advising. It tells her what to do."
        );
        assert_eq!(hint_line("Costs 2.5 points"), "Costs 2.5 points");
        assert_eq!(hint_line("  Why? "), "Why?");
    }
}
