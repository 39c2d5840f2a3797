//! Edges on screen: their curves, arrow heads, and which one the pointer
//! is on.

use eframe::egui::{self, Color32, Pos2, Shape, Stroke, vec2};

use super::geometry::{bezier, distance_to_segment};
use super::view::View;
use crate::app::state::map::layout::MapEdge;

/// How close the pointer must be to an edge to point at it.
const EDGE_HIT: f32 = 6.0;

/// The screen points of an edge: a curve through its waypoints that
/// leaves and arrives horizontally; loops back bow below the columns.
pub(super) fn curve(view: &View, edge: &MapEdge) -> Vec<Pos2> {
    let pts: Vec<Pos2> = edge.points.iter().map(|p| view.to_screen(*p)).collect();
    if edge.self_loop && pts.len() == 4 {
        return bezier(pts[0], pts[1], pts[2], pts[3], 16);
    }
    let mut out = Vec::with_capacity(pts.len() * 10);
    let bow = if edge.back {
        36.0 * view.camera.zoom
    } else {
        0.0
    };
    for (i, pair) in pts.windows(2).enumerate() {
        let (a, b) = (pair[0], pair[1]);
        let dx = (b.x - a.x) / 2.0;
        let first = i == 0;
        let last = i + 2 == pts.len();
        let c1 = a + vec2(dx, if first { bow } else { 0.0 });
        let c2 = b - vec2(dx, if last { -bow } else { 0.0 });
        let steps = ((b - a).length() / 14.0).clamp(1.0, 16.0) as usize;
        let segment = bezier(a, c1, c2, b, steps);
        let skip = usize::from(!out.is_empty());
        out.extend(segment.into_iter().skip(skip));
    }
    out
}

pub(super) fn arrow_head(painter: &egui::Painter, points: &[Pos2], colour: Color32, size: f32) {
    let [.., before, tip] = points else {
        return;
    };
    let dir = (*tip - *before).normalized();
    if !dir.x.is_finite() || !dir.y.is_finite() {
        return;
    }
    let side = vec2(-dir.y, dir.x) * size * 0.5;
    let base = *tip - dir * size;
    painter.add(Shape::convex_polygon(
        vec![*tip, base + side, base - side],
        colour,
        Stroke::NONE,
    ));
}

/// The edge under the pointer, if any is close enough.
pub(super) fn nearest_edge(drawn: &[(usize, Vec<Pos2>)], p: Pos2) -> Option<usize> {
    let mut best = (EDGE_HIT, None);
    for (e, points) in drawn {
        for pair in points.windows(2) {
            let d = distance_to_segment(p, pair[0], pair[1]);
            if d < best.0 {
                best = (d, Some(*e));
            }
        }
    }
    best.1
}
