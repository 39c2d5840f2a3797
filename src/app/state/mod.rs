//! The model of the app, with no drawing: the screens, the actions, the
//! catalogue of cards, the session, and [`AppState`] with the one place
//! that changes it, [`AppState::apply`]. The reducers of the presenter
//! (`presenter.rs`) and of a reloaded file (`reload.rs`) are its own, and
//! only `apply` calls them.

/// Everything a screen can ask for, and the screens.
pub mod action;
pub mod authoring;
/// The library prepared for display.
pub mod catalogue;
/// Two paths through one scenario, for comparing.
pub mod compare;
/// Writing reports to the learner's folders.
pub mod export;
/// The library's search and filters.
pub mod library_filter;
/// The order the library lists scenarios in.
pub mod library_order;
/// A changed dialogue file, loaded off the window's thread.
pub mod loaded_file;
pub mod map;
/// The app's notices, one per problem.
pub mod notices;
pub mod presenter;
mod reload;
/// The screens.
pub mod screen;
/// The conversation in progress.
pub mod session;
pub mod typing;
pub mod window;

use std::path::PathBuf;

use jiff::Timestamp;

use crate::debrief::Debrief;
use crate::engine::Conversation;
use crate::scenario::Scenario;
use crate::store::{SessionId, SessionRecord, Store, StoreHandle};
use action::Action;
use authoring::{Authoring, Replay};
use catalogue::{CardId, Catalogue};
use compare::Branches;
use library_filter::LibraryView;
use map::MapState;
use notices::Notices;
use presenter::Presenter;
use screen::Screen;
use session::Session;
use window::Window;

/// The conversation being played and the card it came from.
#[derive(Debug)]
pub struct Active {
    pub card: CardId,
    pub session: Session,
    /// The typed reply in progress and the typed turns so far.
    pub typing: typing::Typing,
}

/// Where the last report export went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportStatus {
    /// Being written on its own thread.
    Writing,
    Written(PathBuf),
    Failed(String),
}

/// A debrief being read: the conversation it explains, frozen.
#[derive(Debug)]
pub struct Review {
    pub card: CardId,
    pub conversation: Conversation,
    pub debrief: Debrief,
    pub export: Option<ExportStatus>,
    /// What was typed at each turn, where the learner typed.
    pub typed: Vec<Option<crate::typed::TypedTurn>>,
}

/// How the app was started; tests inject all of it.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Where settings and history live; `None` means the per-user data
    /// folder.
    pub data_dir: Option<PathBuf>,
    /// Where reports go; `None` means the documents folder, else the data
    /// folder.
    pub export_dir: Option<PathBuf>,
    /// Every conversation uses this seed; `None` draws a fresh one.
    pub seed: Option<u64>,
    /// The id of a scenario, or the path of a dialogue file in the
    /// library, to start at once (`attune --open`), so a desktop shortcut
    /// can go straight into a class session.
    pub open: Option<String>,
    /// Start in presenter mode (`attune --presenter`).
    pub presenter: bool,
    /// Start room votes with presenter mode (`attune --room-votes`).
    pub room_votes: bool,
    /// Where and how room votes serve (`--room-bind`, `--room-port`,
    /// `--room-code`); by default the room's network, a free port and a
    /// random code.
    pub room: crate::room::RoomConfig,
    /// Re-validate and reload dialogue files when they change on disk
    /// (`attune --watch`).
    pub watch: bool,
    /// Render this many frames, then close (`attune --exit-after-frames`);
    /// for start-up benchmarks and smoke tests.
    pub exit_after_frames: Option<u64>,
    /// Save the first complete frame as a PNG here, then close
    /// (`attune --screenshot`).
    pub screenshot: Option<PathBuf>,
    /// The user's dialogue folders (`attune --dialogues`); with watching
    /// on, files saved or added there are loaded at once.
    pub dialogue_dirs: Vec<PathBuf>,
    /// Notices found before the app existed (a repaired window file), shown
    /// once it starts.
    pub startup_notices: Vec<String>,
}

