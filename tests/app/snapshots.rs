//! Snapshot images of the main screens at 1280×800, in the light and the
//! dark theme. Write new ones with
//! `UPDATE_SNAPSHOTS=1 cargo test --test app snapshots::`, then look at them.

use crate::support::*;
use attune::app::{Action, AttuneApp};
use attune::library::Library;
use attune::scenario::Rating;
use attune::store::Theme;
use egui_kittest::Harness;

fn themed(theme: Theme, folders: &Folders) -> Harness<'static, AttuneApp> {
    let mut library = Library::default();
    attune::files::add_path(&mut library, std::path::Path::new(FIXTURE_DIALOGUES));
    let mut h = harness_with(folders, library, 1280.0, 800.0);
    let mut settings = h.state().state.store.settings().clone();
    settings.theme = theme;
    h.state_mut().state.apply(Action::UpdateSettings(settings));
    h.run();
    h
}

fn name(screen: &str, theme: Theme) -> String {
    let theme = match theme {
        Theme::Light => "light",
        Theme::Dark => "dark",
        Theme::HighContrast => "high_contrast",
    };
    format!("app_{screen}_{theme}")
}

/// Moves the pointer away so nothing is hovered, then takes the snapshot.
fn snap(h: &mut Harness<'static, AttuneApp>, name: &str) {
    h.remove_cursor();
    h.run();
    h.snapshot(name);
}

fn screens(theme: Theme) {
    let folders = Folders::new();
    let mut h = themed(theme, &folders);
    snap(&mut h, &name("library", theme));

    start_kitchen_table(&mut h);
    choose_rated(&mut h, Rating::Best);
    choose_rated(&mut h, Rating::Mixed);
    snap(&mut h, &name("conversation", theme));

    choose_rated(&mut h, Rating::Best);
    click(&mut h, "See the debrief");
    snap(&mut h, &name("debrief", theme));
}

#[test]
fn light_theme_screens() {
    screens(Theme::Light);
}

#[test]
fn dark_theme_screens() {
    screens(Theme::Dark);
}

#[test]
fn chat_and_high_contrast() {
    let folders = Folders::new();
    let mut h = themed(Theme::HighContrast, &folders);
    click(&mut h, "Read the briefing for A message after midnight");
    snap(&mut h, "app_briefing_high_contrast");
    click(&mut h, "Start talking with Jordan");
    choose_rated(&mut h, Rating::Best);
    snap(&mut h, "app_chat_high_contrast");
}
