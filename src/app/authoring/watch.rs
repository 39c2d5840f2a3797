//! Watching the user's dialogue folders for saved files.
//!
//! The `notify` watcher runs on its own thread; a debouncer turns the
//! bursts of events an editor's save makes into one per file, sends the
//! changed paths down a channel and wakes the window, which then reloads
//! them. Nothing runs while nothing changes, so an idle window stays idle.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use eframe::egui;
use notify_debouncer_mini::notify::{self, RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};
use thiserror::Error;

use crate::app::state::AppState;
use crate::app::state::action::Action;
use crate::app::state::authoring::{WatchStatus, watch_roots};

/// Saves closer together than this count as one change.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// The watcher could not start.
#[derive(Debug, Error)]
#[error("cannot watch {path} for changes: {source}")]
pub struct WatchError {
    path: String,
    #[source]
    source: notify::Error,
}

/// What the watcher thread reports.
#[derive(Debug, PartialEq, Eq)]
pub enum WatchEvent {
    /// A dialogue file was written, created, renamed or removed.
    Changed(PathBuf),
    /// The operating system reported a problem with watching.
    Failed(String),
}

/// A running watcher; dropping it stops the thread.
pub struct FileWatcher {
    _debouncer: Debouncer<RecommendedWatcher>,
    events: Receiver<WatchEvent>,
}

fn is_dialogue(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "ron")
}

impl FileWatcher {
    /// Watches each folder in `roots` (not their sub-folders) and calls
    /// `wake` from the watcher thread whenever there is news.
    pub fn start(roots: &[PathBuf], wake: impl Fn() + Send + 'static) -> Result<Self, WatchError> {
        let (send, events) = mpsc::channel();
        let handler = move |result: DebounceEventResult| {
            let news: Vec<WatchEvent> = match result {
                Ok(events) => events
                    .into_iter()
                    .filter(|e| is_dialogue(&e.path))
                    .map(|e| WatchEvent::Changed(e.path))
                    .collect(),
                Err(e) => vec![WatchEvent::Failed(e.to_string())],
            };
            if news.is_empty() {
                return;
            }
            for event in news {
                // The window has closed when nobody listens: nothing to do.
                let _ = send.send(event);
            }
            wake();
        };
        let error = |path: &Path, source| WatchError {
            path: path.display().to_string(),
            source,
        };
        let mut debouncer =
            new_debouncer(DEBOUNCE, handler).map_err(|e| error(Path::new("the folders"), e))?;
        for root in roots {
            debouncer
                .watcher()
                .watch(root, RecursiveMode::NonRecursive)
                .map_err(|e| error(root, e))?;
        }
        Ok(FileWatcher {
            _debouncer: debouncer,
            events,
        })
    }

    /// Everything reported so far, without waiting.
    pub fn poll(&self) -> Vec<WatchEvent> {
        self.events.try_iter().collect()
    }

    /// Waits up to `timeout` for the first report, then takes the rest.
    pub fn wait(&self, timeout: Duration) -> Vec<WatchEvent> {
        match self.events.recv_timeout(timeout) {
            Ok(first) => std::iter::once(first)
                .chain(self.events.try_iter())
                .collect(),
            Err(_) => Vec::new(),
        }
    }
}

/// The app's side of watching: starts and stops the watcher as the
/// command line and the settings ask, and turns its reports into actions.
#[derive(Default)]
pub struct Watching {
    watcher: Option<FileWatcher>,
    /// Set after a failed start, so it is not retried every frame; cleared
    /// when watching is turned off.
    failed: bool,
}

impl Watching {
    /// Called once a frame, before drawing.
    pub fn step(&mut self, state: &AppState, ctx: &egui::Context) -> Vec<Action> {
        let mut actions = Vec::new();
        let wanted = state.authoring.wants_watch(state.store.settings());
        if !wanted {
            self.failed = false;
            if self.watcher.take().is_some() || state.authoring.status != WatchStatus::Off {
                actions.push(Action::Watch(WatchStatus::Off));
            }
            return actions;
        }
        if self.watcher.is_none() && !self.failed {
            let roots = watch_roots(&state.catalogue, &state.authoring.dialogue_dirs);
            let ctx = ctx.clone();
            match FileWatcher::start(&roots, move || ctx.request_repaint()) {
                Ok(watcher) => {
                    self.watcher = Some(watcher);
                    actions.push(Action::Watch(WatchStatus::Watching(roots)));
                }
                Err(e) => {
                    self.failed = true;
                    actions.push(Action::Watch(WatchStatus::Failed(e.to_string())));
                }
            }
        }
        if let Some(watcher) = &self.watcher {
            actions.extend(to_actions(watcher.poll()));
        }
        actions
    }

    /// Waits up to `timeout` for changed files and returns the actions
    /// that reload them. For tests and tools: the window polls by itself.
    pub fn wait(&self, timeout: Duration) -> Vec<Action> {
        match &self.watcher {
            Some(watcher) => to_actions(watcher.wait(timeout)),
            None => Vec::new(),
        }
    }
}

/// One reload per changed file, in a stable order.
fn to_actions(events: Vec<WatchEvent>) -> Vec<Action> {
    let mut changed = BTreeSet::new();
    let mut actions = Vec::new();
    for event in events {
        match event {
            WatchEvent::Changed(path) => {
                changed.insert(path);
            }
            WatchEvent::Failed(message) => actions.push(Action::Watch(WatchStatus::Failed(
                format!("watching for changes stopped working: {message}"),
            ))),
        }
    }
    actions.extend(changed.into_iter().map(Action::Reload));
    actions
}
