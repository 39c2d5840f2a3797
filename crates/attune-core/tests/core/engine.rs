//! The peer model's rules, one test each, on a fixture built for them.

use crate::load_file;
use attune_core::engine::{Adjustment, Conversation, EngineError};
use attune_core::scenario::{Band, EndingKind, Rating, Scenario};
use attune_core::skills::Roadblock;
use proptest::prelude::*;

fn fixture() -> Scenario {
    let loaded = load_file(std::path::Path::new(fixture!("engine.ron")));
    assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
    loaded.scenario.expect("fixture loads")
}

/// A seed whose mood of the day is zero, so trust arithmetic is exact.
fn calm_seed(s: &Scenario) -> u64 {
    (0..1000)
        .find(|&seed| Conversation::new(s, seed).map(|c| c.mood) == Ok(0))
        .expect("some seed has mood 0")
}

fn calm(s: &Scenario) -> Conversation {
    let c = Conversation::new(s, calm_seed(s)).unwrap();
    assert_eq!(c.trust(), 50);
    c
}

#[test]
fn mood_of_the_day_shifts_start_trust_within_five_and_is_seeded() {
    let s = fixture();
    let moods: Vec<i32> = (0..200)
        .map(|seed| Conversation::new(&s, seed).unwrap().mood)
        .collect();
    assert!(moods.iter().all(|m| (-5..=5).contains(m)));
    assert!(moods.iter().any(|&m| m < 0) && moods.iter().any(|&m| m > 0));
    for seed in 0..20 {
        let a = Conversation::new(&s, seed).unwrap();
        assert_eq!(a.trust(), 50 + a.mood);
        assert_eq!(a, Conversation::new(&s, seed).unwrap());
    }
}

#[test]
fn trust_change_follows_the_option_effect() {
    let s = fixture();
    let mut c = calm(&s);
    let out = c.choose(&s, "up").unwrap();
    assert_eq!((out.turn.trust_before, out.turn.trust_after), (50, 65));
    assert_eq!(c.trust(), 65);
    assert_eq!(c.band(), Band::Open);
}

#[test]
fn bands_are_twenty_points_wide() {
    assert_eq!(Band::from_trust(0), Band::Withdrawn);
    assert_eq!(Band::from_trust(19), Band::Withdrawn);
    assert_eq!(Band::from_trust(20), Band::Guarded);
    assert_eq!(Band::from_trust(40), Band::Cautious);
    assert_eq!(Band::from_trust(60), Band::Open);
    assert_eq!(Band::from_trust(79), Band::Open);
    assert_eq!(Band::from_trust(80), Band::OpeningUp);
    assert_eq!(Band::from_trust(100), Band::OpeningUp);
}

#[test]
fn trust_is_clamped_to_zero() {
    let s = fixture();
    let mut c = calm(&s);
    c.choose(&s, "judge").unwrap(); // 40
    c.choose(&s, "crash").unwrap(); // -50 is held at harmful's cap: 16
    assert_eq!(c.trust(), 16);
    c.choose(&s, "drop").unwrap(); // 16 - 20 would be -4
    assert_eq!(c.trust(), 0);
}

#[test]
fn persona_sensitivity_makes_a_roadblock_cost_more() {
    let s = fixture();
    let mut c = calm(&s);
    let out = c.choose(&s, "advise").unwrap();
    assert_eq!(
        out.turn.trust_after, 35,
        "advising costs 10 × 1.5 for a persona sensitive to it"
    );
    assert!(out.turn.adjustments.contains(&Adjustment::Sensitive {
        roadblock: Roadblock::Advising,
        extra: -5
    }));
    let mut d = calm(&s);
    assert_eq!(
        d.choose(&s, "judge").unwrap().turn.trust_after,
        40,
        "judging costs the authored 10"
    );
}

#[test]
fn a_repeated_roadblock_costs_more_than_the_first() {
    let s = fixture();
    let mut c = calm(&s);
    let first = c.choose(&s, "judge").unwrap();
    let second = c.choose(&s, "judge2").unwrap();
    let loss = |t: &attune_core::engine::Turn| t.trust_before - t.trust_after;
    assert_eq!(loss(&first.turn), 10);
    assert_eq!(loss(&second.turn), 15);
    assert!(matches!(
        second.turn.adjustments[..],
        [Adjustment::Repeated {
            roadblock: Roadblock::Judging,
            earlier: 1,
            extra: -5
        }]
    ));
}

