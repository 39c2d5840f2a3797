//! The folder lock, in the browser: a page runs the store on one thread,
//! and each `localStorage` write replaces one value whole, so there is
//! nothing to wait for. Same interface as the desktop's `lock.rs`.

use std::io;
use std::path::Path;
use std::time::Duration;

/// How long opening the store waits for the lock (unused in the browser).
pub const LOCK_WAIT: Duration = Duration::from_secs(1);

/// How long a save waits for the lock (unused in the browser).
pub const SAVE_LOCK_WAIT: Duration = Duration::from_secs(10);

/// Runs `f`; the browser needs no lock.
pub(crate) fn exclusive<T>(dir: &Path, f: impl FnOnce() -> T) -> io::Result<T> {
    exclusive_within(dir, SAVE_LOCK_WAIT, f)
}

/// Runs `f`; the browser needs no lock.
pub(crate) fn exclusive_within<T>(
    _dir: &Path,
    _wait: Duration,
    f: impl FnOnce() -> T,
) -> io::Result<T> {
    Ok(f())
}
