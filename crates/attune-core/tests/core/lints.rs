//! Content lints: each is raised where it should be, and can be silenced
//! only where the format allows it.

use attune_core::check::load_str;
use attune_core::scenario::{Diagnostic, Severity};

fn minimal() -> String {
    std::fs::read_to_string(fixture!("valid-minimal.ron")).unwrap()
}

fn warnings(text: &str) -> Vec<Diagnostic> {
    let loaded = load_str("lint.ron", text);
    assert!(!loaded.has_errors(), "{:#?}", loaded.diagnostics);
    loaded
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Warning)
        .collect()
}

fn find<'a>(ws: &'a [Diagnostic], code: &str) -> Option<&'a Diagnostic> {
    ws.iter().find(|d| d.code == code)
}

#[test]
fn coverage_lints_fire_on_a_thin_scenario_at_their_place() {
    let ws = warnings(&minimal());
    let expect = [
        ("missing-framing", 3),
        ("few-layers", 11),
        ("short-path", 14),
        ("short-best-path", 14),
        ("missing-ending-kind", 15),
        ("few-band-variants", 15),
        ("few-warm-roadblocks", 15),
        ("no-two-good-options", 15),
        ("no-silence-option", 15),
        ("option-count", 17),
        ("missing-notes", 17),
    ];
    for (code, line) in expect {
        let d = find(&ws, code).unwrap_or_else(|| panic!("no {code} in {ws:#?}"));
        assert_eq!(d.line, line, "{d}");
        assert!(d.hint.is_some(), "{code} has a hint");
    }
}

#[test]
fn tutorials_skip_the_length_lints_but_not_the_fairness_ones() {
    let text = minimal().replace(
        "    id: \"broken\",",
        "    id: \"broken\",\n    tutorial: true,",
    );
    let ws = warnings(&text);
    for code in [
        "short-path",
        "short-best-path",
        "few-layers",
        "no-silence-option",
    ] {
        assert!(
            find(&ws, code).is_none(),
            "{code} should not fire for a tutorial"
        );
    }
    assert!(find(&ws, "missing-notes").is_some());
}

#[test]
fn a_best_option_that_is_always_the_longest_is_an_answer_tell() {
    let text = minimal().replace(
        "text: \"You came.\"",
        "text: \"You came here tonight, even after the week you have had.\"",
    );
    let d = find(&warnings(&text), "longest-is-best")
        .cloned()
        .expect("longest-is-best");
    assert!(d.message.contains("1 of 1 decisions"), "{}", d.message);
    assert!(find(&warnings(&minimal()), "longest-is-best").is_none());
}

#[test]
fn a_better_rating_never_costs_more_trust() {
    let text = minimal().replace("effects: [trust(5)]", "effects: [trust(-8)]");
    let ws = warnings(&text);
    let d = find(&ws, "ungraded-effects").expect("ungraded-effects");
    assert_eq!(d.line, 20, "{d}");
    // A reflection that loses trust is also a sign mismatch.
    assert!(ws.iter().any(|d| d.code == "sign-mismatch" && d.line == 20));
}

#[test]
fn a_roadblock_that_gains_trust_is_flagged_unless_allowed_with_a_reason() {
    let text = minimal().replace("effects: [trust(-5)]", "effects: [trust(3)]");
    let ws = warnings(&text);
    let d = find(&ws, "sign-mismatch").expect("sign-mismatch");
    assert_eq!((d.line, d.col), (21, 22));
    let allowed = text.replace(
        "better: \"Reflect first.\"",
        "better: \"Reflect first.\", allow: [(lint: \"sign-mismatch\", reason: \"Kim asked for advice here.\")]",
    );
    assert!(find(&warnings(&allowed), "sign-mismatch").is_none());
    let no_reason = allowed.replace("Kim asked for advice here.", " ");
    assert!(
        find(&warnings(&no_reason), "sign-mismatch").is_some(),
        "an allow needs a reason"
    );
}

#[test]
fn a_layer_nothing_reads_is_unused() {
    let text = minimal().replace(", when: [layer_reached(\"deep\")]", "");
    let d = find(&warnings(&text), "unused-layer")
        .cloned()
        .expect("unused-layer");
    assert_eq!((d.line, d.col), (12, 14));
}

#[test]
fn an_allow_must_name_an_allowable_lint_and_give_a_reason() {
    let text = minimal().replace(
        "better: \"Reflect first.\"",
        "better: \"Reflect first.\", allow: [(lint: \"longest-is-best\", reason: \"Because.\")]",
    );
    let d = find(&warnings(&text), "bad-allow")
        .cloned()
        .expect("bad-allow");
    assert_eq!(d.line, 21);
    assert!(d.message.contains("cannot be silenced"), "{}", d.message);
    let empty_reason = minimal().replace(
        "better: \"Reflect first.\"",
        "better: \"Reflect first.\", allow: [(lint: \"sign-mismatch\", reason: \"\")]",
    );
    let d = find(&warnings(&empty_reason), "bad-allow")
        .cloned()
        .expect("bad-allow");
    assert!(d.message.contains("without a reason"), "{}", d.message);
}

#[test]
fn a_better_text_on_a_best_option_is_flagged_as_never_shown() {
    let text = minimal().replace(
        "why: \"A reflection.\"",
        "why: \"A reflection.\", better: \"Nothing.\"",
    );
    let d = find(&warnings(&text), "unused-better")
        .cloned()
        .expect("unused-better");
    assert_eq!((d.line, d.col), (20, 170));
}

