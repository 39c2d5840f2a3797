//! Content lints: warnings about scenarios that are valid but teach badly,
//! chiefly answer tells that let a learner game the choices.
//!
//! Shipped scenarios must pass with no warnings. Tutorials are exempt from
//! the length and coverage lints, not from the fairness ones.

use std::collections::BTreeSet;

use super::validate::{Place, Reporter};
use crate::scenario::diagnostic::{Diagnostic, Severity};
use crate::scenario::graph::Graph;
use crate::scenario::source_map::SourceMap;
use crate::scenario::{Choice, Condition, EndingKind, Node, Rating, Scenario};
use crate::skills::{Roadblock, Skill};
use crate::text::count;

/// Minimum decisions on the longest path of a full scenario.
pub const MIN_LONGEST_PATH: usize = 10;
/// Minimum decisions on the path of best choices.
pub const MIN_BEST_PATH: usize = 8;
/// At most this share of decisions may have the best option as the longest.
pub const MAX_LONGEST_BEST_SHARE: f64 = 0.4;
/// Minimum distinct warm-sounding roadblocks per full scenario.
pub const MIN_WARM_ROADBLOCKS: usize = 3;
/// Minimum options at a decision.
pub const MIN_OPTIONS: usize = 3;

/// Every lint code, for documentation and `allow` checks.
pub const LINT_CODES: &[&str] = &[
    "option-count",
    "short-path",
    "short-best-path",
    "missing-ending-kind",
    "few-layers",
    "unused-layer",
    "few-band-variants",
    "missing-notes",
    "missing-framing",
    "longest-is-best",
    "few-warm-roadblocks",
    "no-two-good-options",
    "no-silence-option",
    "ungraded-effects",
    "sign-mismatch",
    "bad-allow",
    "unused-better",
    "trust-out-of-range",
    "effective-out-of-range",
    "surface-tell",
    "silence-always-sound",
    "empathy-not-rated",
    "repeated-trap",
    "missing-support",
];

/// The lints an author may silence for one option with `allow`.
pub const ALLOWABLE: &[&str] = &["sign-mismatch", "ungraded-effects", "option-names-unsaid"];

pub(crate) fn allowed(choice: &Choice, lint: &str) -> bool {
    choice
        .allow
        .iter()
        .any(|a| a.lint == lint && !a.reason.trim().is_empty())
}

fn warn<'p>(
    r: &mut Reporter,
    at: impl Into<Place<'p>>,
    code: &'static str,
    message: String,
    hint: &str,
) {
    r.push(at, Severity::Warning, code, message, Some(hint.to_string()));
}

/// The content lints for one scenario, in a fixed order: per decision, then
/// the scenario's framing, layers and answer tells, then (for full
/// scenarios only) its length, shape and variety.
pub fn lint(path: &str, s: &Scenario, g: &Graph, map: &SourceMap) -> Vec<Diagnostic> {
    let mut r = Reporter::new(path, map);
    let decisions: Vec<&Node> = s.nodes.iter().filter(|n| !n.options.is_empty()).collect();
    for node in &decisions {
        lint_decision(&mut r, node);
    }
    lint_framing(&mut r, s);
    lint_unused_layers(&mut r, s);
    lint_longest_is_best(&mut r, s, decisions.len());
    if s.tutorial {
        return r.out;
    }
    lint_path_lengths(&mut r, s, g);
    lint_endings_and_layers(&mut r, s);
    lint_band_variants(&mut r, &decisions);
    lint_option_variety(&mut r, &decisions);
    r.out
}

/// Where a top-level field of the scenario is written.
fn top(r: &Reporter, field: &str) -> Option<usize> {
    r.map.find_field(&[], field)
}

/// Enough options, facilitator notes and graded effects at one decision.
fn lint_decision(r: &mut Reporter, node: &Node) {
    let at = Place::Node(&node.id);
    if node.options.len() < MIN_OPTIONS {
        warn(
            r,
            at,
            "option-count",
            format!(
                "decision \"{}\" offers {}",
                node.id,
                count(node.options.len(), "option")
            ),
            "offer 3 or 4 options so the choice is a real one",
        );
    }
    if node.notes.as_deref().is_none_or(|n| n.trim().is_empty()) {
        warn(
            r,
            at,
            "missing-notes",
            format!("decision \"{}\" has no facilitator notes", node.id),
            "add `notes: \"...\"` with a question to ask the room",
        );
    }
    lint_effects(r, node);
}

/// Learning objectives and content notes are both given.
fn lint_framing(r: &mut Reporter, s: &Scenario) {
    if s.objectives.is_empty() || s.content_notes.is_empty() {
        let at = top(
            r,
            if s.objectives.is_empty() {
                "id"
            } else {
                "content_notes"
            },
        );
        warn(
            r,
            at,
            "missing-framing",
            "the scenario needs learning objectives and content notes".into(),
            "add `objectives: [...]` and `content_notes: [...]`; write \"None\" in a note if there is nothing to warn of",
        );
    }
}

