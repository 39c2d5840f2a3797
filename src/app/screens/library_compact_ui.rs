//! The library on the projector: one compact entry per scenario, so a
//! facilitator sees a whole shelf at once in large type and opens a
//! briefing with one click. The title is the button.

use eframe::egui::{self, Margin, RichText, Stroke, Ui};

use super::library_ui::{follow_up_ui, shelf_heading_ui};
use crate::app::state::AppState;
use crate::app::state::action::Action;
use crate::app::state::catalogue::CardId;
use crate::app::state::catalogue::{Card, Playable};
use crate::app::state::library_order::Shelf;
use crate::app::state::screen::Screen;
use crate::app::widgets;
use crate::app::widgets::theme::Palette;

/// One shelf in compact entries, in columns as wide as a title needs.
pub(super) fn compact_shelf_ui(
    ui: &mut Ui,
    state: &AppState,
    palette: &Palette,
    shelf: &Shelf,
    actions: &mut Vec<Action>,
) {
    shelf_heading_ui(ui, palette, shelf);
    let columns = widgets::column_count(ui.available_width(), 540.0, 3);
    let cards: Vec<(CardId, &Card)> = shelf
        .cards
        .iter()
        .filter_map(|s| Some((s.id, state.catalogue.card(s.id)?)))
        .collect();
    for row in cards.chunks(columns) {
        ui.columns(columns, |cols| {
            for (col, (id, card)) in cols.iter_mut().zip(row) {
                match card {
                    Card::Playable(p) => entry_ui(col, state, palette, *id, p, actions),
                    Card::Broken(b) => {
                        broken_entry_ui(col, palette, &b.file, actions);
                    }
                }
            }
        });
        ui.add_space(4.0);
    }
}

/// A scenario: its title as the button, then who, how, level and notes.
fn entry_ui(
    ui: &mut Ui,
    state: &AppState,
    palette: &Palette,
    card: CardId,
    p: &Playable,
    actions: &mut Vec<Action>,
) {
    let s = &p.scenario;
    widgets::card_frame(palette)
        .inner_margin(Margin::same(10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let open = ui.add(
                egui::Button::new(RichText::new(&s.title).strong())
                    .fill(palette.learner_fill)
                    .stroke(Stroke::new(1.0, palette.learner_stroke))
                    .wrap(),
            );
            open.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Button,
                    true,
                    format!("Read the briefing for {}", s.title),
                )
            });
            if open.clicked() {
                actions.push(Action::OpenBriefing(card));
            }
            ui.label(
                RichText::new(format!(
                    "{} \u{00B7} {} \u{00B7} level: {}",
                    s.persona.name,
                    s.setting.medium.label(),
                    s.level.label()
                ))
                .color(palette.muted),
            );
            follow_up_ui(ui, state, palette, p);
            if !s.content_notes.is_empty() {
                ui.label(
                    RichText::new(format!("Content notes: {}", s.content_notes.join(" "))).small(),
                );
            }
        });
    ui.add_space(4.0);
}

/// A file that could not be loaded, with the way to its problems.
fn broken_entry_ui(ui: &mut Ui, palette: &Palette, file: &str, actions: &mut Vec<Action>) {
    widgets::card_frame(palette)
        .inner_margin(Margin::same(10))
        .stroke(Stroke::new(2.0, palette.poor))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(format!("Could not load {file}")).color(palette.poor));
            let all = ui.button("See all problems");
            all.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Button,
                    true,
                    format!("See all problems in {file}"),
                )
            });
            if all.clicked() {
                actions.push(Action::Navigate(Screen::Problems));
            }
        });
    ui.add_space(4.0);
}
