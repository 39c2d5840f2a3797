//! The skill metrics of one conversation against the MITI fair and good
//! lines. Every level is written out in words next to its colour.

use eframe::egui::{self, Grid, RichText, Ui};

use crate::app::widgets;
use crate::app::widgets::theme::Palette;
use crate::debrief::{
    COMPLEX_FAIR, COMPLEX_GOOD, Level, Metrics, OPEN_FAIR, OPEN_GOOD, RQ_FAIR, RQ_GOOD, Score,
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

            ui.label("Reflections per question");
            ui.label(ratio(&metrics.reflection_to_question, metrics.reflections));
            level_cell(ui, palette, metrics.reflection_to_question.level);
            ui.label(format!("{RQ_FAIR:.0} : 1"));
            ui.label(format!("{RQ_GOOD:.0} : 1"));
            ui.end_row();

            ui.label("Complex reflections");
            ui.label(percent(&metrics.percent_complex_reflections));
            level_cell(ui, palette, metrics.percent_complex_reflections.level);
            ui.label(format!("{COMPLEX_FAIR:.0}%"));
            ui.label(format!("{COMPLEX_GOOD:.0}%"));
            ui.end_row();

            ui.label("Open questions");
            ui.label(percent(&metrics.percent_open_questions));
            level_cell(ui, palette, metrics.percent_open_questions.level);
            ui.label(format!("{OPEN_FAIR:.0}%"));
            ui.label(format!("{OPEN_GOOD:.0}%"));
            ui.end_row();

            ui.label("Mean empathy (Carkhuff)");
            match metrics.mean_empathy {
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

            ui.label("Roadblocks");
            ui.label(metrics.roadblock_total.to_string());
            level_cell(
                ui,
                palette,
                if metrics.roadblock_total == 0 {
                    Level::Good
                } else {
                    Level::BelowFair
                },
            );
            ui.label("\u{2013}");
            ui.label("none");
            ui.end_row();
        });
    ui.add_space(6.0);
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
                carkhuff_label(mean.round().clamp(1.0, 5.0) as u8)
            ))
            .color(muted),
        );
    }
    ui.label(
        RichText::new(
            "Lines from MITI 4.2.1; open questions use the older MITI lines. \
             A short practice gives only a rough picture.",
        )
        .small()
        .color(muted),
    );
}

fn plural(n: u32) -> &'static str {
    if n == 1 { "" } else { "s" }
}
