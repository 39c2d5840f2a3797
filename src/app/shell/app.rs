//! The eframe app: the window's frame loop. Each frame reads the keys,
//! draws the chrome and the current screen, and hands every action the
//! drawing returned to [`AppState::apply`](crate::app::state::AppState::apply), the one place state changes.

use std::path::PathBuf;
use std::time::Duration;

use eframe::egui::{self, Ui};

use crate::app::state::action::Action;
use crate::app::state::screen::Screen;
use crate::app::state::{AppState, Options};

use super::dropped::Dropped;
use super::frame_control::FrameControl;
use super::keys;
use super::room_link::RoomLink;
use super::{notices_ui, top_bar};
use crate::app::authoring::watch;
use crate::app::screens::{
    briefing_ui, confirm_start_ui, conversation_ui, debrief_ui, history_ui, library_ui,
    problems_ui, settings_ui,
};
use crate::app::state::catalogue::Catalogue;
use crate::app::widgets::portrait::Portraits;
use crate::app::widgets::theme::{self, Palette};
use crate::app::{map, presenter};
use crate::library::Library;
use crate::store::{Settings, Store};

/// The app's id: the window class on Linux and the name of its data folder.
pub const APP_ID: &str = "attune";

/// The eframe app: the state plus what only drawing needs.
pub struct AttuneApp {
    pub state: AppState,
    portraits: Portraits,
    /// The settings last applied to the egui context, so the style is
    /// rebuilt only when they change.
    applied: Option<Settings>,
    /// Portrait notices already passed on to the notice area.
    portrait_notices: usize,
    /// The full-screen state last asked of the window.
    fullscreen_sent: bool,
    /// The dialogue-file watcher, while watching is on.
    watching: watch::Watching,
    /// Dialogue files dropped on the window.
    dropped: Dropped,
    /// Work off the window's thread (saves, exports) can wake the window;
    /// set on the first frame.
    store_waker_set: bool,
    /// The room-votes server, while it is on.
    room: RoomLink,
    /// Frame counting, `--exit-after-frames` and `--screenshot`.
    pub frame_control: FrameControl,
    /// The window is cleared to the panel colour before drawing (see
    /// [`startup::Launcher`]), so the panels need not paint it again. A
    /// full-window fill is the biggest single cost of a frame on software
    /// rendering. Off by default: test renderers clear to transparent.
    pub background_cleared: bool,
    /// What the page last showed in its canvas's `data-*` attributes.
    #[cfg(target_arch = "wasm32")]
    page: crate::web::browser::PageState,
}

impl AttuneApp {
    /// Builds the app around a library. `options` says where data lives;
    /// tests point it at a temporary folder.
    pub fn new(library: Library, options: &Options) -> Self {
        let store = match &options.data_dir {
            Some(dir) => Store::open(dir.clone()),
            None => Store::open_default(),
        };
        AttuneApp {
            state: AppState::new(Catalogue::new(library), store, options),
            portraits: Portraits::new(),
            applied: None,
            portrait_notices: 0,
            fullscreen_sent: false,
            watching: watch::Watching::default(),
            dropped: Dropped::default(),
            store_waker_set: false,
            room: RoomLink::new(options.room.clone()),
            frame_control: FrameControl::new(options.exit_after_frames, options.screenshot.clone()),
            background_cleared: false,
            #[cfg(target_arch = "wasm32")]
            page: crate::web::browser::PageState::default(),
        }
    }

    /// Waits up to `timeout` for the watcher to report saved dialogue
    /// files and reloads them; returns the files it reloaded. The window
    /// does this by itself each frame; tests use it to wait for a reload
    /// without sleeping.
    pub fn wait_for_reload(&mut self, timeout: Duration) -> Vec<PathBuf> {
        let actions = self.watching.wait(timeout);
        let paths = actions
            .iter()
            .filter_map(|a| match a {
                Action::Reload(path) => Some(path.clone()),
                Action::Reloaded(file) => Some(file.path.clone()),
                _ => None,
            })
            .collect();
        self.state.apply_all(actions);
        paths
    }

