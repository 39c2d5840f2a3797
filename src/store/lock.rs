//! An advisory lock over the whole data folder, so two Attune windows (or
//! two processes) never interleave a read-merge-write of the history.

use std::fs::OpenOptions;
use std::io;
use std::path::Path;

/// The lock file in the data folder. It stays empty; only its lock matters.
pub(crate) const LOCK_FILE: &str = "store.lock";

/// Runs `f` while holding the folder's exclusive lock, waiting for other
/// holders first. The lock is released when `f` returns, even by panic.
pub(crate) fn exclusive<T>(dir: &Path, f: impl FnOnce() -> T) -> io::Result<T> {
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(dir.join(LOCK_FILE))?;
    let mut lock = fd_lock::RwLock::new(file);
    let _guard = lock.write()?;
    Ok(f())
}