#[test]
fn a_loss_never_passes_its_ratings_cap() {
    let s = fixture();
    let mut c = calm(&s);
    c.choose(&s, "neutral").unwrap(); // 50
    let out = c.choose(&s, "crash").unwrap();
    assert_eq!(out.turn.trust_after, 26, "harmful costs at most 24");
    let capped = Adjustment::Capped {
        rating: Rating::Harmful,
        full: -50,
        capped: 24,
    };
    assert_eq!(out.turn.adjustments, std::slice::from_ref(&capped));
    assert_eq!(
        capped.describe("Pat"),
        "A harmful choice never costs more than 24 trust; this one would have cost 50."
    );
    // A poor roadblock the persona is sensitive to, repeated, stops at 9.
    let text = std::fs::read_to_string(fixture!("engine.ron"))
        .unwrap()
        .replace(
            "rating: harmful, effects: [trust(-10)], goto: \"b\"",
            "rating: poor, effects: [trust(-8)], goto: \"b\"",
        );
    let poor = attune_core::check::load_str("poor.ron", &text)
        .scenario
        .unwrap();
    let mut d = calm(&poor);
    let out = d.choose(&poor, "advise").unwrap(); // 8 × 1.5 = 12, held at 9
    assert_eq!(out.turn.trust_after, 41);
    assert!(matches!(
        out.turn.adjustments[..],
        [
            Adjustment::Sensitive { .. },
            Adjustment::Capped {
                rating: Rating::Poor,
                full: -12,
                capped: 9
            }
        ]
    ));
}

#[test]
fn a_repair_recovers_half_of_the_previous_loss() {
    let s = fixture();
    let mut c = calm(&s);
    c.choose(&s, "judge").unwrap(); // 50 → 40
    let out = c.choose(&s, "repair").unwrap(); // +2, plus half of 10
    assert_eq!(out.turn.trust_after, 47);
    assert!(
        out.turn
            .adjustments
            .contains(&Adjustment::Repair { recovered: 5 })
    );
    // After a gain there is nothing to repair.
    let mut d = calm(&s);
    d.choose(&s, "up").unwrap();
    assert_eq!(d.choose(&s, "repair").unwrap().turn.trust_after, 67);
}

#[test]
fn falling_below_the_floor_ends_the_conversation_early() {
    let s = fixture();
    let mut c = calm(&s);
    c.choose(&s, "advise").unwrap(); // 35
    let out = c.choose(&s, "crash").unwrap(); // 11, below the floor of 12
    assert_eq!(out.ending, Some(EndingKind::Withdrew));
    assert_eq!(c.current().node, "end_withdrew");
    assert!(c.current().withdrew_early);
    assert!(c.is_finished(&s));
    assert!(c.options(&s).is_empty());
    assert_eq!(c.choose(&s, "finish").unwrap_err(), EngineError::Finished);
}

#[test]
fn disclosure_layers_unlock_at_their_threshold_and_stay() {
    let s = fixture();
    let mut c = calm(&s);
    assert!(c.current().layers.is_empty());
    let out = c.choose(&s, "up").unwrap(); // 65
    assert_eq!(out.turn.layers_ready, vec!["l1".to_string()]);
    c.choose(&s, "judge2").unwrap(); // 55, below l1's threshold again
    assert_eq!(c.trust(), 55);
    assert_eq!(c.current().layers, vec!["l1".to_string()]);
}

#[test]
fn a_layer_is_disclosed_only_when_a_line_that_says_it_is_shown() {
    let s = fixture();
    // "up" lands on B-l1, which says l1: disclosed at that turn.
    let mut c = calm(&s);
    let out = c.choose(&s, "up").unwrap();
    assert_eq!(c.current().line, "B-l1");
    assert_eq!(out.turn.layers_disclosed, vec!["l1".to_string()]);
    assert_eq!(c.current().disclosed, vec!["l1".to_string()]);
    // Later turns do not credit it again, and it stays disclosed.
    let out = c.choose(&s, "judge2").unwrap();
    assert!(out.turn.layers_disclosed.is_empty());
    assert_eq!(c.current().disclosed, vec!["l1".to_string()]);
    // A cautious path never shows B-l1: nothing is disclosed.
    let mut d = calm(&s);
    d.choose(&s, "neutral").unwrap();
    assert!(d.current().disclosed.is_empty());
}

