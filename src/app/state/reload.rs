//! The reload's reducer: the one place a changed dialogue file changes
//! the app state (its card, and the conversation, debrief, briefing and
//! map that used it). Called only from [`AppState::apply`].

use std::path::Path;

use jiff::Timestamp;

use super::AppState;
use super::catalogue::{Card, CardId};
use super::screen::Screen;
use crate::app::authoring::reload::{ReloadReport, Replay, normal, replay};
use crate::debrief::Debrief;
use crate::scenario::library::{Entry, Source};
use crate::scenario::load_file;

/// Loads `path` again and updates everything that used it. Returns what
/// happened, or `None` when the path is not a dialogue file of this
/// library (nor a new one in the user's folders).
pub(super) fn reload(state: &mut AppState, path: &Path) -> Option<ReloadReport> {
    let wanted = normal(path);
    let found = state
        .catalogue
        .listed()
        .find_map(|(id, card)| match card.source() {
            Source::File(p) if normal(p) == wanted => Some((id, p.clone())),
            _ => None,
        });
    let Some((id, original)) = found else {
        return add_new_file(state, path, &wanted);
    };
    let loaded = load_file(&original);
    let card = Card::from_entry(Entry {
        source: Source::File(original),
        scenario: loaded.scenario,
        diagnostics: loaded.diagnostics,
    });
    let old = state.catalogue.replace(id, card)?;

    // Whatever used the old version keeps a retired copy of it, so it goes
    // on working whatever the new file holds.
    let users = |state: &AppState| -> Vec<CardId> {
        [
            state.active.as_ref().map(|a| a.card),
            state.review.as_ref().map(|r| r.card),
            state.map.as_ref().map(|m| m.card),
        ]
        .into_iter()
        .flatten()
        .collect()
    };
    let retired = match old {
        Card::Playable(mut playable) if users(state).contains(&id) => {
            playable.retired = true;
            Some(state.catalogue.push(Card::Playable(playable)))
        }
        _ => None,
    };
    if let Some(r) = retired {
        for card in [
            state.active.as_mut().map(|a| &mut a.card),
            state.review.as_mut().map(|r| &mut r.card),
            state.map.as_mut().map(|m| &mut m.card),
        ]
        .into_iter()
        .flatten()
        {
            if *card == id {
                *card = r;
            }
        }
    }
    // An older version of this same file, still in use.
    let source = state.catalogue.card(id)?.source().clone();
    let catalogue = &state.catalogue;
    let of_this_file = |card: CardId| {
        card != id
            && matches!(catalogue.card(card), Some(Card::Playable(p)) if p.retired && p.source == source)
    };

    let new = state.catalogue.scenario(id);
    let mut replayed = None;
    if let Some(active) = state.active.as_mut()
        && of_this_file(active.card)
    {
        replayed = Some(match new {
            Some(scenario) => match replay(scenario, &active.session.conversation) {
                Ok(conversation) => {
                    let choices = conversation.turns().len();
                    active.session.conversation = conversation;
                    active.session.scenario_id = scenario.id.clone();
                    active.card = id;
                    Replay::Rebuilt { choices }
                }
                Err(at) => Replay::Broke(at),
            },
            None => Replay::KeptOld,
        });
    }
    if let (Some(review), Some(scenario)) = (state.review.as_mut(), new)
        && of_this_file(review.card)
        && let Ok(conversation) = replay(scenario, &review.conversation)
    {
        review.debrief = Debrief::build(scenario, &conversation);
        review.conversation = conversation;
        review.card = id;
    }
    if let (Some(map), Some(scenario)) = (state.map.as_mut(), new)
        && (map.card == id || of_this_file(map.card))
    {
        map.card = id;
        map.relayout(scenario);
    }
    if state.briefing == Some(id) && new.is_none() {
        state.briefing = None;
        if state.screen == Screen::Briefing {
            state.screen = Screen::Library;
        }
    }
    // A retired copy nothing uses any more is dropped.
    if let Some(r) = retired
        && !users(state).contains(&r)
    {
        state.catalogue.remove(r);
    }

    let card = state.catalogue.card(id)?;
    let file = card.source().display();
    let report = ReloadReport {
        file: file.clone(),
        at: Timestamp::now(),
        added: false,
        errors: card.problems().iter().filter(|p| p.is_error).count(),
        warnings: card.problems().iter().filter(|p| !p.is_error).count(),
        replay: replayed,
    };
    match &report.replay {
        Some(Replay::Broke(at)) => state.notices.push(format!(
            "{file} changed, and the conversation in progress cannot follow the edit: {at}. \
             It carries on with the version from before the edit; start the scenario again \
             to play the new one."
        )),
        Some(Replay::KeptOld) => state.notices.push(format!(
            "{file} has errors since the last save (see Problems). The conversation in \
             progress carries on with the version from before the edit."
        )),
        _ => {}
    }
    state.authoring.remember(report.clone());
    Some(report)
}

/// A dialogue file that appeared in one of the user's folders.
fn add_new_file(state: &mut AppState, path: &Path, wanted: &Path) -> Option<ReloadReport> {
    let in_user_folder = wanted.parent().is_some_and(|parent| {
        state
            .authoring
            .dialogue_dirs
            .iter()
            .any(|d| normal(d) == parent)
    });
    let is_dialogue = path.extension().is_some_and(|e| e == "ron");
    if !in_user_folder || !is_dialogue || !path.is_file() {
        return None;
    }
    let loaded = load_file(path);
    let card = Card::from_entry(Entry {
        source: Source::File(path.to_path_buf()),
        scenario: loaded.scenario,
        diagnostics: loaded.diagnostics,
    });
    let report = ReloadReport {
        file: card.source().display(),
        at: Timestamp::now(),
        added: true,
        errors: card.problems().iter().filter(|p| p.is_error).count(),
        warnings: card.problems().iter().filter(|p| !p.is_error).count(),
        replay: None,
    };
    state.catalogue.push(card);
    state.authoring.remember(report.clone());
    Some(report)
}
