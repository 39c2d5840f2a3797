//! Playing the app end to end: with the mouse, with the keyboard alone,
//! undoing, rewinding, trying again, withdrawing, a broken file, and the
//! report export.

use crate::support::*;
use attune::app::Screen;
use attune::debrief::report::escape;
use attune::scenario::{EndingKind, Rating};
use eframe::egui::{self, Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

/// Plays the best option at every turn by clicking it; returns what was said.
fn play_best(h: &mut egui_kittest::Harness<'_, attune::app::AttuneApp>) -> Vec<String> {
    let mut said = Vec::new();
    while !is_finished(h) {
        let text = option_rated(h, Rating::Best);
        choose(h, &text);
        said.push(text);
        assert!(said.len() <= 10, "the fixture has three decisions");
    }
    said
}

#[test]
fn full_playthrough_by_clicking_options_ends_at_the_debrief() {
    let folders = Folders::new();
    let mut h = harness(&folders);
    start_kitchen_table(&mut h);
    let said = play_best(&mut h);
    assert_eq!(said.len(), 3);
    h.get_by_label("See the debrief").click();
    h.run();
    assert_eq!(screen(&h), Screen::Debrief);
    let review = h.state().state.review.as_ref().expect("a debrief");
    assert_eq!(review.debrief.turns.len(), 3, "one entry per turn");
    for n in 1..=3 {
        h.get_by_label(&format!("Try again from turn {n}"));
    }
    for text in &said {
        assert!(
            h.query_by_label_contains(text).is_some(),
            "the debrief shows what was said: {text}"
        );
    }
    assert!(h.query_by_label("Opened up").is_some());
    // The finished session is in the history, and the library shows it.
    let history = h.state().state.store.history();
    assert_eq!(history.len(), 1);
    assert_eq!(history.sessions()[0].ending, Some(EndingKind::OpenedUp));
    click(&mut h, "Library");
    assert!(h.query_by_label("Best so far:").is_some());
}

/// Presses Tab until the widget with this name has focus.
fn tab_to(h: &mut egui_kittest::Harness<'_, attune::app::AttuneApp>, label: &str) {
    for _ in 0..40 {
        if h.query_by_label(label).is_some_and(|n| n.is_focused()) {
            return;
        }
        h.key_press(Key::Tab);
        h.run();
    }
    panic!("Tab never reached \"{label}\"");
}

#[test]
fn keyboard_only_playthrough() {
    let folders = Folders::new();
    let mut h = harness(&folders);
    tab_to(&mut h, "Read the briefing for The kitchen table");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(screen(&h), Screen::Briefing);
    // The start button has focus when the briefing opens.
    assert!(h.get_by_label("Start talking with Rosa").is_focused());
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(screen(&h), Screen::Conversation);
    let keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4];
    let mut turns_played = 0;
    while !is_finished(&h) {
        let best = options(&h)
            .iter()
            .position(|(_, r)| *r == Rating::Best)
            .expect("a best option");
        h.key_press(keys[best]);
        h.run();
        turns_played += 1;
        assert_eq!(turns(&h), turns_played, "key {} chose an option", best + 1);
    }
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(screen(&h), Screen::Debrief);
    let review = h.state().state.review.as_ref().expect("a debrief");
    assert_eq!(review.debrief.turns.len(), 3);
}

