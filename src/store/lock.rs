//! An advisory lock over the whole data folder, so two Attune windows (or
//! two processes) never interleave a read-merge-write of the history.

use std::fs::OpenOptions;
use std::io;
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

/// The lock file in the data folder. It stays empty; only its lock matters.
pub(crate) const LOCK_FILE: &str = "store.lock";

/// How long opening the store waits for another holder before going on
/// read-only with a notice. Attune holds the lock for milliseconds; a
/// holder that keeps it longer is stuck or is another program.
pub const LOCK_WAIT: Duration = Duration::from_secs(1);

/// How long a save waits: several windows saving at once queue behind
/// each other's `fsync`s, so a save waits longer before it fails (with a
/// notice, retried at the next change).
pub const SAVE_LOCK_WAIT: Duration = Duration::from_secs(10);

/// Runs `f` while holding the folder's exclusive lock, waiting at most
/// [`SAVE_LOCK_WAIT`] for other holders (then a `WouldBlock` error). The
/// lock is released when `f` returns, even by panic.
pub(crate) fn exclusive<T>(dir: &Path, f: impl FnOnce() -> T) -> io::Result<T> {
    exclusive_within(dir, SAVE_LOCK_WAIT, f)
}

/// [`exclusive`], waiting at most `wait`.
pub(crate) fn exclusive_within<T>(
    dir: &Path,
    wait: Duration,
    f: impl FnOnce() -> T,
) -> io::Result<T> {
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(dir.join(LOCK_FILE))?;
    let mut lock = fd_lock::RwLock::new(file);
    let deadline = Instant::now() + wait;
    loop {
        match lock.try_write() {
            Ok(_guard) => return Ok(f()),
            Err(e) if e.kind() == io::ErrorKind::WouldBlock && Instant::now() < deadline => {
                thread::sleep(Duration::from_millis(20));
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                return Err(io::Error::new(
                    io::ErrorKind::WouldBlock,
                    format!(
                        "another program has held {LOCK_FILE} for over {} ms",
                        wait.as_millis()
                    ),
                ));
            }
            Err(e) => return Err(e),
        }
    }
}
