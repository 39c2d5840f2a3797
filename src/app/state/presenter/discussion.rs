//! The discussion pause at a decision. The room votes on the options
//! (lettered A–D), the facilitator may reveal what each would do, and then
//! commits the room's choice. Plain data; the engine is only read.

use crate::engine::Conversation;

/// The letter an option is shown with: A for the first, B for the second.
pub fn letter(position: usize) -> char {
    char::from(b'A' + (position.min(25) as u8))
}

/// One discussion pause, tied to the decision it was opened at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Discussion {
    /// How many choices had been made when it opened; once a choice is made
    /// or taken back, the pause belongs to another moment and is stale.
    pub at_turn: usize,
    /// The node it was opened at.
    pub node: String,
    /// Hand-counted votes per option, in display order.
    pub votes: Vec<u32>,
    /// Identifies this pause, and each reset of its votes, to the phones:
    /// a phone's vote for an earlier round is refused.
    pub round: u64,
    /// Votes from phones per option (room votes), in display order.
    pub phones: Vec<u32>,
    /// Each option's skills and likely effect are shown.
    pub revealed: bool,
    /// The option the facilitator marked as the room's choice, if any.
    pub selected: Option<usize>,
    /// Next was pressed with no votes and no mark: the pause asks the
    /// room for a choice instead of saying one.
    pub asked: bool,
}

impl Discussion {
    /// Opens a pause at the conversation's current decision; `round` is
    /// new for every pause.
    pub fn new(conversation: &Conversation, round: u64) -> Self {
        let options = conversation.current().order.len();
        Discussion {
            at_turn: conversation.turns().len(),
            node: conversation.current().node.clone(),
            votes: vec![0; options],
            round,
            phones: vec![0; options],
            revealed: false,
            selected: None,
            asked: false,
        }
    }

    /// True while the conversation still stands where the pause opened.
    pub fn is_for(&self, conversation: &Conversation) -> bool {
        self.at_turn == conversation.turns().len() && self.node == conversation.current().node
    }

    /// One more vote; positions past the options are ignored.
    pub fn vote(&mut self, position: usize) {
        if let Some(v) = self.votes.get_mut(position) {
            *v = v.saturating_add(1);
        }
    }

    /// Clears hands and phones; `round` starts a new vote on the phones.
    pub fn reset_votes(&mut self, round: u64) {
        self.votes.iter_mut().for_each(|v| *v = 0);
        self.phones.iter_mut().for_each(|v| *v = 0);
        self.round = round;
    }

    /// Takes the phones' tally if it is for this round.
    pub fn set_phones(&mut self, round: Option<u64>, phones: &[u32]) {
        if round == Some(self.round) {
            self.phones = (0..self.votes.len())
                .map(|i| phones.get(i).copied().unwrap_or(0))
                .collect();
        }
    }

    /// Hands and phones together for the option at `position`.
    pub fn combined(&self, position: usize) -> u32 {
        let hands = self.votes.get(position).copied().unwrap_or(0);
        let phones = self.phones.get(position).copied().unwrap_or(0);
        hands.saturating_add(phones)
    }

    /// Hands and phones together.
    pub fn total_votes(&self) -> u32 {
        (0..self.votes.len()).map(|i| self.combined(i)).sum()
    }

    pub fn total_phones(&self) -> u32 {
        self.phones.iter().sum()
    }

    /// The option with the most votes, hands and phones combined; a tie
    /// goes to the earliest, and no votes at all means no leader.
    pub fn leader(&self) -> Option<usize> {
        let combined: Vec<u32> = (0..self.votes.len()).map(|i| self.combined(i)).collect();
        let most = *combined.iter().max()?;
        if most == 0 {
            return None;
        }
        combined.iter().position(|v| *v == most)
    }

    /// The option a commit would choose: the one marked, else the vote
    /// leader. With no mark and no votes there is no choice yet: the room
    /// is asked, rather than option A being said for it.
    pub fn choice(&self) -> Option<usize> {
        self.selected
            .filter(|s| *s < self.votes.len())
            .or_else(|| self.leader())
    }

    pub fn select(&mut self, position: usize) {
        if position < self.votes.len() {
            self.selected = Some(position);
        }
    }

    /// Moves the room's choice by `delta` places, staying within the list.
    /// With no choice yet, the first move marks the first option.
    pub fn move_selection(&mut self, delta: i32) {
        if self.votes.is_empty() {
            return;
        }
        let Some(from) = self.choice() else {
            self.selected = Some(0);
            return;
        };
        let last = self.votes.len() as i64 - 1;
        let to = (from as i64 + i64::from(delta)).clamp(0, last);
        self.selected = Some(to as usize);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pause(options: usize) -> Discussion {
        Discussion {
            at_turn: 0,
            node: "n".to_string(),
            votes: vec![0; options],
            round: 1,
            phones: vec![0; options],
            revealed: false,
            selected: None,
            asked: false,
        }
    }

    #[test]
    fn votes_count_and_reset() {
        let mut d = pause(3);
        d.vote(1);
        d.vote(1);
        d.vote(2);
        d.vote(7);
        assert_eq!(d.votes, vec![0, 2, 1]);
        assert_eq!(d.total_votes(), 3);
        assert_eq!(d.leader(), Some(1));
        d.reset_votes(2);
        assert_eq!(d.votes, vec![0, 0, 0]);
        assert_eq!(d.leader(), None);
    }

    #[test]
    fn phones_count_with_hands_and_only_for_their_round() {
        let mut d = pause(3);
        d.vote(0);
        d.set_phones(Some(1), &[0, 2, 0, 9]);
        assert_eq!(d.phones, vec![0, 2, 0], "extra options are dropped");
        assert_eq!(d.total_votes(), 3);
        assert_eq!(d.leader(), Some(1));
        d.set_phones(Some(7), &[5, 0, 0]);
        assert_eq!(d.phones, vec![0, 2, 0], "another round's tally is ignored");
        d.reset_votes(2);
        assert_eq!(d.total_votes(), 0);
        d.set_phones(Some(1), &[0, 2, 0]);
        assert_eq!(
            d.total_phones(),
            0,
            "the old round's votes do not come back"
        );
    }

    #[test]
    fn the_room_choice_is_the_mark_then_the_leader_and_never_a_default() {
        let mut d = pause(4);
        assert_eq!(d.choice(), None, "no votes and no mark: no choice yet");
        d.vote(2);
        assert_eq!(d.choice(), Some(2));
        d.vote(3);
        assert_eq!(d.choice(), Some(2), "a tie goes to the earlier option");
        d.select(1);
        assert_eq!(d.choice(), Some(1));
        d.move_selection(5);
        assert_eq!(d.choice(), Some(3));
        d.move_selection(-9);
        assert_eq!(d.choice(), Some(0));
        assert_eq!(pause(0).choice(), None);
        let mut fresh = pause(3);
        fresh.move_selection(1);
        assert_eq!(fresh.choice(), Some(0), "a first move marks the first");
    }

    #[test]
    fn letters_follow_the_display_order() {
        assert_eq!((0..4).map(letter).collect::<String>(), "ABCD".to_string());
    }
}
