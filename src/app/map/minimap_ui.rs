//! The overview in the corner of the canvas.

use eframe::egui::{self, Rect, Sense, Stroke, StrokeKind, Ui, vec2};

use super::sight::Sight;
use super::view::View;
use crate::app::state::action::Action;
use crate::app::state::map::layout::{Layout, NodeKind, Point};
use crate::app::state::map::{Camera, MapAction};
use crate::app::widgets;
use crate::app::widgets::theme::Palette;

/// A small overview of the whole tree in the corner, with the part in
/// view outlined, shown when the tree does not fit; clicking or dragging
/// in it moves the view there.
pub(super) fn minimap_ui(
    ui: &mut Ui,
    view: &View,
    layout: &Layout,
    sight: &Sight,
    palette: &Palette,
    actions: &mut Vec<Action>,
) {
    let bounds = layout.bounds;
    let visible = view.camera.visible(view.rect.width(), view.rect.height());
    if bounds.is_empty() || visible.contains_bounds(&bounds) {
        return;
    }
    let width = (view.rect.width() * 0.28).clamp(120.0, 240.0);
    let height =
        (width * bounds.height() / bounds.width().max(1.0)).clamp(24.0, view.rect.height() * 0.3);
    let scale = (width / bounds.width().max(1.0)).min(height / bounds.height().max(1.0));
    let size = vec2(bounds.width() * scale, bounds.height() * scale) + vec2(16.0, 16.0);
    let rect = Rect::from_min_size(view.rect.right_bottom() - size - vec2(10.0, 10.0), size);
    let inner = rect.shrink(8.0);
    let to_mini =
        |p: Point| inner.min + vec2((p.x - bounds.min.x) * scale, (p.y - bounds.min.y) * scale);
    let response = ui.interact(
        rect,
        egui::Id::unique("map_overview"),
        Sense::click_and_drag(),
    );
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Button,
            true,
            "Overview of the whole map: click to move the view there",
        )
    });
    let painter = ui.painter_at(view.rect);
    painter.rect(
        rect,
        6.0,
        palette.card.gamma_multiply(0.94),
        Stroke::new(1.0, palette.card_stroke),
        StrokeKind::Inside,
    );
    for (i, node) in layout.nodes.iter().enumerate() {
        let b = node.bounds();
        let r = Rect::from_min_max(to_mini(b.min), to_mini(b.max));
        let colour = match node.kind {
            _ if sight.marks.on_path(i) => palette.accent,
            NodeKind::Ending(kind) if sight.shown(i) => widgets::ending_colour(palette, kind),
            _ => palette.muted,
        };
        painter.rect_filled(r.expand(0.5), 1.0, colour);
    }
    let seen =
        Rect::from_min_max(to_mini(visible.min), to_mini(visible.max)).intersect(inner.expand(2.0));
    painter.rect_stroke(
        seen,
        2.0,
        Stroke::new(1.5, palette.accent),
        StrokeKind::Outside,
    );
    if (response.clicked() || response.dragged())
        && let Some(p) = response.interact_pointer_pos()
    {
        let d = (p - inner.min) / scale;
        actions.push(Action::Map(MapAction::SetCamera(Camera {
            center: Point::new(bounds.min.x + d.x, bounds.min.y + d.y),
            zoom: view.camera.zoom,
        })));
    }
}
