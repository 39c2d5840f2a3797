//! Hot reload: a dialogue file changed on disk, so it is loaded and
//! validated again, its library card follows (playable or broken), and a
//! conversation, debrief or map that used it is rebuilt by replaying the
//! choices into the new tree. When the edit makes that impossible the old
//! version is kept running, and the learner is told where it broke.

use std::fmt;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use crate::app::Screen;
use crate::app::state::AppState;
use crate::app::state::catalogue::{Card, Catalogue};
use crate::debrief::Debrief;
use crate::engine::{Conversation, EngineError};
use crate::scenario::library::{Entry, Source};
use crate::scenario::{Scenario, load_file};
use crate::store::Settings;

/// How many reloads the problems screen remembers.
const KEPT_REPORTS: usize = 20;

/// Whether the dialogue files are being watched.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum WatchStatus {
    #[default]
    Off,
    /// Watching these folders.
    Watching(Vec<PathBuf>),
    /// The watcher could not start, or stopped with this error.
    Failed(String),
}

/// The authoring side of the app: watching files and what reloads did.
#[derive(Debug, Default)]
pub struct Authoring {
    /// `attune --watch` was given.
    pub watch_flag: bool,
    /// The user's own folders (`--dialogues`): new files there are added.
    pub dialogue_dirs: Vec<PathBuf>,
    pub status: WatchStatus,
    /// The latest reloads, newest last.
    pub reloads: Vec<ReloadReport>,
}

impl Authoring {
    pub fn new(watch_flag: bool, dialogue_dirs: Vec<PathBuf>) -> Self {
        Authoring {
            watch_flag,
            dialogue_dirs,
            ..Authoring::default()
        }
    }

    /// Watch when asked on the command line or in the settings.
    pub fn wants_watch(&self, settings: &Settings) -> bool {
        self.watch_flag || settings.watch_dialogues
    }

    fn remember(&mut self, report: ReloadReport) {
        self.reloads.push(report);
        if self.reloads.len() > KEPT_REPORTS {
            self.reloads.remove(0);
        }
    }
}

/// What one reload found and did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReloadReport {
    /// The file as it is named on its card.
    pub file: String,
    pub at: Timestamp,
    /// The file was new in a watched folder.
    pub added: bool,
    pub errors: usize,
    pub warnings: usize,
    /// What happened to the conversation in progress, if it used the file.
    pub replay: Option<Replay>,
}

impl ReloadReport {
    pub fn playable(&self) -> bool {
        self.errors == 0
    }
}

/// The conversation in progress after its file changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Replay {
    /// Rebuilt in the new tree by replaying this many choices.
    Rebuilt { choices: usize },
    /// The choices no longer fit the new tree; the old version goes on.
    Broke(ReplayBreak),
    /// The file has errors now; the old version goes on.
    KeptOld,
}

/// Where replaying a conversation into an edited tree failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplayBreak {
    /// The 1-based turn whose choice could not be made; 0 when the
    /// conversation could not even start.
    pub turn: usize,
    /// Where the replay stood.
    pub node: String,
    /// The option id that was chosen there before the edit.
    pub choice: String,
    /// Why it failed, in words.
    pub reason: String,
}

impl fmt::Display for ReplayBreak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.turn == 0 {
            write!(f, "{}", self.reason)
        } else {
            write!(f, "at turn {}, {}", self.turn, self.reason)
        }
    }
}

/// Plays the choices of `old` again in `scenario`, with the same seed.
pub fn replay(scenario: &Scenario, old: &Conversation) -> Result<Conversation, ReplayBreak> {
    let mut conversation = Conversation::new(scenario, old.seed).map_err(|e| ReplayBreak {
        turn: 0,
        node: scenario.start.clone(),
        choice: String::new(),
        reason: format!("the conversation cannot start: {e}"),
    })?;
    for (i, turn) in old.turns().iter().enumerate() {
        let node = conversation.current().node.clone();
        let Err(e) = conversation.commit(scenario, &turn.choice) else {
            continue;
        };
        let has_option = scenario
            .node(&node)
            .is_some_and(|n| n.option(&turn.choice).is_some());
        let reason = match e {
            EngineError::Finished => format!(
                "the conversation now ends at \u{201c}{node}\u{201d} before the choice \
                 \u{201c}{}\u{201d}",
                turn.choice
            ),
            EngineError::NotOffered { .. } if has_option => format!(
                "the option \u{201c}{}\u{201d} at \u{201c}{node}\u{201d} is no longer on offer \
                 there (its conditions do not hold)",
                turn.choice
            ),
            EngineError::NotOffered { .. } if node != turn.node => format!(
                "the conversation now reaches \u{201c}{node}\u{201d} instead of \
                 \u{201c}{}\u{201d}, and \u{201c}{node}\u{201d} has no option \u{201c}{}\u{201d}",
                turn.node, turn.choice
            ),
            EngineError::NotOffered { .. } => format!(
                "the option \u{201c}{}\u{201d} no longer exists at \u{201c}{node}\u{201d}",
                turn.choice
            ),
            other => other.to_string(),
        };
        return Err(ReplayBreak {
            turn: i + 1,
            node,
            choice: turn.choice.clone(),
            reason,
        });
    }
    Ok(conversation)
}

