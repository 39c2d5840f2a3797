//! Hot reload under a running app: a saved edit re-validates the file,
//! its card and the problems screen follow, the conversation in progress
//! is rebuilt by replaying its choices, and an edit that makes that
//! impossible says where it broke and keeps the old conversation going.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::*;
use attune::app::state::authoring::{Replay, WatchStatus};
use attune::app::state::catalogue::{Card, CardId};
use attune::app::{AttuneApp, Screen};
use attune::scenario::Rating;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Longest wait for the watcher; a reload normally takes a fraction of
/// a second. Only a bound: nothing is asserted about time.
const PATIENCE: Duration = Duration::from_secs(30);

fn watching_harness(folders: &Folders) -> Harness<'static, AttuneApp> {
    let mut options = folders.options();
    options.watch = true;
    options.dialogue_dirs = vec![folders.dialogues()];
    let library = folders.library();
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_max_steps(200)
        .build_eframe(move |_cc| AttuneApp::new(library, &options));
    h.run();
    // The watcher starts on its own thread, which can finish after the
    // frames have settled.
    let deadline = Instant::now() + PATIENCE;
    while matches!(
        h.state().state.authoring.status,
        WatchStatus::Off | WatchStatus::Starting
    ) {
        assert!(Instant::now() < deadline, "the watcher did not start");
        h.state_mut().wait_for_reload(Duration::from_millis(100));
        h.run();
    }
    h
}

/// Saves a file the way editors do: a temporary file, then a rename.
fn save(path: &Path, text: &str) {
    let temporary = path.with_extension("ron.swap");
    std::fs::write(&temporary, text).expect("the edit written");
    std::fs::rename(&temporary, path).expect("the edit saved");
}

/// Waits until a reload has brought the app to the state `done` looks
/// for (one save may be reported more than once), then draws.
fn await_reload(h: &mut Harness<'static, AttuneApp>, done: impl Fn(&AttuneApp) -> bool) {
    let deadline = Instant::now() + PATIENCE;
    while !done(h.state()) {
        assert!(Instant::now() < deadline, "the watcher reported no change");
        h.state_mut().wait_for_reload(Duration::from_millis(500));
    }
    h.run();
}

fn playable_with(app: &AttuneApp, needle: &str) -> bool {
    app.state
        .catalogue
        .scenario(kitchen_id(app))
        .is_some_and(|s| format!("{s:?}").contains(needle))
}

/// The id of the kitchen table's card, the first in the library; a
/// reload keeps it.
fn kitchen_id(app: &AttuneApp) -> CardId {
    app.state.catalogue.all().next().expect("a card").0
}

fn kitchen_card(app: &AttuneApp) -> &Card {
    let id = kitchen_id(app);
    app.state
        .catalogue
        .card(id)
        .expect("the kitchen table's card")
}

