//! Every validator message, each from a broken fixture file, at its place.
//! `attune check`, which prints them, is tested in tests/cli/validator.rs.

use std::path::Path;

use crate::load_file;
use attune_core::check::{load_bytes, load_str};
use attune_core::scenario::Severity;

use crate::broken_cases::{CASES, WARNING_CASES};

#[test]
fn the_minimal_fixture_is_valid() {
    let loaded = load_file(Path::new(fixture!("valid-minimal.ron")));
    assert!(!loaded.has_errors(), "{:#?}", loaded.diagnostics);
}

#[test]
fn each_message_names_the_line_and_column() {
    for &(file, code, line, col) in CASES {
        let path = format!("{}{file}.ron", fixture!("broken/"));
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
fn each_warning_names_the_line_and_column() {
    for &(file, code, line, col) in WARNING_CASES {
        let path = format!("{}{file}.ron", fixture!("broken/"));
        let loaded = load_file(Path::new(&path));
        assert!(
            !loaded.has_errors(),
            "{file}: only warnings: {:#?}",
            loaded.diagnostics
        );
        let found = loaded
            .diagnostics
            .iter()
            .find(|d| d.code == code)
            .unwrap_or_else(|| panic!("{file}: no {code} warning in {:#?}", loaded.diagnostics));
        assert_eq!(found.severity, Severity::Warning, "{file}");
        assert_eq!((found.line, found.col), (line, col), "{file}: {found}");
        assert!(found.hint.is_some(), "{file}: a hint says how to fix it");
        assert!(
            found
                .to_string()
                .starts_with(&format!("{path}:{line}:{col}: warning[{code}]: "))
        );
    }
}

/// A syntax slip is named in the author's terms, with its fix, instead of
/// ron's "Expected identifier" or "Expected opening `(` for struct".
#[test]
fn syntax_slips_are_named_with_their_fix() {
    let cases = [
        ("syntax-missing-paren", "`)`", "),"),
        ("syntax-missing-bracket", "`]`", "`options` list"),
        ("syntax-inner-quote", "inside this text", "\\\""),
        ("syntax-curly-quotes", "curly quote", "straight quotes"),
    ];
    for (file, in_message, in_hint) in cases {
        let path = format!("{}{file}.ron", fixture!("broken/"));
        let loaded = load_file(Path::new(&path));
        let d = &loaded.diagnostics[0];
        assert!(d.message.contains(in_message), "{file}: {d}");
        assert!(!d.message.contains("Expected"), "{file}: {d}");
        let hint = d.hint.as_deref().unwrap_or_default();
        assert!(hint.contains(in_hint), "{file}: {hint}");
    }
}

#[test]
fn every_broken_fixture_is_covered_by_a_case() {
    for entry in std::fs::read_dir(fixture!("broken")).unwrap() {
        let name = entry
            .unwrap()
            .path()
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert!(
            CASES.iter().chain(WARNING_CASES).any(|c| c.0 == name),
            "{name}.ron has no case"
        );
    }
}

#[test]
fn dangling_references_suggest_the_nearest_id() {
    let d = load_file(Path::new(fixture!("broken/unknown-node.ron"))).diagnostics;
    assert!(
        d.iter()
            .any(|d| d.message.contains("did you mean \"end_opened\""))
    );
    let d = load_file(Path::new(fixture!("broken/unknown-layer.ron"))).diagnostics;
    assert!(
        d.iter()
            .any(|d| d.message.contains("did you mean \"deep\""))
    );
}

#[test]
fn all_problems_are_collected_not_just_the_first() {
    let base = std::fs::read_to_string(fixture!("valid-minimal.ron")).unwrap();
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
    file.set_len(attune_core::scenario::parse::MAX_FILE_BYTES + 1)
        .unwrap();
    let loaded = load_file(&path);
    let d = &loaded.diagnostics[0];
    assert_eq!(d.code, "too-large");
    let limit = format!(
        "{} MiB",
        attune_core::scenario::parse::MAX_FILE_BYTES / (1024 * 1024)
    );
    assert!(d.message.contains(&limit), "{}", d.message);
}
