//! The skill metrics of one conversation against the MITI fair and good
//! lines. Every level is written out in words next to its colour.

use eframe::egui::{self, Grid, RichText, Ui};

use crate::app::widgets;
use crate::app::widgets::theme::Palette;
use crate::debrief::{
    COMPLEX_FAIR, COMPLEX_GOOD, Level, Metrics, OPEN_FAIR, OPEN_GOOD, OPEN_SOURCE,
    REFLECTION_SOURCE, RQ_FAIR, RQ_GOOD, Score,
};
use crate::skills::carkhuff_label;

fn ratio(score: &Score, reflections: u32) -> String {
    match score.value {
        Some(v) => format!("{v:.1} : 1"),
        None if reflections > 0 => "reflections, no questions".to_string(),
        None => "\u{2013}".to_string(),
    }
}

fn percent(score: &Score) -> String {
    score
        .value
        .map_or_else(|| "\u{2013}".to_string(), |v| format!("{v:.0}%"))
}

fn level_cell(ui: &mut Ui, palette: &Palette, level: Level) {
    ui.label(
        RichText::new(widgets::level_text(level))
            .color(widgets::level_colour(palette, level))
            .strong(),
    );
}

/// The metrics table and its notes in words.
pub fn metrics_ui(ui: &mut Ui, palette: &Palette, metrics: &Metrics) {
    metrics_grid_ui(ui, palette, metrics);
    ui.add_space(6.0);
    metrics_notes_ui(ui, palette, metrics);
}

/// The table: one row per measure, with the learner's value, its level
/// and the fair and good lines.
fn metrics_grid_ui(ui: &mut Ui, palette: &Palette, metrics: &Metrics) {
    let muted = palette.muted;
    Grid::new("metrics_grid")
        .num_columns(5)
        .spacing(egui::vec2(24.0, 10.0))
        .striped(true)
        .show(ui, |ui| {
            for heading in ["Measure", "You", "Level", "Fair line", "Good line"] {
                ui.label(RichText::new(heading).strong().color(muted));
            }
            ui.end_row();

            let rq = &metrics.reflection_to_question;
            score_row_ui(
                ui,
                palette,
                "Reflections per question",
                &ratio(rq, metrics.reflections),
                rq.level,
                &format!("{RQ_FAIR:.0} : 1"),
                &format!("{RQ_GOOD:.0} : 1"),
            );
            let complex = &metrics.percent_complex_reflections;
            score_row_ui(
                ui,
                palette,
                "Complex reflections",
                &percent(complex),
                complex.level,
                &format!("{COMPLEX_FAIR:.0}%"),
                &format!("{COMPLEX_GOOD:.0}%"),
            );
            let open = &metrics.percent_open_questions;
            score_row_ui(
                ui,
                palette,
                "Open questions",
                &percent(open),
                open.level,
                &format!("{OPEN_FAIR:.0}%"),
                &format!("{OPEN_GOOD:.0}%"),
            );
            empathy_row_ui(ui, palette, metrics.mean_empathy);
            roadblocks_row_ui(ui, palette, metrics.roadblock_total);
        });
}

/// A row for a scored measure: the learner's value, its level and the
/// fair and good lines.
fn score_row_ui(
    ui: &mut Ui,
    palette: &Palette,
    measure: &str,
    value: &str,
    level: Level,
    fair: &str,
    good: &str,
) {
    ui.label(measure);
    ui.label(value);
    level_cell(ui, palette, level);
    ui.label(fair);
    ui.label(good);
    ui.end_row();
}

/// The mean Carkhuff empathy level and its lines.
fn empathy_row_ui(ui: &mut Ui, palette: &Palette, mean_empathy: Option<f64>) {
    ui.label("Mean empathy (Carkhuff)");
    match mean_empathy {
        Some(mean) => {
            ui.label(format!("{mean:.1} of 5"));
            let level = if mean >= 4.0 {
                Level::Good
            } else if mean >= 3.0 {
                Level::Fair
            } else {
                Level::BelowFair
            };
            level_cell(ui, palette, level);
        }
        None => {
            ui.label("\u{2013}");
            level_cell(ui, palette, Level::NotScored);
        }
    }
    ui.label("3 (matches the feeling)");
    ui.label("4 (adds to it)");
    ui.end_row();
}

/// The number of roadblocks; any at all is below fair.
fn roadblocks_row_ui(ui: &mut Ui, palette: &Palette, total: u32) {
    ui.label("Roadblocks");
    ui.label(total.to_string());
    level_cell(
        ui,
        palette,
        if total == 0 {
            Level::Good
        } else {
            Level::BelowFair
        },
    );
    // Any roadblock is below fair, so both lines are none.
    ui.label("none");
    ui.label("none");
    ui.end_row();
}

/// The counts behind the table, the roadblocks by kind, the average
/// empathy in words and where the lines come from.
fn metrics_notes_ui(ui: &mut Ui, palette: &Palette, metrics: &Metrics) {
    let muted = palette.muted;
    ui.label(
        RichText::new(format!(
            "{} reflection{} ({} complex) and {} question{} ({} open).",
            metrics.reflections,
            plural(metrics.reflections),
            metrics.complex_reflections,
            metrics.questions,
            plural(metrics.questions),
            metrics.open_questions
        ))
        .color(muted),
    );
    if metrics.roadblocks.is_empty() {
        ui.label("No roadblocks: nothing ordered, judged, fixed or brushed aside.");
    } else {
        let kinds: Vec<String> = metrics
            .roadblocks
            .iter()
            .map(|(r, n)| format!("{} \u{00D7}{n}", r.label()))
            .collect();
        ui.label(format!("Roadblocks by kind: {}.", kinds.join(", ")));
    }
    if let Some(mean) = metrics.mean_empathy {
        ui.label(
            RichText::new(format!(
                "Average empathy rounds to {}.",
                carkhuff_label(Some(mean.round().clamp(1.0, 5.0) as u8))
            ))
            .color(muted),
        );
    }
    ui.label(
        RichText::new(format!(
            "Lines from {REFLECTION_SOURCE}; open questions from {OPEN_SOURCE}. \
             A short practice gives only a rough picture."
        ))
        .small()
        .color(muted),
    );
}

fn plural(n: u32) -> &'static str {
    if n == 1 { "" } else { "s" }
}
