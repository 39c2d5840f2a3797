//! How a conversation can run, as `attune check` reports it: the JSON
//! output carries the same flow diagnostics as the text. The diagnostics
//! themselves are tested in tests/core/flow.rs.

use std::process::Command;

#[test]
fn check_json_carries_the_same_diagnostics_as_the_text() {
    let run = |format: &str| {
        Command::new(env!("CARGO_BIN_EXE_attune"))
            .args(["check", "--format", format, "tests/fixtures/broken"])
            .output()
            .unwrap()
    };
    let text = String::from_utf8(run("text").stdout).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&run("json").stdout).unwrap();
    let mut from_json = Vec::new();
    for file in json["files"].as_array().unwrap() {
        for d in file["diagnostics"].as_array().unwrap() {
            from_json.push(format!(
                "{}:{}:{}: {}[{}]: {}",
                d["path"].as_str().unwrap(),
                d["line"],
                d["col"],
                d["severity"].as_str().unwrap(),
                d["code"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            ));
        }
    }
    let from_text: Vec<&str> = text
        .lines()
        .filter(|l| l.contains(": error[") || l.contains(": warning["))
        .collect();
    assert_eq!(from_text, from_json);
    for code in [
        "soft-lock",
        "endless-loop",
        "long-option",
        "missing-content-note",
    ] {
        assert!(
            from_json.iter().any(|l| l.contains(&format!("[{code}]"))),
            "{code}"
        );
    }
}
