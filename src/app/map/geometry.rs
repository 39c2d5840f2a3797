//! Plain geometry on screen points.

use eframe::egui::{Pos2, pos2};

pub(super) fn bezier(a: Pos2, b: Pos2, c: Pos2, d: Pos2, steps: usize) -> Vec<Pos2> {
    (0..=steps)
        .map(|s| {
            let t = s as f32 / steps as f32;
            let u = 1.0 - t;
            let w = [u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t];
            pos2(
                w[0] * a.x + w[1] * b.x + w[2] * c.x + w[3] * d.x,
                w[0] * a.y + w[1] * b.y + w[2] * c.y + w[3] * d.y,
            )
        })
        .collect()
}

pub(super) fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let len = ab.length_sq();
    if len <= f32::EPSILON {
        return (p - a).length();
    }
    let t = ((p - a).dot(ab) / len).clamp(0.0, 1.0);
    (p - (a + ab * t)).length()
}
