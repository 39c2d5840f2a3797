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
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use eframe::egui;
use notify_debouncer_full::notify::event::{AccessKind, AccessMode, EventKind, ModifyKind};
use notify_debouncer_full::notify::{self, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use thiserror::Error;

use crate::app::state::AppState;
use crate::app::state::action::Action;
use crate::app::state::authoring::{WatchStatus, normal};
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
    _debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    events: Receiver<WatchEvent>,
}

fn is_dialogue(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "ron")
}

/// Whether an event can mean that a file's text changed. The system also
/// says when a file is opened or read, and those must not count: reading
/// a changed file would report it changed again, and it would be
/// reloaded for ever.
fn may_have_changed(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_)) => false,
        _ => true,
    }
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
                        .filter(|e| may_have_changed(&e.kind))
                        .flat_map(|e| e.event.paths)
                        .filter(|path| is_dialogue(path))
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
                Err(errors) => errors
                    .iter()
                    .map(|e| WatchEvent::Failed(e.to_string()))
                    .collect(),
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
        let mut debouncer = new_debouncer(DEBOUNCE, None, handler)
            .map_err(|e| error(Path::new("the folders"), e))?;
        for root in roots {
            debouncer
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

/// A start on its own thread: the folders it watches, and the watcher.
type Started = (Vec<PathBuf>, Result<FileWatcher, WatchError>);

/// The app's side of watching: starts and stops the watcher as the
/// command line and the settings ask, and turns its reports into actions.
#[derive(Default)]
pub struct Watching {
    watcher: Option<FileWatcher>,
    /// A watcher being started. Starting asks the file system about every
    /// folder, and a folder on a network share that has gone away can
    /// block, so it is done off the window's thread.
    starting: Option<Receiver<Started>>,
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
            // A start still under way finds nobody to hand its watcher to,
            // and the watcher stops.
            self.starting = None;
            if self.watcher.take().is_some() || state.authoring.status != WatchStatus::Off {
                actions.push(Action::Watch(WatchStatus::Off));
            }
            return actions;
        }
        self.update_listing(state);
        if self.watcher.is_none() && self.starting.is_none() && !self.failed {
            self.start(ctx, &mut actions);
        }
        if let Some(starting) = &self.starting {
            match starting.try_recv() {
                Ok(started) => self.started(started, &mut actions),
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => self.lost(&mut actions),
            }
        }
        if let Some(watcher) = &self.watcher {
            actions.extend(to_actions(watcher.poll()));
        }
        actions
    }

    /// Starts the watcher on its own thread, which wakes the window when
    /// it is done; says so, or why it could not.
    fn start(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let (send, receive) = mpsc::channel();
        let listing = Arc::clone(&self.listing);
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("attune-watch-start".into())
            .spawn(move || {
                let known = listing
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .clone();
                let roots = watch_roots(&known);
                let wake = ctx.clone();
                let started = FileWatcher::start(&roots, listing, move || wake.request_repaint());
                // The window has turned watching off when nobody listens.
                let _ = send.send((roots, started));
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.starting = Some(receive);
                actions.push(Action::Watch(WatchStatus::Starting));
            }
            Err(e) => {
                self.failed = true;
                actions.push(Action::Watch(WatchStatus::Failed(format!(
                    "no thread could be started to watch the folders: {e}"
                ))));
            }
        }
    }

    /// Takes the result of a start.
    fn started(&mut self, (roots, started): Started, actions: &mut Vec<Action>) {
        self.starting = None;
        match started {
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

    /// The starting thread ended without a word (it panicked).
    fn lost(&mut self, actions: &mut Vec<Action>) {
        self.starting = None;
        self.failed = true;
        actions.push(Action::Watch(WatchStatus::Failed(
            "the watcher stopped while it was starting".into(),
        )));
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

    /// Waits up to `timeout` for the watcher to start, if it is starting,
    /// and then for changed files, and returns the actions that report the
    /// start and reload the files. For tests and tools: the window polls
    /// by itself.
    pub fn wait(&mut self, timeout: Duration) -> Vec<Action> {
        let mut actions = Vec::new();
        if let Some(starting) = self.starting.take() {
            match starting.recv_timeout(timeout) {
                Ok(started) => self.started(started, &mut actions),
                Err(RecvTimeoutError::Timeout) => {
                    self.starting = Some(starting);
                    return actions;
                }
                Err(RecvTimeoutError::Disconnected) => self.lost(&mut actions),
            }
        }
        if let Some(watcher) = &self.watcher {
            actions.extend(to_actions(watcher.wait(timeout)));
        }
        actions
    }
}

/// The folders to watch: the user's dialogue folders and the folder of
/// every dialogue file from disk the library lists. Shipped dialogues are
/// not watched. Asks the file system: call it off the window's thread.
fn watch_roots(listing: &Listing) -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = listing
        .dialogue_dirs
        .iter()
        .filter(|d| d.is_dir())
        .map(|d| normal(d))
        .collect();
    for path in &listing.files {
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
    roots.sort();
    roots.dedup();
    roots
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
