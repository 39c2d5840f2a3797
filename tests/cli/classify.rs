//! `attune classify`: one result per input line, text or JSON, whatever
//! the input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn classify(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_attune"))
        .arg("classify")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input).unwrap();
    drop(stdin);
    child.wait_with_output().unwrap()
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

#[test]
fn json_has_one_object_per_line_with_the_documented_keys() {
    let input = "What's been the hardest part?\n\nSo you're exhausted and nobody notices.\nWhy don't you just get a new job?\n";
    let lines = json_lines(&classify(&["--format", "json"], input.as_bytes()));
    assert_eq!(
        lines.len(),
        4,
        "one result per input line, the blank one too"
    );
    assert_eq!(lines[0]["text"], "What's been the hardest part?");
    assert_eq!(lines[0]["family"], "question");
    assert_eq!(lines[2]["family"], "reflection");
    assert_eq!(lines[3]["family"], "input");
    for v in [&lines[0], &lines[2], &lines[3]] {
        let confidence = v["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&confidence));
        let alternatives = v["alternatives"].as_array().unwrap();
        assert!(!alternatives.is_empty());
        assert!(alternatives[0]["confidence"].as_f64().unwrap() <= confidence + 1e-9);
        assert!(v["code"].as_str().is_some());
    }
    // A blank line: nulls, not an error.
    assert_eq!(lines[1]["text"], "");
    assert!(lines[1]["code"].is_null());
    assert!(lines[1]["family"].is_null());
    assert_eq!(lines[1]["alternatives"], serde_json::json!([]));
}

#[test]
fn text_gives_code_family_and_confidence_per_line() {
    let out = classify(&[], b"How are you feeling about it?\n   \nok\n");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    let first: Vec<&str> = lines[0].split('\t').collect();
    assert_eq!(first.len(), 3, "{}", lines[0]);
    assert_eq!(first[0], "open_question");
    assert_eq!(first[1], "question");
    assert!(first[2].parse::<f64>().is_ok());
    assert_eq!(lines[1], "-\t-\t-", "a blank line has no code");
}

#[test]
fn awkward_input_still_gets_one_line_each() {
    let long = "and then it just kept going ".repeat(200);
    let mut input = Vec::new();
    input.extend_from_slice(long.as_bytes());
    input.extend_from_slice("\n😀😀😀 ❤️\n你还好吗？\n".as_bytes());
    input.extend_from_slice(b"bad bytes \xff\xfe here\r\n");
    input.extend_from_slice(b"no newline at the end");
    let lines = json_lines(&classify(&["--format", "json"], &input));
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["text"].as_str().unwrap().len(), long.len());
    for v in &lines {
        assert!(v["family"].is_string(), "{v}");
    }
    assert_eq!(
        lines[3]["text"], "bad bytes \u{fffd}\u{fffd} here",
        "CR dropped, bad bytes replaced"
    );
    assert_eq!(lines[4]["text"], "no newline at the end");
}

#[test]
fn empty_input_gives_empty_output() {
    let out = classify(&["--format", "json"], b"");
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
}
