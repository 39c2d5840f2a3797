//! What a learner reads before a scenario starts: who the peer is, what to
//! practise, and the content notes.

use eframe::egui::{self, RichText, ScrollArea, Ui};

use crate::app::commands::{CommandId, keys_of};
use crate::app::state::AppState;
use crate::app::state::action::Action;
use crate::app::state::catalogue::CardId;
use crate::app::state::screen::Screen;
use crate::app::widgets;
use crate::app::widgets::theme::{self, Palette};
use crate::scenario::Scenario;

/// The briefing screen; returns what the learner asked for.
pub fn briefing_ui(ui: &mut Ui, state: &AppState, palette: &Palette) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(card) = state.briefing else {
        return actions;
    };
    let Some(p) = state.catalogue.playable(card) else {
        return actions;
    };
    let s = &p.scenario;
    // The buttons sit in a bar at the bottom, so "Start talking" is in view
    // at any window size; the text scrolls above them, from its top for
    // each scenario.
    egui::Panel::bottom("briefing_buttons")
        .resizable(false)
        .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(0, 10)))
        .show(ui, |ui| {
            widgets::centered_column(ui, 860.0, |ui| {
                buttons_ui(ui, card, s, palette, &mut actions);
            });
        });
    egui::CentralPanel::default()
        .frame(egui::Frame::new())
        .show(ui, |ui| {
            ScrollArea::vertical()
                .auto_shrink(false)
                .id_salt(("briefing", card))
                .show(ui, |ui| {
                    widgets::centered_column(ui, 860.0, |ui| {
                        ui.add_space(16.0);
                        ui.heading(&s.title);
                        ui.label(
                            RichText::new(format!(
                                "{} \u{00B7} {}",
                                s.setting.place,
                                s.setting.medium.label()
                            ))
                            .color(palette.muted),
                        );
                        ui.add_space(8.0);
                        persona_ui(ui, s, palette);
                        ui.add_space(8.0);
                        if !s.objectives.is_empty() {
                            objectives_ui(ui, s, palette);
                            ui.add_space(8.0);
                        }
                        content_notes_ui(ui, s, palette);
                        ui.add_space(8.0);
                        how_it_works_ui(ui);
                        ui.add_space(16.0);
                    });
                });
        });
    actions
}

/// A card about the peer.
fn persona_ui(ui: &mut Ui, s: &Scenario, palette: &Palette) {
    widgets::card_frame(palette).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(format!("About {}", s.persona.name)).font(theme::title_font(ui)));
        ui.label(&s.persona.background);
    });
}

/// A card listing what to practise.
fn objectives_ui(ui: &mut Ui, s: &Scenario, palette: &Palette) {
    widgets::card_frame(palette).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new("What to practise").font(theme::title_font(ui)));
        for objective in &s.objectives {
            ui.horizontal_wrapped(|ui| {
                ui.label("\u{2022}");
                ui.label(objective);
            });
        }
    });
}

/// The content notes, in a card with a warning edge, and a reminder that
/// the learner can stop at any time.
fn content_notes_ui(ui: &mut Ui, s: &Scenario, palette: &Palette) {
    widgets::card_frame(palette)
        .stroke(egui::Stroke::new(2.0, palette.fair))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new("Content notes").font(theme::title_font(ui)));
            if s.content_notes.is_empty() {
                ui.label("This scenario has no content notes.");
            } else {
                for note in &s.content_notes {
                    ui.horizontal_wrapped(|ui| {
                        ui.label("\u{2022}");
                        ui.label(note);
                    });
                }
            }
            ui.label(
                RichText::new(
                    "You can stop at any time: go back to the library, \
                     and nothing is lost.",
                )
                .color(palette.muted),
            );
        });
}

/// How to choose, take back and get a debrief.
fn how_it_works_ui(ui: &mut Ui) {
    ui.label(RichText::new("How it works").font(theme::title_font(ui)));
    ui.label(format!(
        "Pick what you would say, with the mouse or the number keys 1 to 4. \
         Take a choice back with {}, or click an earlier turn to go back to it. \
         The debrief at the end explains every choice.",
        keys_of(CommandId::Undo)
    ));
}

/// Start (focused when the screen opens), back to the library, and the map.
fn buttons_ui(
    ui: &mut Ui,
    card: CardId,
    s: &Scenario,
    palette: &Palette,
    actions: &mut Vec<Action>,
) {
    ui.horizontal_wrapped(|ui| {
        let start = ui.add(
            egui::Button::new(
                RichText::new(format!("Start talking with {}", s.persona.name)).strong(),
            )
            .fill(palette.learner_fill)
            .stroke(egui::Stroke::new(1.5, palette.learner_stroke))
            .min_size(egui::vec2(0.0, 40.0)),
        );
        widgets::focus_when_shown(ui, &start, ("start", card));
        if start.clicked() {
            actions.push(Action::Start(card));
        }
        if ui
            .add(egui::Button::new("Back to the library").min_size(egui::vec2(0.0, 40.0)))
            .clicked()
        {
            actions.push(Action::Navigate(Screen::Library));
        }
        if ui
            .add(egui::Button::new("Scenario map").min_size(egui::vec2(0.0, 40.0)))
            .on_hover_text(format!(
                "The shape of the whole tree ({}). Ratings and what the peer says stay \
                 hidden unless you choose to show the answers.",
                keys_of(CommandId::Map)
            ))
            .clicked()
        {
            actions.push(Action::OpenMap(card));
        }
    });
}
