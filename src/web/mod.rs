//! The web build: the same app in a browser tab. [`start`] hands the
//! page's canvas to eframe's web runner; [`browser`] holds what a page does
//! instead of the desktop's files (downloads and handed-over files).
//! Settings, history and the unfinished conversation live in the page's
//! `localStorage` through the store's own code (`store/disk.rs`).

pub mod browser;

use wasm_bindgen::JsCast as _;

use crate::app::shell::frame_control::FrameControl;
use crate::app::shell::startup::Launcher;
use crate::app::state::Options;
use crate::library::Library;

/// The id of the canvas in `index.html`.
pub const CANVAS_ID: &str = "attune_canvas";

/// Starts Attune in the page. Errors are shown in the page's own
/// "loading" line, where a learner sees them.
pub fn start() {
    wasm_bindgen_futures::spawn_local(async {
        let outcome = run().await;
        let status = browser::element("attune_loading");
        match outcome {
            Ok(()) => {
                if let Some(status) = status {
                    status.remove();
                }
            }
            Err(why) => {
                if let Some(status) = status {
                    status.set_text_content(Some(&format!("Attune could not start: {why}")));
                }
            }
        }
    });
}

async fn run() -> Result<(), String> {
    let canvas = browser::element(CANVAS_ID)
        .and_then(|e| e.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        .ok_or_else(|| format!("the page has no canvas named {CANVAS_ID}"))?;
    let options = eframe::WebOptions::default();
    let launcher = Launcher::start(
        Library::shipped,
        Options::default(),
        FrameControl::new(None, None),
    );
    eframe::WebRunner::new()
        .start(canvas, options, Box::new(move |_cc| Ok(Box::new(launcher))))
        .await
        .map_err(|e| format!("{e:?}"))
}
