//! The question asked before a new start ends this window's unfinished
//! conversation: starting is never a silent way to lose one.

use eframe::egui::{self, Frame, RichText, Ui};

use crate::app::state::AppState;
use crate::app::state::action::Action;
use crate::app::state::screen::Screen;
use crate::app::widgets;
use crate::app::widgets::theme;

/// The dialog, while a start waits in `pending_start`.
pub fn confirm_start_ui(ui: &Ui, state: &AppState) -> Vec<Action> {
    let mut actions = Vec::new();
    let (Some(card), Some(active)) = (state.pending_start, state.unfinished_here()) else {
        return actions;
    };
    let title = |c| {
        state.catalogue.scenario(c).map_or_else(
            || "this scenario".to_string(),
            |s| crate::text::quoted(&s.title),
        )
    };
    let (unfinished, next) = (title(active.card), title(card));
    let choices = crate::text::count(active.session.conversation.turns().len(), "choice");
    let frame = Frame::popup(ui.style())
        .inner_margin(egui::Margin::same(24))
        .corner_radius(12);
    let modal = egui::Modal::new(egui::Id::unique("confirm_start"))
        .frame(frame)
        .show(ui.ctx(), |ui| {
            ui.set_max_width(520.0);
            ui.label(RichText::new("End the unfinished conversation?").font(theme::title_font(ui)));
            ui.label(format!(
                "You are {choices} into {unfinished}. Starting {next} ends it: it stays in \
                 your history as unfinished, but can no longer be resumed."
            ));
            ui.add_space(8.0);
            ui.horizontal_wrapped(|ui| {
                let back = ui.button("Go back to it");
                widgets::focus_when_shown(ui, &back, ("confirm_start", card));
                if back.clicked() {
                    actions.push(Action::CancelStart);
                    actions.push(Action::Navigate(Screen::Conversation));
                }
                if ui.button(format!("Start {next}")).clicked() {
                    actions.push(Action::ConfirmStart);
                }
                if ui.button("Cancel").clicked() {
                    actions.push(Action::CancelStart);
                }
            });
        });
    if actions.is_empty() && modal.should_close() {
        actions.push(Action::CancelStart);
    }
    actions
}
