//! The conversation so far. The peer's lines and the learner's lines differ
//! in side, frame and speaker name, never in colour alone. A chat is laid
//! out as bubbles; talk in person or by phone reads like a script.
//! Each of the learner's lines is a button that goes back to that turn.

use eframe::egui::{
    self, Align, CornerRadius, Frame, Label, Layout, Margin, RichText, Sense, Stroke, StrokeKind,
    Ui,
};

use super::action::Action;
use super::theme::Palette;
use crate::engine::Conversation;
use crate::scenario::{Medium, Scenario};

/// Draws every line and returns a rewind request if a turn was clicked.
pub fn transcript_ui(
    ui: &mut Ui,
    palette: &Palette,
    scenario: &Scenario,
    conversation: &Conversation,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let chat = scenario.setting.medium == Medium::Chat;
    let steps = conversation.steps();
    let turns = conversation.turns();
    let finished = conversation.is_finished(scenario);
    for (i, step) in steps.iter().enumerate() {
        peer_line_ui(ui, palette, &scenario.persona.name, &step.line, chat);
        if let Some(turn) = turns.get(i) {
            // Rewinding into a finished conversation is fine: it reopens it.
            let number = i + 1;
            if learner_line_ui(ui, palette, number, &turn.said, chat, finished).clicked() {
                actions.push(Action::AskRewind(i));
            }
        }
    }
    actions
}

fn speaker_ui(ui: &mut Ui, palette: &Palette, name: &str) {
    ui.label(RichText::new(name).small().strong().color(palette.muted));
}

fn peer_line_ui(ui: &mut Ui, palette: &Palette, name: &str, text: &str, chat: bool) {
    let full = ui.available_width();
    let width = if chat {
        (full * 0.72).max(260.0).min(full)
    } else {
        full * 0.9
    };
    ui.allocate_ui_with_layout(egui::vec2(width, 0.0), Layout::top_down(Align::Min), |ui| {
        speaker_ui(ui, palette, name);
        let frame = if chat {
            Frame::new()
                .fill(palette.peer_fill)
                .stroke(Stroke::new(1.0, palette.card_stroke))
                .corner_radius(CornerRadius {
                    nw: 4,
                    ne: 14,
                    sw: 14,
                    se: 14,
                })
                .inner_margin(Margin::symmetric(14, 10))
        } else {
            Frame::new()
                .fill(palette.peer_fill)
                .corner_radius(CornerRadius::same(8))
                .inner_margin(Margin::symmetric(14, 10))
        };
        frame.show(ui, |ui| {
            ui.add(Label::new(text).wrap().selectable(false));
        });
    });
    ui.add_space(6.0);
}

/// One of the learner's lines, clickable to go back to before it.
fn learner_line_ui(
    ui: &mut Ui,
    palette: &Palette,
    number: usize,
    text: &str,
    chat: bool,
    finished: bool,
) -> egui::Response {
    let full = ui.available_width();
    let width = if chat {
        (full * 0.72).max(260.0).min(full)
    } else {
        full * 0.9
    };
    let id = ui.scope_id().with(("turn", number));
    let inner = ui.with_layout(Layout::top_down(Align::Max), |ui| {
        ui.allocate_ui_with_layout(
            egui::vec2(width, 0.0),
            Layout::top_down(if chat { Align::Max } else { Align::Min }),
            |ui| {
                let hovered = ui
                    .ctx()
                    .read_response(id)
                    .is_some_and(|r| r.hovered() || r.has_focus());
                ui.horizontal(|ui| {
                    speaker_ui(ui, palette, &format!("You \u{00B7} turn {number}"));
                    if hovered {
                        ui.label(
                            RichText::new("click to go back to here")
                                .small()
                                .color(palette.accent),
                        );
                    }
                });
                let frame = Frame::new()
                    .fill(palette.learner_fill)
                    .stroke(Stroke::new(
                        if hovered { 2.5 } else { 1.5 },
                        palette.learner_stroke,
                    ))
                    .corner_radius(if chat {
                        CornerRadius {
                            nw: 14,
                            ne: 4,
                            sw: 14,
                            se: 14,
                        }
                    } else {
                        CornerRadius::same(8)
                    })
                    .inner_margin(Margin::symmetric(14, 10));
                frame
                    .show(ui, |ui| {
                        ui.add(Label::new(text).wrap().selectable(false));
                    })
                    .response
                    .rect
            },
        )
        .inner
    });
    let rect = inner.inner;
    let response = ui.interact(rect, id, Sense::click());
    let hint = if finished {
        format!("Go back to before turn {number} and choose again")
    } else {
        format!("Go back to before turn {number}")
    };
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Button,
            true,
            format!("{hint}: \u{201c}{text}\u{201d}"),
        )
    });
    if response.has_focus() {
        ui.painter().rect_stroke(
            rect.expand(3.0),
            CornerRadius::same(10),
            Stroke::new(2.0, palette.accent),
            StrokeKind::Outside,
        );
    }
    ui.add_space(6.0);
    response
        .on_hover_text(hint)
        .on_hover_cursor(egui::CursorIcon::PointingHand)
}
