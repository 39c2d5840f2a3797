//! Presenter mode for a classroom: toggling it, the discussion pause with
//! votes and a reveal that changes nothing, committing the room's choice,
//! the facilitator notes, a clicker-only run to the end of the debrief
//! walkthrough, and branching off to compare two paths. Snapshots at
//! 1920×1080; write new ones with
//! `UPDATE_SNAPSHOTS=1 cargo test --test app presenter::`, then look at them.

use crate::support::*;
use attune::app::presenter::walkthrough::{Page, pages};
use attune::app::state::compare::divergences;
use attune::app::{AttuneApp, Screen};
use attune::scenario::Rating;
use eframe::egui::{Key, Modifiers, TextStyle};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The note the fixture carries at its first decision.
const FIRST_NOTE: &str = "What does Rosa show before she says anything?";

/// The kitchen table fixture with facilitator notes at two decisions.
fn with_notes() -> String {
    KITCHEN_TABLE
        .replacen(
            "id: \"letter\",",
            &format!("id: \"letter\",\n            notes: Some(\"{FIRST_NOTE}\"),"),
            1,
        )
        .replacen(
            "id: \"family\",",
            "id: \"family\",\n            notes: Some(\"Money, or asking for help?\"),",
            1,
        )
}

fn folders() -> Folders {
    let folders = Folders::new();
    folders.add_dialogue("kitchen_table.ron", &with_notes());
    folders
}

/// A 1920×1080 harness; `presenting` starts it as `--open kitchen_table
/// --presenter` would.
fn harness_at(folders: &Folders, presenting: bool) -> Harness<'static, AttuneApp> {
    presenter_harness(folders, folders.library(), presenting, 1920.0, 1080.0)
}

fn press(h: &mut Harness<'static, AttuneApp>, key: Key) {
    h.key_press(key);
    h.run();
}

fn body_size(h: &Harness<'static, AttuneApp>) -> f32 {
    TextStyle::Body.resolve(&h.ctx.global_style()).size
}

fn votes(h: &Harness<'static, AttuneApp>) -> Vec<u32> {
    h.state()
        .state
        .presenter
        .discussion
        .as_ref()
        .map(|d| d.votes.clone())
        .unwrap_or_default()
}

fn conversation(h: &Harness<'static, AttuneApp>) -> attune::engine::Conversation {
    h.state()
        .state
        .active
        .as_ref()
        .map(|a| a.session.conversation.clone())
        .expect("a conversation")
}

#[test]
fn presenter_mode_toggles_from_the_library_and_with_f5_without_touching_settings() {
    let folders = folders();
    let mut h = harness_at(&folders, false);
    let normal = body_size(&h);
    let saved = h.state().state.store.settings().clone();
    click(&mut h, "Presenter mode for a class (F5)");
    h.run();
    assert!(h.state().state.presenter.active);
    assert!(
        body_size(&h) >= 28.0,
        "text reads from the back row at 1920×1080: {}",
        body_size(&h)
    );
    assert!(
        h.ctx.global_style().visuals.dark_mode,
        "high contrast is dark"
    );
    assert!(h.query_by_label("Theme: High contrast").is_some());
    assert_eq!(
        h.state().state.store.settings(),
        &saved,
        "presenting is a session mode: the saved settings stay as they were"
    );

    start_kitchen_table(&mut h);
    let first = options(&h)[0].0.clone();
    let option = h.get_by_label(&first);
    let height = option.rect().height();
    assert!(height >= 28.0, "an option is at least 28 px tall: {height}");

    press(&mut h, Key::F5);
    assert!(!h.state().state.presenter.active);
    h.run();
    assert_eq!(
        body_size(&h),
        normal,
        "leaving gives back the learner's size"
    );
    assert!(
        !h.ctx.global_style().visuals.dark_mode,
        "and their light theme"
    );
}

