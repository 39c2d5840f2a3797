//! Typed replies (issue 18): the learner types, Attune says how it heard
//! the reply and offers the closest options, and the debrief shows what
//! was typed. Each mode is driven to its debrief; every bad input gets a
//! kind word and takes no turn.
//!
//! Snapshot: `UPDATE_SNAPSHOTS=1 cargo test --test app typed::`, then look.

use crate::support::*;
use attune::app::{AttuneApp, Screen};
use attune::scenario::Rating;
use attune::store::TypedMode;
use eframe::egui::{Key, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn set_mode(h: &mut Harness<'static, AttuneApp>, mode: TypedMode) {
    let mut settings = h.state().state.store.settings().clone();
    settings.typed_mode = mode;
    h.state_mut().state.store.set_settings(settings);
    h.run();
}

/// Types into the reply box and presses Enter.
fn type_reply(h: &mut Harness<'static, AttuneApp>, text: &str) {
    let reply = h.get_by_role(Role::TextInput);
    reply.focus();
    h.run();
    h.get_by_role(Role::TextInput).type_text(text);
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

fn heard(h: &Harness<'static, AttuneApp>) -> Option<attune::typed::Heard> {
    h.state().state.active.as_ref()?.typing.heard.clone()
}

/// Types the best option's words in a looser register at each turn and
/// settles with `settle`; returns how many turns were typed.
fn play_typed(
    h: &mut Harness<'static, AttuneApp>,
    mut settle: impl FnMut(&mut Harness<'static, AttuneApp>, &str),
) -> usize {
    let mut typed = 0;
    while !is_finished(h) {
        let best = option_rated(h, Rating::Best);
        let loose = best.to_lowercase().replace(['.', ','], "");
        type_reply(h, &loose);
        let heard = heard(h).expect("the reply was heard");
        assert!(
            (2..=3).contains(&heard.closest.len()),
            "two or three closest options"
        );
        assert!(h.query_by_label_contains("I heard this as:").is_some());
        settle(h, &best);
        typed += 1;
        assert!(typed <= 10, "the fixture has three decisions");
    }
    typed
}

fn debrief_shows_typed_turns(h: &mut Harness<'static, AttuneApp>, typed: usize) {
    click(h, "See the debrief");
    assert_eq!(screen(h), Screen::Debrief);
    let review = h.state().state.review.as_ref().expect("a debrief");
    let kept: Vec<_> = review.typed.iter().flatten().collect();
    assert_eq!(kept.len(), typed, "every typed turn is kept");
    assert!(h.query_by_label("What you typed, coded").is_some());
    let heard_as = h.query_all_by_label_contains("Heard as").count();
    assert_eq!(heard_as, typed, "each typed turn says how it was heard");
    assert!(h.query_all_by_label_contains("You typed").next().is_some());
}

#[test]
fn type_first_conversation_reaches_a_debrief_of_what_was_typed() {
    let folders = Folders::new();
    let mut h = harness(&folders);
    set_mode(&mut h, TypedMode::TypeFirst);
    start_kitchen_table(&mut h);
    assert!(h.query_by_role(Role::TextInput).is_some(), "a reply box");
    let typed = play_typed(&mut h, |h, best| {
        // Type first: the learner picks; the best option is among the
        // closest when its own words were typed.
        let heard = heard(h).unwrap();
        let options = options(h);
        assert!(
            heard.closest.iter().any(|m| options[m.index].0 == best),
            "the option typed is among the closest"
        );
        choose(h, best);
    });
    assert_eq!(typed, 3);
    debrief_shows_typed_turns(&mut h, typed);
}

#[test]
fn type_only_takes_the_nearest_option_on_enter() {
    let folders = Folders::new();
    let mut h = harness(&folders);
    set_mode(&mut h, TypedMode::TypeOnly);
    start_kitchen_table(&mut h);
    let typed = play_typed(&mut h, |h, _| {
        let before = turns(h);
        let nearest = heard(h).unwrap().nearest().unwrap();
        let expected = options(h)[nearest].0.clone();
        h.key_press(Key::Enter);
        h.run();
        assert_eq!(turns(h), before + 1, "Enter takes the nearest option");
        let said = &h
            .state()
            .state
            .active
            .as_ref()
            .unwrap()
            .session
            .conversation
            .turns()[before];
        assert_eq!(said.said, expected);
    });
    debrief_shows_typed_turns(&mut h, typed);
}

#[test]
fn choose_mode_has_no_reply_box_and_no_typed_debrief() {
    let folders = Folders::new();
    let mut h = harness(&folders);
    set_mode(&mut h, TypedMode::Choose);
    start_kitchen_table(&mut h);
    assert!(h.query_by_role(Role::TextInput).is_none());
    while !is_finished(&h) {
        choose_rated(&mut h, Rating::Best);
    }
    click(&mut h, "See the debrief");
    assert!(h.query_by_label("What you typed, coded").is_none());
}

#[test]
fn a_correction_is_kept_and_shown() {
    let folders = Folders::new();
    let mut h = harness(&folders);
    set_mode(&mut h, TypedMode::TypeOnly);
    start_kitchen_table(&mut h);
    type_reply(&mut h, "why don't you just talk to her about the money");
    let heard = heard(&h).unwrap();
    let options = options(&h);
    let second = options[heard.closest[1].index].0.clone();
    choose(&mut h, &second);
    let turn = h.state().state.active.as_ref().unwrap().typing.turns[&0].clone();
    assert!(turn.corrected(), "picked another than the closest");
    assert_eq!(turn.chosen, second);
}

#[test]
fn bad_input_gets_a_kind_word_and_takes_no_turn() {
    let folders = Folders::new();
    let mut h = harness(&folders);
    set_mode(&mut h, TypedMode::TypeFirst);
    start_kitchen_table(&mut h);
    let long = "I hear you ".repeat(500);
    let cases = [
        ("", "Type what you would say"),
        ("okay", "One word is hard"),
        (long.as_str(), "a lot for one turn"),
        ("?! ...", "Emoji and symbols"),
        ("what the fuck is going on", "without the swear words"),
    ];
    for (text, message) in cases {
        type_reply(&mut h, text);
        assert_eq!(turns(&h), 0, "{text:?} took no turn");
        assert!(heard(&h).is_none());
        assert!(
            h.query_by_label_contains(message).is_some(),
            "{text:?} should say {message:?}"
        );
    }
    // Emoji and scripts the fonts cannot draw never reach the box (they
    // would show as empty boxes); the learner is told why at once.
    for text in ["\u{1F600}\u{1F600} sure", "你还好吗 朋友"] {
        let reply = h.get_by_role(Role::TextInput);
        reply.focus();
        h.run();
        h.get_by_role(Role::TextInput).type_text(text);
        h.run();
        assert!(
            h.query_by_label_contains("can't be shown here").is_some(),
            "{text:?} is refused kindly"
        );
        let left = h.get_by_role(Role::TextInput).value().unwrap_or_default();
        assert!(
            left.chars().all(attune::check::charset::is_supported),
            "{left:?}"
        );
        assert_eq!(turns(&h), 0);
    }
    // And a good reply after them all is heard.
    type_reply(&mut h, "It sounds like the money has been weighing on you");
    assert!(heard(&h).is_some());
}

#[test]
fn presenter_mode_has_the_reply_box_and_the_heard_panel() {
    let folders = Folders::new();
    let library = folders.library();
    let mut h = presenter_harness(&folders, library, true, 1920.0, 1080.0);
    set_mode(&mut h, TypedMode::TypeOnly);
    assert!(h.query_by_role(Role::TextInput).is_some());
    type_reply(&mut h, "what's been on your mind about it");
    assert!(heard(&h).is_some());
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(turns(&h), 1);
}

#[test]
fn the_heard_panel_snapshot() {
    let folders = Folders::new();
    let mut h = harness(&folders);
    set_mode(&mut h, TypedMode::TypeFirst);
    start_kitchen_table(&mut h);
    type_reply(
        &mut h,
        "so you're worried about money and not sure how to bring it up",
    );
    assert!(heard(&h).is_some());
    h.remove_cursor();
    h.run();
    h.snapshot("typed_heard_panel");
}
