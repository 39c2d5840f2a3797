//! Hot reload: a dialogue file changed on disk, so it is loaded and
//! validated again, its library card follows (playable or broken), and a
//! conversation, debrief or map that used it is rebuilt by replaying the
//! choices into the new tree. When the edit makes that impossible the old
//! version is kept running, and the learner is told where it broke.
//!
//! This file holds what reloading knows and remembers, and replaying; the
//! change to the app state is the reducer in
//! `src/app/state/reload.rs`.

use std::fmt;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use crate::engine::{Conversation, EngineError};
use crate::scenario::Scenario;
use crate::store::Settings;

/// How many reloads the problems screen remembers.
const KEPT_REPORTS: usize = 20;

/// Whether the dialogue files are being watched.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum WatchStatus {
    #[default]
    Off,
    /// The watcher is being started on its own thread.
    Starting,
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

    /// Keeps `report` for the problems screen, dropping the oldest.
    pub fn remember(&mut self, report: ReloadReport) {
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
