//! Reading, checking and encoding the store's RON files, and moving broken
//! ones aside.

use std::io;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use ron::ser::PrettyConfig;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::error::{ParseError, StoreError};

/// Files larger than this are refused as damaged: a history of ten
/// thousand sessions takes a few megabytes, and reading more would only
/// stall the app.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A stored format with a version number.
pub(crate) trait Versioned: DeserializeOwned {
    fn version(&self) -> u32;

    /// Decodes a file whose `version` field reads `version` (0 when it has
    /// none): a format whose shape changed overrides this to read old ones.
    fn decode(text: &str, version: u32) -> Result<Self, ron::error::SpannedError> {
        let _ = version;
        from_ron(text)
    }
}

/// Decodes RON text as the store does.
pub(crate) fn from_ron<T: DeserializeOwned>(text: &str) -> Result<T, ron::error::SpannedError> {
    ron::from_str(text)
}

/// What reading one stored file gave.
pub(crate) enum Read<T> {
    /// No such file yet: a first run.
    Missing,
    /// Parsed, at the current version or an older one.
    Current(T),
    /// Parsed, but written by a newer Attune with this version.
    Newer(T, u32),
    /// Written by a newer Attune and not understood.
    NewerUnreadable(u32, ParseError),
    /// Not valid: truncated, garbled or edited by hand.
    Corrupt(ParseError),
}

/// Only the version, read from any of the formats.
#[derive(serde::Deserialize)]
struct Probe {
    #[serde(default)]
    version: u32,
}

/// Reads and parses `path`. I/O errors other than "not found" are returned;
/// everything wrong with the content is a [`Read`] value.
pub(crate) fn read<T: Versioned>(path: &Path, current: u32) -> io::Result<Read<T>> {
    let bytes = match super::disk::read(path, MAX_FILE_BYTES + 1) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Read::Missing),
        Err(e) => return Err(e),
    };
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Ok(Read::Corrupt(ParseError {
            line: 1,
            col: 1,
            message: format!(
                "the file is larger than the {} MiB limit",
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        }));
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => return Ok(Read::Corrupt(utf8_error(e.as_bytes(), e.utf8_error()))),
    };
    Ok(parse(&text, current))
}

/// Parses stored text; separate from [`read`] for tests and fuzzing.
pub(crate) fn parse<T: Versioned>(text: &str, current: u32) -> Read<T> {
    let probed = ron::from_str::<Probe>(text).ok().map(|p| p.version);
    match T::decode(text, probed.unwrap_or(0)) {
        Ok(value) => {
            let v = value.version();
            if v > current {
                Read::Newer(value, v)
            } else {
                Read::Current(value)
            }
        }
        Err(e) => {
            let error = ParseError {
                line: e.span.start.line,
                col: e.span.start.col,
                message: e.code.to_string(),
            };
            match probed {
                Some(version) if version > current => Read::NewerUnreadable(version, error),
                _ => Read::Corrupt(error),
            }
        }
    }
}

/// Where invalid UTF-8 starts, as a line and column.
fn utf8_error(bytes: &[u8], e: std::str::Utf8Error) -> ParseError {
    let good = &bytes[..e.valid_up_to()];
    let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
    ParseError {
        line,
        col,
        message: "the file is not valid UTF-8 text".to_owned(),
    }
}

/// Encodes a value as readable RON: one field per line, small values such
/// as the metrics of a session kept on one line.
pub(crate) fn encode<T: Serialize>(value: &T, what: &'static str) -> Result<String, StoreError> {
    let config = PrettyConfig::new().depth_limit(3).indentor("  ");
    let mut text = ron::ser::to_string_pretty(value, config)
        .map_err(|source| StoreError::Encode { what, source })?;
    text.push('\n');
    Ok(text)
}

/// Renames a broken file to `<name>.corrupt-<UTC time>` beside it (with a
/// counter if that exists), and returns the new path.
pub(crate) fn move_aside(path: &Path) -> io::Result<PathBuf> {
    let stamp = jiff::fmt::strtime::format("%Y%m%dT%H%M%SZ", Timestamp::now())
        .unwrap_or_else(|_| Timestamp::now().as_second().to_string());
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut n = 1;
    loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let aside = path.with_file_name(format!("{name}.corrupt-{stamp}{suffix}"));
        if !super::disk::exists(&aside) {
            super::disk::rename(path, &aside)?;
            return Ok(aside);
        }
        n += 1;
    }
}
