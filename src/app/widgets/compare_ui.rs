//! Two paths through one scenario: both trust curves on one plot, told
//! apart by name, line style and marker as well as colour, and a list of
//! the turns where the paths went different ways.

use eframe::egui::{Align2, RichText, Ui};
use egui_plot::{HLine, Line, LineStyle, MarkerShape, PlotPoint, PlotPoints, Points, Text};

use crate::app::state::compare::divergences;
use crate::app::widgets::theme::Palette;
use crate::app::widgets::trust_plot_ui::{still_plot, trust_axes};
use crate::engine::Conversation;
use crate::scenario::Scenario;

/// The earlier path's name on the plot and in the lists.
pub const EARLIER: &str = "Earlier path";
/// The path being debriefed.
pub const LATER: &str = "This path";

fn points(conversation: &Conversation) -> Vec<[f64; 2]> {
    conversation
        .trust_curve()
        .iter()
        .enumerate()
        .map(|(i, t)| [i as f64, f64::from(*t)])
        .collect()
}

/// How a path ended, in words.
fn outcome(scenario: &Scenario, conversation: &Conversation) -> String {
    let curve = conversation.trust_curve();
    let first = curve.first().copied().unwrap_or_default();
    let last = curve.last().copied().unwrap_or(first);
    let end = conversation.ending(scenario).map_or_else(
        || "not finished".to_string(),
        |e| e.kind.label().to_lowercase(),
    );
    format!(
        "trust {first} to {last} over {} turns, {end}",
        conversation.turns().len()
    )
}

/// Where a path's name goes: ending at its last point, on the side of
/// the line its last step leaves clear (above a rise, below a fall), and
/// on the far side from the other path when their ends are close.
fn label_place(path: &[[f64; 2]], other: &[[f64; 2]]) -> Option<(PlotPoint, Align2)> {
    let end = *path.last()?;
    let before = path.len().checked_sub(2).and_then(|i| path.get(i));
    let rising = before.is_none_or(|p| end[1] >= p[1]);
    let near = other
        .get(path.len() - 1)
        .filter(|o| (o[1] - end[1]).abs() < 12.0);
    let above = match near {
        Some(o) if (o[1] - end[1]).abs() > f64::EPSILON => end[1] > o[1],
        _ => rising,
    };
    let (dy, anchor) = if above {
        (3.0, Align2::RIGHT_BOTTOM)
    } else {
        (-3.0, Align2::RIGHT_TOP)
    };
    Some((PlotPoint::new(end[0] - 0.1, end[1] + dy), anchor))
}

/// The overlaid curves, a summary in words and the divergence list.
pub fn compare_ui(
    ui: &mut Ui,
    palette: &Palette,
    scenario: &Scenario,
    earlier: &Conversation,
    later: &Conversation,
    height: f32,
) {
    let (a, b) = (points(earlier), points(later));
    let last_x = a.len().max(b.len()).saturating_sub(1).max(1) as f64;
    let floor = scenario.withdrawal_floor;
    let text_colour = ui.visuals().text_color();
    trust_axes(
        still_plot(
            ("compare_plot", earlier.seed, a.len(), b.len()),
            height,
            palette,
        ),
        last_x,
    )
    .show(ui, |plot| {
        plot.hline(
            HLine::new(format!("withdraws below {floor}"), f64::from(floor))
                .color(palette.poor)
                .style(LineStyle::dashed_loose())
                .width(1.5),
        );
        plot.line(
            Line::new(EARLIER, PlotPoints::from(a.clone()))
                .color(palette.muted)
                .style(LineStyle::Dashed { length: 14.0 })
                .width(3.0),
        );
        plot.points(
            Points::new(format!("{EARLIER} turns"), PlotPoints::from(a.clone()))
                .shape(MarkerShape::Square)
                .radius(5.0)
                .filled(false)
                .color(palette.muted),
        );
        plot.line(
            Line::new(LATER, PlotPoints::from(b.clone()))
                .color(palette.accent)
                .width(4.0),
        );
        plot.points(
            Points::new(format!("{LATER} turns"), PlotPoints::from(b.clone()))
                .shape(MarkerShape::Circle)
                .radius(5.0)
                .filled(true)
                .color(text_colour),
        );
        for (name, pts, other, colour) in [
            (EARLIER, &a, &b, palette.muted),
            (LATER, &b, &a, palette.accent),
        ] {
            if let Some((at, anchor)) = label_place(pts, other) {
                plot.text(
                    Text::new(
                        format!("{name} label"),
                        at,
                        // The colour goes on the text itself: a strong
                        // text without one takes the theme's strong colour.
                        RichText::new(name.to_lowercase()).strong().color(colour),
                    )
                    .anchor(anchor)
                    .color(colour),
                );
            }
        }
    });
    ui.label(format!(
        "{EARLIER} (dashed line, squares): {}.",
        outcome(scenario, earlier)
    ));
    ui.label(format!(
        "{LATER} (solid line, dots): {}.",
        outcome(scenario, later)
    ));
    ui.add_space(6.0);
    let list = divergences(earlier, later);
    if list.is_empty() {
        ui.label("The two paths made the same choices.");
        return;
    }
    ui.label(RichText::new("Where the paths went different ways").strong());
    for d in &list {
        ui.add_space(4.0);
        ui.label(RichText::new(format!("Turn {}", d.turn)).strong());
        for (name, said) in [(EARLIER, &d.earlier), (LATER, &d.later)] {
            let text = said.as_deref().map_or_else(
                || "nothing: this path had stopped before this turn".to_string(),
                |s| format!("\u{201c}{s}\u{201d}"),
            );
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("{name}:")).color(palette.muted));
                ui.label(text);
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_sits_on_the_clear_side_of_its_line() {
        let rising = [[0.0, 40.0], [1.0, 60.0]];
        let falling = [[0.0, 40.0], [1.0, 20.0]];
        let far = [[0.0, 40.0], [1.0, 90.0], [2.0, 90.0]];
        let place = |p: &[[f64; 2]], o: &[[f64; 2]]| label_place(p, o).map(|(_, a)| a);
        assert_eq!(place(&rising, &far), Some(Align2::RIGHT_BOTTOM));
        assert_eq!(place(&falling, &far), Some(Align2::RIGHT_TOP));
        // Close ends: the higher path's name above, the lower one's below.
        let close = [[0.0, 40.0], [1.0, 55.0]];
        assert_eq!(place(&rising, &close), Some(Align2::RIGHT_BOTTOM));
        assert_eq!(place(&close, &rising), Some(Align2::RIGHT_TOP));
        assert_eq!(place(&[], &rising), None);
    }
}
