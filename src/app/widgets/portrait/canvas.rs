//! A small drawing surface in portrait units: (-1, -1) is the top-left corner of
//! the square and (1, 1) the bottom-right. Shapes are tessellated at the size
//! they are shown, so the portrait stays sharp at any scale.

use eframe::egui::epaint::Mesh;
use eframe::egui::{Color32, Pos2, Rect, Shape, Stroke, pos2};

use super::geometry::{clip_to_convex, ellipse, is_convex, triangulate};

/// Collects the portrait's shapes, clipped to its rounded frame.
pub struct Canvas {
    center: Pos2,
    half: f32,
    /// The rounded frame in screen points; every fill is clipped to it.
    frame: Vec<Pos2>,
    /// One physical pixel in points, for anti-aliasing triangulated fills.
    pixel: f32,
    /// Corner radius of the frame, in units.
    rounding: f32,
    pub shapes: Vec<Shape>,
}

impl Canvas {
    /// A canvas filling `rect` (a square), with corners rounded by `rounding` units.
    pub fn new(rect: Rect, pixels_per_point: f32, rounding: f32) -> Canvas {
        let half = rect.width().min(rect.height()) / 2.0;
        let mut canvas = Canvas {
            center: rect.center(),
            half,
            frame: Vec::new(),
            pixel: 1.0 / pixels_per_point.max(0.1),
            rounding: rounding.clamp(0.0, 1.0),
            shapes: Vec::new(),
        };
        canvas.frame = canvas.rounded_square(rounding);
        canvas
    }

    /// The frame outline in units, for painting the backdrop.
    pub fn frame_units(&self) -> Vec<Pos2> {
        self.frame.iter().map(|&p| self.to_units(p)).collect()
    }

    fn rounded_square(&self, r: f32) -> Vec<Pos2> {
        let r = r.clamp(0.0, 1.0);
        let n = self.segments(r).max(4) / 4;
        let corners = [
            (1.0 - r, 1.0 - r, 0.0),
            (-1.0 + r, 1.0 - r, 0.25),
            (-1.0 + r, -1.0 + r, 0.5),
            (1.0 - r, -1.0 + r, 0.75),
        ];
        let mut points = Vec::new();
        for (cx, cy, start) in corners {
            for k in 0..=n {
                let a = (start + 0.25 * k as f32 / n as f32) * std::f32::consts::TAU;
                points.push(self.to_screen(pos2(cx + r * a.cos(), cy + r * a.sin())));
            }
        }
        points
    }

    /// Whether unit-space points stay clear of the frame's edges and rounded
    /// corners, so clipping can be skipped.
    fn inside_frame(&self, points: &[Pos2]) -> bool {
        let r = self.rounding;
        let inside = |p: &Pos2| {
            let (x, y) = (p.x.abs(), p.y.abs());
            x <= 1.0 && y <= 1.0 && (x <= 1.0 - r || y <= 1.0 - r)
        };
        points.iter().all(inside)
    }

    pub fn to_screen(&self, p: Pos2) -> Pos2 {
        pos2(
            self.center.x + p.x * self.half,
            self.center.y + p.y * self.half,
        )
    }

    fn to_units(&self, p: Pos2) -> Pos2 {
        pos2(
            (p.x - self.center.x) / self.half,
            (p.y - self.center.y) / self.half,
        )
    }

    /// How many segments a curve of radius `r` units needs to look round.
    pub fn segments(&self, r: f32) -> usize {
        let px = (r.abs() * self.half).max(0.0);
        ((px.sqrt() * 6.0) as usize).clamp(12, 160)
    }

    /// Fills any simple polygon given in units.
    pub fn fill(&mut self, points: &[Pos2], color: Color32) {
        if points.len() < 3 || color.a() == 0 || !finite(points) {
            return;
        }
        let screen: Vec<Pos2> = points.iter().map(|&p| self.to_screen(p)).collect();
        let clipped = if self.inside_frame(points) {
            screen
        } else {
            clip_to_convex(&screen, &self.frame)
        };
        if clipped.len() < 3 {
            return;
        }
        if is_convex(&clipped) {
            self.shapes
                .push(Shape::convex_polygon(clipped, color, Stroke::NONE));
            return;
        }
        let mut mesh = Mesh::default();
        for &p in &clipped {
            mesh.colored_vertex(p, color);
        }
        for [a, b, c] in triangulate(&clipped) {
            mesh.add_triangle(a, b, c);
        }
        self.shapes.push(Shape::mesh(mesh));
        if color.is_opaque() {
            // A one-pixel outline in the same colour smooths the mesh's hard edge.
            self.shapes
                .push(Shape::closed_line(clipped, Stroke::new(self.pixel, color)));
        }
    }

    /// Fills a circle given in units.
    pub fn circle(&mut self, center: Pos2, r: f32, color: Color32) {
        let points = ellipse(center, r, r, self.segments(r));
        self.fill(&points, color);
    }

    /// Strokes an open polyline; `width` is in units.
    pub fn line(&mut self, points: &[Pos2], width: f32, color: Color32) {
        if points.len() < 2 || color.a() == 0 || !finite(points) {
            return;
        }
        let screen: Vec<Pos2> = points.iter().map(|&p| self.to_screen(p)).collect();
        let stroke = Stroke::new((width * self.half).max(self.pixel), color);
        self.shapes.push(Shape::line(screen, stroke));
    }

    /// Strokes a closed outline; `width` is in units.
    pub fn outline(&mut self, points: &[Pos2], width: f32, color: Color32) {
        if points.len() < 3 || color.a() == 0 || !finite(points) {
            return;
        }
        let screen: Vec<Pos2> = points.iter().map(|&p| self.to_screen(p)).collect();
        let stroke = Stroke::new((width * self.half).max(self.pixel), color);
        self.shapes.push(Shape::closed_line(screen, stroke));
    }
}

/// A shape with a non-finite point is skipped rather than handed to egui.
fn finite(points: &[Pos2]) -> bool {
    points.iter().all(|p| p.x.is_finite() && p.y.is_finite())
}
