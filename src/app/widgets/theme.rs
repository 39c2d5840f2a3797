//! Colours, text sizes and spacing for the three themes.
//!
//! Colours here only ever reinforce what words already say: every place
//! that uses a colour also shows a label.

use eframe::egui::{
    self, Color32, CornerRadius, FontFamily, FontId, Margin, Stroke, TextStyle, Visuals,
};

use crate::store::{Settings, Theme, clamp_text_scale};

/// Colours with a meaning, chosen per theme for contrast.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    /// Cards and bubbles.
    pub card: Color32,
    pub card_stroke: Color32,
    /// The peer's lines.
    pub peer_fill: Color32,
    /// The learner's lines.
    pub learner_fill: Color32,
    pub learner_stroke: Color32,
    pub accent: Color32,
    /// Muted text for secondary details.
    pub muted: Color32,
    pub good: Color32,
    pub fair: Color32,
    pub poor: Color32,
    /// A warm, non-alarming background for notices.
    pub notice: Color32,
    pub high_contrast: bool,
}

impl Palette {
    pub fn of(theme: Theme) -> Self {
        match theme {
            Theme::Light => Palette {
                card: Color32::from_rgb(0xFF, 0xFF, 0xFF),
                card_stroke: Color32::from_rgb(0xD9, 0xD4, 0xCB),
                peer_fill: Color32::from_rgb(0xEE, 0xEB, 0xE4),
                learner_fill: Color32::from_rgb(0xE0, 0xEF, 0xED),
                learner_stroke: Color32::from_rgb(0x2E, 0x7D, 0x77),
                accent: Color32::from_rgb(0x23, 0x6E, 0x69),
                muted: Color32::from_rgb(0x5C, 0x58, 0x52),
                good: Color32::from_rgb(0x1F, 0x6F, 0x3A),
                fair: Color32::from_rgb(0x8A, 0x5A, 0x00),
                poor: Color32::from_rgb(0xA3, 0x2D, 0x2D),
                notice: Color32::from_rgb(0xFB, 0xF1, 0xDC),
                high_contrast: false,
            },
            Theme::Dark => Palette {
                card: Color32::from_rgb(0x2A, 0x2D, 0x31),
                card_stroke: Color32::from_rgb(0x45, 0x4A, 0x50),
                peer_fill: Color32::from_rgb(0x35, 0x38, 0x3D),
                learner_fill: Color32::from_rgb(0x1E, 0x3F, 0x3C),
                learner_stroke: Color32::from_rgb(0x6F, 0xC3, 0xBA),
                accent: Color32::from_rgb(0x7F, 0xD1, 0xC8),
                muted: Color32::from_rgb(0xB4, 0xB0, 0xA8),
                good: Color32::from_rgb(0x8F, 0xD6, 0x9E),
                fair: Color32::from_rgb(0xF0, 0xC0, 0x6A),
                poor: Color32::from_rgb(0xF2, 0x9B, 0x92),
                notice: Color32::from_rgb(0x4A, 0x3F, 0x27),
                high_contrast: false,
            },
            Theme::HighContrast => Palette {
                card: Color32::BLACK,
                card_stroke: Color32::WHITE,
                peer_fill: Color32::BLACK,
                learner_fill: Color32::BLACK,
                learner_stroke: Color32::from_rgb(0xFF, 0xE0, 0x00),
                accent: Color32::from_rgb(0xFF, 0xE0, 0x00),
                muted: Color32::WHITE,
                good: Color32::from_rgb(0x7C, 0xFF, 0x9A),
                fair: Color32::from_rgb(0xFF, 0xE0, 0x00),
                poor: Color32::from_rgb(0xFF, 0x9E, 0x9E),
                notice: Color32::BLACK,
                high_contrast: true,
            },
        }
    }
}

