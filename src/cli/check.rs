//! `attune check`: validate files and print every diagnostic.

use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use super::Format;
use crate::check::across::{self, LibraryFile};
use crate::files::source_text;
use crate::library::{Library, Source};
use crate::scenario::diagnostic;
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
    let mut files = if paths.is_empty() {
        library_files(extra)
    } else {
        path_files(paths)
    };
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

/// Every file of the library (shipped and `--dialogues`), follow-up links
/// checked across all of them.
fn library_files(extra: &[PathBuf]) -> Vec<FileReport> {
    super::library(extra)
        .entries
        .into_iter()
        .map(|entry| FileReport {
            text: source_text(&entry.source),
            path: entry.source.display(),
            diagnostics: entry.diagnostics,
            scenario: entry.scenario,
        })
        .collect()
}

/// The files named on the command line. A folder is a library: its
/// follow-ups must name a scenario in it (or a shipped one) and an ending
/// of it. A file named alone checks its own shape only.
fn path_files(paths: &[PathBuf]) -> Vec<FileReport> {
    let mut library = Library::default();
    let mut in_folder = Vec::new();
    for path in paths {
        let before = library.entries.len();
        crate::files::add_path(&mut library, path);
        let added = library.entries.len() - before;
        in_folder.extend(std::iter::repeat_n(path.is_dir(), added));
    }
    let mut links: Vec<(usize, Diagnostic)> = Vec::new();
    if library.scenarios().any(|s| s.follows.is_some()) {
        // Shipped scenarios come first, so a folder's own win, as in the app.
        let mut known = Library::shipped();
        let shipped = known.entries.len();
        known.entries.append(&mut library.entries);
        links = known
            .follow_up_problems(source_text)
            .into_iter()
            .filter_map(|(i, d)| i.checked_sub(shipped).map(|i| (i, d)))
            .filter(|(i, _)| in_folder.get(*i).copied().unwrap_or(false))
            .collect();
        library.entries = known.entries.split_off(shipped);
    }
    let mut files: Vec<FileReport> = library
        .entries
        .into_iter()
        .map(|entry| FileReport {
            text: source_text(&entry.source),
            path: entry.source.display(),
            diagnostics: entry.diagnostics,
            scenario: entry.scenario,
        })
        .collect();
    for (i, d) in links {
        if let Some(file) = files.get_mut(i) {
            file.diagnostics.push(d);
            diagnostic::sort(&mut file.diagnostics);
        }
    }
    files
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

/// A small dialogue file's text, to quote in diagnostics.
pub(super) fn read_small(path: &std::path::Path) -> Option<String> {
    source_text(&Source::File(path.to_path_buf()))
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
