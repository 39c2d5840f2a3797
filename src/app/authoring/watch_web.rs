//! Watching dialogue folders, in the browser: a page sees no folders, so
//! there is nothing to watch. A file the learner picks or drops is loaded
//! once instead (`Action::AddFile`). Same interface as the desktop's
//! `watch.rs`.

use std::time::Duration;

use eframe::egui;

use crate::app::state::AppState;
use crate::app::state::action::Action;
use crate::app::state::authoring::WatchStatus;

/// The app's side of watching: never watching.
#[derive(Default)]
pub struct Watching {
    _never: (),
}

impl Watching {
    /// Called once a frame: reports "off" if anything thought otherwise.
    pub fn step(&mut self, state: &AppState, _ctx: &egui::Context) -> Vec<Action> {
        if state.authoring.status == WatchStatus::Off {
            Vec::new()
        } else {
            vec![Action::Watch(WatchStatus::Off)]
        }
    }

    /// Nothing ever changes on disk here.
    pub fn wait(&self, _timeout: Duration) -> Vec<Action> {
        Vec::new()
    }
}
