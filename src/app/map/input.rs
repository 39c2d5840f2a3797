//! The map's pointer: dragging and the wheel on the canvas. Its keys (M,
//! zoom, fit and the arrows) are in the command table.

use eframe::egui::{self, EventFilter, Ui, Vec2};

use super::view::View;
use crate::app::state::action::Action;
use crate::app::state::map::MapAction;
use crate::app::state::map::layout::Point;

/// Mouse and wheel on the canvas. Its keys are read with every other
/// key, from the command table (`shell::keys`).
pub(super) fn input(ui: &Ui, canvas: &egui::Response, view: &View, actions: &mut Vec<Action>) {
    if canvas.clicked() {
        canvas.request_focus();
    }
    if canvas.dragged() {
        let d = canvas.drag_delta();
        if d != Vec2::ZERO {
            actions.push(Action::Map(MapAction::Pan { dx: d.x, dy: d.y }));
        }
    }
    if canvas.contains_pointer() {
        let (scroll, pinch, pointer) = ui.input(|i| {
            (
                i.smooth_scroll_delta.y,
                i.zoom_delta(),
                i.pointer.hover_pos(),
            )
        });
        let factor = pinch * (scroll / 240.0).exp();
        if (factor - 1.0).abs() > 1e-4 {
            actions.push(zoom(factor, pointer.map(|p| view.to_world(p))));
        }
    }
    // While the canvas has focus, the arrow keys move the view rather
    // than the focus; on a node they move the focus (egui does that).
    if canvas.has_focus() {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                canvas.id,
                EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    ..Default::default()
                },
            );
        });
    }
}

fn zoom(factor: f32, anchor: Option<Point>) -> Action {
    Action::Map(MapAction::Zoom { factor, anchor })
}
