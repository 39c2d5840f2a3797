//! The row of buttons above the map: fit and zoom, and what the map
//! shows (the answers, the ids).

use eframe::egui::{RichText, Ui};

use super::{MapAction, MapState, ZOOM_STEP};
use crate::app::commands::{CommandId, keys_of};
use crate::app::state::action::Action;
use crate::app::widgets::theme::Palette;

/// Fit, zoom out and zoom in, the "Show the answers" and "Show ids"
/// toggles, and a line on how to move about. When the conversation shown
/// has `ended`, the answers show anyway and the toggle says so.
pub(super) fn toolbar_ui(
    ui: &mut Ui,
    map: &MapState,
    ended: bool,
    palette: &Palette,
    actions: &mut Vec<Action>,
) {
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
        ui.separator();
        toggles_ui(ui, map, ended, palette, actions);
    });
    ui.label(
        RichText::new(
            "Drag or arrow keys to move \u{00B7} scroll to zoom \u{00B7} \
             Tab and arrows step through the nodes",
        )
        .small()
        .color(palette.muted),
    );
}

/// "Show the answers" and "Show ids".
fn toggles_ui(
    ui: &mut Ui,
    map: &MapState,
    ended: bool,
    palette: &Palette,
    actions: &mut Vec<Action>,
) {
    if ended {
        ui.label(
            RichText::new("The conversation has ended: every rating shows.").color(palette.muted),
        );
    } else {
        let mut answers = map.show_answers;
        if ui
            .checkbox(&mut answers, "Show the answers")
            .on_hover_text(
                "For authors and facilitators: every rating, trust effect and later line, \
                 even while a conversation runs. It gives the answers away.",
            )
            .changed()
        {
            actions.push(Action::Map(MapAction::ShowAnswers(answers)));
        }
    }
    let mut ids = map.show_ids;
    if ui
        .checkbox(&mut ids, "Show ids")
        .on_hover_text("The author view: node and option ids as written in the file")
        .changed()
    {
        actions.push(Action::Map(MapAction::ShowIds(ids)));
    }
}