#[test]
fn every_roadblock_tag_counts_towards_the_warm_roadblock_variety() {
    // The tutorial's first decision tags one option with two warm roadblocks.
    let text = std::fs::read_to_string(concat!(top_dir!(), "dialogues/tutorial.ron"))
        .unwrap()
        .replace("    tutorial: true,\n", "");
    assert!(find(&warnings(&text), "few-warm-roadblocks").is_none());
}

fn broken(name: &str) -> String {
    std::fs::read_to_string(format!("{}{name}.ron", fixture!("broken/"))).unwrap()
}

#[test]
fn a_mark_is_a_tell_only_when_sound_options_never_use_it() {
    let text = broken("surface-tell");
    let d = find(&warnings(&text), "surface-tell").cloned().unwrap();
    assert!(
        d.message.contains("\"!\" appears in 2 wrong options"),
        "{}",
        d.message
    );
    // Once is not a pattern.
    let once = text.replace("Chin up!", "Chin up.");
    assert!(find(&warnings(&once), "surface-tell").is_none());
    // A sound option in the same voice passes it.
    let voiced = text.replace("\"You came.\"", "\"You came!\"");
    assert!(find(&warnings(&voiced), "surface-tell").is_none());
    // Giveaway words count as words, not as parts of words.
    let words = text
        .replace("Get some rest!", "Honestly, get some rest.")
        .replace("Chin up!", "Chin up, honestly.");
    let d = find(&warnings(&words), "surface-tell").cloned().unwrap();
    assert!(d.message.contains("\"honestly\""), "{}", d.message);
    let inside = words
        .replace("honestly", "honestlyish")
        .replace("Honestly", "Dishonestly");
    assert!(find(&warnings(&inside), "surface-tell").is_none());
}

#[test]
fn empathy_is_flagged_only_where_no_tag_answers_a_feeling() {
    let text = broken("empathy-not-rated");
    assert!(find(&warnings(&text), "empathy-not-rated").is_some());
    let unrated = text.replace(
        "skills: [attentive_silence], empathy: 3,",
        "skills: [attentive_silence],",
    );
    assert!(find(&warnings(&unrated), "empathy-not-rated").is_none());
    let closed_reflection = text.replace(
        "skills: [attentive_silence], empathy: 3,",
        "skills: [closed_question, simple_reflection], empathy: 3,",
    );
    assert!(find(&warnings(&closed_reflection), "empathy-not-rated").is_none());
    let safety = text.replace(
        "skills: [attentive_silence], empathy: 3,",
        "skills: [safety_check], empathy: 4,",
    );
    let d = find(&warnings(&safety), "empathy-not-rated")
        .cloned()
        .unwrap();
    assert!(
        d.message.contains("asking directly about suicide"),
        "{}",
        d.message
    );
}

#[test]
fn a_poor_option_written_inside_the_scale_still_warns_when_sensitivity_is_swallowed() {
    let text = broken("effective-out-of-range");
    let d = find(&warnings(&text), "effective-out-of-range")
        .cloned()
        .unwrap();
    assert!(d.message.contains("would cost 12"), "{}", d.message);
    assert!(find(&warnings(&text), "trust-out-of-range").is_none_or(|d| d.line != 21));
    // -6 × 1.5 = 9: at the cap, not past it.
    let six = text.replace(
        "rating: poor, effects: [trust(-8)]",
        "rating: poor, effects: [trust(-6)]",
    );
    assert!(find(&warnings(&six), "effective-out-of-range").is_none());
}

#[test]
fn a_silence_rated_poor_once_is_no_tell() {
    let text = broken("silence-always-sound");
    assert!(find(&warnings(&text), "silence-always-sound").is_some());
    let wrong_once = text.replace(
        "(id: \"wait\", text: \"(Wait.)\", skills: [attentive_silence], rating: good, effects: [trust(4)]",
        "(id: \"wait\", text: \"(Wait.)\", skills: [attentive_silence], rating: poor, effects: [trust(-3)]",
    );
    assert!(find(&warnings(&wrong_once), "silence-always-sound").is_none());
}

#[test]
fn named_support_reaches_every_debrief_and_quiets_the_lint() {
    use attune_core::debrief::{Debrief, report};
    use attune_core::engine::{Pick, play_out};
    use attune_core::scenario::SUPPORT_ELSEWHERE;

    let text = broken("missing-support");
    assert!(find(&warnings(&text), "missing-support").is_some());
    let with = text.replace(
        "    initial_trust:",
        "    support: [\"Samaritans: call 116 123, free, day or night.\"],\n    initial_trust:",
    );
    assert!(find(&warnings(&with), "missing-support").is_none());
    let s = load_str("support.ron", &with).scenario.unwrap();
    for pick in [Pick::Best, Pick::Worst] {
        let c = play_out(&s, 0, &pick).unwrap();
        let d = Debrief::build(&s, &c);
        assert_eq!(d.support, ["Samaritans: call 116 123, free, day or night."]);
        let html = report::html(&s, &d);
        assert!(html.contains("<li>Samaritans: call 116 123"), "{html}");
        assert!(html.contains(SUPPORT_ELSEWHERE));
    }
}
