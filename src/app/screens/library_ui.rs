//! The library: a card per scenario, broken files included, plus a way
//! back into an unfinished conversation. Cards stand on shelves in the
//! order suggested to a new learner (see [`library_order`]), and a search
//! box and filters narrow them down.

use eframe::egui::{self, Frame, RichText, ScrollArea, Ui};

use crate::app::state::AppState;
use crate::app::state::action::Action;
use crate::app::state::catalogue::{Broken, Card, Playable};
use crate::app::state::library_order::{self, Shelf, Shelved};
use crate::app::state::screen::Screen;
use crate::app::widgets;
use crate::app::widgets::theme::{self, Palette};
use crate::store::{BestOutcome, Resume};

/// Problems shown on a broken card before "and N more".
const MAX_PROBLEMS: usize = 6;

/// The library screen; returns what the learner asked for. The heading
/// and the filters stay put; the cards scroll under them.
pub fn library_ui(ui: &mut Ui, state: &AppState, palette: &Palette) -> Vec<Action> {
    let mut actions = Vec::new();
    let shelves = library_order::shelves(&state.catalogue, &state.library.filter);
    let presenting = state.presenter.active;
    // The projector uses the whole width, for three columns of entries.
    let width = if presenting { 1880.0 } else { 1320.0 };
    widgets::centered_column(ui, width, |ui| {
        ui.add_space(12.0);
        ui.heading("Practise a conversation");
        if !presenting {
            ui.label(
                RichText::new(
                    "Each scenario is a short talk with someone who is going through a hard \
                     time. Choose one to read its briefing before you begin. New to this? \
                     Work down the shelves: start here, then first steps, core and advanced.",
                )
                .color(palette.muted),
            );
        }
        actions.extend(crate::app::presenter::library_button_ui(ui, state, palette));
        // A page sees no dialogue folders: the learner hands a file over.
        if cfg!(target_arch = "wasm32")
            && ui
                .button("Add your own dialogue file\u{2026}")
                .on_hover_text(
                    "Pick a .ron dialogue file (or drop one on the page): it is \
                     checked and added to the library",
                )
                .clicked()
        {
            actions.push(Action::PickFile);
        }
        ui.add_space(6.0);
        actions.extend(super::library_filters_ui::filters_ui(
            ui, state, palette, &shelves,
        ));
        ui.add_space(6.0);
    });
    ui.separator();
    // Opened with something to resume: start at the top, where its banner is.
    let to_top = widgets::just_shown(ui, "library") && state.has_banner();
    ScrollArea::vertical()
        .auto_shrink(false)
        .id_salt("library")
        .show(ui, |ui| {
            if to_top {
                ui.scroll_to_cursor(Some(egui::Align::Min));
            }
            widgets::centered_column(ui, width, |ui| {
                ui.add_space(4.0);
                continue_ui(ui, state, palette, &mut actions);
                if state.catalogue.is_empty() {
                    ui.label("No dialogue files were found.");
                } else if shelves.shown == 0 && !state.library.filter.is_clear() {
                    actions.extend(super::library_filters_ui::empty_ui(
                        ui,
                        palette,
                        &state.library.filter,
                    ));
                }
                for shelf in &shelves.shelves {
                    if presenting {
                        super::library_compact_ui::compact_shelf_ui(
                            ui,
                            state,
                            palette,
                            shelf,
                            &mut actions,
                        );
                    } else {
                        shelf_ui(ui, state, palette, shelf, &mut actions);
                    }
                }
                ui.add_space(16.0);
            });
        });
    actions
}

/// Banners to go back to the conversation in progress and to each one left
/// unfinished (here at the last exit, or in another window).
fn continue_ui(ui: &mut Ui, state: &AppState, palette: &Palette, actions: &mut Vec<Action>) {
    if let Some((active, scenario)) = state.active_scenario() {
        if !active.session.conversation.is_finished(scenario) {
            banner_ui(ui, palette, |ui| {
                ui.label(format!(
                    "You are in the middle of \u{201c}{}\u{201d} with {}.",
                    scenario.title, scenario.persona.name
                ));
                if ui.button("Continue the conversation").clicked() {
                    actions.push(Action::Navigate(Screen::Conversation));
                }
            });
        }
    }
    let active = state.active.as_ref().map(|a| &a.session.id);
    for saved in state
        .store
        .resumes()
        .iter()
        .filter(|r| Some(&r.session) != active && !r.conversation.turns().is_empty())
    {
        unfinished_ui(ui, state, palette, saved, actions);
        ui.add_space(4.0);
    }
}

