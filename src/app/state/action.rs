//! Everything a screen can ask for. Screens return actions; only
//! [`crate::app::state::AppState::apply`] changes the state.

use std::path::PathBuf;

use super::catalogue::CardId;
use super::library_filter::FilterAction;
use super::loaded_file::LoadedFile;
use super::screen::Screen;
use crate::app::state::authoring::WatchStatus;
use crate::app::state::map::MapAction;
use crate::app::state::presenter::PresenterAction;
use crate::app::state::window::WindowAction;
use crate::store::{SessionId, Settings};

/// One request from the user.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Navigate(Screen),
    /// Show the briefing of this card.
    OpenBriefing(CardId),
    /// Start the scenario of this card. With an unfinished conversation in
    /// this window, asks first.
    Start(CardId),
    /// Start the card waiting in `pending_start`, ending the unfinished one.
    ConfirmStart,
    /// Keep the unfinished conversation; start nothing.
    CancelStart,
    /// Pick an option by id in the conversation.
    Choose(String),
    Undo,
    /// Ask to go back to just before this turn (0-based); needs confirming.
    AskRewind(usize),
    ConfirmRewind,
    CancelRewind,
    /// Open the debrief of the current conversation.
    OpenDebrief,
    /// Start a new branch from just before this turn of the debriefed
    /// conversation.
    TryAgainFrom(usize),
    ExportReport,
    /// Show the debrief of a past session from the history again, replayed
    /// from its seed and choices.
    OpenPast(SessionId),
    /// Open the folder a report was saved in.
    ShowInFolder(PathBuf),
    /// Continue this session's conversation, left unfinished in this or
    /// another window.
    Resume(SessionId),
    /// Forget this session's unfinished conversation.
    DiscardUnfinished(SessionId),
    UpdateSettings(Settings),
    /// Show a message in the notice area.
    Notice(String),
    /// Hide the notices about data files and errors.
    DismissNotices,
    /// Presenter mode and the classroom controls.
    Presenter(PresenterAction),
    /// Full screen and the shortcut sheet.
    Window(WindowAction),
    /// Open the map of this card.
    OpenMap(CardId),
    /// Leave the map for the screen it was opened from.
    CloseMap,
    /// Pan, zoom or select on the open map.
    Map(MapAction),
    /// A dialogue file changed on disk: load and validate it again (here,
    /// on this thread; the watcher sends `Reloaded` instead).
    Reload(PathBuf),
    /// A changed dialogue file, already loaded and validated on the
    /// watcher's thread: swap it in.
    Reloaded(LoadedFile),
    /// Open the browser's file picker for a dialogue file (the shell does
    /// it; the state has nothing to change).
    PickFile,
    /// A dialogue file handed over whole (dropped on the window or picked
    /// in a browser): check it and add it to the library.
    AddFile {
        name: String,
        bytes: Vec<u8>,
    },
    /// Take in what finished off the window's thread since the last frame:
    /// the store's saves and a report export. The shell sends it at the
    /// start of each frame; it never waits.
    TakeFinished,
    /// A dialogue file dropped on the desktop window, already read and
    /// checked on another thread: add it as `AddFile` would.
    AddLoaded(LoadedFile),
    /// The file watcher started, stopped or failed.
    Watch(WatchStatus),
    /// Search or filter the library.
    Library(FilterAction),
    /// A typed reply: send it, settle on an option, or type again.
    Typed(TypedAction),
}

/// What the typed-reply box and the "I heard this as" panel ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum TypedAction {
    /// Code this reply against the options on offer.
    Submit(String),
    /// Settle on the option at this index of the options on offer; the
    /// peer reacts to it.
    Confirm(usize),
    /// Drop what was heard and type again.
    Retype,
    /// Characters of this script were typed or pasted that the fonts
    /// cannot draw; they were left out of the box.
    CannotDraw(String),
}