#[test]
fn undo_with_keys_and_button_and_rewind_by_clicking_a_turn() {
    let folders = Folders::new();
    let mut h = harness(&folders);
    start_kitchen_table(&mut h);
    let first = option_rated(&h, Rating::Best);
    choose(&mut h, &first);
    choose_rated(&mut h, Rating::Best);
    assert_eq!(turns(&h), 2);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(turns(&h), 1, "Ctrl+Z takes back one choice");
    h.key_press(Key::Backspace);
    h.run();
    assert_eq!(turns(&h), 0, "Backspace takes back one choice");
    assert!(
        h.get_by_label("Take back the last choice")
            .accesskit_node()
            .is_disabled(),
        "nothing left to take back"
    );

    choose(&mut h, &first);
    choose_rated(&mut h, Rating::Poor);
    h.get_by_label("Take back the last choice").click();
    h.run();
    assert_eq!(turns(&h), 1, "the button takes back one choice");
    choose_rated(&mut h, Rating::Best);
    assert_eq!(turns(&h), 2);

    // Clicking an earlier line asks first; "Keep going" changes nothing.
    let turn_one = format!("Go back to before turn 1: \u{201c}{first}\u{201d}");
    h.get_by_label(&turn_one).click();
    h.run();
    assert!(h.query_by_label("Go back to before turn 1?").is_some());
    click(&mut h, "Keep going");
    assert_eq!(turns(&h), 2);
    assert!(h.query_by_label("Go back to before turn 1?").is_none());

    h.get_by_label(&turn_one).click();
    h.run();
    click(&mut h, "Go back");
    assert_eq!(turns(&h), 0, "rewound to before turn 1");
    assert_eq!(screen(&h), Screen::Conversation);
}

#[test]
fn try_again_from_a_turn_starts_a_new_branch() {
    let folders = Folders::new();
    let mut h = harness(&folders);
    start_kitchen_table(&mut h);
    let said = play_best(&mut h);
    click(&mut h, "See the debrief");
    let first_id = h
        .state()
        .state
        .active
        .as_ref()
        .map(|a| a.session.id.clone())
        .expect("a session");

    click(&mut h, "Try again from turn 2");
    assert_eq!(screen(&h), Screen::Conversation);
    assert_eq!(turns(&h), 1, "only the first turn is kept");
    let active = h.state().state.active.as_ref().expect("a new branch");
    assert_ne!(active.session.id, first_id, "a new branch is a new session");
    assert_eq!(active.session.conversation.turns()[0].said, said[0]);

    // The new branch ends differently; both sessions are in the history.
    choose_rated(&mut h, Rating::Poor);
    choose_rated(&mut h, Rating::Poor);
    assert!(is_finished(&h));
    let history = h.state().state.store.history();
    assert_eq!(history.len(), 2);
    // The original debrief is untouched until a new one is opened.
    assert_eq!(
        h.state()
            .state
            .review
            .as_ref()
            .map(|r| r.debrief.turns.len()),
        Some(3)
    );
}

#[test]
fn a_withdrawal_ends_kindly_and_offers_the_debrief() {
    let folders = Folders::new();
    let mut h = harness(&folders);
    start_kitchen_table(&mut h);
    choose_rated(&mut h, Rating::Harmful);
    assert!(is_finished(&h));
    assert!(
        h.query_by_label("Rosa has ended the conversation")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("one of the most useful things to learn from")
            .is_some()
    );
    click(&mut h, "See the debrief");
    let review = h.state().state.review.as_ref().expect("a debrief");
    let ending = review.debrief.ending.as_ref().expect("an ending");
    assert_eq!(ending.kind, EndingKind::Withdrew);
    assert!(ending.early);
    assert!(
        h.query_by_label_contains("so Rosa ended the conversation early")
            .is_some()
    );
}

#[test]
fn a_broken_dialogue_file_is_a_card_with_its_diagnostics() {
    let folders = Folders::new();
    folders.add_dialogue("broken.ron", BROKEN);
    let mut h = harness(&folders);
    assert!(h.query_by_label("Could not load").is_some());
    let file = folders.dialogues().join("broken.ron").display().to_string();
    assert!(h.query_by_label(&file).is_some(), "the card names the file");
    assert!(
        h.query_by_label("Line 5, column 11: error").is_some(),
        "the card shows the line"
    );
    assert!(
        h.query_by_label("Expected string").is_some(),
        "and the message"
    );
    assert_eq!(
        h.query_all_by_label_contains("Read the briefing for")
            .count(),
        1,
        "only the good file can be started"
    );
    start_kitchen_table(&mut h);
}

