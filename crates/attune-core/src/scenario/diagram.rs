//! The dialogue tree as a Graphviz DOT or Mermaid diagram, for
//! `attune graph`. Nodes show their id and the start of their first line;
//! each option is an edge labelled with its rating word and the start of
//! its text, and coloured by rating, so colour is never the only cue.

use std::fmt::Write;

use super::graph::{Graph, Via};
use super::model::{Condition, EndingKind, Node, Rating, Scenario};

/// Node labels show this many characters of the first line.
const NODE_TEXT: usize = 40;
/// Edge labels show this many characters of the option text.
const EDGE_TEXT: usize = 30;

/// Edge colour for a rating: greens for sound moves, amber, orange and red
/// for the rest. Dark enough to read on white.
pub fn rating_colour(r: Rating) -> &'static str {
    match r {
        Rating::Best => "#1b7a3a",
        Rating::Good => "#4a8f2a",
        Rating::Mixed => "#a86b00",
        Rating::Poor => "#c2410c",
        Rating::Harmful => "#b91c1c",
    }
}

/// The first `max` characters, with an ellipsis when cut, on one line.
fn short(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

fn node_text(n: &Node) -> String {
    if let Some(e) = &n.ending {
        let kind = match e.kind {
            EndingKind::OpenedUp => "ending, opened up",
            EndingKind::Guarded => "ending, guarded",
            EndingKind::Withdrew => "ending, withdrew",
        };
        return format!("{kind}: {}", short(&e.title, NODE_TEXT));
    }
    if n.is_branch() {
        return "branch".into();
    }
    n.lines
        .first()
        .map_or_else(String::new, |l| short(&l.text, NODE_TEXT))
}

fn condition_text(cs: &[Condition]) -> String {
    if cs.is_empty() {
        return "otherwise".into();
    }
    let parts: Vec<String> = cs
        .iter()
        .map(|c| match c {
            Condition::TrustAtLeast(t) => format!("trust ≥ {t}"),
            Condition::TrustBelow(t) => format!("trust < {t}"),
            Condition::LayerReached(l) => format!("layer {l}"),
            Condition::LayerNotReached(l) => format!("not layer {l}"),
            Condition::Disclosed(l) => format!("said {l}"),
            Condition::NotDisclosed(l) => format!("not said {l}"),
            Condition::Visited(n) => format!("visited {n}"),
            Condition::NotVisited(n) => format!("not visited {n}"),
        })
        .collect();
    parts.join(", ")
}

/// One edge of the diagram.
struct Edge {
    from: usize,
    to: usize,
    label: String,
    rating: Option<Rating>,
}

fn edges(s: &Scenario) -> Vec<Edge> {
    Graph::new(s)
        .edges
        .iter()
        .filter_map(|e| {
            let node = s.nodes.get(e.from)?;
            let (label, rating) = match e.via {
                Via::Option(i) => {
                    let o = node.options.get(i)?;
                    let label = format!("{}: {}", o.rating.label(), short(&o.text, EDGE_TEXT));
                    (label, Some(o.rating))
                }
                Via::Route(i) => (condition_text(&node.routes.get(i)?.when), None),
            };
            Some(Edge {
                from: e.from,
                to: e.to,
                label,
                rating,
            })
        })
        .collect()
}

/// Escapes text for a DOT double-quoted string, quotes included.
fn dot_quote(text: &str) -> String {
    format!("\"{}\"", dot_escape(text))
}

/// Escapes text for the inside of a DOT double-quoted string.
fn dot_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Graphviz DOT, for `dot -Tsvg`.
pub fn to_dot(s: &Scenario) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph {} {{", dot_quote(&s.id));
    let _ = writeln!(
        out,
        "  graph [rankdir=TB, label={}, labelloc=t, fontname=\"sans-serif\"];",
        dot_quote(&s.title)
    );
    let _ = writeln!(
        out,
        "  node [shape=box, style=rounded, fontname=\"sans-serif\", fontsize=10];"
    );
    let _ = writeln!(out, "  edge [fontname=\"sans-serif\", fontsize=9];");
    for (i, n) in s.nodes.iter().enumerate() {
        let shape = match (&n.ending, n.is_branch()) {
            (Some(_), _) => ", shape=box, style=\"rounded,bold\", peripheries=2",
            (None, true) => ", shape=diamond, style=solid",
            _ => "",
        };
        let start = if n.id == s.start { " (start)" } else { "" };
        // DOT reads `\n` in a label as a line break.
        let label = format!(
            "\"{}{start}\\n{}\"",
            dot_escape(&n.id),
            dot_escape(&node_text(n))
        );
        let _ = writeln!(out, "  n{i} [label={label}{shape}];");
    }
    for e in edges(s) {
        let style = match e.rating {
            Some(r) => format!("color=\"{0}\", fontcolor=\"{0}\"", rating_colour(r)),
            None => "color=\"#555555\", fontcolor=\"#555555\", style=dashed".into(),
        };
        let _ = writeln!(
            out,
            "  n{} -> n{} [label={}, {style}];",
            e.from,
            e.to,
            dot_quote(&e.label)
        );
    }
    out.push_str("}\n");
    out
}

/// Escapes text for a Mermaid quoted label: quotes and the characters
/// Mermaid treats as markup become entity codes.
fn mermaid_quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '|' => out.push_str("#124;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '[' => out.push_str("#91;"),
            ']' => out.push_str("#93;"),
            '{' => out.push_str("#123;"),
            '}' => out.push_str("#125;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A Mermaid flowchart, for Markdown viewers that render Mermaid.
pub fn to_mermaid(s: &Scenario) -> String {
    let mut out = String::from("flowchart TD\n");
    for (i, n) in s.nodes.iter().enumerate() {
        let start = if n.id == s.start { " (start)" } else { "" };
        let label = mermaid_quote(&format!("{}{start}: {}", n.id, node_text(n)));
        let _ = match (&n.ending, n.is_branch()) {
            (Some(_), _) => writeln!(out, "    n{i}([{label}])"),
            (None, true) => writeln!(out, "    n{i}{{{label}}}"),
            _ => writeln!(out, "    n{i}[{label}]"),
        };
    }
    let edges = edges(s);
    for e in &edges {
        let arrow = if e.rating.is_some() { "-->" } else { "-.->" };
        let _ = writeln!(
            out,
            "    n{} {arrow}|{}| n{}",
            e.from,
            mermaid_quote(&e.label),
            e.to
        );
    }
    for (k, e) in edges.iter().enumerate() {
        if let Some(r) = e.rating {
            let _ = writeln!(
                out,
                "    linkStyle {k} stroke:{},color:{}",
                rating_colour(r),
                rating_colour(r)
            );
        }
    }
    out
}
