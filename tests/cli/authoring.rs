//! `attune new` and `attune portraits`: what an author without the source
//! folder needs to start a scenario.

use std::path::Path;
use std::process::{Command, Output};

fn attune_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_attune"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn new_writes_a_skeleton_that_checks_without_errors() {
    let dir = tempfile::tempdir().unwrap();
    let out = attune_in(dir.path(), &["new", "rough_night"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let file = dir.path().join("rough_night.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("id: \"rough_night\""));
    assert!(text.contains("title: \"Rough night\""));
    assert!(!text.contains("{{"), "every placeholder is filled");

    let check = attune_in(dir.path(), &["check", "rough_night.ron"]);
    assert!(check.status.success(), "{}", stdout(&check));
    assert!(stdout(&check).contains("0 errors"), "{}", stdout(&check));
    let play = attune_in(dir.path(), &["play", "rough_night.ron", "--pick", "best"]);
    assert!(play.status.success(), "{}", stderr(&play));
    assert!(
        stdout(&play).contains("Alex stays to plant"),
        "{}",
        stdout(&play)
    );
}

#[test]
fn new_never_overwrites_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mine.ron");
    std::fs::write(&file, "my work").unwrap();
    let out = attune_in(dir.path(), &["new", "mine"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "my work");
}

#[test]
fn new_from_copies_a_shipped_scenario_under_the_new_id() {
    let dir = tempfile::tempdir().unwrap();
    let out = attune_in(
        dir.path(),
        &["new", "my_owen", "--from", "not_okay", "--out", "copy.ron"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(dir.path().join("copy.ron")).unwrap();
    assert!(text.contains("id: \"my_owen\""));
    assert!(!text.contains("id: \"not_okay\""));
    let check = attune_in(dir.path(), &["check", "copy.ron"]);
    assert!(check.status.success(), "{}", stdout(&check));
}

#[test]
fn new_names_the_shipped_ids_and_refuses_unsafe_ids() {
    let dir = tempfile::tempdir().unwrap();
    let out = attune_in(dir.path(), &["new", "x", "--from", "nope"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("not_okay"), "{}", stderr(&out));

    let out = attune_in(dir.path(), &["new", "../escape"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("cannot be a scenario id"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn portraits_lists_every_face_with_its_description() {
    let dir = tempfile::tempdir().unwrap();
    let out = attune_in(dir.path(), &["portraits"]);
    assert!(out.status.success());
    let text = stdout(&out);
    for name in attune::scenario::portraits::names() {
        let line = text
            .lines()
            .find(|l| l.split_whitespace().next() == Some(name))
            .unwrap_or_else(|| panic!("{name} missing from:\n{text}"));
        assert!(
            line.len() > name.len() + 10,
            "{name} has a description: {line}"
        );
        assert!(!line.contains("cannot be read"), "{line}");
    }
}
