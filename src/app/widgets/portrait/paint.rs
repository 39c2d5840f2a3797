//! Paints one portrait: a persona's look (`PortraitParams`) in the pose and
//! expression of one openness value (`Expression`).
//!
//! Drawing order is back to front: backdrop, back hair, body, neck, head,
//! face, front hair, accessories, and finally the arms when crossed.

use eframe::egui::{Color32, Pos2, pos2, vec2};

use super::canvas::Canvas;
use super::expression::Expression;
use super::geometry::{clip_to_convex, ellipse, quad, spline};
use super::head::{Head, Shape as HeadShape};
use super::params::{
    ClothingStyle, EarringStyle, FacialHairStyle, GlassesShape, HairStyle, PortraitParams, Rgb,
};

use std::f32::consts::{FRAC_PI_2, PI, TAU};

mod accessories;
mod body;
mod face;
mod hair;
mod headscarf;

/// Where the head's local origin sits in the square, before any pose.
const HEAD_Y: f32 = -0.1;
/// The head's size in the square.
const HEAD_SCALE: f32 = 1.1;
/// Eye level in head-local units.
const EYE_Y: f32 = -0.01;
/// The angle above the side of the head where the ear's top meets the hair.
const EAR_TOP_ANGLE: f32 = 0.14;

fn rgb(c: Rgb) -> Color32 {
    Color32::from_rgb(c.0[0], c.0[1], c.0[2])
}

/// Multiplies the colour's channels: below 1 darkens, above 1 lightens.
fn shade(c: Color32, f: f32) -> Color32 {
    let ch = |v: u8| (v as f32 * f).round().clamp(0.0, 255.0) as u8;
    Color32::from_rgb(ch(c.r()), ch(c.g()), ch(c.b()))
}

fn mix(a: Color32, b: Color32, t: f32) -> Color32 {
    let t = t.clamp(0.0, 1.0);
    let ch = |x: u8, y: u8| (x as f32 + (y as f32 - x as f32) * t).round() as u8;
    Color32::from_rgb(ch(a.r(), b.r()), ch(a.g(), b.g()), ch(a.b(), b.b()))
}

fn alpha(c: Color32, a: f32) -> Color32 {
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), (a.clamp(0.0, 1.0) * 255.0) as u8)
}

fn lerp(a: f32, b: f32, t: f32) -> f32 {
    a + (b - a) * t
}

/// Relative luminance-ish brightness, 0–1, for choosing contrasting details.
fn brightness(c: Color32) -> f32 {
    (0.299 * c.r() as f32 + 0.587 * c.g() as f32 + 0.114 * c.b() as f32) / 255.0
}

/// The colours of one portrait, derived once from the parameters.
struct Palette {
    skin: Color32,
    skin_shadow: Color32,
    skin_deep: Color32,
    hair: Color32,
    hair_dark: Color32,
    hair_light: Color32,
    brow: Color32,
    lash: Color32,
    iris: Color32,
    eye_white: Color32,
    lip: Color32,
    lip_line: Color32,
    cloth: Color32,
    cloth_dark: Color32,
    accent: Color32,
}

impl Palette {
    fn new(p: &PortraitParams) -> Palette {
        let skin = rgb(p.skin);
        let hair = rgb(p.hair.color);
        let lip = rgb(p.mouth.color);
        let cloth = rgb(p.clothing.color);
        let dark_hair = brightness(hair) < 0.25;
        Palette {
            skin,
            skin_shadow: mix(shade(skin, 0.86), Color32::from_rgb(120, 60, 60), 0.06),
            skin_deep: mix(shade(skin, 0.68), Color32::from_rgb(90, 40, 40), 0.1),
            hair,
            hair_dark: shade(hair, 0.72),
            hair_light: if dark_hair {
                mix(hair, Color32::from_rgb(140, 130, 125), 0.22)
            } else {
                mix(hair, Color32::WHITE, 0.18)
            },
            brow: rgb(p.brows.color),
            lash: mix(
                shade(rgb(p.brows.color), 0.6),
                Color32::from_rgb(25, 20, 18),
                0.6,
            ),
            iris: rgb(p.eyes.color),
            eye_white: mix(Color32::from_rgb(246, 242, 236), skin, 0.12),
            lip,
            lip_line: mix(shade(lip, 0.55), Color32::from_rgb(60, 25, 25), 0.3),
            cloth,
            cloth_dark: shade(cloth, 0.78),
            accent: rgb(p.clothing.accent),
        }
    }
}