#[test]
fn a_discussion_pause_counts_votes_and_the_reveal_changes_nothing() {
    let folders = folders();
    let mut h = harness_at(&folders, true);
    assert_eq!(screen(&h), Screen::Conversation);
    assert!(
        h.state().state.window.fullscreen,
        "--presenter opens full screen"
    );
    press(&mut h, Key::D);
    assert!(h.query_by_label("Discuss: what would you say?").is_some());
    assert_eq!(votes(&h), vec![0; 4]);

    press(&mut h, Key::A);
    press(&mut h, Key::A);
    press(&mut h, Key::B);
    click(&mut h, "Vote for C");
    assert_eq!(votes(&h), vec![2, 1, 1, 0], "keys and clicks both vote");
    assert!(h.query_by_label("4 votes").is_some());
    press(&mut h, Key::Num0);
    assert_eq!(votes(&h), vec![0; 4], "0 resets the votes");
    press(&mut h, Key::C);

    let before = conversation(&h);
    let before_json = serde_json::to_string(&before).expect("state serialises");
    assert!(h.query_by_label_contains("would likely reply").is_none());
    press(&mut h, Key::R);
    assert!(
        h.state()
            .state
            .presenter
            .discussion
            .as_ref()
            .is_some_and(|d| d.revealed)
    );
    assert_eq!(
        h.query_all_by_label_contains("Rosa would likely reply")
            .count(),
        4,
        "every option shows the peer's likely reaction"
    );
    assert!(
        h.query_by_label("complex reflection").is_some(),
        "and its skills"
    );
    let after = conversation(&h);
    assert_eq!(after, before, "the reveal commits nothing");
    assert_eq!(
        serde_json::to_string(&after).expect("state serialises"),
        before_json
    );
    assert_eq!(votes(&h), vec![0, 0, 1, 0], "nor does it touch the votes");

    // Back hides the reveal, then closes the pause; still nothing chosen.
    press(&mut h, Key::PageUp);
    assert!(
        h.state()
            .state
            .presenter
            .discussion
            .as_ref()
            .is_some_and(|d| !d.revealed)
    );
    press(&mut h, Key::PageUp);
    assert!(h.query_by_label("Discuss: what would you say?").is_none());
    assert_eq!(conversation(&h), before);
}

#[test]
fn the_room_choice_is_committed_after_the_reveal_by_key_or_click() {
    let folders = folders();
    let mut h = harness_at(&folders, true);
    let offered = options(&h);
    press(&mut h, Key::D);
    press(&mut h, Key::B);
    press(&mut h, Key::B);
    press(&mut h, Key::A);
    press(&mut h, Key::R);
    press(&mut h, Key::Enter);
    assert_eq!(turns(&h), 1, "Enter commits the room's choice");
    assert_eq!(
        conversation(&h).turns()[0].said,
        offered[1].0,
        "B had the most votes"
    );
    assert!(
        h.state().state.presenter.discussion.is_none()
            || !h
                .state()
                .state
                .presenter
                .discussion
                .as_ref()
                .is_some_and(|d| d.is_for(&conversation(&h))),
        "the pause ends with the choice"
    );

    // With the mouse: open, reveal, pick C, commit.
    let offered = options(&h);
    click(&mut h, "Discuss (D)");
    click(&mut h, "Reveal the effects (R)");
    let c = format!("Option C: {}", offered[2].0);
    click(&mut h, &c);
    click(&mut h, "Commit the room's choice, C");
    assert_eq!(turns(&h), 2);
    assert_eq!(conversation(&h).turns()[1].said, offered[2].0);
}

#[test]
fn with_no_votes_next_asks_the_room_instead_of_saying_option_a() {
    let folders = folders();
    let mut h = harness_at(&folders, true);
    press(&mut h, Key::D);
    press(&mut h, Key::PageDown);
    assert_eq!(discussion(&h), Some((true, None)), "Next reveals");
    assert!(
        h.query_by_label("The room's choice").is_none(),
        "no option is the room's choice before anyone votes"
    );
    assert!(
        h.query_by_label_contains("Commit the room's choice")
            .is_none()
    );
    press(&mut h, Key::PageDown);
    assert_eq!(turns(&h), 0, "Next with no votes says nothing");
    assert!(
        h.state()
            .state
            .presenter
            .discussion
            .as_ref()
            .is_some_and(|d| d.asked)
    );
    assert!(h.query_by_label_contains("No votes yet").is_some());
    press(&mut h, Key::Enter);
    assert_eq!(turns(&h), 0, "nor does Enter");
    let offered = options(&h);
    press(&mut h, Key::C);
    assert!(h.query_by_label("The room's choice").is_some());
    press(&mut h, Key::PageDown);
    assert_eq!(turns(&h), 1, "one vote makes a choice");
    assert_eq!(conversation(&h).turns()[0].said, offered[2].0);
}

#[test]
fn the_notes_and_the_trust_meter_stay_hidden_until_toggled() {
    let folders = folders();
    let mut h = harness_at(&folders, true);
    assert!(h.query_by_label("Facilitator notes").is_none());
    assert!(h.query_by_label(FIRST_NOTE).is_none());
    press(&mut h, Key::N);
    assert!(h.query_by_label("Facilitator notes").is_some());
    assert!(
        h.query_by_label(FIRST_NOTE).is_some(),
        "the node's own note"
    );
    press(&mut h, Key::N);
    assert!(h.query_by_label(FIRST_NOTE).is_none());

    assert!(h.query_by_label_contains("Trust is hidden").is_some());
    assert!(h.query_by_label_contains(" / 100").is_none());
    press(&mut h, Key::T);
    assert!(h.query_by_label_contains(" / 100").is_some());
}