#[test]
fn readiness_without_the_line_is_not_a_disclosure() {
    let text = std::fs::read_to_string(fixture!("engine.ron"))
        .unwrap()
        .replace(", discloses: [\"l1\"]", "");
    let s = attune_core::check::load_str("engine.ron", &text)
        .scenario
        .unwrap();
    let mut c = calm(&s);
    let out = c.choose(&s, "up").unwrap();
    assert_eq!(out.turn.layers_ready, vec!["l1".to_string()]);
    assert!(out.turn.layers_disclosed.is_empty());
    let debrief = attune_core::debrief::Debrief::build(&s, &c);
    assert!(debrief.layers.iter().all(|l| l.disclosed_at.is_none()));
    assert!(debrief.turns.iter().all(|t| t.layers_disclosed.is_empty()));
    assert_eq!(debrief.metrics.deepest_layer, None);
}

#[test]
fn disclosed_conditions_see_the_line_before_the_options() {
    // The option needs l1 disclosed; B-l1 discloses it at the same node.
    let text = std::fs::read_to_string(fixture!("engine.ron"))
        .unwrap()
        .replace("when: [trust_at_least(65)]", "when: [disclosed(\"l1\")]");
    let s = attune_core::check::load_str("engine.ron", &text)
        .scenario
        .unwrap();
    let mut c = calm(&s);
    c.choose(&s, "up").unwrap();
    assert!(c.options(&s).iter().any(|o| o.id == "gated"));
    let mut d = calm(&s);
    d.choose(&s, "neutral").unwrap();
    assert!(d.options(&s).iter().all(|o| o.id != "gated"));
}

#[test]
fn gains_shrink_near_the_top_and_never_show_zero_below_it() {
    use attune_core::engine::peer::{HEADROOM, headroom};
    assert_eq!(headroom(50, 10), 10);
    assert_eq!(headroom(100 - HEADROOM, 10), 10);
    assert_eq!(headroom(80, 10), 7);
    assert_eq!(headroom(95, 10), 2);
    assert_eq!(headroom(99, 10), 1);
    assert_eq!(headroom(99, 1), 1);
    assert_eq!(headroom(100, 10), 0);
    assert_eq!(headroom(90, -10), -10, "losses are unchanged");
    for trust in 0..100 {
        for gain in 1..=30 {
            let g = headroom(trust, gain);
            assert!(g >= 1 && g <= gain && trust + g <= 100, "{trust} {gain}");
        }
    }
    // A run of +10s from 70 takes many turns to reach the top.
    let mut t = 70;
    let mut turns = 0;
    while t < 100 {
        t += headroom(t, 10);
        turns += 1;
    }
    assert!(turns >= 8, "{turns}");
}

#[test]
fn a_shrunk_gain_says_why() {
    let text = std::fs::read_to_string(fixture!("engine.ron"))
        .unwrap()
        .replace("initial_trust: 50", "initial_trust: 85");
    let s = attune_core::check::load_str("engine.ron", &text)
        .scenario
        .unwrap();
    let c = Conversation::new(&s, calm_seed(&s)).unwrap();
    let out = c.preview(&s, "up").unwrap();
    assert_eq!(out.turn.trust_after, 85 + 8); // 15 × 15 / 30, rounded
    assert!(out.turn.adjustments.contains(&Adjustment::NearTop {
        full: 15,
        gained: 8
    }));
    let said = Adjustment::NearTop {
        full: 15,
        gained: 8,
    }
    .describe("Pat");
    assert!(said.contains("near its top"), "{said}");
}

#[test]
fn line_variants_follow_band_and_layers() {
    let s = fixture();
    let line_after = |opt: &str| {
        let mut c = calm(&s);
        c.choose(&s, opt).unwrap();
        c.current().line.clone()
    };
    assert_eq!(line_after("up"), "B-l1"); // open, layer l1 reached
    assert_eq!(line_after("neutral"), "B-any"); // cautious
    assert_eq!(line_after("advise"), "B-guarded"); // 35: guarded
}

