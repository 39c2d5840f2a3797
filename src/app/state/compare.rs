//! Two paths through one scenario, side by side. Trying again from a turn
//! keeps the path it branched from, so the debrief of the new path can
//! overlay both trust curves and list where they went different ways.

use crate::engine::Conversation;

/// The path the current one branched from, if any. Transient.
#[derive(Clone, Debug, Default)]
pub struct Branches {
    previous: Option<Conversation>,
}

impl Branches {
    /// Keeps `conversation` as the path to compare the next one with.
    pub fn keep(&mut self, conversation: &Conversation) {
        self.previous = Some(conversation.clone());
    }

    /// Forgets the kept path, e.g. when a fresh conversation starts.
    pub fn clear(&mut self) {
        self.previous = None;
    }

    pub fn previous(&self) -> Option<&Conversation> {
        self.previous.as_ref()
    }

    /// The kept path, when it is another path through the same telling of
    /// the same scenario as `current` (same seed) and differs from it.
    pub fn comparable(&self, current: &Conversation) -> Option<&Conversation> {
        self.previous.as_ref().filter(|p| {
            p.scenario_id == current.scenario_id
                && p.seed == current.seed
                && p.choices() != current.choices()
        })
    }
}

/// A turn at which two paths said different things. A path that stopped
/// earlier has nothing at that turn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Divergence {
    /// 1-based turn number.
    pub turn: usize,
    /// What the earlier path said, if it got as far as this turn.
    pub earlier: Option<String>,
    /// What the later path said, if it reached this turn.
    pub later: Option<String>,
}

/// Every turn, from the first difference on, where the two paths differ.
pub fn divergences(earlier: &Conversation, later: &Conversation) -> Vec<Divergence> {
    let (a, b) = (earlier.turns(), later.turns());
    let Some(first) = (0..a.len().max(b.len())).find(|&i| match (a.get(i), b.get(i)) {
        (Some(x), Some(y)) => x.node != y.node || x.choice != y.choice,
        _ => true,
    }) else {
        return Vec::new();
    };
    (first..a.len().max(b.len()))
        .filter_map(|i| {
            let (x, y) = (a.get(i), b.get(i));
            let same =
                matches!((x, y), (Some(x), Some(y)) if x.node == y.node && x.choice == y.choice);
            (!same).then(|| Divergence {
                turn: i + 1,
                earlier: x.map(|t| t.said.clone()),
                later: y.map(|t| t.said.clone()),
            })
        })
        .collect()
}