#[test]
fn a_clicker_alone_runs_from_the_start_to_the_end_of_the_walkthrough() {
    let folders = folders();
    let mut h = harness_at(&folders, true);
    let mut presses = 0;
    // Each decision: discuss, reveal, say the room's choice.
    while screen(&h) == Screen::Conversation && !is_finished(&h) {
        let turn = turns(&h);
        press(&mut h, Key::PageDown);
        assert!(h.query_by_label("Discuss: what would you say?").is_some());
        press(&mut h, Key::Space);
        assert_eq!(
            h.query_all_by_label_contains("would likely reply").count(),
            options(&h).len()
        );
        // The room raises hands for A; with no votes Next would ask instead.
        press(&mut h, Key::A);
        press(&mut h, Key::ArrowRight);
        assert_eq!(turns(&h), turn + 1);
        presses += 3;
        assert!(presses < 40, "the fixture ends within a few decisions");
    }
    assert!(is_finished(&h));
    press(&mut h, Key::PageDown);
    assert_eq!(screen(&h), Screen::Debrief);
    let review = h.state().state.review.as_ref().expect("a debrief");
    let all = pages(&review.debrief, false);
    let played = review.debrief.turns.len();
    assert_eq!(all.len(), played + 2);
    assert!(
        h.query_by_label("Page 1 of 5 \u{00B7} How it ended")
            .is_some()
            || all.len() != 5
    );

    for (n, page) in all.iter().enumerate().skip(1) {
        press(&mut h, Key::PageDown);
        assert_eq!(h.state().state.presenter.page, n);
        if let Page::Turn(i) = page {
            let title = format!("Turn {} of {played}", i + 1);
            assert!(h.query_by_label(&title).is_some(), "{title}");
            assert!(
                h.query_by_label("What the other options would have done")
                    .is_some()
            );
        }
    }
    assert!(h.query_by_label("Trust over the conversation").is_some());
    assert!(h.query_by_label("Listening skills").is_some());
    assert!(h.query_by_label("Reflections per question").is_some());
    press(&mut h, Key::PageDown);
    assert_eq!(
        h.state().state.presenter.page,
        all.len() - 1,
        "the end stays the end"
    );
    // Page Up scrolls back up a page taller than the screen, then goes back.
    for _ in 0..6 {
        press(&mut h, Key::PageUp);
        if h.state().state.presenter.page != all.len() - 1 {
            break;
        }
    }
    assert_eq!(
        h.state().state.presenter.page,
        all.len() - 2,
        "and Page Up goes back"
    );
}

#[test]
fn branching_off_keeps_the_first_path_and_the_debrief_compares_them() {
    let folders = folders();
    let mut h = harness_at(&folders, false);
    start_kitchen_table(&mut h);
    let mut first = Vec::new();
    while !is_finished(&h) {
        first.push(choose_rated(&mut h, Rating::Best));
    }
    click(&mut h, "See the debrief");
    assert!(h.query_by_label("Two paths compared").is_none());

    click(&mut h, "Try again from turn 2");
    let second = choose_rated(&mut h, Rating::Poor);
    while !is_finished(&h) {
        choose_rated(&mut h, Rating::Poor);
    }
    click(&mut h, "See the debrief");
    assert!(h.query_by_label("Two paths compared").is_some());
    assert!(
        h.query_by_label("Where the paths went different ways")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Earlier path (dashed line, squares)")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("This path (solid line, dots)")
            .is_some()
    );
    assert!(
        h.query_all_by_label("Turn 2").count() >= 2,
        "the debrief turn and the divergence"
    );
    assert!(
        h.query_by_label(&format!("\u{201c}{}\u{201d}", first[1]))
            .is_some()
    );
    assert!(
        h.query_by_label(&format!("\u{201c}{second}\u{201d}"))
            .is_some()
    );

    let state = &h.state().state;
    let review = state.review.as_ref().expect("a debrief");
    let earlier = state
        .branches
        .comparable(&review.conversation)
        .expect("the first path is kept");
    let list = divergences(earlier, &review.conversation);
    assert_eq!(list[0].turn, 2, "the paths part at turn 2");
    assert_eq!(list[0].earlier.as_deref(), Some(first[1].as_str()));
    assert_eq!(list[0].later.as_deref(), Some(second.as_str()));

    // Starting afresh forgets the old path.
    click(&mut h, "Library");
    click(&mut h, "Read the briefing for The kitchen table");
    click(&mut h, "Start talking with Rosa");
    assert!(h.state().state.branches.previous().is_none());
}