fn light() -> Visuals {
    let mut v = Visuals::light();
    v.panel_fill = Color32::from_rgb(0xF6, 0xF3, 0xEE);
    v.window_fill = Color32::from_rgb(0xFF, 0xFF, 0xFF);
    v.extreme_bg_color = Color32::from_rgb(0xFF, 0xFF, 0xFF);
    v.faint_bg_color = Color32::from_rgb(0xEE, 0xEB, 0xE4);
    v.override_text_color = Some(Color32::from_rgb(0x22, 0x22, 0x22));
    v.selection.bg_fill = Color32::from_rgb(0xBF, 0xE0, 0xDC);
    v.selection.stroke = Stroke::new(1.0, Color32::from_rgb(0x23, 0x6E, 0x69));
    v.hyperlink_color = Color32::from_rgb(0x23, 0x6E, 0x69);
    v.widgets.inactive.weak_bg_fill = Color32::from_rgb(0xE6, 0xE2, 0xDA);
    v.widgets.inactive.bg_fill = Color32::from_rgb(0xE6, 0xE2, 0xDA);
    // Checkboxes and radio buttons need an edge to be seen on light cards:
    // at least 3:1 against the panel and the cards (tested below).
    v.widgets.inactive.bg_stroke = Stroke::new(1.0, Color32::from_rgb(0x7A, 0x73, 0x68));
    v.widgets.inactive.fg_stroke = Stroke::new(1.5, Color32::from_rgb(0x22, 0x22, 0x22));
    v.widgets.hovered.weak_bg_fill = Color32::from_rgb(0xD9, 0xEC, 0xE9);
    v.widgets.hovered.bg_stroke = Stroke::new(1.5, Color32::from_rgb(0x23, 0x6E, 0x69));
    v.widgets.active.weak_bg_fill = Color32::from_rgb(0xBF, 0xE0, 0xDC);
    v
}

fn dark() -> Visuals {
    let mut v = Visuals::dark();
    v.panel_fill = Color32::from_rgb(0x1E, 0x20, 0x23);
    v.window_fill = Color32::from_rgb(0x26, 0x29, 0x2D);
    v.extreme_bg_color = Color32::from_rgb(0x16, 0x18, 0x1A);
    v.faint_bg_color = Color32::from_rgb(0x2A, 0x2D, 0x31);
    v.override_text_color = Some(Color32::from_rgb(0xEC, 0xEA, 0xE6));
    v.selection.bg_fill = Color32::from_rgb(0x1E, 0x5A, 0x55);
    v.selection.stroke = Stroke::new(1.0, Color32::from_rgb(0x7F, 0xD1, 0xC8));
    v.hyperlink_color = Color32::from_rgb(0x7F, 0xD1, 0xC8);
    v.widgets.hovered.bg_stroke = Stroke::new(1.5, Color32::from_rgb(0x7F, 0xD1, 0xC8));
    // egui's dark checkboxes and radio buttons are a grey fill with no edge,
    // about 1.3:1 on these panels; an edge makes them 3:1 or more.
    v.widgets.inactive.bg_stroke = Stroke::new(1.0, Color32::from_rgb(0x8E, 0x93, 0x9A));
    v
}

fn high_contrast() -> Visuals {
    let yellow = Color32::from_rgb(0xFF, 0xE0, 0x00);
    let mut v = Visuals::dark();
    v.panel_fill = Color32::BLACK;
    v.window_fill = Color32::BLACK;
    v.extreme_bg_color = Color32::BLACK;
    v.faint_bg_color = Color32::BLACK;
    v.override_text_color = Some(Color32::WHITE);
    v.window_stroke = Stroke::new(2.0, Color32::WHITE);
    v.selection.bg_fill = Color32::from_rgb(0x33, 0x2E, 0x00);
    v.selection.stroke = Stroke::new(2.0, yellow);
    v.hyperlink_color = yellow;
    for w in [
        &mut v.widgets.noninteractive,
        &mut v.widgets.inactive,
        &mut v.widgets.hovered,
        &mut v.widgets.active,
        &mut v.widgets.open,
    ] {
        w.bg_fill = Color32::BLACK;
        w.weak_bg_fill = Color32::BLACK;
        w.fg_stroke = Stroke::new(1.5, Color32::WHITE);
        w.bg_stroke = Stroke::new(1.5, Color32::WHITE);
    }
    v.widgets.noninteractive.bg_stroke = Stroke::new(1.0, Color32::WHITE);
    v.widgets.hovered.bg_stroke = Stroke::new(3.0, yellow);
    v.widgets.hovered.fg_stroke = Stroke::new(2.0, yellow);
    v.widgets.active.bg_stroke = Stroke::new(3.0, yellow);
    v.widgets.active.fg_stroke = Stroke::new(2.0, yellow);
    v
}

/// The WCAG contrast ratio of two colours, from 1 (the same) to 21
/// (black on white); alpha is ignored.
pub fn contrast(a: Color32, b: Color32) -> f32 {
    fn channel(c: u8) -> f32 {
        let c = f32::from(c) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }
    let luminance =
        |c: Color32| 0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b());
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Base text sizes in points at a text scale of 1.0. Larger than egui's
/// defaults: the app is read for minutes at a time, and on projectors.
const BODY: f32 = 16.0;

