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
pub mod support;
pub mod tells;
pub mod validate;
pub mod wording;

use crate::scenario::Scenario;
use crate::scenario::diagnostic::{self, Diagnostic};
use crate::scenario::parse::{decode, parse_str};

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
    let mut diagnostics = validate::validate(display, &scenario, &map);
    diagnostics.extend(charset::check(display, &map));
    diagnostics.extend(line_breaks::check(display, &map));
    if !diagnostics.iter().any(Diagnostic::is_error) {
        diagnostics.extend(flow::check(display, &scenario, &map));
    }
    if !diagnostics.iter().any(Diagnostic::is_error) {
        diagnostics.extend(lints::lint(display, &scenario, &map));
        let mut r = validate::Reporter::new(display, &map);
        headroom::lint(&mut r, &scenario);
        severity::lint(&mut r, &scenario);
        tells::lint(&mut r, &scenario);
        codes::lint(&mut r, &scenario);
        support::lint(&mut r, &scenario);
        diagnostics.extend(r.out);
        diagnostics.extend(wording::lint(display, &scenario, &map));
        diagnostics.extend(line_variants::lint(display, &scenario, &map));
    }
    diagnostic::sort(&mut diagnostics);
    let has_errors = diagnostics.iter().any(Diagnostic::is_error);
    Loaded {
        scenario: (!has_errors).then_some(scenario),
        diagnostics,
    }
}
