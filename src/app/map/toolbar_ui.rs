//! The row of buttons above the map: fit and zoom.

use eframe::egui::{RichText, Ui};

use super::{MapAction, ZOOM_STEP};
use crate::app::commands::{CommandId, keys_of};
use crate::app::state::action::Action;
use crate::app::widgets::theme::Palette;

/// Fit, zoom out and zoom in, and a line on how to move about.
pub(super) fn toolbar_ui(ui: &mut Ui, palette: &Palette, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Fit to window")
            .on_hover_text(format!(
                "Show the whole tree ({})",
                keys_of(CommandId::MapFit)
            ))
            .clicked()
        {
            actions.push(Action::Map(MapAction::Fit));
        }
        let out = format!("Or {}", keys_of(CommandId::MapZoomOut));
        if ui.button("Zoom out").on_hover_text(out).clicked() {
            actions.push(Action::Map(MapAction::Zoom {
                factor: 1.0 / ZOOM_STEP,
                anchor: None,
            }));
        }
        let zoom_in = format!("Or {}", keys_of(CommandId::MapZoomIn));
        if ui.button("Zoom in").on_hover_text(zoom_in).clicked() {
            actions.push(Action::Map(MapAction::Zoom {
                factor: ZOOM_STEP,
                anchor: None,
            }));
        }
        ui.label(
            RichText::new(
                "Drag or arrow keys to move \u{00B7} scroll to zoom \u{00B7} \
                 Tab and arrows step through the nodes",
            )
            .small()
            .color(palette.muted),
        );
    });
}
