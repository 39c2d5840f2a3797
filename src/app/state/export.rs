//! Writing the HTML report where the learner can find it, on a thread of
//! its own so a slow disk never freezes the window.

use std::io::Write;
use std::path::{Path, PathBuf};
#[cfg(not(target_arch = "wasm32"))]
use std::sync::mpsc::{self, Receiver, TryRecvError};

use jiff::Timestamp;
use jiff::tz::TimeZone;
use thiserror::Error;

#[cfg(not(target_arch = "wasm32"))]
use super::ExportStatus;
#[cfg(not(target_arch = "wasm32"))]
use crate::store::Waker;

/// Why a report could not be written.
#[derive(Debug, Error)]
pub enum ExportError {
    #[error("could not create the folder {path}: {source}")]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("could not write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Where reports go: the user's documents folder, if the platform has
/// one (on Linux only when `user-dirs.dirs` names it), else `~/Documents`
/// when it exists, else the home folder. Never hidden in the data folder.
pub fn documents_dir() -> Option<PathBuf> {
    let dirs = directories::UserDirs::new()?;
    let named = dirs.document_dir().map(Path::to_path_buf);
    Some(report_dir(named, dirs.home_dir()))
}

/// [`documents_dir`] from what the platform said: the named documents
/// folder, else `home/Documents` if it is a folder, else `home`.
pub fn report_dir(named: Option<PathBuf>, home: &Path) -> PathBuf {
    named.unwrap_or_else(|| {
        let documents = home.join("Documents");
        if documents.is_dir() {
            documents
        } else {
            home.to_path_buf()
        }
    })
}

#[cfg(not(target_arch = "wasm32"))]
/// One report to write: where (the chosen folder, else the documents
/// folder, else the data folder), under what name, and what.
#[derive(Clone, Debug)]
pub struct Job {
    pub dir: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
    pub name: String,
    pub html: String,
}

#[cfg(not(target_arch = "wasm32"))]
impl Job {
    /// Finds the folder and writes the report (file I/O: off the window's
    /// thread).
    pub fn run(self) -> ExportStatus {
        let dir = self.dir.or_else(documents_dir).or(self.data_dir);
        match dir {
            Some(dir) => match write_atomic(&dir, &self.name, self.html.as_bytes()) {
                Ok(path) => ExportStatus::Written(path),
                Err(e) => ExportStatus::Failed(e.to_string()),
            },
            None => ExportStatus::Failed(
                "there is no documents or data folder to save the report in".to_string(),
            ),
        }
    }
}

/// The report being written on its own thread, if any.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Default)]
pub struct Exporting {
    pending: Option<Receiver<ExportStatus>>,
    waker: Option<Waker>,
}

#[cfg(not(target_arch = "wasm32"))]
impl std::fmt::Debug for Exporting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Exporting")
            .field("pending", &self.pending.is_some())
            .finish()
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Exporting {
    /// Lets the writing thread wake the window when it is done.
    pub fn set_waker(&mut self, wake: Waker) {
        self.waker = Some(wake);
    }

    /// Starts writing: [`ExportStatus::Writing`] until [`Exporting::poll`]
    /// has the result. Writes here if no thread can start. A report still
    /// being written is not waited for; only the newest one's result shows.
    pub fn start(&mut self, job: Job) -> ExportStatus {
        let (send, receive) = mpsc::channel();
        let waker = self.waker.clone();
        // Kept to write here in the rare case no thread can start.
        let fallback = job.clone();
        let spawned = std::thread::Builder::new()
            .name("attune-export".into())
            .spawn(move || {
                // The window has moved on when nobody listens.
                let _ = send.send(job.run());
                if let Some(wake) = waker {
                    wake();
                }
            });
        match spawned {
            Ok(_) => {
                self.pending = Some(receive);
                ExportStatus::Writing
            }
            Err(_) => {
                self.pending = None;
                fallback.run()
            }
        }
    }

    /// The result, once the report is written; never waits.
    pub fn poll(&mut self) -> Option<ExportStatus> {
        let pending = self.pending.as_ref()?;
        let status = match pending.try_recv() {
            Ok(status) => status,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => {
                ExportStatus::Failed("writing the report stopped unexpectedly".to_string())
            }
        };
        self.pending = None;
        Some(status)
    }

    /// Waits for the report being written, if any. For tests.
    pub fn wait(&mut self) -> Option<ExportStatus> {
        let pending = self.pending.take()?;
        Some(pending.recv().unwrap_or_else(|_| {
            ExportStatus::Failed("writing the report stopped unexpectedly".to_string())
        }))
    }
}

/// Opens the folder holding `file` in the desktop's file manager.
#[cfg(not(target_arch = "wasm32"))]
pub fn show_in_folder(file: &Path) -> std::io::Result<()> {
    let folder = file.parent().unwrap_or(file);
    open::that_detached(folder)
}

/// A browser has no folders to show.
#[cfg(target_arch = "wasm32")]
pub fn show_in_folder(_file: &Path) -> std::io::Result<()> {
    Err(std::io::Error::new(
        std::io::ErrorKind::Unsupported,
        "a browser has no folders to show",
    ))
}

/// A file name that sorts by date and never collides within a second,
/// e.g. `attune-tutorial-2026-11-03-141502.html`.
pub fn file_name(scenario_id: &str, at: Timestamp) -> String {
    let safe: String = scenario_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let local = at.to_zoned(TimeZone::system());
    let stamp = jiff::fmt::strtime::format("%Y-%m-%d-%H%M%S", &local)
        .unwrap_or_else(|_| at.as_second().to_string());
    format!("attune-{safe}-{stamp}.html")
}

/// Writes `bytes` to `dir/name` through a temporary file and a rename, so a
/// crash never leaves half a report behind.
pub fn write_atomic(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, ExportError> {
    std::fs::create_dir_all(dir).map_err(|source| ExportError::CreateDir {
        path: dir.to_path_buf(),
        source,
    })?;
    let path = dir.join(name);
    let tmp = dir.join(format!(".{name}.tmp"));
    let write = |p: &Path| -> std::io::Result<()> {
        let mut file = std::fs::File::create(p)?;
        file.write_all(bytes)?;
        file.sync_all()
    };
    let result = write(&tmp).and_then(|()| std::fs::rename(&tmp, &path));
    match result {
        Ok(()) => Ok(path),
        Err(source) => {
            // Best effort: a leftover temporary file is harmless but untidy.
            let _ = std::fs::remove_file(&tmp);
            Err(ExportError::Write { path, source })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_go_to_documents_else_home() {
        let home = std::env::temp_dir().join(format!("attune-home-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&home);
        std::fs::create_dir_all(&home).expect("a home");
        assert_eq!(report_dir(None, &home), home, "no Documents: home");
        std::fs::create_dir_all(home.join("Documents")).expect("Documents");
        assert_eq!(report_dir(None, &home), home.join("Documents"));
        let named = PathBuf::from("/elsewhere/Docs");
        assert_eq!(report_dir(Some(named.clone()), &home), named);
        let _ = std::fs::remove_dir_all(&home);
    }

    #[test]
    fn file_names_are_safe_and_dated() {
        let at: Timestamp = "2026-11-03T14:15:02Z".parse().expect("a time");
        let name = file_name("../weird id", at);
        assert!(name.starts_with("attune----weird-id-2026-11-0"), "{name}");
        assert!(name.ends_with(".html"));
        assert!(!name.contains('/'));
    }

    #[test]
    fn writes_atomically_and_leaves_no_temporary_file() {
        let dir = std::env::temp_dir().join(format!("attune-export-test-{}", std::process::id()));
        let path = write_atomic(&dir.join("reports"), "r.html", b"<p>hi</p>").expect("written");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "<p>hi</p>");
        let names: Vec<_> = std::fs::read_dir(dir.join("reports"))
            .expect("listed")
            .filter_map(Result::ok)
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
