//! `attune stats`: figures about one scenario, or with `--library` the
//! answer tells across all of them, as text or JSON.

use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use super::Format;
use crate::check::across::{self, LibraryFile};
use crate::check::guesser::{GuesserReport, guess};
use crate::check::stats::{Count, Stats, stats};
use crate::library::{Source, shipped_text};
use crate::scenario::graph::PATH_COUNT_CAP;
use crate::scenario::{Diagnostic, Scenario};
use crate::text::count;

pub fn run(name: &str, format: Format, extra: &[PathBuf]) -> ExitCode {
    let scenario = match super::play::resolve(name, extra) {
        Ok(s) => s,
        Err(message) => {
            super::emit_error(&message);
            return ExitCode::FAILURE;
        }
    };
    let figures = stats(&scenario);
    match format {
        Format::Json => match serde_json::to_string_pretty(&figures) {
            Ok(json) => super::emit(&format!("{json}\n")),
            Err(e) => {
                eprintln!("error: cannot write JSON: {e}");
                return ExitCode::FAILURE;
            }
        },
        Format::Text => super::emit(&text(&figures)),
    }
    ExitCode::SUCCESS
}

fn list(counts: &[Count]) -> String {
    let parts: Vec<String> = counts
        .iter()
        .map(|c| format!("{} {}", c.name.replace('_', " "), c.count))
        .collect();
    parts.join(", ")
}

fn text(s: &Stats) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", s.title, s.id);
    let _ = writeln!(
        out,
        "  {}, {}, {} ({}), {}",
        count(s.decisions, "decision"),
        count(s.options, "option"),
        count(s.endings, "ending"),
        list(&s.endings_by_kind),
        count(s.branches, "branch"),
    );
    let _ = writeln!(out, "  Words in lines and options: {}", s.words);
    let p = &s.paths;
    let show = |v: Option<usize>| v.map_or("none".to_string(), |v| count(v, "decision"));
    let _ = writeln!(
        out,
        "  Paths to an ending (following every option, ignoring conditions):"
    );
    let _ = writeln!(
        out,
        "    shortest {}, longest {}",
        show(p.shortest),
        show(p.longest)
    );
    let number = if p.capped {
        format!("at least {PATH_COUNT_CAP} (counting stopped there)")
    } else {
        p.count.to_string()
    };
    let _ = writeln!(
        out,
        "    distinct paths: {number}{}",
        if p.loops {
            "; the scenario has loops, so going round them adds unlimited more"
        } else {
            ""
        }
    );
    let _ = writeln!(
        out,
        "  Path of best choices: {}",
        count(s.best_path, "decision")
    );
    let _ = writeln!(out, "  Ratings: {}", list(&s.ratings));
    let _ = writeln!(out, "  Skill mix (tags on options):");
    for c in &s.skills {
        let _ = writeln!(out, "    {:<28} {}", c.name, c.count);
    }
    let t = &s.answer_tells;
    let _ = writeln!(out, "  Answer tells:");
    let _ = writeln!(
        out,
        "    best option alone the longest: {} of {} ({}%, at most {}% allowed)",
        t.longest_is_best,
        count(s.decisions, "decision"),
        t.longest_is_best_percent,
        t.longest_is_best_limit_percent
    );
    let _ = writeln!(
        out,
        "    options far longer than their siblings: {}",
        t.long_options
    );
    let _ = writeln!(
        out,
        "    best option written first: {} of {} (shown shuffled, so harmless)",
        t.best_written_first, s.decisions
    );
    out
}

/// What `attune stats --library` reports.
#[derive(Serialize)]
struct LibraryStats {
    scenarios: usize,
    guesser: GuesserReport,
    /// The lints across scenarios (repeated traps, silence never wrong).
    diagnostics: Vec<Diagnostic>,
}

/// `attune stats --library`: the answer tells of the whole library.
pub fn run_library(format: Format, extra: &[PathBuf]) -> ExitCode {
    let library = super::library(extra);
    let texts: Vec<Option<String>> = library
        .entries
        .iter()
        .map(|e| match &e.source {
            Source::Shipped(name) => shipped_text(name).map(str::to_string),
            Source::File(path) => super::check::read_small(path),
        })
        .collect();
    let paths: Vec<String> = library.entries.iter().map(|e| e.source.display()).collect();
    let files: Vec<LibraryFile> = library
        .entries
        .iter()
        .zip(&paths)
        .zip(&texts)
        .filter_map(|((e, path), text)| {
            e.scenario.as_ref().map(|scenario| LibraryFile {
                path,
                scenario,
                text: text.as_deref(),
            })
        })
        .collect();
    let scenarios: Vec<&Scenario> = files.iter().map(|f| f.scenario).collect();
    let figures = LibraryStats {
        scenarios: scenarios.len(),
        guesser: guess(&scenarios),
        diagnostics: across::lint(&files),
    };
    match format {
        Format::Json => match serde_json::to_string_pretty(&figures) {
            Ok(json) => super::emit(&format!("{json}\n")),
            Err(e) => {
                eprintln!("error: cannot write JSON: {e}");
                return ExitCode::FAILURE;
            }
        },
        Format::Text => super::emit(&library_text(&figures)),
    }
    ExitCode::SUCCESS
}

fn library_text(l: &LibraryStats) -> String {
    let mut out = String::new();
    let g = &l.guesser;
    let _ = writeln!(out, "Library: {}", count(l.scenarios, "scenario"));
    let _ = writeln!(
        out,
        "  Word-based guesser (naive Bayes on each option's words, trained on the other scenarios; tutorials left out):"
    );
    for s in &g.scenarios {
        let _ = writeln!(
            out,
            "    {:<28} {:>5.1} of {} right ({:.0}%), chance {:.0}%",
            s.id,
            s.correct,
            count(s.decisions, "decision"),
            s.percent(),
            s.chance_percent()
        );
    }
    let _ = writeln!(
        out,
        "    {:<28} {:.0}% of {} right, chance {:.0}% (at most {:.0}% allowed)",
        "whole library",
        g.library.percent(),
        count(g.library.decisions, "decision"),
        g.library.chance_percent(),
        g.limit_percent
    );
    if g.over_limit() {
        let _ = writeln!(
            out,
            "warning[guesser]: a guesser that reads only the words picks the best option in {:.0}% of decisions (chance {:.0}%, at most {:.0}% allowed): the wording gives answers away",
            g.library.percent(),
            g.library.chance_percent(),
            g.limit_percent
        );
        let _ = writeln!(
            out,
            "  = hint: look for words and marks that only the best or only the wrong options use (`attune check` names the surface tells)"
        );
    }
    if l.diagnostics.is_empty() {
        let _ = writeln!(out, "  Lints across scenarios: none");
    } else {
        let _ = writeln!(out, "  Lints across scenarios:");
        for d in &l.diagnostics {
            let _ = writeln!(out, "{d}");
            if let Some(hint) = &d.hint {
                let _ = writeln!(out, "  = hint: {hint}");
            }
        }
    }
    out
}
