//! History: past sessions, newest first, and per-skill trends plotted
//! across the finished ones.

use eframe::egui::{self, Align2, Grid, RichText, ScrollArea, Ui};
use egui_plot::{HLine, Line, LineStyle, MarkerShape, PlotPoint, PlotPoints, Points, Text};

use crate::app::state::AppState;
use crate::app::state::action::Action;
use crate::app::state::screen::Screen;
use crate::app::widgets;
use crate::app::widgets::theme::{self, Palette};
use crate::debrief::Metrics;
use crate::store::{SessionRecord, Trend, TrendMetric};

/// The history screen; returns what the learner asked for.
pub fn history_ui(ui: &mut Ui, state: &AppState, palette: &Palette) -> Vec<Action> {
    let mut actions = Vec::new();
    let history = state.store.history();
    ScrollArea::vertical()
        .auto_shrink(false)
        .id_salt("history")
        .show(ui, |ui| {
            widgets::centered_column(ui, 1200.0, |ui| {
                ui.add_space(12.0);
                ui.heading("History");
                ui.label(
                    RichText::new("Your past sessions, kept only on this computer.")
                        .color(palette.muted),
                );
                ui.add_space(8.0);
                if history.is_empty() {
                    widgets::card_frame(palette).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.label("No sessions yet. Finished conversations appear here with their metrics.");
                        if ui.button("Choose a scenario").clicked() {
                            actions.push(Action::Navigate(Screen::Library));
                        }
                    });
                    return;
                }
                ui.label(RichText::new("Your progress").font(theme::title_font(ui)).strong());
                trends_ui(ui, palette, &history.trends(None));
                ui.add_space(12.0);
                ui.label(RichText::new("Sessions").font(theme::title_font(ui)).strong());
                widgets::card_frame(palette).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ScrollArea::horizontal()
                        .id_salt("sessions_scroll")
                        .show(ui, |ui| {
                            sessions_ui(ui, palette, history.sessions(), &mut actions);
                        });
                });
                ui.add_space(16.0);
            });
        });
    actions
}

fn trends_ui(ui: &mut Ui, palette: &Palette, trends: &[Trend]) {
    let plotted: Vec<&Trend> = trends.iter().filter(|t| !t.points.is_empty()).collect();
    if plotted.is_empty() {
        ui.label("Finish a conversation to see your progress here.");
        return;
    }
    let columns = widgets::column_count(ui.available_width(), 360.0, 3);
    for row in plotted.chunks(columns) {
        ui.columns(columns, |cols| {
            for (col, trend) in cols.iter_mut().zip(row) {
                widgets::card_frame(palette).show(col, |ui| {
                    ui.set_width(ui.available_width());
                    trend_ui(ui, palette, trend);
                });
            }
        });
        ui.add_space(6.0);
    }
}