    /// Waits up to `timeout` for dropped files being read and checked, and
    /// adds them; returns how many actions that gave. The window does this
    /// by itself each frame; tests use it to wait without sleeping.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn wait_for_dropped(&mut self, timeout: Duration) -> usize {
        let actions = self.dropped.wait(timeout);
        let count = actions.len();
        self.state.apply_all(actions);
        count
    }

    /// Writes the screen, the history's size, the conversation's end and
    /// the focused widget's name on the page's canvas.
    #[cfg(target_arch = "wasm32")]
    fn publish_page(&mut self, ctx: &egui::Context, frame: &eframe::Frame) {
        let focus = ctx.output(|o| {
            o.events.iter().rev().find_map(|e| match e {
                egui::output::OutputEvent::FocusGained(info) => info.label.clone(),
                _ => None,
            })
        });
        let state = &self.state;
        let finished = state.active.as_ref().is_some_and(|active| {
            state
                .catalogue
                .scenario(active.card)
                .is_some_and(|s| active.session.conversation.is_finished(s))
        });
        let page = crate::web::browser::PageState {
            screen: format!("{:?}", state.screen),
            sessions: state.store.history().len(),
            finished,
            focus: focus.unwrap_or_else(|| self.page.focus.clone()),
            frame_us: frame
                .info()
                .cpu_usage
                .map_or(0, |s| (f64::from(s) * 1e6).round() as u64),
        };
        page.publish(&self.page, crate::web::CANVAS_ID);
        self.page = page;
    }

    /// Takes in what saves and exports finished off this thread; on the
    /// first frame, first lets them wake the window.
    fn take_finished(&mut self, ctx: &egui::Context) {
        if !self.store_waker_set {
            let ctx = ctx.clone();
            self.state
                .set_waker(std::sync::Arc::new(move || ctx.request_repaint()));
            self.store_waker_set = true;
        }
        self.state.apply(Action::TakeFinished);
    }

    fn apply_settings(&mut self, ctx: &egui::Context) {
        let settings = presenter::effective_settings(
            self.state.store.settings(),
            &self.state.presenter,
            presenter::unzoomed_height(ctx),
        );
        if self.applied.as_ref() != Some(&settings) {
            theme::apply(ctx, &settings);
            self.applied = Some(settings);
            // The new style shows from the next frame on.
            ctx.request_repaint();
        }
        if self.state.window.fullscreen != self.fullscreen_sent {
            self.fullscreen_sent = self.state.window.fullscreen;
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(self.fullscreen_sent));
            // eframe's web runner leaves full screen to the page.
            #[cfg(target_arch = "wasm32")]
            crate::web::browser::set_fullscreen(self.fullscreen_sent);
        }
    }
}

impl eframe::App for AttuneApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.take_finished(ui.ctx());
        let key_actions = keys::keys(ui.ctx(), &self.state);
        self.state.apply_all(key_actions);
        self.apply_settings(ui.ctx());
        let palette = Palette::of(
            self.applied
                .as_ref()
                .map_or_else(|| self.state.store.settings().theme, |s| s.theme),
        );
        let presenting = self.state.presenter.active;
        let mut actions = self.watching.step(&self.state, ui.ctx());
        actions.extend(self.dropped.step(&self.state, ui.ctx()));
        actions.extend(self.room.step(&self.state, ui.ctx()));
        let state = &self.state;
        egui::Panel::top("top_bar")
            .frame(
                egui::Frame::new()
                    .fill(palette.card)
                    .inner_margin(egui::Margin::symmetric(12, 8))
                    .stroke(egui::Stroke::new(1.0, palette.card_stroke)),
            )
            .show(ui, |ui| {
                if presenting {
                    actions.extend(presenter::bar_ui(ui, state, &palette));
                } else {
                    actions.extend(top_bar::top_bar_ui(ui, state, &palette));
                }
            });
        let background = if self.background_cleared {
            egui::Color32::TRANSPARENT
        } else {
            ui.visuals().panel_fill
        };
        let notices = state.all_notices();
        if !notices.is_empty() {
            egui::Panel::top("notices")
                .frame(
                    egui::Frame::new()
                        .fill(background)
                        .inner_margin(egui::Margin::symmetric(16, 8)),
                )
                .show(ui, |ui| {
                    actions.extend(notices_ui::notices_ui(ui, &palette, &notices))
                });
        }
        egui::CentralPanel::default()
            .frame(
                egui::Frame::new()
                    .fill(background)
                    .inner_margin(egui::Margin::symmetric(16, 4)),
            )
            .show(ui, |ui| {
                let screen_actions = match state.screen {
                    Screen::Conversation if presenting => {
                        presenter::stage_ui(ui, state, &palette, &mut self.portraits)
                    }
                    Screen::Debrief if presenting => presenter::walkthrough_ui(ui, state, &palette),
                    Screen::Library => library_ui::library_ui(ui, state, &palette),
                    Screen::Briefing => briefing_ui::briefing_ui(ui, state, &palette),
                    Screen::Conversation => {
                        conversation_ui::conversation_ui(ui, state, &palette, &mut self.portraits)
                    }
                    Screen::Debrief => debrief_ui::debrief_ui(ui, state, &palette),
                    Screen::History => history_ui::history_ui(ui, state, &palette),
                    Screen::Settings => settings_ui::settings_ui(ui, state, &palette),
                    Screen::Map => map::map_screen_ui(ui, state, &palette),
                    Screen::Problems => problems_ui::problems_ui(ui, state, &palette),
                };
                actions.extend(screen_actions);
            });
        if state.window.shortcuts {
            actions.extend(super::shortcuts_ui::shortcuts_ui(ui, &palette));
        }
        if state.pending_start.is_some() {
            actions.extend(confirm_start_ui::confirm_start_ui(ui, state));
        }
        let portrait_notices = self.portraits.notices();
        if portrait_notices.len() > self.portrait_notices {
            actions.extend(
                portrait_notices[self.portrait_notices..]
                    .iter()
                    .map(|n| Action::Notice(format!("Portrait: {n}."))),
            );
            self.portrait_notices = portrait_notices.len();
        }
        if actions.contains(&Action::PickFile) {
            actions.extend(self.dropped.pick(ui.ctx()));
        }
        if !actions.is_empty() {
            self.state.apply_all(actions);
            // The frame just drawn shows the old state: draw the new one.
            ui.ctx().request_repaint();
        }
        self.frame_control.end_frame(ui.ctx());
        #[cfg(target_arch = "wasm32")]
        self.publish_page(ui.ctx(), _frame);
    }

    fn on_exit(&mut self) {
        // Every pending save runs before the window goes.
        self.state.store.close();
        self.frame_control.on_exit();
    }
}
