//! How edges look: a colour, a width and a line pattern per rating, and
//! painting a line in that style.

use eframe::egui::{self, Color32, Pos2, Sense, Shape, Stroke, Ui, vec2};

use crate::app::state::map::layout::EdgeKind;
use crate::app::widgets;
use crate::app::widgets::theme::Palette;
use crate::scenario::Rating;

/// How an edge is drawn. Each rating has its own line pattern as well as
/// its colour, and the legend and labels name it in words.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct EdgeStyle {
    pub colour: Color32,
    pub width: f32,
    pub pattern: Pattern,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Pattern {
    Solid,
    /// Dash and gap lengths, in screen points.
    Dashed(f32, f32),
    /// Spacing of the dots.
    Dotted(f32),
}

pub(crate) fn edge_style(kind: EdgeKind, palette: &Palette) -> EdgeStyle {
    match kind {
        EdgeKind::Option { rating, .. } => rating_style(rating, palette),
        EdgeKind::Route { .. } => EdgeStyle {
            colour: palette.muted,
            width: 1.5,
            pattern: Pattern::Dashed(2.0, 3.0),
        },
    }
}

/// How an edge is drawn when its rating may not show: every option
/// alike, thin and muted; routes as always.
pub(crate) fn hidden_style(kind: EdgeKind, rated: bool, palette: &Palette) -> EdgeStyle {
    match kind {
        EdgeKind::Option { .. } if !rated => unrated_style(palette),
        _ => edge_style(kind, palette),
    }
}

/// An option whose rating is hidden.
pub(crate) fn unrated_style(palette: &Palette) -> EdgeStyle {
    EdgeStyle {
        colour: palette.muted,
        width: 1.6,
        pattern: Pattern::Solid,
    }
}

pub(crate) fn rating_style(rating: Rating, palette: &Palette) -> EdgeStyle {
    let colour = widgets::rating_colour(palette, rating);
    match rating {
        Rating::Best => EdgeStyle {
            colour,
            width: 3.0,
            pattern: Pattern::Solid,
        },
        Rating::Good => EdgeStyle {
            colour,
            width: 1.6,
            pattern: Pattern::Solid,
        },
        Rating::Mixed => EdgeStyle {
            colour,
            width: 2.0,
            pattern: Pattern::Dashed(12.0, 5.0),
        },
        Rating::Poor => EdgeStyle {
            colour,
            width: 2.0,
            pattern: Pattern::Dashed(5.0, 4.0),
        },
        Rating::Harmful => EdgeStyle {
            colour,
            width: 3.2,
            pattern: Pattern::Dotted(6.5),
        },
    }
}

/// Paints a line through `points` in a style.
pub(super) fn stroke_line(painter: &egui::Painter, points: &[Pos2], style: EdgeStyle, scale: f32) {
    let width = style.width * scale;
    match style.pattern {
        Pattern::Solid => {
            painter.add(Shape::line(
                points.to_vec(),
                Stroke::new(width, style.colour),
            ));
        }
        Pattern::Dashed(dash, gap) => {
            painter.extend(Shape::dashed_line(
                points,
                Stroke::new(width, style.colour),
                dash * scale.max(0.8),
                gap * scale.max(0.8),
            ));
        }
        Pattern::Dotted(spacing) => {
            painter.extend(Shape::dotted_line(
                points,
                style.colour,
                spacing * scale.max(0.8),
                width * 0.75,
            ));
        }
    }
}

/// A short stretch of line in a style, for the legend.
pub(super) fn line_sample(ui: &mut Ui, style: EdgeStyle, underlay: Option<Color32>) {
    let (rect, _) = ui.allocate_exact_size(vec2(36.0, 14.0), Sense::hover());
    let points = [rect.left_center(), rect.right_center()];
    let painter = ui.painter();
    if let Some(colour) = underlay {
        painter.line_segment(points, Stroke::new(8.0, colour));
    }
    stroke_line(painter, &points, style, 1.0);
}
