//! The conversation: the peer on the left with their openness, the
//! transcript in the middle, the numbered options below it.

use eframe::egui::{self, Align, Frame, Layout, RichText, ScrollArea, Stroke, Ui};

use crate::app::commands::{CommandId, first_keys_of, keys_of};
use crate::app::state::action::Action;
use crate::app::state::screen::Screen;
use crate::app::state::{Active, AppState};
use crate::app::widgets;
use crate::app::widgets::choice_button::choice_button_ui;
use crate::app::widgets::peer_panel_ui::peer_panel_ui;
use crate::app::widgets::portrait::Portraits;
use crate::app::widgets::theme::{self, Palette};
use crate::app::widgets::transcript_ui::transcript_ui;
use crate::app::widgets::typed_ui::typed_reply_ui;
use crate::scenario::{EndingKind, Scenario};
use crate::typed::TypedMode;

/// The transcript and options never get wider than this, so lines stay
/// readable on wide screens.
const MAX_COLUMN: f32 = 1040.0;

/// The conversation screen and the rewind dialog; returns what the learner
/// asked for. Its keys are in the command table.
pub fn conversation_ui(
    ui: &mut Ui,
    state: &AppState,
    palette: &Palette,
    portraits: &mut Portraits,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some((active, scenario)) = state.active_scenario() else {
        ui.label("No conversation is in progress.");
        if ui.button("Go to the library").clicked() {
            actions.push(Action::Navigate(Screen::Library));
        }
        return actions;
    };
    let settings = state.store.settings();
    let side_width = (ui.available_width() * 0.26).clamp(240.0, 420.0);
    egui::Panel::left("peer_panel")
        .resizable(false)
        .exact_size(side_width)
        .frame(Frame::new().inner_margin(egui::Margin {
            left: 8,
            right: 16,
            top: 8,
            bottom: 8,
        }))
        .show(ui, |ui| {
            let room = ui.available_height();
            ScrollArea::vertical()
                .id_salt("peer_panel_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    peer_panel_ui(
                        ui,
                        palette,
                        settings,
                        scenario,
                        &active.session,
                        portraits,
                        room,
                    );
                });
        });
    let max_options_height = ui.available_height() * 0.55;
    egui::Panel::bottom("options_panel")
        .resizable(false)
        .frame(Frame::new().inner_margin(egui::Margin::symmetric(8, 10)))
        .show(ui, |ui| {
            ScrollArea::vertical()
                .id_salt("options_scroll")
                .max_height(max_options_height)
                .min_scrolled_height(max_options_height)
                .show(ui, |ui| {
                    widgets::centered_column(ui, MAX_COLUMN, |ui| {
                        actions.extend(options_ui(
                            ui,
                            palette,
                            scenario,
                            active,
                            settings.typed_mode,
                        ));
                    });
                });
        });
    egui::CentralPanel::default()
        .frame(Frame::new().inner_margin(egui::Margin::symmetric(6, 0)))
        .show(ui, |ui| {
            ScrollArea::vertical()
                .id_salt("transcript")
                .auto_shrink([false, false])
                .stick_to_bottom(true)
                .show(ui, |ui| {
                    widgets::centered_column(ui, MAX_COLUMN, |ui| {
                        ui.add_space(8.0);
                        ui.label(
                            RichText::new(format!(
                                "{} \u{00B7} {} \u{00B7} {}",
                                scenario.title,
                                scenario.setting.place,
                                scenario.setting.medium.label()
                            ))
                            .small()
                            .color(palette.muted),
                        );
                        ui.add_space(6.0);
                        actions.extend(transcript_ui(
                            ui,
                            palette,
                            scenario,
                            &active.session.conversation,
                        ));
                        ui.add_space(8.0);
                    });
                });
        });
    if state.pending_rewind.is_some() {
        actions.extend(confirm_rewind_ui(ui, state));
    }
    actions
}

fn options_ui(
    ui: &mut Ui,
    palette: &Palette,
    scenario: &Scenario,
    active: &Active,
    mode: TypedMode,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let conversation = &active.session.conversation;
    if let Some(ending) = conversation.ending(scenario) {
        ending_ui(
            ui,
            palette,
            scenario,
            ending.kind,
            &ending.title,
            &mut actions,
        );
        return actions;
    }
    if mode.types() {
        let options = conversation.options(scenario);
        let typed = typed_reply_ui(ui, palette, &options, &active.typing, mode, "conversation");
        actions.extend(typed.into_iter().map(Action::Typed));
        ui.add_space(4.0);
        undo_row_ui(ui, palette, active, &mut actions);
        return actions;
    }
    let offered = conversation.options(scenario).len();
    ui.horizontal(|ui| {
        ui.label(RichText::new("What do you say?").font(theme::title_font(ui)));
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let keys = first_keys_of(CommandId::Choose, offered);
            ui.label(
                RichText::new(format!("Keys {keys} choose"))
                    .small()
                    .color(palette.muted),
            );
        });
    });
    ui.add_space(2.0);
    for (n, choice) in conversation.options(scenario).into_iter().enumerate() {
        if choice_button_ui(ui, palette, n + 1, &choice.text).clicked() {
            actions.push(Action::Choose(choice.id.clone()));
        }
        ui.add_space(2.0);
    }
    ui.add_space(4.0);
    undo_row_ui(ui, palette, active, &mut actions);
    actions
}

