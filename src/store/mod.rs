//! Local persistence for the desktop app: settings, the history of past
//! sessions and the conversation in progress. Pure data and files; no UI.
//!
//! Three RON files live in the per-user data folder (RON because the
//! scenarios are RON too: one format for a trainer to read, readable by
//! hand, and its parse errors carry a line and column for notices):
//!
//! - `settings.ron`: [`Settings`];
//! - `history.ron`: [`History`], every [`SessionRecord`];
//! - `current.ron`: the [`Resume`] of every unfinished conversation, one per
//!   session, so two windows never delete each other's.
//!
//! Every write is atomic (temporary file, sync, rename: see [`atomic`]) and
//! happens under an advisory lock on `store.lock`. History writes re-read
//! the file and merge by session id, so two windows never lose a session.
//! A file that cannot be parsed is moved aside to `<name>.corrupt-<time>`
//! and reported in [`Store::notices`]; a folder that cannot be written makes
//! the store keep everything in memory, with a notice. Nothing here panics
//! on anything a file contains.
//!
//! How the app uses it, through a [`StoreHandle`] that runs the saves on a
//! worker thread so the window never waits for a disk or a lock:
//! [`Store::save_resume`] after every choice;
//! [`Store::record_session`] and [`Store::clear_resume`] (of that session) when a
//! conversation ends (or is left unfinished); [`Store::set_settings`] when a
//! setting changes.

pub mod atomic;
mod disk;
mod error;
mod file;
mod history;
#[cfg_attr(target_arch = "wasm32", path = "lock_web.rs")]
mod lock;
mod notice;
mod regular;
mod resume;
mod settings;
mod trend;
mod worker;

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::Serialize;

pub use error::{ParseError, StoreError};
pub use file::MAX_FILE_BYTES;
pub use history::{BestOutcome, HISTORY_VERSION, History, SessionId, SessionRecord, date_label};
pub use lock::{LOCK_WAIT, SAVE_LOCK_WAIT};
pub use notice::{Notice, NoticeKind};
pub use regular::open_regular;
pub use resume::{RESUME_VERSION, Resume, UNFINISHED_VERSION};
pub use settings::{
    Feedback, SETTINGS_VERSION, Settings, TEXT_SCALE_DEFAULT, TEXT_SCALE_MAX, TEXT_SCALE_MIN,
    Theme, TypedMode, clamp_text_scale,
};
pub use trend::{Trend, TrendMetric, TrendPoint};
pub use worker::{StoreHandle, Waker};

use file::{Read, Versioned};
use resume::Unfinished;

/// The settings file's name in the data folder.
pub const SETTINGS_FILE: &str = "settings.ron";
/// The history file's name in the data folder.
pub const HISTORY_FILE: &str = "history.ron";
/// The resume file's name in the data folder.
pub const RESUME_FILE: &str = "current.ron";

impl Versioned for Settings {
    fn version(&self) -> u32 {
        self.version
    }
}

impl Versioned for History {
    fn version(&self) -> u32 {
        self.version
    }
}

impl Versioned for Unfinished {
    fn version(&self) -> u32 {
        self.version
    }

    fn decode(text: &str, version: u32) -> Result<Self, ron::error::SpannedError> {
        Unfinished::decode(text, version)
    }
}

/// The app's persisted state and the files behind it.
#[derive(Debug)]
pub struct Store {
    /// The data folder; `None` when there is none at all.
    dir: Option<PathBuf>,
    /// False when the folder cannot be written: everything stays in memory.
    writable: bool,
    settings: Settings,
    history: History,
    unfinished: Unfinished,
    notices: Vec<Notice>,
    /// Sessions recorded by this instance: their copy wins in a merge.
    recorded_here: BTreeSet<SessionId>,
    /// Files never to write: from a newer version, or unreadable and not
    /// moved aside.
    frozen: BTreeSet<&'static str>,
}

impl Store {
    /// Opens the store in `dir`, creating the folder if needed. Never fails:
    /// broken files are moved aside and an unwritable folder means working
    /// in memory, each with a [`Notice`].
    pub fn open(dir: PathBuf) -> Store {
        let mut store = Store::in_memory();
        store.dir = Some(dir.clone());
        match disk::check_writable(&dir) {
            Ok(()) => store.writable = true,
            Err(e) => store.cannot_save(&format!("{} ({e})", disk::describe(&dir))),
        }
        if store.writable {
            let locked = lock::exclusive_within(&dir, LOCK_WAIT, || {
                remove_leftover_temps(&dir);
                store.load_all(&dir);
            });
            if let Err(e) = locked {
                store.writable = false;
                store.cannot_save(&format!(
                    "{} (the folder could not be locked: {e})",
                    dir.display()
                ));
                store.load_all(&dir);
            }
        } else if dir.is_dir() {
            // Read-only: show what is there, change nothing on disk.
            store.load_all(&dir);
        }
        store
    }

