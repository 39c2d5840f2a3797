//! Small pieces several screens share: cards, tags and labelled levels,
//! and the larger widgets in the files below.

pub(crate) mod choice_button;
pub(crate) mod compare_ui;
pub(crate) mod follow_up_ui;
pub(crate) mod lazy_rows;
pub(crate) mod metrics_ui;
pub(crate) mod peer_panel_ui;
pub mod peer_words;
pub mod portrait;
/// Colours, text sizes and spacing.
pub mod theme;
pub(crate) mod transcript_ui;
pub(crate) mod trust_plot_ui;
pub(crate) mod typed_ui;

use eframe::egui::{Color32, CornerRadius, Frame, Id, Margin, Response, RichText, Stroke, Ui};

use crate::debrief::Level;
use crate::scenario::{EndingKind, Rating};
use theme::Palette;

/// The frame around a card: library entries, debrief turns, notices.
pub fn card_frame(palette: &Palette) -> Frame {
    Frame::new()
        .fill(palette.card)
        .stroke(Stroke::new(
            if palette.high_contrast { 2.0 } else { 1.0 },
            palette.card_stroke,
        ))
        .corner_radius(CornerRadius::same(10))
        .inner_margin(Margin::same(16))
}

/// A small rounded tag, e.g. a skill. Not interactive.
pub fn tag_ui(ui: &mut Ui, palette: &Palette, text: &str) {
    Frame::new()
        .fill(palette.peer_fill)
        .stroke(Stroke::new(1.0, palette.card_stroke))
        .corner_radius(CornerRadius::same(12))
        .inner_margin(Margin::symmetric(8, 2))
        .show(ui, |ui| {
            ui.label(RichText::new(text).small());
        });
}

/// The colour that goes with a MITI level. Always shown next to its word.
pub fn level_colour(palette: &Palette, level: Level) -> Color32 {
    match level {
        Level::Good => palette.good,
        Level::Fair => palette.fair,
        Level::BelowFair => palette.poor,
        Level::NotScored => palette.muted,
    }
}

/// A level in words, so it never relies on colour.
pub fn level_text(level: Level) -> &'static str {
    match level {
        Level::Good => "good",
        Level::Fair => "fair",
        Level::BelowFair => "below fair",
        Level::NotScored => "not scored",
    }
}

/// The colour that goes with a rating. Always shown next to its words.
pub fn rating_colour(palette: &Palette, rating: Rating) -> Color32 {
    match rating {
        Rating::Best | Rating::Good => palette.good,
        Rating::Mixed => palette.fair,
        Rating::Poor | Rating::Harmful => palette.poor,
    }
}

/// A rating as the coach would say it.
pub fn rating_text(rating: Rating) -> &'static str {
    match rating {
        Rating::Best => "A strong move",
        Rating::Good => "A helpful move",
        Rating::Mixed => "A mixed move",
        Rating::Poor => "A move that closed things down",
        Rating::Harmful => "A move that hurt",
    }
}

/// The colour that goes with an ending. Always shown next to its label.
pub fn ending_colour(palette: &Palette, kind: EndingKind) -> Color32 {
    match kind {
        EndingKind::OpenedUp => palette.good,
        EndingKind::Guarded => palette.fair,
        EndingKind::Withdrew => palette.poor,
    }
}

/// A card for an ending: outlined in the ending's colour and headed by
/// its kind in words and its title, then `body`. The normal debrief, the
/// presenter stage and the walkthrough all show endings this way.
pub fn ending_card_ui(
    ui: &mut Ui,
    palette: &Palette,
    kind: EndingKind,
    title: &str,
    stroke_width: f32,
    body: impl FnOnce(&mut Ui),
) {
    let colour = ending_colour(palette, kind);
    card_frame(palette)
        .stroke(Stroke::new(stroke_width, colour))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(kind.label())
                        .font(crate::app::widgets::theme::title_font(ui))
                        .strong()
                        .color(colour),
                );
                ui.label(RichText::new(title).font(crate::app::widgets::theme::title_font(ui)));
            });
            body(ui);
        });
}

/// A trust change with its sign spelt out, e.g. "+6" or "\u{2212}4".
pub fn signed(delta: i32) -> String {
    match delta {
        d if d > 0 => format!("+{d}"),
        d if d < 0 => format!("\u{2212}{}", d.unsigned_abs()),
        _ => "\u{00B1}0".to_string(),
    }
}

/// Lays out `n` equal columns that each get at least `min_width`, for
/// card grids that reflow from small windows to large screens.
pub fn column_count(available: f32, min_width: f32, max: usize) -> usize {
    ((available / min_width).floor() as usize).clamp(1, max)
}

/// Runs `add_contents` in a column at most `max_width` wide, centred in
/// the space available, so lines stay readable on wide screens.
pub fn centered_column<R>(
    ui: &mut Ui,
    max_width: f32,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> R {
    let available = ui.available_width();
    let width = available.min(max_width);
    let margin = ((available - width) / 2.0).max(0.0);
    ui.horizontal_top(|ui| {
        ui.add_space(margin);
        ui.vertical(|ui| {
            ui.set_width(width);
            add_contents(ui)
        })
        .inner
    })
    .inner
}

/// Gives `response` keyboard focus in the first frame it is shown (again),
/// so a screen or dialog that opens can be answered with Enter at once.
pub fn focus_when_shown(ui: &Ui, response: &Response, key: impl std::hash::Hash + std::fmt::Debug) {
    let id = Id::unique(("focus_when_shown", key));
    let pass = ui.ctx().cumulative_pass_nr();
    let last_shown: Option<u64> = ui.data(|d| d.get_temp(id));
    if last_shown.is_none_or(|last| last + 1 < pass) {
        response.request_focus();
    }
    ui.data_mut(|d| d.insert_temp(id, pass));
}

/// True on the first frame something keyed `key` is drawn after a frame
/// without it: a screen just opened, e.g. to reset its scroll.
pub fn just_shown(ui: &Ui, key: impl std::hash::Hash + std::fmt::Debug) -> bool {
    let id = Id::unique(("just_shown", key));
    let pass = ui.ctx().cumulative_pass_nr();
    let last: Option<u64> = ui.data(|d| d.get_temp(id));
    ui.data_mut(|d| d.insert_temp(id, pass));
    last.is_none_or(|last| last + 1 < pass)
}
