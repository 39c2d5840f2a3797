//! The debrief walkthrough: one page at a time, driven by the clicker.
//! How it ended; then each turn with what was said, why it helped or hurt,
//! and what the other options would have done; then the trust curve and
//! metrics full screen; then, with two paths, their comparison.

use eframe::egui::{self, Align, Frame, Layout, Margin, RichText, ScrollArea, Ui};

use super::PresenterAction as P;
use super::bubble_ui::{bubble_ui, peer_said_ui};
use super::notes_ui::notes_panel_ui;
use super::page_scroll::{forget_page_scroll, page_scroll_ui};
use super::walkthrough::{Page, clamp_page, pages};
use crate::app::commands::{CommandId as C, first_key_of, keys_of};
use crate::app::state::action::Action;
use crate::app::state::session::hint_line;
use crate::app::state::{AppState, Review};
use crate::app::widgets;
use crate::app::widgets::compare_ui::compare_ui;
use crate::app::widgets::metrics_ui::metrics_ui;
use crate::app::widgets::theme::{self, Palette};
use crate::app::widgets::trust_plot_ui::trust_plot_sized_ui;
use crate::debrief::DebriefTurn;
use crate::scenario::Scenario;
use crate::skills::carkhuff_label;

/// The walkthrough screen.
pub(crate) fn walkthrough_ui(ui: &mut Ui, state: &AppState, palette: &Palette) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some((review, scenario)) = state.review_scenario() else {
        ui.label("There is no debrief yet. Finish a conversation first.");
        return actions;
    };
    let compared = state.branches.comparable(&review.conversation);
    let all = pages(&review.debrief, compared.is_some());
    let index = clamp_page(state.presenter.page, all.len());
    let page = state.current_page().unwrap_or(Page::Ending);
    if state.presenter.show_notes {
        let notes = match page {
            Page::Turn(i) => review
                .debrief
                .turns
                .get(i)
                .and_then(|t| scenario.node(&t.node))
                .and_then(|n| n.notes.as_deref()),
            _ => None,
        };
        notes_panel_ui(ui, palette, notes);
    }
    actions.extend(confirm_branch_ui(ui, state));
    forget_page_scroll(ui.ctx());
    egui::Panel::bottom("walkthrough_nav")
        .resizable(false)
        .frame(Frame::new().inner_margin(Margin::symmetric(12, 8)))
        .show(ui, |ui| {
            nav_ui(
                ui,
                palette,
                index,
                all.len(),
                page,
                review.debrief.turns.len(),
                &mut actions,
            );
        });
    egui::CentralPanel::default()
        .frame(Frame::new().inner_margin(Margin::symmetric(16, 8)))
        .show(ui, |ui| match page {
            Page::Ending => {
                actions.extend(ending_page_ui(ui, state, palette, scenario, review));
            }
            Page::Turn(i) => {
                if let Some(turn) = review.debrief.turns.get(i) {
                    turn_page_ui(ui, palette, scenario, review, turn, &mut actions);
                }
            }
            Page::Summary => summary_page_ui(ui, palette, scenario, review),
            Page::Compare => {
                if let Some(earlier) = compared {
                    ui.label(
                        RichText::new("Two paths compared")
                            .font(theme::title_font(ui))
                            .strong(),
                    );
                    let height = ui.available_height() * 0.5;
                    page_scroll_ui(ui, "walkthrough_compare", |ui| {
                        compare_ui(ui, palette, scenario, earlier, &review.conversation, height);
                    });
                }
            }
        });
    actions
}

fn page_name(page: Page, turns: usize) -> String {
    match page {
        Page::Ending => "How it ended".to_string(),
        Page::Turn(i) => format!("Turn {} of {turns}", i + 1),
        Page::Summary => "Trust and skills".to_string(),
        Page::Compare => "Two paths compared".to_string(),
    }
}

fn nav_ui(
    ui: &mut Ui,
    palette: &Palette,
    index: usize,
    count: usize,
    page: Page,
    turns: usize,
    actions: &mut Vec<Action>,
) {
    ui.horizontal_wrapped(|ui| {
        let back = ui.add_enabled(index > 0, egui::Button::new("Back"));
        back.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, index > 0, "Previous page")
        });
        if back.clicked() {
            actions.push(Action::Presenter(P::Page(index.saturating_sub(1))));
        }
        ui.label(
            RichText::new(format!(
                "Page {} of {count} \u{00B7} {}",
                index + 1,
                page_name(page, turns)
            ))
            .strong()
            .color(palette.muted),
        );
        let more = index + 1 < count;
        let next = ui.add_enabled(more, egui::Button::new("Next"));
        next.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, more, "Next page"));
        if next.clicked() {
            actions.push(Action::Presenter(P::Page(index + 1)));
        }
        let mut hint = format!("{} / {} move", first_key_of(C::Next), first_key_of(C::Back));
        if let Page::Turn(_) = page {
            hint.push_str(&format!(
                " \u{00B7} {} branches off here",
                keys_of(C::Branch)
            ));
        }
        ui.label(RichText::new(hint).small().color(palette.muted));
    });
}

