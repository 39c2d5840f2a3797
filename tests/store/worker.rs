//! "Nothing blocks" for saves (issue 22): the app's [`StoreHandle`] runs
//! every save on its own thread. While another program holds the data
//! folder's lock, a change returns at once and shows in the handle's
//! mirror; the disk catches up once the lock is free. A snapshot from the
//! worker never undoes a newer change, and closing runs every pending
//! save. Nothing here asserts a duration: each test checks the order of
//! events (the call returned while the lock was still held).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::thread;
use std::time::{Duration, Instant};

use attune::engine::{Pick, play_out};
use attune::library::Library;
use attune::scenario::Scenario;
use attune::store::{
    HISTORY_FILE, RESUME_FILE, Resume, SETTINGS_FILE, SessionId, SessionRecord, Settings, Store,
    StoreHandle, Theme,
};
use jiff::Timestamp;

use crate::lock_holder::Holder;

/// A shipped scenario, loaded once for all these tests.
fn scenario() -> &'static Scenario {
    static SCENARIO: OnceLock<Scenario> = OnceLock::new();
    SCENARIO.get_or_init(|| {
        Library::shipped()
            .scenarios()
            .next()
            .cloned()
            .expect("a shipped scenario")
    })
}

fn at(second: i64) -> Timestamp {
    Timestamp::from_second(1_767_225_600 + second).expect("a valid time")
}

/// A finished session of a shipped scenario, started `second` seconds
/// into 2026.
fn session(second: i64) -> SessionRecord {
    let scenario = scenario();
    let conversation = play_out(scenario, 1, &Pick::Best).expect("it plays out");
    SessionRecord::from_conversation(
        SessionId::new(at(second)),
        at(second),
        scenario,
        &conversation,
    )
}

fn resume_id(second: i64) -> SessionId {
    SessionId(format!("resume-{second}"))
}

/// An unfinished conversation of a shipped scenario.
fn resume(second: i64) -> Resume {
    let scenario = scenario();
    let conversation = attune::engine::Conversation::new(scenario, 1).expect("it starts");
    Resume::new(resume_id(second), at(second), conversation)
}

fn dark(handle: &StoreHandle) -> Settings {
    let mut settings = handle.settings().clone();
    settings.theme = Theme::Dark;
    settings
}

fn on_disk(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_default()
}

fn opened(dir: &Path) -> StoreHandle {
    let store = Store::open(dir.to_path_buf());
    assert!(store.can_save(), "{:?}", store.notices());
    let handle = StoreHandle::new(store);
    assert!(handle.is_background(), "saves run on a worker thread");
    handle
}

fn temp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().to_path_buf();
    (dir, path)
}

#[test]
fn a_save_returns_at_once_while_the_lock_is_held_and_lands_after() {
    let (_keep, dir) = temp();
    let mut handle = opened(&dir);
    let mut holder = Holder::hold(&dir);

    let record = session(1);
    handle.record_session(record.clone());
    handle.set_settings(dark(&handle));
    handle.save_resume(resume(2));
    // Back on this thread with the lock still held: nothing is on disk yet,
    // yet the mirror already shows every change.
    assert!(!on_disk(&dir, HISTORY_FILE).contains(record.id.as_str()));
    assert!(!dir.join(SETTINGS_FILE).exists());
    assert!(!dir.join(RESUME_FILE).exists());
    assert!(handle.history().get(&record.id).is_some());
    assert_eq!(handle.settings().theme, Theme::Dark);
    assert_eq!(handle.resumes().len(), 1);
    assert!(!handle.poll(), "the worker is still waiting for the lock");
    assert!(handle.history().get(&record.id).is_some());

    holder.release();
    handle.flush();
    assert!(on_disk(&dir, HISTORY_FILE).contains(record.id.as_str()));
    assert_eq!(Store::peek_settings(Some(&dir)).theme, Theme::Dark);
    assert!(dir.join(RESUME_FILE).exists());
    assert!(handle.notices().is_empty(), "{:?}", handle.notices());
}

