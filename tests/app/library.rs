//! A library of sixteen scenarios: shelves in the suggested order, the
//! search and the filters with their count and empty state, Ctrl+F and /,
//! a follow-up offered after its ending, and a group session's speakers.
//! Snapshots at 1280×800 and on the 1920×1080 presenter screen; write new
//! ones with `UPDATE_SNAPSHOTS=1 cargo test --test app library::`, then
//! look at them.

use crate::support::*;
use attune::app::state::library_filter::FilterAction;
use attune::app::state::library_order::{ShelfKind, shelves};
use attune::app::{Action, AttuneApp, Options, Screen};
use attune::scenario::{Difficulty, Rating};
use attune::skills::Skill;
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn sixteen(folders: &Folders, width: f32, height: f32) -> Harness<'static, AttuneApp> {
    let library = folders.sixteen();
    harness_with(folders, library, width, height)
}

/// Each shelf's heading and its titles, as listed now.
fn listed(h: &Harness<'static, AttuneApp>) -> Vec<(ShelfKind, Vec<String>)> {
    let state = &h.state().state;
    shelves(&state.catalogue, &state.library.filter)
        .shelves
        .iter()
        .map(|shelf| {
            let titles = shelf
                .cards
                .iter()
                .filter_map(|c| state.catalogue.scenario(c.id))
                .map(|s| s.title.clone())
                .collect();
            (shelf.kind, titles)
        })
        .collect()
}

fn filter(h: &mut Harness<'static, AttuneApp>, action: FilterAction) {
    h.state_mut().state.apply(Action::Library(action));
    h.run();
}

/// The search box.
fn search<'h>(h: &'h Harness<'static, AttuneApp>) -> egui_kittest::Node<'h> {
    h.get_by_role_and_label(eframe::egui::Role::TextInput, "Search")
}

fn shows(h: &Harness<'static, AttuneApp>, text: &str) -> bool {
    h.query_all_by_label(text).next().is_some()
}

/// Clicks the button with these words (a shelf heading may say them too).
fn button(h: &mut Harness<'static, AttuneApp>, label: &str) {
    h.get_by_role_and_label(eframe::egui::Role::Button, label)
        .click_accesskit();
    h.run();
}

#[test]
fn sixteen_scenarios_stand_on_shelves_in_the_order_suggested_to_a_new_learner() {
    let folders = Folders::new();
    let h = sixteen(&folders, 1280.0, 800.0);
    let core = Difficulty::Core;
    assert_eq!(
        listed(&h),
        [
            (ShelfKind::Start, vec!["A first conversation".to_string()]),
            (
                ShelfKind::Level(Difficulty::FirstSteps),
                ["Night shift", "Results day", "The empty nest"]
                    .map(String::from)
                    .to_vec()
            ),
            (
                ShelfKind::Level(core),
                [
                    "A message after midnight",
                    "After the diagnosis",
                    "Call from the allotment",
                    "Moving day",
                    "Text at lunchtime",
                    "The kitchen table",
                    // The follow-up stands just after the one it follows.
                    "The morning after",
                ]
                .map(String::from)
                .to_vec()
            ),
            (
                ShelfKind::Level(Difficulty::Advanced),
                [
                    "Behind the door",
                    "Saturday night",
                    "Sixteen",
                    "The long drive",
                    "The Thursday circle",
                ]
                .map(String::from)
                .to_vec()
            ),
        ]
    );
    assert!(shows(&h, "16 scenarios"));
    assert!(shows(&h, "Start here"));
    assert!(
        shows(&h, "Level: first steps"),
        "the level is said in words"
    );
}

#[test]
fn search_and_filters_narrow_the_library_count_it_and_clear() {
    let folders = Folders::new();
    let mut h = sixteen(&folders, 1280.0, 800.0);
    // Ctrl+F puts the keyboard in the search box; typing searches.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    assert!(!h.state().state.library.focus_search, "the request is met");
    search(&h).type_text("ROSA");
    h.run();
    assert_eq!(h.state().state.library.filter.search, "ROSA");
    assert!(
        shows(&h, "2 of 16 scenarios"),
        "any case, the person's name"
    );
    let titles: Vec<String> = listed(&h).into_iter().flat_map(|(_, t)| t).collect();
    assert_eq!(titles, ["The kitchen table", "The morning after"]);

    // A level with nothing left says why, and offers a way out.
    button(&mut h, "Advanced");
    assert!(shows(&h, "0 of 16 scenarios"));
    assert!(shows(
        &h,
        "No scenario matches \u{201c}ROSA\u{201d} and is at the advanced level."
    ));
    click(&mut h, "Clear filters and show every scenario");
    assert!(shows(&h, "16 scenarios"));
    assert!(h.state().state.library.filter.is_clear());

    button(&mut h, "Phone");
    assert!(shows(&h, "3 of 16 scenarios"));
    button(&mut h, "Group");
    let titles: Vec<String> = listed(&h).into_iter().flat_map(|(_, t)| t).collect();
    assert_eq!(titles, ["The Thursday circle"], "one setting at a time");
    button(&mut h, "Any setting");

    // Content notes are searched too.
    filter(&mut h, FilterAction::Search("self-harm".into()));
    let titles: Vec<String> = listed(&h).into_iter().flat_map(|(_, t)| t).collect();
    assert_eq!(titles, ["Sixteen"]);
    button(&mut h, "Clear filters");
    assert!(shows(&h, "16 scenarios"));

    // The skill menu lists what the best paths practise.
    click(&mut h, "Skill practised");
    click(&mut h, "repair");
    assert_eq!(h.state().state.library.filter.skill, Some(Skill::Repair));
    let titles: Vec<String> = listed(&h).into_iter().flat_map(|(_, t)| t).collect();
    assert_eq!(titles, ["The morning after"]);
    assert!(shows(&h, "1 of 16 scenarios"));
}

