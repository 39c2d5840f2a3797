//! The shortcut sheet (`?`): every key, in normal mode and presenter mode.

use eframe::egui::{self, Frame, RichText, ScrollArea, Ui};

use super::window::WindowAction;
use crate::app::state::action::Action;
use crate::app::widgets::theme::{self, Palette};

/// The keys that work everywhere.
const EVERYWHERE: &[(&str, &str)] = &[
    ("?", "Show or hide this sheet"),
    ("F5", "Presenter mode on or off"),
    ("F11", "Full screen on or off"),
    ("Esc", "Leave full screen (never quits)"),
    (
        "Ctrl + / Ctrl \u{2212} / Ctrl 0",
        "Zoom in, out, back to normal",
    ),
    ("Tab, Enter", "Move between buttons, press one"),
];

/// Normal mode, in a conversation.
const NORMAL: &[(&str, &str)] = &[
    ("1\u{2013}4", "Choose an option"),
    ("Ctrl+Z or Backspace", "Take back the last choice"),
    ("Enter", "Open the debrief at the end"),
];

/// Presenter mode.
const PRESENTER: &[(&str, &str)] = &[
    (
        "Page Down, right or down arrow, Space",
        "Next: discuss, reveal, say the room's choice, next debrief page",
    ),
    (
        "Page Up, left or up arrow",
        "Back: hide, close the discussion, take back a choice, previous page",
    ),
    ("1\u{2013}4", "Choose an option at once"),
    ("D", "Open the discussion pause"),
    (
        "A\u{2013}D",
        "In a discussion: one more vote for that option",
    ),
    ("0", "In a discussion: reset the votes"),
    ("R", "In a discussion: reveal or hide each option's effect"),
    (
        "Up and down arrows",
        "In a discussion: move the room's choice",
    ),
    ("Enter", "Say the room's choice; next debrief page"),
    ("T", "Show or hide the trust meter"),
    ("N", "Show or hide the facilitator notes"),
    ("B", "In the debrief: branch off before this turn"),
];

fn table_ui(ui: &mut Ui, palette: &Palette, rows: &[(&str, &str)]) {
    for (key, what) in rows {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(*key).strong().color(palette.accent));
            ui.label(*what);
        });
    }
}

/// The sheet as a modal; returns a close request.
pub(crate) fn shortcuts_ui(ui: &Ui, palette: &Palette) -> Vec<Action> {
    let mut actions = Vec::new();
    let frame = Frame::popup(ui.style())
        .inner_margin(egui::Margin::same(24))
        .corner_radius(12);
    let max_height = ui.ctx().content_rect().height() * 0.7;
    let modal = egui::Modal::new(egui::Id::unique("shortcut_sheet"))
        .frame(frame)
        .show(ui.ctx(), |ui| {
            ui.set_width(ui.ctx().content_rect().width() * 0.85);
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("Keys").font(theme::title_font(ui)).strong());
                if ui.button("Close (Esc)").clicked() {
                    actions.push(Action::Window(WindowAction::CloseShortcuts));
                }
            });
            ScrollArea::vertical()
                .id_salt("shortcut_sheet_scroll")
                .max_height(max_height)
                .min_scrolled_height(max_height)
                .show(ui, |ui| {
                    ui.columns(2, |cols| {
                        cols[0].label(RichText::new("Everywhere").strong());
                        table_ui(&mut cols[0], palette, EVERYWHERE);
                        cols[0].add_space(8.0);
                        cols[0].label(RichText::new("In a conversation").strong());
                        table_ui(&mut cols[0], palette, NORMAL);
                        cols[1]
                            .label(RichText::new("Presenter mode, also with a clicker").strong());
                        table_ui(&mut cols[1], palette, PRESENTER);
                    });
                });
        });
    if actions.is_empty() && modal.should_close() {
        actions.push(Action::Window(WindowAction::CloseShortcuts));
    }
    actions
}
