//! The generated scenarios the benchmarks load are valid, so the benches
//! time the path a real file takes; and diagnostics deep inside a large
//! file still point at the right line (the source map's node index).

use attune_core::check::load_str;
use attune_core::scenario::parse::MAX_FILE_BYTES;

use crate::generate::{self, Style};

#[test]
fn generated_scenarios_load_without_errors_in_both_styles() {
    for style in [Style::Full, Style::Compact] {
        let text = generate::scenario("generated", 300, style);
        let loaded = load_str("generated.ron", &text);
        let errors: Vec<_> = loaded.diagnostics.iter().filter(|d| d.is_error()).collect();
        assert!(errors.is_empty(), "{style:?}: {errors:?}");
        let scenario = loaded.scenario.expect("a scenario");
        assert_eq!(scenario.nodes.len(), 300 + generate::FIXED_NODES);
    }
}

#[test]
fn a_compact_100_000_node_scenario_fits_the_size_limit() {
    let text = generate::scenario("big", 100_000 - generate::FIXED_NODES, Style::Compact);
    assert!(
        (text.len() as u64) < MAX_FILE_BYTES,
        "{} bytes against a limit of {MAX_FILE_BYTES}",
        text.len()
    );
}

#[test]
fn a_dangling_reference_deep_in_a_large_file_names_its_line() {
    let text = generate::scenario("generated", 2_000, Style::Compact);
    let broken = text.replacen(r#"goto:"d1801""#, r#"goto:"d1801x""#, 1);
    assert_ne!(broken, text);
    let line = broken
        .lines()
        .position(|l| l.contains(r#""d1801x""#))
        .expect("the broken line")
        + 1;
    let loaded = load_str("generated.ron", &broken);
    let d = loaded
        .diagnostics
        .iter()
        .find(|d| d.is_error())
        .expect("an error");
    assert!(d.message.contains("d1801x"), "{}", d.message);
    assert_eq!(d.line, line, "{d:?}");
}

#[test]
fn a_duplicate_node_id_deep_in_a_large_file_names_the_second_one() {
    let text = generate::scenario("generated", 2_000, Style::Compact);
    let broken = text.replacen(r#"(id:"d1500","#, r#"(id:"d1499","#, 1);
    let second = broken
        .lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with(r#"(id:"d1499","#))
        .nth(1)
        .expect("two nodes d1499")
        .0
        + 1;
    let loaded = load_str("generated.ron", &broken);
    let d = loaded
        .diagnostics
        .iter()
        .find(|d| d.code == "duplicate-id")
        .expect("a duplicate-id error");
    assert_eq!(d.line, second, "{d:?}");
}

/// Issue 22, F3: a node with 20,000 options is refused at that node, and
/// an option deep inside it with a dangling target is placed at its own
/// line. Options are found through an index built once; before, every
/// lookup scanned the node, so checking took the square of the options
/// (133 s for 40,000 in a release build; this test would not finish).
#[test]
fn a_node_with_twenty_thousand_options_is_refused_and_each_option_placed() {
    let text = generate::wide(20_000);
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains(r#"(id: "o19990","#))
        .expect("option o19990");
    let broken: String = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i == at {
                l.replace(r#"goto: "end_opened""#, r#"goto: "nowhere""#)
            } else {
                (*l).to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let loaded = load_str("wide.ron", &broken);
    let too_many = loaded
        .diagnostics
        .iter()
        .find(|d| d.code == "too-many-options")
        .expect("too many options");
    let node_line = lines
        .iter()
        .position(|l| l.contains(r#"nodes: [(id: "wide","#))
        .expect("the node")
        + 1;
    assert_eq!(too_many.line, node_line, "{too_many:?}");
    let dangling = loaded
        .diagnostics
        .iter()
        .find(|d| d.is_error() && d.message.contains("nowhere"))
        .expect("the dangling target");
    assert_eq!(dangling.line, at + 1, "{dangling:?}");
}
