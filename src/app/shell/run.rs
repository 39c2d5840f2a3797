//! Opening the window: the entry the CLI calls, which starts loading the
//! library on its own thread and hands the window to the start-up screen
//! until the app is ready.

use eframe::egui;

use super::app::APP_ID;
use super::frame_control::{self, FrameControl, ScreenshotError};
use super::{icon, startup};
use crate::app::state::Options;
use crate::library::Library;

/// Why the app ended badly.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("the Attune window could not open: {0}")]
    Window(#[from] eframe::Error),
    #[error(transparent)]
    Screenshot(#[from] ScreenshotError),
}

/// Starts the desktop app with `library`, keeping data in the per-user
/// data folder. Blocks until the window closes.
pub fn run(library: Library) -> Result<(), RunError> {
    run_with(move || library, Options::default())
}

/// Starts the desktop app with explicit options (data folder, export
/// folder, seed). `load` builds the library on its own thread, started
/// before the window, so reading and validating the dialogue files never
/// delays the first frame.
pub fn run_with(
    load: impl FnOnce() -> Library + Send + 'static,
    options: Options,
) -> Result<(), RunError> {
    let viewport = egui::ViewportBuilder::default()
        .with_title("Attune")
        .with_app_id(APP_ID)
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([1024.0, 640.0])
        // Presenting fills the monitor even where full screen is refused.
        .with_maximized(options.presenter)
        .with_icon(icon::icon());
    let native = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    // Before eframe reads its app.ron: a bad value there would panic.
    let mut options = options;
    options
        .startup_notices
        .extend(super::window_file::check(APP_ID));
    let control = FrameControl::new(options.exit_after_frames, options.screenshot.clone());
    let report = control.report();
    let launcher = startup::Launcher::start(load, options, control);
    eframe::run_native(
        "Attune",
        native,
        Box::new(move |cc| {
            launcher.set_context(&cc.egui_ctx);
            Ok(Box::new(launcher))
        }),
    )?;
    Ok(frame_control::finish(&report)?)
}
