//! What the app keeps between runs: settings, history, a conversation left
//! unfinished, and what happens when a stored file is damaged. Each test
//! "restarts" by building a second app over the same temporary folder.

use crate::support::*;
use attune::app::Screen;
use attune::scenario::Rating;
use attune::store::{Feedback, Theme};
use egui_kittest::kittest::Queryable;

#[test]
fn settings_survive_a_restart() {
    let folders = Folders::new();
    {
        let mut h = harness(&folders);
        click(&mut h, "Settings");
        assert_eq!(screen(&h), Screen::Settings);
        click(&mut h, "Dark");
        click(&mut h, "Text size 125%");
        click(&mut h, "Show the trust meter");
        click(&mut h, "Only at the end");
        click(&mut h, "Reduce motion");
        assert!(
            h.ctx.global_style().visuals.dark_mode,
            "the theme applies at once"
        );
    }
    let h = harness(&folders);
    let settings = h.state().state.store.settings();
    assert_eq!(settings.theme, Theme::Dark);
    assert!((settings.text_scale - 1.25).abs() < 1e-6);
    assert!(!settings.show_trust_meter);
    assert_eq!(settings.feedback, Feedback::OnlyAtEnd);
    assert!(settings.reduced_motion);
    assert!(
        h.ctx.global_style().visuals.dark_mode,
        "the theme applies on start"
    );
}

#[test]
fn trust_meter_and_hints_follow_the_settings() {
    let folders = Folders::new();
    let mut h = harness(&folders);
    start_kitchen_table(&mut h);
    choose_rated(&mut h, Rating::Best);
    assert!(
        h.query_by_label_contains(" / 100").is_some(),
        "the meter is on by default"
    );
    assert!(
        h.query_by_label("Coach").is_some(),
        "a hint after each choice"
    );
    click(&mut h, "Settings");
    click(&mut h, "Show the trust meter");
    click(&mut h, "Only at the end");
    click(&mut h, "Conversation");
    assert!(h.query_by_label_contains(" / 100").is_none());
    assert!(h.query_by_label("Coach").is_none());
}

#[test]
fn an_unfinished_conversation_resumes_after_a_restart() {
    let folders = Folders::new();
    let said;
    {
        let mut h = harness(&folders);
        start_kitchen_table(&mut h);
        said = choose_rated(&mut h, Rating::Best);
    }
    let mut h = harness(&folders);
    assert!(
        h.query_by_label_contains("unfinished after 1 choice")
            .is_some()
    );
    click(&mut h, "Resume where you left off");
    assert_eq!(screen(&h), Screen::Conversation);
    assert_eq!(turns(&h), 1);
    let active = h.state().state.active.as_ref().expect("resumed");
    assert_eq!(active.session.conversation.turns()[0].said, said);
    choose_rated(&mut h, Rating::Best);
    choose_rated(&mut h, Rating::Best);
    assert!(is_finished(&h));
    assert!(
        h.state().state.store.resumes().is_empty(),
        "a finished talk is not resumable"
    );
    assert_eq!(
        h.state().state.store.history().len(),
        1,
        "one session, not two"
    );
}

#[test]
fn the_conversation_tab_resumes_what_was_left_unfinished() {
    let folders = Folders::new();
    {
        let mut h = harness(&folders);
        start_kitchen_table(&mut h);
        choose_rated(&mut h, Rating::Best);
    }
    let mut h = harness(&folders);
    assert_eq!(screen(&h), Screen::Library);
    assert!(h.state().state.has_banner());
    click(&mut h, "Conversation");
    assert_eq!(
        screen(&h),
        Screen::Conversation,
        "the tab is not greyed out"
    );
    assert_eq!(turns(&h), 1);
}

#[test]
fn a_past_session_opens_its_debrief_again_and_exports_it() {
    let folders = Folders::new();
    let mut h = harness(&folders);
    start_kitchen_table(&mut h);
    let mut said = Vec::new();
    while !is_finished(&h) {
        said.push(choose_rated(&mut h, Rating::Best));
    }
    click(&mut h, "History");
    h.get_by_label_contains("Open the debrief of The kitchen table")
        .click();
    h.run();
    assert_eq!(screen(&h), Screen::Debrief);
    let review = h.state().state.review.as_ref().expect("a debrief");
    let replayed: Vec<String> = review
        .debrief
        .turns
        .iter()
        .map(|t| t.said.clone())
        .collect();
    assert_eq!(replayed, said, "the same session, replayed");
    export_report(&mut h);
    assert!(
        files_in(&folders.reports())
            .iter()
            .any(|f| f.ends_with(".html")),
        "the report is written"
    );
    assert!(h.query_by_label("Show in folder").is_some());
}

#[test]
fn a_corrupted_history_file_is_moved_aside_with_a_notice() {
    let folders = Folders::new();
    std::fs::write(
        folders.data().join("history.ron"),
        "(version: 1, sessions: [ oops",
    )
    .expect("written");
    let mut h = harness(&folders);
    assert!(
        h.query_by_label_contains("history.ron could not be read")
            .is_some(),
        "the learner is told"
    );
    let files = files_in(&folders.data());
    assert!(
        files.iter().any(|f| f.starts_with("history.ron.corrupt")),
        "the broken file is kept aside: {files:?}"
    );
    // The app still works and writes a fresh history.
    start_kitchen_table(&mut h);
    while !is_finished(&h) {
        choose_rated(&mut h, Rating::Best);
    }
    assert_eq!(h.state().state.store.history().len(), 1);
    click(&mut h, "Dismiss");
    assert!(h.query_by_label_contains("could not be read").is_none());
    h.state_mut().state.flush();
    assert!(folders.data().join("history.ron").exists());
}

#[test]
fn history_lists_sessions_and_plots_trends() {
    let folders = Folders::new();
    let mut h = harness(&folders);
    click(&mut h, "History");
    assert!(h.query_by_label_contains("No sessions yet").is_some());
    for rating in [Rating::Best, Rating::Poor] {
        click(&mut h, "Library");
        start_kitchen_table(&mut h);
        while !is_finished(&h) {
            let offered: Vec<Rating> = options(&h).iter().map(|(_, r)| *r).collect();
            let pick = if offered.contains(&rating) {
                rating
            } else {
                offered[0]
            };
            choose_rated(&mut h, pick);
        }
    }
    click(&mut h, "History");
    assert!(h.query_by_label("Your progress").is_some());
    assert!(h.query_by_label("Mean empathy level").is_some());
    assert_eq!(
        h.query_all_by_label("The kitchen table").count(),
        2,
        "two sessions listed"
    );
}
