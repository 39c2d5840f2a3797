//! The head and face: ears, skin, eyes, brows, nose, mouth and facial hair,
//! all placed on the posed head so they turn and tilt together.

use super::*;

impl Portrait<'_> {
    pub(super) fn ears(&mut self) {
        let size = self.p.face.ears.clamp(0.8, 1.2);
        for s in [-1.0_f32, 1.0] {
            let cx = s * (self.head.hw + 0.01);
            let local = ellipse(pos2(cx, 0.035), 0.045 * size, 0.078 * size, 24);
            let ear: Vec<Pos2> = local
                .iter()
                .map(|p| self.head.at_z(p.x, p.y, -0.08))
                .collect();
            self.c.fill(&ear, self.pal.skin_shadow);
            let inner = quad(
                pos2(cx + s * 0.02 * size, -0.03 * size),
                pos2(cx + s * 0.035 * size, 0.03),
                pos2(cx + s * 0.012 * size, 0.08 * size),
                6,
            );
            let inner: Vec<Pos2> = inner
                .iter()
                .map(|p| self.head.at_z(p.x, p.y, -0.08))
                .collect();
            self.c.line(&inner, 0.008, self.pal.skin_deep);
        }
    }

    pub(super) fn face(&mut self) {
        let n = self.c.segments(0.45).max(48);
        let outline = self.head.map_flat(&self.head.outline(0.0, n));
        // The face shows through an opening when a headscarf frames it.
        if self.p.headscarf.is_some() {
            let h = self.head;
            let window_local = ellipse(
                pos2(0.0, 0.03),
                h.hw * 0.9,
                (h.top * 0.72 + h.bottom * 1.2) / 2.0,
                n,
            );
            let shift = (h.bottom * 1.2 - h.top * 0.72) / 2.0 - 0.03;
            let window: Vec<Pos2> = window_local
                .iter()
                .map(|p| h.at_z(p.x, p.y + shift, 0.0))
                .collect();
            self.face_window = Some(window);
        }
        let base = self.windowed(&outline);
        self.c.fill(&base, self.pal.skin_shadow);
        // Light from the upper left: the lit face sits inside a rim of shadow.
        let lit_local: Vec<Pos2> = self
            .head
            .outline(-0.014, n)
            .iter()
            .map(|p| pos2(p.x - 0.009, p.y - 0.005))
            .collect();
        let lit = self.windowed(&self.head.map_flat(&lit_local));
        self.c.fill(&lit, self.pal.skin);
    }

    /// Clips a posed shape to the face window, if there is one.
    pub(super) fn windowed(&self, points: &[Pos2]) -> Vec<Pos2> {
        match &self.face_window {
            Some(window) => clip_to_convex(points, window),
            None => points.to_vec(),
        }
    }

    pub(super) fn features(&mut self) {
        self.skin_details();
        self.nose();
        for side in [-1.0_f32, 1.0] {
            self.eye(side);
            self.brow(side);
        }
        let beard = self.p.facial_hair.as_ref().map(|f| (f.style, rgb(f.color)));
        if let Some((style, color)) = beard {
            self.beard(style, color);
        }
        self.mouth();
        if let Some((style, color)) = beard
            && style != FacialHairStyle::Stubble
        {
            self.moustache(color);
        }
    }

    pub(super) fn eye_center(&self, side: f32) -> Pos2 {
        let spacing = self.p.eyes.spacing.clamp(0.85, 1.15);
        pos2(side * 0.135 * spacing * self.head.hw / 0.35, EYE_Y)
    }

    pub(super) fn eye_size(&self) -> (f32, f32) {
        let size = self.p.eyes.size.clamp(0.8, 1.2);
        (0.062 * size, 0.03 * size)
    }

    /// The upper and lower lid curves of one eye, from inner to outer corner.
    pub(super) fn lids(&self, side: f32) -> (Vec<Pos2>, Vec<Pos2>) {
        let c = self.eye_center(side);
        let (ew, eh) = self.eye_size();
        let tilt = self.p.eyes.tilt.clamp(-1.0, 1.0) * eh * 0.5;
        let up = eh * 1.25 * self.e.lid;
        let down = eh * 0.8 * (1.0 - 0.55 * self.e.lower_lid);
        let steps = 14;
        let mut upper = Vec::with_capacity(steps + 1);
        let mut lower = Vec::with_capacity(steps + 1);
        for k in 0..=steps {
            let s = k as f32 / steps as f32;
            let x = c.x + side * lerp(-ew, ew, s);
            let y = c.y + lerp(0.004, -tilt, s);
            // The upper lid peaks a little towards the inner corner.
            let bump_up = (PI * s.powf(0.85)).sin();
            let bump_down = (PI * s.powf(1.1)).sin();
            upper.push(pos2(x, y - up * bump_up));
            lower.push(pos2(x, y + down * bump_down));
        }
        (upper, lower)
    }

    pub(super) fn eye(&mut self, side: f32) {
        let (upper, lower) = self.lids(side);
        let h = self.head;
        let mut lens_local = upper.clone();
        lens_local.extend(
            lower
                .iter()
                .rev()
                .skip(1)
                .take(lower.len().saturating_sub(2)),
        );
        let lens = h.map(&lens_local);
        self.c.fill(&lens, self.pal.eye_white);

        // Iris, pupil and catchlight, clipped to the opening.
        let (ew, eh) = self.eye_size();
        let c = self.eye_center(side);
        let gx = self.away * self.e.gaze_side * ew * 0.5;
        let gy = self.e.gaze_down * eh * 0.7;
        let ic = pos2(c.x + gx, c.y + gy - eh * 0.05);
        let ir = ew * 0.47;
        let disc = |r: f32, dx: f32, dy: f32| -> Vec<Pos2> {
            let local = ellipse(pos2(ic.x + dx, ic.y + dy), r, r, 28);
            clip_to_convex(&h.map(&local), &lens)
        };
        self.c.fill(&disc(ir, 0.0, 0.0), shade(self.pal.iris, 0.7));
        self.c.fill(&disc(ir * 0.82, 0.0, 0.0), self.pal.iris);
        self.c
            .fill(&disc(ir * 0.45, 0.0, 0.0), Color32::from_rgb(24, 18, 16));
        let glint = ir * 0.24 * self.e.sparkle;
        self.c.fill(
            &disc(glint, ir * 0.3, -ir * 0.32),
            alpha(Color32::WHITE, 0.9),
        );
        // The lid's shadow on the top of the eye.
        let shade_band: Vec<Pos2> = upper
            .iter()
            .copied()
            .chain(upper.iter().rev().map(|p| pos2(p.x, p.y + eh * 0.35)))
            .collect();
        let band = clip_to_convex(&h.map(&shade_band), &lens);
        self.c.fill(&band, alpha(self.pal.skin_deep, 0.25));

        // Lashes: a line thickening towards the outer corner.
        let n = upper.len();
        let mut lash: Vec<Pos2> = upper.clone();
        lash.extend(upper.iter().enumerate().rev().map(|(k, p)| {
            let s = k as f32 / (n - 1) as f32;
            pos2(p.x + side * 0.003 * s, p.y - (0.004 + 0.006 * s))
        }));
        let lash = h.map(&lash);
        self.c.fill(&lash, self.pal.lash);
        self.c.line(
            &h.map(&lower[2..lower.len() - 1]),
            0.004,
            alpha(self.pal.skin_deep, 0.55),
        );

        // Eyelid crease.
        let crease = self.p.eyes.crease.clamp(0.0, 1.0);
        if crease > 0.0 {
            let lift = eh * (0.75 + 0.35 * self.e.lid);
            let fold: Vec<Pos2> = upper[2..n - 1]
                .iter()
                .map(|p| pos2(p.x, p.y - lift + eh * 0.25 * (1.0 - self.e.lid)))
                .collect();
            self.c.line(
                &h.map(&fold),
                0.006,
                alpha(self.pal.skin_deep, 0.55 * crease),
            );
        }
        // Under-eye lines that come with age.
        let age = self.p.face.age as f32;
        let line_alpha = ((age - 36.0) / 30.0).clamp(0.0, 0.5);
        if line_alpha > 0.0 {
            let below: Vec<Pos2> = lower[3..lower.len() - 2]
                .iter()
                .map(|p| pos2(p.x, p.y + eh * 0.7))
                .collect();
            self.c
                .line(&h.map(&below), 0.004, alpha(self.pal.skin_deep, line_alpha));
        }
    }

    pub(super) fn brow(&mut self, side: f32) {
        let c = self.eye_center(side);
        let (ew, eh) = self.eye_size();
        let e = &self.e;
        let arch = self.p.brows.arch.clamp(0.0, 1.0);
        let thick = 0.022 * self.p.brows.thickness.clamp(0.5, 1.6);
        let by = c.y - eh * 2.7 - e.brow_raise;
        let inner = pos2(
            c.x - side * (ew * 1.02 + e.brow_knit),
            by + 0.006 - e.brow_inner,
        );
        let peak = pos2(
            c.x + side * ew * 0.35,
            by - 0.012 - 0.02 * arch - e.brow_inner * 0.35,
        );
        let outer = pos2(c.x + side * ew * 1.3, by + 0.014 - 0.006 * arch);
        let centre = spline(&[inner, peak, outer], 8, false);
        let n = centre.len();
        let mut top = Vec::with_capacity(n);
        let mut bottom = Vec::with_capacity(n);
        for k in 0..n {
            let s = k as f32 / (n - 1) as f32;
            let prev = centre[k.saturating_sub(1)];
            let next = centre[(k + 1).min(n - 1)];
            let d = (next - prev).normalized();
            let normal = vec2(-d.y, d.x);
            // Thick at the inner end, tapering and rounding off at the outer end.
            let w = thick * (1.0 - 0.6 * s) * (1.0 - (1.0 - s).powi(8) * 0.3) * 0.5;
            let p = centre[k];
            top.push(p - normal * w);
            bottom.push(p + normal * w);
        }
        // Make "top" the side with smaller y at the middle, whatever the side.
        let mid = n / 2;
        if top[mid].y > bottom[mid].y {
            std::mem::swap(&mut top, &mut bottom);
        }
        let mut shape = top;
        shape.extend(bottom.into_iter().rev());
        let shape = self.head.map(&shape);
        self.c.fill(&shape, self.pal.brow);
    }

    pub(super) fn nose(&mut self) {
        let h = self.head;
        let w = 0.04 * self.p.nose.width.clamp(0.8, 1.3);
        let ty = 0.15 * self.p.nose.length.clamp(0.85, 1.2);
        let tip_z =
            |x: f32, y: f32| h.depth(x, y) + 0.05 * (1.0 - (x / (w * 1.6)).powi(2)).max(0.0);
        let posed = |pts: &[Pos2]| -> Vec<Pos2> {
            pts.iter()
                .map(|p| h.at_z(p.x, p.y, tip_z(p.x, p.y)))
                .collect()
        };
        // The shadowed side of the bridge, on the side away from the light.
        let bridge = quad(
            pos2(0.03, EYE_Y + 0.03),
            pos2(0.045, ty - 0.06),
            pos2(w * 0.9, ty - 0.02),
            8,
        );
        self.c
            .line(&posed(&bridge), 0.008, alpha(self.pal.skin_shadow, 0.9));
        // Underside of the tip and the nostril wings.
        let base = quad(
            pos2(-w * 0.75, ty + 0.005),
            pos2(0.0, ty + 0.035),
            pos2(w * 0.75, ty + 0.005),
            10,
        );
        self.c.line(&posed(&base), 0.01, self.pal.skin_deep);
        for s in [-1.0_f32, 1.0] {
            let wing = quad(
                pos2(s * w * 0.85, ty - 0.03),
                pos2(s * w * 1.35, ty + 0.0),
                pos2(s * w * 0.75, ty + 0.012),
                8,
            );
            self.c
                .line(&posed(&wing), 0.008, alpha(self.pal.skin_deep, 0.8));
        }
        // A soft highlight on the tip.
        let tip = posed(&[pos2(-0.006, ty - 0.012)])[0];
        self.c
            .circle(tip, 0.012 * h.scale, alpha(Color32::WHITE, 0.12));
    }

    pub(super) fn skin_details(&mut self) {
        let h = self.head;
        let age = self.p.face.age as f32;
        // Cheek warmth rises as the person warms up.
        let blush = mix(self.pal.skin, Color32::from_rgb(214, 96, 96), 0.4);
        let warmth = 0.04 + self.e.warmth * 0.14;
        for s in [-1.0_f32, 1.0] {
            let at = pos2(s * 0.19, 0.11 - 0.012 * self.e.smile.max(0.0));
            for (rx, ry) in [(0.075, 0.048), (0.05, 0.032)] {
                let cheek = self.windowed(&h.map(&ellipse(at, rx, ry, 24)));
                self.c.fill(&cheek, alpha(blush, warmth * 0.5));
            }
        }
        // Freckles at fixed, natural-looking spots.
        let count = (self.p.freckles.clamp(0.0, 1.0) * FRECKLES.len() as f32) as usize;
        let dot = mix(self.pal.skin, self.pal.skin_deep, 0.75);
        for &(x, y) in FRECKLES.iter().take(count) {
            let p = h.at(x, y);
            self.c.circle(p, 0.004 * h.scale, alpha(dot, 0.5));
        }
        // Forehead lines from the mid forties.
        let forehead = ((age - 44.0) / 30.0).clamp(0.0, 0.35);
        if forehead > 0.0 {
            for (k, y) in [-0.22_f32, -0.255].iter().enumerate() {
                let line = quad(
                    pos2(-0.1, *y),
                    pos2(0.0, y - 0.012),
                    pos2(0.1 - 0.03 * k as f32, *y),
                    8,
                );
                self.c
                    .line(&h.map(&line), 0.004, alpha(self.pal.skin_deep, forehead));
            }
        }
    }

    pub(super) fn mouth_geometry(&self) -> (f32, f32, f32) {
        let length = self.p.face.length.clamp(0.85, 1.15);
        let my = 0.265 + (length - 1.0) * 0.12;
        let mw = 0.075 * self.p.mouth.width.clamp(0.85, 1.15) * self.e.mouth_width;
        (my, mw, self.e.smile)
    }

    pub(super) fn mouth(&mut self) {
        let (my, mw, smile) = self.mouth_geometry();
        let press = self.e.lip_press;
        let corner = my - smile * 0.024;
        let lips = self.lips(mw, corner, my + smile * 0.016);
        if lips.gap > 0.002 {
            self.mouth_opening(&lips);
        }
        self.lip_fills(&lips);
        // Tension at the corners when the lips are pressed.
        for s in [-1.0_f32, 1.0] {
            let c = pos2(s * mw, corner);
            if press > 0.3 {
                self.corner_dimple(s, c, press);
            }
            self.smile_line(s, my, mw, smile);
        }
    }

    /// The lips' curves for a mouth of half width `mw` whose corners sit at
    /// height `corner` and whose middle sits at `middle`.
    fn lips(&self, mw: f32, corner: f32, middle: f32) -> Lips {
        let lips = self.p.mouth.lips.clamp(0.6, 1.6);
        let press = self.e.lip_press;
        let open = self.e.mouth_open;
        let steps = 16;
        // The line where the lips meet, and how far they part along it.
        let centre = quad(
            pos2(-mw, corner),
            pos2(0.0, 2.0 * middle - corner),
            pos2(mw, corner),
            steps,
        );
        let gap = open * 0.034;
        let bump = |k: usize| (PI * k as f32 / steps as f32).sin().max(0.0).powf(0.7);
        let inner_up: Vec<Pos2> = centre
            .iter()
            .enumerate()
            .map(|(k, p)| pos2(p.x, p.y - gap * 0.3 * bump(k)))
            .collect();
        let inner_down: Vec<Pos2> = centre
            .iter()
            .enumerate()
            .map(|(k, p)| pos2(p.x, p.y + gap * 0.7 * bump(k)))
            .collect();

        let up_t = 0.016 * lips * (1.0 - 0.65 * press);
        let down_t = 0.022 * lips * (1.0 - 0.6 * press);
        let outer_up: Vec<Pos2> = inner_up
            .iter()
            .enumerate()
            .map(|(k, p)| {
                let s = k as f32 / steps as f32;
                // Cupid's bow: a small dip at the middle of the upper lip.
                let bow = 1.0 - 0.3 * (-((s - 0.5) / 0.07).powi(2)).exp();
                pos2(p.x, p.y - up_t * bump(k).powf(0.8) * bow)
            })
            .collect();
        let outer_down: Vec<Pos2> = inner_down
            .iter()
            .enumerate()
            .map(|(k, p)| pos2(p.x, p.y + down_t * bump(k).powf(0.7)))
            .collect();
        Lips {
            centre,
            inner_up,
            inner_down,
            outer_up,
            outer_down,
            gap,
        }
    }

    /// The dark of an open mouth, with the upper teeth.
    fn mouth_opening(&mut self, lips: &Lips) {
        let h = self.head;
        let (inner_up, inner_down) = (&lips.inner_up, &lips.inner_down);
        let mut opening = inner_up.clone();
        opening.extend(inner_down.iter().rev());
        self.c.fill(
            &h.map(&opening),
            mix(self.pal.lip_line, Color32::from_rgb(70, 30, 35), 0.5),
        );
        let teeth_h = lips.gap * 0.5;
        let mut teeth = inner_up.clone();
        teeth.extend(
            inner_up
                .iter()
                .zip(inner_down)
                .rev()
                .map(|(u, d)| pos2(u.x, (u.y + teeth_h).min(d.y))),
        );
        self.c
            .fill(&h.map(&teeth), Color32::from_rgb(244, 240, 232));
    }

    /// Both lips, a sheen on the lower one and the line where they meet.
    fn lip_fills(&mut self, lips: &Lips) {
        let h = self.head;
        let thickness = self.p.mouth.lips.clamp(0.6, 1.6);
        let press = self.e.lip_press;
        let mut upper = lips.outer_up.clone();
        upper.extend(lips.inner_up.iter().rev());
        self.c.fill(&h.map(&upper), shade(self.pal.lip, 0.9));
        let mut lower = lips.inner_down.clone();
        lower.extend(lips.outer_down.iter().rev());
        self.c.fill(&h.map(&lower), self.pal.lip);
        // A soft sheen on the lower lip.
        let sheen: Vec<Pos2> = lips.inner_down[5..12]
            .iter()
            .zip(&lips.outer_down[5..12])
            .map(|(a, b)| pos2(a.x, lerp(a.y, b.y, 0.45)))
            .collect();
        self.c.line(
            &h.map(&sheen),
            0.006 * thickness,
            alpha(Color32::WHITE, 0.16 * (1.0 - press)),
        );
        let line = if lips.gap > 0.002 {
            &lips.inner_up
        } else {
            &lips.centre
        };
        self.c
            .line(&h.map(line), 0.006 + 0.003 * press, self.pal.lip_line);
    }

    /// A short crease beside the corner `c` on side `s` of pressed lips.
    fn corner_dimple(&mut self, s: f32, c: Pos2, press: f32) {
        let dimple = [
            pos2(c.x + s * 0.006, c.y - 0.01),
            pos2(c.x + s * 0.012, c.y + 0.008),
        ];
        self.c.line(
            &self.head.map(&dimple),
            0.004,
            alpha(self.pal.skin_deep, (press - 0.3) * 0.9),
        );
    }

    /// The fold from nose to mouth on side `s`, stronger with age and with
    /// a smile.
    fn smile_line(&mut self, s: f32, my: f32, mw: f32, smile: f32) {
        let age = (self.p.face.age as f32 - 28.0) / 40.0;
        let strength = (age.clamp(0.0, 1.0) * 0.26 + smile.max(0.0) * 0.12).min(0.4);
        if strength > 0.02 {
            let fold = quad(
                pos2(s * 0.072, 0.15),
                pos2(s * (mw + 0.035), my - 0.035 - 0.01 * smile),
                pos2(s * (mw + 0.022), my + 0.012),
                10,
            );
            self.c.line(
                &self.head.map(&fold),
                0.005,
                alpha(self.pal.skin_deep, strength),
            );
        }
    }

    pub(super) fn beard(&mut self, style: FacialHairStyle, color: Color32) {
        let h = self.head;
        let (my, mw, _) = self.mouth_geometry();
        let (grow, a) = match style {
            FacialHairStyle::Stubble => (0.0, 0.18),
            FacialHairStyle::Moustache => return,
            FacialHairStyle::ShortBeard => (0.014, 0.95),
            FacialHairStyle::FullBeard => (0.045, 1.0),
        };
        let chin_grow = |t: f32| grow * (0.4 + 0.6 * t.sin().max(0.0));
        let jaw = h.rim_arc(-0.02, PI + 0.02, chin_grow, 40);
        // Back up the left cheek, across under the nose, and down the right.
        let inner = [
            pos2(-h.hw * 0.94, 0.05),
            pos2(-h.hw * 0.8, 0.19),
            pos2(-mw - 0.03, my - 0.035),
            pos2(0.0, my - 0.06),
            pos2(mw + 0.03, my - 0.035),
            pos2(h.hw * 0.8, 0.19),
            pos2(h.hw * 0.94, 0.05),
        ];
        let inner = spline(&inner, 6, false);
        // Stubble fades in over a few layers; a beard has a clear edge.
        let (layers, step) = if style == FacialHairStyle::Stubble {
            (4, 0.014)
        } else {
            (3, 0.008)
        };
        for layer in 0..layers {
            let drop = step * layer as f32;
            let mut region = jaw.clone();
            region.extend(
                inner
                    .iter()
                    .map(|p| pos2(p.x, p.y + drop * (1.0 - (p.x / h.hw).abs()))),
            );
            let share = if layers > 1 && style != FacialHairStyle::Stubble {
                [0.5, 0.7, 1.0][layer]
            } else {
                1.0 / layers as f32
            };
            self.c.fill(&h.map(&region), alpha(color, a * share));
        }
        if style != FacialHairStyle::Stubble {
            // A few strands of texture along the jaw.
            let texture = shade(color, 1.25);
            for k in 0..9 {
                let t = 0.5 + k as f32 * 0.27;
                let a = h.rim(t, chin_grow(t) * 0.4);
                let b = pos2(a.x * 0.93, a.y - 0.03);
                self.c.line(
                    &[h.at(a.x, a.y), h.at(b.x, b.y)],
                    0.004,
                    alpha(texture, 0.5),
                );
            }
        }
    }

    pub(super) fn moustache(&mut self, color: Color32) {
        let h = self.head;
        let (my, mw, smile) = self.mouth_geometry();
        let corner = my - smile * 0.024;
        let shape = spline(
            &[
                pos2(-mw - 0.012, corner + 0.004),
                pos2(-mw * 0.6, my - 0.04),
                pos2(0.0, my - 0.052),
                pos2(mw * 0.6, my - 0.04),
                pos2(mw + 0.012, corner + 0.004),
                pos2(mw * 0.55, my - 0.014),
                pos2(0.0, my - 0.018),
                pos2(-mw * 0.55, my - 0.014),
            ],
            5,
            true,
        );
        self.c.fill(&h.map(&shape), color);
    }
}

/// The curves of the lips in head space, left to right.
struct Lips {
    /// Where the lips meet when closed.
    centre: Vec<Pos2>,
    inner_up: Vec<Pos2>,
    inner_down: Vec<Pos2>,
    outer_up: Vec<Pos2>,
    outer_down: Vec<Pos2>,
    /// How far the lips part at the middle.
    gap: f32,
}
