//! The conversation so far. The peer's lines and the learner's lines differ
//! in side, frame and speaker name, never in colour alone. A chat is laid
//! out as bubbles; talk in person or by phone reads like a script.
//! Each of the learner's lines is a button that goes back to that turn.

use eframe::egui::{
    self, Align, CornerRadius, Frame, Label, Layout, Margin, RichText, Sense, Stroke, StrokeKind,
    Ui,
};

use crate::app::state::action::Action;
use crate::app::widgets::lazy_rows::lazy_rows;
use crate::app::widgets::theme::Palette;
use crate::engine::Conversation;
use crate::scenario::{Medium, Scenario};
use crate::text::speakers;

/// Draws the lines in view and returns a rewind request if a turn was
/// clicked. Lines out of view are skipped (see [`lazy_rows`]), except the
/// learner's line with keyboard focus and the exchanges beside it.
pub fn transcript_ui(
    ui: &mut Ui,
    palette: &Palette,
    scenario: &Scenario,
    conversation: &Conversation,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let chat = scenario.setting.medium == Medium::Chat;
    // In a group the line names who speaks: one frame per speaker.
    let group = scenario.setting.medium == Medium::Group;
    let steps = conversation.steps();
    let turns = conversation.turns();
    let finished = conversation.is_finished(scenario);
    let turn_id = |ui: &Ui, i: usize| ui.scope_id().with(("turn", i + 1));
    let focused = ui
        .memory(|m| m.focused())
        .and_then(|f| (0..turns.len()).find(|&i| turn_id(ui, i) == f));
    // What an exchange's height depends on besides its text.
    let layout = (
        ui.available_width().to_bits(),
        ui.text_style_height(&egui::TextStyle::Body).to_bits(),
        chat,
    );
    let key = |i: usize| {
        let said = turns.get(i).map(|t| t.said.as_str());
        egui::Id::unique((i, &steps[i].line, said, layout))
    };
    let keep = |i: usize| focused.is_some_and(|f| i.abs_diff(f) <= 1);
    lazy_rows(ui, "transcript_rows", steps.len(), key, keep, |ui, i| {
        if group {
            for said in speakers(&steps[i].line) {
                let name = said.speaker.unwrap_or(&scenario.persona.name);
                peer_line_ui(ui, palette, name, &said.text, false);
            }
        } else {
            peer_line_ui(ui, palette, &scenario.persona.name, &steps[i].line, chat);
        }
        if let Some(turn) = turns.get(i) {
            // Rewinding into a finished conversation is fine: it reopens it.
            let id = turn_id(ui, i);
            if learner_line_ui(ui, palette, id, i + 1, &turn.said, chat, finished).clicked() {
                actions.push(Action::AskRewind(i));
            }
        }
    });
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
    id: egui::Id,
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
    if response.gained_focus() {
        // Tab does not scroll on its own; a line reached with it should show.
        response.scroll_to_me(None);
    }
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
