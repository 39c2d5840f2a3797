//! Opening the window before the scenarios and the learner's data are read.
//!
//! Reading and validating every dialogue file and the history takes longer
//! than creating the window, and on a school laptop with software rendering
//! both are slow. So the loading runs on its own thread, started before the
//! window, and the first frames show a plain "opening" screen in the
//! learner's theme until the app is ready.

#[cfg(not(target_arch = "wasm32"))]
use std::sync::mpsc;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::{Arc, OnceLock};

use eframe::egui::{self, RichText, Ui};

use super::app::AttuneApp;
use crate::app::presenter::{self, Presenter};
use crate::app::shell::frame_control::FrameControl;
use crate::app::state::Options;
use crate::app::state::action::Action;
use crate::app::widgets::theme::{self, Palette};
use crate::library::Library;
#[cfg(not(target_arch = "wasm32"))]
use crate::store::Store;

/// The window's app: loading first, then Attune itself.
pub struct Launcher {
    stage: Stage,
    /// Set once the window exists, so the loading thread can wake it.
    waker: Arc<OnceLock<egui::Context>>,
}

// A page builds the app at once and never shows the loading stage.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
enum Stage {
    Loading {
        ready: Receiver<AttuneApp>,
        /// Frame counting and the screenshot start with the first frame,
        /// and pass to the app when it is ready.
        control: FrameControl,
        palette: Palette,
        styled: bool,
        presenter: bool,
        settings: crate::store::Settings,
    },
    Ready(Box<AttuneApp>),
    /// The loading thread ended without an app (it panicked).
    Failed,
}

impl Launcher {
    /// Starts loading at once: `load` builds the library on a new thread,
    /// which then opens the store and builds the app.
    pub fn start(
        load: impl FnOnce() -> Library + Send + 'static,
        options: Options,
        control: FrameControl,
    ) -> Launcher {
        #[cfg(target_arch = "wasm32")]
        {
            // A page has no threads to load on: build the app at once (the
            // page shows its own "opening" line until the first frame).
            let mut app = build(load, &options);
            app.frame_control = control;
            app.background_cleared = true;
            Launcher {
                stage: Stage::Ready(Box::new(app)),
                waker: Arc::default(),
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            Launcher::start_thread(load, options, control)
        }
    }

    /// Loads on a new thread while the window shows the opening screen.
    #[cfg(not(target_arch = "wasm32"))]
    fn start_thread(
        load: impl FnOnce() -> Library + Send + 'static,
        options: Options,
        mut control: FrameControl,
    ) -> Launcher {
        let settings = Store::peek_settings(options.data_dir.as_deref());
        let presenter = options.presenter;
        let waker: Arc<OnceLock<egui::Context>> = Arc::default();
        let (send, ready) = mpsc::channel();
        let thread_waker = Arc::clone(&waker);
        let spawned = std::thread::Builder::new()
            .name("attune-load".into())
            .spawn(move || {
                let app = build(load, &options);
                // Send first: a window that is not up yet finds the app on
                // its first frame; one that is up is woken below.
                if send.send(app).is_ok()
                    && let Some(ctx) = thread_waker.get()
                {
                    ctx.request_repaint();
                }
            });
        control.hold_screenshot(true);
        let stage = match spawned {
            Ok(_) => Stage::Loading {
                ready,
                control,
                palette: Palette::of(settings.theme),
                styled: false,
                presenter,
                settings,
            },
            Err(_) => Stage::Failed,
        };
        Launcher { stage, waker }
    }

    /// Lets the loading thread wake the window when the app is ready.
    pub fn set_context(&self, ctx: &egui::Context) {
        // Set once; a second call has nothing to add.
        let _ = self.waker.set(ctx.clone());
    }

    /// The app, once it has finished loading.
    pub fn app(&self) -> Option<&AttuneApp> {
        match &self.stage {
            Stage::Ready(app) => Some(app),
            _ => None,
        }
    }

    /// Moves to the app if the loading thread has finished.
    fn poll(&mut self) {
        let Stage::Loading { ready, control, .. } = &self.stage else {
            return;
        };
        if control.is_closing() {
            // The last pass before the window closes: building and drawing
            // the whole app now would only delay the exit.
            return;
        }
        let app = match ready.try_recv() {
            Ok(app) => Some(app),
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => None,
        };
        let old = std::mem::replace(&mut self.stage, Stage::Failed);
        if let (Some(mut app), Stage::Loading { mut control, .. }) = (app, old) {
            control.hold_screenshot(false);
            app.frame_control = control;
            app.background_cleared = true;
            self.stage = Stage::Ready(Box::new(app));
        }
    }
}

/// Builds the library and the app, and passes on the start-up notices.
fn build(load: impl FnOnce() -> Library, options: &Options) -> AttuneApp {
    let mut app = AttuneApp::new(load(), options);
    for notice in &options.startup_notices {
        app.state.apply(Action::Notice(notice.clone()));
    }
    app
}

impl eframe::App for Launcher {
    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        self.poll();
        match &mut self.stage {
            Stage::Ready(app) => app.ui(ui, frame),
            Stage::Loading {
                control,
                palette,
                styled,
                presenter: presenting,
                settings,
                ..
            } => {
                if !*styled {
                    let presenter = Presenter {
                        active: *presenting,
                        ..Presenter::default()
                    };
                    let shown = presenter::effective_settings(
                        settings,
                        &presenter,
                        presenter::unzoomed_height(ui.ctx()),
                    );
                    theme::apply(ui.ctx(), &shown);
                    *palette = Palette::of(shown.theme);
                    *styled = true;
                }
                opening_ui(ui, palette, "Opening the scenarios\u{2026}");
                control.end_frame(ui.ctx());
            }
            Stage::Failed => {
                let palette = Palette::of(crate::store::Settings::default().theme);
                opening_ui(
                    ui,
                    &palette,
                    "Attune could not load its scenarios. Please close it and start it again; \
                     `attune check` lists any problem with the dialogue files.",
                );
            }
        }
    }

    /// The panel colour, so no panel has to paint the whole window again.
    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        visuals.panel_fill.to_normalized_gamma_f32()
    }

    fn on_exit(&mut self) {
        match &mut self.stage {
            Stage::Ready(app) => app.on_exit(),
            Stage::Loading { control, .. } => control.on_exit(),
            Stage::Failed => {}
        }
    }
}

/// The whole window while loading: the bar with the app's name, and one
/// line in the middle.
fn opening_ui(ui: &mut Ui, palette: &Palette, message: &str) {
    egui::Panel::top("top_bar")
        .frame(
            egui::Frame::new()
                .fill(palette.card)
                .inner_margin(egui::Margin::symmetric(12, 8))
                .stroke(egui::Stroke::new(1.0, palette.card_stroke)),
        )
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.add_space(4.0);
                ui.label(
                    RichText::new("Attune")
                        .size(ui.text_style_height(&egui::TextStyle::Body) * 1.3)
                        .color(palette.accent)
                        .strong(),
                );
                // The real bar's tabs are 32 points tall; keep its height.
                ui.allocate_space(egui::vec2(0.0, 32.0));
            });
        });
    egui::CentralPanel::default()
        .frame(egui::Frame::new())
        .show(ui, |ui| {
            ui.centered_and_justified(|ui| {
                ui.label(RichText::new(message).color(palette.muted));
            });
        });
}
