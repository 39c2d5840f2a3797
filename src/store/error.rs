//! What can go wrong when the store reads or writes its files.

use std::io;
use std::path::PathBuf;

use thiserror::Error;

/// A failure to save or load one of the store's files.
///
/// The store also records every failure as a [`Notice`](super::Notice), so a
/// screen may show the notices and otherwise ignore these errors.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("could not write {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("could not read {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("could not lock the data folder {}: {source}", path.display())]
    Lock { path: PathBuf, source: io::Error },
    #[error("could not encode {what}: {source}")]
    Encode {
        what: &'static str,
        source: ron::Error,
    },
    #[error("{} was written by a newer version of Attune and is left untouched", path.display())]
    NewerVersion { path: PathBuf },
}

/// Where a stored file could not be parsed, for notices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    pub message: String,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.message)
    }
}