/// Every layer is asked about by some condition, so reaching it shows.
fn lint_unused_layers(r: &mut Reporter, s: &Scenario) {
    let used_layers: BTreeSet<&str> = s
        .nodes
        .iter()
        .flat_map(|n| {
            n.lines
                .iter()
                .flat_map(|l| l.when.iter())
                .chain(n.options.iter().flat_map(|o| o.when.iter()))
                .chain(n.routes.iter().flat_map(|r| r.when.iter()))
        })
        .filter_map(|c| match c {
            Condition::LayerReached(l)
            | Condition::LayerNotReached(l)
            | Condition::Disclosed(l)
            | Condition::NotDisclosed(l) => Some(l.as_str()),
            _ => None,
        })
        .collect();
    for layer in &s.layers {
        if !used_layers.contains(layer.id.as_str()) {
            let at = r.map.find_str(&["layers"], "id", &layer.id, 0);
            warn(
                r,
                at,
                "unused-layer",
                format!(
                    "layer \"{}\" is never used in a condition, so reaching it changes nothing the learner sees",
                    layer.id
                ),
                "gate a line variant or an option on `layer_reached(\"...\")`",
            );
        }
    }
}

/// The best option is not too often the longest, an answer tell.
fn lint_longest_is_best(r: &mut Reporter, s: &Scenario, decisions: usize) {
    let longest_best = longest_is_best(s);
    if decisions != 0 && longest_best as f64 > MAX_LONGEST_BEST_SHARE * decisions as f64 {
        let at = top(r, "nodes");
        warn(
            r,
            at,
            "longest-is-best",
            format!(
                "the best option is the longest at {longest_best} of {decisions} decisions (at most {}% allowed): learners will learn to pick the longest",
                (MAX_LONGEST_BEST_SHARE * 100.0) as u32
            ),
            "shorten some best options, or make a tempting roadblock the longest",
        );
    }
}

/// A full scenario is long enough, also along its best choices.
fn lint_path_lengths(r: &mut Reporter, s: &Scenario, g: &Graph) {
    let longest = g.longest_path_decisions();
    if longest < MIN_LONGEST_PATH {
        let at = top(r, "start");
        warn(
            r,
            at,
            "short-path",
            format!(
                "the longest path has {}; a full scenario needs at least {MIN_LONGEST_PATH}",
                count(longest, "decision")
            ),
            "add decisions, or mark a short teaching scenario with `tutorial: true`",
        );
    }
    let best = crate::engine::best_path_len_up_to(s, MIN_BEST_PATH);
    if best < MIN_BEST_PATH {
        let at = top(r, "start");
        warn(
            r,
            at,
            "short-best-path",
            format!(
                "the path of best choices has {}; a full scenario needs at least {MIN_BEST_PATH}",
                count(best, "decision")
            ),
            "make sure the best options lead through the heart of the scenario",
        );
    }
}

/// A full scenario has a guarded ending and at least two disclosure layers.
fn lint_endings_and_layers(r: &mut Reporter, s: &Scenario) {
    if !s.nodes.iter().any(|n| {
        n.ending
            .as_ref()
            .is_some_and(|e| e.kind == EndingKind::Guarded)
    }) {
        let at = top(r, "nodes");
        warn(
            r,
            at,
            "missing-ending-kind",
            "the scenario has no guarded ending".into(),
            "add an ending of kind guarded for the talk that stays polite but shallow",
        );
    }
    if s.layers.len() < 2 {
        let at = top(
            r,
            if s.layers.is_empty() {
                "initial_trust"
            } else {
                "layers"
            },
        );
        warn(
            r,
            at,
            "few-layers",
            format!(
                "the scenario has {}; at least 2 are needed",
                count(s.layers.len(), "disclosure layer")
            ),
            "add layers so the peer's most important truth needs trust",
        );
    }
}

/// At least a third of the decisions vary their lines by openness band.
fn lint_band_variants(r: &mut Reporter, decisions: &[&Node]) {
    let varied = decisions
        .iter()
        .filter(|n| {
            // The same bands in another order are the same setting.
            let settings: BTreeSet<BTreeSet<_>> =
                n.lines.iter().map(|l| l.bands.iter().collect()).collect();
            settings.len() > 1
        })
        .count();
    if varied * 3 < decisions.len() {
        let at = top(r, "nodes");
        warn(
            r,
            at,
            "few-band-variants",
            format!(
                "only {varied} of {} decisions have line variants by openness band; at least a third should",
                decisions.len()
            ),
            "add `bands: [guarded, withdrawn]` variants so a guarded peer sounds guarded",
        );
    }
}