/// A path made absolute with symbolic links resolved, so the names the
/// watcher reports match the names the library was given. A file that no
/// longer exists keeps its name under its resolved folder.
pub fn normal(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    match (parent.canonicalize(), path.file_name()) {
        (Ok(parent), Some(name)) => parent.join(name),
        _ => path.to_path_buf(),
    }
}

/// The folders to watch: the user's dialogue folders and the folder of
/// every dialogue file from disk. Shipped dialogues are not watched.
pub fn watch_roots(catalogue: &Catalogue, dialogue_dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = dialogue_dirs
        .iter()
        .filter(|d| d.is_dir())
        .map(|d| normal(d))
        .collect();
    for (_, card) in catalogue.listed() {
        if let Source::File(path) = card.source() {
            let folder = if path.is_dir() {
                path.as_path()
            } else {
                match path.parent() {
                    Some(p) if !p.as_os_str().is_empty() => p,
                    _ => Path::new("."),
                }
            };
            if folder.is_dir() {
                roots.push(normal(folder));
            }
        }
    }
    roots.sort();
    roots.dedup();
    roots
}

/// Loads `path` again and updates everything that used it. Returns what
/// happened, or `None` when the path is not a dialogue file of this
/// library (nor a new one in the user's folders).
pub fn reload(state: &mut AppState, path: &Path) -> Option<ReloadReport> {
    let wanted = normal(path);
    let found = state
        .catalogue
        .listed()
        .find_map(|(i, card)| match card.source() {
            Source::File(p) if normal(p) == wanted => Some(i),
            _ => None,
        });
    let Some(index) = found else {
        return add_new_file(state, path, &wanted);
    };
    let Source::File(original) = state.catalogue.cards[index].source().clone() else {
        return None;
    };
    let loaded = load_file(&original);
    let card = Card::from_entry(Entry {
        source: Source::File(original),
        scenario: loaded.scenario,
        diagnostics: loaded.diagnostics,
    });
    let old = std::mem::replace(&mut state.catalogue.cards[index], card);

    // Whatever used the old version keeps a retired copy of it, so it goes
    // on working whatever the new file holds.
    let users = |state: &AppState| -> Vec<usize> {
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
        Card::Playable(mut playable) if users(state).contains(&index) => {
            playable.retired = true;
            state.catalogue.cards.push(Card::Playable(playable));
            Some(state.catalogue.cards.len() - 1)
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
            if *card == index {
                *card = r;
            }
        }
    }
    // An older version of this same file, still in use.
    let source = state.catalogue.cards[index].source().clone();
    let cards = &state.catalogue.cards;
    let of_this_file = |card: usize| {
        card != index
            && matches!(cards.get(card), Some(Card::Playable(p)) if p.retired && p.source == source)
    };

    let new = state.catalogue.scenario(index);
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
                    active.card = index;
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
        review.card = index;
    }
    if let (Some(map), Some(scenario)) = (state.map.as_mut(), new)
        && (map.card == index || of_this_file(map.card))
    {
        map.card = index;
        map.relayout(scenario);
    }
    if state.briefing == Some(index) && new.is_none() {
        state.briefing = None;
        if state.screen == Screen::Briefing {
            state.screen = Screen::Library;
        }
    }
    // A retired copy nothing uses any more is dropped.
    if let Some(r) = retired
        && !users(state).contains(&r)
        && r + 1 == state.catalogue.cards.len()
    {
        state.catalogue.cards.pop();
    }

    let card = &state.catalogue.cards[index];
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
    state.catalogue.cards.push(card);
    state.authoring.remember(report.clone());
    Some(report)
}