    /// Opens the store in the per-user data folder (for example
    /// `~/.local/share/attune` on Linux), or in memory if there is none.
    pub fn open_default() -> Store {
        match default_dir() {
            Some(dir) => Store::open(dir),
            None => {
                let mut store = Store::in_memory();
                store.cannot_save("a data folder (no home folder was found)");
                store
            }
        }
    }

    /// The saved settings in `dir` (the per-user folder when `None`), read
    /// without locking, moving or reporting anything. The window uses them
    /// to draw its first frame in the learner's theme while [`Store::open`]
    /// runs on another thread; that call reports any problem with the file.
    pub fn peek_settings(dir: Option<&Path>) -> Settings {
        let path = match dir {
            Some(dir) => dir.join(SETTINGS_FILE),
            None => match default_dir() {
                Some(dir) => dir.join(SETTINGS_FILE),
                None => return Settings::default(),
            },
        };
        match file::read::<Settings>(&path, SETTINGS_VERSION) {
            Ok(Read::Current(s) | Read::Newer(s, _)) => s.sanitized(),
            _ => Settings::default(),
        }
    }

    /// The per-user data folder [`Store::open_default`] uses, if any.
    pub fn default_dir() -> Option<PathBuf> {
        default_dir()
    }

    /// A store that never touches the disk, with defaults and no notices.
    pub fn in_memory() -> Store {
        Store {
            dir: None,
            writable: false,
            settings: Settings::default(),
            history: History::default(),
            unfinished: Unfinished::default(),
            notices: Vec::new(),
            recorded_here: BTreeSet::new(),
            frozen: BTreeSet::new(),
        }
    }

    /// The data folder, if the store has one.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// Whether changes reach the disk. False in memory-only mode.
    pub fn can_save(&self) -> bool {
        self.writable
    }

