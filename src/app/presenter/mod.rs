//! Presenter mode for classroom projectors: a large, high-contrast stage
//! driven by a presentation clicker, with a discussion pause at each
//! decision, facilitator notes and a step-by-step debrief walkthrough.
//!
//! These are the views; the classroom state and the one place it changes
//! live with the rest of the model, in [`crate::app::state::presenter`].

mod bar_ui;
mod bubble_ui;
mod discussion_ui;
mod notes_ui;
pub mod page_scroll;
mod room_ui;
mod stage_ui;
mod walkthrough_ui;

use eframe::egui;

pub(crate) use bar_ui::{bar_ui, library_button_ui};
pub(crate) use page_scroll::scroll_page;
pub use page_scroll::{PageScroll, page_scroll};
pub(crate) use room_ui::room_intro_ui;
pub(crate) use stage_ui::stage_ui;
pub(crate) use walkthrough_ui::walkthrough_ui;

pub use crate::app::state::presenter::{
    Discussion, Presenter, PresenterAction, RoomStatus, RoomVotes, discussion, effective_settings,
    presenter_scale, walkthrough,
};

/// The window height in points before the user's zoom, so Ctrl+plus still
/// enlarges presenter text.
pub fn unzoomed_height(ctx: &egui::Context) -> f32 {
    ctx.content_rect().height() * ctx.zoom_factor()
}