fn undo_row_ui(ui: &mut Ui, palette: &Palette, active: &Active, actions: &mut Vec<Action>) {
    let can_undo = !active.session.conversation.turns().is_empty();
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(can_undo, egui::Button::new("Take back the last choice"))
            .on_hover_text(keys_of(CommandId::Undo))
            .on_disabled_hover_text("Nothing to take back yet")
            .clicked()
        {
            actions.push(Action::Undo);
        }
        ui.label(
            RichText::new(format!(
                "{}. Click one of your earlier lines to go back further.",
                keys_of(CommandId::Undo)
            ))
            .small()
            .color(palette.muted),
        );
        if ui
            .button("Scenario map")
            .on_hover_text(format!(
                "The whole tree with your path so far ({}). Ratings stay hidden until the end.",
                keys_of(CommandId::Map)
            ))
            .clicked()
        {
            actions.push(Action::OpenMap(active.card));
        }
    });
}

fn ending_ui(
    ui: &mut Ui,
    palette: &Palette,
    scenario: &Scenario,
    kind: EndingKind,
    title: &str,
    actions: &mut Vec<Action>,
) {
    let name = &scenario.persona.name;
    let withdrew = kind == EndingKind::Withdrew;
    widgets::card_frame(palette)
        .stroke(Stroke::new(2.0, widgets::ending_colour(palette, kind)))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let heading = if withdrew {
                format!("{name} has ended the conversation")
            } else {
                format!("The conversation has ended: {title}")
            };
            ui.label(RichText::new(heading).font(theme::title_font(ui)));
            // The buttons come before the explanation, so at large text
            // sizes they are in view without scrolling.
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                let see = ui.add(
                    egui::Button::new(RichText::new("See the debrief").strong())
                        .fill(palette.learner_fill)
                        .stroke(Stroke::new(1.5, palette.learner_stroke))
                        .min_size(egui::vec2(0.0, 36.0)),
                );
                if see.clicked() {
                    actions.push(Action::OpenDebrief);
                }
                if ui
                    .add(
                        egui::Button::new("Take back the last choice")
                            .min_size(egui::vec2(0.0, 36.0)),
                    )
                    .clicked()
                {
                    actions.push(Action::Undo);
                }
            });
            ui.add_space(6.0);
            ui.label(if withdrew {
                format!(
                    "That happens in real conversations too, and it is one of the most useful \
                     things to learn from. The debrief walks through each moment, shows where \
                     {name} started to close off, and what might have kept the door open."
                )
            } else if kind == EndingKind::OpenedUp {
                format!(
                    "{name} felt heard and shared what mattered. The debrief shows which \
                     moves made that possible."
                )
            } else {
                format!(
                    "{name} stayed, but kept the important things back. The debrief shows \
                     where there was room to go deeper."
                )
            });
            ui.label(
                RichText::new(format!(
                    "Press {} for the debrief.",
                    keys_of(CommandId::OpenDebrief)
                ))
                .small()
                .color(palette.muted),
            );
        });
}

fn confirm_rewind_ui(ui: &Ui, state: &AppState) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(turn) = state.pending_rewind else {
        return actions;
    };
    let number = turn + 1;
    let frame = Frame::popup(ui.style())
        .inner_margin(egui::Margin::same(24))
        .corner_radius(12);
    let modal = egui::Modal::new(egui::Id::unique("confirm_rewind"))
        .frame(frame)
        .show(ui.ctx(), |ui| {
            ui.set_max_width(480.0);
            ui.label(
                RichText::new(format!("Go back to before turn {number}?"))
                    .font(theme::title_font(ui)),
            );
            ui.label(format!(
                "Your choice at turn {number} and everything after it will be taken back, \
             so you can try something different."
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let go = ui.button("Go back");
                widgets::focus_when_shown(ui, &go, ("rewind", turn));
                if go.clicked() {
                    actions.push(Action::ConfirmRewind);
                }
                if ui.button("Keep going").clicked() {
                    actions.push(Action::CancelRewind);
                }
            });
        });
    if actions.is_empty() && modal.should_close() {
        actions.push(Action::CancelRewind);
    }
    actions
}