    /// Messages for the learner about their data, oldest first.
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// Forgets the notices once the learner has dismissed them.
    pub fn dismiss_notices(&mut self) {
        self.notices.clear();
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Replaces the settings and saves them if they changed (so calling it
    /// every frame costs nothing). The text scale is clamped first.
    pub fn set_settings(&mut self, settings: Settings) -> Result<(), StoreError> {
        let mut settings = settings.sanitized();
        settings.version = SETTINGS_VERSION;
        if settings == self.settings {
            return Ok(());
        }
        self.settings = settings;
        let text = file::encode(&self.settings, "the settings")?;
        self.write(SETTINGS_FILE, text)
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    /// Adds or updates a session and saves the history: under the folder
    /// lock it re-reads the file, merges by session id (keeping sessions
    /// other windows recorded) and writes the union.
    pub fn record_session(&mut self, record: SessionRecord) -> Result<(), StoreError> {
        self.recorded_here.insert(record.id.clone());
        self.history.upsert(record);
        self.save_history()
    }

    /// Picks up sessions other windows recorded since this store opened.
    pub fn reload_history(&mut self) -> Result<(), StoreError> {
        let Some(dir) = self.dir.clone() else {
            return Ok(());
        };
        let path = dir.join(HISTORY_FILE);
        let disk = match file::read::<History>(&path, HISTORY_VERSION) {
            Ok(Read::Current(h) | Read::Newer(h, _)) => h,
            Ok(_) => return Ok(()),
            Err(source) => return Err(StoreError::Read { path, source }),
        };
        self.history = self.history.merged(disk, &self.recorded_here);
        Ok(())
    }

    /// The unfinished conversations to offer for resuming, oldest first:
    /// one per session, from every window.
    pub fn resumes(&self) -> &[Resume] {
        &self.unfinished.conversations
    }

    /// Saves the conversation in progress; call it after every choice.
    /// Under the folder lock it re-reads `current.ron` and replaces only
    /// this session's entry, keeping other windows' conversations.
    pub fn save_resume(&mut self, resume: Resume) -> Result<(), StoreError> {
        let mut resume = resume;
        resume.version = RESUME_VERSION;
        self.update_unfinished(|u| u.upsert(resume))
    }

    /// Forgets one session's unfinished conversation (it ended or was
    /// abandoned); other sessions' stay.
    pub fn clear_resume(&mut self, session: &SessionId) -> Result<(), StoreError> {
        self.update_unfinished(|u| u.remove(session))
    }

    /// Re-reads `current.ron` under the lock, applies `change`, and writes
    /// the result (or removes the file when nothing is left unfinished).
    fn update_unfinished(
        &mut self,
        change: impl FnOnce(&mut Unfinished),
    ) -> Result<(), StoreError> {
        let Some(dir) = self.saving_dir(RESUME_FILE) else {
            change(&mut self.unfinished);
            return Ok(());
        };
        let path = dir.join(RESUME_FILE);
        let locked = lock::exclusive(&dir, || -> Result<(), StoreError> {
            let disk = self.load::<Unfinished>(
                &dir,
                RESUME_FILE,
                UNFINISHED_VERSION,
                "no conversation to resume",
            );
            let mut merged = disk.unwrap_or_default();
            merged.version = UNFINISHED_VERSION;
            change(&mut merged);
            self.unfinished = merged;
            if self.frozen.contains(RESUME_FILE) {
                return Ok(());
            }
            let written = if self.unfinished.conversations.is_empty() {
                disk::remove(&path)
            } else {
                let text = file::encode(&self.unfinished, "the conversations in progress")?;
                disk::write(&path, text.as_bytes())
            };
            written.map_err(|source| StoreError::Write {
                path: path.clone(),
                source,
            })
        });
        match locked {
            Ok(Ok(())) => {
                self.saved(RESUME_FILE);
                Ok(())
            }
            Ok(Err(e)) => Err(self.save_failed(RESUME_FILE, e)),
            Err(source) => {
                Err(self.save_failed(RESUME_FILE, StoreError::Lock { path: dir, source }))
            }
        }
    }

    /// The folder to write `name` into, or `None` when it must not be
    /// written (memory-only, or the file is frozen).
    fn saving_dir(&self, name: &str) -> Option<PathBuf> {
        if !self.writable || self.frozen.contains(name) {
            return None;
        }
        self.dir.clone()
    }

    /// Writes one whole file atomically under the folder lock.
    fn write(&mut self, name: &'static str, text: String) -> Result<(), StoreError> {
        let Some(dir) = self.saving_dir(name) else {
            return Ok(());
        };
        let path = dir.join(name);
        match lock::exclusive(&dir, || disk::write(&path, text.as_bytes())) {
            Ok(Ok(())) => {
                self.saved(name);
                Ok(())
            }
            Ok(Err(source)) => Err(self.save_failed(name, StoreError::Write { path, source })),
            Err(source) => Err(self.save_failed(name, StoreError::Lock { path: dir, source })),
        }
    }

    /// Re-reads, merges and writes the history under the folder lock.
    fn save_history(&mut self) -> Result<(), StoreError> {
        let Some(dir) = self.saving_dir(HISTORY_FILE) else {
            return Ok(());
        };
        let path = dir.join(HISTORY_FILE);
        let locked = lock::exclusive(&dir, || -> Result<(), StoreError> {
            let disk =
                self.load::<History>(&dir, HISTORY_FILE, HISTORY_VERSION, "an empty history");
            if self.frozen.contains(HISTORY_FILE) {
                return Ok(());
            }
            let merged = self
                .history
                .merged(disk.unwrap_or_default(), &self.recorded_here);
            let text = file::encode(&merged, "the history")?;
            self.history = merged;
            disk::write(&path, text.as_bytes()).map_err(|source| StoreError::Write {
                path: path.clone(),
                source,
            })
        });
        match locked {
            Ok(Ok(())) => {
                self.saved(HISTORY_FILE);
                Ok(())
            }
            Ok(Err(e)) => Err(self.save_failed(HISTORY_FILE, e)),
            Err(source) => {
                Err(self.save_failed(HISTORY_FILE, StoreError::Lock { path: dir, source }))
            }
        }
    }

    /// Loads all three files (the caller holds the lock if writable).
    fn load_all(&mut self, dir: &Path) {
        if let Some(s) =
            self.load::<Settings>(dir, SETTINGS_FILE, SETTINGS_VERSION, "the default settings")
        {
            self.settings = s.sanitized();
        }
        if let Some(h) =
            self.load::<History>(dir, HISTORY_FILE, HISTORY_VERSION, "an empty history")
        {
            self.history = h.sorted();
        }
        self.unfinished = self
            .load::<Unfinished>(
                dir,
                RESUME_FILE,
                UNFINISHED_VERSION,
                "no conversation to resume",
            )
            .unwrap_or_default();
    }

    /// Reads one file. Broken files are moved aside (when the folder is
    /// writable) and reported; `fallback` names what the app uses instead.
    fn load<T: Versioned>(
        &mut self,
        dir: &Path,
        name: &'static str,
        current: u32,
        fallback: &str,
    ) -> Option<T> {
        let path = dir.join(name);
        match file::read::<T>(&path, current) {
            Ok(Read::Missing) => None,
            Ok(Read::Current(value)) => Some(value),
            Ok(Read::Newer(value, version)) => {
                self.frozen.insert(name);
                self.notice(
                    NoticeKind::NewerVersion,
                    &path,
                    format!(
                        "{name} comes from a newer version of Attune (format {version}). Attune read \
                         what it could and will not save over it, so changes stay only until Attune closes."
                    ),
                );
                Some(value)
            }
            Ok(Read::NewerUnreadable(version, error)) => {
                self.frozen.insert(name);
                self.notice(
                    NoticeKind::NewerVersion,
                    &path,
                    format!(
                        "{name} comes from a newer version of Attune (format {version}) and could not be \
                         read ({name}:{error}). It is left untouched, and Attune is using {fallback}."
                    ),
                );
                None
            }
            Ok(Read::Corrupt(error)) => {
                self.set_aside(&path, name, &format!("{name}:{error}"), fallback);
                None
            }
            Err(e) => {
                self.frozen.insert(name);
                self.notice(
                    NoticeKind::Unreadable,
                    &path,
                    format!(
                        "{name} could not be opened ({e}). It is left as it is, and Attune is using \
                         {fallback} without saving over it."
                    ),
                );
                None
            }
        }
    }

    /// Moves a broken file aside and says so; if it cannot be moved, leaves
    /// it alone and never writes over it.
    fn set_aside(&mut self, path: &Path, name: &'static str, why: &str, fallback: &str) {
        let moved = if self.writable {
            file::move_aside(path)
        } else {
            Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                "the folder cannot be written",
            ))
        };
        let message = match moved {
            Ok(aside) => {
                let aside = aside
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                format!(
                    "{name} could not be read ({why}). It was kept as {aside} {}, \
                     and Attune started with {fallback}.",
                    disk::BESIDE
                )
            }
            Err(e) => {
                self.frozen.insert(name);
                format!(
                    "{name} could not be read ({why}). It could not be moved aside ({e}), so it is \
                     left as it is, and Attune is using {fallback} without saving over it."
                )
            }
        };
        self.notice(NoticeKind::Unreadable, path, message);
    }

    /// Switches to memory-only mode and says so.
    fn cannot_save(&mut self, where_: &str) {
        self.writable = false;
        let message = format!(
            "Attune cannot save in {where_}. Your settings and history are kept only until \
             Attune closes."
        );
        self.push_notice(Notice::new(
            NoticeKind::CannotSave,
            self.dir.clone(),
            message,
        ));
    }

    /// Records a failed save as a notice and hands the error back.
    fn save_failed(&mut self, name: &str, error: StoreError) -> StoreError {
        let path = self.dir.as_ref().map(|d| d.join(name));
        let message =
            format!("Could not save {name} ({error}). Attune will try again at the next change.");
        self.push_notice(Notice::new(NoticeKind::SaveFailed, path, message));
        error
    }

    /// A save of `name` worked: its "could not save" notice is over.
    fn saved(&mut self, name: &str) {
        let path = self.dir.as_ref().map(|d| d.join(name));
        self.notices
            .retain(|n| !(n.kind == NoticeKind::SaveFailed && n.file == path));
    }

    fn notice(&mut self, kind: NoticeKind, path: &Path, message: String) {
        self.push_notice(Notice::new(kind, Some(path.to_path_buf()), message));
    }

    /// Adds a notice unless the same one is already showing.
    fn push_notice(&mut self, notice: Notice) {
        if !self.notices.contains(&notice) {
            self.notices.push(notice);
        }
    }
}

/// Removes temporary files that crashed writes left behind. Called under
/// the folder lock, so no write is in progress.
fn remove_leftover_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if atomic::is_temp_name(&entry.file_name().to_string_lossy()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "Attune", "Attune").map(|p| p.data_dir().to_path_buf())
}

/// In the browser, the store's files are `localStorage` keys under
/// `attune/` (see [`disk`]).
#[cfg(target_arch = "wasm32")]
fn default_dir() -> Option<PathBuf> {
    Some(PathBuf::from("attune"))
}

impl History {
    /// Parses the text of a `history.ron`, as the store does on open: for
    /// fuzzing and tools. A file from a newer version parses if it can.
    pub fn parse(text: &str) -> Result<History, ParseError> {
        match file::parse::<History>(text, HISTORY_VERSION) {
            Read::Current(h) | Read::Newer(h, _) => Ok(h.sorted()),
            Read::NewerUnreadable(_, e) | Read::Corrupt(e) => Err(e),
            Read::Missing => Ok(History::default()),
        }
    }
}

/// Encodes any stored value the way the store writes it, for tests and
/// tools that prepare files.
pub fn to_ron<T: Serialize>(value: &T) -> Result<String, StoreError> {
    file::encode(value, "a value")
}
