//! The window opens before the scenarios are loaded: the first frame shows
//! an "opening" screen, and the app takes over when the loading thread is
//! done. Also `--open FILE`, which the loading thread resolves.

mod app_support;

use std::sync::mpsc;
use std::time::{Duration, Instant};

use app_support::Folders;
use attune::app::Screen;
use attune::app::shell::frame_control::FrameControl;
use attune::app::shell::startup::Launcher;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const OPENING: &str = "Opening the scenarios\u{2026}";

/// Steps the harness until the app is ready, for at most a minute.
fn wait_until_ready(h: &mut Harness<'_, Launcher>) {
    let start = Instant::now();
    while h.state().app().is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the app never finished loading"
        );
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    h.run();
}

#[test]
fn the_first_frame_does_not_wait_for_the_scenarios_to_load() {
    let folders = Folders::new();
    let library = folders.library();
    let (release, released) = mpsc::channel::<()>();
    let load = move || {
        // Loading "takes" until the test says it is done.
        let _ = released.recv();
        library
    };
    let launcher = Launcher::start(load, folders.options(), FrameControl::new(None, None));
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| {
            launcher.set_context(&cc.egui_ctx);
            launcher
        });
    h.run();
    assert!(h.state().app().is_none(), "still loading");
    assert!(
        h.query_by_label(OPENING).is_some(),
        "the opening screen shows"
    );
    assert!(h.query_by_label("The kitchen table").is_none());

    release.send(()).expect("the loading thread waits");
    wait_until_ready(&mut h);
    assert!(h.query_by_label(OPENING).is_none());
    let app = h.state().app().expect("ready");
    assert_eq!(app.state.screen, Screen::Library);
    assert_eq!(
        app.state.catalogue.len(),
        1,
        "the fixture library was loaded"
    );
    assert!(h.query_by_label("The kitchen table").is_some());
}

#[test]
fn open_with_a_dialogue_file_starts_that_file_s_scenario() {
    let folders = Folders::new();
    let mut options = folders.options();
    let file = folders.dialogues().join("kitchen_table.ron");
    options.open = Some(file.display().to_string());
    let library = folders.library();
    let launcher = Launcher::start(move || library, options, FrameControl::new(None, None));
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| {
            launcher.set_context(&cc.egui_ctx);
            launcher
        });
    wait_until_ready(&mut h);
    let app = h.state().app().expect("ready");
    assert_eq!(app.state.screen, Screen::Conversation);
    assert!(
        app.state.all_notices().is_empty(),
        "{:?}",
        app.state.all_notices()
    );
}
