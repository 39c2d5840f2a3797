//! The map in words: the names of nodes (ids only in the author view),
//! what a screen reader says of a node, and the labels and hover texts
//! of edges, each saying only what may be revealed.

use super::sight::Sight;
use crate::app::state::map::layout::{EdgeKind, Layout, MapEdge, MapNode, NodeKind};
use crate::app::state::map::path::PathMarks;
use crate::app::state::map::reveal::Reveal;
use crate::scenario::Scenario;
use crate::text::count;

/// A node's first line is cut to this many characters for its name.
const NAME_CHARS: usize = 48;

/// A node's name: its id in the author view; otherwise "Decision 3" on
/// the path, the ending's title, or the node's first line, as far as
/// they may be revealed.
pub(crate) fn node_name(
    node: &MapNode,
    scenario: &Scenario,
    marks: &PathMarks,
    reveal: Reveal,
    index: usize,
) -> String {
    if reveal.ids {
        return node.id.clone();
    }
    let shown = reveal.node(marks, index);
    let authored = scenario.node(&node.id);
    if let NodeKind::Ending(_) = node.kind {
        return match authored.and_then(|n| n.ending.as_ref()) {
            Some(ending) if shown => ending.title.clone(),
            _ => "An ending".to_string(),
        };
    }
    if let Some(steps) = marks.steps.get(index).filter(|s| !s.is_empty()) {
        let steps: Vec<String> = steps.iter().map(usize::to_string).collect();
        return format!("Decision {}", steps.join(" and "));
    }
    if let NodeKind::Branch { .. } = node.kind {
        return "A branch".to_string();
    }
    match authored.and_then(|n| n.lines.first()) {
        Some(line) if shown => quoted_start(&line.text),
        _ => "A decision".to_string(),
    }
}

/// The start of a line, in quotes, cut at a word.
fn quoted_start(text: &str) -> String {
    if text.chars().count() <= NAME_CHARS {
        return format!("\u{201c}{text}\u{201d}");
    }
    let cut: String = text.chars().take(NAME_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("\u{201c}{cut}\u{2026}\u{201d}")
}

/// The label a screen reader gives a node; tests find nodes by it.
pub(super) fn node_label(node: &MapNode, sight: &Sight, index: usize) -> String {
    let marks = &sight.marks;
    let mut label = format!(
        "Node {}: {}",
        sight.name(index),
        kind_words(node, sight.shown(index))
    );
    if !node.reachable && !node.is_withdrawal {
        label.push_str(", unreachable");
    }
    if let Some(steps) = marks.steps.get(index).filter(|s| !s.is_empty()) {
        let steps: Vec<String> = steps.iter().map(usize::to_string).collect();
        label.push_str(&format!(
            ", on your path at decision {}",
            steps.join(" and ")
        ));
    } else if marks.on_path(index) {
        label.push_str(", on your path");
    }
    if marks.current == Some(index) {
        label.push_str(", where the conversation is now");
    }
    label
}

/// What kind of node this is, in words; an ending's kind only when it
/// may be `shown`.
pub(crate) fn kind_words(node: &MapNode, shown: bool) -> String {
    let start = if node.is_start { "start, " } else { "" };
    match node.kind {
        NodeKind::Decision { options } => {
            format!("{start}decision with {}", count(options, "option"))
        }
        NodeKind::Branch { routes } => format!("{start}branch with {}", count(routes, "route")),
        NodeKind::Ending(_) if !shown => format!("{start}ending, not reached yet"),
        NodeKind::Ending(kind) if node.is_withdrawal => {
            format!("{start}ending, {} (when trust runs out)", kind.label())
        }
        NodeKind::Ending(kind) => format!("{start}ending, {}", kind.label()),
    }
}

/// An edge's label: "2 · best · your choice" as far as it may be shown,
/// "route 1" for a branch's route; empty when nothing may be said.
pub(super) fn edge_words(layout: &Layout, sight: &Sight, e: usize) -> String {
    let edge = &layout.edges[e];
    match edge.kind {
        EdgeKind::Option { rating, .. } => {
            let mut parts = Vec::new();
            if let Some(n) = sight.reveal.number(layout, &sight.marks, e) {
                parts.push(n.to_string());
            }
            if sight.reveal.rating(layout, &sight.marks, e) {
                parts.push(rating.label().to_string());
            }
            if sight.marks.chosen(layout, e) {
                parts.push("your choice".to_string());
            }
            parts.join(" \u{00B7} ")
        }
        EdgeKind::Route { index } => format!("route {}", index + 1),
    }
}

/// What hovering an edge says: the option, its rating and where it
/// leads, as far as each may be shown.
pub(super) fn edge_hover_text(
    edge_index: usize,
    layout: &Layout,
    scenario: &Scenario,
    sight: &Sight,
) -> String {
    let edge: &MapEdge = &layout.edges[edge_index];
    let (from, to) = (sight.name(edge.from), sight.name(edge.to));
    let (reveal, marks) = (sight.reveal, &sight.marks);
    match edge.kind {
        EdgeKind::Option { index, rating } => {
            if !reveal.answers && marks.current == Some(edge.from) {
                return "One of the options on screen now. Which one, and its rating, stay hidden \
                        until the end, unless the answers are shown."
                    .to_string();
            }
            if !reveal.answers && !Reveal::decided(marks, edge.from) {
                return "An option further on: it stays hidden until the end, unless the \
                        answers are shown."
                    .to_string();
            }
            let text = scenario
                .node(&layout.nodes[edge.from].id)
                .and_then(|n| n.options.get(index))
                .map_or_else(String::new, |o| format!("\n\u{201c}{}\u{201d}", o.text));
            let what = match reveal.number(layout, marks, edge_index) {
                Some(n) => format!("Option {n} at {from}"),
                None => format!("An option not on offer at {from}"),
            };
            let rated = if reveal.rating(layout, marks, edge_index) {
                format!(", rated {}", rating.label())
            } else {
                String::new()
            };
            let yours = if marks.chosen(layout, edge_index) {
                ", your choice"
            } else {
                ""
            };
            format!("{what}{yours}{rated}, leads to {to}.{text}")
        }
        EdgeKind::Route { index } => {
            format!("Route {} of {from}, leads to {to}.", index + 1)
        }
    }
}
