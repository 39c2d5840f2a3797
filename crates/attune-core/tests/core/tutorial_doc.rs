//! The scenario built in docs/authoring.md, section 10, word for word: it
//! is kept as a fixture, must match the guide's final listing exactly,
//! check clean, and reach every one of its endings.

use std::collections::BTreeSet;
use std::path::Path;

use crate::load_file;
use attune_core::engine::Conversation;
use attune_core::scenario::Scenario;

const FIXTURE: &str = fixture!("tutorial_from_docs.ron");
/// The guide marks its final listing with this comment on the line above.
const MARKER: &str = "<!-- tutorial-final-listing -->";

/// The code block that follows the marker in the guide.
fn final_listing() -> String {
    let doc = std::fs::read_to_string(concat!(top_dir!(), "docs/authoring.md")).unwrap();
    let (_, after) = doc.split_once(MARKER).expect("the guide has the marker");
    let after = after.trim_start();
    let body = after
        .strip_prefix("```ron\n")
        .expect("a ```ron block follows the marker");
    let end = body.find("\n```").expect("the block is closed");
    format!("{}\n", &body[..end])
}

#[test]
fn the_fixture_is_the_guides_final_listing() {
    let fixture = std::fs::read_to_string(FIXTURE).unwrap();
    assert_eq!(
        final_listing(),
        fixture,
        "docs/authoring.md and {FIXTURE} differ"
    );
}

#[test]
fn the_steps_add_up_to_the_final_listing() {
    // Every line of every step's ```ron block appears in the final file.
    let doc = std::fs::read_to_string(concat!(top_dir!(), "docs/authoring.md")).unwrap();
    let (_, tutorial) = doc.split_once("## 10. Tutorial").unwrap();
    let (steps, _) = tutorial.split_once(MARKER).unwrap();
    let fixture = std::fs::read_to_string(FIXTURE).unwrap();
    let lines: BTreeSet<&str> = fixture.lines().collect();
    let mut blocks = 0;
    for block in steps.split("```ron\n").skip(1) {
        let (code, _) = block.split_once("\n```").unwrap();
        for line in code.lines() {
            assert!(
                lines.contains(line),
                "a step's line is not in the final file: {line}"
            );
        }
        blocks += 1;
    }
    assert!(blocks >= 6, "{blocks} steps");
}

#[test]
fn it_checks_clean() {
    let loaded = load_file(Path::new(FIXTURE));
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    assert!(loaded.scenario.is_some());
}

/// Every ending id reached by trying every option at every turn, for
/// every mood of the day.
fn endings_reached(s: &Scenario) -> BTreeSet<String> {
    let mut reached = BTreeSet::new();
    for seed in 0..40 {
        let mut stack = vec![Conversation::new(s, seed).unwrap()];
        while let Some(c) = stack.pop() {
            if c.is_finished(s) {
                reached.insert(c.current().node.clone());
                continue;
            }
            let options = c.options(s);
            assert!(!options.is_empty(), "stuck at {}", c.current().node);
            for o in options {
                let mut next = c.clone();
                next.choose(s, &o.id).unwrap();
                stack.push(next);
            }
        }
    }
    reached
}

#[test]
fn it_plays_to_every_ending() {
    let s = load_file(Path::new(FIXTURE)).scenario.unwrap();
    let all: BTreeSet<String> = s
        .nodes
        .iter()
        .filter(|n| n.is_ending())
        .map(|n| n.id.clone())
        .collect();
    assert_eq!(all.len(), 3);
    assert_eq!(endings_reached(&s), all);
}

#[test]
fn best_choices_open_dev_up_and_worst_make_him_withdraw() {
    use attune_core::engine::{Pick, play_out};
    use attune_core::scenario::EndingKind;
    let s = load_file(Path::new(FIXTURE)).scenario.unwrap();
    for seed in 0..12 {
        let best = play_out(&s, seed, &Pick::Best).unwrap();
        let worst = play_out(&s, seed, &Pick::Worst).unwrap();
        assert_ne!(
            best.ending(&s).unwrap().kind,
            EndingKind::Withdrew,
            "seed {seed}"
        );
        assert_eq!(
            worst.ending(&s).unwrap().kind,
            EndingKind::Withdrew,
            "seed {seed}"
        );
    }
}
