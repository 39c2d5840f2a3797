//! After an ending that a follow-up continues from, an offer to play it
//! ("A day later: try ..."), on the debrief and the walkthrough's first
//! page alike.

use eframe::egui::{self, RichText, Stroke, Ui};

use crate::app::state::action::Action;
use crate::app::state::catalogue::Catalogue;
use crate::app::widgets::card_frame;
use crate::app::widgets::theme::Palette;
use crate::engine::Conversation;
use crate::scenario::Scenario;

/// One offer per follow-up of the ending reached; nothing before an
/// ending. Returns the briefing asked for.
pub fn follow_up_ui(
    ui: &mut Ui,
    palette: &Palette,
    catalogue: &Catalogue,
    scenario: &Scenario,
    conversation: &Conversation,
) -> Vec<Action> {
    let mut actions = Vec::new();
    if !conversation.is_finished(scenario) {
        return actions;
    }
    let ending = &conversation.current().node;
    for card in catalogue.follow_ups(&scenario.id, ending) {
        let Some(next) = catalogue.scenario(card) else {
            continue;
        };
        card_frame(palette)
            .stroke(Stroke::new(2.0, palette.accent))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new(format!("A day later: try \u{201c}{}\u{201d}", next.title))
                        .strong(),
                );
                ui.label(RichText::new(&next.summary).color(palette.muted));
                let open = ui.add(
                    egui::Button::new("Read its briefing")
                        .fill(palette.learner_fill)
                        .stroke(Stroke::new(1.0, palette.learner_stroke)),
                );
                open.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Button,
                        true,
                        format!("Read the briefing for {}", next.title),
                    )
                });
                if open.clicked() {
                    actions.push(Action::OpenBriefing(card));
                }
            });
        ui.add_space(8.0);
    }
    actions
}
