//! The store off the window's thread: [`StoreHandle`].
//!
//! Every save takes the folder lock (waiting up to [`SAVE_LOCK_WAIT`] for
//! another window), re-reads a file, merges, syncs and renames. Done in a
//! frame, a slow disk or a lock held elsewhere would freeze the window. So
//! on the desktop the real [`Store`] lives on its own thread and the app
//! holds this handle:
//!
//! - reads come from an in-memory mirror, so a frame never touches a file;
//! - a write changes the mirror at once (the same pure change the store
//!   makes) and sends a command to the worker, which runs the real save;
//! - after each batch of commands the worker sends back a snapshot of the
//!   store (with any notice) and wakes the window; the handle takes it in
//!   [`StoreHandle::poll`] at the start of a frame, never waiting;
//! - dropping or [`closing`](StoreHandle::close) the handle runs every
//!   pending save before it returns, so nothing is lost on exit.
//!
//! A snapshot is taken only when it covers every command sent so far: an
//! older one would undo an optimistic change the worker has not made yet
//! (see [`accept`]). A page has no threads, so in a browser the handle
//! runs the store inline, behind the same API.
//!
//! [`SAVE_LOCK_WAIT`]: super::SAVE_LOCK_WAIT

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
#[cfg(not(target_arch = "wasm32"))]
use std::sync::OnceLock;
#[cfg(not(target_arch = "wasm32"))]
use std::sync::mpsc::{self, Receiver, Sender};
#[cfg(not(target_arch = "wasm32"))]
use std::thread::JoinHandle;

#[cfg(not(target_arch = "wasm32"))]
use super::NoticeKind;
use super::resume::Unfinished;
use super::{
    History, Notice, RESUME_VERSION, Resume, SETTINGS_VERSION, SessionId, SessionRecord, Settings,
    Store,
};

/// Wakes the window when work done off its thread has a result (it asks
/// for a repaint); the store itself knows nothing of windows.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// What the app reads of the store: a copy of its state.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Mirror {
    settings: Settings,
    history: History,
    unfinished: Unfinished,
    notices: Vec<Notice>,
    can_save: bool,
    dir: Option<PathBuf>,
}

impl Mirror {
    fn of(store: &Store) -> Mirror {
        Mirror {
            settings: store.settings.clone(),
            history: store.history.clone(),
            unfinished: store.unfinished.clone(),
            notices: store.notices.clone(),
            can_save: store.writable,
            dir: store.dir.clone(),
        }
    }

    /// The change `command` makes, in memory only: what the store does
    /// before it writes.
    fn apply(&mut self, command: &Command) {
        match command {
            Command::Settings(settings) => self.settings = settings.clone(),
            Command::Record(record) => self.history.upsert(record.clone()),
            Command::SaveResume(resume) => self.unfinished.upsert(resume.clone()),
            Command::ClearResume(session) => self.unfinished.remove(session),
            Command::DismissNotices => self.notices.clear(),
        }
    }
}

/// A change for the store to make and save.
#[derive(Clone, Debug)]
enum Command {
    Settings(Settings),
    Record(SessionRecord),
    SaveResume(Resume),
    ClearResume(SessionId),
    DismissNotices,
}

impl Command {
    /// Makes the change and saves it. A failed save leaves a notice in the
    /// store, which the next snapshot carries: nothing else to do here.
    fn run(self, store: &mut Store) {
        let _ = match self {
            Command::Settings(settings) => store.set_settings(settings),
            Command::Record(record) => store.record_session(record),
            Command::SaveResume(resume) => store.save_resume(resume),
            Command::ClearResume(session) => store.clear_resume(&session),
            Command::DismissNotices => {
                store.dismiss_notices();
                Ok(())
            }
        };
    }
}

/// What a command replaces: a later command with the same key leaves the
/// store as if the earlier one had never run.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Settings,
    Record(SessionId),
    Resume(SessionId),
}

#[cfg(not(target_arch = "wasm32"))]
impl Command {
    /// `None` for a command that is never moot.
    fn key(&self) -> Option<Key> {
        match self {
            Command::Settings(_) => Some(Key::Settings),
            Command::Record(record) => Some(Key::Record(record.id.clone())),
            Command::SaveResume(resume) => Some(Key::Resume(resume.session.clone())),
            Command::ClearResume(session) => Some(Key::Resume(session.clone())),
            Command::DismissNotices => None,
        }
    }
}

