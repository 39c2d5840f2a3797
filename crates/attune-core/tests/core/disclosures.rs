//! Ready is not said: over many random playthroughs of every shipped
//! scenario, everything the debrief and the report credit as disclosed was
//! shown in the transcript, by a line marked as disclosing it, at the turn
//! they name. The guide's tutorial (section 10 of docs/authoring.md) is
//! played as well.

use attune_core::debrief::{Debrief, report};
use attune_core::engine::{Conversation, Pick, play_out};
use attune_core::library::Library;
use attune_core::scenario::Scenario;

/// Playthroughs in all, spread over the shipped scenarios by seed.
const PLAYTHROUGHS: u64 = 10_000;
/// Every this many playthroughs the HTML report is rendered and read too.
const REPORT_EVERY: u64 = 7;

/// True when the line shown at step `at` is a variant of its node that
/// discloses `layer`.
fn shown_line_discloses(s: &Scenario, c: &Conversation, at: usize, layer: &str) -> bool {
    let Some(step) = c.steps().get(at) else {
        return false;
    };
    s.node(&step.node).is_some_and(|n| {
        n.lines
            .iter()
            .any(|l| l.text == step.line && l.discloses.iter().any(|d| d == layer))
    })
}

/// The first step whose shown line discloses `layer`.
fn first_said(s: &Scenario, c: &Conversation, layer: &str) -> Option<usize> {
    (0..c.steps().len()).find(|&at| shown_line_discloses(s, c, at, layer))
}

fn check_playthrough(s: &Scenario, c: &Conversation, with_report: bool) {
    let d = Debrief::build(s, c);
    let context = || format!("{} seed {} choices {:?}", s.id, c.seed, c.choices());
    for t in &d.turns {
        for layer in &t.layers_disclosed {
            // Turn n's reply is step n.
            assert!(
                shown_line_discloses(s, c, t.number, layer),
                "turn {} credits {layer}, but its reply does not say it: {}",
                t.number,
                context()
            );
            assert_eq!(
                first_said(s, c, layer),
                Some(t.number),
                "{layer} credited at the wrong turn: {}",
                context()
            );
        }
    }
    for mark in &d.layers {
        assert_eq!(
            mark.disclosed_at,
            first_said(s, c, &mark.id),
            "layer {} marked at the wrong step: {}",
            mark.id,
            context()
        );
    }
    if let Some(deepest) = &d.metrics.deepest_layer {
        assert!(
            first_said(s, c, deepest).is_some(),
            "deepest disclosure {deepest} was never said: {}",
            context()
        );
    }
    if with_report {
        let html = report::html(s, &d);
        for layer in &s.layers {
            if first_said(s, c, &layer.id).is_some() {
                continue;
            }
            let summary = report::escape(&layer.summary);
            for claim in [
                format!("Disclosed in the reply:</span> {summary}"),
                format!("Deepest disclosure: {summary}"),
            ] {
                assert!(
                    !html.contains(&claim),
                    "the report claims an unsaid layer: {claim}: {}",
                    context()
                );
            }
        }
    }
}

#[test]
fn every_credited_disclosure_was_said_at_the_turn_named() {
    let library = Library::shipped();
    // The guide's tutorial too: its disclosing line is marked.
    let guide = crate::load_file(std::path::Path::new(fixture!("tutorial_from_docs.ron")))
        .scenario
        .unwrap();
    let mut scenarios: Vec<&Scenario> = library.scenarios().collect();
    assert!(scenarios.len() >= 8, "{} shipped scenarios", scenarios.len());
    scenarios.push(&guide);
    let mut credited = 0usize;
    for seed in 0..PLAYTHROUGHS {
        let s = scenarios[(seed % scenarios.len() as u64) as usize];
        let c = play_out(s, seed, &Pick::Random).unwrap();
        check_playthrough(s, &c, seed % REPORT_EVERY == 0);
        credited += c.current().disclosed.len();
    }
    // Once the shipped lines are marked, random play discloses something.
    eprintln!("{credited} disclosures credited over {PLAYTHROUGHS} playthroughs");
}
