//! Applies the classroom actions. Anything that changes the conversation
//! goes through the app's own actions, so presenter mode and normal mode
//! play by the same rules.

use super::PresenterAction;
use super::discussion::Discussion;
use super::walkthrough::{Page, clamp_page, pages};
use crate::app::state::AppState;
use crate::app::state::action::Action;
use crate::app::state::screen::Screen;

/// Applies one classroom action to the app state.
pub(crate) fn apply(state: &mut AppState, action: PresenterAction) {
    use PresenterAction as P;
    match action {
        P::Toggle => {
            state.presenter.active = !state.presenter.active;
            state.presenter.discussion = None;
            state.presenter.page = 0;
        }
        P::SetTheme(theme) => state.presenter.theme = theme,
        P::ToggleTrust => state.presenter.show_trust = !state.presenter.show_trust,
        P::ToggleNotes => state.presenter.show_notes = !state.presenter.show_notes,
        P::Next => next(state),
        P::Back => back(state),
        P::OpenDiscussion => open_discussion(state),
        P::CloseDiscussion => state.presenter.discussion = None,
        P::Vote(position) => with_discussion(state, |d| d.vote(position)),
        P::ResetVotes => with_discussion(state, Discussion::reset_votes),
        P::ToggleReveal => with_discussion(state, |d| d.revealed = !d.revealed),
        P::Select(position) => with_discussion(state, |d| d.select(position)),
        P::MoveSelection(delta) => with_discussion(state, |d| d.move_selection(delta)),
        P::Commit => commit(state),
        P::OpenWalkthrough => {
            state.apply(Action::OpenDebrief);
            state.presenter.page = 0;
        }
        P::Page(page) => state.presenter.page = clamp_page(page, page_count(state)),
        P::PlayInstead { turn, option } => {
            state.apply(Action::TryAgainFrom(turn));
            state.apply(Action::Choose(option));
            state.presenter.discussion = None;
        }
    }
}

/// The open discussion, if it still belongs to the current decision.
pub(crate) fn current_discussion(state: &AppState) -> Option<&Discussion> {
    let active = state.active.as_ref()?;
    state
        .presenter
        .discussion
        .as_ref()
        .filter(|d| d.is_for(&active.session.conversation))
}

fn with_discussion(state: &mut AppState, change: impl FnOnce(&mut Discussion)) {
    let fresh = current_discussion(state).is_some();
    if let (true, Some(d)) = (fresh, state.presenter.discussion.as_mut()) {
        change(d);
    }
}

fn is_finished(state: &AppState) -> bool {
    state
        .active_scenario()
        .is_some_and(|(a, s)| a.session.conversation.is_finished(s))
}

fn open_discussion(state: &mut AppState) {
    if state.screen != Screen::Conversation || is_finished(state) {
        return;
    }
    if let Some(active) = &state.active {
        state.presenter.discussion = Some(Discussion::new(&active.session.conversation));
    }
}

fn commit(state: &mut AppState) {
    let Some(position) = current_discussion(state).and_then(Discussion::choice) else {
        return;
    };
    let Some(option) = state.active_scenario().and_then(|(a, s)| {
        a.session
            .conversation
            .options(s)
            .get(position)
            .map(|c| c.id.clone())
    }) else {
        return;
    };
    state.presenter.discussion = None;
    state.apply(Action::Choose(option));
}

/// How many walkthrough pages the current debrief has.
pub(crate) fn page_count(state: &AppState) -> usize {
    let Some(review) = &state.review else {
        return 0;
    };
    let compared = state.branches.comparable(&review.conversation).is_some();
    pages(&review.debrief, compared).len()
}

/// The page of the walkthrough being shown, if a debrief is open.
pub(crate) fn current_page(state: &AppState) -> Option<Page> {
    let review = state.review.as_ref()?;
    let compared = state.branches.comparable(&review.conversation).is_some();
    let pages = pages(&review.debrief, compared);
    pages
        .get(clamp_page(state.presenter.page, pages.len()))
        .copied()
}

/// The turn (0-based) the walkthrough is showing, if it is on a turn page.
pub(crate) fn walkthrough_turn(state: &AppState) -> Option<usize> {
    match current_page(state)? {
        Page::Turn(i) => Some(i),
        _ => None,
    }
}

fn next(state: &mut AppState) {
    match state.screen {
        Screen::Briefing => {
            if let Some(card) = state.briefing {
                state.apply(Action::Start(card));
            }
        }
        Screen::Conversation => {
            if is_finished(state) {
                apply(state, PresenterAction::OpenWalkthrough);
            } else {
                match current_discussion(state).map(|d| d.revealed) {
                    None => open_discussion(state),
                    Some(false) => apply(state, PresenterAction::ToggleReveal),
                    Some(true) => commit(state),
                }
            }
        }
        Screen::Debrief => {
            let page = state.presenter.page + 1;
            state.presenter.page = clamp_page(page, page_count(state));
        }
        _ => {}
    }
}

fn back(state: &mut AppState) {
    match state.screen {
        Screen::Briefing => state.apply(Action::Navigate(Screen::Library)),
        Screen::Conversation => match current_discussion(state).map(|d| d.revealed) {
            Some(true) => apply(state, PresenterAction::ToggleReveal),
            Some(false) => state.presenter.discussion = None,
            None => state.apply(Action::Undo),
        },
        Screen::Debrief => {
            if state.presenter.page == 0 {
                state.apply(Action::Navigate(Screen::Conversation));
            } else {
                state.presenter.page -= 1;
            }
        }
        _ => {}
    }
}
