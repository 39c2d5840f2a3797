//! The desktop app: library, briefing, conversation, debrief, history and
//! settings, drawn with egui.
//!
//! Every screen is a function of [`AppState`] that returns [`Action`]s; the
//! app applies them in one place ([`AppState::apply`]) after drawing. The
//! engine, the debrief and the store know nothing about egui.
//!
//! # Rooms
//!
//! The rooms stand in layers; each imports only from the rooms below it:
//!
//! 1. `state/`: the model, no drawing: [`Screen`], [`Action`], [`AppState`]
//!    and its reducers, the catalogue of cards (each named by a
//!    [`state::catalogue::CardId`], never by its place in the list), the
//!    session, comparing and exporting, and each concern's own state: the
//!    map's layout and camera (`state/map/`), the classroom session
//!    (`state/presenter/`), full screen and the shortcut sheet
//!    (`state/window.rs`), and reloads (`state/authoring.rs`).
//! 2. `commands/`: the one table of commands: every key, where it works,
//!    and the words the sheet, buttons and tooltips show for it.
//! 3. `widgets/`: pieces several screens share, the theme and the portrait.
//! 4. `map/` and `presenter/`: the scenario map's views, and classroom
//!    mode's views.
//! 5. `screens/`: one file per screen the user sees.
//! 6. `authoring/`: watching dialogue folders for saved files.
//! 7. `shell/`: the window and what surrounds every screen: reading the
//!    keys once a frame, the top bar, notices, the shortcut sheet, the
//!    icon, start-up and frame control.
//!
//! # Who changes what
//!
//! The per-concern models (`MapState`/`MapAction`,
//! `Presenter`/`PresenterAction`, `Window`/`WindowAction`,
//! `Authoring`/`WatchStatus`, the catalogue and the session) import
//! neither [`AppState`] nor [`Action`]. Each concern changes in one place,
//! and [`AppState::apply`] is the only caller:
//!
//! - navigation, briefing, the conversation, the debrief, export, resume,
//!   opening and closing the map, notices, settings: [`AppState::apply`]
//!   in `state/mod.rs`;
//! - presenter mode: `AppState::apply_presenter` in
//!   `state/presenter/apply.rs`;
//! - a reloaded dialogue file: `reload` in `state/reload.rs`;
//! - the map view (camera, selection): [`state::map::MapState::apply`];
//! - full screen and the shortcut sheet: [`state::window::Window::apply`].

pub mod authoring;
pub mod commands;
pub mod map;
pub mod presenter;
mod screens;
pub mod shell;
pub mod state;
pub mod widgets;

pub use shell::app::{APP_ID, AttuneApp};
#[cfg(not(target_arch = "wasm32"))]
pub use shell::run::{RunError, run, run_with};
pub use state::action::Action;
pub use state::screen::Screen;
pub use state::{AppState, Options};
