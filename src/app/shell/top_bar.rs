//! The bar across the top: the app's name and the screens to move between.

use eframe::egui::{self, RichText, Ui};

use crate::app::state::AppState;
use crate::app::state::action::Action;
use crate::app::state::screen::Screen;
use crate::app::widgets::theme::Palette;

/// Shows the navigation and returns what was clicked.
pub fn top_bar_ui(ui: &mut Ui, state: &AppState, palette: &Palette) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut resume = None;
    ui.horizontal_wrapped(|ui| {
        ui.add_space(4.0);
        ui.label(
            RichText::new("Attune")
                .size(ui.text_style_height(&egui::TextStyle::Body) * 1.3)
                .color(palette.accent)
                .strong(),
        );
        ui.add_space(16.0);
        let current = match state.screen {
            Screen::Briefing => Screen::Library,
            s => s,
        };
        let mut tab = |ui: &mut Ui, screen: Screen, label: &str, enabled: bool, hint: &str| {
            let response = ui
                .add_enabled(
                    enabled,
                    egui::Button::selectable(current == screen, label)
                        .min_size(egui::vec2(0.0, 32.0)),
                )
                .on_hover_text(hint)
                .on_disabled_hover_text(hint);
            if response.clicked() {
                actions.push(Action::Navigate(screen));
            }
        };
        tab(
            ui,
            Screen::Library,
            "Library",
            true,
            "Choose a scenario to practise",
        );
        match state.resumable() {
            // Nothing here yet, but one left unfinished: the tab resumes it.
            Some(saved) => {
                let response = ui
                    .add(
                        egui::Button::selectable(false, "Conversation")
                            .min_size(egui::vec2(0.0, 32.0)),
                    )
                    .on_hover_text("Resume the conversation you left unfinished");
                if response.clicked() {
                    resume = Some(Action::Resume(saved.session.clone()));
                }
            }
            None => tab(
                ui,
                Screen::Conversation,
                "Conversation",
                state.active.is_some(),
                if state.active.is_some() {
                    "Back to the conversation in progress"
                } else {
                    "Start a scenario from the library first"
                },
            ),
        }
        tab(
            ui,
            Screen::Debrief,
            "Debrief",
            state.review.is_some(),
            if state.review.is_some() {
                "The explanation of your last conversation"
            } else {
                "Finish or stop a conversation to see its debrief"
            },
        );
        tab(
            ui,
            Screen::History,
            "History",
            true,
            "Your past sessions and progress",
        );
        tab(
            ui,
            Screen::Settings,
            "Settings",
            true,
            "Theme, text size and coaching",
        );
        if let Some((label, hint)) = crate::app::screens::problems_ui::problems_tab(state) {
            tab(ui, Screen::Problems, &label, true, &hint);
        }
    });
    actions.extend(resume);
    actions
}
