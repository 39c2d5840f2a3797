//! The reload's reducer: the one place a changed dialogue file changes
//! the app state (its card, and the conversation, debrief, briefing and
//! map that used it). Called only from [`AppState::apply`].

use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::catalogue::{Card, CardId};
use super::loaded_file::{Listing, LoadedFile, load_changed};
use super::screen::Screen;
use super::{Active, AppState};
use crate::app::state::authoring::{ReloadReport, Replay, normal, replay};
use crate::check::{Loaded, load_bytes};
use crate::debrief::Debrief;
use crate::library::{Entry, Source};
use crate::scenario::Scenario;

/// Loads `path` again and updates everything that used it. Returns what
/// happened, or `None` when the path is not a dialogue file of this
/// library (nor a new one in the user's folders). Reads the file here: the
/// watcher uses [`load_changed`] on its own thread and [`swap_in`] instead.
pub(super) fn reload(state: &mut AppState, path: &Path) -> Option<ReloadReport> {
    let file = load_changed(path, &listing(state))?;
    swap_in(state, file)
}

/// What the loader needs to know of the library: its files' names and the
/// user's folders.
pub(super) fn listing(state: &AppState) -> Listing {
    Listing {
        files: state
            .catalogue
            .listed()
            .filter_map(|(_, card)| match card.source() {
                Source::File(path) => Some(path.clone()),
                Source::Shipped(_) => None,
            })
            .collect(),
        dialogue_dirs: state.authoring.dialogue_dirs.clone(),
    }
}

/// Puts a file loaded and checked elsewhere in its card's place, or adds
/// it as a new card. No file is read here.
pub(super) fn swap_in(state: &mut AppState, file: LoadedFile) -> Option<ReloadReport> {
    // The card the loader found, or one added under the watcher's name
    // since (a new file saved twice before the first load was swapped in).
    let listed = [file.listed_as.as_deref(), Some(file.path.as_path())]
        .into_iter()
        .flatten()
        .find_map(|name| listed_named(state, name));
    match listed {
        Some((id, original)) => replace_file(state, id, original, file.into_loaded()),
        // The card the loader saw has gone since: nothing to update.
        None if file.listed_as.is_some() => None,
        None => {
            let path = file.path.clone();
            Some(add_card(state, path, file.into_loaded()))
        }
    }
}

/// The listed card whose file has exactly this name.
fn listed_named(state: &AppState, name: &Path) -> Option<(CardId, PathBuf)> {
    state
        .catalogue
        .listed()
        .find_map(|(id, card)| match card.source() {
            Source::File(p) if p == name => Some((id, p.clone())),
            _ => None,
        })
}

/// Adds a new card for the file at `path`.
fn add_card(state: &mut AppState, path: PathBuf, loaded: Loaded) -> ReloadReport {
    let card = Card::from_entry(Entry {
        source: Source::File(path),
        scenario: loaded.scenario,
        diagnostics: loaded.diagnostics,
    });
    let report = report_of(&card, true, None);
    state.catalogue.push(card);
    state.authoring.remember(report.clone());
    report
}

/// Adds a dialogue file the learner handed over whole (dropped on the
/// window, or picked in a browser), checked like any other: a file of the
/// same name loaded before is replaced, as a reload would.
pub(super) fn add_file(state: &mut AppState, name: &str, bytes: &[u8]) -> Option<ReloadReport> {
    let path = PathBuf::from(name);
    let loaded = load_bytes(name, bytes);
    if let Some((id, original)) = listed_file(state, &normal(&path)) {
        return replace_file(state, id, original, loaded);
    }
    Some(add_card(state, path, loaded))
}

