//! The shortcut sheet (`?`): every key, generated from the command table,
//! grouped by where it works.

use eframe::egui::{self, Frame, RichText, ScrollArea, Ui};

use crate::app::commands::{self, CommandId, SheetGroup};
use crate::app::state::action::Action;
use crate::app::state::window::WindowAction;
use crate::app::widgets::theme::{self, Palette};

fn group_ui(ui: &mut Ui, palette: &Palette, group: &SheetGroup) {
    ui.label(RichText::new(group.group.title()).strong());
    for (keys, what) in &group.rows {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(keys).strong().color(palette.accent));
            ui.label(*what);
        });
    }
    ui.add_space(8.0);
}

/// The sheet as a modal; returns a close request.
pub(crate) fn shortcuts_ui(ui: &Ui, palette: &Palette) -> Vec<Action> {
    let mut actions = Vec::new();
    let frame = Frame::popup(ui.style())
        .inner_margin(egui::Margin::same(24))
        .corner_radius(12);
    let max_height = ui.ctx().content_rect().height() * 0.7;
    let sheet = commands::sheet();
    let modal = egui::Modal::new(egui::Id::unique("shortcut_sheet"))
        .frame(frame)
        .show(ui.ctx(), |ui| {
            ui.set_width(ui.ctx().content_rect().width() * 0.85);
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("Keys").font(theme::title_font(ui)).strong());
                let close = format!("Close ({})", commands::first_key_of(CommandId::Escape));
                if ui.button(close).clicked() {
                    actions.push(Action::Window(WindowAction::CloseShortcuts));
                }
            });
            ScrollArea::vertical()
                .id_salt("shortcut_sheet_scroll")
                .max_height(max_height)
                .min_scrolled_height(max_height)
                .show(ui, |ui| {
                    ui.columns(2, |cols| {
                        for group in &sheet {
                            group_ui(&mut cols[group.group.column()], palette, group);
                        }
                    });
                });
        });
    if actions.is_empty() && modal.should_close() {
        actions.push(Action::Window(WindowAction::CloseShortcuts));
    }
    actions
}
