//! A line of the conversation as a speech bubble, in the large type of
//! the stage; the stage, the discussion pause and the walkthrough share it.

use eframe::egui::{Frame, Label, Margin, RichText, Stroke, Ui};

use crate::app::widgets::theme::Palette;
use crate::scenario::{Medium, Scenario};
use crate::text::speakers;

/// What the peer says: one bubble under the person's name, or in a group
/// session one bubble per speaker the line names ("Marcus: ...").
pub(super) fn peer_said_ui(ui: &mut Ui, palette: &Palette, scenario: &Scenario, text: &str) {
    let name = &scenario.persona.name;
    if scenario.setting.medium != Medium::Group {
        bubble_ui(ui, palette, name, text, false);
        return;
    }
    for said in speakers(text) {
        bubble_ui(ui, palette, said.speaker.unwrap_or(name), &said.text, false);
    }
}

/// One line of the conversation; the speaker is always named.
pub(super) fn bubble_ui(ui: &mut Ui, palette: &Palette, speaker: &str, text: &str, learner: bool) {
    let frame = Frame::new()
        .fill(if learner {
            palette.learner_fill
        } else {
            palette.peer_fill
        })
        .stroke(Stroke::new(
            if learner { 2.0 } else { 1.0 },
            if learner {
                palette.learner_stroke
            } else {
                palette.card_stroke
            },
        ))
        .corner_radius(10)
        .inner_margin(Margin::symmetric(18, 10));
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(speaker).small().strong().color(palette.muted));
        ui.add(Label::new(text).wrap().selectable(false));
    });
    ui.add_space(6.0);
}
