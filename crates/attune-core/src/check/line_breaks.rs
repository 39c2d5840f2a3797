//! A warning for a text that runs over a line break in the file.
//!
//! RON keeps a raw line break inside a string, with the next line's
//! indentation, so a text an author wrapped by hand in the editor shows in
//! the app with a break and a run of spaces in the middle of a sentence.
//! ron accepts it silently; this check makes it visible.

use crate::scenario::diagnostic::{Diagnostic, Severity};
use crate::scenario::source_map::{EntryKind, SourceMap};

use super::charset::NOT_SHOWN;

/// One warning per shown string that contains a raw line break, placed at
/// the string's opening quote.
pub fn check(path: &str, map: &SourceMap) -> Vec<Diagnostic> {
    map.entries()
        .iter()
        .filter(|e| e.kind == EntryKind::Str && !NOT_SHOWN.contains(&e.key))
        .filter(|e| e.value.contains('\n'))
        .map(|e| Diagnostic {
            path: path.to_string(),
            line: e.line,
            col: e.col,
            severity: Severity::Warning,
            code: "line-break-in-text",
            message: format!(
                "`{}` runs over a line break, which the app shows as written, with the next line's indent",
                e.key
            ),
            hint: Some(
                "keep the text on one line (editors can wrap it for you), or write `\\n` where a break is meant"
                    .into(),
            ),
        })
        .collect()
}
