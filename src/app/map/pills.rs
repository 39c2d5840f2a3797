//! Small labels painted on the canvas, kept from covering each other.

use eframe::egui::{self, Color32, FontId, Pos2, Rect, Stroke, StrokeKind, Ui, Vec2, vec2};

use crate::app::widgets::theme::Palette;

/// The size [`pill`] paints `text` at.
pub(super) fn pill_size(painter: &egui::Painter, text: &str) -> Vec2 {
    let galley = painter.layout_no_wrap(
        text.to_string(),
        FontId::proportional(12.5),
        Color32::PLACEHOLDER,
    );
    galley.size() + vec2(12.0, 4.0)
}

/// The centre nearest below `at` where a label of `size` covers none of
/// the labels already `placed`, which it joins. Options that leave a node
/// for the same target run side by side, so their labels would otherwise
/// sit on top of each other; this stacks them instead.
pub(super) fn clear_spot(placed: &mut Vec<Rect>, at: Pos2, size: Vec2) -> Pos2 {
    let mut rect = Rect::from_center_size(at, size);
    // Each step moves below one placed label, so this ends.
    for _ in 0..=placed.len() {
        match placed.iter().find(|r| r.expand(1.0).intersects(rect)) {
            Some(r) => rect = rect.translate(vec2(0.0, r.max.y + 3.0 - rect.min.y)),
            None => break,
        }
    }
    placed.push(rect);
    rect.center()
}

/// A small label with a coloured edge, painted on the canvas.
pub(super) fn pill(
    painter: &egui::Painter,
    ui: &Ui,
    at: Pos2,
    text: &str,
    colour: Color32,
    palette: &Palette,
) {
    let galley = painter.layout_no_wrap(
        text.to_string(),
        FontId::proportional(12.5),
        ui.visuals().text_color(),
    );
    let rect = Rect::from_center_size(at, galley.size() + vec2(12.0, 4.0));
    painter.rect(
        rect,
        8.0,
        palette.card,
        Stroke::new(1.5, colour),
        StrokeKind::Inside,
    );
    painter.galley(rect.min + vec2(6.0, 2.0), galley, ui.visuals().text_color());
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::egui::pos2;

    #[test]
    fn labels_at_one_spot_stack_without_covering_each_other() {
        let mut placed = Vec::new();
        let size = vec2(60.0, 18.0);
        let centres: Vec<Pos2> = (0..4)
            .map(|i| clear_spot(&mut placed, pos2(100.0 + i as f32, 50.0), size))
            .collect();
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(!a.intersects(*b), "{a:?} covers {b:?}");
            }
        }
        // The first keeps its place; the others go below it, in order.
        assert_eq!(centres[0], pos2(100.0, 50.0));
        assert!(centres.windows(2).all(|w| w[1].y > w[0].y), "{centres:?}");
    }
}
