//! Reading a dialogue file: bytes to text to [`Scenario`], then validation.
//! Every failure becomes a [`Diagnostic`] with a place; nothing panics.

use std::io::Read;
use std::path::Path;

use ron::extensions::Extensions;

use super::diagnostic::{self, Diagnostic, Severity};
use super::model::Scenario;
use super::source_map::SourceMap;
use super::{flow, lints, validate, wording};

/// Dialogue files larger than this are refused before parsing, so a file
/// that is not a dialogue (a video, a disk image) is never read whole. The
/// largest hand-written scenario is under 100 KB, but generated ones are
/// allowed: the 100,000-node scenario of the validation benchmark takes
/// about 57 MiB (docs/performance.md). Parsing a file this size peaks
/// at a few hundred MiB of memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// ron's nesting limit; deeper input is an error, not a stack overflow.
const RECURSION_LIMIT: usize = 64;

/// The result of loading one file: the scenario when it parsed and has no
/// errors, and every diagnostic found either way.
#[derive(Debug)]
pub struct Loaded {
    pub scenario: Option<Scenario>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    fn failed(diagnostic: Diagnostic) -> Self {
        Loaded {
            scenario: None,
            diagnostics: vec![diagnostic],
        }
    }
}

fn file_error(path: &str, code: &'static str, message: String) -> Diagnostic {
    Diagnostic {
        path: path.to_string(),
        line: 1,
        col: 1,
        severity: Severity::Error,
        code,
        message,
        hint: None,
    }
}

/// Reads and validates a file from disk. `display` is how the path is shown.
pub fn load_file(path: &Path) -> Loaded {
    let display = path.display().to_string();
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return Loaded::failed(file_error(&display, "io", format!("cannot open: {e}"))),
    };
    let mut bytes = Vec::new();
    // Read one byte past the limit so an oversized file is noticed without
    // reading all of it.
    if let Err(e) = file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes) {
        return Loaded::failed(file_error(&display, "io", format!("cannot read: {e}")));
    }
    load_bytes(&display, &bytes)
}

/// Validates file contents already in memory (shipped scenarios, tests).
pub fn load_bytes(display: &str, bytes: &[u8]) -> Loaded {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Loaded::failed(Diagnostic {
            hint: Some("split the scenario, or check that this is really a dialogue file".into()),
            ..file_error(
                display,
                "too-large",
                format!(
                    "file is larger than the {} MiB limit for dialogue files",
                    MAX_FILE_BYTES / (1024 * 1024)
                ),
            )
        });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            // The prefix is valid UTF-8 by construction.
            let prefix = std::str::from_utf8(valid).unwrap_or_default();
            let line = prefix.matches('\n').count() + 1;
            let col = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            return Loaded::failed(Diagnostic {
                line,
                col,
                hint: Some("save the file as UTF-8 text; is this a binary file?".into()),
                ..file_error(
                    display,
                    "not-utf8",
                    "the file is not valid UTF-8 text".into(),
                )
            });
        }
    };
    load_str(display, text)
}

/// Parses and validates RON text.
pub fn load_str(display: &str, text: &str) -> Loaded {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Loaded::failed(Diagnostic {
            hint: Some(
                "a scenario starts with `(` and an `id:` field; see docs/authoring.md".into(),
            ),
            ..file_error(display, "empty", "the file is empty".into())
        });
    }
    let options = ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT);
    let mut scenario: Scenario = match options.from_str(text) {
        Ok(s) => s,
        Err(e) => return Loaded::failed(parse_diagnostic(display, &e)),
    };
    scenario.build_index();
    let map = SourceMap::scan(text);
    let mut diagnostics = validate::validate(display, &scenario, &map);
    diagnostics.extend(super::charset::check(display, &map));
    if !diagnostics.iter().any(Diagnostic::is_error) {
        diagnostics.extend(flow::check(display, &scenario, &map));
    }
    if !diagnostics.iter().any(Diagnostic::is_error) {
        diagnostics.extend(lints::lint(display, &scenario, &map));
        diagnostics.extend(wording::lint(display, &scenario, &map));
    }
    diagnostic::sort(&mut diagnostics);
    let has_errors = diagnostics.iter().any(Diagnostic::is_error);
    Loaded {
        scenario: (!has_errors).then_some(scenario),
        diagnostics,
    }
}

fn parse_diagnostic(display: &str, e: &ron::error::SpannedError) -> Diagnostic {
    use ron::Error as E;
    let (code, hint): (&'static str, Option<String>) = match &e.code {
        E::NoSuchStructField { expected, .. } => (
            "unknown-field",
            Some(format!(
                "the fields allowed here are: {}",
                expected.join(", ")
            )),
        ),
        E::MissingStructField { .. } => ("missing-field", None),
        E::DuplicateStructField { .. } => ("duplicate-field", None),
        E::NoSuchEnumVariant { expected, .. } => (
            "unknown-variant",
            Some(format!(
                "the values allowed here are: {}",
                expected.join(", ")
            )),
        ),
        E::InvalidValueForType { .. }
        | E::ExpectedBoolean
        | E::ExpectedInteger
        | E::ExpectedFloat
        | E::ExpectedString
        | E::ExpectedOption
        | E::ExpectedArray
        | E::ExpectedMap
        | E::ExpectedStructLike
        | E::ExpectedNamedStructLike(_)
        | E::IntegerOutOfBounds => ("wrong-type", None),
        E::ExceededRecursionLimit => (
            "too-deep",
            Some(format!("data nests deeper than {RECURSION_LIMIT} levels")),
        ),
        E::Eof => (
            "syntax",
            Some("the file ends too early: is a closing `)` or `]` missing?".into()),
        ),
        E::ExpectedComma => (
            "syntax",
            Some("fields and list items are separated by commas".into()),
        ),
        _ => ("syntax", None),
    };
    Diagnostic {
        path: display.to_string(),
        line: e.span.start.line.max(1),
        col: e.span.start.col.max(1),
        severity: Severity::Error,
        code,
        message: parse_message(&e.code),
        hint,
    }
}

/// ron's messages name Rust types; say what an author wrote instead.
fn parse_message(e: &ron::Error) -> String {
    use ron::Error as E;
    fn what(outer: &Option<String>) -> String {
        match outer.as_deref() {
            Some("Scenario") => "the scenario".into(),
            Some("Setting") => "the setting".into(),
            Some("Persona") => "the persona".into(),
            Some("Layer") => "a layer".into(),
            Some("Node") => "a node".into(),
            Some("Line") => "a line".into(),
            Some("Choice") => "an option".into(),
            Some("Ending") => "an ending".into(),
            Some("Route") => "a route".into(),
            Some("Allow") => "an allow entry".into(),
            Some(other) => format!("`{other}`"),
            None => "this place".into(),
        }
    }
    match e {
        E::NoSuchStructField { found, outer, .. } => {
            format!("unknown field `{found}` in {}", what(outer))
        }
        E::MissingStructField { field, outer } => {
            format!("missing field `{field}` in {}", what(outer))
        }
        E::DuplicateStructField { field, outer } => {
            format!("field `{field}` appears twice in {}", what(outer))
        }
        E::NoSuchEnumVariant { found, .. } => format!("`{found}` is not an allowed value here"),
        E::InvalidValueForType { expected, found } => format!("expected {expected}, found {found}"),
        E::ExceededRecursionLimit => {
            format!("the data nests more than {RECURSION_LIMIT} levels deep")
        }
        other => other.to_string(),
    }
}