#[test]
fn an_edit_reloads_the_card_and_replays_the_conversation() {
    let folders = Folders::new();
    let file = folders.dialogues().join("kitchen_table.ron");
    let mut h = watching_harness(&folders);
    assert!(matches!(
        &h.state().state.authoring.status,
        WatchStatus::Watching(roots) if roots.len() == 1
    ));
    start_kitchen_table(&mut h);
    choose_rated(&mut h, Rating::Best);
    assert_eq!(turns(&h), 1);

    // 1. A change of words: the conversation is rebuilt in the new tree.
    let reworded = KITCHEN_TABLE.replace(
        "Thanks for staying up with me.",
        "Thank you for sitting up with me.",
    );
    assert_ne!(reworded, KITCHEN_TABLE);
    save(&file, &reworded);
    await_reload(&mut h, |app| playable_with(app, "Thank you for sitting up"));
    let state = &h.state().state;
    let report = state.authoring.reloads.last().expect("a reload");
    assert!(report.playable());
    assert_eq!(report.replay, Some(Replay::Rebuilt { choices: 1 }));
    let active = state.active.as_ref().expect("the conversation goes on");
    let kitchen = kitchen_id(h.state());
    assert_eq!(active.card, kitchen, "it now plays the reloaded card");
    let scenario = state.catalogue.scenario(kitchen).expect("playable");
    let ending = scenario.node("end_open").expect("end_open");
    assert!(ending.lines[0].text.starts_with("Thank you for sitting up"));
    assert_eq!(screen(&h), Screen::Conversation);

    // 2. A syntax error: the card breaks, the problems screen shows it,
    //    and the conversation carries on with the old version.
    save(
        &file,
        &KITCHEN_TABLE.replacen("id: \"letter\",", "id: \"letter\"", 1),
    );
    await_reload(&mut h, |app| matches!(kitchen_card(app), Card::Broken(_)));
    assert!(matches!(kitchen_card(h.state()), Card::Broken(_)));
    let report = h.state().state.authoring.reloads.last().expect("a reload");
    assert!(!report.playable());
    assert_eq!(report.replay, Some(Replay::KeptOld));
    assert!(h.state().state.active_scenario().is_some());
    assert_eq!(turns(&h), 1);
    assert!(
        h.query_all_by_label_contains("has errors since the last save")
            .next()
            .is_some()
    );
    h.get_by_label_contains("Problems: 1 error").click();
    h.run();
    assert_eq!(screen(&h), Screen::Problems);
    assert!(h.query_by_label_contains("kitchen_table.ron:").is_some());
    assert!(h.query_by_label_contains("error[").is_some());
    assert!(
        h.query_all_by_label_contains("could not load: 1 error")
            .next()
            .is_some()
    );

    // 3. Fixed, but the option chosen at turn 1 was renamed: the app says
    //    where the replay broke and keeps the conversation.
    save(
        &file,
        &reworded.replace("reflect_sitting", "reflect_weight"),
    );
    await_reload(&mut h, |app| playable_with(app, "reflect_weight"));
    assert!(matches!(kitchen_card(h.state()), Card::Playable(_)));
    let state = &h.state().state;
    let Some(Replay::Broke(at)) = &state
        .authoring
        .reloads
        .last()
        .and_then(|r| r.replay.clone())
    else {
        panic!("the replay should have broken");
    };
    assert_eq!((at.turn, at.choice.as_str()), (1, "reflect_sitting"));
    assert_eq!(at.node, "letter");
    assert!(state.notices.iter().any(|n| n.contains("at turn 1")
        && n.contains("reflect_sitting")
        && n.contains("no longer exists")));
    let (active, scenario) = state
        .active_scenario()
        .expect("the old conversation goes on");
    assert_ne!(
        active.card,
        kitchen_id(h.state()),
        "it keeps the version from before the edit"
    );
    assert!(
        scenario
            .node("letter")
            .and_then(|n| n.option("reflect_sitting"))
            .is_some()
    );
    assert_eq!(turns(&h), 1);
    // The library lists the file once, playable again.
    click(&mut h, "Library");
    assert_eq!(
        h.query_all_by_label("Read the briefing for The kitchen table")
            .count(),
        1
    );
}

/// Waits until the watcher has been quiet for a while (a save can be
/// reported more than once), then returns how many reloads there were.
fn settled_reloads(h: &mut Harness<'static, AttuneApp>) -> usize {
    let deadline = Instant::now() + PATIENCE;
    while !h
        .state_mut()
        .wait_for_reload(Duration::from_millis(600))
        .is_empty()
    {
        assert!(Instant::now() < deadline, "the reloads never stopped");
    }
    h.state().state.authoring.reloads.len()
}

/// The system reports a file being opened and read, not only written. A
/// reload reads the file, so counting reads reloaded it for ever; an
/// editor opening the file must not reload it either.
#[test]
fn reading_a_watched_file_never_reloads_it() {
    let folders = Folders::new();
    let file = folders.dialogues().join("kitchen_table.ron");
    let mut h = watching_harness(&folders);
    let reworded = KITCHEN_TABLE.replace(
        "Thanks for staying up with me.",
        "Thank you for sitting up with me.",
    );
    save(&file, &reworded);
    await_reload(&mut h, |app| playable_with(app, "Thank you for sitting up"));
    let after_save = settled_reloads(&mut h);
    assert!(after_save >= 1);

    let read = std::fs::read_to_string(&file).expect("the file reads");
    assert_eq!(read, reworded);
    assert_eq!(settled_reloads(&mut h), after_save);
}

