//! The shipped scenarios: valid, lint-clean, long enough, fair, and every
//! path ends with a complete debrief.

use std::collections::BTreeSet;

use attune_core::debrief::Debrief;
use attune_core::engine::{Pick, play_out};
use attune_core::library::Library;
use attune_core::scenario::graph::longest_path_decisions;
use attune_core::scenario::{EndingKind, Rating, Scenario};
use attune_core::skills::Skill;

const EXPECTED: &[&str] = &[
    "tutorial",
    "relapse",
    "im_fine",
    "job_loss",
    "the_label",
    "tell_me_what_to_do",
    "running_on_empty",
    "not_okay",
    "relapse_next_day",
    "past_thinking",
    "finger_marks",
    "fire_escape",
    "early_days",
    "forty_quid",
    "through_the_wall",
    "hen_weekend",
    "forty_one_years",
    "after_the_call",
];

/// Every diagnostic on the shipped files, one a line; the library lints
/// (across files) included.
fn shipped_diagnostics(library: &Library) -> String {
    let across = library.lint_across();
    library
        .entries
        .iter()
        .flat_map(|e| &e.diagnostics)
        .chain(&across)
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

fn shipped() -> Vec<Scenario> {
    let library = Library::shipped();
    let found = shipped_diagnostics(&library);
    assert!(
        found.is_empty(),
        "the shipped files have diagnostics:\n{found}"
    );
    library.scenarios().cloned().collect()
}

#[test]
fn shipped_files_pass_the_issue_16_lints() {
    let library = Library::shipped();
    let found = shipped_diagnostics(&library);
    assert!(
        found.is_empty(),
        "the shipped files have diagnostics:\n{found}"
    );
    // A guesser that reads only the words does little better than chance.
    let scenarios: Vec<&Scenario> = library.scenarios().collect();
    let guess = attune_core::check::guesser::guess(&scenarios);
    assert!(
        !guess.over_limit(),
        "a word-based guesser picks the best option in {:.0}% of decisions (chance {:.0}%)",
        guess.library.percent(),
        guess.library.chance_percent()
    );
}

fn full() -> Vec<Scenario> {
    shipped().into_iter().filter(|s| !s.tutorial).collect()
}

#[test]
fn every_shipped_scenario_validates_with_no_errors_or_warnings() {
    let ids: BTreeSet<String> = shipped().iter().map(|s| s.id.clone()).collect();
    for id in EXPECTED {
        assert!(ids.contains(*id), "scenario {id} is missing; have {ids:?}");
    }
}

#[test]
fn best_choices_open_the_peer_up_and_worst_choices_make_them_withdraw() {
    for s in full() {
        for seed in 0..100 {
            let best = play_out(&s, seed, &Pick::Best).unwrap();
            assert_eq!(
                best.ending(&s).map(|e| e.kind),
                Some(EndingKind::OpenedUp),
                "{} best, seed {seed}",
                s.id
            );
            let worst = play_out(&s, seed, &Pick::Worst).unwrap();
            assert_eq!(
                worst.ending(&s).map(|e| e.kind),
                Some(EndingKind::Withdrew),
                "{} worst, seed {seed}",
                s.id
            );
        }
    }
}

#[test]
fn a_thousand_random_playthroughs_end_with_a_complete_debrief_and_reach_every_ending_kind() {
    for s in shipped() {
        let mut kinds = BTreeSet::new();
        for seed in 0..1000 {
            let c = play_out(&s, seed, &Pick::Random).unwrap();
            let ending = c
                .ending(&s)
                .unwrap_or_else(|| panic!("{} seed {seed} did not end", s.id));
            kinds.insert(ending.kind);
            let d = Debrief::build(&s, &c);
            assert_eq!(d.turns.len(), c.turns().len());
            assert_eq!(d.trust_curve.len(), c.turns().len() + 1);
            assert_eq!(d.ending.as_ref().map(|e| e.kind), Some(ending.kind));
            for t in &d.turns {
                assert!(
                    !t.why.is_empty() && !t.skills.is_empty() && !t.reaction.is_empty(),
                    "{} {}",
                    s.id,
                    t.choice
                );
                assert_eq!(
                    t.better.is_none(),
                    t.rating == Rating::Best,
                    "{} {}",
                    s.id,
                    t.choice
                );
                assert!(t.empathy.is_none_or(|e| (1..=5).contains(&e)));
            }
        }
        if !s.tutorial {
            assert_eq!(
                kinds.len(),
                3,
                "{} random play reached only {kinds:?}",
                s.id
            );
        }
    }
}

#[test]
fn full_scenarios_meet_the_length_ending_and_disclosure_minimums() {
    for s in full() {
        let decisions: Vec<_> = s.nodes.iter().filter(|n| !n.options.is_empty()).collect();
        assert!(longest_path_decisions(&s) >= 10, "{}: longest path", s.id);
        assert!(
            attune_core::engine::best_path_len(&s) >= 8,
            "{}: best path",
            s.id
        );
        for n in &decisions {
            assert!(
                (3..=4).contains(&n.options.len()),
                "{} {}: options",
                s.id,
                n.id
            );
            assert!(n.notes.is_some(), "{} {}: notes", s.id, n.id);
        }
        let kinds: BTreeSet<EndingKind> = s
            .nodes
            .iter()
            .filter_map(|n| n.ending.as_ref().map(|e| e.kind))
            .collect();
        assert_eq!(kinds.len(), 3, "{}: ending kinds", s.id);
        assert!(s.nodes.iter().filter(|n| n.ending.is_some()).count() >= 3);
        assert!(s.layers.len() >= 2, "{}: layers", s.id);
        assert!(!s.objectives.is_empty() && !s.content_notes.is_empty());
        assert!(
            !s.persona.sensitive_to.is_empty(),
            "{}: sensitivities",
            s.id
        );
    }
}

#[test]
fn full_scenarios_have_no_answer_tells() {
    for s in full() {
        let decisions: Vec<_> = s.nodes.iter().filter(|n| !n.options.is_empty()).collect();
        let longest_is_best = decisions
            .iter()
            .filter(|n| {
                let max = n
                    .options
                    .iter()
                    .map(|o| o.text.chars().count())
                    .max()
                    .unwrap();
                let top: Vec<_> = n
                    .options
                    .iter()
                    .filter(|o| o.text.chars().count() == max)
                    .collect();
                top.len() == 1 && top[0].rating == Rating::Best
            })
            .count();
        assert!(
            longest_is_best * 10 <= decisions.len() * 4,
            "{}: best is longest at {longest_is_best}/{}",
            s.id,
            decisions.len()
        );
        let warm: BTreeSet<_> = decisions
            .iter()
            .flat_map(|n| &n.options)
            .filter_map(|o| o.roadblock())
            .filter(|r| r.sounds_warm())
            .collect();
        assert!(warm.len() >= 3, "{}: warm roadblocks {warm:?}", s.id);
        assert!(
            decisions.iter().any(|n| n
                .options
                .iter()
                .filter(|o| o.rating >= Rating::Good)
                .count()
                >= 2),
            "{}: two good options",
            s.id
        );
        assert!(
            decisions
                .iter()
                .flat_map(|n| &n.options)
                .any(|o| o.skills.contains(&Skill::AttentiveSilence)),
            "{}: silence",
            s.id
        );
        // Graded: clumsy-but-kind (poor) never costs more than hostile (harmful).
        for n in &decisions {
            for a in &n.options {
                for b in &n.options {
                    if a.rating > b.rating {
                        assert!(
                            a.base_trust() >= b.base_trust(),
                            "{} {}: {} vs {}",
                            s.id,
                            n.id,
                            a.id,
                            b.id
                        );
                    }
                }
            }
        }
        let varied = decisions
            .iter()
            .filter(|n| {
                n.lines
                    .iter()
                    .map(|l| &l.bands)
                    .collect::<BTreeSet<_>>()
                    .len()
                    > 1
            })
            .count();
        assert!(
            varied * 3 >= decisions.len(),
            "{}: band variants at {varied}/{}",
            s.id,
            decisions.len()
        );
    }
}
