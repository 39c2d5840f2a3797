//! Dialogue files dropped on the window become [`Action::AddFile`], checked
//! like any other. The desktop reads a dropped file at once; a browser
//! hands its content over only asynchronously, so there the reads run in
//! the page's task queue and their results wait in an inbox for the next
//! frame. A browser's file picker delivers through the same inbox.

use eframe::egui;

use crate::app::state::action::Action;

/// Files dropped on the window, on their way to the library.
#[derive(Default)]
pub struct Dropped {
    #[cfg(target_arch = "wasm32")]
    inbox: std::rc::Rc<std::cell::RefCell<Vec<Action>>>,
}

/// The action for one file, or a notice when it could not be read.
fn action(name: String, bytes: Result<Vec<u8>, String>) -> Action {
    match bytes {
        Ok(bytes) => Action::AddFile { name, bytes },
        Err(why) => Action::Notice(format!("{name} could not be read ({why}).")),
    }
}

impl Dropped {
    /// Called once a frame: the actions for files dropped (and read) since.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn step(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let files = ctx.input(|i| i.raw.dropped_files.clone());
        files
            .iter()
            .map(|file| action(file.path().display().to_string(), file.bytes()))
            .collect()
    }

    /// Called once a frame: starts reading newly dropped files and returns
    /// the actions for those read since the last frame.
    #[cfg(target_arch = "wasm32")]
    pub fn step(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let files = ctx.input(|i| i.raw.dropped_files.clone());
        for file in files {
            let inbox = std::rc::Rc::clone(&self.inbox);
            let ctx = ctx.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.path().display().to_string();
                let bytes = file.bytes_async().await;
                inbox.borrow_mut().push(action(name, bytes));
                ctx.request_repaint();
            });
        }
        std::mem::take(&mut *self.inbox.borrow_mut())
    }

    /// Opens the browser's file picker; the picked file arrives with the
    /// dropped ones.
    #[cfg(target_arch = "wasm32")]
    pub fn pick(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let inbox = std::rc::Rc::clone(&self.inbox);
        let ctx = ctx.clone();
        let opened = crate::web::browser::pick_file(".ron", move |name, bytes| {
            inbox.borrow_mut().push(action(name, bytes));
            ctx.request_repaint();
        });
        match opened {
            Ok(()) => Vec::new(),
            Err(why) => vec![Action::Notice(format!(
                "The file picker did not open ({why})."
            ))],
        }
    }

    /// The desktop has no picker of its own: files come from folders.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn pick(&mut self, _ctx: &egui::Context) -> Vec<Action> {
        Vec::new()
    }
}
