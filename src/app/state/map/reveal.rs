//! What the map may show: the answers (ratings, effects, what the peer
//! says later), the learner's own ratings, and the authors' ids.
//!
//! While a conversation runs, the map must not give the answers away:
//! the ratings and effects of the current decision and of every later one
//! stay hidden, and so do the nodes not reached yet (their lines are the
//! peer's reactions, their ending kinds the effects). The learner's path
//! so far shows what it did. "Show the answers" (for authors and
//! facilitators) reveals everything, and so does the end of the
//! conversation shown. A map opened before playing (from a card or the
//! briefing) has no path, so it shows only the tree's shape until the
//! answers are shown.

use super::layout::{EdgeKind, Layout};
use super::path::PathMarks;

/// What one frame of the map may show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reveal {
    /// Everything: "Show the answers" is on, or the conversation shown
    /// has ended.
    pub answers: bool,
    /// The ratings of the learner's own choices, which the coach already
    /// gave after each one (off when feedback waits for the debrief).
    pub own_ratings: bool,
    /// Node and option ids: the author view.
    pub ids: bool,
}

impl Reveal {
    /// Whether what happens at node `node` may show: its lines, its
    /// ending, and its options' words. Nodes on the path show; the rest
    /// only with the answers.
    pub fn node(&self, marks: &PathMarks, node: usize) -> bool {
        self.answers || marks.on_path(node)
    }

    /// Whether the learner chose at `node` and moved on, so it is behind
    /// them; the current decision is not (even when a loop passed it).
    pub fn decided(marks: &PathMarks, node: usize) -> bool {
        marks.steps.get(node).is_some_and(|s| !s.is_empty()) && marks.current != Some(node)
    }

    /// Whether edge `edge`'s rating may show.
    pub fn rating(&self, layout: &Layout, marks: &PathMarks, edge: usize) -> bool {
        self.answers || self.own_ratings && marks.chosen(layout, edge)
    }

    /// The number an option edge is labelled with: as it was on screen
    /// where the learner chose; as written in the file only with the
    /// answers; none for the current decision and the nodes ahead while
    /// the answers are hidden, so no arrow can be matched to an option
    /// on screen.
    pub fn number(&self, layout: &Layout, marks: &PathMarks, edge: usize) -> Option<usize> {
        let e = layout.edges.get(edge)?;
        let EdgeKind::Option { index, .. } = e.kind else {
            return None;
        };
        let on_screen = marks.numbers.get(edge).copied().flatten();
        if self.answers {
            let stood = marks.steps.get(e.from).is_some_and(|s| !s.is_empty());
            return if stood { on_screen } else { Some(index + 1) };
        }
        if marks.current == Some(e.from) {
            return None;
        }
        on_screen
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::map::layout::{EdgeKind, MapEdge};
    use crate::app::state::map::{Bounds, Layout};
    use crate::scenario::Rating;

    fn layout() -> Layout {
        let edge = |from, index| MapEdge {
            from,
            to: 1,
            kind: EdgeKind::Option {
                index,
                rating: Rating::Best,
            },
            option_id: Some(format!("o{index}")),
            points: Vec::new(),
            back: false,
            self_loop: false,
            bounds: Bounds::EMPTY,
        };
        let mut layout = Layout::default();
        layout.edges = vec![edge(0, 0), edge(0, 1), edge(1, 0)];
        layout
    }

    fn marks() -> PathMarks {
        // Decision 1 at node 0 (option o1 chosen, shown second); now at
        // node 1, decision 2.
        PathMarks {
            steps: vec![vec![1], vec![2]],
            passed: vec![true, true],
            edges: vec![false, true, false],
            numbers: vec![Some(1), Some(2), Some(1)],
            current: Some(1),
            jumps: Vec::new(),
        }
    }

    #[test]
    fn hidden_answers_show_only_the_path_behind_the_learner() {
        let (layout, marks) = (layout(), marks());
        let hidden = Reveal {
            answers: false,
            own_ratings: true,
            ids: false,
        };
        assert!(
            hidden.rating(&layout, &marks, 1),
            "the learner's own choice"
        );
        assert!(!hidden.rating(&layout, &marks, 0), "an option not chosen");
        assert!(!hidden.rating(&layout, &marks, 2), "the current decision");
        assert_eq!(hidden.number(&layout, &marks, 1), Some(2), "as on screen");
        assert_eq!(hidden.number(&layout, &marks, 2), None, "the current one");
        assert!(Reveal::decided(&marks, 0));
        assert!(!Reveal::decided(&marks, 1));
        let quiet = Reveal {
            own_ratings: false,
            ..hidden
        };
        assert!(
            !quiet.rating(&layout, &marks, 1),
            "feedback only at the end"
        );
        let all = Reveal {
            answers: true,
            ..hidden
        };
        assert!((0..3).all(|e| all.rating(&layout, &marks, e)));
        assert_eq!(all.number(&layout, &marks, 2), Some(1));
    }
}
