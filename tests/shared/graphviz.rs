//! Graphviz, for the tests of `attune graph` and of the DOT text behind it.
//! Shared by the `core` and `cli` test binaries, which include this file by
//! path.

use std::io::Write;
use std::process::{Command, Stdio};

/// Runs Graphviz on DOT text and returns the SVG.
pub fn dot_to_svg(dot: &str) -> String {
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
