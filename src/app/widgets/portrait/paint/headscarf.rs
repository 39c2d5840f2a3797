//! A hijab or headscarf framing the face and draping over the shoulders.

use super::*;

impl Portrait<'_> {
    pub(super) fn headscarf_back(&mut self, color: Color32) {
        let h = self.head;
        let nb = self.neck_base;
        let g = 0.06;
        let mut shape: Vec<Pos2> = h
            .rim_arc(PI - 0.35, TAU + 0.35, |_| g, 28)
            .iter()
            .map(|p| h.at_z(p.x, p.y, 0.0))
            .collect();
        // The drape falls over the neck onto the shoulders.
        let mut drape = vec![
            pos2(h.center.x + h.hw + 0.1, nb + 0.02),
            pos2(0.42, nb + 0.24),
            pos2(0.0, nb + 0.32),
            pos2(-0.42, nb + 0.24),
            pos2(h.center.x - h.hw - 0.1, nb + 0.02),
        ];
        shape.append(&mut drape);
        let shape = spline(&shape, 3, true);
        self.c.fill(&shape, color);
        let fold = quad(
            pos2(-0.3, nb + 0.16),
            pos2(0.0, nb + 0.26),
            pos2(0.3, nb + 0.16),
            10,
        );
        self.c.line(&fold, 0.01, shade(color, 0.8));
        let fold = quad(
            h.at_z(h.hw * 0.7, h.bottom * 1.05, 0.0),
            pos2(h.center.x + 0.2, nb + 0.05),
            pos2(0.36, nb + 0.18),
            10,
        );
        self.c.line(&fold, 0.009, shade(color, 0.82));
    }

    pub(super) fn headscarf_front(&mut self, color: Color32) {
        let Some(window) = self.face_window.clone() else {
            return;
        };
        // A folded edge around the face and a band of the under-scarf.
        self.c.outline(&window, 0.016, shade(color, 0.85));
        let h = self.head;
        let band = h.rim_arc(PI + 0.55, TAU - 0.55, |_| -0.07, 16);
        self.c.line(&h.map(&band), 0.012, shade(color, 1.12));
    }
}
