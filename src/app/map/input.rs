//! The map's keys and pointer: M to open and close it, and on the canvas
//! dragging, the wheel, zoom keys and arrow keys.

use eframe::egui::{self, EventFilter, Key, Modifiers, Ui, Vec2};

use super::layout::Point;
use super::view::View;
use super::{MapAction, ZOOM_STEP};
use crate::app::state::AppState;
use crate::app::state::action::Action;
use crate::app::state::screen::Screen;

/// How far one arrow key press moves the view, in screen points.
const PAN_STEP: f32 = 80.0;

/// M opens the map of the scenario on screen, and closes it again.
pub fn map_key(ui: &Ui, state: &AppState) -> Option<Action> {
    if !ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::M)) {
        return None;
    }
    match state.screen {
        Screen::Map => Some(Action::CloseMap),
        Screen::Conversation if state.pending_rewind.is_none() => {
            state.active.as_ref().map(|a| Action::OpenMap(a.card))
        }
        Screen::Debrief => state.review.as_ref().map(|r| Action::OpenMap(r.card)),
        Screen::Briefing => state.briefing.map(Action::OpenMap),
        _ => None,
    }
}

/// Mouse, wheel and keys on the canvas.
pub(super) fn input(
    ui: &Ui,
    canvas: &egui::Response,
    view: &View,
    focused_node: Option<usize>,
    actions: &mut Vec<Action>,
) {
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
    // Arrow keys move the view unless a node has focus; then they move
    // the focus to the nearest node in that direction (egui does that).
    let canvas_focused = canvas.has_focus();
    if canvas_focused {
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
    let nothing_focused = ui.memory(|m| m.focused().is_none());
    ui.input_mut(|i| {
        if i.consume_key(Modifiers::NONE, Key::Plus)
            || i.consume_key(Modifiers::NONE, Key::Equals)
            || i.consume_key(Modifiers::SHIFT, Key::Equals)
        {
            actions.push(zoom(ZOOM_STEP, None));
        }
        if i.consume_key(Modifiers::NONE, Key::Minus) {
            actions.push(zoom(1.0 / ZOOM_STEP, None));
        }
        if i.consume_key(Modifiers::NONE, Key::Num0) || i.consume_key(Modifiers::NONE, Key::F) {
            actions.push(Action::Map(MapAction::Fit));
        }
        if focused_node.is_none() && (canvas_focused || nothing_focused) {
            for (key, dx, dy) in [
                (Key::ArrowLeft, PAN_STEP, 0.0),
                (Key::ArrowRight, -PAN_STEP, 0.0),
                (Key::ArrowUp, 0.0, PAN_STEP),
                (Key::ArrowDown, 0.0, -PAN_STEP),
            ] {
                if i.consume_key(Modifiers::NONE, key) {
                    actions.push(Action::Map(MapAction::Pan { dx, dy }));
                }
            }
        }
    });
}

fn zoom(factor: f32, anchor: Option<Point>) -> Action {
    Action::Map(MapAction::Zoom { factor, anchor })
}
