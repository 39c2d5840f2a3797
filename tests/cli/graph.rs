//! `attune graph`: Graphviz parses the DOT output of every shipped
//! scenario, the Mermaid output has the shape Mermaid expects, and a broken
//! file fails. The DOT and Mermaid text itself is tested in
//! tests/core/graph.rs.

use std::process::Command;

use crate::graphviz::dot_to_svg;

fn graph(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_attune"))
        .arg("graph")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_shipped_scenario_renders_with_graphviz() {
    // Every shipped scenario, so a new one is covered without a list to keep.
    let library = attune::library::Library::shipped();
    let ids: Vec<&str> = library.scenarios().map(|s| s.id.as_str()).collect();
    assert!(ids.len() > 10, "{ids:?}");
    for id in ids {
        let dot = graph(&[id, "--format", "dot"]);
        let svg = dot_to_svg(&dot);
        assert!(svg.contains("<svg"), "{id}");
    }
}

#[test]
fn mermaid_has_a_header_nodes_edges_and_rating_styles() {
    let m = graph(&["tests/fixtures/stats.ron", "--format", "mermaid"]);
    let mut lines = m.lines();
    assert_eq!(lines.next(), Some("flowchart TD"));
    let body: Vec<&str> = lines.collect();
    let node = |l: &&str| -> bool {
        let l = l.trim();
        l.starts_with('n')
            && !l.contains("--")
            && (l.ends_with("\"]") || l.ends_with("\"])") || l.ends_with("\"}"))
    };
    let edge = |l: &&str| -> bool {
        let l = l.trim();
        let mut parts = l.split_whitespace();
        let from = parts.next().unwrap_or("");
        let arrow = parts.next().unwrap_or("");
        from.starts_with('n')
            && (arrow.starts_with("-->|\"") || arrow.starts_with("-.->|\""))
            && l.rsplit(' ').next().is_some_and(|to| to.starts_with('n'))
    };
    assert_eq!(body.iter().filter(|l| node(l)).count(), 7, "{m}");
    assert_eq!(body.iter().filter(|l| edge(l)).count(), 10, "{m}");
    // Endings are stadium shapes, branches diamonds.
    assert!(
        m.contains("n6([\"end_withdrew: ending, withdrew: Sam leaves\"])"),
        "{m}"
    );
    assert!(m.contains("n3{\"route: branch\"}"), "{m}");
    // Every option edge carries its rating word and colour.
    assert!(m.contains("n0 -->|\"best: Not much sleep.\"| n1"), "{m}");
    let styles = body
        .iter()
        .filter(|l| l.trim().starts_with("linkStyle "))
        .count();
    assert_eq!(styles, 8, "one style per option edge");
    assert!(m.contains("stroke:#b91c1c"), "harmful is red");
    // Every line is either a node, an edge or a style: nothing stray.
    for l in &body {
        assert!(
            node(l) || edge(l) || l.trim().starts_with("linkStyle "),
            "stray line {l}"
        );
    }
}

#[test]
fn graph_of_a_broken_file_fails_with_its_errors() {
    let out = Command::new(env!("CARGO_BIN_EXE_attune"))
        .args(["graph", "tests/fixtures/broken/dead-end.ron"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("error[dead-end]"));
}