#[test]
fn slash_focuses_the_search_and_can_then_be_typed() {
    let folders = Folders::new();
    let mut h = sixteen(&folders, 1280.0, 800.0);
    h.key_press(Key::Slash);
    h.run();
    h.run();
    assert!(search(&h).is_focused());
    search(&h).type_text("a/b");
    h.run();
    assert_eq!(h.state().state.library.filter.search, "a/b");
    // Esc leaves the box; / comes back to it with the words selected, so
    // a new search replaces the old one.
    h.key_press(Key::Escape);
    h.run();
    assert!(!search(&h).is_focused());
    h.key_press(Key::Slash);
    h.run();
    h.run();
    assert!(search(&h).is_focused());
    search(&h).type_text("night");
    h.run();
    assert_eq!(h.state().state.library.filter.search, "night");
}

#[test]
fn the_debrief_offers_the_follow_up_after_its_ending_only() {
    let folders = Folders::new();
    let mut h = sixteen(&folders, 1280.0, 800.0);
    start_kitchen_table(&mut h);
    choose_rated(&mut h, Rating::Harmful);
    assert!(is_finished(&h));
    click(&mut h, "See the debrief");
    assert!(shows(
        &h,
        "A day later: try \u{201c}The morning after\u{201d}"
    ));
    click(&mut h, "Read the briefing for The morning after");
    assert_eq!(screen(&h), Screen::Briefing);
    let briefing = h
        .state()
        .state
        .briefing
        .and_then(|c| h.state().state.catalogue.scenario(c));
    assert_eq!(briefing.map(|s| s.id.as_str()), Some("morning_after"));

    // Another ending offers nothing.
    click(&mut h, "Library");
    start_kitchen_table(&mut h);
    while !is_finished(&h) {
        choose_rated(&mut h, Rating::Best);
    }
    click(&mut h, "See the debrief");
    assert!(!shows(
        &h,
        "A day later: try \u{201c}The morning after\u{201d}"
    ));
}

#[test]
fn a_group_session_names_each_speaker_of_a_line() {
    let folders = Folders::new();
    let mut h = sixteen(&folders, 1280.0, 800.0);
    click(&mut h, "Read the briefing for The Thursday circle");
    click(&mut h, "Start talking with The carers' group");
    assert_eq!(screen(&h), Screen::Conversation);
    assert!(shows(&h, "Marcus"));
    assert!(shows(&h, "Aisha"));
    assert!(shows(
        &h,
        "And that's the third time this month the day centre has cancelled on Dad."
    ));
    assert!(shows(&h, "Mm."));
    snap(&mut h, "app_group_session");
}

fn snap(h: &mut Harness<'static, AttuneApp>, name: &str) {
    h.remove_cursor();
    h.run();
    h.snapshot(name);
}

#[test]
fn snapshots_of_the_filtered_library_at_1280_by_800() {
    let folders = Folders::new();
    let mut h = sixteen(&folders, 1280.0, 800.0);
    snap(&mut h, "app_library_sixteen");
    filter(&mut h, FilterAction::Level(Some(Difficulty::Core)));
    filter(&mut h, FilterAction::Search("table".into()));
    snap(&mut h, "app_library_filtered");
    filter(
        &mut h,
        FilterAction::Medium(Some(attune::scenario::Medium::Group)),
    );
    snap(&mut h, "app_library_nothing_matches");
}

#[test]
fn snapshots_of_the_library_on_the_presenter_screen() {
    let folders = Folders::new();
    let library = folders.sixteen();
    let options = Options {
        presenter: true,
        ..folders.options()
    };
    let mut h = Harness::builder()
        .with_size([1920.0, 1080.0])
        .with_max_steps(200)
        .build_eframe(move |_cc| AttuneApp::new(library, &options));
    h.run();
    snap(&mut h, "presenter_library");
    h.key_press(Key::Slash);
    h.run();
    search(&h).type_text("phone");
    h.run();
    button(&mut h, "Advanced");
    assert!(shows(&h, "2 of 16 scenarios"));
    snap(&mut h, "presenter_library_filtered");
}

#[test]
fn the_walkthrough_offers_the_follow_up_on_its_first_page() {
    let folders = Folders::new();
    let library = folders.sixteen();
    let mut h = presenter_harness(&folders, library, true, 1920.0, 1080.0);
    let harmful = option_rated(&h, Rating::Harmful);
    let id = {
        let state = &h.state().state;
        let (active, scenario) = state.active_scenario().unwrap();
        let options = active.session.conversation.options(scenario);
        options
            .iter()
            .find(|c| c.text == harmful)
            .unwrap()
            .id
            .clone()
    };
    h.state_mut().state.apply(Action::Choose(id));
    h.state_mut().state.apply(Action::OpenDebrief);
    h.run();
    assert!(shows(
        &h,
        "A day later: try \u{201c}The morning after\u{201d}"
    ));
    button(&mut h, "Read the briefing for The morning after");
    assert_eq!(screen(&h), Screen::Briefing);
}
