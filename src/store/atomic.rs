//! Atomic file replacement: the new content goes to a temporary file in the
//! same folder, is flushed and synced, and only then renamed over the old
//! file. A crash, a closed laptop lid or a full disk at any point leaves
//! either the old file or the new one, never half of each.
//!
//! The two steps are public ([`stage`] and [`Staged::commit`]) so a test can
//! stop between them, the way a crash would.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Marks temporary files: `.<name>.tmp-<pid>-<n>`. The store removes
/// leftovers of crashed writes when it opens.
pub(crate) const TEMP_MARK: &str = ".tmp-";

/// Makes temporary names unique between threads of one process.
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// New content written and synced beside its target, not yet in place.
///
/// Dropping it without [`commit`](Staged::commit) removes the temporary
/// file and leaves the target as it was.
#[derive(Debug)]
pub struct Staged {
    temp: PathBuf,
    target: PathBuf,
    committed: bool,
}

/// The temporary file name used for `target`, in the same folder so the
/// rename never crosses file systems.
fn temp_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let temp = format!(".{name}{TEMP_MARK}{}-{n}", std::process::id());
    target.with_file_name(temp)
}

/// Step one: writes `bytes` to a new temporary file beside `target`, then
/// flushes and syncs it to the disk.
pub fn stage(target: &Path, bytes: &[u8]) -> io::Result<Staged> {
    let temp = temp_path(target);
    let staged = Staged {
        temp,
        target: target.to_path_buf(),
        committed: false,
    };
    let mut file = File::create(&staged.temp)?;
    file.write_all(bytes)?;
    file.flush()?;
    file.sync_all()?;
    Ok(staged)
}

impl Staged {
    /// The temporary file, for tests that look at it.
    pub fn temp_path(&self) -> &Path {
        &self.temp
    }

    /// Step two: renames the temporary file over the target, then syncs the
    /// folder so the rename itself survives a power cut.
    pub fn commit(mut self) -> io::Result<()> {
        fs::rename(&self.temp, &self.target)?;
        self.committed = true;
        sync_dir(&self.target);
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.committed {
            // Best effort: a leftover is removed at the next open anyway.
            let _ = fs::remove_file(&self.temp);
        }
    }
}

/// Both steps: replaces `target` with `bytes` atomically.
pub fn write(target: &Path, bytes: &[u8]) -> io::Result<()> {
    stage(target, bytes)?.commit()
}

/// Syncs the folder holding `path`. Folders cannot be opened on every
/// platform (Windows), and the data is already synced, so failure is fine.
fn sync_dir(path: &Path) {
    if let Some(Ok(dir)) = path.parent().map(File::open) {
        let _ = dir.sync_all();
    }
}

/// Whether `file_name` is a temporary file left by [`stage`].
pub(crate) fn is_temp_name(file_name: &str) -> bool {
    file_name.starts_with('.') && file_name.contains(TEMP_MARK)
}
