//! The trust curve of one conversation, with the disclosure layers and the
//! withdrawal floor drawn and named on it, and the same facts in words
//! underneath for anyone who cannot see the plot.

use eframe::egui::{Align2, RichText, Ui};
use egui_plot::{
    GridInput, GridMark, HLine, Line, LineStyle, MarkerShape, Plot, PlotPoint, PlotPoints, Points,
    Text,
};

use crate::app::widgets::theme::Palette;
use crate::debrief::Debrief;
use crate::scenario::Scenario;

/// How many characters of a layer's mark fit across a plot `width`
/// points wide in small text of `size` points, leaving room for the axis.
fn mark_chars(width: f32, size: f32) -> usize {
    let fit = (width - 90.0) / (size * 0.55).max(1.0);
    if fit.is_finite() {
        (fit as usize).clamp(24, 160)
    } else {
        24
    }
}

/// `text` cut at a word to at most `max` characters, with an ellipsis.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}\u{2026}", at_word.trim_end())
}

/// The trust curve of `debrief` with its layers and floor, plus a summary
/// in words.
pub fn trust_plot_ui(ui: &mut Ui, palette: &Palette, scenario: &Scenario, debrief: &Debrief) {
    let height = (ui.available_width() * 0.32).clamp(220.0, 380.0);
    trust_plot_sized_ui(ui, palette, scenario, debrief, height);
}

/// [`trust_plot_ui`] at a chosen height, e.g. filling a projector screen.
pub fn trust_plot_sized_ui(
    ui: &mut Ui,
    palette: &Palette,
    scenario: &Scenario,
    debrief: &Debrief,
    height: f32,
) {
    let curve: Vec<[f64; 2]> = debrief
        .trust_curve
        .iter()
        .enumerate()
        .map(|(i, t)| [i as f64, f64::from(*t)])
        .collect();
    let last_x = curve.len().saturating_sub(1).max(1) as f64;
    let text_colour = ui.visuals().text_color();
    let floor = scenario.withdrawal_floor;
    let name = scenario.persona.name.clone();
    let small = eframe::egui::TextStyle::Small.resolve(ui.style()).size;
    // The mark carries " (ready at 60, not said)" after the summary.
    let max_chars = mark_chars(ui.available_width(), small).saturating_sub(24);
    trust_axes(
        still_plot(
            ("trust_plot", debrief.seed, debrief.turns.len()),
            height,
            palette,
        ),
        last_x,
    )
    .show(ui, |plot| {
        let mut labels = Vec::new();
        plot.hline(
            HLine::new(format!("{name} withdraws below {floor}"), f64::from(floor))
                .color(palette.poor)
                .style(LineStyle::dashed_loose())
                .width(1.5),
        );
        plot.text(
            Text::new(
                "floor label",
                PlotPoint::new(last_x, f64::from(floor)),
                RichText::new(format!("{name} withdraws below {floor}")).small(),
            )
            .anchor(Align2::RIGHT_TOP)
            .color(palette.poor),
        );
        for layer in &debrief.layers {
            let said = layer.disclosed_at.is_some();
            let colour = if said { palette.good } else { palette.muted };
            let label = format!(
                "{} (ready at {}, {})",
                shorten(&layer.summary, max_chars.max(16)),
                layer.threshold,
                if said { "said" } else { "not said" }
            );
            plot.hline(
                HLine::new(label.clone(), f64::from(layer.threshold))
                    .color(colour)
                    .style(LineStyle::dotted_dense())
                    .width(1.0),
            );
            labels.push((label, f64::from(layer.threshold), colour));
            // The marker sits at the turn the peer said it, not where
            // trust crossed the threshold.
            if let Some(step) = layer.disclosed_at {
                if let Some(t) = debrief.trust_curve.get(step) {
                    plot.points(
                        Points::new(
                            format!("{} said", layer.id),
                            PlotPoints::from(vec![[step as f64, f64::from(*t)]]),
                        )
                        .shape(MarkerShape::Diamond)
                        .radius(7.0)
                        .filled(true)
                        .color(palette.good),
                    );
                }
            }
        }
        plot.line(
            Line::new("trust", PlotPoints::from(curve.clone()))
                .color(palette.accent)
                .width(3.0),
        );
        plot.points(
            Points::new("trust after each turn", PlotPoints::from(curve))
                .shape(MarkerShape::Circle)
                .radius(4.0)
                .filled(true)
                .color(text_colour),
        );
        // Drawn last, so no point or line covers a label; each starts
        // after the first point, clear of the curve's start marker.
        for (label, y, colour) in labels {
            plot.text(
                Text::new(
                    format!("{label} text"),
                    PlotPoint::new(0.15, y),
                    RichText::new(label).small().color(colour),
                )
                .anchor(Align2::LEFT_BOTTOM)
                .color(colour),
            );
        }
    });
    ui.label(RichText::new(summary(scenario, debrief)).color(palette.muted));
}

