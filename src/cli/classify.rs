//! `attune classify`: codes typed replies from stdin, one result a line.
//!
//! The output always has exactly one line per input line, so a script can
//! zip them back together: a blank line gets a result with no code.

use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;

use serde_json::json;

use super::Format;
use crate::classify::{Classification, Model};

/// Rounded for output: three places are plenty for a probability.
fn round(p: f32) -> f64 {
    (f64::from(p) * 1000.0).round() / 1000.0
}

/// One JSON object: text, code, family, confidence, family_confidence and
/// the runners-up. Blank text gives nulls and no alternatives.
pub fn json_line(text: &str, result: Option<&Classification>) -> serde_json::Value {
    match result {
        Some(c) => json!({
            "text": text,
            "code": c.code.name(),
            "family": c.family.name(),
            "confidence": round(c.confidence),
            "family_confidence": round(c.family_confidence),
            "alternatives": c.alternatives.iter().map(|(code, p)| json!({
                "code": code.name(),
                "family": code.family().name(),
                "confidence": round(*p),
            })).collect::<Vec<_>>(),
        }),
        None => json!({
            "text": text,
            "code": null,
            "family": null,
            "confidence": null,
            "family_confidence": null,
            "alternatives": [],
        }),
    }
}

/// One text line: code, family and confidence, tab-separated; `-` for a
/// blank input line.
pub fn text_line(result: Option<&Classification>) -> String {
    match result {
        Some(c) => format!("{}\t{}\t{:.2}", c.code.name(), c.family, c.confidence),
        None => "-\t-\t-".to_string(),
    }
}

pub fn run(format: Format) -> ExitCode {
    let model = Model::shipped();
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut raw = Vec::new();
    loop {
        raw.clear();
        match input.read_until(b'\n', &mut raw) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                super::emit_error(&format!("error: cannot read standard input: {e}"));
                return ExitCode::FAILURE;
            }
        }
        // Bytes that are not UTF-8 still get their line.
        let line = String::from_utf8_lossy(&raw);
        let text = line.trim_end_matches(['\n', '\r']);
        let result = model.classify(text);
        let written = match format {
            Format::Json => writeln!(out, "{}", json_line(text, result.as_ref())),
            Format::Text => writeln!(out, "{}", text_line(result.as_ref())),
        };
        if let Err(e) = written {
            return write_failed(&e);
        }
    }
    match out.flush() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => write_failed(&e),
    }
}

/// A closed pipe means the reader has what it wanted; anything else is an
/// error.
fn write_failed(e: &std::io::Error) -> ExitCode {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    eprintln!("error: cannot write output: {e}");
    ExitCode::FAILURE
}
