//! Follow-ups: a scenario offered after another scenario's ending. The
//! link is checked where the whole library is known.

use attune_core::check::load_str;
use attune_core::library::{Library, Source};

const PARENT: &str = include_str!("../../../../tests/app_support/dialogues/kitchen_table.ron");

/// The fixture as a follow-up of `scenario`'s `ending`, under a new id.
fn follow_up(scenario: &str, ending: &str) -> String {
    PARENT
        .replace("id: \"kitchen_table\"", "id: \"kitchen_table_next\"")
        .replace(
            "title: \"The kitchen table\"",
            "title: \"The morning after\"",
        )
        .replace(
            "start: \"letter\",",
            &format!(
                "start: \"letter\",\n    follows: (scenario: \"{scenario}\", ending: \"{ending}\"),"
            ),
        )
}

fn library(files: &[(&str, &str)]) -> Library {
    let mut library = Library::default();
    for (name, text) in files {
        library.push(
            Source::File(std::path::PathBuf::from(name)),
            load_str(name, text),
        );
    }
    library
}

fn no_text(_: &Source) -> Option<String> {
    None
}

#[test]
fn a_follow_up_is_found_by_its_parent_and_ending() {
    let next = follow_up("kitchen_table", "end_withdrew");
    let lib = library(&[("parent.ron", PARENT), ("next.ron", &next)]);
    assert!(lib.entries.iter().all(|e| e.scenario.is_some()));
    assert!(lib.follow_up_problems(no_text).is_empty());
    let ids: Vec<&str> = lib
        .follow_ups_of("kitchen_table", "end_withdrew")
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(ids, ["kitchen_table_next"]);
    assert_eq!(lib.follow_ups_of("kitchen_table", "end_open").count(), 0);
}

#[test]
fn an_unknown_scenario_or_a_node_that_is_no_ending_is_an_error_at_the_field() {
    let unknown = follow_up("kitchen_tabel", "end_withdrew");
    let not_ending = follow_up("kitchen_table", "behind");
    let missing = follow_up("kitchen_table", "end_gone");
    let lib = library(&[
        ("parent.ron", PARENT),
        ("a.ron", &unknown),
        ("b.ron", &not_ending),
        ("c.ron", &missing),
    ]);
    let texts = [unknown.clone(), not_ending.clone(), missing.clone()];
    let text_of = |source: &Source| match source {
        Source::File(p) => match p.to_str() {
            Some("a.ron") => Some(texts[0].clone()),
            Some("b.ron") => Some(texts[1].clone()),
            Some("c.ron") => Some(texts[2].clone()),
            _ => None,
        },
        Source::Shipped(_) => None,
    };
    let problems = lib.follow_up_problems(text_of);
    let summary: Vec<(usize, &str, usize)> =
        problems.iter().map(|(i, d)| (*i, d.code, d.line)).collect();
    let follows_line = PARENT
        .lines()
        .position(|l| l.contains("start: \"letter\""))
        .map(|n| n + 2)
        .unwrap();
    assert_eq!(
        summary,
        [
            (1, "follows-unknown-scenario", follows_line),
            (2, "follows-not-an-ending", follows_line),
            (3, "follows-not-an-ending", follows_line),
        ]
    );
    assert!(problems.iter().all(|(_, d)| d.is_error()));
    assert!(problems[0].1.message.contains("\"kitchen_tabel\""));
    assert!(problems[1].1.message.contains("not an ending"));
    assert!(problems[2].1.message.contains("no node"));
    // The column points at the field named.
    let line = not_ending.lines().nth(follows_line - 1).unwrap();
    assert_eq!(problems[1].1.col, line.find("ending:").unwrap() + 1);
}

#[test]
fn linking_breaks_a_bad_follow_up_and_then_its_own_follow_ups() {
    let orphan = follow_up("nowhere", "end_withdrew");
    let grandchild = PARENT
        .replace("id: \"kitchen_table\"", "id: \"third\"")
        .replace(
            "start: \"letter\",",
            "start: \"letter\",\n    follows: (scenario: \"kitchen_table_next\", ending: \"end_open\"),",
        );
    let mut lib = library(&[
        ("parent.ron", PARENT),
        ("orphan.ron", &orphan),
        ("third.ron", &grandchild),
    ]);
    assert_eq!(lib.follow_up_problems(no_text).len(), 1);
    lib.link_follow_ups(no_text);
    let playable: Vec<bool> = lib.entries.iter().map(|e| e.scenario.is_some()).collect();
    assert_eq!(playable, [true, false, false]);
    let errors = |n: usize| -> Vec<&str> {
        lib.entries[n]
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.code)
            .collect()
    };
    assert_eq!(errors(1), ["follows-unknown-scenario"]);
    assert_eq!(errors(2), ["follows-unknown-scenario"]);
    // Without the file's text the diagnostic points at its top.
    assert!(
        lib.entries[1]
            .diagnostics
            .iter()
            .any(|d| d.is_error() && d.line == 1)
    );
}

#[test]
fn the_shipped_follow_ups_all_name_a_real_ending() {
    let lib = Library::shipped();
    let problems = lib.follow_up_problems(no_text);
    assert!(problems.is_empty(), "{problems:#?}");
}
