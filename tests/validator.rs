//! Every validator message, each from a broken fixture file, at its place.

use std::path::Path;
use std::process::Command;

use attune::scenario::{Severity, load_bytes, load_file, load_str};

/// (fixture, code, line, col): where each broken file's problem is written.
const CASES: &[(&str, &str, usize, usize)] = &[
    ("syntax", "syntax", 15, 5),
    ("unknown-field", "unknown-field", 15, 5),
    ("missing-field", "missing-field", 26, 1),
    ("wrong-type", "wrong-type", 8, 19),
    ("unknown-variant", "unknown-variant", 21, 109),
    ("unknown-node", "unknown-node", 20, 134),
    ("unknown-start", "unknown-node", 14, 12),
    ("duplicate-id", "duplicate-id", 25, 14),
    ("duplicate-option", "duplicate-id", 21, 22),
    ("bad-withdraw-target", "bad-withdraw-target", 10, 18),
    ("unknown-layer", "unknown-layer", 18, 86),
    ("unreachable", "unreachable", 24, 14),
    ("dead-end", "dead-end", 24, 14),
    ("missing-why", "missing-why", 20, 148),
    ("missing-better", "missing-better", 21, 22),
    ("no-best-option", "no-best-option", 17, 17),
    ("missing-ending", "missing-ending", 15, 5),
    ("too-many-options", "too-many-options", 17, 17),
    ("empathy-range", "empathy-range", 21, 89),
    ("trust-range", "trust-range", 12, 14),
    ("floor-above-start", "floor-above-start", 9, 5),
    ("ending-has-options", "ending-has-options", 25, 14),
    ("no-lines", "no-lines", 24, 14),
    ("no-skills", "no-skills", 20, 52),
    ("empty-text", "empty-text", 20, 33),
    ("no-fallback-route", "no-fallback-route", 24, 14),
    ("route-cycle", "route-cycle", 24, 14),
    ("branch-mixed", "branch-mixed", 24, 14),
    ("empty", "empty", 1, 1),
    ("not-utf8", "not-utf8", 6, 26),
    ("binary", "not-utf8", 2, 118),
    ("empty-id", "empty-id", 21, 22),
    ("empty-line", "empty-text", 18, 28),
    ("bad-asset-name", "bad-asset-name", 7, 64),
];

#[test]
fn the_minimal_fixture_is_valid() {
    let loaded = load_file(Path::new("tests/fixtures/valid-minimal.ron"));
    assert!(!loaded.has_errors(), "{:#?}", loaded.diagnostics);
}

#[test]
fn each_message_names_the_line_and_column() {
    for &(file, code, line, col) in CASES {
        let path = format!("tests/fixtures/broken/{file}.ron");
        let loaded = load_file(Path::new(&path));
        assert!(
            loaded.scenario.is_none(),
            "{file}: a broken file yields no scenario"
        );
        let found = loaded
            .diagnostics
            .iter()
            .find(|d| d.code == code && d.severity == Severity::Error)
            .unwrap_or_else(|| panic!("{file}: no {code} error in {:#?}", loaded.diagnostics));
        assert_eq!((found.line, found.col), (line, col), "{file}: {found}");
        assert_eq!(found.path, path);
        assert!(
            found
                .to_string()
                .starts_with(&format!("{path}:{line}:{col}: error[{code}]: "))
        );
    }
}

#[test]
fn every_broken_fixture_is_covered_by_a_case() {
    for entry in std::fs::read_dir("tests/fixtures/broken").unwrap() {
        let name = entry
            .unwrap()
            .path()
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert!(CASES.iter().any(|c| c.0 == name), "{name}.ron has no case");
    }
}

#[test]
fn dangling_references_suggest_the_nearest_id() {
    let d = load_file(Path::new("tests/fixtures/broken/unknown-node.ron")).diagnostics;
    assert!(
        d.iter()
            .any(|d| d.message.contains("did you mean \"end_opened\""))
    );
    let d = load_file(Path::new("tests/fixtures/broken/unknown-layer.ron")).diagnostics;
    assert!(
        d.iter()
            .any(|d| d.message.contains("did you mean \"deep\""))
    );
}

#[test]
fn all_problems_are_collected_not_just_the_first() {
    let base = std::fs::read_to_string("tests/fixtures/valid-minimal.ron").unwrap();
    let text = base
        .replace("why: \"A reflection.\"", "why: \"\"")
        .replace("empathy: 2", "empathy: 9")
        .replace("goto: \"end_withdrew\", why", "goto: \"nowhere\", why");
    let codes: Vec<&str> = load_str("many.ron", &text)
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect();
    for code in ["missing-why", "empathy-range", "unknown-node"] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
}

#[test]
fn hostile_input_gives_an_error_not_a_panic() {
    let deep = format!("({}", "[".repeat(10_000));
    let long_line = format!("(id: \"{}\")", "x".repeat(1 << 20));
    let inputs: Vec<(&str, Vec<u8>)> = vec![
        ("whitespace", b"  \n\t ".to_vec()),
        ("nul bytes", vec![0; 4096]),
        ("deep", deep.into_bytes()),
        ("deep parens", "(".repeat(50_000).into_bytes()),
        ("long line", long_line.into_bytes()),
        ("unclosed string", b"(id: \"abc".to_vec()),
        ("unclosed comment", b"/* (id: \"abc\")".to_vec()),
        ("bom only", "\u{feff}".as_bytes().to_vec()),
        (
            "huge number",
            b"(initial_trust: 99999999999999999999999)".to_vec(),
        ),
    ];
    for (name, bytes) in inputs {
        let loaded = load_bytes(name, &bytes);
        assert!(loaded.has_errors(), "{name}");
        assert!(
            loaded.diagnostics.iter().all(|d| d.line >= 1 && d.col >= 1),
            "{name}"
        );
    }
}

#[test]
fn an_oversized_file_is_refused_with_the_limit_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(100 * 1024 * 1024).unwrap();
    let loaded = load_file(&path);
    let d = &loaded.diagnostics[0];
    assert_eq!(d.code, "too-large");
    let limit = attune::scenario::load::MAX_FILE_BYTES / (1024 * 1024);
    assert!(d.message.contains(&format!("{limit} MiB")), "{}", d.message);
}

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