/// How it ended, and a follow-up to offer after this ending.
fn ending_page_ui(
    ui: &mut Ui,
    state: &AppState,
    palette: &Palette,
    scenario: &Scenario,
    review: &Review,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let debrief = &review.debrief;
    let name = &scenario.persona.name;
    page_scroll_ui(ui, "walkthrough_ending", |ui| {
        ui.heading(format!("Debrief: {}", scenario.title));
        ui.label(
            RichText::new(format!(
                "With {name} \u{00B7} {} turn{}",
                debrief.turns.len(),
                if debrief.turns.len() == 1 { "" } else { "s" }
            ))
            .color(palette.muted),
        );
        ui.add_space(12.0);
        match &debrief.ending {
            Some(ending) => {
                widgets::ending_card_ui(ui, palette, ending.kind, &ending.title, 3.0, |ui| {
                    peer_said_ui(ui, palette, scenario, &ending.line);
                    if ending.early {
                        ui.label(format!(
                            "Trust fell below {}, so {name} left early.",
                            scenario.withdrawal_floor
                        ));
                    }
                    if let Some(note) = &ending.note {
                        ui.label(RichText::new(note).color(palette.muted));
                    }
                });
            }
            None => {
                ui.label("The conversation was stopped before an ending.");
            }
        }
        ui.add_space(12.0);
        ui.label(
            "Next: each turn in order, what it did, and what the other options would \
                 have done.",
        );
        ui.add_space(12.0);
        actions.extend(widgets::follow_up_ui::follow_up_ui(
            ui,
            palette,
            &state.catalogue,
            scenario,
            &review.conversation,
        ));
    });
    actions
}

fn turn_page_ui(
    ui: &mut Ui,
    palette: &Palette,
    scenario: &Scenario,
    review: &Review,
    turn: &DebriefTurn,
    actions: &mut Vec<Action>,
) {
    let total = review.debrief.turns.len();
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!("Turn {} of {total}", turn.number))
                .font(theme::title_font(ui))
                .strong(),
        );
        ui.label(
            RichText::new(widgets::rating_text(turn.rating))
                .font(theme::title_font(ui))
                .color(widgets::rating_colour(palette, turn.rating)),
        );
        let branch = ui.button(format!("Branch off here ({})", keys_of(C::Branch)));
        branch.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Button,
                true,
                format!("Branch off before turn {}", turn.number),
            )
        });
        if branch
            .on_hover_text("Play this turn again; this path is kept for comparison")
            .clicked()
        {
            actions.push(Action::Presenter(P::AskBranch(turn.number - 1)));
        }
    });
    ui.add_space(4.0);
    let wide = ui.available_width() > 1100.0;
    let columns = if wide { 2 } else { 1 };
    page_scroll_ui(ui, ("walkthrough_turn", turn.number), |ui| {
        if columns == 2 {
            ui.columns(2, |cols| {
                // Columns justify text by default; these read better ragged.
                let ragged = Layout::top_down(Align::Min);
                cols[0].with_layout(ragged, |ui| chosen_ui(ui, palette, scenario, turn));
                cols[1].with_layout(ragged, |ui| others_ui(ui, palette, turn, actions));
            });
        } else {
            chosen_ui(ui, palette, scenario, turn);
            ui.add_space(8.0);
            others_ui(ui, palette, turn, actions);
        }
    });
}

