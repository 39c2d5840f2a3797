//! Every app-wide key in one place: presenter mode, full screen and the
//! shortcut sheet in both modes, and in presenter mode the clicker keys,
//! number keys, letters and toggles. Read before any screen is drawn, so
//! a key used here never reaches a widget too.

use eframe::egui::{Context, Event, InputState, Key, Modifiers};

use super::PresenterAction as P;
use crate::app::shell::window::WindowAction as W;
use crate::app::state::AppState;
use crate::app::state::action::Action;
use crate::app::state::screen::Screen;

/// Keys that move forward, as a presentation clicker sends them.
const NEXT_KEYS: [Key; 3] = [Key::PageDown, Key::ArrowRight, Key::Space];
/// Keys that go back.
const BACK_KEYS: [Key; 2] = [Key::PageUp, Key::ArrowLeft];
const NUMBER_KEYS: [Key; 4] = [Key::Num1, Key::Num2, Key::Num3, Key::Num4];
const LETTER_KEYS: [Key; 4] = [Key::A, Key::B, Key::C, Key::D];

fn pressed(i: &mut InputState, key: Key) -> bool {
    i.consume_key(Modifiers::NONE, key)
}

/// Reads the app-wide keys pressed this frame and returns what they ask for.
pub(crate) fn keys(ctx: &Context, state: &AppState) -> Vec<Action> {
    let mut out = Vec::new();
    let typing = ctx.text_edit_focused();
    let presenter = &state.presenter;
    let window = &state.window;
    ctx.input_mut(|i| {
        if pressed(i, Key::F5) {
            out.push(Action::Presenter(P::Toggle));
        }
        if pressed(i, Key::F11) {
            out.push(Action::Window(W::ToggleFullscreen));
        }
        if window.shortcuts && pressed(i, Key::Escape) {
            out.push(Action::Window(W::CloseShortcuts));
        } else if window.fullscreen && state.pending_rewind.is_none() && pressed(i, Key::Escape) {
            out.push(Action::Window(W::LeaveFullscreen));
        }
        if typing {
            return;
        }
        // "?" arrives as its own key on some keyboards and as Shift+/ on others.
        let typed_question = i
            .events
            .iter()
            .any(|e| matches!(e, Event::Text(t) if t == "?"));
        if pressed(i, Key::Questionmark)
            || i.consume_key(Modifiers::SHIFT, Key::Slash)
            || typed_question
        {
            out.push(Action::Window(W::ToggleShortcuts));
        }
        // The map, settings and lists keep their own arrow and letter keys.
        let stage = matches!(
            state.screen,
            Screen::Library | Screen::Briefing | Screen::Conversation | Screen::Debrief
        );
        if presenter.active && !window.shortcuts && stage {
            presenter_keys(i, state, &mut out);
        }
    });
    out
}

fn presenter_keys(i: &mut InputState, state: &AppState, out: &mut Vec<Action>) {
    let mut push = |p: P| out.push(Action::Presenter(p));
    if pressed(i, Key::T) {
        push(P::ToggleTrust);
    }
    if pressed(i, Key::N) {
        push(P::ToggleNotes);
    }
    let discussing = state.current_discussion().is_some();
    let screen = state.screen;
    if discussing {
        for (n, key) in LETTER_KEYS.into_iter().enumerate() {
            // A quick room can press a letter twice within one frame.
            for _ in 0..i.count_and_consume_key(Modifiers::NONE, key) {
                push(P::Vote(n));
            }
        }
        if pressed(i, Key::Num0) {
            push(P::ResetVotes);
        }
        if pressed(i, Key::R) {
            push(P::ToggleReveal);
        }
        if pressed(i, Key::ArrowUp) {
            push(P::MoveSelection(-1));
        }
        if pressed(i, Key::ArrowDown) {
            push(P::MoveSelection(1));
        }
        if pressed(i, Key::Enter) {
            push(P::Commit);
        }
    } else {
        if screen == Screen::Conversation && pressed(i, Key::D) {
            push(P::OpenDiscussion);
        }
        if pressed(i, Key::ArrowDown) || pressed(i, Key::Enter) {
            push(P::Next);
        }
        if pressed(i, Key::ArrowUp) {
            push(P::Back);
        }
    }
    if screen == Screen::Debrief && pressed(i, Key::B) {
        if let Some(turn) = state.walkthrough_turn() {
            out.push(Action::TryAgainFrom(turn));
        }
    }
    let mut push = |p: P| out.push(Action::Presenter(p));
    if NEXT_KEYS.into_iter().any(|k| pressed(i, k)) {
        push(P::Next);
    }
    if BACK_KEYS.into_iter().any(|k| pressed(i, k)) {
        push(P::Back);
    }
    if screen == Screen::Conversation {
        if let Some((active, scenario)) = state.active_scenario() {
            let options = active.session.conversation.options(scenario);
            for (n, key) in NUMBER_KEYS.into_iter().enumerate() {
                if pressed(i, key) {
                    if let Some(choice) = options.get(n) {
                        out.push(Action::Choose(choice.id.clone()));
                    }
                }
            }
        }
    }
}