/// Everything needed while painting one portrait.
struct Portrait<'a> {
    c: &'a mut Canvas,
    p: &'a PortraitParams,
    e: Expression,
    pal: Palette,
    head: Head,
    /// -1 when the person turns to the viewer's left, +1 to the right.
    away: f32,
    /// Clothing measurements in portrait units.
    neck_base: f32,
    neck_half: f32,
    /// The visible face when a headscarf frames it (posed, in units).
    face_window: Option<Vec<Pos2>>,
}

/// Paints the portrait into `canvas`.
pub fn paint(canvas: &mut Canvas, p: &PortraitParams, openness: f32, dark_mode: bool) {
    let e = Expression::at(openness);
    let away = p.looks_away.sign();
    let width = p.face.width.clamp(0.85, 1.15);
    let length = p.face.length.clamp(0.85, 1.15);
    let shape = HeadShape {
        center: pos2(0.0, HEAD_Y + e.drop),
        scale: e.lean * HEAD_SCALE,
        hw: 0.35 * width,
        top: 0.45,
        bottom: 0.43 * length,
        jaw: p.face.jaw,
    };
    let head = Head::new(shape, e.yaw * away, e.pitch, e.roll * -away);
    let mut portrait = Portrait {
        c: canvas,
        p,
        e,
        pal: Palette::new(p),
        head,
        away,
        neck_base: 0.46 - 0.04 * e.hunch,
        neck_half: 0.125 * width,
        face_window: None,
    };
    portrait.paint_all(dark_mode);
}

impl Portrait<'_> {
    fn paint_all(&mut self, dark_mode: bool) {
        let mut backdrop = rgb(self.p.backdrop);
        if dark_mode {
            backdrop = mix(backdrop, Color32::from_rgb(40, 42, 46), 0.35);
        }
        let frame = self.c.frame_units();
        self.c.fill(&frame, backdrop);
        // A soft halo behind the head lifts it from the backdrop.
        let halo = mix(backdrop, Color32::WHITE, 0.3);
        let hc = self.head.at_z(0.0, -0.05, 0.0);
        self.c.fill(
            &ellipse(hc, 0.66, 0.66, self.c.segments(0.66)),
            alpha(halo, 0.3),
        );

        let scarf = self.p.headscarf.as_ref().map(|s| rgb(s.color));
        if scarf.is_none() {
            self.hair_back();
            self.neck();
        }
        self.body();
        if let Some(color) = scarf {
            self.headscarf_back(color);
        } else {
            self.hair_over_shoulders();
            if !self.long_hair() {
                self.ears();
            }
        }
        self.face();
        self.features();
        if let Some(color) = scarf {
            self.headscarf_front(color);
        } else {
            self.hair_front();
        }
        self.glasses();
        self.earrings();
        self.arms();
    }
}

/// A rounded rectangle's outline, in local units.
fn rounded_rect(c: Pos2, hw: f32, hh: f32, r: f32) -> Vec<Pos2> {
    let r = r.min(hw).min(hh);
    let corners = [
        (c.x + hw - r, c.y + hh - r, 0.0),
        (c.x - hw + r, c.y + hh - r, 0.25),
        (c.x - hw + r, c.y - hh + r, 0.5),
        (c.x + hw - r, c.y - hh + r, 0.75),
    ];
    let mut points = Vec::with_capacity(4 * 7);
    for (cx, cy, start) in corners {
        for k in 0..=6 {
            let a = (start + 0.25 * k as f32 / 6.0) * TAU;
            points.push(pos2(cx + r * a.cos(), cy + r * a.sin()));
        }
    }
    points
}

/// Freckle positions in head-local units, most central first.
const FRECKLES: [(f32, f32); 24] = [
    (-0.03, 0.09),
    (0.035, 0.095),
    (-0.12, 0.1),
    (0.13, 0.105),
    (-0.09, 0.075),
    (0.1, 0.07),
    (0.0, 0.075),
    (-0.16, 0.12),
    (0.17, 0.125),
    (-0.06, 0.115),
    (0.065, 0.12),
    (-0.14, 0.075),
    (0.15, 0.08),
    (-0.2, 0.1),
    (0.2, 0.105),
    (-0.11, 0.135),
    (0.115, 0.14),
    (0.02, 0.05),
    (-0.02, 0.055),
    (-0.18, 0.145),
    (0.185, 0.15),
    (-0.075, 0.14),
    (0.08, 0.15),
    (0.0, 0.11),
];

/// Where curl texture marks sit on curly hair: x as a fraction of the half
/// width, y as a fraction of the crown height (upwards).
const CURL_MARKS: &[(f32, f32)] = &[
    (-0.6, 0.9),
    (-0.2, 1.02),
    (0.25, 1.0),
    (0.65, 0.85),
    (-0.9, 0.55),
    (0.95, 0.5),
    (-0.4, 0.8),
    (0.45, 0.75),
];