/// `batch` without the commands a later one makes moot, in order. When
/// saves pile up behind a lock held elsewhere (or at closing), each file
/// is then written once per batch, not once per change.
#[cfg(not(target_arch = "wasm32"))]
fn coalesced(batch: Vec<Command>) -> Vec<Command> {
    let mut later = std::collections::BTreeSet::new();
    let mut kept: Vec<Command> = batch
        .into_iter()
        .rev()
        .filter(|command| command.key().is_none_or(|key| later.insert(key)))
        .collect();
    kept.reverse();
    kept
}

/// The store's state after the commands up to number `done` ran.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Snapshot {
    done: u64,
    mirror: Mirror,
}

/// Takes `snapshot` into `mirror` when it covers all `sent` commands, and
/// says whether it did. One that does not is older than the mirror's
/// optimistic changes and is dropped: the worker sends a newer one after
/// the last command anyway.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn accept(mirror: &mut Mirror, snapshot: Snapshot, sent: u64) -> bool {
    if snapshot.done != sent {
        return false;
    }
    *mirror = snapshot.mirror;
    true
}

/// The app's side of the store.
pub struct StoreHandle {
    mirror: Mirror,
    backend: Backend,
}

enum Backend {
    /// The store itself, used in place: the browser, or a desktop that
    /// could not start a thread.
    Inline(Box<Store>),
    #[cfg(not(target_arch = "wasm32"))]
    Worker(Worker),
}

/// The worker thread and its two channels.
#[cfg(not(target_arch = "wasm32"))]
struct Worker {
    /// `None` once closed.
    commands: Option<Sender<(u64, Command)>>,
    snapshots: Receiver<Snapshot>,
    thread: Option<JoinHandle<()>>,
    /// Commands sent so far; each is numbered by this count.
    sent: u64,
    /// The commands covered by the latest snapshot received.
    received: u64,
    waker: Arc<OnceLock<Waker>>,
}

impl fmt::Debug for StoreHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let backend = match &self.backend {
            Backend::Inline(_) => "inline",
            #[cfg(not(target_arch = "wasm32"))]
            Backend::Worker(_) => "worker",
        };
        f.debug_struct("StoreHandle")
            .field("backend", &backend)
            .field("mirror", &self.mirror)
            .finish()
    }
}

impl StoreHandle {
    /// Moves `store` onto a worker thread (in a browser, or if no thread
    /// can start, keeps it here and saves inline).
    pub fn new(store: Store) -> StoreHandle {
        let mirror = Mirror::of(&store);
        #[cfg(not(target_arch = "wasm32"))]
        let backend = match Worker::start() {
            Some((worker, hand_over)) => match hand_over.send(store) {
                Ok(()) => Backend::Worker(worker),
                Err(mpsc::SendError(store)) => Backend::Inline(Box::new(store)),
            },
            None => Backend::Inline(Box::new(store)),
        };
        #[cfg(target_arch = "wasm32")]
        let backend = Backend::Inline(Box::new(store));
        StoreHandle { mirror, backend }
    }

    /// A handle that saves on the calling thread, for tools and tests that
    /// want each call to finish its save before it returns.
    pub fn inline(store: Store) -> StoreHandle {
        StoreHandle {
            mirror: Mirror::of(&store),
            backend: Backend::Inline(Box::new(store)),
        }
    }

    /// Whether saves run on a worker thread.
    pub fn is_background(&self) -> bool {
        !matches!(self.backend, Backend::Inline(_))
    }

    /// Lets the worker wake the window when a save has finished; set once.
    pub fn set_waker(&self, wake: Waker) {
        #[cfg(not(target_arch = "wasm32"))]
        if let Backend::Worker(worker) = &self.backend {
            // Set once; a second call has nothing to add.
            let _ = worker.waker.set(wake);
        }
        #[cfg(target_arch = "wasm32")]
        let _ = wake;
    }

    /// The data folder, if the store has one.
    pub fn dir(&self) -> Option<&Path> {
        self.mirror.dir.as_deref()
    }

    /// Whether changes reach the disk. False in memory-only mode.
    pub fn can_save(&self) -> bool {
        self.mirror.can_save
    }

    /// Messages for the learner about their data, oldest first.
    pub fn notices(&self) -> &[Notice] {
        &self.mirror.notices
    }

    pub fn settings(&self) -> &Settings {
        &self.mirror.settings
    }

    pub fn history(&self) -> &History {
        &self.mirror.history
    }

    /// The unfinished conversations to offer for resuming, oldest first.
    pub fn resumes(&self) -> &[Resume] {
        &self.mirror.unfinished.conversations
    }

