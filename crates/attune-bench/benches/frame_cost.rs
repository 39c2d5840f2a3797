//! Frame cost: one frame of the whole app built and tessellated in a
//! headless egui context (no GPU), in a steady state (the UI has settled,
//! nothing changed since the last frame), for each screen in [`SCREENS`].
//!
//! Adding a screen takes a few lines: write a `fn(&Setup) -> AttuneApp`
//! that opens it and add a [`Screen`] to [`SCREENS`] with its window size.
//!
//! `cargo bench --bench frame_cost`

#![allow(clippy::unwrap_used, clippy::expect_used)] // A bench that cannot set up stops with the reason.

#[path = "support/generate.rs"]
mod generate;

use std::hint::black_box;

use attune::app::presenter::PresenterAction;
use attune::app::{Action, AttuneApp, Options, Screen as AppScreen};
use attune::library::Library;
use criterion::{Criterion, criterion_group, criterion_main};
use eframe::App as _;
use eframe::egui;

/// One screen to time: its name, the window size in points, how to bring
/// the app to it, and whether egui builds an AccessKit tree, as it does
/// while a screen reader is attached.
struct Screen {
    name: &'static str,
    size: [f32; 2],
    open: fn(&Setup) -> AttuneApp,
    accesskit: bool,
}

const SCREENS: &[Screen] = &[
    Screen {
        name: "conversation_60_turns_1280x800",
        size: [1280.0, 800.0],
        open: conversation_60_turns,
        accesskit: false,
    },
    // The transcript lays out every line while the tree is built.
    Screen {
        name: "conversation_60_turns_1280x800_accesskit",
        size: [1280.0, 800.0],
        open: conversation_60_turns,
        accesskit: true,
    },
    Screen {
        name: "debrief_30_turns_1280x800",
        size: [1280.0, 800.0],
        open: debrief_30_turns,
        accesskit: false,
    },
    Screen {
        name: "presenter_discussion_revealed_1920x1080",
        size: [1920.0, 1080.0],
        open: presenter_discussion,
        accesskit: false,
    },
    Screen {
        name: "map_200_nodes_1280x800",
        size: [1280.0, 800.0],
        open: map_200_nodes,
        accesskit: false,
    },
];

/// A temporary data folder and a library of generated scenarios.
struct Setup {
    dir: tempfile::TempDir,
}

impl Setup {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("a temporary folder");
        for sub in ["dialogues", "data", "reports"] {
            std::fs::create_dir_all(dir.path().join(sub)).expect("a sub folder");
        }
        let map_decisions = MAP_NODES - generate::FIXED_NODES;
        for (id, decisions) in [
            ("long_talk", 70),
            ("thirty_turns", 30),
            ("map_200", map_decisions),
        ] {
            std::fs::write(
                dir.path().join("dialogues").join(format!("{id}.ron")),
                generate::scenario(id, decisions, generate::Style::Full),
            )
            .expect("a generated scenario written");
        }
        Setup { dir }
    }

    /// The app with the shipped and generated scenarios, opened on `open`.
    fn app(&self, open: Option<&str>) -> AttuneApp {
        self.app_with(open, false)
    }

    fn app_with(&self, open: Option<&str>, presenter: bool) -> AttuneApp {
        let mut library = Library::shipped();
        attune::files::add_path(&mut library, &self.dir.path().join("dialogues"));
        let options = Options {
            data_dir: Some(self.dir.path().join("data")),
            export_dir: Some(self.dir.path().join("reports")),
            seed: Some(7),
            open: open.map(str::to_string),
            presenter,
            ..Options::default()
        };
        AttuneApp::new(library, &options)
    }
}

/// Plays `turns` generated decisions: mostly reflections, now and then the
/// second option, so trust rises and dips like a real session.
fn play(app: &mut AttuneApp, turns: usize) {
    for i in 0..turns {
        let option = match (i % 4, i % 5) {
            (3, 0) => format!("d{i}_wait"),
            (3, _) => format!("d{i}_ask"),
            _ => format!("d{i}_reflect"),
        };
        app.state.apply(Action::Choose(option));
    }
    let done = app
        .state
        .active
        .as_ref()
        .map_or(0, |a| a.session.conversation.turns().len());
    assert_eq!(done, turns, "the generated scenario took every choice");
}