/// Puts the new version of card `id`'s file in its place and moves what
/// used the old one onto it.
fn replace_file(
    state: &mut AppState,
    id: CardId,
    original: PathBuf,
    loaded: Loaded,
) -> Option<ReloadReport> {
    let card = Card::from_entry(Entry {
        source: Source::File(original),
        scenario: loaded.scenario,
        diagnostics: loaded.diagnostics,
    });
    let old = state.catalogue.replace(id, card)?;
    // Whatever used the old version keeps a retired copy of it, so it goes
    // on working whatever the new file holds.
    let retired = match old {
        Card::Playable(mut playable) if cards_in_use(state).contains(&id) => {
            playable.retired = true;
            Some(state.catalogue.push(Card::Playable(playable)))
        }
        _ => None,
    };
    if let Some(r) = retired {
        move_users(state, id, r);
    }
    let source = state.catalogue.card(id)?.source().clone();
    let replayed = follow_edit(state, id, &source);
    // A retired copy nothing uses any more is dropped.
    if let Some(r) = retired
        && !cards_in_use(state).contains(&r)
    {
        state.catalogue.remove(r);
    }

    let report = report_of(state.catalogue.card(id)?, false, replayed);
    notify_replay(state, &report);
    state.authoring.remember(report.clone());
    Some(report)
}

/// The listed card loaded from the file at `wanted` (a normalised path),
/// with the path as the card names it.
fn listed_file(state: &AppState, wanted: &Path) -> Option<(CardId, PathBuf)> {
    state
        .catalogue
        .listed()
        .find_map(|(id, card)| match card.source() {
            Source::File(p) if normal(p) == wanted => Some((id, p.clone())),
            _ => None,
        })
}

/// The cards the conversation, the debrief and the map are showing.
fn cards_in_use(state: &AppState) -> Vec<CardId> {
    [
        state.active.as_ref().map(|a| a.card),
        state.review.as_ref().map(|r| r.card),
        state.map.as_ref().map(|m| m.card),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Points the conversation, the debrief and the map that show card
/// `from` at card `to`.
fn move_users(state: &mut AppState, from: CardId, to: CardId) {
    for card in [
        state.active.as_mut().map(|a| &mut a.card),
        state.review.as_mut().map(|r| &mut r.card),
        state.map.as_mut().map(|m| &mut m.card),
    ]
    .into_iter()
    .flatten()
    {
        if *card == from {
            *card = to;
        }
    }
}

/// Moves whatever used an older version of this file (a retired copy
/// with the same `source`) onto the new card `id`, where it can follow
/// the edit. Returns what became of the conversation in progress.
fn follow_edit(state: &mut AppState, id: CardId, source: &Source) -> Option<Replay> {
    // An older version of this same file, still in use.
    let catalogue = &state.catalogue;
    let of_this_file = |card: CardId| {
        card != id
            && matches!(catalogue.card(card), Some(Card::Playable(p)) if p.retired && &p.source == source)
    };

    let new = catalogue.scenario(id);
    let mut replayed = None;
    if let Some(active) = state.active.as_mut()
        && of_this_file(active.card)
    {
        replayed = Some(replay_active(active, new, id));
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
    replayed
}

/// Replays the conversation in progress in the new version of its
/// scenario (`None` when the file no longer loads) and moves it to card
/// `id` when that works.
fn replay_active(active: &mut Active, new: Option<&Scenario>, id: CardId) -> Replay {
    match new {
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
    }
}

/// What a reload of `card`'s file found.
fn report_of(card: &Card, added: bool, replay: Option<Replay>) -> ReloadReport {
    ReloadReport {
        file: card.source().display(),
        at: Timestamp::now(),
        added,
        errors: card.problems().iter().filter(|p| p.is_error).count(),
        warnings: card.problems().iter().filter(|p| !p.is_error).count(),
        replay,
    }
}

/// A notice when the conversation in progress could not follow the edit:
/// one per file, replaced by each reload and cleared once it follows.
fn notify_replay(state: &mut AppState, report: &ReloadReport) {
    let file = &report.file;
    let key = format!("reload:{file}");
    match &report.replay {
        Some(Replay::Broke(at)) => state.notices.set(
            &key,
            format!(
                "{file} changed, and the conversation in progress cannot follow the edit: {at}. \
             It carries on with the version from before the edit; start the scenario again \
             to play the new one."
            ),
        ),
        Some(Replay::KeptOld) => state.notices.set(
            &key,
            format!(
                "{file} has errors since the last save (see Problems). The conversation in \
             progress carries on with the version from before the edit."
            ),
        ),
        Some(Replay::Rebuilt { .. }) | None => state.notices.clear_key(&key),
    }
}