/// One unfinished conversation, from this window's last run or another
/// window, with buttons to resume or discard it.
fn unfinished_ui(
    ui: &mut Ui,
    state: &AppState,
    palette: &Palette,
    saved: &Resume,
    actions: &mut Vec<Action>,
) {
    let title = state
        .catalogue
        .id_of(&saved.scenario_id)
        .and_then(|i| state.catalogue.scenario(i))
        .map_or_else(|| saved.scenario_id.clone(), |s| s.title.clone());
    let choices = saved.conversation.turns().len();
    banner_ui(ui, palette, |ui| {
        ui.label(format!(
            "You left {} unfinished after {choices} choice{}.",
            crate::text::quoted(&title),
            if choices == 1 { "" } else { "s" }
        ));
        ui.horizontal_wrapped(|ui| {
            if ui.button("Resume where you left off").clicked() {
                actions.push(Action::Resume(saved.session.clone()));
            }
            if ui.button("Discard it").clicked() {
                actions.push(Action::DiscardUnfinished(saved.session.clone()));
            }
        });
    });
}

fn banner_ui(ui: &mut Ui, palette: &Palette, add: impl FnOnce(&mut Ui)) {
    widgets::card_frame(palette)
        .stroke(egui::Stroke::new(2.0, palette.accent))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            add(ui);
        });
    ui.add_space(8.0);
}

/// A shelf's heading and the line about it.
pub(super) fn shelf_heading_ui(ui: &mut Ui, palette: &Palette, shelf: &Shelf) {
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(shelf.kind.title())
                .font(theme::title_font(ui))
                .strong(),
        );
        ui.label(RichText::new(shelf.kind.about()).color(palette.muted));
    });
    ui.add_space(4.0);
}

/// One shelf: its heading and its cards in rows.
fn shelf_ui(
    ui: &mut Ui,
    state: &AppState,
    palette: &Palette,
    shelf: &Shelf,
    actions: &mut Vec<Action>,
) {
    shelf_heading_ui(ui, palette, shelf);
    let columns = widgets::column_count(ui.available_width(), 420.0, 3);
    let cards: Vec<(Shelved, &Card)> = shelf
        .cards
        .iter()
        .filter_map(|s| Some((*s, state.catalogue.card(s.id)?)))
        .collect();
    for (row_number, row) in cards.chunks(columns).enumerate() {
        // Cards in a row share the height of the tallest, measured in the
        // previous frame, so their buttons line up.
        let id = ui
            .scope_id()
            .with(("card_row", shelf.kind, row_number, columns));
        let target: f32 = ui.data(|d| d.get_temp(id)).unwrap_or(0.0);
        let mut tallest = 0.0_f32;
        ui.columns(columns, |cols| {
            for (col, (shelved, card)) in cols.iter_mut().zip(row) {
                let natural = match card {
                    Card::Playable(p) => {
                        playable_ui(col, state, palette, *shelved, p, target, actions)
                    }
                    Card::Broken(b) => broken_ui(col, palette, b, target, actions),
                };
                tallest = tallest.max(natural);
            }
        });
        if (tallest - target).abs() > 0.5 {
            ui.data_mut(|d| d.insert_temp(id, tallest));
            ui.ctx().request_repaint();
        }
        ui.add_space(6.0);
    }
}

/// Height of the card's button row, known before it is drawn.
fn button_row_height(ui: &Ui) -> f32 {
    let text = ui.text_style_height(&egui::TextStyle::Button);
    (text + 2.0 * ui.spacing().button_padding.y).max(BUTTON_HEIGHT) + ui.spacing().item_spacing.y
}

/// Minimum height of the card buttons.
const BUTTON_HEIGHT: f32 = 34.0;

/// Draws a playable card, padded to `target` inner height; returns the
/// height it would have without padding.
fn playable_ui(
    ui: &mut Ui,
    state: &AppState,
    palette: &Palette,
    shelved: Shelved,
    p: &Playable,
    target: f32,
    actions: &mut Vec<Action>,
) -> f32 {
    let s = &p.scenario;
    let card = shelved.id;
    widgets::card_frame(palette)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.vertical(|ui| {
                let body = ui
                    .vertical(|ui| {
                        ui.label(RichText::new(&s.title).font(theme::title_font(ui)).strong());
                        ui.label(
                            RichText::new(format!(
                                "With {} \u{00B7} {} \u{00B7} {}",
                                s.persona.name,
                                s.setting.place,
                                s.setting.medium.label()
                            ))
                            .color(palette.muted),
                        );
                        ui.add_space(2.0);
                        ui.label(&s.summary);
                        ui.add_space(4.0);
                        ui.horizontal_wrapped(|ui| {
                            widgets::tag_ui(
                                ui,
                                palette,
                                &format!(
                                    "{} decision{} on the main path",
                                    p.decisions,
                                    if p.decisions == 1 { "" } else { "s" }
                                ),
                            );
                            widgets::tag_ui(ui, palette, &format!("Level: {}", s.level.label()));
                            if s.tutorial {
                                widgets::tag_ui(ui, palette, "tutorial");
                            }
                        });
                        follow_up_ui(ui, state, palette, p);
                        if !s.content_notes.is_empty() {
                            ui.label(RichText::new("Content notes").small().strong());
                            for note in &s.content_notes {
                                ui.label(RichText::new(format!("\u{2022} {note}")).small());
                            }
                        }
                        best_ui(ui, palette, state.catalogue.best(&s.id));
                    })
                    .response
                    .rect
                    .height();
                let button_row = button_row_height(ui);
                ui.add_space((target - body - button_row).max(0.0));
                ui.horizontal(|ui| {
                    let response = ui
                        .add(
                            egui::Button::new("Read the briefing")
                                .fill(palette.learner_fill)
                                .stroke(egui::Stroke::new(1.0, palette.learner_stroke))
                                .min_size(egui::vec2(0.0, BUTTON_HEIGHT)),
                        )
                        .on_hover_text("Objectives and content notes, then start");
                    response.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Button,
                            true,
                            format!("Read the briefing for {}", s.title),
                        )
                    });
                    if response.clicked() {
                        actions.push(Action::OpenBriefing(card));
                    }
                    let map = ui
                        .add(egui::Button::new("Map").min_size(egui::vec2(0.0, BUTTON_HEIGHT)))
                        .on_hover_text("The whole tree, with every option and its rating");
                    map.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Button,
                            true,
                            format!("Map of {}", s.title),
                        )
                    });
                    if map.clicked() {
                        actions.push(Action::OpenMap(card));
                    }
                });
                body + button_row
            })
            .inner
        })
        .inner
}

