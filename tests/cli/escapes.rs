//! F1 of issue 22: hostile text stays text. Ids may only use ASCII
//! letters, digits, `_` and `-`, and nothing the CLI prints from a file
//! sends a raw control character to the terminal: no `ESC]0;…BEL` window
//! title, no `ESC]8;;…` link, no `ESC[31m` colour, in `check`, `stats`,
//! `graph`, the "Known scenarios" list or a quoted source line.

use std::fs;
use std::path::Path;
use std::process::Command;

const TITLE: &str = "\u{1b}]0;pwned\u{7}";
const LINK: &str = "\u{1b}]8;;https://example.invalid/\u{7}";
const RED: &str = "\u{1b}[31m";

fn minimal() -> String {
    fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/valid-minimal.ron"
    ))
    .expect("fixture")
}

/// Runs `attune args…` and returns stdout and stderr together.
fn attune(args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_attune"))
        .args(args)
        .output()
        .expect("attune runs");
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), all)
}

fn assert_no_raw_controls(what: &str, output: &str) {
    let raw: Vec<char> = output
        .chars()
        .filter(|c| c.is_control() && *c != '\n' && *c != '\t')
        .collect();
    assert!(
        raw.is_empty(),
        "{what} printed raw control characters {raw:?}:\n{output}"
    );
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    fs::write(&path, text).expect("written");
    path.to_str().expect("UTF-8 temp path").to_owned()
}

#[test]
fn ids_with_escape_sequences_are_refused_and_printed_escaped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = minimal()
        .replace("id: \"broken\"", &format!("id: \"evil{TITLE}\""))
        .replace("id: \"reflect\"", &format!("id: \"r{LINK}\""));
    let path = write(dir.path(), "evil.ron", &text);
    let (code, out) = attune(&["check", &path]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("error[bad-id]"), "{out}");
    assert!(
        out.contains("\\u{1b}]0;pwned\\u{7}"),
        "shown escaped: {out}"
    );
    assert_no_raw_controls("check", &out);
    for command in ["stats", "graph"] {
        let (code, out) = attune(&[command, &path]);
        assert_eq!(code, Some(1), "{command}: {out}");
        assert_no_raw_controls(command, &out);
    }
}

#[test]
fn a_refused_text_line_is_quoted_escaped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = minimal().replace("Hi.", &format!("{RED}Hi."));
    let path = write(dir.path(), "red.ron", &text);
    let (code, out) = attune(&["check", &path]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("\\u{1b}[31mHi."), "the quoted line: {out}");
    assert_no_raw_controls("check", &out);
}

#[test]
fn the_known_scenarios_list_and_a_named_missing_file_are_escaped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let name = format!("nothing{TITLE}");
    let (code, out) = attune(&[
        "play",
        &name,
        "--dialogues",
        dir.path().to_str().expect("UTF-8"),
    ]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("Known scenarios"), "{out}");
    assert_no_raw_controls("play", &out);
}
