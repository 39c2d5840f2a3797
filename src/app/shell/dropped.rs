//! Dialogue files dropped on the window are checked like any other and
//! added to the library. The desktop reads and checks them on a thread of
//! its own (`Action::AddLoaded`), so a big file, or a FIFO, never freezes
//! the window; the results wait in an inbox for the next frame. A browser
//! hands a file's content over only asynchronously, so there the reads run
//! in the page's task queue (`Action::AddFile`). A browser's file picker
//! delivers through the same inbox.

#[cfg(not(target_arch = "wasm32"))]
use std::sync::mpsc::{self, Receiver, Sender};

use eframe::egui;

use crate::app::state::AppState;
use crate::app::state::action::Action;
#[cfg(not(target_arch = "wasm32"))]
use crate::app::state::loaded_file::load_dropped;

/// Files dropped on the window, on their way to the library.
#[cfg_attr(target_arch = "wasm32", derive(Default))]
pub struct Dropped {
    #[cfg(target_arch = "wasm32")]
    inbox: std::rc::Rc<std::cell::RefCell<Vec<Action>>>,
    #[cfg(not(target_arch = "wasm32"))]
    send: Sender<Action>,
    #[cfg(not(target_arch = "wasm32"))]
    inbox: Receiver<Action>,
}

#[cfg(not(target_arch = "wasm32"))]
impl Default for Dropped {
    fn default() -> Self {
        let (send, inbox) = mpsc::channel();
        Dropped { send, inbox }
    }
}

/// The action for one file, or a notice when it could not be read.
fn action(name: String, bytes: Result<Vec<u8>, String>) -> Action {
    match bytes {
        Ok(bytes) => Action::AddFile { name, bytes },
        Err(why) => Action::Notice(format!("{name} could not be read ({why}).")),
    }
}

impl Dropped {
    /// Called once a frame: starts reading and checking newly dropped
    /// files on another thread, and returns the actions for those done
    /// since the last frame.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn step(&mut self, state: &AppState, ctx: &egui::Context) -> Vec<Action> {
        let paths: Vec<std::path::PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if !paths.is_empty() {
            let listing = state.reload_listing();
            let send = self.send.clone();
            let ctx = ctx.clone();
            let work = move || {
                for path in paths {
                    let action = match load_dropped(&path, &listing) {
                        Ok(file) => Action::AddLoaded(file),
                        Err(why) => action(path.display().to_string(), Err(why)),
                    };
                    // The window has closed when nobody listens.
                    let _ = send.send(action);
                }
                ctx.request_repaint();
            };
            let spawned = std::thread::Builder::new()
                .name("attune-dropped".into())
                .spawn(work);
            if let Err(e) = spawned {
                return vec![Action::Notice(format!(
                    "The dropped files could not be read ({e})."
                ))];
            }
        }
        self.inbox.try_iter().collect()
    }

    /// Waits up to `timeout` for dropped files being read, then returns
    /// the actions for all of them done so far. For tests.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn wait(&mut self, timeout: std::time::Duration) -> Vec<Action> {
        match self.inbox.recv_timeout(timeout) {
            Ok(first) => std::iter::once(first)
                .chain(self.inbox.try_iter())
                .collect(),
            Err(_) => Vec::new(),
        }
    }

    /// Called once a frame: starts reading newly dropped files and returns
    /// the actions for those read since the last frame.
    #[cfg(target_arch = "wasm32")]
    pub fn step(&mut self, _state: &AppState, ctx: &egui::Context) -> Vec<Action> {
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
