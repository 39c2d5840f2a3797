//! Presenter mode's state: what the classroom session shows (trust meter,
//! notes, the discussion pause, the walkthrough page) and the one place it
//! changes (`apply`, called only from [`super::AppState::apply`]).
//!
//! Everything here is session state: nothing is written to the learner's
//! settings, so leaving presenter mode gives back their own theme and size.

mod apply;
/// The discussion pause at a decision: votes, reveal, the room's choice.
pub mod discussion;
/// Room votes: the phone server as the app sees it.
pub mod room;
/// The debrief as a sequence of pages, one turn per page.
pub mod walkthrough;

pub use discussion::Discussion;
pub use room::{RoomStatus, RoomVotes};

use crate::store::{Settings, Theme};

/// Text is scaled so that body text is about this tall, in points, on a
/// 1080-line screen; smaller screens get proportionally smaller text.
const BODY_AT_1080: f32 = 30.0;
/// The app's body text size at a text scale of 1.0 (see `theme`).
const BASE_BODY: f32 = 16.0;
/// Presenter text never gets smaller than this scale, even in a small window.
const MIN_SCALE: f32 = 1.25;

/// The classroom state of one run of the app. Transient: never saved.
#[derive(Clone, Debug, PartialEq)]
pub struct Presenter {
    /// Presenter mode is on.
    pub active: bool,
    /// The theme while presenting; high contrast unless the facilitator
    /// picks another for this session.
    pub theme: Theme,
    /// The trust meter is shown on the stage (hidden by default, so the
    /// room reads the peer rather than a number).
    pub show_trust: bool,
    /// The facilitator notes panel is shown.
    pub show_notes: bool,
    /// The discussion pause, while one is open.
    pub discussion: Option<Discussion>,
    /// The page of the debrief walkthrough being shown.
    pub page: usize,
    /// Votes from phones on the room's network.
    pub room: RoomVotes,
    /// A branch off before this turn (0-based), waiting for the
    /// facilitator's confirmation.
    pub pending_branch: Option<usize>,
    /// The last discussion round handed out; each pause and each reset
    /// takes the next, so phones can tell one vote from the next.
    pub rounds: u64,
}

impl Default for Presenter {
    fn default() -> Self {
        Presenter {
            active: false,
            theme: Theme::HighContrast,
            show_trust: false,
            show_notes: false,
            discussion: None,
            page: 0,
            room: RoomVotes::default(),
            pending_branch: None,
            rounds: 0,
        }
    }
}

/// Everything the classroom controls can ask for. Applied by
/// `AppState::apply_presenter` (`src/app/state/presenter.rs`).
#[derive(Clone, Debug, PartialEq)]
pub enum PresenterAction {
    /// Turn presenter mode on or off (F5).
    Toggle,
    /// Use another theme while presenting (this session only).
    SetTheme(Theme),
    ToggleTrust,
    ToggleNotes,
    /// The clicker's forward button: whatever comes next on this screen.
    Next,
    /// The clicker's back button.
    Back,
    OpenDiscussion,
    CloseDiscussion,
    /// One more vote for the option at this display position.
    Vote(usize),
    ResetVotes,
    /// Show or hide each option's skills and likely effect.
    ToggleReveal,
    /// Mark the option at this display position as the room's choice.
    Select(usize),
    /// Move the room's choice up (-1) or down (+1) the list.
    MoveSelection(i32),
    /// Commit the room's choice.
    Commit,
    /// Open the debrief walkthrough at its first page.
    OpenWalkthrough,
    /// Show this page of the walkthrough.
    Page(usize),
    /// Ask before branching off before this turn (0-based): a branch
    /// leaves the debrief, so a stray key must not do it.
    AskBranch(usize),
    /// Branch off at the turn asked about; this path is kept for comparison.
    ConfirmBranch,
    /// Stay on the walkthrough.
    CancelBranch,
    /// Branch off before this turn (0-based) and play `option` there; the
    /// path so far is kept for comparison.
    PlayInstead {
        turn: usize,
        option: String,
    },
    /// The "Room votes" control: stop the phone server, or start it (the
    /// first time, after explaining it).
    RoomVotes,
    /// Start room votes after reading the explanation.
    ConfirmRoomVotes,
    /// Close the explanation without starting.
    CancelRoomVotes,
    /// The server is serving at `url` with `code` (from the shell).
    RoomStarted {
        url: String,
        code: String,
    },
    /// The server could not start (from the shell).
    RoomFailed(String),
    /// The phones' latest tally (from the shell).
    RoomTally(crate::room::Tally),
}

/// The settings the screen is drawn with: the learner's own, or in
/// presenter mode a session theme and a text size that reads from the
/// back of a room. `height` is the window height in unzoomed points.
pub fn effective_settings(settings: &Settings, presenter: &Presenter, height: f32) -> Settings {
    if !presenter.active {
        return settings.clone();
    }
    let mut shown = settings.clone();
    shown.theme = presenter.theme;
    shown.set_text_scale(presenter_scale(height));
    shown
}

/// The text scale for a window `height` points tall. Body text comes out
/// a whole number of points, so rows stay on the pixel grid and small
/// resizes do not rebuild the style.
pub fn presenter_scale(height: f32) -> f32 {
    let body = BODY_AT_1080 * height / 1080.0;
    let body = if body.is_finite() { body } else { 0.0 };
    (body.round() / BASE_BODY).max(MIN_SCALE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presenter_text_is_about_thirty_points_at_1080_lines() {
        let body = BASE_BODY * presenter_scale(1080.0);
        assert!((28.0..=32.0).contains(&body), "body {body}");
        assert!(presenter_scale(640.0) >= MIN_SCALE);
        assert!(presenter_scale(f32::NAN) >= MIN_SCALE);
    }

    #[test]
    fn presenting_does_not_change_the_saved_settings() {
        let settings = Settings::default();
        let mut presenter = Presenter::default();
        assert_eq!(effective_settings(&settings, &presenter, 1080.0), settings);
        presenter.active = true;
        let shown = effective_settings(&settings, &presenter, 1080.0);
        assert_eq!(shown.theme, Theme::HighContrast);
        assert!(shown.text_scale > settings.text_scale);
    }
}