/// The options across the scenario tempt and teach: several warm-sounding
/// roadblocks, a decision with two sound options and a silence option.
fn lint_option_variety(r: &mut Reporter, decisions: &[&Node]) {
    let warm: BTreeSet<Roadblock> = decisions
        .iter()
        .flat_map(|n| n.options.iter())
        .flat_map(Choice::roadblocks)
        .filter(|r| r.sounds_warm())
        .collect();
    if warm.len() < MIN_WARM_ROADBLOCKS {
        let at = top(r, "nodes");
        warn(
            r,
            at,
            "few-warm-roadblocks",
            format!(
                "the scenario uses {}; at least {MIN_WARM_ROADBLOCKS} are needed",
                count(warm.len(), "warm-sounding roadblock kind")
            ),
            "write tempting praise, reassurance, advice, logic or interpretation options",
        );
    }
    if !decisions.iter().any(|n| {
        n.options
            .iter()
            .filter(|o| o.rating >= Rating::Good)
            .count()
            >= 2
    }) {
        let at = top(r, "nodes");
        warn(
            r,
            at,
            "no-two-good-options",
            "no decision has two sound options (good or best)".into(),
            "at least one decision should show that there is more than one right answer",
        );
    }
    let has_silence = decisions
        .iter()
        .flat_map(|n| n.options.iter())
        .any(|o| o.skills.contains(&Skill::AttentiveSilence));
    if !has_silence {
        let at = top(r, "nodes");
        warn(
            r,
            at,
            "no-silence-option",
            "no option offers attentive silence or letting the peer finish".into(),
            "add an option tagged attentive_silence",
        );
    }
}

/// How many decisions have a best option that is, alone, the longest.
/// An answer-tell figure, shared with `attune stats`.
pub fn longest_is_best(s: &Scenario) -> usize {
    s.nodes
        .iter()
        .filter(|n| {
            // One pass: the longest length, how many options have it, and
            // whether the (first) one that has it is best.
            let mut longest: Option<(usize, usize, bool)> = None;
            for o in &n.options {
                let len = o.text.chars().count();
                longest = match longest {
                    Some((l, count, best)) if len == l => Some((l, count + 1, best)),
                    Some((l, ..)) if len < l => longest,
                    _ => Some((len, 1, o.rating == Rating::Best)),
                };
            }
            longest.is_some_and(|(_, count, best)| count == 1 && best)
        })
        .count()
}

/// Graded effects and sign mismatches within one decision.
fn lint_effects(r: &mut Reporter, node: &Node) {
    for o in &node.options {
        let at = Place::Option {
            node: &node.id,
            option: &o.id,
        };
        for a in &o.allow {
            let bad = !ALLOWABLE.contains(&a.lint.as_str());
            if !bad && !a.reason.trim().is_empty() {
                continue;
            }
            let at = r.option_field_at(&node.id, &o.id, "allow");
            if bad {
                let message = format!(
                    "option \"{}\" allows \"{}\", which cannot be silenced for one option",
                    o.id, a.lint
                );
                let hint = "only sign-mismatch, ungraded-effects and option-names-unsaid can be allowed per option";
                warn(r, at, "bad-allow", message, hint);
            } else if a.reason.trim().is_empty() {
                let message = format!(
                    "option \"{}\" allows \"{}\" without a reason, so the warning still shows",
                    o.id, a.lint
                );
                warn(
                    r,
                    at,
                    "bad-allow",
                    message,
                    "say why this option is an exception: `reason: \"...\"`",
                );
            }
        }
        if o.rating == Rating::Best && o.better.is_some() {
            let at = r.option_field_at(&node.id, &o.id, "better");
            let message = format!(
                "option \"{}\" is rated best, so its `better` text is never shown",
                o.id
            );
            warn(
                r,
                at,
                "unused-better",
                message,
                "remove `better`, or rate the option below best",
            );
        }
        let base = o.base_trust();
        if !allowed(o, "sign-mismatch") {
            if o.roadblock().is_some() && base > 0 {
                warn(
                    r,
                    at,
                    "sign-mismatch",
                    format!(
                        "option \"{}\" is a roadblock but gains trust ({base:+})",
                        o.id
                    ),
                    "give it a trust loss, or add `allow: [(lint: \"sign-mismatch\", reason: \"...\")]`",
                );
            } else if o.roadblock().is_none()
                && o.skills.first().is_some_and(|s| s.is_listening())
                && base < 0
            {
                warn(
                    r,
                    at,
                    "sign-mismatch",
                    format!(
                        "option \"{}\" is a listening move but loses trust ({base:+})",
                        o.id
                    ),
                    "give it a trust gain, or add `allow: [(lint: \"sign-mismatch\", reason: \"...\")]`",
                );
            }
        }
        if allowed(o, "ungraded-effects") {
            continue;
        }
        if let Some(lower) = node
            .options
            .iter()
            .find(|p| p.rating < o.rating && p.base_trust() > base)
        {
            warn(
                r,
                at,
                "ungraded-effects",
                format!(
                    "option \"{}\" is rated {} but gains less trust ({base:+}) than \"{}\", rated {} ({:+})",
                    o.id,
                    o.rating.label(),
                    lower.id,
                    lower.rating.label(),
                    lower.base_trust()
                ),
                "a better-rated option should never cost more trust than a worse-rated one",
            );
        }
    }
}
