//! The window and what surrounds every screen: the top bar, the notice
//! area, the shortcut sheet, the icon, start-up and frame control.

/// `--exit-after-frames` and `--screenshot`.
pub mod frame_control;
pub(crate) mod icon;
pub(crate) mod notices_ui;
pub(crate) mod shortcuts_ui;
/// Opening the window while the scenarios load on another thread.
pub mod startup;
pub(crate) mod top_bar;
/// Full screen and the shortcut sheet, in every mode.
pub mod window;