/// Applies the theme, text size and motion settings to the context.
/// Cheap, but callers only do it when the settings change.
pub fn apply(ctx: &egui::Context, settings: &Settings) {
    let scale = clamp_text_scale(settings.text_scale);
    let theme = match settings.theme {
        Theme::Light => egui::Theme::Light,
        Theme::Dark | Theme::HighContrast => egui::Theme::Dark,
    };
    ctx.set_visuals_of(egui::Theme::Light, light());
    ctx.set_visuals_of(
        egui::Theme::Dark,
        if settings.theme == Theme::HighContrast {
            high_contrast()
        } else {
            dark()
        },
    );
    ctx.set_theme(theme);
    let reduced_motion = settings.reduced_motion;
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Small,
                FontId::new(BODY * 0.82 * scale, FontFamily::Proportional),
            ),
            (
                TextStyle::Body,
                FontId::new(BODY * scale, FontFamily::Proportional),
            ),
            (
                TextStyle::Button,
                FontId::new(BODY * scale, FontFamily::Proportional),
            ),
            (
                TextStyle::Heading,
                FontId::new(BODY * 1.5 * scale, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(BODY * 0.9 * scale, FontFamily::Monospace),
            ),
        ]
        .into();
        // Spacing grows with the text, more gently, so big text still breathes.
        // Whole points keep every row on the pixel grid.
        let space = scale.max(1.0).sqrt();
        style.spacing.item_spacing = (egui::vec2(10.0, 8.0) * space).round();
        style.spacing.button_padding = (egui::vec2(12.0, 6.0) * space).round();
        style.spacing.interact_size.y = (28.0 * space).round();
        style.spacing.icon_width = (16.0 * space).round();
        style.spacing.icon_width_inner = (9.0 * space).round();
        style.spacing.icon_spacing = (6.0 * space).round();
        style.spacing.window_margin = Margin::same(16);
        style.animation_time = if reduced_motion { 0.0 } else { 0.12 };
        style.visuals.widgets.inactive.corner_radius = CornerRadius::same(6);
        style.visuals.widgets.hovered.corner_radius = CornerRadius::same(6);
        style.visuals.widgets.active.corner_radius = CornerRadius::same(6);
        style.scroll_animation = if reduced_motion {
            egui::style::ScrollAnimation::none()
        } else {
            egui::style::ScrollAnimation::default()
        };
    });
}

/// A heading one step above body text, for card titles.
pub fn title_font(ui: &egui::Ui) -> FontId {
    let body = TextStyle::Body.resolve(ui.style());
    FontId::new(body.size * 1.25, body.family)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visuals_of(theme: Theme) -> Visuals {
        match theme {
            Theme::Light => light(),
            Theme::Dark => dark(),
            Theme::HighContrast => high_contrast(),
        }
    }

    #[test]
    fn contrast_matches_the_wcag_examples() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 0.01);
        let grey = Color32::from_rgb(0x76, 0x76, 0x76);
        assert!((contrast(grey, Color32::WHITE) - 4.54).abs() < 0.05);
    }

    /// A checkbox, radio button, text field or button is seen by its fill
    /// or by its edge: one of them must stand 3:1 from every background it
    /// is drawn on (WCAG 1.4.11), and its mark 3:1 from its fill.
    #[test]
    fn every_control_stands_out_three_to_one_in_every_theme() {
        for theme in [Theme::Light, Theme::Dark, Theme::HighContrast] {
            let v = visuals_of(theme);
            let palette = Palette::of(theme);
            let backgrounds = [
                ("panel", v.panel_fill),
                ("window", v.window_fill),
                ("card", palette.card),
                ("peer bubble", palette.peer_fill),
            ];
            for (state, w) in [
                ("inactive", &v.widgets.inactive),
                ("hovered", &v.widgets.hovered),
                ("active", &v.widgets.active),
            ] {
                for (name, background) in backgrounds {
                    let fill = contrast(w.bg_fill, background);
                    let edge = if w.bg_stroke.width >= 1.0 {
                        contrast(w.bg_stroke.color, background)
                    } else {
                        1.0
                    };
                    assert!(
                        fill.max(edge) >= 3.0,
                        "{theme:?} {state} control on the {name}: fill {fill:.2}, edge {edge:.2}"
                    );
                }
                let mark = contrast(w.fg_stroke.color, w.bg_fill);
                assert!(mark >= 3.0, "{theme:?} {state} mark on its fill: {mark:.2}");
            }
        }
    }
}
