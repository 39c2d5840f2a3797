//! A typed reply in progress: what was heard, or why it could not be, and
//! the typed turns kept for the debrief. Not saved: a resumed or replayed
//! conversation has only its choices.

use std::collections::BTreeMap;

use crate::classify::Model;
use crate::engine::Conversation;
use crate::scenario::Scenario;
use crate::typed::{Heard, Problem, TypedTurn, hear};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Typing {
    /// The last reply sent, coded, waiting for the learner to confirm or
    /// correct the option it was matched to.
    pub heard: Option<Heard>,
    /// Why the last reply could not be coded.
    pub problem: Option<Problem>,
    /// The typed turns so far, by turn index.
    pub turns: BTreeMap<usize, TypedTurn>,
}

impl Typing {
    /// Codes `text` against the options on offer now.
    pub fn submit(&mut self, text: &str, scenario: &Scenario, conversation: &Conversation) {
        let options: Vec<_> = conversation
            .options(scenario)
            .into_iter()
            .cloned()
            .collect();
        match hear(Model::shipped(), text, &options) {
            Ok(heard) => {
                self.heard = Some(heard);
                self.problem = None;
            }
            Err(problem) => {
                self.heard = None;
                self.problem = Some(problem);
            }
        }
    }

    /// Keeps the typed turn for the option the learner settled on (an
    /// index into the options on offer); the caller then makes the choice.
    pub fn confirm(&mut self, scenario: &Scenario, conversation: &Conversation, chosen: usize) {
        if let Some(heard) = self.heard.take() {
            let options: Vec<_> = conversation
                .options(scenario)
                .into_iter()
                .cloned()
                .collect();
            let turn = conversation.turns().len();
            self.turns
                .insert(turn, TypedTurn::new(&heard, &options, chosen));
        }
        self.problem = None;
    }

    /// Drops what was heard, to type again.
    pub fn retype(&mut self) {
        self.heard = None;
        self.problem = None;
    }

    /// Forgets typed turns taken back by an undo or a rewind.
    pub fn keep_turns_before(&mut self, turns: usize) {
        self.turns.retain(|turn, _| *turn < turns);
        self.heard = None;
        self.problem = None;
    }

    /// The typed turn at each index of a conversation of `len` turns.
    pub fn per_turn(&self, len: usize) -> Vec<Option<TypedTurn>> {
        (0..len).map(|i| self.turns.get(&i).cloned()).collect()
    }
}

impl super::Active {
    /// Forgets typed turns that an undo or a rewind took back.
    pub fn forget_taken_back(&mut self) {
        let len = self.session.conversation.turns().len();
        self.typing.keep_turns_before(len);
    }
}

impl super::AppState {
    /// Forgets typed turns that an undo took back.
    pub(super) fn forget_taken_back(&mut self) {
        if let Some(active) = &mut self.active {
            active.forget_taken_back();
        }
    }

    /// Sends, confirms or drops a typed reply.
    pub(super) fn apply_typed(&mut self, action: super::action::TypedAction) {
        use super::action::{Action, TypedAction};
        let Some(active) = &mut self.active else {
            return;
        };
        let Some(scenario) = self.catalogue.scenario(active.card) else {
            return;
        };
        let conversation = &active.session.conversation;
        match action {
            TypedAction::Submit(text) => active.typing.submit(&text, scenario, conversation),
            TypedAction::Retype => active.typing.retype(),
            TypedAction::CannotDraw(script) => {
                active.typing.heard = None;
                active.typing.problem = Some(Problem::CannotDraw { script });
            }
            TypedAction::Confirm(index) => {
                let Some(id) = conversation
                    .options(scenario)
                    .get(index)
                    .map(|c| c.id.clone())
                else {
                    return;
                };
                active.typing.confirm(scenario, conversation, index);
                self.apply(Action::Choose(id));
            }
        }
    }
}
