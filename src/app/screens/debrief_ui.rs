//! The debrief: how the conversation ended, the trust curve, the metrics
//! and every turn explained, with a way to try any turn again and an
//! export to a report file.

use eframe::egui::{self, CollapsingHeader, RichText, ScrollArea, Stroke, Ui};

use crate::app::commands::{CommandId, keys_of};
use crate::app::state::action::Action;
use crate::app::state::screen::Screen;
use crate::app::state::{AppState, ExportStatus, Review};
use crate::app::widgets;
use crate::app::widgets::metrics_ui::metrics_ui;
use crate::app::widgets::theme::{self, Palette};
use crate::app::widgets::trust_plot_ui::trust_plot_ui;
use crate::debrief::{Debrief, DebriefTurn};
use crate::scenario::{SUPPORT_ELSEWHERE, Scenario};
use crate::skills::carkhuff_label;
use crate::typed::{TypedTurn, typed_metrics, with_article};

/// The debrief screen; returns what the learner asked for.
pub fn debrief_ui(ui: &mut Ui, state: &AppState, palette: &Palette) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some((review, scenario)) = state.review_scenario() else {
        ui.label("There is no debrief yet. Finish or stop a conversation first.");
        return actions;
    };
    let debrief = &review.debrief;
    ScrollArea::vertical()
        .auto_shrink(false)
        .id_salt("debrief")
        .show(ui, |ui| {
            widgets::centered_column(ui, 1100.0, |ui| {
                ui.add_space(12.0);
                ui.heading(format!("Debrief: {}", scenario.title));
                ui.label(
                    RichText::new(format!(
                        "With {} \u{00B7} {} turn{}",
                        scenario.persona.name,
                        debrief.turns.len(),
                        if debrief.turns.len() == 1 { "" } else { "s" }
                    ))
                    .color(palette.muted),
                );
                ui.add_space(8.0);
                ending_ui(ui, palette, scenario, debrief);
                support_ui(ui, palette, debrief);
                ui.add_space(8.0);
                actions.extend(widgets::follow_up_ui::follow_up_ui(
                    ui,
                    palette,
                    &state.catalogue,
                    scenario,
                    &review.conversation,
                ));
                export_ui(ui, palette, review, &mut actions);
                ui.add_space(12.0);
                section_heading(ui, "Trust over the conversation");
                widgets::card_frame(palette).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    trust_plot_ui(ui, palette, scenario, debrief);
                });
                if let Some(earlier) = state.branches.comparable(&review.conversation) {
                    ui.add_space(12.0);
                    section_heading(ui, "Two paths compared");
                    widgets::card_frame(palette).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        let height = (ui.available_width() * 0.3).clamp(220.0, 360.0);
                        crate::app::widgets::compare_ui::compare_ui(
                            ui,
                            palette,
                            scenario,
                            earlier,
                            &review.conversation,
                            height,
                        );
                    });
                }
                ui.add_space(12.0);
                section_heading(ui, "Your listening skills");
                widgets::card_frame(palette).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ScrollArea::horizontal()
                        .id_salt("metrics_scroll")
                        .show(ui, |ui| metrics_ui(ui, palette, &debrief.metrics));
                });
                typed_metrics_section_ui(ui, palette, review);
                ui.add_space(12.0);
                section_heading(ui, "Turn by turn");
                if debrief.turns.is_empty() {
                    ui.label("No choices were made in this conversation.");
                }
                for (i, turn) in debrief.turns.iter().enumerate() {
                    let typed = review.typed.get(i).and_then(Option::as_ref);
                    turn_ui(ui, palette, scenario, turn, typed, &mut actions);
                    ui.add_space(8.0);
                }
                ui.add_space(8.0);
                if ui.button("Back to the library").clicked() {
                    actions.push(Action::Navigate(Screen::Library));
                }
                ui.add_space(16.0);
            });
        });
    actions
}

/// The MITI counts of the replies the learner typed, by the codes they
/// got; shown only when something was typed.
fn typed_metrics_section_ui(ui: &mut Ui, palette: &Palette, review: &Review) {
    let typed: Vec<TypedTurn> = review.typed.iter().flatten().cloned().collect();
    if typed.is_empty() {
        return;
    }
    ui.add_space(12.0);
    section_heading(ui, "What you typed, coded");
    widgets::card_frame(palette).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let corrected = typed.iter().filter(|t| t.corrected()).count();
        ui.label(format!(
            "You typed {} {}; you settled on another option than the closest one {} {}.",
            typed.len(),
            if typed.len() == 1 { "reply" } else { "replies" },
            corrected,
            if corrected == 1 { "time" } else { "times" }
        ));
        ScrollArea::horizontal()
            .id_salt("typed_metrics_scroll")
            .show(ui, |ui| {
                // Its own id: the conversation's grid is on the same page.
                ui.push_id("typed_metrics", |ui| {
                    metrics_ui(ui, palette, &typed_metrics(&typed));
                });
            });
    });
}

