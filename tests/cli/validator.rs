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
