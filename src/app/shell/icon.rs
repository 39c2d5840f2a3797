//! The window icon, painted in code so it needs no asset file: two speech
//! bubbles, one answering the other, on a calm teal tile.

use eframe::egui::IconData;

const SIZE: u32 = 128;

/// Straight-alpha RGBA colour.
type Rgba = [f32; 4];

const TILE: Rgba = [0.16, 0.47, 0.45, 1.0];
const PEER: Rgba = [0.98, 0.97, 0.94, 1.0];
const LEARNER: Rgba = [0.98, 0.78, 0.42, 1.0];

/// Signed distance to a rounded rectangle centred at (cx, cy).
fn rounded_rect(x: f32, y: f32, cx: f32, cy: f32, hw: f32, hh: f32, r: f32) -> f32 {
    let qx = (x - cx).abs() - (hw - r);
    let qy = (y - cy).abs() - (hh - r);
    let outside = (qx.max(0.0).powi(2) + qy.max(0.0).powi(2)).sqrt();
    outside + qx.max(qy).min(0.0) - r
}

/// Signed distance to a triangle given by three points (for bubble tails).
fn triangle(p: (f32, f32), a: (f32, f32), b: (f32, f32), c: (f32, f32)) -> f32 {
    let edge = |p0: (f32, f32), p1: (f32, f32)| {
        let (ex, ey) = (p1.0 - p0.0, p1.1 - p0.1);
        let (wx, wy) = (p.0 - p0.0, p.1 - p0.1);
        let t = ((wx * ex + wy * ey) / (ex * ex + ey * ey)).clamp(0.0, 1.0);
        let (dx, dy) = (wx - ex * t, wy - ey * t);
        ((dx * dx + dy * dy).sqrt(), ex * wy - ey * wx)
    };
    let (d0, s0) = edge(a, b);
    let (d1, s1) = edge(b, c);
    let (d2, s2) = edge(c, a);
    let d = d0.min(d1).min(d2);
    let inside = (s0 >= 0.0 && s1 >= 0.0 && s2 >= 0.0) || (s0 <= 0.0 && s1 <= 0.0 && s2 <= 0.0);
    if inside { -d } else { d }
}

/// Alpha-composites `top` with coverage `a` over `base`.
fn over(base: Rgba, top: Rgba, a: f32) -> Rgba {
    let a = a.clamp(0.0, 1.0) * top[3];
    let out_a = a + base[3] * (1.0 - a);
    if out_a <= 0.0 {
        return [0.0; 4];
    }
    let mix = |i: usize| (top[i] * a + base[i] * base[3] * (1.0 - a)) / out_a;
    [mix(0), mix(1), mix(2), out_a]
}

fn coverage(distance: f32) -> f32 {
    (0.5 - distance).clamp(0.0, 1.0)
}

/// The icon as eframe wants it.
pub fn icon() -> IconData {
    let s = SIZE as f32 / 128.0;
    let mut rgba = Vec::with_capacity((SIZE * SIZE * 4) as usize);
    for py in 0..SIZE {
        for px in 0..SIZE {
            let (x, y) = (px as f32 + 0.5, py as f32 + 0.5);
            let mut c: Rgba = [0.0; 4];
            let tile = rounded_rect(x, y, 64.0 * s, 64.0 * s, 60.0 * s, 60.0 * s, 26.0 * s);
            c = over(c, TILE, coverage(tile));
            let peer =
                rounded_rect(x, y, 54.0 * s, 48.0 * s, 36.0 * s, 24.0 * s, 16.0 * s).min(triangle(
                    (x, y),
                    (30.0 * s, 64.0 * s),
                    (46.0 * s, 64.0 * s),
                    (26.0 * s, 84.0 * s),
                ));
            c = over(c, PEER, coverage(peer));
            let learner =
                rounded_rect(x, y, 78.0 * s, 82.0 * s, 30.0 * s, 20.0 * s, 14.0 * s).min(triangle(
                    (x, y),
                    (88.0 * s, 96.0 * s),
                    (100.0 * s, 96.0 * s),
                    (104.0 * s, 112.0 * s),
                ));
            // A tile-coloured gap keeps the two bubbles apart.
            c = over(c, TILE, coverage(learner - 5.0 * s) * coverage(tile));
            c = over(c, LEARNER, coverage(learner));
            rgba.extend(c.iter().map(|v| (v.clamp(0.0, 1.0) * 255.0).round() as u8));
        }
    }
    IconData {
        rgba,
        width: SIZE,
        height: SIZE,
    }
}