/// What the learner typed at a turn, how it was coded and the option it
/// was matched to (the turn below is that option).
fn typed_turn_ui(ui: &mut Ui, palette: &Palette, typed: &TypedTurn) {
    quote_ui(ui, palette, "You typed", &typed.typed, true);
    let heard = typed
        .code()
        .map_or_else(|| typed.code.clone(), |c| with_article(&c));
    ui.label(
        RichText::new(format!(
            "Heard as {heard} ({:.0}% sure). Matched to the option below{}.",
            typed.confidence * 100.0,
            if typed.corrected() {
                format!("; you picked it over the closest, “{}”", typed.suggested)
            } else {
                String::new()
            }
        ))
        .small()
        .color(palette.muted),
    );
}

fn section_heading(ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).font(theme::title_font(ui)).strong());
}

fn ending_ui(ui: &mut Ui, palette: &Palette, scenario: &Scenario, debrief: &Debrief) {
    let name = &scenario.persona.name;
    match &debrief.ending {
        Some(ending) => {
            widgets::ending_card_ui(ui, palette, ending.kind, &ending.title, 2.0, |ui| {
                ui.label(format!("{name}: \u{201c}{}\u{201d}", ending.line));
                if ending.early {
                    ui.label(
                        RichText::new(format!(
                            "Trust fell below {}, so {name} ended the conversation early. \
                                 Look for the turns where trust dropped most.",
                            scenario.withdrawal_floor
                        ))
                        .color(palette.muted),
                    );
                }
                if let Some(note) = &ending.note {
                    ui.label(RichText::new(note).color(palette.muted));
                }
            });
        }
        None => {
            widgets::card_frame(palette).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    "This conversation was stopped before an ending. The debrief covers the \
                     choices made so far.",
                );
            });
        }
    }
}

/// The scenario's support services, under the ending, where a learner
/// shaken by the conversation looks first.
fn support_ui(ui: &mut Ui, palette: &Palette, debrief: &Debrief) {
    if debrief.support.is_empty() {
        return;
    }
    ui.add_space(8.0);
    widgets::card_frame(palette).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new("Support").strong());
        for line in &debrief.support {
            ui.label(format!("\u{2022} {line}"));
        }
        ui.label(RichText::new(SUPPORT_ELSEWHERE).color(palette.muted));
    });
}

fn export_ui(ui: &mut Ui, palette: &Palette, review: &Review, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        if ui
            .add(egui::Button::new("Export a report (HTML)").min_size(egui::vec2(0.0, 34.0)))
            .on_hover_text(
                "A printable file with the transcript, explanations, metrics and trust curve",
            )
            .clicked()
        {
            actions.push(Action::ExportReport);
        }
        if ui
            .add(egui::Button::new("Back to the library").min_size(egui::vec2(0.0, 34.0)))
            .clicked()
        {
            actions.push(Action::Navigate(Screen::Library));
        }
        if ui
            .add(egui::Button::new("Map of your path").min_size(egui::vec2(0.0, 34.0)))
            .on_hover_text(format!(
                "The whole tree with the route you took and every other option ({})",
                keys_of(CommandId::Map)
            ))
            .clicked()
        {
            actions.push(Action::OpenMap(review.card));
        }
    });
    match &review.export {
        Some(ExportStatus::Written(path)) => {
            ui.horizontal_wrapped(|ui| {
                // In a browser the report went to the downloads.
                let saved = if cfg!(target_arch = "wasm32") {
                    "Report downloaded as"
                } else {
                    "Report saved to"
                };
                ui.label(RichText::new(saved).color(palette.good));
                ui.label(RichText::new(path.display().to_string()).monospace());
                if ui.button("Show in folder").clicked() {
                    actions.push(Action::ShowInFolder(path.clone()));
                }
            });
        }
        Some(ExportStatus::Failed(why)) => {
            ui.label(
                RichText::new(format!("The report could not be saved: {why}.")).color(palette.poor),
            );
        }
        Some(ExportStatus::Writing) => {
            ui.label(RichText::new("Saving the report\u{2026}").color(palette.muted));
        }
        None => {}
    }
}

