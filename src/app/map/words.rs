//! The map in words: what a screen reader says of a node, and the labels
//! and hover texts of edges.

use crate::app::state::map::layout::{EdgeKind, Layout, MapEdge, MapNode, NodeKind};
use crate::app::state::map::path::PathMarks;
use crate::scenario::Scenario;
use crate::text::count;

/// The label a screen reader gives a node; tests find nodes by it.
pub(crate) fn node_label(node: &MapNode, marks: &PathMarks, index: usize) -> String {
    let mut label = format!("Node {}: {}", node.id, kind_words(node));
    if !node.reachable {
        label.push_str(", unreachable");
    }
    if let Some(steps) = marks.steps.get(index).filter(|s| !s.is_empty()) {
        let steps: Vec<String> = steps.iter().map(usize::to_string).collect();
        label.push_str(&format!(", on your path at step {}", steps.join(" and ")));
    }
    if marks.current == Some(index) {
        label.push_str(", where the conversation is now");
    }
    label
}

/// What kind of node this is, in words.
pub(crate) fn kind_words(node: &MapNode) -> String {
    let start = if node.is_start { "start, " } else { "" };
    match node.kind {
        NodeKind::Decision { options } => {
            format!("{start}decision with {}", count(options, "option"))
        }
        NodeKind::Branch { routes } => format!("{start}branch with {}", count(routes, "route")),
        NodeKind::Ending(kind) if node.is_withdrawal => {
            format!("{start}ending, {} (when trust runs out)", kind.label())
        }
        NodeKind::Ending(kind) => format!("{start}ending, {}", kind.label()),
    }
}

/// "2 · best" for the second option, "route 1" for a branch's route.
pub(super) fn edge_words(edge: &MapEdge) -> String {
    match edge.kind {
        EdgeKind::Option { index, rating } => format!("{} \u{00B7} {}", index + 1, rating.label()),
        EdgeKind::Route { index } => format!("route {}", index + 1),
    }
}

pub(super) fn edge_hover_text(edge: &MapEdge, layout: &Layout, scenario: &Scenario) -> String {
    let from = &layout.nodes[edge.from].id;
    let to = &layout.nodes[edge.to].id;
    let node = scenario.node(from);
    match edge.kind {
        EdgeKind::Option { index, rating } => {
            let text = node
                .and_then(|n| n.options.get(index))
                .map_or_else(String::new, |o| format!("\n\u{201c}{}\u{201d}", o.text));
            format!(
                "Option {} at {from}, rated {}, leads to {to}.{text}",
                index + 1,
                rating.label()
            )
        }
        EdgeKind::Route { index } => {
            format!("Route {} of branch {from}, leads to {to}.", index + 1)
        }
    }
}
