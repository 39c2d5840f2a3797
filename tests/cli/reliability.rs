//! Issue 7 from the command line: `attune check` never crashes on a folder
//! of hostile files. The rest of issue 7 is in tests/core/reliability.rs
//! and tests/store/reliability.rs.

use std::fs;
use std::process::Command;

use crate::chain::chain_scenario;

#[test]
fn check_never_crashes_on_a_folder_of_hostile_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let files: [(&str, Vec<u8>); 6] = [
        ("empty.ron", Vec::new()),
        ("binary.ron", (0..=255u8).cycle().take(4096).collect()),
        ("latin1.ron", b"(id: \"caf\xe9\")".to_vec()),
        ("deep.ron", "[".repeat(10_000).into_bytes()),
        (
            "line.ron",
            format!("(id: \"{}\"", "x".repeat(1 << 20)).into_bytes(),
        ),
        ("nodes.ron", chain_scenario(300).into_bytes()),
    ];
    for (name, bytes) in &files {
        fs::write(dir.path().join(name), bytes).expect("written");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_attune"))
        .arg("check")
        .arg(dir.path())
        .output()
        .expect("check runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for (name, _) in &files[..5] {
        let want = format!("{}:", dir.path().join(name).display());
        assert!(stdout.contains(&want), "{name} is not named:\n{stdout}");
    }
    assert!(
        stdout.lines().all(|l| l.len() < 1_000),
        "a long line is not printed whole"
    );
}
