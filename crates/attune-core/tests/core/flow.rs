//! How a conversation can run: loops, soft-locks, conditions that never
//! hold, and the wording lints. Places are tested in
//! tests/core/validator.rs; these tests check what the messages say and
//! what must not fire. `attune check` prints them: tests/cli/flow.rs.

use std::path::Path;

use crate::load_file;
use attune_core::check::load_str;
use attune_core::check::wording::{self_harm_phrase, warns_of_self_harm};
use attune_core::scenario::Diagnostic;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}{name}.ron", fixture!("broken/"))).unwrap()
}

fn codes(d: &[Diagnostic]) -> Vec<&'static str> {
    d.iter().map(|d| d.code).collect()
}

#[test]
fn a_soft_lock_names_the_state_and_the_choices_that_reach_it() {
    let d = load_file(Path::new(fixture!("broken/soft-lock.ron"))).diagnostics;
    let lock = d.iter().find(|d| d.code == "soft-lock").unwrap();
    assert!(
        lock.message.contains("decision \"fork\""),
        "{}",
        lock.message
    );
    assert!(
        lock.message.contains("after choosing hello.reflect"),
        "{}",
        lock.message
    );
    assert!(lock.message.contains("with trust 40 "), "{}", lock.message);
}

#[test]
fn a_soft_lock_goes_once_an_option_is_always_offered() {
    let text = fixture("soft-lock").replace(
        "goto: \"end_opened\", when: [trust_at_least(60)]",
        "goto: \"end_opened\"",
    );
    let loaded = load_str("fixed.ron", &text);
    assert!(!codes(&loaded.diagnostics).contains(&"soft-lock"));
    assert!(!loaded.has_errors(), "{:#?}", loaded.diagnostics);
}

#[test]
fn a_loop_with_a_way_out_is_fine() {
    // Give the loop an exit: "and_round" may also end the talk.
    let text = fixture("endless-loop").replace(
        "goto: \"round\", why: \"A reason.\"),",
        "goto: \"round\", why: \"A reason.\"),\n                (id: \"stop\", text: \"Shall we stop?\", skills: [open_question], empathy: 3, rating: good, effects: [trust(1)], goto: \"end_opened\", why: \"A reason.\", better: \"Reflect.\"),",
    );
    let loaded = load_str("exit.ron", &text);
    assert!(
        !codes(&loaded.diagnostics).contains(&"endless-loop"),
        "{:#?}",
        loaded.diagnostics
    );
    assert!(!loaded.has_errors(), "{:#?}", loaded.diagnostics);
}

#[test]
fn loop_messages_name_the_nodes_and_the_closed_way_out() {
    let d = load_file(Path::new(fixture!("broken/endless-loop.ron"))).diagnostics;
    let e = d.iter().find(|d| d.code == "endless-loop").unwrap();
    assert!(
        e.message.contains("\"round\", \"and_round\""),
        "{}",
        e.message
    );
    let d = load_file(Path::new(fixture!("broken/endless-loop-conditional.ron"))).diagnostics;
    let e = d.iter().find(|d| d.code == "endless-loop").unwrap();
    assert!(
        e.message.contains("every way out is closed"),
        "{}",
        e.message
    );
    // The static check finds no loop there: "leave" exists, but is closed.
    assert_eq!(d.iter().filter(|d| d.code == "endless-loop").count(), 1);
}

#[test]
fn a_condition_that_always_holds_is_a_different_warning() {
    let text = fixture("impossible-condition").replace("trust_at_least(120)", "trust_below(101)");
    let d = load_str("always.ron", &text).diagnostics;
    assert!(codes(&d).contains(&"trust-range"), "{d:#?}");
    assert!(!codes(&d).contains(&"impossible-condition"), "{d:#?}");
}

#[test]
fn self_harm_words_are_found_but_innocent_phrases_are_not() {
    for text in [
        "I took an overdose last year.",
        "Some days I want to end it all.",
        "She said she had been SELF-HARMING again.",
        "Have you had thoughts of suicide?",
        "I've been cutting myself.",
    ] {
        assert!(self_harm_phrase(text).is_some(), "{text}");
    }
    for text in [
        "I'm cutting back on coffee.",
        "At the end of it all, we laughed.",
        "That film killed me.",
        "I could die of embarrassment.",
        "The harm is done; let's move on.",
    ] {
        assert_eq!(self_harm_phrase(text), None, "{text}");
    }
}

#[test]
fn a_content_note_saying_there_is_none_does_not_count() {
    assert!(!warns_of_self_harm("No self-harm or suicide content."));
    assert!(!warns_of_self_harm("There is no suicidal content."));
    assert!(warns_of_self_harm(
        "Passing thoughts of not wanting to exist, and a direct question about suicide."
    ));
    assert!(warns_of_self_harm(
        "Self-harm, mentioned but not described."
    ));
    let text = fixture("missing-content-note").replace(
        "\"Everyday stress.\"",
        "\"Thoughts of self-harm, mentioned but not described.\"",
    );
    assert!(!codes(&load_str("noted.ron", &text).diagnostics).contains(&"missing-content-note"));
}

#[test]
fn a_huge_scenario_is_explored_only_up_to_the_bound() {
    // A chain of 3,000 decisions where every option has its own trust
    // effect: far more states than the bound.
    let mut nodes = String::new();
    for i in 0..3000 {
        let next = if i == 2999 {
            "end_opened".to_string()
        } else {
            format!("n{}", i + 1)
        };
        nodes.push_str(&format!(
            "(id: \"n{i}\", lines: [(text: \"Hi.\")], notes: \"Ask.\", options: [\
             (id: \"a\", text: \"Go on.\", skills: [open_question], empathy: 3, rating: best, effects: [trust(1)], goto: \"{next}\", why: \"W.\"),\
             (id: \"b\", text: \"Mm.\", skills: [simple_reflection], empathy: 3, rating: good, effects: [trust(0)], goto: \"{next}\", why: \"W.\", better: \"B.\"),\
             (id: \"c\", text: \"Hm.\", skills: [simple_reflection], empathy: 3, rating: mixed, effects: [trust(0)], goto: \"{next}\", why: \"W.\", better: \"B.\")]),\n"
        ));
    }
    let text = format!(
        "(id: \"big\", title: \"Big\", summary: \"S.\", setting: (place: \"P\"), persona: (name: \"K\", background: \"B.\"), \
         objectives: [\"O.\"], content_notes: [\"None.\"], initial_trust: 40, withdrawal_floor: 15, on_withdraw: \"end_withdrew\", \
         start: \"n0\", tutorial: true, nodes: [{nodes}\
         (id: \"end_opened\", lines: [(text: \"T.\")], ending: (kind: opened_up, title: \"O\")),\
         (id: \"end_withdrew\", lines: [(text: \"B.\")], ending: (kind: withdrew, title: \"W\"))])"
    );
    let d = load_str("big.ron", &text).diagnostics;
    let capped = d.iter().find(|d| d.code == "too-many-states");
    assert!(capped.is_some(), "{:#?}", &d[..d.len().min(5)]);
    assert!(
        !d.iter().any(|d| d.is_error()),
        "{:#?}",
        &d[..d.len().min(5)]
    );
}