#[test]
fn the_walkthrough_branches_off_and_plays_another_option() {
    let folders = folders();
    let mut h = harness_at(&folders, true);
    while !is_finished(&h) {
        press(&mut h, Key::Num1);
    }
    press(&mut h, Key::Enter);
    assert_eq!(screen(&h), Screen::Debrief);
    press(&mut h, Key::PageDown);
    let turn = h
        .state()
        .state
        .review
        .as_ref()
        .expect("a debrief")
        .debrief
        .turns[0]
        .clone();
    let alt = turn.alternatives[0].clone();
    click(&mut h, &format!("Play instead at turn 1: {}", alt.text));
    assert_eq!(screen(&h), Screen::Conversation);
    assert_eq!(conversation(&h).turns()[0].choice, alt.id);
    while !is_finished(&h) {
        press(&mut h, Key::Num1);
    }
    press(&mut h, Key::Enter);
    let review = h.state().state.review.as_ref().expect("a debrief");
    let all = pages(&review.debrief, true);
    assert_eq!(
        all.last(),
        Some(&Page::Compare),
        "a comparison page closes the walkthrough"
    );
    h.state_mut().state.presenter.page = all.len() - 1;
    h.run();
    assert!(h.query_by_label("Two paths compared").is_some());

    // A clicker's B (blank screen) on a turn page does not branch; Ctrl+B
    // branches off before that turn.
    h.state_mut().state.presenter.page = 1;
    h.run();
    press(&mut h, Key::B);
    assert_eq!(screen(&h), Screen::Debrief, "B alone never branches");
    // Ctrl+B asks first; Esc keeps the debrief, and the clicker's Next
    // does not page on under the question.
    h.key_press_modifiers(Modifiers::COMMAND, Key::B);
    h.run();
    assert_eq!(screen(&h), Screen::Debrief, "Ctrl+B asks before branching");
    assert!(h.query_by_label("Branch off before turn 1?").is_some());
    press(&mut h, Key::PageDown);
    assert_eq!(
        h.state().state.presenter.page,
        1,
        "Next waits for an answer"
    );
    press(&mut h, Key::Escape);
    assert_eq!(h.state().state.presenter.pending_branch, None);
    assert_eq!(screen(&h), Screen::Debrief, "Esc stays on the debrief");
    h.key_press_modifiers(Modifiers::COMMAND, Key::B);
    h.run();
    press(&mut h, Key::Enter);
    assert_eq!(
        screen(&h),
        Screen::Conversation,
        "Enter confirms the branch"
    );
    assert_eq!(turns(&h), 0);
}

#[test]
fn the_shortcut_sheet_and_full_screen_keys() {
    let folders = folders();
    let mut h = harness_at(&folders, false);
    h.key_press(Key::Questionmark);
    h.run();
    assert!(h.query_by_label("Presenter mode on or off").is_some());
    assert!(
        h.query_by_label("Say the room's choice; next debrief page")
            .is_some()
    );
    press(&mut h, Key::Escape);
    assert!(h.query_by_label("Presenter mode on or off").is_none());

    press(&mut h, Key::F11);
    assert!(h.state().state.window.fullscreen);
    press(&mut h, Key::Escape);
    assert!(!h.state().state.window.fullscreen, "Esc leaves full screen");
    press(&mut h, Key::Escape);
    assert_eq!(screen(&h), Screen::Library, "and never quits");
}

fn snap(h: &mut Harness<'static, AttuneApp>, name: &str) {
    h.remove_cursor();
    h.run();
    h.snapshot(name);
}

#[test]
fn snapshots_of_a_discussion_and_a_walkthrough_step() {
    let folders = folders();
    let mut h = harness_at(&folders, true);
    press(&mut h, Key::Num1);
    press(&mut h, Key::D);
    for key in [Key::A, Key::A, Key::A, Key::B, Key::C, Key::C] {
        press(&mut h, key);
    }
    press(&mut h, Key::R);
    snap(&mut h, "presenter_discussion");

    // A vote at each pause, as a room would: with none, Next asks.
    while !is_finished(&h) {
        press(&mut h, Key::A);
        press(&mut h, Key::PageDown);
    }
    press(&mut h, Key::PageDown);
    press(&mut h, Key::PageDown);
    press(&mut h, Key::PageDown);
    snap(&mut h, "presenter_walkthrough");
}

