//! The window and what surrounds every screen: the top bar, the notice
//! area, the keys and the shortcut sheet, the icon, start-up and frame
//! control.

pub mod app;
/// Dialogue files dropped on the window.
mod dropped;

/// `--exit-after-frames` and `--screenshot`.
pub mod frame_control;
#[cfg(not(target_arch = "wasm32"))]
pub(crate) mod icon;
/// Reading the keys once a frame, from the command table.
pub(crate) mod keys;
pub(crate) mod notices_ui;
mod room_link;
#[cfg(not(target_arch = "wasm32"))]
pub mod run;
pub(crate) mod shortcuts_ui;
/// Opening the window while the scenarios load on another thread.
pub mod startup;
pub(crate) mod top_bar;
/// Checking eframe's `app.ron` before eframe reads it.
#[cfg(not(target_arch = "wasm32"))]
pub mod window_file;
