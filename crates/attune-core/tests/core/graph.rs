//! The diagrams behind `attune graph`: Graphviz parses the DOT text, and
//! both formats label with words and escape what they must. The command
//! itself is tested in tests/cli/graph.rs.

use std::path::Path;

use crate::load_file;
use attune_core::check::load_str;
use attune_core::scenario::Scenario;
use attune_core::scenario::diagram::{to_dot, to_mermaid};

use crate::graphviz::dot_to_svg;

/// A scenario whose texts are full of characters that need escaping.
fn awkward() -> Scenario {
    let text = std::fs::read_to_string(fixture!("stats.ron"))
        .unwrap()
        .replace(
            "Not much sleep.",
            r#"Not \"much\" sleep [really] {at all} | #1 <b> \\ ok"#,
        )
        .replace(
            "I did not sleep much.",
            r#"He said \"no\"; [later] {maybe}"#,
        );
    load_str("awkward.ron", &text)
        .scenario
        .expect("still valid")
}

#[test]
fn dot_labels_nodes_and_edges_with_words_not_only_colour() {
    let s = load_file(Path::new(fixture!("stats.ron")))
        .scenario
        .unwrap();
    let dot = to_dot(&s);
    assert!(dot.starts_with("digraph \"stats\" {"));
    // Node: id and the start of its first line.
    assert!(
        dot.contains("label=\"a (start)\\nI did not sleep much.\""),
        "{dot}"
    );
    // Edge: rating word and option text, and the rating's colour.
    assert!(
        dot.contains("n0 -> n1 [label=\"best: Not much sleep.\", color=\"#1b7a3a\""),
        "{dot}"
    );
    assert!(dot.contains("label=\"harmful: Everyone has long weeks.\""));
    // Routes are dashed and say when they are taken.
    assert!(dot.contains("label=\"trust ≥ 60\""));
    assert!(dot.contains("label=\"otherwise\""));
    // Long option text is shortened.
    assert!(dot.contains("best: A long week, and it is still…"), "{dot}");
    // Every option and route is one edge: 8 options + 2 routes.
    assert_eq!(dot.matches(" -> ").count(), 10);
}

#[test]
fn quotes_and_brackets_are_escaped_in_both_formats() {
    let s = awkward();
    let svg = dot_to_svg(&to_dot(&s));
    assert!(svg.contains("He said &quot;no&quot;"), "{svg}");

    let m = to_mermaid(&s);
    for line in m.lines().skip(1) {
        // Inside a quoted label nothing may close the shape early.
        let Some(start) = line.find('"') else {
            continue;
        };
        let end = line.rfind('"').unwrap();
        let label = &line[start + 1..end];
        for bad in ['"', '[', ']', '{', '}', '|', '<', '>'] {
            assert!(!label.contains(bad), "unescaped {bad} in {line}");
        }
    }
    assert!(
        m.contains("He said #quot;no#quot;; #91;later#93; #123;maybe#125;"),
        "{m}"
    );
}