    /// Forgets the notices once the learner has dismissed them.
    pub fn dismiss_notices(&mut self) {
        self.send(Command::DismissNotices);
    }

    /// Replaces the settings and saves them if they changed (so calling it
    /// every frame costs nothing). The text scale is clamped first.
    pub fn set_settings(&mut self, settings: Settings) {
        let mut settings = settings.sanitized();
        settings.version = SETTINGS_VERSION;
        if settings != self.mirror.settings {
            self.send(Command::Settings(settings));
        }
    }

    /// Adds or updates a session in the history and saves it, merged with
    /// what other windows recorded.
    pub fn record_session(&mut self, record: SessionRecord) {
        self.send(Command::Record(record));
    }

    /// Saves the conversation in progress for resuming.
    pub fn save_resume(&mut self, resume: Resume) {
        let mut resume = resume;
        resume.version = RESUME_VERSION;
        self.send(Command::SaveResume(resume));
    }

    /// Forgets one session's unfinished conversation.
    pub fn clear_resume(&mut self, session: &SessionId) {
        self.send(Command::ClearResume(session.clone()));
    }

    /// Changes the mirror at once and has the store make and save the
    /// same change.
    fn send(&mut self, command: Command) {
        self.mirror.apply(&command);
        match &mut self.backend {
            Backend::Inline(store) => {
                command.run(store);
                self.mirror = Mirror::of(store);
            }
            #[cfg(not(target_arch = "wasm32"))]
            Backend::Worker(worker) => {
                if !worker.send(command) {
                    // The worker is gone (it panicked): nothing saves any
                    // more, but the window goes on with what it has.
                    self.mirror.can_save = false;
                    let notice = Notice::new(
                        NoticeKind::CannotSave,
                        self.mirror.dir.clone(),
                        "Attune stopped saving (its saving thread ended). Your changes are kept \
                         only until Attune closes."
                            .to_string(),
                    );
                    if !self.mirror.notices.contains(&notice) {
                        self.mirror.notices.push(notice);
                    }
                }
            }
        }
    }

    /// Takes in what the worker has finished, without waiting. Returns
    /// whether the mirror changed. Call it at the start of each frame.
    pub fn poll(&mut self) -> bool {
        #[cfg(not(target_arch = "wasm32"))]
        if let Backend::Worker(worker) = &mut self.backend {
            let latest = worker.snapshots.try_iter().last();
            return latest.is_some_and(|s| self.take(s));
        }
        false
    }

    /// Waits until every save asked for so far has run, and takes in the
    /// result. The window never calls it (a save may wait for the lock);
    /// tests do, before they look at the disk.
    pub fn flush(&mut self) {
        #[cfg(not(target_arch = "wasm32"))]
        if let Backend::Worker(worker) = &mut self.backend {
            let mut latest = worker.snapshots.try_iter().last();
            let mut received = latest.as_ref().map_or(worker.received, |s| s.done);
            while received < worker.sent {
                match worker.snapshots.recv() {
                    Ok(snapshot) => {
                        received = snapshot.done;
                        latest = Some(snapshot);
                    }
                    Err(_) => break,
                }
            }
            if let Some(snapshot) = latest {
                self.take(snapshot);
            }
        }
    }

    /// Runs every pending save and stops the worker; later changes stay in
    /// memory. Called when the window closes (and on drop).
    pub fn close(&mut self) {
        #[cfg(not(target_arch = "wasm32"))]
        if let Backend::Worker(worker) = &mut self.backend {
            // Dropping the sender closes the queue: the worker runs what
            // is left in it, sends its last snapshot and ends.
            drop(worker.commands.take());
            if let Some(thread) = worker.thread.take() {
                let _ = thread.join();
            }
            if let Some(snapshot) = worker.snapshots.try_iter().last() {
                self.take(snapshot);
            }
        }
    }

    /// Takes in `snapshot` if it covers every command sent; returns
    /// whether the mirror changed.
    #[cfg(not(target_arch = "wasm32"))]
    fn take(&mut self, snapshot: Snapshot) -> bool {
        let Backend::Worker(worker) = &mut self.backend else {
            return false;
        };
        worker.received = worker.received.max(snapshot.done);
        let changed = snapshot.mirror != self.mirror;
        accept(&mut self.mirror, snapshot, worker.sent) && changed
    }
}