#[test]
fn conditions_hide_options_until_they_hold() {
    let s = fixture();
    let ids = |c: &Conversation| {
        let mut v: Vec<String> = c.options(&s).iter().map(|o| o.id.clone()).collect();
        v.sort();
        v
    };
    let mut low = calm(&s);
    low.choose(&s, "neutral").unwrap();
    assert_eq!(ids(&low), ["crash", "judge2", "repair"]);
    assert!(matches!(
        low.choose(&s, "gated"),
        Err(EngineError::NotOffered { .. })
    ));
    let mut high = calm(&s);
    high.choose(&s, "up").unwrap();
    assert_eq!(ids(&high), ["crash", "gated", "judge2", "repair"]);
}

#[test]
fn branch_routes_pick_the_ending_from_accumulated_trust() {
    let s = fixture();
    let mut c = calm(&s);
    for o in ["up", "repair", "finish"] {
        c.choose(&s, o).unwrap();
    }
    assert_eq!(c.ending(&s).map(|e| e.kind), Some(EndingKind::OpenedUp));
    assert!(c.visited().contains(&"r".to_string()));
    let mut d = calm(&s);
    for o in ["neutral", "repair", "finish"] {
        d.choose(&s, o).unwrap();
    }
    assert_eq!(d.ending(&s).map(|e| e.kind), Some(EndingKind::Guarded));
}

#[test]
fn option_order_is_shuffled_by_the_seed() {
    let s = fixture();
    let firsts: std::collections::BTreeSet<String> = (0..64)
        .map(|seed| Conversation::new(&s, seed).unwrap().current().order[0].clone())
        .collect();
    assert!(
        firsts.len() >= 3,
        "the first option varies with the seed: {firsts:?}"
    );
    for seed in 0..10 {
        assert_eq!(
            Conversation::new(&s, seed).unwrap().current().order,
            Conversation::new(&s, seed).unwrap().current().order
        );
    }
}

#[test]
fn undo_takes_back_exactly_the_last_choice() {
    let s = fixture();
    let seed = 7;
    let mut c = Conversation::replay(&s, seed, &["up", "repair"]).unwrap();
    assert!(c.undo());
    assert_eq!(c, Conversation::replay(&s, seed, &["up"]).unwrap());
    assert!(c.undo());
    assert_eq!(c, Conversation::new(&s, seed).unwrap());
    assert!(!c.undo());
}

#[test]
fn rewind_returns_to_any_earlier_turn() {
    let s = fixture();
    let seed = 3;
    let full = Conversation::replay(&s, seed, &["judge", "repair", "finish"]).unwrap();
    for turn in 0..3 {
        let mut c = full.clone();
        c.rewind(turn);
        assert_eq!(
            c,
            Conversation::replay(&s, seed, &["judge", "repair", "finish"][..turn]).unwrap()
        );
    }
    let mut c = full.clone();
    c.rewind(10);
    assert_eq!(c, full);
}

#[test]
fn preview_predicts_a_commit_without_changing_state() {
    let s = fixture();
    let c = Conversation::new(&s, 11).unwrap();
    for option in c.current().order.clone() {
        let before = c.clone();
        let preview = c.preview(&s, &option).unwrap();
        assert_eq!(c, before, "preview must not change the conversation");
        let mut committed = c.clone();
        assert_eq!(committed.choose(&s, &option).unwrap(), preview);
    }
}

#[test]
fn the_whole_state_round_trips_through_serde() {
    let s = fixture();
    let c = Conversation::replay(&s, 5, &["advise", "repair"]).unwrap();
    let json = serde_json::to_string(&c).unwrap();
    let back: Conversation = serde_json::from_str(&json).unwrap();
    assert_eq!(back, c);
    let ron = ron::to_string(&c).unwrap();
    assert_eq!(ron::from_str::<Conversation>(&ron).unwrap(), c);
}

#[test]
fn a_conversation_saved_before_disclosures_still_loads() {
    let s = fixture();
    let c = Conversation::replay(&s, 5, &["up", "repair"]).unwrap();
    // The shape before issue 15: no `disclosed`, `layers_unlocked` for
    // readiness, no `layers_disclosed`.
    let old = ron::to_string(&c)
        .unwrap()
        .replace("layers_ready:", "layers_unlocked:");
    let old = strip_field(&old, "layers_disclosed:");
    let old = strip_field(&old, "disclosed:");
    assert!(old.contains("layers_unlocked") && !old.contains("disclosed"));
    let back: Conversation = ron::from_str(&old).unwrap();
    assert_eq!(back.turns()[0].layers_ready, c.turns()[0].layers_ready);
    assert!(back.current().disclosed.is_empty());
    assert_eq!(back.choices(), c.choices());
}

