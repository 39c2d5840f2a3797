//! `attune check` on the broken fixtures: every validator message at its
//! place, as text and as JSON, and the exit codes. The messages themselves
//! are tested in tests/core/validator.rs.

use std::process::Command;

use crate::broken_cases::{CASES, WARNING_CASES};

#[test]
fn check_on_a_folder_of_broken_files_names_each_and_exits_1() {
    let out = Command::new(env!("CARGO_BIN_EXE_attune"))
        .args(["check", "tests/fixtures/broken"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    for &(file, code, line, col) in CASES {
        let want = format!("tests/fixtures/broken/{file}.ron:{line}:{col}: error[{code}]");
        assert!(stdout.contains(&want), "missing {want}");
    }
    for &(file, code, line, col) in WARNING_CASES {
        let want = format!("tests/fixtures/broken/{file}.ron:{line}:{col}: warning[{code}]");
        assert!(stdout.contains(&want), "missing {want}");
    }
    assert!(stdout.contains("  = hint: "), "hints are printed");
    assert!(
        stdout
            .lines()
            .any(|l| l.trim_start().starts_with('|') || l.contains(" | ")),
        "source lines are quoted"
    );
}

#[test]
fn check_json_lists_the_same_diagnostics() {
    let out = Command::new(env!("CARGO_BIN_EXE_attune"))
        .args([
            "check",
            "--format",
            "json",
            "tests/fixtures/broken/unknown-node.ron",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &v["files"][0]["diagnostics"][0];
    assert_eq!(d["code"], "unknown-node");
    assert_eq!(d["line"], 20);
    assert_eq!(d["col"], 134);
    assert_eq!(d["severity"], "error");
    assert!(v["errors"].as_u64().unwrap() >= 1);
}

#[test]
fn check_on_a_valid_file_exits_0() {
    let out = Command::new(env!("CARGO_BIN_EXE_attune"))
        .args(["check", "tests/fixtures/engine.ron"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// A folder with the app fixture and a follow-up of it that names `ending`.
fn folder_with_follow_up(ending: &str) -> tempfile::TempDir {
    let parent = include_str!("../app_support/dialogues/kitchen_table.ron");
    let next = parent
        .replace("id: \"kitchen_table\"", "id: \"kitchen_table_next\"")
        .replace(
            "start: \"letter\",",
            &format!(
                "start: \"letter\",\n    follows: (scenario: \"kitchen_table\", ending: \"{ending}\"),"
            ),
        );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("kitchen_table.ron"), parent).unwrap();
    std::fs::write(dir.path().join("next.ron"), next).unwrap();
    dir
}

#[test]
fn check_on_a_folder_reports_a_follow_up_of_a_node_that_is_no_ending() {
    let dir = folder_with_follow_up("behind");
    let out = Command::new(env!("CARGO_BIN_EXE_attune"))
        .arg("check")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let want = format!(
        "{}:27:42: error[follows-not-an-ending]",
        dir.path().join("next.ron").display()
    );
    assert!(stdout.contains(&want), "missing {want} in\n{stdout}");
    // The same file alone checks its own shape only.
    let alone = Command::new(env!("CARGO_BIN_EXE_attune"))
        .arg("check")
        .arg(dir.path().join("next.ron"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&alone.stdout);
    assert!(!stdout.contains("follows-"), "{stdout}");
    assert_eq!(alone.status.code(), Some(0), "{stdout}");
}

#[test]
fn check_on_a_folder_accepts_a_follow_up_of_an_ending() {
    let dir = folder_with_follow_up("end_withdrew");
    let out = Command::new(env!("CARGO_BIN_EXE_attune"))
        .arg("check")
        .arg(dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains("follows-"), "{stdout}");
    assert_eq!(out.status.code(), Some(0), "{stdout}");
}
