//! World to screen and back, for one frame of the canvas.

use eframe::egui::{Pos2, Rect, vec2};

use crate::app::state::map::Camera;
use crate::app::state::map::layout::{MapNode, Point};

/// World to screen and back for one frame.
#[derive(Clone, Copy)]
pub(super) struct View {
    pub(super) rect: Rect,
    pub(super) camera: Camera,
}

impl View {
    pub(super) fn to_screen(self, p: Point) -> Pos2 {
        self.rect.center()
            + vec2(
                (p.x - self.camera.center.x) * self.camera.zoom,
                (p.y - self.camera.center.y) * self.camera.zoom,
            )
    }

    pub(super) fn to_world(self, p: Pos2) -> Point {
        let d = (p - self.rect.center()) / self.camera.zoom;
        Point::new(self.camera.center.x + d.x, self.camera.center.y + d.y)
    }

    pub(super) fn rect_of(&self, node: &MapNode) -> Rect {
        let b = node.bounds();
        Rect::from_min_max(self.to_screen(b.min), self.to_screen(b.max))
    }

    /// Line widths and text grow and shrink with the zoom, within limits.
    pub(super) fn scale(&self) -> f32 {
        self.camera.zoom.clamp(0.6, 1.6)
    }
}