impl Drop for StoreHandle {
    fn drop(&mut self) {
        self.close();
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Worker {
    /// Starts the thread; it waits for the store on the returned sender.
    /// `None` when the system cannot start a thread.
    fn start() -> Option<(Worker, Sender<Store>)> {
        let (hand_over, store) = mpsc::channel::<Store>();
        let (commands, queue) = mpsc::channel();
        let (report, snapshots) = mpsc::channel();
        let waker: Arc<OnceLock<Waker>> = Arc::default();
        let thread_waker = Arc::clone(&waker);
        let thread = std::thread::Builder::new()
            .name("attune-store".into())
            .spawn(move || {
                if let Ok(store) = store.recv() {
                    serve(store, &queue, &report, &thread_waker);
                }
            })
            .ok()?;
        let worker = Worker {
            commands: Some(commands),
            snapshots,
            thread: Some(thread),
            sent: 0,
            received: 0,
            waker,
        };
        Some((worker, hand_over))
    }

    /// Numbers `command` and queues it; false when the worker is gone.
    fn send(&mut self, command: Command) -> bool {
        let Some(commands) = &self.commands else {
            return false;
        };
        if commands.send((self.sent + 1, command)).is_err() {
            return false;
        }
        self.sent += 1;
        true
    }
}

/// The worker's loop: takes every queued command, runs those a later one
/// does not make moot, then reports the store's state once per batch and
/// wakes the window. Ends when the handle closes the queue, after running
/// what was left in it.
#[cfg(not(target_arch = "wasm32"))]
fn serve(
    mut store: Store,
    queue: &Receiver<(u64, Command)>,
    report: &Sender<Snapshot>,
    waker: &OnceLock<Waker>,
) {
    while let Ok((mut done, first)) = queue.recv() {
        let mut batch = vec![first];
        while let Ok((number, command)) = queue.try_recv() {
            batch.push(command);
            done = number;
        }
        for command in coalesced(batch) {
            command.run(&mut store);
        }
        let snapshot = Snapshot {
            done,
            mirror: Mirror::of(&store),
        };
        if report.send(snapshot).is_err() {
            return;
        }
        if let Some(wake) = waker.get() {
            wake();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Theme;

    fn dark() -> Mirror {
        let mut mirror = Mirror::default();
        mirror.settings.theme = Theme::Dark;
        mirror
    }

    fn resume(session: &str) -> Resume {
        let library = crate::library::Library::shipped();
        let scenario = library.scenarios().next().expect("a shipped scenario");
        let conversation = crate::engine::Conversation::new(scenario, 1).expect("it starts");
        Resume::new(
            SessionId(session.to_string()),
            jiff::Timestamp::UNIX_EPOCH,
            conversation,
        )
    }

    /// A command in a few words, to compare batches.
    fn name(command: &Command) -> String {
        match command {
            Command::Settings(s) => format!("settings {:?}", s.theme),
            Command::Record(r) => format!("record {}", r.id.as_str()),
            Command::SaveResume(r) => format!("save {}", r.session.as_str()),
            Command::ClearResume(s) => format!("clear {}", s.as_str()),
            Command::DismissNotices => "dismiss".to_string(),
        }
    }

    #[test]
    fn a_batch_keeps_only_the_last_change_of_each_thing_in_order() {
        let high = Settings {
            theme: Theme::HighContrast,
            ..Settings::default()
        };
        let batch = vec![
            Command::SaveResume(resume("a")),
            Command::Settings(Settings::default()),
            Command::SaveResume(resume("b")),
            Command::DismissNotices,
            Command::SaveResume(resume("a")),
            Command::ClearResume(SessionId("b".to_string())),
            Command::Settings(high),
            Command::DismissNotices,
        ];
        let kept: Vec<String> = coalesced(batch).iter().map(name).collect();
        assert_eq!(
            kept,
            [
                "dismiss",
                "save a",
                "clear b",
                "settings HighContrast",
                "dismiss"
            ]
        );
    }

    #[test]
    fn a_snapshot_older_than_a_pending_command_is_dropped() {
        let mut mirror = dark();
        let stale = Snapshot {
            done: 1,
            mirror: Mirror::default(),
        };
        assert!(!accept(&mut mirror, stale, 2));
        assert_eq!(mirror.settings.theme, Theme::Dark, "the newer change stays");
    }

    #[test]
    fn a_snapshot_covering_every_command_replaces_the_mirror() {
        let mut mirror = Mirror::default();
        let fresh = Snapshot {
            done: 2,
            mirror: dark(),
        };
        assert!(accept(&mut mirror, fresh, 2));
        assert_eq!(mirror, dark());
    }
}
