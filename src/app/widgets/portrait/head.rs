//! The head as a shallow 3D form: features are placed in head-local
//! coordinates (x right, y down, origin between the eyes' level and the
//! cheeks) and turned, bowed and tilted together, so a turned head shows
//! foreshortened features instead of sliding stickers.

use eframe::egui::{Pos2, pos2};

/// Pose and proportions of the head, in portrait units.
#[derive(Clone, Copy, Debug)]
pub struct Head {
    /// Where the head's local origin sits in the portrait.
    pub center: Pos2,
    /// Overall scale of the head.
    pub scale: f32,
    /// Half the head's width.
    pub hw: f32,
    /// Distance from the origin to the crown.
    pub top: f32,
    /// Distance from the origin to the chin.
    pub bottom: f32,
    /// Jaw shape, 0.55 (narrow, tapering) to 1 (broad, square).
    pub jaw: f32,
    /// Sines and cosines of the turn to the viewer's right, the bow forward
    /// and the clockwise tilt, computed once per pose.
    trig: [(f32, f32); 3],
}

/// The head's shape and position, before it is posed.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    pub center: Pos2,
    pub scale: f32,
    pub hw: f32,
    pub top: f32,
    pub bottom: f32,
    pub jaw: f32,
}

impl Head {
    /// A head of `shape`, turned by `yaw`, bowed by `pitch` and tilted by `roll`.
    pub fn new(shape: Shape, yaw: f32, pitch: f32, roll: f32) -> Head {
        Head {
            center: shape.center,
            scale: shape.scale,
            hw: shape.hw,
            top: shape.top,
            bottom: shape.bottom,
            jaw: shape.jaw,
            trig: [yaw.sin_cos(), pitch.sin_cos(), roll.sin_cos()],
        }
    }

    /// How far a point on the face stands out towards the viewer.
    pub fn depth(&self, x: f32, y: f32) -> f32 {
        let ry = if y < 0.0 { self.top } else { self.bottom };
        let q = 1.0 - (x / self.hw).powi(2) - (y / ry).powi(2);
        self.hw * 0.95 * q.max(0.0).sqrt()
    }

    /// A point on the face surface, posed.
    pub fn at(&self, x: f32, y: f32) -> Pos2 {
        self.at_z(x, y, self.depth(x, y))
    }

    /// A point at an explicit depth, posed.
    pub fn at_z(&self, x: f32, y: f32, z: f32) -> Pos2 {
        let [(sy, cy), (sp, cp), (sr, cr)] = self.trig;
        let xr = x * cy + z * sy;
        let yr = y * cp + z * sp;
        // Tilt around the top of the neck.
        let pivot = self.bottom * 0.75;
        let (dx, dy) = (xr, yr - pivot);
        let (xt, yt) = (dx * cr - dy * sr, dx * sr + dy * cr + pivot);
        pos2(
            self.center.x + xt * self.scale,
            self.center.y + yt * self.scale,
        )
    }

    /// Maps a list of local points onto the face surface.
    pub fn map(&self, points: &[Pos2]) -> Vec<Pos2> {
        points.iter().map(|p| self.at(p.x, p.y)).collect()
    }

    /// Maps a list of local points at the silhouette's depth (hair, outline).
    pub fn map_flat(&self, points: &[Pos2]) -> Vec<Pos2> {
        points.iter().map(|p| self.at_z(p.x, p.y, 0.0)).collect()
    }

    /// A local point on the head's outline at angle `t` (0 = right, a quarter
    /// turn = chin, half = left, three quarters = crown), pushed out by `grow`.
    pub fn rim(&self, t: f32, grow: f32) -> Pos2 {
        let (s, c) = t.sin_cos();
        if s <= 0.0 {
            return pos2((self.hw + grow) * c, (self.top + grow) * s);
        }
        // Lower half: squarer for a broad jaw, tapering towards the chin.
        let jaw = self.jaw.clamp(0.5, 1.0);
        let n = 2.0 + 1.2 * jaw;
        let e = 2.0 / n;
        let taper = 1.0 - (0.42 - 0.3 * jaw) * s * s;
        let x = (self.hw + grow) * c.signum() * c.abs().powf(e) * taper;
        let y = (self.bottom + grow) * s.powf(e);
        pos2(x, y)
    }

    /// The outline from angle `from` to `to` (radians, increasing), in local units.
    pub fn rim_arc(
        &self,
        from: f32,
        to: f32,
        grow: impl Fn(f32) -> f32,
        steps: usize,
    ) -> Vec<Pos2> {
        let steps = steps.max(2);
        (0..=steps)
            .map(|k| {
                let t = from + (to - from) * k as f32 / steps as f32;
                self.rim(t, grow(t))
            })
            .collect()
    }

    /// The whole outline in local units.
    pub fn outline(&self, grow: f32, steps: usize) -> Vec<Pos2> {
        let steps = steps.max(12);
        (0..steps)
            .map(|k| self.rim(k as f32 / steps as f32 * std::f32::consts::TAU, grow))
            .collect()
    }
}