#[derive(Debug)]
pub struct AppState {
    pub screen: Screen,
    pub catalogue: Catalogue,
    /// Settings, history and the unfinished conversation: read from an
    /// in-memory mirror, saved on the store's own thread.
    pub store: StoreHandle,
    pub active: Option<Active>,
    pub review: Option<Review>,
    /// The card whose briefing is open.
    pub briefing: Option<CardId>,
    /// A rewind waiting for the learner's confirmation.
    pub pending_rewind: Option<usize>,
    /// A start that would end this window's unfinished conversation,
    /// waiting for the learner's confirmation.
    pub pending_start: Option<CardId>,
    /// Messages from the app itself (the store keeps its own).
    pub notices: Notices,
    /// Presenter mode; not saved.
    pub presenter: Presenter,
    /// Full screen and the shortcut sheet; not saved.
    pub window: Window,
    /// The path the current conversation branched from, for comparing.
    pub branches: Branches,
    /// The open scenario map; kept when leaving it, so its layout is
    /// computed once per scenario.
    pub map: Option<MapState>,
    /// File watching and reloads.
    pub authoring: Authoring,
    /// The library's search and filters; not saved.
    pub library: LibraryView,
    /// Unused in a browser, which downloads reports instead.
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    export_dir: Option<PathBuf>,
    /// The report being written on its own thread.
    #[cfg(not(target_arch = "wasm32"))]
    exporting: export::Exporting,
    seed: Option<u64>,
}

impl AppState {
    pub fn new(catalogue: Catalogue, store: Store, options: &Options) -> Self {
        let mut state = AppState {
            screen: Screen::Library,
            catalogue,
            store: StoreHandle::new(store),
            active: None,
            review: None,
            briefing: None,
            pending_rewind: None,
            pending_start: None,
            notices: Notices::default(),
            presenter: Presenter {
                active: options.presenter,
                room: presenter::RoomVotes {
                    on: options.presenter && options.room_votes,
                    explained: options.room_votes,
                    ..presenter::RoomVotes::default()
                },
                ..Presenter::default()
            },
            // A projector wants the whole screen from the first frame.
            window: Window {
                fullscreen: options.presenter,
                ..Window::default()
            },
            branches: Branches::default(),
            map: None,
            authoring: Authoring::new(options.watch, options.dialogue_dirs.clone()),
            library: LibraryView::default(),
            export_dir: options.export_dir.clone(),
            #[cfg(not(target_arch = "wasm32"))]
            exporting: export::Exporting::default(),
            seed: options.seed,
        };
        state.catalogue.refresh_best(state.store.history());
        if let Some(id) = &options.open {
            let card = state
                .catalogue
                .id_of_file(std::path::Path::new(id))
                .or_else(|| state.catalogue.id_of(id));
            match card {
                Some(card) => state.start(card),
                None => state.notices.push(format!(
                    "There is no playable scenario \u{201c}{id}\u{201d} to open; the library \
                     lists every scenario, and a broken file shows its errors on its card."
                )),
            }
        }
        state
    }

    /// The scenario of the conversation in progress.
    pub fn active_scenario(&self) -> Option<(&Active, &Scenario)> {
        let active = self.active.as_ref()?;
        Some((active, self.catalogue.scenario(active.card)?))
    }

    pub fn review_scenario(&self) -> Option<(&Review, &Scenario)> {
        let review = self.review.as_ref()?;
        Some((review, self.catalogue.scenario(review.card)?))
    }

    /// Every message to show: the store's first, then the app's.
    pub fn all_notices(&self) -> Vec<String> {
        self.store
            .notices()
            .iter()
            .map(|n| n.message.clone())
            .chain(self.notices.iter().cloned())
            .collect()
    }

    /// Applies every action in order.
    pub fn apply_all(&mut self, actions: impl IntoIterator<Item = Action>) {
        for action in actions {
            self.apply(action);
        }
    }

