//! F8 of issue 22: unfinished conversations are kept one per session, so a
//! second window finishing or saving its own never deletes the first
//! one's, and an old single-conversation `current.ron` still loads.

use std::fs;

use attune::engine::Conversation;
use attune::library::Library;
use attune::scenario::Scenario;
use attune::store::{self, RESUME_FILE, Resume, SessionId, Store, UNFINISHED_VERSION};
use jiff::Timestamp;

fn scenario() -> Scenario {
    Library::shipped()
        .find("tutorial")
        .cloned()
        .expect("the shipped tutorial")
}

fn at(second: i64) -> Timestamp {
    Timestamp::from_second(1_767_225_600 + second).expect("a valid time")
}

/// A conversation `n` choices in, with `seed`.
fn conversation(s: &Scenario, seed: u64, n: usize) -> Conversation {
    let mut c = Conversation::new(s, seed).expect("starts");
    for _ in 0..n {
        let next = c.options(s)[0].id.clone();
        c.choose(s, &next).expect("a choice");
    }
    c
}

#[test]
fn a_second_window_finishing_its_session_keeps_the_first_windows_conversation() {
    let s = scenario();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut a = Store::open(dir.path().to_path_buf());
    let mut b = Store::open(dir.path().to_path_buf());
    let (ida, idb) = (SessionId("window-a".into()), SessionId("window-b".into()));
    let ca = conversation(&s, 1, 2);
    a.save_resume(Resume::new(ida.clone(), at(0), ca.clone()))
        .expect("saved");
    b.save_resume(Resume::new(idb.clone(), at(5), conversation(&s, 2, 1)))
        .expect("saved");
    assert_eq!(b.resumes().len(), 2, "B sees A's conversation too");
    // B finishes its session.
    b.clear_resume(&idb).expect("cleared");

    let restarted = Store::open(dir.path().to_path_buf());
    let offered: Vec<&SessionId> = restarted.resumes().iter().map(|r| &r.session).collect();
    assert_eq!(offered, [&ida], "A's conversation is still offered");
    assert_eq!(restarted.resumes()[0].conversation, ca);
}

#[test]
fn every_unfinished_conversation_is_offered_after_a_restart() {
    let s = scenario();
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (i, name) in ["one", "two", "three"].iter().enumerate() {
        let mut window = Store::open(dir.path().to_path_buf());
        let c = conversation(&s, i as u64, i + 1);
        window
            .save_resume(Resume::new(SessionId((*name).into()), at(i as i64), c))
            .expect("saved");
    }
    let store = Store::open(dir.path().to_path_buf());
    let offered: Vec<&str> = store.resumes().iter().map(|r| r.session.as_str()).collect();
    assert_eq!(offered, ["one", "two", "three"], "oldest first");
}

#[test]
fn a_single_conversation_current_ron_of_version_1_or_0_is_migrated() {
    let s = scenario();
    for old_version in [0, 1] {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let old = conversation(&s, 7, 2);
        let mut resume = Resume::new(SessionId("old".into()), at(0), old.clone());
        resume.version = old_version;
        let mut text = store::to_ron(&resume).expect("encodes");
        if old_version == 0 {
            text = text.replace("version: 0,", "");
        }
        fs::write(dir.path().join(RESUME_FILE), &text).expect("fixture");

        let mut store = Store::open(dir.path().to_path_buf());
        assert!(store.notices().is_empty(), "{:?}", store.notices());
        assert_eq!(store.resumes().len(), 1, "version {old_version}");
        assert_eq!(store.resumes()[0].conversation, old);

        // Saving another session keeps the migrated one, in the new format.
        store
            .save_resume(Resume::new(
                SessionId("new".into()),
                at(9),
                conversation(&s, 8, 1),
            ))
            .expect("saved");
        let written = fs::read_to_string(dir.path().join(RESUME_FILE)).expect("written");
        assert!(
            written.contains(&format!("version: {UNFINISHED_VERSION},")),
            "{written}"
        );
        let again = Store::open(dir.path().to_path_buf());
        let sessions: Vec<&str> = again.resumes().iter().map(|r| r.session.as_str()).collect();
        assert_eq!(sessions, ["old", "new"]);
    }
}
