//! Files dropped on the window are read and checked off the window's
//! thread (issue 22, "nothing blocks"): a dialogue file joins the library
//! with a notice, and a FIFO is refused with a notice instead of freezing
//! the window.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::support::*;
use attune::app::AttuneApp;
use egui_kittest::Harness;

/// A file dropped from the desktop, as the window toolkit hands it over.
#[derive(Debug)]
struct DroppedPath(PathBuf);

impl eframe::egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Drops `path` on the window and draws until a notice containing
/// `expected` shows (the file is read on another thread).
fn drop_file(h: &mut Harness<'static, AttuneApp>, path: PathBuf, expected: &str) {
    h.input_mut()
        .dropped_files
        .push(Arc::new(DroppedPath(path)));
    h.run();
    let deadline = Instant::now() + Duration::from_secs(30);
    let shown = |h: &Harness<'static, AttuneApp>| {
        h.state()
            .state
            .all_notices()
            .iter()
            .any(|n| n.contains(expected))
    };
    while !shown(h) {
        assert!(
            Instant::now() < deadline,
            "no notice: {:?}",
            h.state().state.all_notices()
        );
        h.state_mut().wait_for_dropped(Duration::from_millis(200));
        h.run();
    }
}

#[test]
fn a_dropped_dialogue_file_is_checked_and_added() {
    let folders = Folders::new();
    let mut h = harness(&folders);
    let before = h.state().state.catalogue.all().count();
    let path = folders.root.path().join("late_message.ron");
    std::fs::write(&path, LATE_MESSAGE).expect("written");
    drop_file(
        &mut h,
        path,
        "late_message.ron was checked and added to the library",
    );
    assert_eq!(h.state().state.catalogue.all().count(), before + 1);
}

#[test]
fn a_dropped_fifo_gives_a_notice_and_never_blocks() {
    let folders = Folders::new();
    let path = folders.root.path().join("pipe.ron");
    let made = std::process::Command::new("mkfifo").arg(&path).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: no mkfifo on this machine");
        return;
    }
    let mut h = harness(&folders);
    drop_file(&mut h, path, "pipe.ron could not be read");
    let notices = h.state().state.all_notices();
    assert!(
        notices.iter().any(|n| n.contains("FIFO")),
        "says why: {notices:?}"
    );
}