    /// The one place state changes.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Navigate(screen) => self.navigate(screen),
            Action::OpenBriefing(card) => {
                if self.catalogue.playable(card).is_some() {
                    self.briefing = Some(card);
                    self.screen = Screen::Briefing;
                }
            }
            Action::Start(card) if self.unfinished_here().is_some() => {
                self.pending_start = Some(card);
            }
            Action::Start(card) => self.start(card),
            Action::ConfirmStart => {
                if let Some(card) = self.pending_start.take() {
                    self.start(card);
                }
            }
            Action::CancelStart => self.pending_start = None,
            Action::Choose(option) => {
                let chosen = match &mut self.active {
                    Some(active) => match self.catalogue.scenario(active.card) {
                        Some(scenario) => active.session.choose(scenario, &option),
                        None => false,
                    },
                    None => false,
                };
                if chosen {
                    self.save_active();
                }
            }
            Action::Undo => {
                if self.active.as_mut().is_some_and(|a| a.session.undo()) {
                    self.pending_rewind = None;
                    self.forget_taken_back();
                    self.save_active();
                }
            }
            Action::AskRewind(turn) => self.pending_rewind = Some(turn),
            Action::CancelRewind => self.pending_rewind = None,
            Action::ConfirmRewind => {
                if let (Some(turn), Some(active)) = (self.pending_rewind.take(), &mut self.active) {
                    active.session.rewind(turn);
                    active.forget_taken_back();
                    self.save_active();
                }
            }
            Action::Typed(action) => self.apply_typed(action),
            Action::OpenDebrief => self.open_debrief(),
            Action::TryAgainFrom(turn) => self.try_again_from(turn),
            Action::ExportReport => self.export_report(),
            Action::OpenPast(id) => self.open_past(&id),
            Action::ShowInFolder(path) => {
                if let Err(e) = export::show_in_folder(&path) {
                    self.notices.push(format!(
                        "The folder could not be opened ({e}); the report is at {}.",
                        path.display()
                    ));
                }
            }
            Action::Resume(session) => self.resume(&session),
            Action::DiscardUnfinished(session) => {
                // A failure becomes a store notice; nothing else to do.
                self.store.clear_resume(&session);
            }
            Action::UpdateSettings(settings) => {
                self.store.set_settings(settings);
            }
            Action::Notice(message) => {
                self.notices.push(message);
            }
            Action::DismissNotices => {
                self.store.dismiss_notices();
                self.notices.clear();
            }
            Action::Presenter(action) => self.apply_presenter(action),
            Action::Window(action) => self.window.apply(action),
            Action::OpenMap(card) => self.open_map(card),
            Action::CloseMap => {
                let back = self.map.as_ref().map_or(Screen::Library, |m| m.from);
                self.navigate(back);
                if self.screen == Screen::Map {
                    self.screen = Screen::Library;
                }
            }
            Action::Map(action) => {
                if let Some(map) = &mut self.map {
                    map.apply(action);
                }
            }
            Action::Reload(path) => self.reload(&path),
            Action::Reloaded(file) => self.swap_in(file),
            Action::AddFile { name, bytes } => self.add_file(&name, &bytes),
            Action::AddLoaded(file) => self.add_loaded(file),
            // The shell opens the picker; the file comes back as `AddFile`.
            Action::PickFile => {}
            Action::Watch(status) => self.authoring.status = status,
            Action::TakeFinished => self.take_finished(),
            Action::Library(action) => self.library.apply(action),
        }
    }

    /// Lets work done off the window's thread wake it when it finishes.
    pub fn set_waker(&mut self, wake: crate::store::Waker) {
        self.store.set_waker(wake.clone());
        #[cfg(not(target_arch = "wasm32"))]
        self.exporting.set_waker(wake);
    }

    /// Takes in finished saves and exports, never waiting.
    fn take_finished(&mut self) {
        if self.store.poll() {
            self.catalogue.refresh_best(self.store.history());
        }
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(status) = self.exporting.poll() {
            self.export_finished(status);
        }
    }

    /// Waits for every save asked for so far and the report being written,
    /// and takes them in. The window never calls it; tests do, before they
    /// look at the disk.
    pub fn flush(&mut self) {
        self.store.flush();
        self.take_finished();
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(status) = self.exporting.wait() {
            self.export_finished(status);
        }
    }

    /// Shows where the report went, on the debrief that asked for it.
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    fn export_finished(&mut self, status: ExportStatus) {
        if let Some(review) = &mut self.review
            && review.export == Some(ExportStatus::Writing)
        {
            review.export = Some(status);
        }
    }

    /// What the loader of changed files needs to know of the library.
    pub fn reload_listing(&self) -> loaded_file::Listing {
        reload::listing(self)
    }

    /// Reloads a changed file here, reading it on this thread.
    fn reload(&mut self, path: &std::path::Path) {
        let report = reload::reload(self, path);
        self.reloaded(report);
    }

    /// Swaps in a changed file loaded on the watcher's thread.
    fn swap_in(&mut self, file: loaded_file::LoadedFile) {
        let report = reload::swap_in(self, file);
        self.reloaded(report);
    }

    /// Saves the conversation in progress when a reload rebuilt it.
    fn reloaded(&mut self, report: Option<authoring::ReloadReport>) {
        if report.is_some_and(|r| matches!(r.replay, Some(Replay::Rebuilt { .. }))) {
            self.save_active();
        }
    }

    /// Opens the map of a card's scenario, reusing the layout when the
    /// same scenario was mapped before.
    fn open_map(&mut self, card: CardId) {
        let Some(scenario) = self.catalogue.scenario(card) else {
            return;
        };
        let from = match self.screen {
            Screen::Map => self.map.as_ref().map_or(Screen::Library, |m| m.from),
            screen => screen,
        };
        match &mut self.map {
            Some(map) if map.card == card => map.from = from,
            _ => {
                let ids = self.authoring.wants_watch(self.store.settings());
                self.map = Some(MapState::new(card, from, scenario, ids));
            }
        }
        self.screen = Screen::Map;
        self.pending_rewind = None;
    }

    fn navigate(&mut self, screen: Screen) {
        let allowed = match screen {
            Screen::Conversation => self.active.is_some(),
            Screen::Debrief => self.review.is_some(),
            Screen::Briefing => self.briefing.is_some(),
            Screen::Map => self.map.is_some(),
            Screen::Library | Screen::History | Screen::Settings | Screen::Problems => true,
        };
        if allowed {
            self.screen = screen;
            self.pending_rewind = None;
        }
    }

    fn next_seed(&self) -> u64 {
        self.seed.unwrap_or_else(rand::random)
    }

    /// The library shows a banner: a conversation in progress here, or one
    /// left unfinished that can be resumed.
    pub fn has_banner(&self) -> bool {
        let in_progress = self
            .active_scenario()
            .is_some_and(|(a, s)| !a.session.conversation.is_finished(s));
        let active = self.active.as_ref().map(|a| &a.session.id);
        in_progress
            || self
                .store
                .resumes()
                .iter()
                .any(|r| Some(&r.session) != active && !r.conversation.turns().is_empty())
    }

    /// The latest conversation left unfinished (at the last exit, or in
    /// another window) that could be resumed, when none is in progress
    /// here: the Conversation tab offers it.
    pub fn resumable(&self) -> Option<&crate::store::Resume> {
        if self.active.is_some() {
            return None;
        }
        self.store
            .resumes()
            .iter()
            .filter(|r| !r.conversation.turns().is_empty())
            .max_by_key(|r| r.started)
    }

    /// This window's conversation, when it has choices in it and no ending
    /// yet: starting another would end it, so the learner is asked first.
    pub fn unfinished_here(&self) -> Option<&Active> {
        self.active.as_ref().filter(|a| {
            let finished = self
                .catalogue
                .scenario(a.card)
                .is_none_or(|s| a.session.conversation.is_finished(s));
            !finished && !a.session.conversation.turns().is_empty()
        })
    }

    fn start(&mut self, card: CardId) {
        let Some(scenario) = self.catalogue.scenario(card) else {
            return;
        };
        self.branches.clear();
        match Conversation::new(scenario, self.next_seed()) {
            Ok(conversation) => {
                let session = Session::new(scenario.id.clone(), conversation);
                self.begin(card, session);
            }
            Err(e) => self.notices.push(format!(
                "{} could not start: {e}.",
                crate::text::quoted(&scenario.title)
            )),
        }
    }

    /// Makes `session` the conversation in progress. One left unfinished
    /// in this window is kept in the history as unfinished and no longer
    /// offered for resuming; other windows' unfinished ones stay.
    fn begin(&mut self, card: CardId, session: Session) {
        if let Some(previous) = self.active.take() {
            self.record(&previous);
            if previous.session.id != session.id {
                self.store.clear_resume(&previous.session.id);
            }
        }
        self.active = Some(Active {
            card,
            session,
            typing: typing::Typing::default(),
        });
        self.pending_rewind = None;
        self.screen = Screen::Conversation;
        self.save_active();
    }

    /// Writes the session to history if it has any choices. Failures
    /// become store notices.
    fn record(&mut self, active: &Active) {
        let Some(scenario) = self.catalogue.scenario(active.card) else {
            return;
        };
        if active.session.conversation.turns().is_empty() {
            return;
        }
        let record = SessionRecord::from_conversation(
            active.session.id.clone(),
            active.session.started,
            scenario,
            &active.session.conversation,
        );
        self.store.record_session(record);
        self.catalogue.refresh_best(self.store.history());
    }

    /// Keeps the saved copy of the conversation in step: a finished one
    /// goes to history, an unfinished one is saved for resuming.
    fn save_active(&mut self) {
        let Some(active) = self.active.take() else {
            return;
        };
        if let Some(scenario) = self.catalogue.scenario(active.card) {
            if active.session.conversation.is_finished(scenario) {
                self.record(&active);
                self.store.clear_resume(&active.session.id);
            } else if active.session.conversation.turns().is_empty() {
                // Nothing chosen yet: nothing worth resuming.
                self.store.clear_resume(&active.session.id);
            } else {
                self.store.save_resume(active.session.to_resume());
            }
        }
        self.active = Some(active);
    }

    fn open_debrief(&mut self) {
        let Some((active, scenario)) = self.active_scenario() else {
            return;
        };
        let conversation = active.session.conversation.clone();
        let debrief = Debrief::build(scenario, &conversation);
        let typed = active.typing.per_turn(conversation.turns().len());
        self.review = Some(Review {
            card: active.card,
            conversation,
            debrief,
            export: None,
            typed,
        });
        self.screen = Screen::Debrief;
    }

    /// The debrief of a past session, replayed from its seed and choices,
    /// so it can be read and exported again.
    fn open_past(&mut self, id: &SessionId) {
        let Some(record) = self.store.history().sessions().iter().find(|s| &s.id == id) else {
            return;
        };
        let title = crate::text::quoted(record.title());
        let replayed = self.catalogue.id_of(&record.scenario_id).and_then(|card| {
            let scenario = self.catalogue.scenario(card)?;
            Some((
                card,
                Conversation::replay(scenario, record.seed, &record.choices),
            ))
        });
        match replayed {
            Some((card, Ok(conversation))) => {
                let Some(scenario) = self.catalogue.scenario(card) else {
                    return;
                };
                let debrief = Debrief::build(scenario, &conversation);
                // Typed replies are not kept in the history: the past
                // debrief shows the options they settled on.
                self.review = Some(Review {
                    card,
                    conversation,
                    debrief,
                    export: None,
                    typed: Vec::new(),
                });
                self.screen = Screen::Debrief;
            }
            Some((_, Err(e))) => self.notices.push(format!(
                "The session of {title} cannot be shown again, because the scenario has \
                 changed since ({e})."
            )),
            None => self.notices.push(format!(
                "The session of {title} cannot be shown again: its scenario is no longer in \
                 the library."
            )),
        }
    }

    fn try_again_from(&mut self, turn: usize) {
        let Some((review, scenario)) = self.review_scenario() else {
            return;
        };
        let mut conversation = review.conversation.clone();
        conversation.rewind(turn);
        let session = Session::new(scenario.id.clone(), conversation);
        let card = review.card;
        let previous = review.conversation.clone();
        self.branches.keep(&previous);
        self.begin(card, session);
    }

    /// Loads a handed-over dialogue file and says what came of it: the
    /// problems screen when it has errors, a notice otherwise.
    fn add_file(&mut self, name: &str, bytes: &[u8]) {
        let report = reload::add_file(self, name, bytes);
        self.added(name, report);
    }

    /// Adds a dropped file read and checked on another thread.
    fn add_loaded(&mut self, file: loaded_file::LoadedFile) {
        let name = file.path.display().to_string();
        let report = reload::swap_in(self, file);
        self.added(&name, report);
    }

    /// Says what came of a handed-over file.
    fn added(&mut self, name: &str, report: Option<authoring::ReloadReport>) {
        let Some(report) = report else {
            return;
        };
        if matches!(report.replay, Some(Replay::Rebuilt { .. })) {
            self.save_active();
        }
        if report.errors > 0 {
            self.navigate(Screen::Problems);
        } else {
            let what = if report.added {
                "added to"
            } else {
                "updated in"
            };
            self.notices
                .push(format!("{name} was checked and {what} the library."));
        }
    }

    fn export_report(&mut self) {
        let Some((review, scenario)) = self.review_scenario() else {
            return;
        };
        let html = crate::debrief::report::html(scenario, &review.debrief);
        let name = export::file_name(&scenario.id, Timestamp::now());
        // A page has no folders: the browser offers the report as a download.
        #[cfg(target_arch = "wasm32")]
        let status = match crate::web::browser::download(&name, "text/html", html.as_bytes()) {
            Ok(()) => ExportStatus::Written(PathBuf::from(&name)),
            Err(why) => ExportStatus::Failed(why),
        };
        #[cfg(not(target_arch = "wasm32"))]
        let status = {
            let data_dir = self.store.dir().map(std::path::Path::to_path_buf);
            let job = export::Job {
                dir: self.export_dir.clone(),
                data_dir,
                name,
                html,
            };
            self.exporting.start(job)
        };
        if let Some(review) = &mut self.review {
            review.export = Some(status);
        }
    }

    fn resume(&mut self, session: &SessionId) {
        let Some(saved) = self
            .store
            .resumes()
            .iter()
            .find(|r| &r.session == session)
            .cloned()
        else {
            return;
        };
        let Some(card) = self.catalogue.id_of(&saved.scenario_id) else {
            self.notices.push(format!(
                "The unfinished conversation uses the scenario \u{201c}{}\u{201d}, which is no \
                 longer in the library.",
                saved.scenario_id
            ));
            return;
        };
        let Some(scenario) = self.catalogue.scenario(card) else {
            return;
        };
        // Replaying the choices, rather than trusting the saved state,
        // survives edits to the scenario file since the last run.
        let choices = saved.conversation.choices();
        match Conversation::replay(scenario, saved.conversation.seed, &choices) {
            Ok(conversation) => {
                let session = Session::resumed(&saved, conversation);
                self.begin(card, session);
            }
            Err(e) => self.notices.push(format!(
                "The unfinished conversation of {} could not be resumed, because \
                 the scenario has changed since ({e}).",
                crate::text::quoted(&scenario.title)
            )),
        }
    }
}
