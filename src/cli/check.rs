//! `attune check`: validate files and print every diagnostic.

use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use super::Format;
use crate::check::across::{self, LibraryFile};
use crate::files::load_file;
use crate::library::{self, Source};
use crate::scenario::diagnostic;
use crate::scenario::parse::MAX_FILE_BYTES;
use crate::scenario::{Diagnostic, Scenario};

#[derive(Serialize)]
struct FileReport {
    path: String,
    diagnostics: Vec<Diagnostic>,
    #[serde(skip)]
    text: Option<String>,
    /// The scenario when the file loaded, for the lints across files.
    #[serde(skip)]
    scenario: Option<Scenario>,
}

#[derive(Serialize)]
struct Report {
    files: Vec<FileReport>,
    errors: usize,
    warnings: usize,
}

pub fn run(paths: &[PathBuf], extra: &[PathBuf], format: Format) -> ExitCode {
    let mut files = Vec::new();
    if paths.is_empty() {
        for entry in super::library(extra).entries {
            let text = match &entry.source {
                Source::Shipped(name) => library::shipped_text(name).map(str::to_string),
                Source::File(path) => read_small(path),
            };
            files.push(FileReport {
                path: entry.source.display(),
                diagnostics: entry.diagnostics,
                text,
                scenario: entry.scenario,
            });
        }
    } else {
        for path in paths {
            for file in crate::files::ron_files(path) {
                match file {
                    Ok(file) => {
                        let loaded = load_file(&file);
                        files.push(FileReport {
                            path: file.display().to_string(),
                            diagnostics: loaded.diagnostics,
                            text: read_small(&file),
                            scenario: loaded.scenario,
                        });
                    }
                    Err(d) => files.push(FileReport {
                        path: d.path.clone(),
                        diagnostics: vec![d],
                        text: None,
                        scenario: None,
                    }),
                }
            }
        }
    }
    lint_across(&mut files);
    let errors = files
        .iter()
        .flat_map(|f| &f.diagnostics)
        .filter(|d| d.is_error())
        .count();
    let warnings = files.iter().flat_map(|f| &f.diagnostics).count() - errors;
    let report = Report {
        files,
        errors,
        warnings,
    };
    match format {
        Format::Json => match serde_json::to_string_pretty(&report) {
            Ok(json) => super::emit(&format!("{json}\n")),
            Err(e) => eprintln!("error: cannot write JSON: {e}"),
        },
        Format::Text => print_text(&report),
    }
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// With several files checked, the lints across them (a trap repeated in
/// many scenarios, silence never wrong) join each file's own diagnostics.
fn lint_across(files: &mut [FileReport]) {
    if files.len() < 2 {
        return;
    }
    let found = across::lint(
        &files
            .iter()
            .filter_map(|f| {
                f.scenario.as_ref().map(|scenario| LibraryFile {
                    path: &f.path,
                    scenario,
                    text: f.text.as_deref(),
                })
            })
            .collect::<Vec<_>>(),
    );
    for d in found {
        if let Some(f) = files.iter_mut().find(|f| f.path == d.path) {
            f.diagnostics.push(d);
            diagnostic::sort(&mut f.diagnostics);
        }
    }
}

pub(super) fn read_small(path: &std::path::Path) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    if meta.len() > MAX_FILE_BYTES {
        return None;
    }
    use std::io::Read as _;
    let mut text = String::new();
    crate::store::open_regular(path)
        .ok()?
        .take(MAX_FILE_BYTES)
        .read_to_string(&mut text)
        .ok()?;
    Some(text)
}

fn print_text(report: &Report) {
    use std::fmt::Write;
    let mut out = String::new();
    for file in &report.files {
        for d in &file.diagnostics {
            let _ = writeln!(out, "{d}");
            if let Some(line) = file
                .text
                .as_deref()
                .and_then(|t| t.lines().nth(d.line.saturating_sub(1)))
            {
                // Very long lines are cut so the caret stays on screen.
                let shown: String = line.chars().take(200).collect();
                let width = d.line.to_string().len();
                let _ = writeln!(out, "{:width$} |", "");
                let _ = writeln!(out, "{} | {}", d.line, shown);
                if d.col <= 200 {
                    let pad: String = shown
                        .chars()
                        .take(d.col - 1)
                        .map(|c| if c == '\t' { '\t' } else { ' ' })
                        .collect();
                    let _ = writeln!(out, "{:width$} | {pad}^", "");
                }
            }
            if let Some(hint) = &d.hint {
                let _ = writeln!(out, "  = hint: {hint}");
            }
        }
    }
    let files = report.files.len();
    let _ = writeln!(
        out,
        "checked {files} file{}: {} error{}, {} warning{}",
        if files == 1 { "" } else { "s" },
        report.errors,
        if report.errors == 1 { "" } else { "s" },
        report.warnings,
        if report.warnings == 1 { "" } else { "s" },
    );
    super::emit(&out);
}
