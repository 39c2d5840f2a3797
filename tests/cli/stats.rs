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

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_attune"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn library_stats_show_the_guesser_and_the_lints_across_scenarios() {
    let out = run(&["stats", "--library"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Word-based guesser"), "{text}");
    assert!(text.contains("whole library"), "{text}");
    assert!(text.contains("(at most 40% allowed)"), "{text}");

    // The three fixture scenarios share a trap; user folders join the library.
    let out = run(&[
        "--dialogues",
        "tests/fixtures/across",
        "stats",
        "--library",
        "--format",
        "json",
    ]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["guesser"]["limit_percent"], 40.0);
    let rows = v["guesser"]["scenarios"].as_array().unwrap();
    assert!(rows.iter().any(|r| r["id"] == "across_two"), "{rows:?}");
    let traps: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "repeated-trap")
        .filter_map(|d| d["path"].as_str())
        .collect();
    assert!(
        traps.iter().any(|p| p.ends_with("2-two.ron")),
        "the trap is placed in the user's file: {traps:?}"
    );

    // A scenario and --library together make no sense.
    assert!(!run(&["stats", "tutorial", "--library"]).status.success());
}

#[test]
fn checking_several_files_adds_the_lints_across_them() {
    let out = run(&["check", "tests/fixtures/across"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.matches("warning[repeated-trap]").count(), 3, "{text}");
    assert!(
        text.contains("2-two.ron:21:32: warning[repeated-trap]"),
        "{text}"
    );
    // One file alone has nothing to compare with.
    let out = run(&["check", "tests/fixtures/across/1-one.ron"]);
    assert!(!String::from_utf8_lossy(&out.stdout).contains("repeated-trap"));
}
