//! The map does not give the answers away: while a conversation runs it
//! shows the path so far and hides the ratings, effects and lines of the
//! current decision and every later one, until "Show the answers" is on
//! or the conversation has ended. Decisions are numbered as the learner
//! met them, options as they were on screen, and ids show only in the
//! author view.

use crate::support::*;
use attune::app::{AttuneApp, Screen};
use attune::scenario::Rating;
use eframe::egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// Every node id of the fixture.
const IDS: [&str; 6] = [
    "letter",
    "behind",
    "family",
    "end_open",
    "end_guarded",
    "end_withdrew",
];

/// The accessible names of every widget whose name contains `part`.
fn labels(h: &Harness<'_, AttuneApp>, part: &str) -> Vec<String> {
    h.query_all_by_label_contains(part)
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .collect()
}

/// The on-screen number (1-based) of the option with this rating now.
fn number_of(h: &Harness<'_, AttuneApp>, rating: Rating) -> usize {
    options(h)
        .iter()
        .position(|(_, r)| *r == rating)
        .expect("the rating is on offer")
        + 1
}

/// The number (1-based) of the option with this rating as written in
/// the file, at the current node.
fn authored_number(h: &Harness<'_, AttuneApp>, rating: Rating) -> usize {
    let (active, scenario) = h.state().state.active_scenario().expect("a conversation");
    let node = scenario
        .node(&active.session.conversation.current().node)
        .expect("the node");
    node.options
        .iter()
        .position(|o| o.rating == rating)
        .expect("the rating is written")
        + 1
}

/// Plays the best option once and opens the map with M.
fn map_after_one_choice(h: &mut Harness<'_, AttuneApp>) -> usize {
    start_kitchen_table(h);
    let shown = number_of(h, Rating::Best);
    choose_rated(h, Rating::Best);
    h.key_press(Key::M);
    h.run();
    assert_eq!(screen(h), Screen::Map);
    shown
}

#[test]
fn during_a_conversation_the_map_hides_the_current_decisions_ratings() {
    let folders = Folders::new();
    let mut h = harness(&folders);
    map_after_one_choice(&mut h);

    // The current decision, selected: its options as on screen, words
    // only, no rating.
    h.get_by_label_contains("Node Decision 2:").click();
    h.run();
    assert!(h.query_by_label("Options, as on your screen").is_some());
    let on_screen: Vec<String> = options(&h)
        .iter()
        .map(|(t, _)| format!("\u{201c}{t}\u{201d}"))
        .collect();
    for (n, text) in on_screen.iter().enumerate() {
        assert!(h.query_by_label(text).is_some(), "{text} is listed");
        assert!(
            h.query_by_label(&format!("Option {}", n + 1)).is_some(),
            "option {} carries its number and nothing else",
            n + 1
        );
    }
    for rating in ["best", "good", "mixed", "poor", "harmful"] {
        let rated = labels(&h, &format!("\u{00B7} {rating}"));
        assert!(rated.is_empty(), "a rating shows: {rated:?}");
    }
    assert!(labels(&h, "rated ").is_empty());
    assert!(labels(&h, "trust +").is_empty() && labels(&h, "trust \u{2212}").is_empty());
    assert!(
        h.query_by_label("Their ratings stay hidden until the conversation ends.")
            .is_some()
    );
    assert!(h.query_by_label("Show the answers").is_some());

    // What lies ahead: no lines, no ending kinds.
    let ahead = labels(&h, "Node A decision:");
    assert_eq!(ahead.len(), 1, "{ahead:?}");
    let endings = labels(&h, "Node An ending:");
    assert_eq!(endings.len(), 3, "{endings:?}");
    assert!(endings.iter().all(|l| l.contains("not reached yet")));
    assert!(labels(&h, "Opened up").is_empty());
    h.get_by_label_contains("Node A decision:").click();
    h.run();
    assert!(
        h.query_by_label_contains("You have not reached this part")
            .is_some()
    );
    assert!(h.query_by_label("What Rosa says").is_none());
}

#[test]
fn show_the_answers_reveals_every_rating_and_line() {
    let folders = Folders::new();
    let mut h = harness(&folders);
    map_after_one_choice(&mut h);
    let on_screen = options(&h);
    click(&mut h, "Show the answers");
    assert!(h.state().state.map.as_ref().is_some_and(|m| m.show_answers));

    h.get_by_label_contains("Node Decision 2:").click();
    h.run();
    assert!(
        h.query_by_label("Numbered as they were on your screen.")
            .is_some()
    );
    for (n, (_, rating)) in on_screen.iter().enumerate() {
        let heading = format!("Option {} \u{00B7} {}", n + 1, rating.label());
        assert!(h.query_by_label(&heading).is_some(), "{heading}");
    }
    assert!(h.query_by_label("What Rosa says").is_some());
    // Endings ahead are named and their kinds show.
    assert!(!labels(&h, "Node Rosa says goodnight:").is_empty());
    assert!(!labels(&h, "ending, Opened up").is_empty());

    // Off again, they hide again.
    click(&mut h, "Show the answers");
    assert!(labels(&h, "ending, Opened up").is_empty());
    assert!(labels(&h, "\u{00B7} best").is_empty());
}

