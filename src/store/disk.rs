//! The few operations the store does on its files, in one place, so the
//! web build keeps the very same files (same names, same text, same
//! repair of broken ones) in the browser's `localStorage` instead of a
//! folder. On the desktop they are plain file operations.

#[cfg(not(target_arch = "wasm32"))]
pub(crate) use native::*;
#[cfg(target_arch = "wasm32")]
pub(crate) use web::*;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::fs::{self, File};
    use std::io::{self, Read as _};
    use std::path::Path;
    use std::sync::atomic::{AtomicU64, Ordering};

    /// Reads at most `limit` bytes of a regular file.
    pub(crate) fn read(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
        let file = super::super::regular::open_regular(path)?;
        let mut bytes = Vec::new();
        file.take(limit).read_to_end(&mut bytes)?;
        Ok(bytes)
    }

    /// Replaces a file atomically (see [`super::super::atomic`]).
    pub(crate) fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
        super::super::atomic::write(path, bytes)
    }

    /// Removes a file; a missing one is not an error.
    pub(crate) fn remove(path: &Path) -> io::Result<()> {
        match fs::remove_file(path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    pub(crate) fn exists(path: &Path) -> bool {
        path.exists()
    }

    pub(crate) fn rename(from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    /// Creates the folder if needed and checks a new file can be made in it.
    pub(crate) fn check_writable(dir: &Path) -> io::Result<()> {
        fs::create_dir_all(dir)?;
        // Unique per thread too: two windows may open in one process (tests).
        static PROBES: AtomicU64 = AtomicU64::new(0);
        let n = PROBES.fetch_add(1, Ordering::Relaxed);
        let probe = dir.join(format!(".attune-probe-{}-{n}", std::process::id()));
        File::create_new(&probe)?;
        fs::remove_file(&probe)
    }

    /// Where a broken file is kept, as notices say it.
    pub(crate) const BESIDE: &str = "in the same folder";

    /// Where the store lives, as notices name it.
    pub(crate) fn describe(dir: &Path) -> String {
        dir.display().to_string()
    }
}

#[cfg(target_arch = "wasm32")]
mod web {
    use std::io;
    use std::path::Path;

    /// The page's `localStorage`, or why there is none (turned off, or a
    /// private window that refuses it).
    fn storage() -> io::Result<web_sys::Storage> {
        let window = web_sys::window()
            .ok_or_else(|| io::Error::new(io::ErrorKind::Unsupported, "no browser window"))?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(storage),
            Ok(None) => Err(io::Error::new(
                io::ErrorKind::Unsupported,
                "the browser's storage is turned off",
            )),
            Err(_) => Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                "the browser refuses its storage to this page",
            )),
        }
    }

    /// A file's key: its path, such as `attune/history.ron`.
    fn key(path: &Path) -> String {
        path.to_string_lossy().replace('\\', "/")
    }

    pub(crate) fn read(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
        match storage()?.get_item(&key(path)) {
            Ok(Some(text)) => {
                let mut bytes = text.into_bytes();
                bytes.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
                Ok(bytes)
            }
            Ok(None) => Err(io::ErrorKind::NotFound.into()),
            Err(_) => Err(io::Error::other("the browser's storage could not be read")),
        }
    }

    /// One `setItem`: the browser replaces a value whole or not at all.
    pub(crate) fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
        let text = String::from_utf8_lossy(bytes);
        storage()?
            .set_item(&key(path), &text)
            .map_err(|_| io::Error::other("the browser's storage is full or refused the write"))
    }

    pub(crate) fn remove(path: &Path) -> io::Result<()> {
        storage()?
            .remove_item(&key(path))
            .map_err(|_| io::Error::other("the browser's storage refused the change"))
    }

    pub(crate) fn exists(path: &Path) -> bool {
        storage()
            .ok()
            .and_then(|s| s.get_item(&key(path)).ok().flatten())
            .is_some()
    }

    pub(crate) fn rename(from: &Path, to: &Path) -> io::Result<()> {
        let bytes = read(from, u64::MAX)?;
        write(to, &bytes)?;
        remove(from)
    }

    /// Checks the storage is there and takes a write.
    pub(crate) fn check_writable(dir: &Path) -> io::Result<()> {
        let probe = dir.join(".attune-probe");
        write(&probe, b"")?;
        remove(&probe)
    }

    pub(crate) const BESIDE: &str = "in this browser's storage";

    pub(crate) fn describe(_dir: &Path) -> String {
        "this browser's storage".to_owned()
    }
}
