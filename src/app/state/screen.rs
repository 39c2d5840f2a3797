//! The screens the app can show. A plain value every layer may use.

/// The screens, in the order the top bar lists them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Screen {
    #[default]
    Library,
    /// Objectives and content notes of one scenario, before it starts.
    Briefing,
    Conversation,
    Debrief,
    History,
    Settings,
    /// The whole tree of one scenario ([`crate::app::state::AppState::map`]).
    Map,
    /// Errors and warnings in the dialogue files, and recent reloads.
    Problems,
}