fn trend_ui(ui: &mut Ui, palette: &Palette, trend: &Trend) {
    let metric = trend.metric;
    ui.label(RichText::new(metric.label()).strong());
    let xy = trend.xy();
    let last = xy.last().map_or(0.0, |p| p[1]);
    let direction = if metric.higher_is_better() {
        "higher is better"
    } else {
        "fewer is better"
    };
    ui.label(
        RichText::new(format!(
            "Latest {} \u{00B7} {direction}",
            format_value(metric, last)
        ))
        .small()
        .color(palette.muted),
    );
    // Sessions are numbered from 1 to the last; one session sits in the
    // middle of its own axis rather than at the start of "1 … 2".
    let sessions = xy.last().map_or(1.0, |p| p[0]).max(1.0);
    let (low_x, max_x) = if sessions < 2.0 {
        (0.5, 1.5)
    } else {
        (1.0, sessions)
    };
    let top = match metric {
        TrendMetric::PercentComplexReflections | TrendMetric::PercentOpenQuestions => 100.0,
        TrendMetric::MeanEmpathy => 5.0,
        TrendMetric::ReflectionToQuestion => xy.iter().map(|p| p[1]).fold(3.0, f64::max),
        TrendMetric::Roadblocks => xy.iter().map(|p| p[1]).fold(3.0, f64::max),
    };
    let text_colour = ui.visuals().text_color();
    crate::app::widgets::trust_plot_ui::still_plot(
        ("trend", format!("{metric:?}")),
        150.0,
        palette,
    )
    .include_x(low_x)
    .include_x(max_x)
    .include_y(0.0)
    .include_y(top)
    .y_grid_spacer(crate::app::widgets::trust_plot_ui::few_y_steps)
    .x_axis_label("session")
    .x_axis_formatter(move |mark, _| {
        let whole = mark.value.fract().abs() < 1e-6;
        if whole && mark.value >= 1.0 && mark.value <= sessions + 1e-6 {
            format!("{}", mark.value as i64)
        } else {
            String::new()
        }
    })
    .show(ui, |plot| {
        for (value, word) in [(metric.fair_line(), "fair"), (metric.good_line(), "good")] {
            if let Some(v) = value {
                let colour = if word == "good" {
                    palette.good
                } else {
                    palette.fair
                };
                plot.hline(
                    HLine::new(word, v)
                        .color(colour)
                        .style(LineStyle::dashed_loose())
                        .width(1.0),
                );
                plot.text(
                    Text::new(
                        format!("{word} label"),
                        PlotPoint::new(max_x, v),
                        RichText::new(word).small(),
                    )
                    // "good" above its line, "fair" below, so close lines stay apart.
                    .anchor(if word == "good" {
                        Align2::RIGHT_BOTTOM
                    } else {
                        Align2::RIGHT_TOP
                    })
                    .color(colour),
                );
            }
        }
        plot.line(
            Line::new(metric.label(), PlotPoints::from(xy.clone()))
                .color(palette.accent)
                .width(2.5),
        );
        plot.points(
            Points::new("sessions", PlotPoints::from(xy))
                .shape(MarkerShape::Circle)
                .radius(3.5)
                .filled(true)
                .color(text_colour),
        );
    });
}

fn format_value(metric: TrendMetric, v: f64) -> String {
    match metric {
        TrendMetric::ReflectionToQuestion => format!("{v:.1} : 1"),
        TrendMetric::PercentComplexReflections | TrendMetric::PercentOpenQuestions => {
            format!("{v:.0}%")
        }
        TrendMetric::MeanEmpathy => format!("{v:.1} of 5"),
        TrendMetric::Roadblocks => format!("{v:.0}"),
    }
}

fn metric_cell(metrics: Option<&Metrics>, metric: TrendMetric) -> String {
    metrics
        .and_then(|m| metric.value(m))
        .map_or_else(|| "\u{2013}".to_string(), |v| format_value(metric, v))
}

fn sessions_ui(
    ui: &mut Ui,
    palette: &Palette,
    sessions: &[SessionRecord],
    actions: &mut Vec<Action>,
) {
    Grid::new("sessions_grid")
        .num_columns(9)
        .spacing(egui::vec2(20.0, 8.0))
        .striped(true)
        .show(ui, |ui| {
            for heading in [
                "Date",
                "Scenario",
                "Ending",
                "Choices",
                "Reflections per question",
                "Complex reflections",
                "Open questions",
                "Empathy",
                "",
            ] {
                ui.label(RichText::new(heading).small().strong().color(palette.muted));
            }
            ui.end_row();
            for s in sessions.iter().rev() {
                ui.label(s.date_label());
                ui.label(s.title());
                match s.ending {
                    Some(kind) => ui.label(
                        RichText::new(kind.label()).color(widgets::ending_colour(palette, kind)),
                    ),
                    None => ui.label(RichText::new("Unfinished").color(palette.muted)),
                };
                ui.label(s.choices.len().to_string());
                let m = s.metrics.as_ref();
                ui.label(metric_cell(m, TrendMetric::ReflectionToQuestion));
                ui.label(metric_cell(m, TrendMetric::PercentComplexReflections));
                ui.label(metric_cell(m, TrendMetric::PercentOpenQuestions));
                ui.label(metric_cell(m, TrendMetric::MeanEmpathy));
                let open = ui.button("Debrief");
                let name = format!("Open the debrief of {}, {}", s.title(), s.date_label());
                open.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                if open
                    .on_hover_text("See this session's debrief again, and export it")
                    .clicked()
                {
                    actions.push(Action::OpenPast(s.id.clone()));
                }
                ui.end_row();
            }
        });
}
