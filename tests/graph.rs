//! `attune graph`: Graphviz parses the DOT output, and the Mermaid output
//! has the shape Mermaid expects.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use attune::scenario::diagram::{to_dot, to_mermaid};
use attune::scenario::{Scenario, load_file, load_str};

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

/// Runs Graphviz on DOT text and returns the SVG.
fn dot_to_svg(dot: &str) -> String {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("Graphviz `dot` is installed (apt package graphviz; .ci/run installs it)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(dot.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "dot failed: {stderr}\n{dot}");
    assert!(
        !stderr.contains("syntax error") && !stderr.contains("Error"),
        "{stderr}"
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A scenario whose texts are full of characters that need escaping.
fn awkward() -> Scenario {
    let text = std::fs::read_to_string("tests/fixtures/stats.ron")
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
fn every_shipped_scenario_renders_with_graphviz() {
    for id in [
        "relapse",
        "tutorial",
        "im_fine",
        "job_loss",
        "not_okay",
        "running_on_empty",
        "tell_me_what_to_do",
        "the_label",
    ] {
        let dot = graph(&[id, "--format", "dot"]);
        let svg = dot_to_svg(&dot);
        assert!(svg.contains("<svg"), "{id}");
    }
}

#[test]
fn dot_labels_nodes_and_edges_with_words_not_only_colour() {
    let s = load_file(Path::new("tests/fixtures/stats.ron"))
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
