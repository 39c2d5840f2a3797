//! Dialogue files on disk, for the desktop front ends (the app and the
//! CLI). The core checks text; this module is where it is read.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::check::{Loaded, load_bytes};
use crate::library::{Entry, Library, Source};
use crate::scenario::Diagnostic;
use crate::scenario::parse::{MAX_FILE_BYTES, file_error};

/// Reads and checks a dialogue file. Reading stops one byte past
/// [`MAX_FILE_BYTES`], so an oversized file is refused without being read
/// whole; a FIFO, device or socket is refused without waiting on it.
pub fn load_file(path: &Path) -> Loaded {
    let display = path.display().to_string();
    let file = match crate::store::open_regular(path) {
        Ok(f) => f,
        Err(e) => return Loaded::failed(file_error(&display, "io", format!("cannot open: {e}"))),
    };
    let mut bytes = Vec::new();
    if let Err(e) = file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes) {
        return Loaded::failed(file_error(&display, "io", format!("cannot read: {e}")));
    }
    load_bytes(&display, &bytes)
}

/// The text of a dialogue file, to quote in diagnostics: a shipped one's
/// from the binary, a file's from disk when it is a small regular file.
pub fn source_text(source: &Source) -> Option<String> {
    match source {
        Source::Shipped(name) => crate::library::shipped_text(name).map(str::to_string),
        Source::File(path) => {
            if std::fs::metadata(path).ok()?.len() > MAX_FILE_BYTES {
                return None;
            }
            let mut text = String::new();
            crate::store::open_regular(path)
                .ok()?
                .take(MAX_FILE_BYTES)
                .read_to_string(&mut text)
                .ok()?;
            Some(text)
        }
    }
}

/// Adds every `.ron` file of a folder (not recursive), or one file, to a
/// library. A missing or unreadable folder becomes one entry with its
/// error; it never stops the others from loading.
pub fn add_path(library: &mut Library, path: &Path) {
    for file in ron_files(path) {
        match file {
            Ok(file) => {
                let loaded = load_file(&file);
                library.push(Source::File(file), loaded);
            }
            Err(diagnostic) => library.entries.push(Entry {
                source: Source::File(path.to_path_buf()),
                scenario: None,
                diagnostics: vec![diagnostic],
            }),
        }
    }
}

/// The dialogue files named by a path: the file itself, or the `.ron`
/// files in a folder, sorted by name. Special files (a FIFO named `x.ron`)
/// are listed too, so [`load_file`] refuses them with a clear error.
pub fn ron_files(path: &Path) -> Vec<Result<PathBuf, Diagnostic>> {
    let display = path.display().to_string();
    if path.exists() && !path.is_dir() {
        return vec![Ok(path.to_path_buf())];
    }
    let read = match std::fs::read_dir(path) {
        Ok(r) => r,
        Err(e) => return vec![Err(file_error(&display, "io", format!("cannot read: {e}")))],
    };
    let mut files: Vec<PathBuf> = read
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| !p.is_dir() && p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files.into_iter().map(Ok).collect()
}