/// One turn explained: what was said, its rating and skills, what it did
/// to trust, why, the other options, and a way to try it again.
fn turn_ui(
    ui: &mut Ui,
    palette: &Palette,
    scenario: &Scenario,
    turn: &DebriefTurn,
    typed: Option<&TypedTurn>,
    actions: &mut Vec<Action>,
) {
    let name = &scenario.persona.name;
    widgets::card_frame(palette)
        .stroke(Stroke::new(
            1.5,
            widgets::rating_colour(palette, turn.rating),
        ))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            turn_heading_ui(ui, palette, turn);
            quote_ui(ui, palette, name, &turn.peer_line, false);
            if let Some(typed) = typed {
                typed_turn_ui(ui, palette, typed);
            }
            quote_ui(ui, palette, "You", &turn.said, true);
            skills_ui(ui, palette, turn);
            trust_change_ui(ui, palette, scenario, turn);
            labelled_ui(ui, palette, "Why", &turn.why);
            if let Some(better) = &turn.better {
                labelled_ui(ui, palette, "A better move", better);
            }
            if !turn.reaction.is_empty() {
                quote_ui(
                    ui,
                    palette,
                    &format!("{name} replied"),
                    &turn.reaction,
                    false,
                );
            }
            if !turn.alternatives.is_empty() {
                alternatives_ui(ui, palette, turn);
            }
            ui.add_space(2.0);
            try_again_ui(ui, turn, actions);
        });
}

/// The turn's number and its rating.
fn turn_heading_ui(ui: &mut Ui, palette: &Palette, turn: &DebriefTurn) {
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!("Turn {}", turn.number))
                .font(theme::title_font(ui))
                .strong(),
        );
        ui.label(
            RichText::new(widgets::rating_text(turn.rating))
                .color(widgets::rating_colour(palette, turn.rating))
                .strong(),
        );
    });
}

/// The skills the choice used, as tags, and its empathy level.
fn skills_ui(ui: &mut Ui, palette: &Palette, turn: &DebriefTurn) {
    ui.horizontal_wrapped(|ui| {
        for skill in &turn.skills {
            widgets::tag_ui(ui, palette, &skill.label());
        }
        ui.label(
            RichText::new(format!("Empathy {}", carkhuff_label(turn.empathy)))
                .small()
                .color(palette.muted),
        );
    });
}

/// How trust moved and why, and the layers the peer opened up.
fn trust_change_ui(ui: &mut Ui, palette: &Palette, scenario: &Scenario, turn: &DebriefTurn) {
    let name = &scenario.persona.name;
    let delta = turn.trust_after - turn.trust_before;
    ui.label(format!(
        "Trust {} (from {} to {})",
        widgets::signed(delta),
        turn.trust_before,
        turn.trust_after
    ));
    for reason in &turn.adjustments {
        ui.horizontal_wrapped(|ui| {
            ui.label("\u{2022}");
            ui.label(RichText::new(reason).color(palette.muted));
        });
    }
    for layer in turn
        .layers_disclosed
        .iter()
        .filter_map(|l| scenario.layer(l))
    {
        ui.label(RichText::new(format!("{name} said it: {}", layer.summary)).color(palette.good));
    }
}

/// The options not taken at this turn, folded, with what each would
/// have done.
fn alternatives_ui(ui: &mut Ui, palette: &Palette, turn: &DebriefTurn) {
    CollapsingHeader::new(format!(
        "The other options at turn {} and what they would have done",
        turn.number
    ))
    .id_salt(("alternatives", turn.number))
    .show(ui, |ui| {
        for alt in &turn.alternatives {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(widgets::rating_text(alt.rating))
                        .color(widgets::rating_colour(palette, alt.rating)),
                );
                ui.label(
                    RichText::new(format!("trust {}", widgets::signed(alt.trust_change)))
                        .color(palette.muted),
                );
            });
            ui.label(format!("\u{201c}{}\u{201d}", alt.text));
            ui.label(RichText::new(&alt.why).color(palette.muted));
            ui.add_space(4.0);
        }
    });
}

/// A button that starts a new branch just before this turn.
fn try_again_ui(ui: &mut Ui, turn: &DebriefTurn, actions: &mut Vec<Action>) {
    let again = ui
        .add(egui::Button::new("Try again from this turn"))
        .on_hover_text("Start a new branch of this conversation just before this turn");
    again.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Button,
            true,
            format!("Try again from turn {}", turn.number),
        )
    });
    if again.clicked() {
        actions.push(Action::TryAgainFrom(turn.number - 1));
    }
}

fn quote_ui(ui: &mut Ui, palette: &Palette, speaker: &str, text: &str, learner: bool) {
    let frame = egui::Frame::new()
        .fill(if learner {
            palette.learner_fill
        } else {
            palette.peer_fill
        })
        .corner_radius(6)
        .inner_margin(egui::Margin::symmetric(12, 6));
    let frame = if learner {
        frame.stroke(Stroke::new(1.0, palette.learner_stroke))
    } else {
        frame
    };
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(speaker).small().strong().color(palette.muted));
        ui.label(text);
    });
}

fn labelled_ui(ui: &mut Ui, palette: &Palette, label: &str, text: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!("{label}:"))
                .strong()
                .color(palette.accent),
        );
        ui.label(text);
    });
}