#[test]
fn report_export_writes_html_with_every_turn() {
    let folders = Folders::new();
    let mut h = harness(&folders);
    start_kitchen_table(&mut h);
    let said = play_best(&mut h);
    click(&mut h, "See the debrief");
    export_report(&mut h);
    let files = files_in(&folders.reports());
    assert_eq!(files.len(), 1, "one report, no temporary files: {files:?}");
    assert!(files[0].starts_with("attune-kitchen_table-") && files[0].ends_with(".html"));
    let path = folders.reports().join(&files[0]);
    let html = std::fs::read_to_string(&path).expect("the report");
    for text in &said {
        assert!(
            html.contains(&escape(text)),
            "the report has the turn: {text}"
        );
    }
    assert!(html.contains("Turn 3"));
    assert!(
        h.query_by_label(&path.display().to_string()).is_some(),
        "the app says where the report went"
    );
}

#[test]
fn open_starts_straight_in_the_scenario_or_says_it_is_missing() {
    let folders = Folders::new();
    let start = |open: &str| {
        let mut options = folders.options();
        options.open = Some(open.to_string());
        let library = folders.library();
        let mut h = egui_kittest::Harness::builder()
            .with_size([1280.0, 800.0])
            .build_eframe(move |_cc| attune::app::AttuneApp::new(library, &options));
        h.run();
        h
    };
    let h = start("kitchen_table");
    assert_eq!(screen(&h), Screen::Conversation);
    assert!(!options(&h).is_empty());

    let h = start("no_such_scenario");
    assert_eq!(screen(&h), Screen::Library);
    let notices = h.state().state.all_notices();
    assert!(
        notices.iter().any(|n| n.contains("no_such_scenario")),
        "{notices:?}"
    );
}

/// Every shipped briefing, however long, shows "Start talking" inside a
/// 1280×800 window, and opens at its top (the heading and "About …" are in
/// view even after another briefing was scrolled down).
#[test]
fn every_briefing_shows_its_start_button_and_opens_at_the_top() {
    let folders = Folders::new();
    let library = attune::library::Library::shipped();
    let cards: Vec<(String, String, String)> = library
        .scenarios()
        .map(|s| (s.title.clone(), s.persona.name.clone(), s.id.clone()))
        .collect();
    let mut h = harness_with(&folders, library, 1280.0, 800.0);
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0));
    for (title, name, id) in &cards {
        click(&mut h, "Library");
        click(&mut h, &format!("Read the briefing for {title}"));
        assert_eq!(screen(&h), Screen::Briefing, "{id}");
        let start = h.get_by_label(&format!("Start talking with {name}")).rect();
        assert!(
            window.contains_rect(start),
            "{id}: start button at {start:?}"
        );
        let about = h.get_by_label(&format!("About {name}")).rect();
        assert!(
            window.contains_rect(about),
            "{id}: About {name} at {about:?}"
        );
        // Scroll this one down, so the next must not inherit it.
        h.get_by_label(&format!("About {name}")).hover();
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -2000.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::NONE,
        });
        h.run();
    }
}

/// Starting again over an unfinished conversation asks first: going back
/// keeps every choice; confirming starts afresh. With no choices made
/// there is nothing to lose, so nothing is asked.
#[test]
fn a_new_start_asks_before_ending_an_unfinished_conversation() {
    let folders = Folders::new();
    let mut h = harness(&folders);
    start_kitchen_table(&mut h);
    click(&mut h, "Library");
    start_kitchen_table(&mut h);
    assert!(
        h.state().state.pending_start.is_none(),
        "no choices, no question"
    );

    choose_rated(&mut h, Rating::Best);
    assert_eq!(turns(&h), 1);
    click(&mut h, "Library");
    click(&mut h, "Read the briefing for The kitchen table");
    click(&mut h, "Start talking with Rosa");
    h.get_by_label("End the unfinished conversation?");
    click(&mut h, "Go back to it");
    assert_eq!(screen(&h), Screen::Conversation);
    assert_eq!(turns(&h), 1, "going back keeps the choice");

    click(&mut h, "Library");
    click(&mut h, "Read the briefing for The kitchen table");
    click(&mut h, "Start talking with Rosa");
    click(&mut h, "Start \u{201c}The kitchen table\u{201d}");
    assert_eq!(screen(&h), Screen::Conversation);
    assert_eq!(turns(&h), 0, "confirmed: a fresh start");
    assert!(h.state().state.pending_start.is_none());
}
