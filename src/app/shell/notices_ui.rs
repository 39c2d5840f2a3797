//! Messages about the learner's data and anything that went wrong, shown
//! on every screen until dismissed.

use eframe::egui::{self, CornerRadius, Frame, Margin, RichText, Stroke, Ui};

use crate::app::state::action::Action;
use crate::app::widgets::theme::Palette;

/// The notice bar; asks to dismiss the notices when its button is clicked.
pub fn notices_ui(ui: &mut Ui, palette: &Palette, notices: &[String]) -> Vec<Action> {
    let mut actions = Vec::new();
    if notices.is_empty() {
        return actions;
    }
    Frame::new()
        .fill(palette.notice)
        .stroke(Stroke::new(1.5, palette.fair))
        .corner_radius(CornerRadius::same(8))
        .inner_margin(Margin::symmetric(14, 10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_top(|ui| {
                let button_width = 110.0;
                ui.vertical(|ui| {
                    ui.set_width((ui.available_width() - button_width).max(120.0));
                    for notice in notices {
                        ui.horizontal_top(|ui| {
                            ui.label(RichText::new("Note").color(palette.fair).strong());
                            ui.add(egui::Label::new(notice.as_str()).wrap());
                        });
                    }
                });
                if ui
                    .button("Dismiss")
                    .on_hover_text("Hide these messages")
                    .clicked()
                {
                    actions.push(Action::DismissNotices);
                }
            });
        });
    actions
}
