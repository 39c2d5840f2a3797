//! The one place keys are read: once a frame, before any screen is drawn,
//! so a key used here never reaches a widget too. What a key does comes
//! from the command table ([`super::commands`]) for the current context.

use eframe::egui::{self, Event, InputState};

use crate::app::commands::{COMMANDS, Chord, Command, CommandId, Context};
use crate::app::map;
use crate::app::presenter;
use crate::app::state::AppState;
use crate::app::state::action::{Action, TypedAction};
use crate::app::state::library_filter::FilterAction;
use crate::app::state::map::MapAction;
use crate::app::state::presenter::PresenterAction as P;
use crate::app::state::screen::Screen;
use crate::app::state::window::WindowAction as W;

/// The context keys are read in: the sheet or a dialog on top, else the
/// screen, in presenter mode or not.
pub(crate) fn context_of(state: &AppState) -> Context {
    if state.window.shortcuts {
        return Context::Sheet;
    }
    let presenting = state.presenter.active;
    if state.pending_start.is_some() || (presenting && state.presenter.pending_branch.is_some()) {
        return Context::Dialog;
    }
    match state.screen {
        Screen::Conversation if !presenting && state.pending_rewind.is_some() => Context::Dialog,
        Screen::Library if presenting => Context::PresenterLibrary,
        Screen::Library => Context::Library,
        Screen::Briefing if presenting => Context::PresenterBriefing,
        Screen::Briefing => Context::Briefing,
        Screen::Conversation if presenting && state.current_discussion().is_some() => {
            Context::Discussion
        }
        Screen::Conversation if presenting => Context::Stage,
        Screen::Conversation => Context::Conversation,
        Screen::Debrief if presenting && state.walkthrough_turn().is_some() => {
            Context::WalkthroughTurn
        }
        Screen::Debrief if presenting => Context::Walkthrough,
        Screen::Debrief => Context::Debrief,
        Screen::Map => Context::Map,
        Screen::History | Screen::Settings | Screen::Problems => Context::Elsewhere,
    }
}

/// Reads the keys pressed this frame and returns what they ask for. Only
/// keys that ask for something are consumed; the rest stay for widgets.
pub(crate) fn keys(ctx: &egui::Context, state: &AppState) -> Vec<Action> {
    let context = context_of(state);
    let typing = ctx.text_edit_focused();
    let canvas = map::canvas_id();
    let focused = ctx.memory(|m| m.focused().is_some_and(|id| id != canvas));
    let mut live: Vec<&Command> = COMMANDS
        .iter()
        .filter(|c| !c.by_egui && c.applies_in(context))
        .filter(|c| c.while_typing || !typing)
        .filter(|c| c.focus.allows(focused))
        .collect();
    // Shift+A before A: egui's matching lets a plain key match with Shift.
    live.sort_by_key(|c| std::cmp::Reverse(c.keys.iter().map(Chord::modifier_count).max()));
    let mut out = Vec::new();
    ctx.input_mut(|i| {
        for command in live {
            read(i, command, state, &mut out);
        }
    });
    if state.presenter.active && state.screen == Screen::Debrief {
        out.retain(|action| !scrolls_first(ctx, action));
    }
    out
}

/// On a walkthrough page taller than the screen, the clicker's Next
/// scrolls down before it pages on, and Back scrolls up before it pages
/// back. True when `action` became a scroll.
fn scrolls_first(ctx: &egui::Context, action: &Action) -> bool {
    let Some(page) = presenter::page_scroll(ctx) else {
        return false;
    };
    let down = match action {
        Action::Presenter(P::Next) if page.more_below() => true,
        Action::Presenter(P::Back) if page.more_above() => false,
        _ => return false,
    };
    presenter::scroll_page(ctx, page, down);
    true
}

/// The presses of one command: each of its keys that asks for something
/// is consumed; it acts once, or once per press if it repeats.
fn read(i: &mut InputState, command: &Command, state: &AppState, out: &mut Vec<Action>) {
    let mut acted = false;
    for (index, chord) in command.keys.iter().enumerate() {
        let presses = presses(i, chord);
        if presses == 0 {
            continue;
        }
        let Some(action) = resolve(command.id, index, state) else {
            continue;
        };
        i.count_and_consume_key(chord.modifiers, chord.key);
        if command.repeats {
            out.extend(std::iter::repeat_n(action, presses));
        } else if !acted {
            out.push(action);
        }
        acted = true;
    }
}

