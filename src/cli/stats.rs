//! `attune stats`: figures about one scenario, as text or JSON.

use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::Format;
use crate::check::stats::{Count, Stats, stats};
use crate::scenario::graph::PATH_COUNT_CAP;
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
