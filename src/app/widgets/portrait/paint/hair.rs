//! Hair in each style: the part behind the head, the part in front of it,
//! and long hair falling over the shoulders.

use super::*;

impl Portrait<'_> {
    /// The hair cap from the hairline up over the crown, in local units.
    /// Short styles stop above the ears, with sideburns in front of them;
    /// long ones run down to the ears, which their curtains cover.
    pub(super) fn cap(
        &self,
        side_grow: f32,
        top_grow: f32,
        hairline: &[Pos2],
        short: bool,
    ) -> Vec<Pos2> {
        let grow = |t: f32| side_grow + (top_grow - side_grow) * (-t.sin()).max(0.0);
        let a = if short { EAR_TOP_ANGLE } else { 0.0 };
        let mut points = self.head.rim_arc(PI + a, TAU - a, grow, 40);
        // Hairline from the right temple back to the left.
        points.extend(spline(hairline, 6, false));
        points
    }

    /// A hairline from the right side of the head to the left, in local units.
    pub(super) fn hairline(
        &self,
        forehead: f32,
        part: f32,
        fringe: f32,
        short: bool,
        side_grow: f32,
    ) -> Vec<Pos2> {
        let h = self.head;
        let fy = -h.top * forehead;
        let sweep = part * 0.05;
        // Long hair parts and falls away to each side, framing the forehead.
        let arch = if !short && fringe == 0.0 { 0.045 } else { 0.0 };
        let side = |s: f32| -> Vec<Pos2> {
            let mut points = if short {
                let start = h.rim(
                    if s > 0.0 {
                        TAU - EAR_TOP_ANGLE
                    } else {
                        PI + EAR_TOP_ANGLE
                    },
                    side_grow,
                );
                vec![
                    start,
                    pos2(s * h.hw * 0.955, 0.035),
                    pos2(s * h.hw * 0.9, 0.045),
                    pos2(s * h.hw * 0.86, -0.04),
                ]
            } else {
                let start = h.rim(if s > 0.0 { TAU } else { PI }, side_grow);
                vec![start, pos2(s * h.hw * 0.86, start.y - 0.02)]
            };
            points.push(pos2(s * h.hw * 0.8, -h.top * 0.3 + fringe * 0.5));
            points.push(pos2(
                s * h.hw * 0.55 + sweep,
                fy - 0.012 + fringe * 0.6 + arch,
            ));
            points
        };
        let mut points = side(1.0);
        if fringe > 0.0 {
            // A fringe ends in soft points rather than a straight edge.
            for (x, dip) in [
                (0.32, 1.1),
                (0.16, 0.7),
                (0.0, 1.15),
                (-0.16, 0.75),
                (-0.32, 1.05),
            ] {
                points.push(pos2(sweep + x * h.hw, fy + fringe * dip));
            }
        } else if arch > 0.0 {
            points.push(pos2(part * h.hw * 0.5, fy - arch * 0.6));
        } else {
            points.push(pos2(sweep, fy));
        }
        points.extend(side(-1.0).into_iter().rev());
        points
    }

    /// Whether the hair falls over the ears.
    pub(super) fn long_hair(&self) -> bool {
        matches!(
            self.p.hair.style,
            HairStyle::Bob | HairStyle::Long | HairStyle::Braids
        )
    }

    pub(super) fn volume(&self) -> f32 {
        self.p.hair.volume.clamp(0.0, 1.0)
    }

    pub(super) fn hair_back(&mut self) {
        let h = self.head;
        let v = self.volume();
        let hair = self.pal.hair;
        let dark = self.pal.hair_dark;
        match self.p.hair.style {
            HairStyle::Bald | HairStyle::Cropped => {}
            HairStyle::Receding => {
                // Hair at the back of the head shows just above the ears.
                let band = h.rim_arc(PI - 0.05, PI + 0.6, |_| 0.02, 12);
                let mut shape = band;
                shape.extend(
                    h.rim_arc(PI - 0.05, PI + 0.6, |_| -0.02, 12)
                        .into_iter()
                        .rev(),
                );
                self.c.fill(&h.map_flat(&shape), dark);
                let mirrored: Vec<Pos2> = shape.iter().map(|p| pos2(-p.x, p.y)).collect();
                self.c.fill(&h.map_flat(&mirrored), dark);
            }
            HairStyle::Short => {
                let shape = h.rim_arc(PI - 0.02, TAU + 0.02, |_| 0.02 + 0.03 * v, 40);
                self.c.fill(&h.map_flat(&shape), dark);
            }
            HairStyle::Bun => {
                let r = 0.1 + 0.04 * v;
                let bun = ellipse(pos2(0.04, -h.top - r * 0.35), r, r * 0.9, 32);
                self.c.fill(&h.map_flat(&bun), hair);
                let tie = quad(
                    pos2(-r * 0.6, -h.top + r * 0.1),
                    pos2(0.04, -h.top + r * 0.4),
                    pos2(r * 0.7, -h.top + r * 0.05),
                    8,
                );
                self.c.line(&h.map_flat(&tie), 0.006, dark);
            }
            HairStyle::Curly => {
                let g = 0.07 + 0.12 * v;
                let reach = 0.25;
                let grow = |t: f32| g * (0.65 + 0.35 * (-t.sin()).max(0.0));
                let mut cloud = h.rim_arc(PI - reach, TAU + reach, grow, 30);
                cloud.push(pos2(0.0, 0.1));
                self.c.fill(&h.map_flat(&spline(&cloud, 3, true)), hair);
                // A scalloped edge of curls, and curl marks inside it.
                let steps = 28;
                for k in 0..=steps {
                    let t = PI - reach + (PI + 2.0 * reach) * k as f32 / steps as f32;
                    let end = (k.min(steps - k) as f32 / 3.0).min(1.0);
                    let r =
                        (0.03 + 0.02 * v) * if k % 2 == 0 { 1.0 } else { 0.8 } * (0.5 + 0.5 * end);
                    let at = h.rim(t, grow(t) - r * 0.6);
                    self.c.circle(h.at_z(at.x, at.y, 0.0), r * h.scale, hair);
                    if k % 2 == 1 {
                        let inner = h.rim(t, grow(t) * 0.45);
                        let arc = quad(
                            pos2(inner.x - 0.018, inner.y),
                            pos2(inner.x, inner.y + 0.018),
                            pos2(inner.x + 0.018, inner.y),
                            6,
                        );
                        self.c.line(&h.map_flat(&arc), 0.006, alpha(dark, 0.7));
                    }
                }
            }
            HairStyle::Bob | HairStyle::Long | HairStyle::Braids => {
                let (end, flare) = match self.p.hair.style {
                    HairStyle::Bob => (h.bottom * 0.95, 0.05 + 0.05 * v),
                    _ => (0.95, 0.1 + 0.08 * v),
                };
                let g = 0.03 + 0.05 * v;
                let mut shape = h.rim_arc(
                    PI - 0.2,
                    TAU + 0.2,
                    |t| g * (0.6 + 0.4 * (-t.sin()).max(0.0)),
                    24,
                );
                shape.push(pos2(h.hw + g + flare * 0.6, (end + 0.05) * 0.5));
                shape.push(pos2(h.hw + flare, end));
                shape.push(pos2(h.hw * 0.4, end + 0.03));
                shape.push(pos2(-h.hw * 0.4, end + 0.03));
                shape.push(pos2(-h.hw - flare, end));
                shape.push(pos2(-h.hw - g - flare * 0.6, (end + 0.05) * 0.5));
                let shape = spline(&shape, 3, true);
                self.c.fill(&h.map_flat(&shape), dark);
            }
        }
    }

    /// Long hair falling in front of the shoulders.
    pub(super) fn hair_over_shoulders(&mut self) {
        let style = self.p.hair.style;
        if !matches!(style, HairStyle::Long | HairStyle::Braids) {
            return;
        }
        let h = self.head;
        let v = self.volume();
        for s in [-1.0_f32, 1.0] {
            if style == HairStyle::Braids {
                for k in 0..3 {
                    let x = s * (h.hw * 0.82 + 0.045 * k as f32);
                    let top = h.at_z(x, 0.1 + 0.03 * k as f32, 0.0);
                    let bottom = pos2(top.x + s * (0.02 + 0.02 * k as f32), 0.92 - 0.04 * k as f32);
                    self.braid(top, bottom);
                }
            } else {
                let spread = 0.12 + 0.08 * v;
                let lock = spline(
                    &[
                        h.at_z(s * h.hw * 0.98, 0.0, 0.0),
                        h.at_z(s * (h.hw * 0.8), h.bottom * 0.7, 0.0),
                        pos2(s * (h.hw * 0.72), 0.62),
                        pos2(s * (h.hw * 0.78 + spread * 0.4), 0.93),
                        pos2(s * (h.hw + spread + 0.06), 0.9),
                        pos2(s * (h.hw + spread * 0.8 + 0.03), 0.5),
                        h.at_z(s * (h.hw + 0.05), h.bottom * 0.4, 0.0),
                    ],
                    6,
                    true,
                );
                self.c.fill(&lock, self.pal.hair);
                let strand = quad(
                    h.at_z(s * (h.hw + 0.01), h.bottom * 0.6, 0.0),
                    pos2(s * (h.hw * 0.9 + spread * 0.3), 0.6),
                    pos2(s * (h.hw * 0.85 + spread * 0.5), 0.86),
                    10,
                );
                self.c.line(&strand, 0.007, alpha(self.pal.hair_dark, 0.8));
            }
        }
    }

    pub(super) fn braid(&mut self, top: Pos2, bottom: Pos2) {
        let w = 0.028 * self.head.scale;
        let d = (bottom - top).normalized();
        let n = vec2(-d.y, d.x);
        let len = (bottom - top).length();
        let shape = [
            top - n * w,
            top + n * w,
            bottom + n * w * 0.7,
            bottom - n * w * 0.7,
        ];
        self.c.fill(&shape, self.pal.hair);
        let links = (len / 0.04) as usize;
        for k in 0..links {
            let c = top + d * (0.02 + k as f32 * 0.04);
            let side = if k % 2 == 0 { 1.0 } else { -1.0 };
            self.c.line(
                &[c - n * w * 0.8 * side, c + d * 0.018 + n * w * 0.2 * side],
                0.004,
                self.pal.hair_dark,
            );
        }
    }

    /// The hair in front of the head, after the face; one style each.
    pub(super) fn hair_front(&mut self) {
        match self.p.hair.style {
            HairStyle::Bald => self.bald_front(),
            HairStyle::Receding => self.receding_front(),
            HairStyle::Cropped => self.cropped_front(),
            HairStyle::Short => self.short_front(),
            HairStyle::Curly => self.curly_front(),
            HairStyle::Bun => self.bun_front(),
            HairStyle::Bob | HairStyle::Long | HairStyle::Braids => self.framing_front(),
        }
    }

    /// A bald head: only a soft shine on the crown.
    fn bald_front(&mut self) {
        let h = self.head;
        let shine = ellipse(pos2(-0.1, -h.top * 0.78), 0.09, 0.04, 24);
        self.c.fill(&h.map(&shine), alpha(Color32::WHITE, 0.12));
    }

    /// Thinning hair over the crown, then fuller hair at the sides.
    fn receding_front(&mut self) {
        let h = self.head;
        let hair = self.pal.hair;
        let line = self.hairline(0.78, 0.0, 0.0, true, 0.004);
        let thin = self.cap(0.004, 0.01, &line, true);
        self.c.fill(&h.map_flat(&thin), alpha(hair, 0.3));
        for s in [-1.0_f32, 1.0] {
            let (from, to) = if s > 0.0 {
                (TAU - 0.62, TAU - EAR_TOP_ANGLE + 0.06)
            } else {
                (PI + EAR_TOP_ANGLE - 0.06, PI + 0.62)
            };
            let mut patch = h.rim_arc(from, to, |_| 0.016, 12);
            let inner = [
                pos2(s * h.hw * 0.93, -0.03),
                pos2(s * h.hw * 0.88, -h.top * 0.28),
                pos2(s * h.hw * 0.74, -h.top * 0.55),
            ];
            if s > 0.0 {
                patch.extend(inner.iter().copied());
            } else {
                patch.extend(inner.iter().rev().copied());
            }
            self.c.fill(&h.map_flat(&spline(&patch, 3, true)), hair);
        }
        let crown = ellipse(pos2(-0.05, -h.top * 0.8), 0.12, 0.05, 24);
        self.c.fill(&h.map(&crown), alpha(Color32::WHITE, 0.1));
    }

    /// Close-cropped hair, with small marks for texture.
    fn cropped_front(&mut self) {
        let h = self.head;
        let part = self.p.hair.part.clamp(-1.0, 1.0);
        let hair = self.pal.hair;
        let light = self.pal.hair_light;
        // Close-cropped hair thins out at its edge instead of ending sharply.
        for (k, a) in [(0.0_f32, 0.45), (0.025, 0.55), (0.05, 1.0)] {
            let line = self.hairline(0.6 + k, part, 0.0, true, 0.006);
            let cap = self.cap(0.006, 0.016, &line, true);
            self.c.fill(&h.map_flat(&cap), alpha(hair, a));
        }
        for &(x, y) in CURL_MARKS {
            let c = pos2(x * h.hw * 0.9, -h.top * (0.15 + 0.75 * y));
            let mark = [pos2(c.x - 0.012, c.y), pos2(c.x + 0.012, c.y - 0.004)];
            self.c.line(&h.map_flat(&mark), 0.005, alpha(light, 0.35));
        }
    }

    /// Short hair with combed strands, a parting when it has one, and a sheen.
    fn short_front(&mut self) {
        let h = self.head;
        let v = self.volume();
        let part = self.p.hair.part.clamp(-1.0, 1.0);
        let fringe = if self.p.hair.fringe { 0.1 } else { 0.0 };
        let hair = self.pal.hair;
        let light = self.pal.hair_light;
        let dark = self.pal.hair_dark;
        let side_grow = 0.015 + 0.015 * v;
        let line = self.hairline(0.58, part, fringe, true, side_grow);
        let cap = self.cap(side_grow, 0.03 + 0.07 * v, &line, true);
        self.c.fill(&h.map_flat(&cap), hair);
        // Strands combed from the crown towards the sweep.
        for k in [-0.6_f32, -0.25, 0.1, 0.45] {
            let from = pos2(k * h.hw * 0.6 - part * 0.04, -h.top - 0.02);
            let to = pos2(k * h.hw * 0.9 - part * 0.06, -h.top * (0.62 - fringe));
            let ctrl = pos2((from.x + to.x) / 2.0 - part * 0.03, -h.top * 0.92);
            self.c.line(
                &h.map_flat(&quad(from, ctrl, to, 8)),
                0.005,
                alpha(dark, 0.45),
            );
        }
        if part.abs() > 0.05 {
            let px = part * h.hw * 0.55;
            let parting = quad(
                pos2(px, -h.top * 0.62),
                pos2(px * 0.9, -h.top * 0.85),
                pos2(px * 0.5, -h.top - 0.01),
                8,
            );
            self.c.line(&h.map_flat(&parting), 0.007, dark);
        }
        self.sheen(0.04 + 0.04 * v, light);
    }

    /// Curly hair: a cap edged with curls and marked with small arcs.
    fn curly_front(&mut self) {
        let h = self.head;
        let v = self.volume();
        let hair = self.pal.hair;
        let dark = self.pal.hair_dark;
        let g = 0.02 + 0.04 * v;
        let line = self.hairline(0.6, 0.0, 0.0, true, g);
        let cap = self.cap(g, g + 0.03, &line, true);
        self.c.fill(&h.map_flat(&cap), hair);
        // Curls along the hairline soften the edge.
        let curls = spline(&line, 4, false);
        let r = 0.026 + 0.01 * v;
        for (k, p) in curls.iter().enumerate().skip(2).step_by(3) {
            if k + 2 >= curls.len() {
                break;
            }
            let c = h.at_z(p.x, p.y - r * 0.3, 0.0);
            self.c.circle(c, r * h.scale, hair);
        }
        // Texture: small dark arcs.
        for &(x, y) in CURL_MARKS {
            let c = pos2(x * h.hw, -h.top * y);
            let arc = quad(
                pos2(c.x - 0.02, c.y),
                pos2(c.x, c.y + 0.02),
                pos2(c.x + 0.02, c.y),
                6,
            );
            self.c.line(&h.map_flat(&arc), 0.006, alpha(dark, 0.6));
        }
    }

    /// Hair combed back into a bun.
    fn bun_front(&mut self) {
        let h = self.head;
        let part = self.p.hair.part.clamp(-1.0, 1.0);
        let hair = self.pal.hair;
        let light = self.pal.hair_light;
        let dark = self.pal.hair_dark;
        let line = self.hairline(0.62, part, 0.0, true, 0.01);
        let cap = self.cap(0.01, 0.022, &line, true);
        self.c.fill(&h.map_flat(&cap), hair);
        // Combed-back lines.
        for k in [-2.0_f32, -1.0, 0.0, 1.0, 2.0] {
            let x = k * h.hw * 0.22;
            let comb = quad(
                pos2(x, -h.top * 0.66),
                pos2(x * 0.8, -h.top * 0.9),
                pos2(x * 0.4, -h.top - 0.02),
                6,
            );
            self.c.line(&h.map_flat(&comb), 0.005, alpha(dark, 0.5));
        }
        self.sheen(0.02, light);
    }

    /// Hair that falls past the ears: a cap and a curtain down each side
    /// of the face, longer for long hair and braids.
    fn framing_front(&mut self) {
        let h = self.head;
        let v = self.volume();
        let part = self.p.hair.part.clamp(-1.0, 1.0);
        let fringe = if self.p.hair.fringe { 0.1 } else { 0.0 };
        let hair = self.pal.hair;
        let light = self.pal.hair_light;
        let dark = self.pal.hair_dark;
        let side_grow = 0.02 + 0.02 * v;
        let long = self.p.hair.style != HairStyle::Bob;
        let line = self.hairline(0.6, part, fringe, false, side_grow);
        let cap = self.cap(side_grow, 0.03 + 0.05 * v, &line, false);
        self.c.fill(&h.map_flat(&cap), hair);
        // Curtains down each side of the face, covering the ears.
        let end = if long {
            h.bottom * 0.95
        } else {
            h.bottom * 0.9
        };
        for s in [-1.0_f32, 1.0] {
            let curtain = spline(
                &[
                    pos2(s * h.hw * 0.78, -h.top * 0.42),
                    pos2(s * h.hw * 0.92, 0.0),
                    pos2(s * h.hw * 0.9, end * 0.7),
                    pos2(s * (h.hw * 0.95 + 0.02), end),
                    pos2(s * (h.hw + side_grow + 0.05), end - 0.01),
                    pos2(s * (h.hw + side_grow + 0.025), 0.0),
                    pos2(s * (h.hw + side_grow * 0.5), -h.top * 0.5),
                ],
                5,
                true,
            );
            self.c.fill(&h.map_flat(&curtain), hair);
            let strand = quad(
                pos2(s * h.hw * 0.95, -h.top * 0.2),
                pos2(s * (h.hw + 0.02), end * 0.4),
                pos2(s * (h.hw + 0.015), end * 0.9),
                8,
            );
            self.c.line(&h.map_flat(&strand), 0.006, alpha(dark, 0.7));
        }
        if part.abs() > 0.05 && fringe == 0.0 {
            let px = part * h.hw * 0.5;
            let parting = quad(
                pos2(px, -h.top * 0.72),
                pos2(px * 0.95, -h.top * 0.85),
                pos2(px * 0.6, -h.top - 0.01),
                8,
            );
            self.c.line(&h.map_flat(&parting), 0.007, dark);
        }
        self.sheen(0.04 + 0.03 * v, light);
    }

    /// A soft highlight across the crown of the hair.
    pub(super) fn sheen(&mut self, grow: f32, color: Color32) {
        let h = self.head;
        let outer = h.rim_arc(PI + 0.5, PI + 1.25, |_| grow * 0.7, 12);
        let inner: Vec<Pos2> = h
            .rim_arc(PI + 0.55, PI + 1.2, |_| grow * 0.7 - 0.035, 12)
            .into_iter()
            .rev()
            .collect();
        let mut band = outer;
        band.extend(inner);
        self.c.fill(&h.map_flat(&band), alpha(color, 0.55));
    }
}
