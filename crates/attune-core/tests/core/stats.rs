//! The figures behind `attune stats`, on a small scenario counted by hand.
//! The command itself is tested in tests/cli/stats.rs.

use std::path::Path;

use crate::load_file;
use attune_core::check::stats::{Count, stats};

const FIXTURE: &str = fixture!("stats.ron");

fn count(name: &str, n: usize) -> Count {
    Count {
        name: name.into(),
        count: n,
    }
}

#[test]
fn the_figures_match_a_hand_count() {
    let loaded = load_file(Path::new(FIXTURE));
    let s = loaded.scenario.expect("the fixture loads");
    let st = stats(&s);
    // Decisions a, b, c; options 3 + 2 + 3; three endings; one branch.
    assert_eq!(st.decisions, 3);
    assert_eq!(st.options, 8);
    assert_eq!(st.endings, 3);
    assert_eq!(st.branches, 1);
    assert_eq!(
        st.endings_by_kind,
        vec![
            count("opened_up", 1),
            count("guarded", 1),
            count("withdrew", 1)
        ]
    );
    // Lines: 5 + 5 + 3 + 4 + 4 + 2 = 23 words.
    // Options: a 3 + 6 + 6, b 16 + 4, c 5 + 3 + 5 = 48 words.
    assert_eq!(st.words, 71);
    // Paths to an ending, one per option or route taken:
    //   route = 2 (two routes); b = b.x→route 2 + b.y 1 = 3;
    //   c = c.y 1 + c.x→b 3 + c.z→route 2 = 6; a = a.x→b 3 + a.y→c 6 + a.z 1 = 10.
    // Shortest: a.z straight to the withdrew ending, 1 decision.
    // Longest: a → c → b → route → ending, 3 decisions.
    assert_eq!(st.paths.count, 10);
    assert_eq!(st.paths.shortest, Some(1));
    assert_eq!(st.paths.longest, Some(3));
    assert!(!st.paths.capped);
    assert!(!st.paths.loops);
    // Best choices: a.x then b.x, then the branch ends it.
    assert_eq!(st.best_path, 2);
    // simple_reflection twice (a.x, c.x), every other tag once.
    assert_eq!(st.skills[0], count("simple_reflection", 2));
    assert_eq!(st.skills.len(), 8);
    assert!(st.skills[1..].iter().all(|c| c.count == 1));
    assert_eq!(
        st.ratings,
        vec![
            count("best", 3),
            count("good", 1),
            count("mixed", 1),
            count("poor", 2),
            count("harmful", 1)
        ]
    );
    // Best alone the longest: b only (a's longest is y, c ties at 23).
    let t = &st.answer_tells;
    assert_eq!(t.longest_is_best, 1);
    assert_eq!(t.longest_is_best_percent, 33);
    assert_eq!(t.longest_is_best_limit_percent, 40);
    // b.x (best) is 72 characters against 24: at least 1.75 times and 40 more.
    assert_eq!(t.long_options, 1);
    // Best written first at a and b, not at c.
    assert_eq!(t.best_written_first, 2);
}

#[test]
fn loops_are_reported_and_counted_once() {
    let text = std::fs::read_to_string(FIXTURE).unwrap().replace(
        "goto: \"end_guarded\", why: \"Closed.\"",
        "goto: \"a\", why: \"Closed.\"",
    );
    let s = attune_core::check::load_str("loop.ron", &text)
        .scenario
        .expect("a loop with a way out is valid");
    let p = stats(&s).paths;
    assert!(p.loops);
    // c.y now goes back to a and is not counted: c = 3 + 2 = 5, a = 3 + 5 + 1 = 9.
    assert_eq!(p.count, 9);
}