/// The curve in words.
fn summary(scenario: &Scenario, debrief: &Debrief) -> String {
    let first = debrief.trust_curve.first().copied().unwrap_or_default();
    let last = debrief.trust_curve.last().copied().unwrap_or(first);
    let (low_i, low) = debrief
        .trust_curve
        .iter()
        .enumerate()
        .min_by_key(|(_, t)| **t)
        .map_or((0, first), |(i, t)| (i, *t));
    let mut text = format!("Trust went from {first} to {last}");
    if low < first && low < last {
        text.push_str(&format!(", lowest at {low} after turn {low_i}"));
    }
    text.push('.');
    let said: Vec<String> = debrief
        .layers
        .iter()
        .filter_map(|l| {
            l.disclosed_at.map(|at| {
                if at == 0 {
                    format!("\u{201c}{}\u{201d} from the start", l.summary)
                } else {
                    format!("\u{201c}{}\u{201d} after turn {at}", l.summary)
                }
            })
        })
        .collect();
    if said.is_empty() && !debrief.layers.is_empty() {
        text.push_str(&format!(
            " {} did not say any of the {} things they might have shared.",
            scenario.persona.name,
            debrief.layers.len()
        ));
    } else if !said.is_empty() {
        text.push_str(&format!(
            " {} shared {}.",
            scenario.persona.name,
            said.join("; ")
        ));
    }
    text
}

/// Trust from 0 to 100 against whole turns from 0 to `last_x`: the axes
/// of every trust curve.
pub(crate) fn trust_axes(plot: Plot<'_>, last_x: f64) -> Plot<'_> {
    plot.include_y(0.0)
        .include_y(100.0)
        .include_x(0.0)
        .include_x(last_x)
        .x_axis_label("turn")
        .y_axis_label("trust")
        // Only the turns that happened are numbered: the margin past the
        // last one gets no tick of its own.
        .x_axis_formatter(move |mark, _| {
            if mark.value.fract().abs() < 1e-6 && mark.value >= 0.0 && mark.value <= last_x + 1e-6 {
                format!("{}", mark.value as i64)
            } else {
                String::new()
            }
        })
}

/// Y grid marks a "nice" step apart (1, 2 or 5 times a power of ten), at
/// most four steps over the visible range, so that a short plot still
/// labels a few values. egui_plot's own spacer steps by powers of ten: on
/// a plot 150 points high a range of 0 to 9 showed only "0".
pub(crate) fn few_y_steps(input: GridInput) -> Vec<GridMark> {
    let (low, high) = input.bounds;
    let span = high - low;
    if !span.is_finite() || span <= 0.0 {
        return Vec::new();
    }
    let raw = span / 4.0;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|&s| s >= raw)
        .unwrap_or(10.0 * power);
    let first = (low / step).ceil() as i64;
    let last = (high / step).floor() as i64;
    (first..=last)
        .map(|k| GridMark {
            value: k as f64 * step,
            step_size: step,
        })
        .collect()
}

/// A plot that reads like a printed chart: no dragging, zooming or
/// crosshair, so a click or scroll over it never changes what the room sees.
pub(crate) fn still_plot<'a>(
    id: impl std::hash::Hash + std::fmt::Debug,
    height: f32,
    palette: &crate::app::widgets::theme::Palette,
) -> Plot<'a> {
    Plot::new(id)
        .height(height)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_crosshair(false)
        .grid_color(palette.card_stroke)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steps(low: f64, high: f64) -> Vec<f64> {
        few_y_steps(GridInput {
            bounds: (low, high),
            base_step_size: 0.1,
        })
        .iter()
        .map(|m| m.value)
        .collect()
    }

    #[test]
    fn the_y_axis_gets_a_few_round_values() {
        // History's plots, with egui_plot's margins round the data.
        assert_eq!(steps(-0.45, 9.45), [0.0, 5.0]);
        assert_eq!(steps(-0.25, 5.25), [0.0, 2.0, 4.0]);
        assert_eq!(steps(-5.0, 105.0), [0.0, 50.0, 100.0]);
        assert_eq!(steps(-0.2, 4.2), [0.0, 2.0, 4.0]);
        assert!(steps(1.0, 1.0).is_empty());
        assert!(steps(f64::NAN, 1.0).is_empty());
    }

    #[test]
    fn marks_are_cut_at_a_word_and_only_when_the_plot_is_narrow() {
        let summary = "walked out across the ward and kept walking";
        let wide = mark_chars(1600.0, 14.0);
        assert_eq!(shorten(summary, wide), summary, "a wide plot shows it all");
        let cut = shorten(summary, 30);
        assert_eq!(cut, "walked out across the ward\u{2026}");
        assert!(mark_chars(f32::NAN, 14.0) >= 24);
    }
}
