//! Painting one node: its box, its name, what kind it is, the step
//! numbers of the path and "you are here".

use eframe::egui::{
    self, Align2, Color32, FontId, Rect, Shape, Stroke, StrokeKind, Ui, pos2, text::LayoutJob, vec2,
};

use super::pills::pill;
use super::view::View;
use crate::app::state::map::layout::{MapNode, NodeKind};
use crate::app::widgets;
use crate::app::widgets::theme::Palette;
use crate::text::count;

/// Node text is left out when boxes are narrower than this on screen.
const MIN_TEXT_BOX: f32 = 44.0;

#[derive(Clone, Copy)]
pub(super) struct NodeLook {
    pub(super) selected: bool,
    pub(super) hovered: bool,
    pub(super) focused: bool,
    pub(super) on_path: bool,
    pub(super) current: bool,
    /// What happens here may show (see `Reveal::node`); a hidden
    /// ending is drawn without its kind.
    pub(super) shown: bool,
}

/// Paints one node: its box, its text when there is room, its step
/// number on the path and "you are here".
#[allow(clippy::too_many_arguments)]
pub(super) fn paint_node(
    painter: &egui::Painter,
    ui: &Ui,
    view: &View,
    node: &MapNode,
    name: &str,
    steps: &[usize],
    look: NodeLook,
    palette: &Palette,
    zoom: f32,
) {
    let rect = view.rect_of(node);
    paint_box(painter, rect, node, look, palette, zoom);
    if rect.width() >= MIN_TEXT_BOX {
        let (sub, sub_colour) = sub_line(node, look.shown, palette);
        let text = ui.visuals().text_color();
        let title = (name, text);
        paint_text(painter, rect, title, (&sub, sub_colour), zoom);
    }
    if let Some(&step) = steps.last() {
        paint_step(painter, view, rect, step, palette);
    }
    if look.current {
        let at = rect.center_top() - vec2(0.0, 14.0 * view.scale());
        pill(painter, ui, at, "you are here", palette.accent, palette);
    }
}

/// The node's box: a ring when selected or focused, the fill, and an
/// outline that is dashed when the node cannot be reached.
fn paint_box(
    painter: &egui::Painter,
    rect: Rect,
    node: &MapNode,
    look: NodeLook,
    palette: &Palette,
    zoom: f32,
) {
    let (fill, radius, edge_colour) = match node.kind {
        NodeKind::Decision { .. } => (palette.card, 8.0 * zoom, palette.card_stroke),
        NodeKind::Branch { .. } => (palette.peer_fill, rect.height() / 2.0, palette.muted),
        NodeKind::Ending(_) if !look.shown => (palette.card, 2.0, palette.muted),
        NodeKind::Ending(kind) => {
            let colour = widgets::ending_colour(palette, kind);
            (palette.card.lerp_to_gamma(colour, 0.16), 2.0, colour)
        }
    };
    let base_width = match node.kind {
        NodeKind::Ending(_) => 2.0,
        _ if palette.high_contrast => 2.0,
        _ => 1.2,
    };
    if look.selected || look.focused {
        painter.rect_stroke(
            rect.expand(5.0),
            radius + 5.0,
            Stroke::new(2.0, palette.accent),
            StrokeKind::Outside,
        );
    }
    let stroke = if look.on_path {
        Stroke::new(3.0, palette.accent)
    } else if look.hovered {
        Stroke::new(base_width + 1.0, palette.accent)
    } else {
        Stroke::new(base_width, edge_colour)
    };
    painter.rect_filled(rect, radius, fill);
    if node.reachable || node.is_withdrawal {
        painter.rect_stroke(rect, radius, stroke, StrokeKind::Inside);
    } else {
        let r = rect.shrink(1.0);
        let outline = [
            r.left_top(),
            r.right_top(),
            r.right_bottom(),
            r.left_bottom(),
            r.left_top(),
        ];
        painter.extend(Shape::dashed_line(
            &outline,
            Stroke::new(1.5, palette.poor),
            6.0,
            4.0,
        ));
    }
}

/// The second line of a node and its colour: its kind, "start", or
/// "unreachable"; an ending's kind only when it may be `shown`.
fn sub_line(node: &MapNode, shown: bool, palette: &Palette) -> (String, Color32) {
    let sub_text = match node.kind {
        NodeKind::Decision { options } => count(options, "option"),
        NodeKind::Branch { .. } => "branch".to_string(),
        NodeKind::Ending(_) if !shown => "ending: not reached yet".to_string(),
        NodeKind::Ending(kind) => format!("ending: {}", kind.label()),
    };
    let reachable = node.reachable || node.is_withdrawal;
    let sub_text = if reachable {
        if node.is_start {
            format!("start \u{00B7} {sub_text}")
        } else {
            sub_text
        }
    } else {
        "unreachable".to_string()
    };
    let sub_colour = match node.kind {
        NodeKind::Ending(kind) if shown => widgets::ending_colour(palette, kind),
        _ if !reachable => palette.poor,
        _ => palette.muted,
    };
    (sub_text, sub_colour)
}

/// The node's name and, when both fit, its second line, centred in
/// the box; each with its colour.
fn paint_text(
    painter: &egui::Painter,
    rect: Rect,
    (name, text): (&str, Color32),
    (sub_text, sub_colour): (&str, Color32),
    zoom: f32,
) {
    let size = (16.0 * zoom).max(9.0);
    let size = (size * 2.0).round() / 2.0;
    let width = rect.width() - 12.0;
    let title = elided(painter, name, FontId::proportional(size), text, width);
    let sub = elided(
        painter,
        sub_text,
        FontId::proportional((size * 0.8).max(8.5)),
        sub_colour,
        width,
    );
    let total = title.size().y + sub.size().y;
    if total <= rect.height() + 2.0 {
        let top = rect.center().y - total / 2.0;
        painter.galley(
            pos2(rect.center().x - title.size().x / 2.0, top),
            title,
            text,
        );
        painter.galley(
            pos2(
                rect.center().x - sub.size().x / 2.0,
                top + total - sub.size().y,
            ),
            sub,
            sub_colour,
        );
    } else {
        painter.galley(rect.center() - title.size() / 2.0, title, text);
    }
}

/// The last step of the path at this node, in a disc on its corner.
fn paint_step(painter: &egui::Painter, view: &View, rect: Rect, step: usize, palette: &Palette) {
    let r = 10.0 * view.scale();
    let c = rect.left_top() + vec2(2.0, 2.0);
    painter.circle(c, r, palette.accent, Stroke::new(1.5, palette.card));
    painter.text(
        c,
        Align2::CENTER_CENTER,
        step.to_string(),
        FontId::proportional(11.0 * view.scale()),
        palette.card,
    );
}

fn elided(
    painter: &egui::Painter,
    text: &str,
    font: FontId,
    colour: Color32,
    width: f32,
) -> std::sync::Arc<egui::Galley> {
    let mut job = LayoutJob::simple_singleline(text.to_string(), font, colour);
    job.wrap = egui::text::TextWrapping::truncate_at_width(width.max(8.0));
    painter.layout_job(job)
}
