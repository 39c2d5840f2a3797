//! The route one conversation took, matched against the map.
//!
//! The path is counted the way the learner met it: decision 1 is where
//! the talk started, decision 2 the next place the learner chose, and so
//! on; branches are passed through without a number, and the ending has
//! none. Options are numbered as they were on screen (the engine shuffles
//! them), not as they are written in the file.

use super::layout::{EdgeKind, Layout};
use crate::engine::Conversation;

/// One place the learner stood: a decision, or the ending.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stand {
    pub node: String,
    /// The options on screen there, in the order they were shown.
    pub order: Vec<String>,
    /// What the peer said there.
    pub line: String,
    /// The option chosen there; `None` where the learner stands now.
    pub choice: Option<String>,
}

/// The nodes a conversation passed, in order, and where it stood.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MapPath {
    /// Every node passed, branches included, ending with where the
    /// conversation stands now.
    pub nodes: Vec<String>,
    /// Each place the learner stood, in order; the last is where the
    /// conversation is now.
    pub stands: Vec<Stand>,
}

impl MapPath {
    /// The path of a conversation so far.
    pub fn of(conversation: &Conversation) -> Self {
        let current = conversation.current();
        let mut nodes = conversation.visited().to_vec();
        nodes.push(current.node.clone());
        let turns = conversation.turns();
        let stands = conversation
            .steps()
            .iter()
            .enumerate()
            .map(|(i, step)| Stand {
                node: step.node.clone(),
                order: step.order.clone(),
                line: step.line.clone(),
                choice: turns.get(i).map(|t| t.choice.clone()),
            })
            .collect();
        MapPath { nodes, stands }
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// How many choices the learner has made.
    pub fn choices(&self) -> usize {
        self.stands.iter().filter(|s| s.choice.is_some()).count()
    }
}

/// A path laid over a layout: what the view highlights.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PathMarks {
    /// The decision numbers (1-based, as the learner met them) at which
    /// the learner stood at each node; empty for branches, endings and
    /// nodes never reached.
    pub steps: Vec<Vec<usize>>,
    /// Whether the path passed each node, branches and endings included.
    pub passed: Vec<bool>,
    /// Whether each edge was taken.
    pub edges: Vec<bool>,
    /// Each option edge's number as it was on screen the last time the
    /// learner stood at its node; `None` elsewhere, and for an option
    /// that was not on offer then.
    pub numbers: Vec<Option<usize>>,
    /// Where the conversation stands now.
    pub current: Option<usize>,
    /// Moves between consecutive path nodes that no edge shows: the peer
    /// withdrawing when trust fell below the floor.
    pub jumps: Vec<(usize, usize)>,
}

impl PathMarks {
    pub fn new(layout: &Layout, path: &MapPath) -> Self {
        let mut marks = PathMarks {
            steps: vec![Vec::new(); layout.nodes.len()],
            passed: vec![false; layout.nodes.len()],
            edges: vec![false; layout.edges.len()],
            numbers: vec![None; layout.edges.len()],
            current: None,
            jumps: Vec::new(),
        };
        let indices: Vec<Option<usize>> =
            path.nodes.iter().map(|id| layout.node_index(id)).collect();
        for i in indices.iter().flatten() {
            marks.passed[*i] = true;
        }
        marks.current = indices.last().copied().flatten();
        marks.mark_stands(layout, path);
        marks.mark_routes(layout, &indices);
        marks
    }

    /// Decision numbers, on-screen option numbers and chosen options.
    fn mark_stands(&mut self, layout: &Layout, path: &MapPath) {
        for (n, stand) in path.stands.iter().enumerate() {
            let Some(from) = layout.node_index(&stand.node) else {
                continue;
            };
            if matches!(
                layout.nodes[from].kind,
                super::layout::NodeKind::Decision { .. }
            ) {
                self.steps[from].push(n + 1);
            }
            for &e in &layout.outgoing[from] {
                let edge = &layout.edges[e];
                if !matches!(edge.kind, EdgeKind::Option { .. }) {
                    continue;
                }
                let id = edge.option_id.as_deref();
                self.numbers[e] = stand
                    .order
                    .iter()
                    .position(|o| Some(o.as_str()) == id)
                    .map(|p| p + 1);
                if stand.choice.is_some() && stand.choice.as_deref() == id {
                    self.edges[e] = true;
                }
            }
        }
    }

    /// The routes the path followed, and the jumps no edge shows.
    fn mark_routes(&mut self, layout: &Layout, indices: &[Option<usize>]) {
        for pair in indices.windows(2) {
            let (Some(a), Some(b)) = (pair[0], pair[1]) else {
                continue;
            };
            let joined = layout.outgoing[a].iter().any(|&e| {
                layout.edges[e].to == b
                    && (self.edges[e] || matches!(layout.edges[e].kind, EdgeKind::Route { .. }))
            });
            if joined {
                for &e in &layout.outgoing[a] {
                    if layout.edges[e].to == b
                        && matches!(layout.edges[e].kind, EdgeKind::Route { .. })
                    {
                        self.edges[e] = true;
                    }
                }
            } else {
                self.jumps.push((a, b));
            }
        }
    }

    pub fn on_path(&self, node: usize) -> bool {
        self.passed.get(node).copied().unwrap_or(false)
    }

    /// Whether the learner chose this option edge.
    pub fn chosen(&self, layout: &Layout, edge: usize) -> bool {
        self.edges.get(edge).copied().unwrap_or(false)
            && matches!(
                layout.edges.get(edge).map(|e| e.kind),
                Some(EdgeKind::Option { .. })
            )
    }

    /// The decision number the learner is at now, if the conversation
    /// stands at a decision.
    pub fn current_decision(&self) -> Option<usize> {
        self.current
            .and_then(|c| self.steps.get(c))
            .and_then(|s| s.last().copied())
    }
}