#[test]
fn the_path_numbers_options_as_on_screen_and_counts_agree_with_badges() {
    let folders = Folders::new();
    let mut h = harness(&folders);
    start_kitchen_table(&mut h);
    let mut shown = Vec::new();
    let mut shuffled = false;
    for rating in [Rating::Good, Rating::Mixed] {
        shown.push((number_of(&h, rating), rating));
        shuffled |= number_of(&h, rating) != authored_number(&h, rating);
        choose_rated(&mut h, rating);
    }
    assert!(
        shuffled,
        "the seed shows some option out of its written order"
    );
    h.key_press(Key::M);
    h.run();

    // Two choices made: decisions 1 and 2 behind, decision 3 now.
    assert!(
        h.query_by_label_contains("2 choices so far, now at decision 3.")
            .is_some()
    );
    let now = labels(&h, "where the conversation is now");
    assert_eq!(now.len(), 1, "{now:?}");
    assert!(now[0].starts_with("Node Decision 3:"), "{now:?}");
    assert!(now[0].contains("on your path at decision 3"), "{now:?}");

    // Each decision behind lists the chosen option under the number it
    // had on screen, with the rating the coach already gave.
    for (decision, (number, rating)) in shown.iter().enumerate() {
        h.get_by_label_contains(&format!("Node Decision {}:", decision + 1))
            .click();
        h.run();
        let heading = format!("Option {number} \u{00B7} {}", rating.label());
        assert!(h.query_by_label(&heading).is_some(), "{heading}");
        assert!(h.query_by_label("your choice").is_some());
    }
}

#[test]
fn after_the_ending_everything_shows() {
    let folders = Folders::new();
    let mut h = harness(&folders);
    start_kitchen_table(&mut h);
    while !is_finished(&h) {
        choose_rated(&mut h, Rating::Best);
    }
    h.key_press(Key::M);
    h.run();
    assert_eq!(screen(&h), Screen::Map);
    assert!(
        h.query_by_label("The conversation has ended: every rating shows.")
            .is_some()
    );
    assert!(h.query_by_label("Show the answers").is_none());
    assert!(
        h.query_by_label_contains(
            "3 choices, then the ending \u{201c}Rosa opens the letter with you there\u{201d}."
        )
        .is_some()
    );
    let end = labels(&h, "Node Rosa opens the letter with you there:");
    assert!(end[0].contains("ending, Opened up"), "{end:?}");
    assert!(!labels(&h, "Node Rosa says goodnight: ending, Stayed guarded").is_empty());
    h.get_by_label_contains("Node Decision 3:").click();
    h.run();
    assert!(labels(&h, "\u{00B7} poor").len() == 1, "every rating shows");
}

#[test]
fn ids_show_only_in_the_author_view() {
    let folders = Folders::new();
    let mut h = harness(&folders);
    map_after_one_choice(&mut h);
    click(&mut h, "Show the answers");
    let names = labels(&h, "Node ");
    assert_eq!(names.len(), 6);
    for id in IDS {
        let named = format!("Node {id}:");
        assert!(
            names
                .iter()
                .all(|l| !l.starts_with(&named) && !l.contains('_')),
            "{id} shows: {names:?}"
        );
    }
    // Nodes ahead are named by their first line.
    assert!(
        !labels(&h, "Node \u{201c}I'm behind. Two months.").is_empty(),
        "{names:?}"
    );

    click(&mut h, "Show ids");
    for id in IDS {
        assert_eq!(labels(&h, &format!("Node {id}:")).len(), 1, "{id}");
    }
}

#[test]
fn with_watching_on_the_map_opens_in_the_author_view() {
    let folders = Folders::new();
    let mut options = folders.options();
    options.watch = true;
    let library = folders.library();
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_max_steps(200)
        .build_eframe(move |_cc| AttuneApp::new(library, &options));
    h.run();
    click(&mut h, "Map of The kitchen table");
    assert!(h.state().state.map.as_ref().is_some_and(|m| m.show_ids));
    assert_eq!(labels(&h, "Node letter:").len(), 1);
    // No path yet and the answers hidden: the start is named, the
    // endings are not.
    assert_eq!(labels(&h, "ending, not reached yet").len(), 3);
}
