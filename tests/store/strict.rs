//! F5 of issue 22: every store file is decoded strictly. Unknown fields, a
//! missing `sessions` and the wrong shape make a file unreadable, so it is
//! moved aside with a notice instead of being read as empty and overwritten.

use std::fs;
use std::path::{Path, PathBuf};

use attune::store::{HISTORY_FILE, NoticeKind, RESUME_FILE, SETTINGS_FILE, Settings, Store};

fn corrupt_copies(dir: &Path, name: &str) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .expect("the folder lists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(&format!("{name}.corrupt-")))
        })
        .collect()
}

/// Opens a store over one file holding `text` and checks it was moved
/// aside byte for byte with one "unreadable" notice naming the file.
fn assert_refused(name: &str, text: &str) -> Store {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::write(dir.path().join(name), text).expect("fixture");
    let store = Store::open(dir.path().to_path_buf());
    let aside = corrupt_copies(dir.path(), name);
    assert_eq!(aside.len(), 1, "{name} moved aside: {text}");
    assert_eq!(fs::read_to_string(&aside[0]).expect("readable"), text);
    assert!(!dir.path().join(name).exists());
    let notices = store.notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(notices[0].kind, NoticeKind::Unreadable);
    assert!(notices[0].message.contains(name), "{}", notices[0]);
    store
}

const TWO_SESSIONS: &str = r#"[
        (id: "a", date: "2026-01-01T00:00:00Z", scenario_id: "tutorial", ending: Some(guarded)),
        (id: "b", date: "2026-01-02T00:00:00Z", scenario_id: "tutorial"),
    ]"#;

#[test]
fn a_misspelt_sessions_field_is_moved_aside_not_read_as_empty() {
    let text = format!("(version: 1, sessons: {TWO_SESSIONS})");
    let store = assert_refused(HISTORY_FILE, &text);
    assert!(
        store.notices()[0].message.contains("sessons"),
        "the notice names the field: {}",
        store.notices()[0]
    );
}

#[test]
fn settings_content_in_the_history_file_is_moved_aside() {
    assert_refused(HISTORY_FILE, "(version: 1, theme: dark, text_scale: 1.5)");
}

#[test]
fn a_history_without_sessions_is_moved_aside() {
    assert_refused(HISTORY_FILE, "(version: 1)");
}

#[test]
fn an_unknown_field_in_a_session_record_is_moved_aside() {
    let text = r#"(version: 1, sessions: [(id: "a", date: "2026-01-01T00:00:00Z",
        scenario_id: "tutorial", endign: Some(guarded))])"#;
    assert_refused(HISTORY_FILE, text);
}

#[test]
fn history_content_in_the_settings_file_is_moved_aside() {
    let text = format!("(version: 1, sessions: {TWO_SESSIONS})");
    let store = assert_refused(SETTINGS_FILE, &text);
    assert_eq!(store.settings(), &Settings::default());
}

#[test]
fn unknown_fields_in_settings_are_moved_aside() {
    assert_refused(
        SETTINGS_FILE,
        "(version: 1, theme: dark, sparkles: true, presenter: (screen: 2))",
    );
}

#[test]
fn settings_content_in_the_resume_file_is_moved_aside() {
    let store = assert_refused(RESUME_FILE, "(version: 1, theme: dark)");
    assert!(store.resumes().is_empty());
}

#[test]
fn the_version_0_history_fixture_still_loads_strictly() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/history-v0.ron");
    fs::copy(fixture, dir.path().join(HISTORY_FILE)).expect("fixture");
    let store = Store::open(dir.path().to_path_buf());
    assert!(store.notices().is_empty(), "{:?}", store.notices());
    assert_eq!(store.history().len(), 3);
}

/// F7 for the store: a "could not save" notice goes once a later save of
/// the same file works, instead of staying on screen.
#[test]
fn a_save_failed_notice_is_cleared_by_the_next_successful_save() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut store = Store::open(dir.path().to_path_buf());
    assert!(store.notices().is_empty());
    // A folder where the file should be: the rename onto it fails.
    let blocker = dir.path().join(SETTINGS_FILE);
    fs::create_dir(&blocker).expect("a folder in the way");
    fs::write(blocker.join("x"), "x").expect("not empty");
    let dark = Settings {
        theme: attune::store::Theme::Dark,
        ..Settings::default()
    };
    assert!(store.set_settings(dark).is_err());
    assert_eq!(store.notices().len(), 1, "{:?}", store.notices());
    assert_eq!(store.notices()[0].kind, NoticeKind::SaveFailed);

    fs::remove_dir_all(&blocker).expect("cleared");
    let contrast = Settings {
        theme: attune::store::Theme::HighContrast,
        ..Settings::default()
    };
    store.set_settings(contrast).expect("saved now");
    assert!(store.notices().is_empty(), "{:?}", store.notices());
}
