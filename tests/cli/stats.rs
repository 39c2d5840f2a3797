//! `attune stats` as a user runs it, on the small scenario whose figures
//! are counted by hand in tests/core/stats.rs.

use std::process::Command;

const FIXTURE: &str = "tests/fixtures/stats.ron";

#[test]
fn the_command_prints_text_and_json() {
    let out = Command::new(env!("CARGO_BIN_EXE_attune"))
        .args(["stats", FIXTURE])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("3 decisions, 8 options, 3 endings"), "{text}");
    assert!(
        text.contains("shortest 1 decision, longest 3 decisions"),
        "{text}"
    );
    assert!(text.contains("distinct paths: 10"), "{text}");
    assert!(text.contains("1 of 3 decisions (33%"), "{text}");

    let out = Command::new(env!("CARGO_BIN_EXE_attune"))
        .args(["stats", FIXTURE, "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["decisions"], 3);
    assert_eq!(v["words"], 71);
    assert_eq!(v["paths"]["count"], 10);
    assert_eq!(v["answer_tells"]["long_options"], 1);
}

#[test]
fn stats_on_an_unknown_scenario_fails_with_a_message() {
    let out = Command::new(env!("CARGO_BIN_EXE_attune"))
        .args(["stats", "no_such_scenario"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no scenario or file named"));
}
