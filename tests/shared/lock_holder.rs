//! Holding a data folder's lock from another thread, with its own open
//! file, as another window or program would: for tests that a save never
//! makes the window wait.

use std::fs::{File, OpenOptions};
use std::path::Path;
use std::sync::mpsc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// Holds `store.lock` in a folder until released (or dropped).
pub struct Holder {
    release: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Holder {
    /// Takes the lock and returns once it is held.
    pub fn hold(dir: &Path) -> Holder {
        let path = dir.join("store.lock");
        let (held, is_held) = mpsc::channel();
        let (release, wait) = mpsc::channel::<()>();
        let thread = thread::spawn(move || {
            let file: File = OpenOptions::new()
                .create(true)
                .truncate(false)
                .read(true)
                .write(true)
                .open(path)
                .expect("the lock file opens");
            let mut lock = fd_lock::RwLock::new(file);
            let guard = lock.write().expect("the lock is taken");
            held.send(()).expect("the test waits");
            let _ = wait.recv();
            drop(guard);
        });
        is_held
            .recv_timeout(Duration::from_secs(10))
            .expect("the holder took the lock");
        Holder {
            release: Some(release),
            thread: Some(thread),
        }
    }

    /// Lets go of the lock; returns once it is free.
    pub fn release(&mut self) {
        drop(self.release.take());
        if let Some(thread) = self.thread.take() {
            thread.join().expect("the holder ends");
        }
    }
}

impl Drop for Holder {
    fn drop(&mut self) {
        self.release();
    }
}
