//! Watching the user's dialogue folders for saved files.
//!
//! The `notify` watcher runs on its own thread; a debouncer turns the
//! bursts of events an editor's save makes into one per file. That thread
//! also reads and checks each changed file (the slow part of a reload), so
//! a big or blocking file never freezes the window; it sends the loaded
//! results down a channel and wakes the window, which only swaps them in.
//! Nothing runs while nothing changes, so an idle window stays idle.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use eframe::egui;
use notify_debouncer_mini::notify::{self, RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};
use thiserror::Error;

use crate::app::state::AppState;
use crate::app::state::action::Action;
use crate::app::state::authoring::{WatchStatus, watch_roots};
use crate::app::state::loaded_file::{Listing, LoadedFile, load_changed};

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
#[derive(Debug, PartialEq)]
pub enum WatchEvent {
    /// A dialogue file was written, created, renamed or removed; here it
    /// is, loaded and checked again.
    Loaded(Box<LoadedFile>),
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
    /// Watches each folder in `roots` (not their sub-folders), loads each
    /// changed file the library has (`listing`, kept up to date by the
    /// window) or a new one in the user's folders, and calls `wake` from
    /// the watcher thread whenever there is news.
    pub fn start(
        roots: &[PathBuf],
        listing: Arc<Mutex<Listing>>,
        wake: impl Fn() + Send + 'static,
    ) -> Result<Self, WatchError> {
        let (send, events) = mpsc::channel();
        let handler = move |result: DebounceEventResult| {
            let news: Vec<WatchEvent> = match result {
                Ok(events) => {
                    let changed: BTreeSet<PathBuf> = events
                        .into_iter()
                        .filter(|e| is_dialogue(&e.path))
                        .map(|e| e.path)
                        .collect();
                    if changed.is_empty() {
                        return;
                    }
                    let listing = listing
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .clone();
                    changed
                        .iter()
                        .filter_map(|path| load_changed(path, &listing))
                        .map(|file| WatchEvent::Loaded(Box::new(file)))
                        .collect()
                }
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
    /// The library as the watcher thread needs to know it, and how many
    /// files it listed when last updated.
    listing: Arc<Mutex<Listing>>,
    listed: Option<usize>,
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
        self.update_listing(state);
        if self.watcher.is_none() && !self.failed {
            let roots = watch_roots(&state.catalogue, &state.authoring.dialogue_dirs);
            let ctx = ctx.clone();
            let listing = Arc::clone(&self.listing);
            match FileWatcher::start(&roots, listing, move || ctx.request_repaint()) {
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

    /// Gives the watcher thread the library's files when their number
    /// changed (a reload or a dropped file added a card).
    fn update_listing(&mut self, state: &AppState) {
        let listed = state.catalogue.listed().count();
        if self.listed == Some(listed) {
            return;
        }
        self.listed = Some(listed);
        let listing = state.reload_listing();
        *self.listing.lock().unwrap_or_else(PoisonError::into_inner) = listing;
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

/// The reports as actions: a failure first, then each loaded file to swap
/// in, in the order it was loaded.
fn to_actions(events: Vec<WatchEvent>) -> Vec<Action> {
    let mut loaded = Vec::new();
    let mut actions = Vec::new();
    for event in events {
        match event {
            WatchEvent::Loaded(file) => loaded.push(Action::Reloaded(*file)),
            WatchEvent::Failed(message) => actions.push(Action::Watch(WatchStatus::Failed(
                format!("watching for changes stopped working: {message}"),
            ))),
        }
    }
    actions.extend(loaded);
    actions
}
