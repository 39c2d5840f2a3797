//! Checking a scenario: structural validation, reachability with trust,
//! and the content lints that catch answer tells.
//!
//! Some checks play the conversation engine (the path of best choices,
//! which endings trust can reach), so this layer stands above
//! [`crate::engine`]; the engine itself only ever sees checked scenarios.
//! The validator collects every diagnostic instead of stopping at the
//! first.

pub mod across;
pub mod charset;
pub mod codes;
pub mod disclosure;
pub mod explore;
pub mod flow;
pub mod guesser;
pub mod headroom;
pub mod line_breaks;
pub mod line_variants;
pub mod lints;
pub mod mentions;
pub mod severity;
pub mod stats;
pub mod strings;
pub mod support;
pub mod tells;
pub mod validate;
pub mod wording;

use crate::scenario::Scenario;
use crate::scenario::diagnostic::{self, Diagnostic};
use crate::scenario::graph::Graph;
use crate::scenario::parse::{decode, parse_str};
use crate::scenario::source_map::SourceMap;

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

    /// A file that could not be read or parsed at all.
    pub fn failed(diagnostic: Diagnostic) -> Self {
        Loaded {
            scenario: None,
            diagnostics: vec![diagnostic],
        }
    }
}

/// Checks file contents already in memory (shipped scenarios, files read
/// by a front end, tests). `display` is how the file is named in
/// diagnostics.
pub fn load_bytes(display: &str, bytes: &[u8]) -> Loaded {
    match decode(display, bytes) {
        Ok(text) => load_str(display, text),
        Err(d) => Loaded::failed(d),
    }
}

/// Parses and checks RON text: every diagnostic, sorted by place, and the
/// scenario when there are no errors.
pub fn load_str(display: &str, text: &str) -> Loaded {
    let (scenario, map) = match parse_str(display, text) {
        Ok(parsed) => parsed,
        Err(d) => return Loaded::failed(d),
    };
    let diagnostics = check_parsed(display, &scenario, &map);
    let has_errors = diagnostics.iter().any(Diagnostic::is_error);
    Loaded {
        scenario: (!has_errors).then_some(scenario),
        diagnostics,
    }
}

/// Every check of a parsed scenario, its diagnostics sorted by place.
/// The map is scanned only when something is reported: a file that checks
/// clean is never scanned for places.
fn check_parsed(display: &str, scenario: &Scenario, map: &SourceMap) -> Vec<Diagnostic> {
    let mut diagnostics = validate::validate(display, scenario, map);
    // Both scan the file for places. A decoded string holds every character
    // its literal does, so when no string could be reported the scan is
    // skipped (see `strings`).
    let survey = strings::Survey::of(scenario);
    if survey.odd_text {
        diagnostics.extend(charset::check(display, map));
        diagnostics.extend(line_breaks::check(display, map));
    }
    // The flow and the lints assume a sound structure: they run only
    // while there is no error.
    let sound = |d: &[Diagnostic]| !d.iter().any(Diagnostic::is_error);
    if sound(&diagnostics) {
        let graph = Graph::new(scenario);
        diagnostics.extend(flow::check(display, scenario, &graph, map));
        if sound(&diagnostics) {
            diagnostics.extend(lints::lint(display, scenario, &graph, map));
            let mut r = validate::Reporter::new(display, map);
            headroom::lint(&mut r, scenario);
            severity::lint(&mut r, scenario);
            tells::lint(&mut r, scenario);
            codes::lint(&mut r, scenario);
            support::lint(&mut r, scenario);
            diagnostics.extend(r.out);
            diagnostics.extend(wording::lint(display, scenario, map, survey.self_harm));
            diagnostics.extend(line_variants::lint(display, scenario, map));
        }
    }
    diagnostic::sort(&mut diagnostics);
    diagnostics
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The map is scanned for places only when something is reported, so
    /// a clean file costs no scan; a file with one warning is scanned and
    /// the warning placed.
    #[test]
    fn a_clean_file_is_never_scanned_for_places() {
        let text = crate::library::shipped_text("job_loss.ron").expect("shipped");
        let (scenario, map) = parse_str("job_loss.ron", text).expect("parses");
        assert_eq!(check_parsed("job_loss.ron", &scenario, &map), Vec::new());
        assert!(!map.is_scanned());

        let warned = text.replacen(
            "content_notes: [",
            "content_notes: [\"Mind\nthe break.\", ",
            1,
        );
        let (scenario, map) = parse_str("job_loss.ron", &warned).expect("parses");
        let found = check_parsed("job_loss.ron", &scenario, &map);
        assert!(map.is_scanned());
        let codes: Vec<_> = found.iter().map(|d| (d.code, d.line > 1)).collect();
        assert_eq!(codes, [("line-break-in-text", true)]);
    }
}
