//! The facilitator notes for the current moment, in a side panel that
//! stays hidden until N shows it, so it can be kept off the projector.

use eframe::egui::{self, Frame, Margin, RichText, ScrollArea, Stroke, Ui};

use crate::app::widgets::theme::{self, Palette};

/// The notes panel on the right of the stage or walkthrough.
pub(super) fn notes_panel_ui(ui: &mut Ui, palette: &Palette, notes: Option<&str>) {
    let width = (ui.available_width() * 0.28).clamp(220.0, 560.0);
    egui::Panel::right("facilitator_notes")
        .resizable(false)
        .exact_size(width)
        .frame(
            Frame::new()
                .fill(palette.card)
                .stroke(Stroke::new(2.0, palette.fair))
                .inner_margin(Margin::same(14)),
        )
        .show(ui, |ui| {
            ScrollArea::vertical()
                .id_salt("notes_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.label(
                        RichText::new("Facilitator notes")
                            .font(theme::title_font(ui))
                            .strong(),
                    );
                    ui.label(
                        RichText::new("N hides this panel")
                            .small()
                            .color(palette.muted),
                    );
                    ui.add_space(6.0);
                    match notes {
                        Some(text) if !text.trim().is_empty() => {
                            ui.label(text.trim());
                        }
                        _ => {
                            ui.label(
                                RichText::new("The scenario has no notes for this moment.")
                                    .color(palette.muted),
                            );
                        }
                    }
                });
        });
}