#[test]
fn a_snapshot_never_undoes_a_newer_change() {
    let (_keep, dir) = temp();
    let mut handle = opened(&dir);
    let mut holder = Holder::hold(&dir);
    let first = session(1);
    handle.record_session(first.clone());
    holder.release();

    // Wait (bounded) until the first save is on disk: its snapshot is then
    // on its way, or already waiting, when the next change is made.
    let deadline = Instant::now() + Duration::from_secs(20);
    while !on_disk(&dir, HISTORY_FILE).contains(first.id.as_str()) {
        assert!(Instant::now() < deadline, "the first save never landed");
        thread::sleep(Duration::from_millis(5));
    }
    let mut settings = dark(&handle);
    handle.set_settings(settings.clone());
    let second = session(2);
    handle.record_session(second.clone());
    // Every poll from here on sees both changes, whatever has arrived.
    for _ in 0..50 {
        handle.poll();
        assert_eq!(handle.settings().theme, Theme::Dark);
        assert!(handle.history().get(&first.id).is_some());
        assert!(handle.history().get(&second.id).is_some());
        thread::sleep(Duration::from_millis(1));
    }
    settings.reduced_motion = !settings.reduced_motion;
    handle.set_settings(settings.clone());
    handle.flush();
    assert_eq!(handle.settings(), &settings);
    assert_eq!(handle.history().len(), 2);

    let reopened = Store::open(dir.clone());
    assert_eq!(reopened.settings(), &settings);
    assert_eq!(reopened.history().len(), 2);
}

#[test]
fn closing_runs_every_pending_save() {
    let (_keep, dir) = temp();
    let mut handle = opened(&dir);
    let mut holder = Holder::hold(&dir);
    let record = session(1);
    handle.record_session(record.clone());
    handle.set_settings(dark(&handle));
    handle.save_resume(resume(2));
    handle.clear_resume(&resume_id(2));
    handle.save_resume(resume(3));
    // Free the lock a little later, from another thread, while this one
    // is closing the handle.
    let releaser = thread::spawn(move || {
        thread::sleep(Duration::from_millis(200));
        holder.release();
    });
    drop(handle);
    releaser.join().expect("released");

    let reopened = Store::open(dir.clone());
    assert!(reopened.history().get(&record.id).is_some());
    assert_eq!(reopened.settings().theme, Theme::Dark);
    let sessions: Vec<&SessionId> = reopened.resumes().iter().map(|r| &r.session).collect();
    assert_eq!(sessions, vec![&resume_id(3)]);
}

#[test]
fn a_save_that_fails_gives_one_notice_in_the_mirror() {
    let (_keep, dir) = temp();
    let mut handle = opened(&dir);
    // A folder in the way of the settings file: the rename fails.
    std::fs::create_dir_all(dir.join(SETTINGS_FILE).join("in-the-way")).expect("a folder");
    handle.set_settings(dark(&handle));
    let mut settings = dark(&handle);
    settings.reduced_motion = true;
    handle.set_settings(settings);
    handle.flush();
    let failed: Vec<_> = handle
        .notices()
        .iter()
        .filter(|n| n.message.contains("Could not save settings.ron"))
        .collect();
    assert_eq!(failed.len(), 1, "{:?}", handle.notices());
    assert_eq!(handle.settings().theme, Theme::Dark, "kept in memory");
}

#[test]
fn flushing_with_nothing_pending_returns() {
    let (_keep, dir) = temp();
    let (done, finished) = std::sync::mpsc::channel();
    thread::spawn(move || {
        let mut handle = opened(&dir);
        handle.flush();
        handle.set_settings(dark(&handle));
        handle.flush();
        handle.poll();
        handle.flush();
        let _ = done.send(handle.settings().theme);
    });
    let theme = finished
        .recv_timeout(Duration::from_secs(60))
        .expect("flush returned");
    assert_eq!(theme, Theme::Dark);
}

/// The browser's handle (no threads) runs the same API inline: each call
/// has saved before it returns.
#[test]
fn an_inline_handle_saves_before_it_returns() {
    let (_keep, dir) = temp();
    let mut handle = StoreHandle::inline(Store::open(dir.clone()));
    assert!(!handle.is_background());
    let record = session(1);
    handle.record_session(record.clone());
    handle.set_settings(dark(&handle));
    handle.save_resume(resume(2));
    assert!(on_disk(&dir, HISTORY_FILE).contains(record.id.as_str()));
    assert_eq!(Store::peek_settings(Some(&dir)).theme, Theme::Dark);
    assert_eq!(handle.resumes().len(), 1);
    handle.clear_resume(&resume_id(2));
    assert!(!dir.join(RESUME_FILE).exists(), "nothing left unfinished");
    assert!(!handle.poll(), "nothing ever arrives later");
    assert_eq!(handle.history().len(), 1);
}
