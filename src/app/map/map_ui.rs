//! The map of one scenario: the details panel, the toolbar, the legend
//! and the canvas, arranged on the screen.

use eframe::egui::{self, Ui};

use super::MapState;
use super::canvas_ui::canvas_ui;
use super::details_ui::details_ui;
use super::legend_ui::legend_ui;
use super::sight::Sight;
use super::toolbar_ui::toolbar_ui;
use crate::app::state::action::Action;
use crate::app::state::map::path::MapPath;
use crate::app::state::map::reveal::Reveal;
use crate::app::widgets::theme::Palette;
use crate::scenario::Scenario;

/// The map of `scenario` with `path` highlighted: toolbar, canvas,
/// legend and details panel, saying only what `reveal` allows. Pure
/// drawing: every change comes back as an action.
pub fn map_ui(
    ui: &mut Ui,
    map: &MapState,
    scenario: &Scenario,
    path: &MapPath,
    reveal: Reveal,
    palette: &Palette,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let sight = Sight::new(&map.layout, scenario, path, reveal);
    let ended = reveal.answers && !map.show_answers;
    let panel_width = (ui.available_width() * 0.3).clamp(280.0, 440.0);
    egui::Panel::right("map_details")
        .resizable(true)
        .default_size(panel_width)
        .size_range(240.0..=ui.available_width() * 0.6)
        .frame(egui::Frame::new().inner_margin(egui::Margin {
            left: 14,
            right: 4,
            top: 4,
            bottom: 8,
        }))
        .show(ui, |ui| {
            actions.extend(details_ui(ui, map, scenario, &sight, palette));
        });
    egui::Panel::top("map_toolbar")
        .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(0, 4)))
        .show(ui, |ui| toolbar_ui(ui, map, ended, palette, &mut actions));
    egui::Panel::bottom("map_legend")
        .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(0, 6)))
        .show(ui, |ui| legend_ui(ui, reveal.answers, palette));
    egui::CentralPanel::default()
        .frame(egui::Frame::new())
        .show(ui, |ui| {
            canvas_ui(ui, map, scenario, &sight, palette, &mut actions);
        });
    actions
}
