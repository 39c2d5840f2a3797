//! The link between the app and the room-votes server: starts and stops
//! the server as the state asks, publishes the open decision to it, and
//! turns its tally into actions, once a frame. The server wakes the window
//! after each vote, so a tally shows on the next frame.

use eframe::egui;

use crate::app::state::AppState;
use crate::app::state::action::Action;
use crate::app::state::presenter::PresenterAction as P;
use crate::room::{Decision, RoomConfig, RoomServer, Tally};

/// The server while room votes are on, and what was last exchanged.
#[derive(Debug, Default)]
pub struct RoomLink {
    config: RoomConfig,
    server: Option<RoomServer>,
    published: Option<Decision>,
    reported: Option<Tally>,
}

impl RoomLink {
    /// A link that serves with `config` (from `--room-*`, else defaults).
    pub fn new(config: RoomConfig) -> Self {
        RoomLink {
            config,
            ..RoomLink::default()
        }
    }

    /// Called once a frame, before drawing.
    pub fn step(&mut self, state: &AppState, ctx: &egui::Context) -> Vec<Action> {
        let mut actions = Vec::new();
        let room = &state.presenter.room;
        if !(state.presenter.active && room.on) {
            // Dropping the server closes its port.
            self.server = None;
            self.published = None;
            self.reported = None;
            return actions;
        }
        if self.server.is_none() {
            match start(&self.config, ctx) {
                Ok(server) => {
                    actions.push(Action::Presenter(P::RoomStarted {
                        url: server.url(),
                        code: server.code().to_string(),
                    }));
                    self.server = Some(server);
                }
                Err(why) => {
                    actions.push(Action::Presenter(P::RoomFailed(why)));
                    return actions;
                }
            }
        }
        let Some(server) = &self.server else {
            return actions;
        };
        let decision = state.room_decision();
        if decision != self.published {
            server.publish(decision.clone());
            self.published = decision;
        }
        let tally = server.tally();
        if self.reported.as_ref() != Some(&tally) {
            self.reported = Some(tally.clone());
            actions.push(Action::Presenter(P::RoomTally(tally)));
        }
        actions
    }
}

/// Starts the server; it wakes the window after each vote.
#[cfg(not(target_arch = "wasm32"))]
fn start(config: &RoomConfig, ctx: &egui::Context) -> Result<RoomServer, String> {
    let ctx = ctx.clone();
    RoomServer::start(config, move || ctx.request_repaint()).map_err(|e| e.to_string())
}

/// A web page cannot listen for the room's phones.
#[cfg(target_arch = "wasm32")]
fn start(_config: &RoomConfig, _ctx: &egui::Context) -> Result<RoomServer, String> {
    Err("room votes need the desktop app: a web page cannot serve the room's phones".to_owned())
}