/// How often `chord` was pressed this frame. "?" also counts as typed
/// text, which is how some keyboards send it.
fn presses(i: &InputState, chord: &Chord) -> usize {
    let keys = i
        .events
        .iter()
        .filter(|e| {
            matches!(e, Event::Key { key, modifiers, pressed: true, .. }
                if *key == chord.key && modifiers.matches_logically(chord.modifiers))
        })
        .count();
    let typed = if chord.key == egui::Key::Questionmark {
        i.events
            .iter()
            .filter(|e| matches!(e, Event::Text(t) if t == "?"))
            .count()
    } else {
        0
    };
    keys.max(typed)
}

/// What a command asks for now; `index` is which of its keys was pressed.
/// `None` leaves the key to the widgets.
fn resolve(id: CommandId, index: usize, state: &AppState) -> Option<Action> {
    let presenter = |p: P| Some(Action::Presenter(p));
    let window = |w: W| Some(Action::Window(w));
    let map = |m: MapAction| Some(Action::Map(m));
    match id {
        CommandId::PresenterMode => presenter(P::Toggle),
        CommandId::FullScreen => window(W::ToggleFullscreen),
        CommandId::Shortcuts => window(W::ToggleShortcuts),
        CommandId::Escape if state.window.shortcuts => window(W::CloseShortcuts),
        CommandId::Escape if state.window.fullscreen => window(W::LeaveFullscreen),
        CommandId::Escape => None,
        CommandId::Choose | CommandId::ChooseAtOnce => {
            let (active, scenario) = state.active_scenario()?;
            if state.store.settings().typed_mode.types() {
                // Typing first: a number picks among the closest options
                // once the reply was heard, never before.
                let heard = active.typing.heard.as_ref()?;
                let option = heard.closest.get(index)?.index;
                return Some(Action::Typed(TypedAction::Confirm(option)));
            }
            let options = active.session.conversation.options(scenario);
            options.get(index).map(|c| Action::Choose(c.id.clone()))
        }
        CommandId::Undo => Some(Action::Undo),
        CommandId::OpenDebrief => {
            let (active, scenario) = state.active_scenario()?;
            active
                .session
                .conversation
                .is_finished(scenario)
                .then_some(Action::OpenDebrief)
        }
        CommandId::Map => match state.screen {
            Screen::Map => Some(Action::CloseMap),
            Screen::Conversation => state.active.as_ref().map(|a| Action::OpenMap(a.card)),
            Screen::Debrief => state.review.as_ref().map(|r| Action::OpenMap(r.card)),
            Screen::Briefing => state.briefing.map(Action::OpenMap),
            _ => None,
        },
        CommandId::MapZoomIn => map(MapAction::Zoom {
            factor: map::ZOOM_STEP,
            anchor: None,
        }),
        CommandId::MapZoomOut => map(MapAction::Zoom {
            factor: 1.0 / map::ZOOM_STEP,
            anchor: None,
        }),
        CommandId::MapFit => map(MapAction::Fit),
        CommandId::MapPan => {
            // Left, right, up, down: the view moves the other way.
            let step = map::PAN_STEP;
            let moves = [(step, 0.0), (-step, 0.0), (0.0, step), (0.0, -step)];
            let (dx, dy) = *moves.get(index)?;
            map(MapAction::Pan { dx, dy })
        }
        CommandId::Next | CommandId::Enter if typed_nearest(state).is_some() => {
            typed_nearest(state)
        }
        CommandId::Next => presenter(P::Next),
        CommandId::Back => presenter(P::Back),
        CommandId::Enter if state.current_discussion().is_some() => presenter(P::Commit),
        CommandId::Enter => presenter(P::Next),
        CommandId::Discuss => presenter(P::OpenDiscussion),
        CommandId::Trust => presenter(P::ToggleTrust),
        CommandId::Notes => presenter(P::ToggleNotes),
        CommandId::Vote => presenter(P::Vote(index)),
        CommandId::Select => presenter(P::Select(index)),
        CommandId::ResetVotes => presenter(P::ResetVotes),
        CommandId::Reveal => presenter(P::ToggleReveal),
        CommandId::Branch => state
            .walkthrough_turn()
            .map(|t| Action::Presenter(P::AskBranch(t))),
        CommandId::FindScenario => Some(Action::Library(FilterAction::FocusSearch)),
        // egui's own keys: never taken here.
        CommandId::Zoom
        | CommandId::MoveFocus
        | CommandId::PressButton
        | CommandId::CloseDialog
        | CommandId::MapStep => None,
    }
}

/// In Type only mode with a reply heard, Enter (and the presenter's Next)
/// takes the nearest option.
fn typed_nearest(state: &AppState) -> Option<Action> {
    if state.store.settings().typed_mode != crate::typed::TypedMode::TypeOnly {
        return None;
    }
    let nearest = state.active.as_ref()?.typing.heard.as_ref()?.nearest()?;
    Some(Action::Typed(TypedAction::Confirm(nearest)))
}
