//! The lints across a library and the word-based guesser: each fires on
//! the files built for it, and only there.

use attune_core::check::across::{LibraryFile, lint, sentences};
use attune_core::check::guesser::guess;
use attune_core::check::load_str;
use attune_core::scenario::Scenario;

const FILES: [&str; 3] = ["1-one.ron", "2-two.ron", "3-three.ron"];

/// The three fixture scenarios that share a trap, as (path, text).
fn across() -> Vec<(String, String)> {
    FILES
        .iter()
        .map(|f| {
            let path = format!("{}{f}", fixture!("across/"));
            let text = std::fs::read_to_string(&path).unwrap();
            (path, text)
        })
        .collect()
}

fn scenario(path: &str, text: &str) -> Scenario {
    let loaded = load_str(path, text);
    assert!(!loaded.has_errors(), "{:#?}", loaded.diagnostics);
    loaded.scenario.unwrap()
}

fn lint_all(files: &[(String, String)]) -> Vec<attune_core::scenario::Diagnostic> {
    let scenarios: Vec<Scenario> = files.iter().map(|(p, t)| scenario(p, t)).collect();
    let library: Vec<LibraryFile> = files
        .iter()
        .zip(&scenarios)
        .map(|((path, text), scenario)| LibraryFile {
            path,
            scenario,
            text: Some(text),
        })
        .collect();
    lint(&library)
}

#[test]
fn a_trap_in_three_scenarios_is_flagged_in_each_at_its_text() {
    let found = lint_all(&across());
    let traps: Vec<_> = found.iter().filter(|d| d.code == "repeated-trap").collect();
    assert_eq!(traps.len(), 3, "{found:#?}");
    for (d, f) in traps.iter().zip(FILES) {
        assert!(d.path.ends_with(f), "{d}");
        assert_eq!((d.line, d.col), (21, 32), "{d}");
        assert!(d.message.contains("2 other scenarios"), "{}", d.message);
        assert!(d.hint.is_some());
    }
    // "Oh, ..." and "Well... ..." open the same sentence.
    assert!(
        traps[1]
            .message
            .contains("\"Oh, I know exactly how you feel.\"")
    );
}

#[test]
fn a_trap_in_two_scenarios_is_not_a_pattern() {
    let two = &across()[..2];
    assert!(lint_all(two).iter().all(|d| d.code != "repeated-trap"));
}

#[test]
fn silence_never_wrong_across_the_library_is_flagged_once() {
    let found = lint_all(&across());
    let silence: Vec<_> = found
        .iter()
        .filter(|d| d.code == "silence-always-sound")
        .collect();
    assert_eq!(silence.len(), 1, "{found:#?}");
    assert!(silence[0].message.contains("3 times in 3 scenarios"));
    // Rated poor once, silence is a real choice.
    let mut files = across();
    files[2].1 = files[2].1.replace(
        "skills: [attentive_silence], rating: good, effects: [trust(4)]",
        "skills: [attentive_silence], rating: poor, effects: [trust(-3)]",
    );
    assert!(
        lint_all(&files)
            .iter()
            .all(|d| d.code != "silence-always-sound")
    );
}

#[test]
fn short_sentences_are_not_traps() {
    let keys: Vec<String> = sentences("Okay. Oh, I see. You know, that sounds hard.")
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(keys, ["you know that sounds hard"]);
}

/// A scenario whose best options all say `best` and whose others say
/// `wrong`, three decisions of three options.
fn worded(id: &str, best: &str, wrong: &str) -> Scenario {
    let mut nodes = String::new();
    for i in 0..3 {
        let next = if i == 2 {
            "end".to_string()
        } else {
            format!("d{}", i + 1)
        };
        nodes.push_str(&format!(
            r#"(id: "d{i}", lines: [(text: "Hi.")], options: [
                (id: "a", text: "{best} {i}", skills: [simple_reflection], empathy: 3, rating: best, effects: [trust(6)], goto: "{next}", why: "w"),
                (id: "b", text: "{wrong} {i}", skills: [roadblock(advising)], empathy: 2, rating: poor, effects: [trust(-4)], goto: "{next}", why: "w", better: "b"),
                (id: "c", text: "{wrong} {i}", skills: [roadblock(judging)], empathy: 1, rating: poor, effects: [trust(-5)], goto: "{next}", why: "w", better: "b"),
            ]),"#
        ));
    }
    let text = format!(
        r#"(id: "{id}", title: "T", summary: "S", setting: (place: "P"),
        persona: (name: "Kim", background: "B"), initial_trust: 40, withdrawal_floor: 10,
        on_withdraw: "gone", start: "d0", nodes: [{nodes}
        (id: "end", lines: [(text: "Bye.")], ending: (kind: opened_up, title: "E")),
        (id: "gone", lines: [(text: "Bye.")], ending: (kind: withdrew, title: "G"))])"#
    );
    scenario(id, &text)
}

#[test]
fn the_guesser_finds_best_options_that_share_words() {
    let s: Vec<Scenario> = ["a", "b", "c"]
        .iter()
        .map(|id| worded(id, "It sounds like you wonder", "You should just"))
        .collect();
    let refs: Vec<&Scenario> = s.iter().collect();
    let report = guess(&refs);
    assert_eq!(report.library.decisions, 9);
    assert!((report.library.percent() - 100.0).abs() < 1e-9);
    assert!((report.library.chance_percent() - 100.0 / 3.0).abs() < 1e-9);
    assert!(report.over_limit());
    assert_eq!(report, guess(&refs), "the same every run");
}

#[test]
fn the_guesser_is_at_chance_when_words_tell_nothing() {
    // Every option has the same words: all three tie, a third of a point each.
    let s: Vec<Scenario> = ["a", "b", "c"]
        .iter()
        .map(|id| worded(id, "Mm", "Mm"))
        .collect();
    let refs: Vec<&Scenario> = s.iter().collect();
    let report = guess(&refs);
    assert_eq!(report.scenarios.len(), 3);
    assert!((report.library.percent() - report.library.chance_percent()).abs() < 1e-9);
    assert!(!report.over_limit());
}
