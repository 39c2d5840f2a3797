//! Reading dialogue text: bytes to text to a [`Scenario`] and its
//! [`SourceMap`]. Every failure becomes a [`Diagnostic`] with a place;
//! nothing panics. Checking what was read is [`crate::check`]'s job.

use ron::extensions::Extensions;

use super::diagnostic::{Diagnostic, Severity};
use super::model::Scenario;
use super::source_map::SourceMap;

/// Dialogue files larger than this are refused before parsing, so a file
/// that is not a dialogue (a video, a disk image) is never read whole. The
/// largest hand-written scenario is under 100 KB, but generated ones are
/// allowed: the 100,000-node scenario of the validation benchmark takes
/// about 57 MiB (docs/performance.md). Parsing a file this size peaks
/// at a few hundred MiB of memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// ron's nesting limit; deeper input is an error, not a stack overflow.
const RECURSION_LIMIT: usize = 64;

/// A diagnostic about the file as a whole, placed at its start.
pub fn file_error(path: &str, code: &'static str, message: String) -> Diagnostic {
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

/// The text of a dialogue file: refuses files over [`MAX_FILE_BYTES`] and
/// bytes that are not UTF-8, naming the place of the first bad byte.
pub fn decode<'b>(display: &str, bytes: &'b [u8]) -> Result<&'b str, Diagnostic> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Diagnostic {
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
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        // The prefix is valid UTF-8 by construction.
        let prefix = std::str::from_utf8(valid).unwrap_or_default();
        let line = prefix.matches('\n').count() + 1;
        let col = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Diagnostic {
            line,
            col,
            hint: Some("save the file as UTF-8 text; is this a binary file?".into()),
            ..file_error(
                display,
                "not-utf8",
                "the file is not valid UTF-8 text".into(),
            )
        }
    })
}

/// The `ron` settings every dialogue file is read with. Public so the
/// benchmarks can time a bare deserialisation against the whole check.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
}

/// Parses RON text into a scenario with its node index built, and maps
/// where each value stands in the text, for diagnostics. The scenario is
/// not checked: see [`crate::check::load_str`].
pub fn parse_str<'s>(
    display: &str,
    text: &'s str,
) -> Result<(Scenario, SourceMap<'s>), Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Diagnostic {
            hint: Some(
                "a scenario starts with `(` and an `id:` field; see docs/authoring.md".into(),
            ),
            ..file_error(display, "empty", "the file is empty".into())
        });
    }
    let mut scenario: Scenario = ron_options()
        .from_str(text)
        .map_err(|e| parse_diagnostic(display, text, &e))?;
    scenario.build_index();
    Ok((scenario, SourceMap::new(text)))
}

fn parse_diagnostic(display: &str, text: &str, e: &ron::error::SpannedError) -> Diagnostic {
    use ron::Error as E;
    let (line, col) = (e.span.start.line.max(1), e.span.start.col.max(1));
    if let Some(slip) = super::syntax::explain(text, &e.code, line, col) {
        return Diagnostic {
            path: display.to_string(),
            line,
            col,
            severity: Severity::Error,
            code: "syntax",
            message: slip.message,
            hint: Some(slip.hint),
        };
    }
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
        line,
        col,
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
