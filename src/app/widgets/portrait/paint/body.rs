//! The body: shoulders and clothing, the neck, and the arms crossed when
//! the person closes off.

use super::*;

impl Portrait<'_> {
    pub(super) fn body(&mut self) {
        let h = self.e.hunch;
        let nb = self.neck_base;
        let nw = self.neck_half;
        let sy = 0.66 - 0.08 * h;
        let sw = 0.84 - 0.08 * h;
        let style = self.p.clothing.style;

        let left = spline(
            &[
                pos2(-sw - 0.14, 1.2),
                pos2(-sw - 0.03, sy + 0.2),
                pos2(-sw + 0.09, sy + 0.02),
                pos2(-sw + 0.32, sy - 0.07 - 0.02 * h),
                pos2(-nw - 0.06, nb - 0.02 * h),
            ],
            8,
            false,
        );
        let right: Vec<Pos2> = left.iter().rev().map(|p| pos2(-p.x, p.y)).collect();
        let neckline = self.neckline(style);
        let mut torso = left;
        torso.extend(neckline.iter().copied());
        torso.extend(right);
        self.c.fill(&torso, self.pal.cloth);

        // Folds where the arms meet the chest give the body some form.
        for s in [-1.0_f32, 1.0] {
            let fold = quad(
                pos2(s * (sw - 0.26), sy + 0.1),
                pos2(s * (sw - 0.3), sy + 0.25),
                pos2(s * (sw - 0.24), 1.05),
                8,
            );
            self.c.line(&fold, 0.012, alpha(self.pal.cloth_dark, 0.7));
        }

        match style {
            ClothingStyle::Crew => {
                self.c.line(&neckline, 0.03, shade(self.pal.cloth, 0.9));
                self.c.line(&neckline, 0.01, self.pal.accent);
            }
            ClothingStyle::VNeck => {
                self.c.line(&neckline, 0.018, self.pal.accent);
            }
            ClothingStyle::Collar => self.collar(&neckline),
            ClothingStyle::Hoodie => self.hoodie(),
            ClothingStyle::Cardigan => self.cardigan(&neckline, sy),
            ClothingStyle::Zip => self.zip_collar(),
        }
    }

    /// The neckline from the left shoulder to the right, in units.
    pub(super) fn neckline(&self, style: ClothingStyle) -> Vec<Pos2> {
        let nb = self.neck_base - 0.02 * self.e.hunch;
        let nw = self.neck_half;
        let l = pos2(-nw - 0.05, nb);
        let r = pos2(nw + 0.05, nb);
        match style {
            ClothingStyle::VNeck => vec![l, pos2(0.0, nb + 0.2), r],
            ClothingStyle::Collar => vec![l, pos2(0.0, nb + 0.17), r],
            ClothingStyle::Zip => quad(l, pos2(0.0, nb + 0.05), r, 10),
            _ => quad(l, pos2(0.0, nb + 0.11), r, 10),
        }
    }

    pub(super) fn collar(&mut self, neckline: &[Pos2]) {
        let nb = self.neck_base - 0.02 * self.e.hunch;
        let nw = self.neck_half;
        let collar = self.pal.accent;
        let edge = shade(self.pal.accent, 0.75);
        for s in [-1.0_f32, 1.0] {
            let flap = [
                pos2(s * (nw + 0.02), nb - 0.06),
                pos2(s * (nw + 0.12), nb - 0.01),
                pos2(s * 0.17, nb + 0.15),
                pos2(s * 0.02, nb + 0.17),
            ];
            self.c.fill(&flap, collar);
            self.c.outline(&flap, 0.006, edge);
        }
        // The placket and a button.
        let bottom = neckline.get(1).copied().unwrap_or(pos2(0.0, nb + 0.17));
        self.c
            .line(&[bottom, pos2(0.0, 1.05)], 0.008, self.pal.cloth_dark);
        self.c.circle(
            pos2(0.012, bottom.y + 0.1),
            0.011,
            shade(self.pal.cloth, 1.15),
        );
    }

    pub(super) fn hoodie(&mut self) {
        let nb = self.neck_base - 0.02 * self.e.hunch;
        let nw = self.neck_half;
        // The hood lies around the back of the neck.
        let hood = spline(
            &[
                pos2(-nw - 0.2, nb + 0.05),
                pos2(-nw - 0.1, nb - 0.04),
                pos2(0.0, nb - 0.06),
                pos2(nw + 0.1, nb - 0.04),
                pos2(nw + 0.2, nb + 0.05),
                pos2(nw + 0.06, nb + 0.03),
                pos2(0.0, nb + 0.09),
                pos2(-nw - 0.06, nb + 0.03),
            ],
            6,
            true,
        );
        self.c.fill(&hood, shade(self.pal.cloth, 0.88));
        let rim = quad(
            pos2(-nw - 0.06, nb + 0.03),
            pos2(0.0, nb + 0.15),
            pos2(nw + 0.06, nb + 0.03),
            10,
        );
        self.c.line(&rim, 0.012, self.pal.cloth_dark);
        for s in [-1.0_f32, 1.0] {
            let string = quad(
                pos2(s * 0.06, nb + 0.09),
                pos2(s * 0.075, nb + 0.2),
                pos2(s * 0.065, nb + 0.3),
                6,
            );
            self.c.line(&string, 0.011, self.pal.accent);
            self.c.circle(
                pos2(s * 0.065, nb + 0.31),
                0.012,
                shade(self.pal.accent, 0.85),
            );
        }
    }

    pub(super) fn cardigan(&mut self, neckline: &[Pos2], sy: f32) {
        // The top underneath shows between the open fronts, from the neckline down.
        let edge = |s: f32| -> Vec<Pos2> {
            let from = if s < 0.0 {
                neckline[0]
            } else {
                neckline[neckline.len() - 1]
            };
            quad(
                from,
                pos2(s * (from.x.abs() - 0.02), sy + 0.12),
                pos2(s * 0.18, 1.2),
                10,
            )
        };
        let left = edge(-1.0);
        let right = edge(1.0);
        let mut inner: Vec<Pos2> = neckline.to_vec();
        inner.extend(right.iter().skip(1));
        inner.extend(left.iter().rev().skip(1));
        self.c.fill(&inner, self.pal.accent);
        self.c.line(neckline, 0.01, shade(self.pal.accent, 0.85));
        for line in [left, right] {
            self.c.line(&line, 0.024, shade(self.pal.cloth, 0.9));
            self.c.line(&line, 0.008, self.pal.cloth_dark);
        }
    }

    pub(super) fn zip_collar(&mut self) {
        let nb = self.neck_base - 0.02 * self.e.hunch;
        let nw = self.neck_half;
        for s in [-1.0_f32, 1.0] {
            let band = [
                pos2(s * (nw + 0.08), nb + 0.02),
                pos2(s * (nw + 0.02), nb - 0.08),
                pos2(s * 0.01, nb - 0.02),
                pos2(s * 0.01, nb + 0.1),
            ];
            self.c.fill(&band, shade(self.pal.cloth, 0.92));
            self.c.outline(&band, 0.006, self.pal.cloth_dark);
        }
        self.c.line(
            &[pos2(0.0, nb + 0.02), pos2(0.0, 1.05)],
            0.012,
            self.pal.accent,
        );
        let pull = [
            pos2(-0.018, nb + 0.1),
            pos2(0.018, nb + 0.1),
            pos2(0.012, nb + 0.17),
            pos2(-0.012, nb + 0.17),
        ];
        self.c.fill(&pull, shade(self.pal.accent, 0.8));
    }

    pub(super) fn neck(&mut self) {
        let nb = self.neck_base;
        let nw = self.neck_half;
        let top = self.head.center.y + self.head.bottom * 0.5 * self.head.scale;
        let neck = [
            pos2(-nw, top),
            pos2(nw, top),
            pos2(nw * 1.04, nb - 0.04),
            pos2(nw + 0.08, nb + 0.26),
            pos2(-nw - 0.08, nb + 0.26),
            pos2(-nw * 1.04, nb - 0.04),
        ];
        self.c.fill(&neck, self.pal.skin_shadow);
        // The shadow the jaw casts on the neck.
        let chin = self.head.at_z(0.0, self.head.bottom * 0.9, 0.0);
        let shadow = ellipse(pos2(chin.x, chin.y), self.head.hw * 0.8, 0.07, 32);
        let shadow = clip_to_convex(&shadow, &neck);
        self.c.fill(&shadow, alpha(self.pal.skin_deep, 0.6));
    }

    /// Crossed forearms that rise into view as the person closes off.
    pub(super) fn arms(&mut self) {
        let a = self.e.arms;
        if a <= 0.01 {
            return;
        }
        let dy = (1.0 - a) * 0.6;
        let sleeve = shade(self.pal.cloth, 1.1);
        let edge = shade(self.pal.cloth, 0.65);
        // The viewer-right forearm tucks under the other; the top one's hand
        // grips the opposite upper arm.
        let under = (pos2(0.84, 1.06 + dy), pos2(-0.4, 0.84 + dy));
        let over = (pos2(-0.84, 1.08 + dy), pos2(0.4, 0.86 + dy));
        let shadow = alpha(shade(self.pal.cloth, 0.6), 0.35);
        let down = vec2(0.0, 0.04);
        self.forearm(under.0 + down, under.1 + down, shadow, Color32::TRANSPARENT);
        self.forearm(under.0, under.1, shade(sleeve, 0.94), edge);
        self.forearm(over.0 + down, over.1 + down, shadow, Color32::TRANSPARENT);
        self.forearm(over.0, over.1, sleeve, edge);
        self.hand(pos2(-0.47, 0.8 + dy), -1.0);
        self.hand(pos2(0.47, 0.82 + dy), 1.0);
    }

    /// A sleeved forearm from the elbow `a` (wide) to the wrist `b` (narrow).
    pub(super) fn forearm(&mut self, a: Pos2, b: Pos2, fill: Color32, edge: Color32) {
        let (ra, rb) = (0.115, 0.075);
        let d = (b - a).normalized();
        let angle = d.y.atan2(d.x);
        let n = self.c.segments(ra).max(8) / 2;
        let mut points = Vec::with_capacity(2 * n + 2);
        for k in 0..=n {
            let t = angle - FRAC_PI_2 + PI * k as f32 / n as f32;
            points.push(b + vec2(t.cos(), t.sin()) * rb);
        }
        for k in 0..=n {
            let t = angle + FRAC_PI_2 + PI * k as f32 / n as f32;
            points.push(a + vec2(t.cos(), t.sin()) * ra);
        }
        self.c.fill(&points, fill);
        self.c.outline(&points, 0.008, edge);
    }

    pub(super) fn hand(&mut self, at: Pos2, side: f32) {
        let skin = self.pal.skin;
        let hand = ellipse(at, 0.06, 0.07, self.c.segments(0.07));
        self.c.fill(&hand, skin);
        self.c.outline(&hand, 0.006, self.pal.skin_shadow);
        for k in 0..3 {
            let y = at.y - 0.03 + 0.022 * k as f32;
            self.c.line(
                &[
                    pos2(at.x - side * 0.005, y),
                    pos2(at.x + side * 0.045, y + 0.008),
                ],
                0.005,
                self.pal.skin_shadow,
            );
        }
    }
}