#[test]
fn a_new_file_in_a_watched_folder_gets_a_card() {
    let folders = Folders::new();
    let mut h = watching_harness(&folders);
    let cards = h.state().state.catalogue.len();
    save(&folders.dialogues().join("late_message.ron"), LATE_MESSAGE);
    await_reload(&mut h, |app| app.state.catalogue.len() > cards);
    assert_eq!(h.state().state.catalogue.len(), cards + 1, "one card");
    let reloads = &h.state().state.authoring.reloads;
    assert!(
        reloads.iter().any(|r| r.added && r.playable()),
        "{reloads:?}"
    );
    assert_eq!(
        h.query_all_by_label_contains("Read the briefing for")
            .count(),
        2
    );
}

/// A dialogue file handed over whole (dropped on the window, or picked in
/// a browser) is checked like any other: a good one becomes a card and a
/// notice, the same name again replaces it, and a broken one opens the
/// problems screen with its errors.
#[test]
fn a_handed_over_file_is_checked_and_added() {
    use attune::app::Action;
    let folders = Folders::new();
    let mut h = harness(&folders);
    let before = h.state().state.catalogue.listed().count();
    let renamed = KITCHEN_TABLE.replace("kitchen_table", "handed_over");
    let add = |h: &mut Harness<'static, AttuneApp>, bytes: &str| {
        h.state_mut().state.apply(Action::AddFile {
            name: "handed_over.ron".to_owned(),
            bytes: bytes.as_bytes().to_vec(),
        });
        h.run();
    };
    add(&mut h, &renamed);
    let state = &h.state().state;
    assert_eq!(state.catalogue.listed().count(), before + 1, "a new card");
    assert!(state.catalogue.id_of("handed_over").is_some());
    assert!(
        state
            .all_notices()
            .iter()
            .any(|n| n.contains("handed_over.ron was checked and added")),
        "a notice says so"
    );
    assert_eq!(screen(&h), Screen::Library);

    add(&mut h, "(id: \"handed_over\", this is not a scenario");
    let state = &h.state().state;
    assert_eq!(
        state.catalogue.listed().count(),
        before + 1,
        "replaced, not added"
    );
    assert!(
        state.catalogue.id_of("handed_over").is_none(),
        "no longer playable"
    );
    assert_eq!(screen(&h), Screen::Problems, "its errors show");
}

/// The watcher's thread loads with the library as it last knew it, so a
/// new file saved twice quickly is loaded twice as new before the first
/// load is swapped in. The window still makes one card of it, and an edit
/// of a listed file swaps in as its card's new version.
#[test]
fn loads_made_off_the_window_swap_in_without_duplicates() {
    use attune::app::Action;
    use attune::app::state::loaded_file::load_changed;
    let folders = Folders::new();
    let mut options = folders.options();
    options.dialogue_dirs = vec![folders.dialogues()];
    let library = folders.library();
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |_cc| AttuneApp::new(library, &options));
    h.run();
    let cards = h.state().state.catalogue.listed().count();
    let listing = h.state().state.reload_listing();

    let new = folders.dialogues().join("late_message.ron");
    save(&new, LATE_MESSAGE);
    let first = load_changed(&new, &listing).expect("a new file in the user's folder");
    let second = load_changed(&new, &listing).expect("loaded again");
    assert!(first.listed_as.is_none() && second.listed_as.is_none());
    h.state_mut().state.apply(Action::Reloaded(first));
    h.state_mut().state.apply(Action::Reloaded(second));
    assert_eq!(h.state().state.catalogue.listed().count(), cards + 1);

    let kitchen = folders.dialogues().join("kitchen_table.ron");
    save(
        &kitchen,
        &KITCHEN_TABLE.replace("The kitchen table", "The kitchen table, edited"),
    );
    let edit = load_changed(&kitchen, &listing).expect("a listed file");
    assert!(edit.listed_as.is_some());
    h.state_mut().state.apply(Action::Reloaded(edit));
    h.run();
    assert_eq!(h.state().state.catalogue.listed().count(), cards + 1);
    assert!(
        h.query_all_by_label_contains("The kitchen table, edited")
            .count()
            > 0
    );
    let outside = folders.root.path().join("elsewhere.ron");
    save(&outside, LATE_MESSAGE);
    assert!(
        load_changed(&outside, &listing).is_none(),
        "a file outside the library and the user's folders is not loaded"
    );
}
