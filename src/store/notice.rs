//! Messages for the learner about their data: a file moved aside, a folder
//! that cannot be written. The app shows them; the store never hides a
//! problem by silently overwriting or dropping a file.

use std::fmt;
use std::path::PathBuf;

/// What a [`Notice`] is about, so a screen can pick an icon and wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NoticeKind {
    /// A file could not be read and was moved aside (or left in place when
    /// that failed); the app started with defaults instead.
    Unreadable,
    /// The data folder cannot be written: everything stays in memory.
    CannotSave,
    /// A file is from a newer Attune; it is read if possible but never
    /// overwritten.
    NewerVersion,
    /// One save failed (disk full, permissions changed); later saves retry.
    SaveFailed,
}

/// One human-readable message about the learner's data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    /// The file concerned, when there is one.
    pub file: Option<PathBuf>,
    /// A complete sentence or two, ready to show.
    pub message: String,
}

impl Notice {
    pub(crate) fn new(kind: NoticeKind, file: Option<PathBuf>, message: String) -> Notice {
        Notice {
            kind,
            file,
            message,
        }
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