fn conversation_60_turns(setup: &Setup) -> AttuneApp {
    let mut app = setup.app(Some("long_talk"));
    play(&mut app, 60);
    assert_eq!(app.state.screen, AppScreen::Conversation);
    app
}

fn debrief_30_turns(setup: &Setup) -> AttuneApp {
    let mut app = setup.app(Some("thirty_turns"));
    play(&mut app, 30);
    app.state.apply(Action::OpenDebrief);
    assert_eq!(app.state.screen, AppScreen::Debrief);
    app
}

/// Presenter mode ten turns in, at a discussion pause with votes and the
/// options' effects revealed: the busiest presenter screen.
fn presenter_discussion(setup: &Setup) -> AttuneApp {
    let mut app = setup.app_with(Some("long_talk"), true);
    play(&mut app, 10);
    for action in [
        PresenterAction::OpenDiscussion,
        PresenterAction::Vote(0),
        PresenterAction::Vote(1),
        PresenterAction::Vote(0),
        PresenterAction::ToggleReveal,
    ] {
        app.state.apply(Action::Presenter(action));
    }
    assert!(app.state.presenter.active && app.state.presenter.discussion.is_some());
    app
}

/// Nodes in the generated scenario the map draws.
const MAP_NODES: usize = 200;

/// The scenario map of a 200-node scenario, opened from the library.
fn map_200_nodes(setup: &Setup) -> AttuneApp {
    let mut app = setup.app(None);
    let card = app
        .state
        .catalogue
        .id_of("map_200")
        .expect("the generated map scenario is playable");
    app.state.apply(Action::OpenMap(card));
    assert_eq!(app.state.screen, AppScreen::Map);
    let nodes = app.state.map.as_ref().map_or(0, |m| m.layout.nodes.len());
    assert_eq!(nodes, MAP_NODES, "the map lays out every node");
    app
}

/// Enough frames for every animation (the portrait's expression, panels)
/// to finish at egui's default 1/60 s per frame.
const SETTLE_FRAMES: usize = 240;

/// A headless window: the egui context, the frame eframe would pass, and
/// the input of a window of one size with nothing happening.
struct Headless {
    ctx: egui::Context,
    frame: eframe::Frame,
    size: [f32; 2],
}

impl Headless {
    fn new(size: [f32; 2]) -> Self {
        Headless {
            ctx: egui::Context::default(),
            frame: eframe::Frame::_new_kittest(),
            size,
        }
    }

    /// Builds and tessellates one frame; returns the primitives a renderer
    /// would draw and whether any texture had to be uploaded.
    fn frame(&mut self, app: &mut AttuneApp) -> (Vec<egui::ClippedPrimitive>, bool) {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::Vec2::from(self.size),
            )),
            ..egui::RawInput::default()
        };
        let frame = &mut self.frame;
        let mut output = self.ctx.run_ui(input, |ui| app.ui(ui, frame));
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        let uploads = !output.textures_delta.is_empty();
        // No renderer here to apply them to.
        output.textures_delta.clear();
        (primitives, uploads)
    }

    /// Draws until the UI has settled: no repaint asked for and no texture
    /// uploads. Panics if it never does, which would be a repaint loop.
    fn settle(&mut self, app: &mut AttuneApp, name: &str) {
        for _ in 0..SETTLE_FRAMES {
            let (_, uploads) = self.frame(app);
            if !self.ctx.has_requested_repaint() && !uploads {
                return;
            }
        }
        panic!("{name}: still repainting or uploading textures after {SETTLE_FRAMES} frames");
    }
}

fn frame_cost(c: &mut Criterion) {
    let setup = Setup::new();
    let mut group = c.benchmark_group("frame");
    for screen in SCREENS {
        let mut app = (screen.open)(&setup);
        let mut headless = Headless::new(screen.size);
        if screen.accesskit {
            headless.ctx.enable_accesskit();
        }
        headless.settle(&mut app, screen.name);
        group.bench_function(screen.name, |b| {
            b.iter(|| black_box(headless.frame(&mut app)));
        });
    }
    group.finish();
}

criterion_group!(benches, frame_cost);
criterion_main!(benches);
