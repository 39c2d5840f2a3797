//! F4 of issue 22: a FIFO in place of a dialogue file is refused at once
//! with a clear error by `check`, `play`, `stats` and `graph`, instead of
//! hanging. The FIFO is made with the `mkfifo` program (tests only).

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Makes a FIFO named `name` in `dir`, or `None` where `mkfifo` is missing.
pub fn fifo(dir: &Path, name: &str) -> Option<std::path::PathBuf> {
    let path = dir.join(name);
    let made = Command::new("mkfifo").arg(&path).status().ok()?;
    made.success().then_some(path)
}

/// Runs `attune args…`, killing it after ten seconds (a hang is a failure).
fn attune_within_ten_seconds(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_attune"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("attune runs");
    let start = Instant::now();
    while child.try_wait().expect("waits").is_none() {
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`attune {}` hung on a FIFO", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

#[test]
fn check_play_stats_and_graph_refuse_a_fifo_without_hanging() {
    let dir = tempfile::tempdir().expect("temp dir");
    let Some(path) = fifo(dir.path(), "x.ron") else {
        eprintln!("skipped: no mkfifo on this machine");
        return;
    };
    let p = path.to_str().expect("a UTF-8 temp path");
    for args in [
        vec!["check", p],
        vec!["play", p, "--pick", "best"],
        vec!["stats", p],
        vec!["graph", p],
    ] {
        let out = attune_within_ten_seconds(&args);
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.status.code(), Some(1), "{args:?}: {all}");
        assert!(
            all.contains("not a regular file (a FIFO)"),
            "{args:?} says why: {all}"
        );
    }
}

#[test]
fn a_fifo_in_a_folder_is_reported_and_the_other_files_still_load() {
    let dir = tempfile::tempdir().expect("temp dir");
    if fifo(dir.path(), "pipe.ron").is_none() {
        eprintln!("skipped: no mkfifo on this machine");
        return;
    }
    let out = attune_within_ten_seconds(&["check", dir.path().to_str().expect("UTF-8")]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("pipe.ron"), "{stdout}");
    assert!(stdout.contains("not a regular file"), "{stdout}");
}

/// The loader the library and the watcher's reload use (`load_file`).
#[test]
fn the_loader_refuses_a_fifo_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let Some(path) = fifo(dir.path(), "watched.ron") else {
        eprintln!("skipped: no mkfifo on this machine");
        return;
    };
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(attune::files::load_file(&path));
    });
    let loaded = receive
        .recv_timeout(Duration::from_secs(10))
        .expect("load_file hung on a FIFO");
    assert!(loaded.scenario.is_none());
    let message = loaded.diagnostics[0].to_string();
    assert!(message.contains("not a regular file (a FIFO)"), "{message}");
}
