//! One file per screen the user sees. Each is a function of the state
//! that returns actions.

pub(crate) mod briefing_ui;
pub(crate) mod confirm_start_ui;
pub(crate) mod conversation_ui;
pub(crate) mod debrief_ui;
pub(crate) mod history_ui;
pub(crate) mod library_compact_ui;
pub(crate) mod library_filters_ui;
pub(crate) mod library_ui;
pub(crate) mod problems_ui;
pub(crate) mod settings_ui;
