//! Glasses and earrings.

use super::*;

impl Portrait<'_> {
    pub(super) fn glasses(&mut self) {
        let Some(glasses) = &self.p.glasses else {
            return;
        };
        let color = rgb(glasses.color);
        let shape = glasses.shape;
        let h = self.head;
        let (ew, eh) = self.eye_size();
        let front = |p: Pos2| h.at_z(p.x, p.y, h.depth(p.x, p.y) + 0.02);
        let mut inner_edges = Vec::new();
        for side in [-1.0_f32, 1.0] {
            let c = self.eye_center(side);
            let c = pos2(c.x + side * 0.004, c.y + 0.004);
            let local = match shape {
                GlassesShape::Round => ellipse(c, ew * 1.3, ew * 1.22, 40),
                GlassesShape::Rectangular => rounded_rect(c, ew * 1.42, eh * 2.15, eh * 0.9),
            };
            let frame: Vec<Pos2> = local.iter().map(|&p| front(p)).collect();
            self.c.fill(&frame, alpha(Color32::WHITE, 0.08));
            self.c.outline(&frame, 0.011, color);
            let half_w = match shape {
                GlassesShape::Round => ew * 1.3,
                GlassesShape::Rectangular => ew * 1.42,
            };
            inner_edges.push(pos2(c.x - side * half_w, c.y - eh * 0.3));
            // The arm towards the ear.
            let outer = pos2(c.x + side * half_w, c.y - eh * 0.5);
            let ear = pos2(side * h.hw * 0.99, c.y - eh * 0.2);
            self.c
                .line(&[front(outer), h.at_z(ear.x, ear.y, 0.0)], 0.01, color);
        }
        if let [l, r] = inner_edges[..] {
            let bridge = quad(l, pos2(0.0, l.y - 0.02), r, 8);
            let bridge: Vec<Pos2> = bridge.iter().map(|&p| front(p)).collect();
            self.c.line(&bridge, 0.01, color);
        }
    }

    pub(super) fn earrings(&mut self) {
        let Some(earrings) = &self.p.earrings else {
            return;
        };
        // Headscarves and long hair cover the ears.
        if self.p.headscarf.is_some() || self.long_hair() {
            return;
        }
        let color = rgb(earrings.color);
        let style = earrings.style;
        let h = self.head;
        let size = self.p.face.ears.clamp(0.8, 1.2);
        for s in [-1.0_f32, 1.0] {
            let lobe = pos2(s * (h.hw + 0.012), 0.035 + 0.062 * size);
            let at = h.at_z(lobe.x, lobe.y, -0.08);
            match style {
                EarringStyle::Stud => {
                    self.c.circle(at, 0.012 * h.scale, color);
                    self.c.circle(
                        pos2(at.x - 0.003, at.y - 0.003),
                        0.004 * h.scale,
                        alpha(Color32::WHITE, 0.7),
                    );
                }
                EarringStyle::Hoop => {
                    let r = 0.032 * h.scale;
                    let ring = ellipse(pos2(at.x, at.y + r), r * 0.8, r, 32);
                    self.c.outline(&ring, 0.007, color);
                }
            }
        }
    }
}