/// On a follow-up: which scenario and ending it continues from.
pub(super) fn follow_up_ui(ui: &mut Ui, state: &AppState, palette: &Palette, p: &Playable) {
    let Some(follows) = &p.scenario.follows else {
        return;
    };
    let parent = state
        .catalogue
        .id_of(&follows.scenario)
        .and_then(|id| state.catalogue.scenario(id));
    let Some(parent) = parent else {
        return;
    };
    let ending = parent
        .node(&follows.ending)
        .and_then(|n| n.ending.as_ref())
        .map_or(follows.ending.as_str(), |e| e.title.as_str());
    let text = format!(
        "Follow-up to \u{201c}{}\u{201d}, after the ending \u{201c}{ending}\u{201d}",
        parent.title
    );
    ui.label(RichText::new(text).small().strong().color(palette.accent));
}

fn best_ui(ui: &mut Ui, palette: &Palette, best: Option<&BestOutcome>) {
    match best {
        Some(best) => {
            ui.horizontal_wrapped(|ui| {
                ui.label("Best so far:");
                ui.label(
                    RichText::new(best.ending.label())
                        .color(widgets::ending_colour(palette, best.ending))
                        .strong(),
                );
                ui.label(
                    RichText::new(format!(
                        "({} attempt{})",
                        best.attempts,
                        if best.attempts == 1 { "" } else { "s" }
                    ))
                    .color(palette.muted),
                );
            });
        }
        None => {
            ui.label(RichText::new("Not tried yet").color(palette.muted));
        }
    }
}

/// Draws a broken file's card, padded to `target` inner height; returns
/// the height it would have without padding.
fn broken_ui(
    ui: &mut Ui,
    palette: &Palette,
    b: &Broken,
    target: f32,
    actions: &mut Vec<Action>,
) -> f32 {
    widgets::card_frame(palette)
        .stroke(egui::Stroke::new(2.0, palette.poor))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let body = ui
                .vertical(|ui| {
                    broken_body_ui(ui, palette, b);
                    let all = ui
                        .button("See all problems")
                        .on_hover_text("Every error and warning, with hints");
                    all.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Button,
                            true,
                            format!("See all problems in {}", b.file),
                        )
                    });
                    if all.clicked() {
                        actions.push(Action::Navigate(Screen::Problems));
                    }
                })
                .response
                .rect
                .height();
            ui.add_space((target - body).max(0.0));
            body
        })
        .inner
}

fn broken_body_ui(ui: &mut Ui, palette: &Palette, b: &Broken) {
    ui.label(RichText::new("Could not load").strong().color(palette.poor));
    ui.label(RichText::new(&b.file).font(theme::title_font(ui)).strong());
    ui.label(
        "This file could not be loaded, so it cannot be started. \
         The other scenarios work as usual.",
    );
    ui.add_space(4.0);
    let shown = b.problems.iter().take(MAX_PROBLEMS);
    Frame::new()
        .fill(palette.peer_fill)
        .corner_radius(6)
        .inner_margin(10)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            for p in shown {
                let kind = if p.is_error { "error" } else { "warning" };
                ui.label(
                    RichText::new(format!("Line {}, column {}: {kind}", p.line, p.col))
                        .strong()
                        .color(if p.is_error {
                            palette.poor
                        } else {
                            palette.fair
                        }),
                )
                .on_hover_text(format!("{}:{}:{}", p.file, p.line, p.col));
                ui.label(&p.message);
                if let Some(hint) = &p.hint {
                    ui.label(RichText::new(format!("Hint: {hint}")).color(palette.muted));
                }
                ui.add_space(4.0);
            }
            if b.problems.len() > MAX_PROBLEMS {
                ui.label(format!(
                    "\u{2026} and {} more. Run `attune check` for the full list.",
                    b.problems.len() - MAX_PROBLEMS
                ));
            }
            if b.problems.is_empty() {
                ui.label("No details were reported.");
            }
        });
}
