//! The library: a card per scenario, broken files included, plus a way
//! back into an unfinished conversation.

use eframe::egui::{self, Frame, RichText, ScrollArea, Ui};

use crate::app::state::AppState;
use crate::app::state::action::Action;
use crate::app::state::catalogue::{Broken, Card, CardId, Playable};
use crate::app::state::screen::Screen;
use crate::app::widgets;
use crate::app::widgets::theme::{self, Palette};
use crate::store::{BestOutcome, Resume};

/// Problems shown on a broken card before "and N more".
const MAX_PROBLEMS: usize = 6;

/// The library screen; returns what the learner asked for.
pub fn library_ui(ui: &mut Ui, state: &AppState, palette: &Palette) -> Vec<Action> {
    let mut actions = Vec::new();
    // Opened with something to resume: start at the top, where its banner is.
    let to_top = widgets::just_shown(ui, "library") && state.has_banner();
    ScrollArea::vertical()
        .auto_shrink(false)
        .id_salt("library")
        .show(ui, |ui| {
            if to_top {
                ui.scroll_to_cursor(Some(egui::Align::Min));
            }
            widgets::centered_column(ui, 1320.0, |ui| {
                ui.add_space(12.0);
                ui.heading("Practise a conversation");
                ui.label(
                    RichText::new(
                        "Each scenario is a short talk with someone who is going through a hard time. \
                         Choose one to read its briefing before you begin.",
                    )
                    .color(palette.muted),
                );
                actions.extend(crate::app::presenter::library_button_ui(ui, state, palette));
                ui.add_space(8.0);
                continue_ui(ui, state, palette, &mut actions);
                ui.add_space(4.0);
                cards_ui(ui, state, palette, &mut actions);
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

fn cards_ui(ui: &mut Ui, state: &AppState, palette: &Palette, actions: &mut Vec<Action>) {
    if state.catalogue.is_empty() {
        ui.label("No dialogue files were found.");
        return;
    }
    let columns = widgets::column_count(ui.available_width(), 420.0, 3);
    let listed: Vec<(CardId, &Card)> = state.catalogue.listed().collect();
    for (row_number, row) in listed.chunks(columns).enumerate() {
        // Cards in a row share the height of the tallest, measured in the
        // previous frame, so their buttons line up.
        let id = ui.scope_id().with(("card_row", row_number, columns));
        let target: f32 = ui.data(|d| d.get_temp(id)).unwrap_or(0.0);
        let mut tallest = 0.0_f32;
        ui.columns(columns, |cols| {
            for (col, (id, card)) in cols.iter_mut().zip(row) {
                let natural = match card {
                    Card::Playable(p) => playable_ui(col, state, palette, *id, p, target, actions),
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
    card: CardId,
    p: &Playable,
    target: f32,
    actions: &mut Vec<Action>,
) -> f32 {
    let s = &p.scenario;
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
                            if s.tutorial {
                                widgets::tag_ui(ui, palette, "tutorial");
                            }
                        });
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
