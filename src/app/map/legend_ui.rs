//! The legend under the map: what each line pattern means.

use eframe::egui::{RichText, Ui};

use super::style::{edge_style, line_sample, rating_style, unrated_style};
use crate::app::state::map::layout::EdgeKind;
use crate::app::widgets::theme::Palette;
use crate::scenario::Rating;

/// The legend; with the `answers` hidden, one line stands for every
/// option not yet rated.
pub(super) fn legend_ui(ui: &mut Ui, answers: bool, palette: &Palette) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Options:").strong());
        if !answers {
            line_sample(ui, unrated_style(palette), None);
            ui.label("rating hidden until the end");
            ui.add_space(6.0);
        }
        for rating in [
            Rating::Best,
            Rating::Good,
            Rating::Mixed,
            Rating::Poor,
            Rating::Harmful,
        ] {
            line_sample(ui, rating_style(rating, palette), None);
            ui.label(rating.label());
            ui.add_space(6.0);
        }
        line_sample(ui, edge_style(EdgeKind::Route { index: 0 }, palette), None);
        ui.label("branch route");
        ui.add_space(6.0);
        line_sample(
            ui,
            rating_style(Rating::Good, palette),
            Some(palette.accent.gamma_multiply(0.45)),
        );
        ui.label("your path");
    });
}