/// Removes every `name[...]` list field (and its comma) from compact RON.
fn strip_field(ron: &str, name: &str) -> String {
    let mut out = ron.to_string();
    while let Some(start) = out.find(&format!(",{name}")).or_else(|| out.find(name)) {
        let end = start + out[start..].find(']').unwrap() + 1;
        out.replace_range(start..end, "");
    }
    out
}

proptest! {
    #[test]
    fn same_seed_and_choices_give_the_same_transcript(seed in any::<u64>(), picks in prop::collection::vec(0usize..4, 0..6)) {
        let s = fixture();
        let play = || {
            let mut c = Conversation::new(&s, seed).unwrap();
            for p in &picks {
                let offered = c.options(&s);
                if offered.is_empty() { break; }
                let id = offered[p % offered.len()].id.clone();
                c.choose(&s, &id).unwrap();
            }
            c
        };
        let (a, b) = (play(), play());
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(
            attune_core::debrief::Debrief::build(&s, &a),
            attune_core::debrief::Debrief::build(&s, &b)
        );
    }
}

#[test]
fn options_and_trust_changes_at_an_earlier_step_match_a_rewound_preview() {
    use attune_core::engine::{Pick, play_out};
    use attune_core::library::Library;
    let library = Library::shipped();
    let mut checked = 0;
    for scenario in library.scenarios() {
        for seed in 0..10 {
            let c = play_out(scenario, seed, &Pick::Random).expect("a shipped scenario plays");
            for at in 0..c.turns().len() {
                let mut then = c.clone();
                then.rewind(at);
                let offered: Vec<&str> = then
                    .options(scenario)
                    .iter()
                    .map(|o| o.id.as_str())
                    .collect();
                let at_step: Vec<&str> = c
                    .options_at(scenario, at)
                    .iter()
                    .map(|o| o.id.as_str())
                    .collect();
                assert_eq!(offered, at_step, "{} seed {seed} step {at}", scenario.id);
                for id in offered {
                    let preview = then.preview(scenario, id).unwrap().turn;
                    assert_eq!(
                        c.trust_change_at(scenario, at, id),
                        Some(preview.trust_after - preview.trust_before),
                        "{} seed {seed} step {at} option {id}",
                        scenario.id
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} options checked");
    let s = fixture();
    let c = calm(&s);
    assert_eq!(c.trust_change_at(&s, 0, "no-such-option"), None);
    assert_eq!(c.trust_change_at(&s, 5, "judge"), None);
    assert!(c.options_at(&s, 5).is_empty());
}

#[test]
fn the_capped_best_path_length_is_the_full_one_up_to_the_cap() {
    use attune_core::engine::{best_path_len, best_path_len_up_to};
    use attune_core::library::Library;
    let library = Library::shipped();
    for scenario in library.scenarios() {
        let full = best_path_len(scenario);
        assert!(full > 0, "{}", scenario.id);
        for cap in [0, 1, full - 1, full, full + 5] {
            assert_eq!(
                best_path_len_up_to(scenario, cap),
                full.min(cap),
                "{} cap {cap}",
                scenario.id
            );
        }
    }
}

#[test]
fn an_ending_that_seems_to_contradict_the_band_is_explained() {
    use attune_core::debrief::ending_note;
    use attune_core::scenario::Band;
    let s = fixture();
    let high_but_unsaid = ending_note(&s, EndingKind::Guarded, Band::OpeningUp, &[]).unwrap();
    assert!(high_but_unsaid.starts_with("Stayed guarded \u{2014} trust was high (opening up)"));
    assert!(high_but_unsaid.contains("Pat never said what mattered"));
    let one_kept = ending_note(&s, EndingKind::Guarded, Band::Open, &["l1".into()]).unwrap();
    assert!(
        one_kept.contains("kept one thing that mattered back"),
        "{one_kept}"
    );
    let nothing_said = ending_note(&s, EndingKind::OpenedUp, Band::OpeningUp, &[]).unwrap();
    assert!(nothing_said.contains("did not say any"), "{nothing_said}");
    assert_eq!(
        ending_note(&s, EndingKind::OpenedUp, Band::Open, &["l1".into()]),
        None
    );
    assert_eq!(
        ending_note(&s, EndingKind::Guarded, Band::Cautious, &[]),
        None
    );
}