fn discussion(h: &Harness<'static, AttuneApp>) -> Option<(bool, Option<usize>)> {
    h.state()
        .state
        .presenter
        .discussion
        .as_ref()
        .filter(|d| d.is_for(&conversation(h)))
        .map(|d| (d.revealed, d.selected))
}

#[test]
fn every_clicker_key_works_on_the_stage_and_in_a_discussion() {
    let folders = folders();
    let mut h = harness_at(&folders, true);
    // Forward keys open the pause, back keys close it, on the stage.
    for (next, back) in [
        (Key::ArrowDown, Key::ArrowUp),
        (Key::ArrowRight, Key::ArrowLeft),
        (Key::PageDown, Key::PageUp),
    ] {
        press(&mut h, next);
        assert_eq!(discussion(&h), Some((false, None)), "{next:?} opens it");
        press(&mut h, back);
        assert_eq!(discussion(&h), None, "{back:?} closes it");
    }
    // A clicker's B or Esc does nothing here: no vote, no pause, no exit.
    press(&mut h, Key::B);
    press(&mut h, Key::Escape);
    assert_eq!(discussion(&h), None);
    assert_eq!(screen(&h), Screen::Conversation);
    assert!(h.state().state.presenter.active);

    // In the pause, Down and Up are Next and Back too.
    press(&mut h, Key::D);
    press(&mut h, Key::ArrowDown);
    assert_eq!(discussion(&h), Some((true, None)), "Down reveals");
    press(&mut h, Key::ArrowUp);
    assert_eq!(discussion(&h), Some((false, None)), "Up hides");
    // Shift and a letter marks the room's choice without a vote.
    h.key_press_modifiers(Modifiers::SHIFT, Key::C);
    h.run();
    assert_eq!(discussion(&h), Some((false, Some(2))));
    assert_eq!(votes(&h), vec![0; 4], "marking is not voting");
    press(&mut h, Key::B);
    assert_eq!(votes(&h), vec![0, 1, 0, 0], "B alone is a vote here");
    let offered = options(&h);
    press(&mut h, Key::ArrowDown);
    press(&mut h, Key::ArrowDown);
    assert_eq!(turns(&h), 1, "Down, Down: reveal, then say the choice");
    assert_eq!(
        conversation(&h).turns()[0].said,
        offered[2].0,
        "the marked option, not the vote leader"
    );
}

#[test]
fn the_sheet_lists_every_command_from_the_table() {
    use attune::app::commands::COMMANDS;
    let folders = folders();
    let mut h = harness_at(&folders, true);
    press(&mut h, Key::Questionmark);
    assert!(h.state().state.window.shortcuts);
    for command in COMMANDS {
        assert!(
            h.query_all_by_label(command.label).count() == 1,
            "the sheet lists {:?}: {}",
            command.id,
            command.label
        );
        assert!(
            h.query_all_by_label(&command.keys_text()).next().is_some(),
            "with its keys: {}",
            command.keys_text()
        );
    }
    for keys in ["M", "F or 0", "Ctrl+B", "Shift+A\u{2013}D"] {
        assert!(h.query_all_by_label(keys).next().is_some(), "{keys}");
    }
    // While the sheet is open, presenter keys do nothing; Esc closes it.
    press(&mut h, Key::PageDown);
    assert_eq!(discussion(&h), None);
    press(&mut h, Key::Escape);
    assert!(!h.state().state.window.shortcuts);
}

#[test]
fn a_tall_walkthrough_page_scrolls_before_the_clicker_pages_on() {
    let folders = folders();
    let library = folders.library();
    let mut h = presenter_harness(&folders, library, true, 1280.0, 720.0);
    while !is_finished(&h) {
        press(&mut h, Key::Num1);
    }
    press(&mut h, Key::Enter);
    assert_eq!(screen(&h), Screen::Debrief);
    let count = h.state().state.page_count();
    let mut scrolled = 0;
    for _ in 0..80 {
        let page = h.state().state.presenter.page;
        if page + 1 == count {
            break;
        }
        let before = attune::app::presenter::page_scroll(&h.ctx);
        press(&mut h, Key::PageDown);
        let after = attune::app::presenter::page_scroll(&h.ctx);
        if h.state().state.presenter.page == page {
            scrolled += 1;
            let (b, a) = (before.expect("a scroll"), after.expect("a scroll"));
            assert!(a.offset > b.offset, "page {page}: Next scrolled down");
        } else {
            assert!(
                before.is_none_or(|b| !b.more_below()),
                "page {page} was left with more below: {before:?}"
            );
        }
    }
    assert_eq!(
        h.state().state.presenter.page,
        count - 1,
        "every page reached"
    );
    assert!(
        scrolled > 0,
        "at 1280×720 some page is taller than the screen"
    );
}
