//! Lints across a library of scenarios, run wherever several files are
//! checked together (`attune check` on a folder, `attune stats --library`,
//! the shipped-library test): tells a learner picks up from one scenario
//! to the next rather than within one.

use std::collections::{BTreeMap, BTreeSet};

use super::tells::{is_wrong, silence_options};
use super::validate::Reporter;
use crate::scenario::Scenario;
use crate::scenario::diagnostic::{self, Diagnostic, Severity};
use crate::scenario::parse::parse_str;
use crate::scenario::source_map::SourceMap;
use crate::text::words;

/// A trap sentence may be a wrong option in at most this many scenarios.
pub const MAX_TRAP_SCENARIOS: usize = 2;
/// Shorter sentences ("Okay.", "I see.") are common speech, not traps.
pub const MIN_TRAP_WORDS: usize = 4;
/// Across the library, silence offered this often and never wrong is a
/// tell even when no one scenario offers it twice.
pub const MIN_LIBRARY_SILENCE: usize = 3;

/// One checked file of the library.
pub struct LibraryFile<'a> {
    /// How the file is named in diagnostics.
    pub path: &'a str,
    pub scenario: &'a Scenario,
    /// The file's text, to place diagnostics; without it they point at
    /// the file's start.
    pub text: Option<&'a str>,
}

/// Words that open a sentence without changing it: "Oh, I know exactly
/// how you feel" is the same trap as "I know exactly how you feel".
const OPENERS: &[&str] = &[
    "oh", "well", "look", "so", "and", "but", "hey", "ah", "right", "okay", "ok", "listen",
];

/// The sentences of a text, each as a key (its words as [`words`] spells
/// them, without opening fillers) and as written.
pub fn sentences(text: &str) -> Vec<(String, String)> {
    text.split_inclusive(['.', '?', '!', '\u{2026}', ';'])
        .map(|s| {
            let shown = s.trim().to_string();
            let ws = words(&shown);
            let start = ws
                .iter()
                .position(|w| !OPENERS.contains(&w.as_str()))
                .unwrap_or(ws.len());
            (ws[start..].join(" "), shown)
        })
        .filter(|(key, _)| key.split(' ').count() >= MIN_TRAP_WORDS)
        .collect()
}

/// Every lint across the files, sorted by place.
pub fn lint(files: &[LibraryFile]) -> Vec<Diagnostic> {
    let maps: Vec<SourceMap> = files
        .iter()
        .map(|f| {
            f.text
                .and_then(|t| parse_str(f.path, t).ok())
                .map(|(_, map)| map)
                .unwrap_or_default()
        })
        .collect();
    let mut out = Vec::new();
    repeated_traps(files, &maps, &mut out);
    library_silence(files, &maps, &mut out);
    diagnostic::sort(&mut out);
    out
}

/// Where a trap sentence is written: file, node, option, as written.
type Place = (usize, String, String, String);

fn repeated_traps(files: &[LibraryFile], maps: &[SourceMap], out: &mut Vec<Diagnostic>) {
    let mut found: BTreeMap<String, Vec<Place>> = BTreeMap::new();
    for (i, f) in files.iter().enumerate() {
        for node in &f.scenario.nodes {
            for o in node.options.iter().filter(|o| is_wrong(o)) {
                for (key, shown) in sentences(&o.text) {
                    found
                        .entry(key)
                        .or_default()
                        .push((i, node.id.clone(), o.id.clone(), shown));
                }
            }
        }
    }
    for places in found.values() {
        let ids: BTreeSet<&str> = places
            .iter()
            .map(|p| files[p.0].scenario.id.as_str())
            .collect();
        if ids.len() <= MAX_TRAP_SCENARIOS {
            continue;
        }
        let mut reported = BTreeSet::new();
        for (i, node, option, shown) in places {
            if !reported.insert(*i) {
                continue;
            }
            let here = files[*i].scenario.id.as_str();
            let others: Vec<&str> = ids.iter().copied().filter(|id| *id != here).collect();
            let mut r = Reporter::new(files[*i].path, &maps[*i]);
            let at = r.option_field_at(node, option, "text");
            r.push(
                at,
                Severity::Warning,
                "repeated-trap",
                format!(
                    "the wrong option \"{option}\" in \"{node}\" says \"{shown}\", which is also a wrong option in {} other scenarios ({}): a learner who has met it once knows it is wrong",
                    others.len(),
                    others.join(", ")
                ),
                Some(
                    "write a trap that belongs to this peer and this moment, one a kind supporter could really say here"
                        .into(),
                ),
            );
            out.extend(r.out);
        }
    }
}

/// Silence offered across the library and never rated below good.
fn library_silence(files: &[LibraryFile], maps: &[SourceMap], out: &mut Vec<Diagnostic>) {
    let all: Vec<(usize, String, String, bool)> = files
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.scenario.tutorial)
        .flat_map(|(i, f)| {
            silence_options(f.scenario)
                .into_iter()
                .map(move |(n, o)| (i, n.id.clone(), o.id.clone(), is_wrong(o)))
        })
        .collect();
    if all.len() < MIN_LIBRARY_SILENCE || all.iter().any(|s| s.3) {
        return;
    }
    let Some((i, node, option, _)) = all.first() else {
        return;
    };
    let scenarios: BTreeSet<usize> = all.iter().map(|s| s.0).collect();
    let mut r = Reporter::new(files[*i].path, &maps[*i]);
    let at = r.option_at(node, option);
    r.push(
        at,
        Severity::Warning,
        "silence-always-sound",
        format!(
            "across the library, silence is offered {} times in {} scenarios and never rated below good: learners will learn that waiting is always safe",
            all.len(),
            scenarios.len()
        ),
        Some(
            "make silence the wrong move in some scenario: in a chat, where it reads as absence, or after a direct question, where it is avoidance"
                .into(),
        ),
    );
    out.extend(r.out);
}