/// What was chosen, and why it helped or hurt.
fn chosen_ui(ui: &mut Ui, palette: &Palette, scenario: &Scenario, turn: &DebriefTurn) {
    let name = &scenario.persona.name;
    ui.label(
        RichText::new("What was chosen, and what it did")
            .strong()
            .color(palette.accent),
    );
    peer_said_ui(ui, palette, scenario, &turn.peer_line);
    bubble_ui(ui, palette, "The choice", &turn.said, true);
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
    ui.label(format!(
        "Trust {} (from {} to {})",
        widgets::signed(turn.trust_after - turn.trust_before),
        turn.trust_before,
        turn.trust_after
    ));
    // Why the change differs from the authored one, e.g. a gain that
    // shrank near the top: the choice is still as good as rated.
    for reason in &turn.adjustments {
        ui.label(RichText::new(reason).small().color(palette.muted));
    }
    labelled(ui, palette, "Why", &turn.why);
    if let Some(better) = &turn.better {
        labelled(ui, palette, "A better move", better);
    }
    if !turn.reaction.is_empty() {
        bubble_ui(
            ui,
            palette,
            &format!("{name} replied"),
            &turn.reaction,
            false,
        );
    }
    // Credited only here, at the reply that said it.
    for layer in turn
        .layers_disclosed
        .iter()
        .filter_map(|l| scenario.layer(l))
    {
        ui.label(RichText::new(format!("{name} said it: {}", layer.summary)).color(palette.good));
    }
}

/// What the other options would have done, each with a way to play it.
fn others_ui(ui: &mut Ui, palette: &Palette, turn: &DebriefTurn, actions: &mut Vec<Action>) {
    ui.label(
        RichText::new("What the other options would have done")
            .strong()
            .color(palette.accent),
    );
    if turn.alternatives.is_empty() {
        ui.label("There was no other option at this turn.");
    }
    for alt in &turn.alternatives {
        widgets::card_frame(palette)
            .inner_margin(Margin::symmetric(14, 8))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(format!("\u{201c}{}\u{201d}", alt.text));
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(widgets::rating_text(alt.rating))
                            .small()
                            .strong()
                            .color(widgets::rating_colour(palette, alt.rating)),
                    );
                    ui.label(
                        RichText::new(format!("trust {}", widgets::signed(alt.trust_change)))
                            .small(),
                    );
                });
                ui.label(RichText::new(hint_line(&alt.why)).small());
                let play = ui
                    .horizontal(|ui| ui.button(RichText::new("Play this instead").small()))
                    .inner;
                play.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Button,
                        true,
                        format!("Play instead at turn {}: {}", turn.number, alt.text),
                    )
                });
                if play.clicked() {
                    actions.push(Action::Presenter(P::PlayInstead {
                        turn: turn.number - 1,
                        option: alt.id.clone(),
                    }));
                }
            });
        ui.add_space(4.0);
    }
}

fn labelled(ui: &mut Ui, palette: &Palette, label: &str, text: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!("{label}:"))
                .strong()
                .color(palette.accent),
        );
        ui.label(text);
    });
}

/// The trust curve and the metrics, filling the screen.
fn summary_page_ui(ui: &mut Ui, palette: &Palette, scenario: &Scenario, review: &Review) {
    let height = (ui.available_height() * 0.5).max(200.0);
    page_scroll_ui(ui, "walkthrough_summary", |ui| {
        ui.label(
            RichText::new("Trust over the conversation")
                .font(theme::title_font(ui))
                .strong(),
        );
        trust_plot_sized_ui(ui, palette, scenario, &review.debrief, height);
        ui.add_space(10.0);
        ui.label(
            RichText::new("Listening skills")
                .font(theme::title_font(ui))
                .strong(),
        );
        ScrollArea::horizontal()
            .id_salt("walkthrough_metrics")
            .show(ui, |ui| metrics_ui(ui, palette, &review.debrief.metrics));
    });
}

/// "Branch off before turn 3?": a branch leaves the debrief for the
/// stage, so it is asked first. Enter or a click branches; Esc stays.
fn confirm_branch_ui(ui: &Ui, state: &AppState) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(turn) = state.presenter.pending_branch else {
        return actions;
    };
    let number = turn + 1;
    let frame = Frame::popup(ui.style())
        .inner_margin(Margin::same(24))
        .corner_radius(12);
    let modal = egui::Modal::new(egui::Id::unique("confirm_branch"))
        .frame(frame)
        .show(ui.ctx(), |ui| {
            ui.set_max_width(640.0);
            ui.label(
                RichText::new(format!("Branch off before turn {number}?"))
                    .font(theme::title_font(ui)),
            );
            ui.label(format!(
                "The room goes back to the stage to play turn {number} again. This path is \
                 kept, and the next debrief compares the two."
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let go = ui.button(format!("Branch off before turn {number}"));
                widgets::focus_when_shown(ui, &go, ("branch", turn));
                if go.clicked() {
                    actions.push(Action::Presenter(P::ConfirmBranch));
                }
                if ui.button("Stay on the debrief").clicked() {
                    actions.push(Action::Presenter(P::CancelBranch));
                }
            });
        });
    if actions.is_empty() && modal.should_close() {
        actions.push(Action::Presenter(P::CancelBranch));
    }
    actions
}
