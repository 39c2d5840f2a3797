//! The route one conversation took, matched against the map.

use super::layout::{EdgeKind, Layout};
use crate::engine::Conversation;

/// The nodes a conversation passed, in order, and the options chosen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MapPath {
    /// Every node passed, branches included, ending with where the
    /// conversation stands now.
    pub nodes: Vec<String>,
    /// `(node, option)` for each choice made.
    pub choices: Vec<(String, String)>,
}

impl MapPath {
    /// The path of a conversation so far.
    pub fn of(conversation: &Conversation) -> Self {
        let current = conversation.current();
        let mut nodes = conversation.visited().to_vec();
        nodes.push(current.node.clone());
        let choices = conversation
            .turns()
            .iter()
            .map(|t| (t.node.clone(), t.choice.clone()))
            .collect();
        MapPath { nodes, choices }
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }
}

/// A path laid over a layout: what the view highlights.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PathMarks {
    /// The 1-based steps at which each node was visited; empty when never.
    pub steps: Vec<Vec<usize>>,
    /// Whether each edge was taken.
    pub edges: Vec<bool>,
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
            edges: vec![false; layout.edges.len()],
            current: None,
            jumps: Vec::new(),
        };
        let indices: Vec<Option<usize>> =
            path.nodes.iter().map(|id| layout.node_index(id)).collect();
        for (step, index) in indices.iter().enumerate() {
            if let Some(i) = index {
                marks.steps[*i].push(step + 1);
            }
        }
        marks.current = indices.last().copied().flatten();
        for (node, choice) in &path.choices {
            let Some(from) = layout.node_index(node) else {
                continue;
            };
            let Some(option) = layout.edges.iter().position(|e| {
                e.from == from
                    && matches!(e.kind, EdgeKind::Option { .. })
                    && e.option_id.as_deref() == Some(choice.as_str())
            }) else {
                continue;
            };
            marks.edges[option] = true;
        }
        for pair in indices.windows(2) {
            let (Some(a), Some(b)) = (pair[0], pair[1]) else {
                continue;
            };
            let joined = layout.outgoing[a].iter().any(|&e| {
                layout.edges[e].to == b
                    && (marks.edges[e] || matches!(layout.edges[e].kind, EdgeKind::Route { .. }))
            });
            if joined {
                for &e in &layout.outgoing[a] {
                    if layout.edges[e].to == b
                        && matches!(layout.edges[e].kind, EdgeKind::Route { .. })
                    {
                        marks.edges[e] = true;
                    }
                }
            } else {
                marks.jumps.push((a, b));
            }
        }
        marks
    }

    pub fn on_path(&self, node: usize) -> bool {
        self.steps.get(node).is_some_and(|s| !s.is_empty())
    }
}
