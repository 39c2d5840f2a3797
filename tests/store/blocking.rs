//! F4 of issue 22 for the data folder: a FIFO in place of a store file is
//! refused with a notice, and a lock held by another program gives a
//! notice after about a second and a read-only store, never a silent wait.

use std::path::Path;
use std::process::{Child, Command};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use attune::store::{HISTORY_FILE, LOCK_WAIT, NoticeKind, Store};

/// Opens the store on another thread and fails if that takes 10 seconds.
fn open_within_ten_seconds(dir: &Path) -> Store {
    let (send, receive) = mpsc::channel();
    let dir = dir.to_path_buf();
    thread::spawn(move || {
        let _ = send.send(Store::open(dir));
    });
    receive
        .recv_timeout(Duration::from_secs(10))
        .expect("Store::open hung")
}

#[test]
fn a_fifo_as_history_is_refused_with_a_notice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(HISTORY_FILE);
    let made = Command::new("mkfifo").arg(&path).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: no mkfifo on this machine");
        return;
    }
    let store = open_within_ten_seconds(dir.path());
    assert!(store.history().is_empty());
    let notice = store
        .notices()
        .iter()
        .find(|n| n.kind == NoticeKind::Unreadable)
        .expect("a notice about history.ron");
    assert!(
        notice.message.contains("history.ron") && notice.message.contains("a FIFO"),
        "{notice}"
    );
}

/// Holds the folder's lock from another process (the `flock` program).
struct Holder(Child);

impl Drop for Holder {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn a_lock_held_by_another_program_gives_a_notice_and_a_read_only_store() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lock = dir.path().join("store.lock");
    let Ok(child) = Command::new("flock")
        .arg(&lock)
        .args(["sleep", "30"])
        .spawn()
    else {
        eprintln!("skipped: no flock program on this machine");
        return;
    };
    let _holder = Holder(child);
    // Wait until the holder has the lock.
    thread::sleep(Duration::from_millis(300));

    let start = Instant::now();
    let store = open_within_ten_seconds(dir.path());
    let took = start.elapsed();
    assert!(took >= LOCK_WAIT, "waited {took:?}");
    assert!(
        took < LOCK_WAIT * 5,
        "went on after about a second: {took:?}"
    );
    assert!(!store.can_save(), "read-only");
    let notice = store
        .notices()
        .iter()
        .find(|n| n.kind == NoticeKind::CannotSave)
        .expect("a notice");
    assert!(notice.message.contains("store.lock"), "{notice}");
}
