//! A numbered option the learner can pick: the number in a badge, the
//! words wrapped beside it, the whole row one button.

use eframe::egui::{
    self, Align2, CornerRadius, FontId, Response, Sense, Stroke, StrokeKind, TextStyle,
    TextWrapMode, Ui, WidgetText,
};

use crate::app::widgets::theme::Palette;

/// Shows one option. Its accessible name is exactly `text`, so screen
/// readers read the words and tests can find it by them.
pub fn choice_button_ui(ui: &mut Ui, palette: &Palette, number: usize, text: &str) -> Response {
    let padding = egui::vec2(14.0, 10.0);
    let body = TextStyle::Button.resolve(ui.style());
    let badge = body.size * 1.7;
    let width = ui.available_width();
    let wrap_width = (width - badge - padding.x * 3.0).max(80.0);
    let galley = WidgetText::from(text).into_galley(
        ui,
        Some(TextWrapMode::Wrap),
        wrap_width,
        TextStyle::Button,
    );
    let height = galley.size().y.max(badge) + padding.y * 2.0;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, ui.is_enabled(), text));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact(&response);
        let focused = response.has_focus();
        let hovered = response.hovered() || focused;
        let fill = if hovered {
            palette.learner_fill
        } else {
            palette.card
        };
        let stroke = if focused {
            Stroke::new(3.0, palette.accent)
        } else if hovered {
            Stroke::new(2.0, palette.learner_stroke)
        } else {
            Stroke::new(
                if palette.high_contrast { 2.0 } else { 1.0 },
                palette.card_stroke,
            )
        };
        let painter = ui.painter();
        painter.rect(
            rect,
            CornerRadius::same(10),
            fill,
            stroke,
            StrokeKind::Inside,
        );
        let centre = egui::pos2(
            rect.left() + padding.x + badge / 2.0,
            rect.top() + padding.y + badge / 2.0,
        );
        painter.circle(
            centre,
            badge / 2.0,
            if hovered {
                palette.accent
            } else {
                palette.peer_fill
            },
            Stroke::new(1.0, palette.accent),
        );
        painter.text(
            centre,
            Align2::CENTER_CENTER,
            number.to_string(),
            FontId::new(body.size * 0.95, body.family.clone()),
            if hovered {
                palette.card
            } else {
                visuals.text_color()
            },
        );
        let text_pos = egui::pos2(
            rect.left() + padding.x * 2.0 + badge,
            rect.top() + padding.y + ((badge - galley.size().y) / 2.0).max(0.0),
        );
        painter.galley(text_pos, galley, visuals.text_color());
    }
    response.on_hover_cursor(egui::CursorIcon::PointingHand)
}
