//! The slim bar across the top in presenter mode: where the session is,
//! and the classroom toggles with their keys.

use eframe::egui::{self, RichText, Ui};

use super::PresenterAction as P;
use crate::app::commands::{CommandId as C, keys_of};
use crate::app::state::AppState;
use crate::app::state::action::Action;
use crate::app::state::presenter::RoomStatus;
use crate::app::state::screen::Screen;
use crate::app::state::window::WindowAction;
use crate::app::widgets::theme::Palette;
use crate::store::Theme;

/// The presenter bar; returns what was clicked.
pub(crate) fn bar_ui(ui: &mut Ui, state: &AppState, palette: &Palette) -> Vec<Action> {
    let mut actions = Vec::new();
    let p = &state.presenter;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Attune").strong().color(palette.accent));
        ui.label(RichText::new("Presenter mode").small().color(palette.muted));
        ui.add_space(12.0);
        let mut toggle = |ui: &mut Ui, on: bool, text: String, action: Action| {
            let response = ui.add(egui::Button::selectable(on, RichText::new(text).small()));
            if response.clicked() {
                actions.push(action);
            }
        };
        toggle(
            ui,
            state.screen == Screen::Library,
            "Library".to_string(),
            Action::Navigate(Screen::Library),
        );
        toggle(
            ui,
            p.show_trust,
            format!(
                "Trust: {} ({})",
                if p.show_trust { "shown" } else { "hidden" },
                keys_of(C::Trust)
            ),
            Action::Presenter(P::ToggleTrust),
        );
        toggle(
            ui,
            p.show_notes,
            format!(
                "Notes: {} ({})",
                if p.show_notes { "shown" } else { "hidden" },
                keys_of(C::Notes)
            ),
            Action::Presenter(P::ToggleNotes),
        );
        let next_theme = match p.theme {
            Theme::HighContrast => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::HighContrast,
        };
        toggle(
            ui,
            false,
            format!("Theme: {}", p.theme.label()),
            Action::Presenter(P::SetTheme(next_theme)),
        );
        toggle(
            ui,
            state.window.fullscreen,
            format!("Full screen ({})", keys_of(C::FullScreen)),
            Action::Window(WindowAction::ToggleFullscreen),
        );
        toggle(
            ui,
            state.window.shortcuts,
            format!("Keys ({})", keys_of(C::Shortcuts)),
            Action::Window(WindowAction::ToggleShortcuts),
        );
        ui.add_space(12.0);
        if ui
            .button(
                RichText::new(format!(
                    "Leave presenter mode ({})",
                    keys_of(C::PresenterMode)
                ))
                .small(),
            )
            .clicked()
        {
            actions.push(Action::Presenter(P::Toggle));
        }
    });
    actions.extend(super::room_intro_ui(ui, state));
    actions
}

/// The library's way into (and out of) presenter mode.
pub(crate) fn library_button_ui(ui: &mut Ui, state: &AppState, palette: &Palette) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.horizontal_wrapped(|ui| {
        let text = if state.presenter.active {
            "Leave presenter mode"
        } else {
            "Presenter mode for a class"
        };
        let text = format!("{text} ({})", keys_of(C::PresenterMode));
        if ui
            .button(text)
            .on_hover_text("Large text, high contrast, clicker keys and a discussion pause")
            .clicked()
        {
            actions.push(Action::Presenter(P::Toggle));
        }
        if state.presenter.active {
            actions.extend(room_button_ui(ui, state));
        }
        ui.label(
            RichText::new(format!("Press {} for every key.", keys_of(C::Shortcuts)))
                .small()
                .color(palette.muted),
        );
    });
    actions
}

/// The "Room votes" control: starts or stops votes from phones. In the
/// library's presenter row, where a session is set up; the QR panel on the
/// stage has its own stop button.
fn room_button_ui(ui: &mut Ui, state: &AppState) -> Vec<Action> {
    let room = &state.presenter.room;
    let text = match room.running() {
        Some(_) => "Room votes: on",
        None if room.on => "Room votes: starting",
        None => "Room votes: off",
    };
    let clicked = ui
        .add(egui::Button::selectable(room.on, text))
        .on_hover_text("Let the class vote from their phones, on this room's network")
        .clicked();
    if let RoomStatus::Failed(reason) = &room.status {
        ui.label(RichText::new(format!("Room votes could not start: {reason}")).small());
    }
    if clicked {
        vec![Action::Presenter(P::RoomVotes)]
    } else {
        Vec::new()
    }
}
