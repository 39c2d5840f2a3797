//! The discussion pause: the options big and lettered, a vote tally for
//! each, and on reveal each option's skills and the peer's likely reaction
//! (from the engine's preview, which changes nothing).

use eframe::egui::{
    self, Align, Align2, FontId, Label, Layout, Margin, RichText, ScrollArea, Sense, Stroke, Ui,
};

use super::PresenterAction as P;
use super::bubble_ui::peer_said_ui;
use super::discussion::{Discussion, letter};
use crate::app::commands::{CommandId as C, keys_of};
use crate::app::state::action::Action;
use crate::app::state::{Active, AppState};
use crate::app::widgets;
use crate::app::widgets::theme::{self, Palette};
use crate::scenario::{Choice, Scenario};

/// The discussion pause in the stage's central area.
pub(super) fn discussion_ui(
    ui: &mut Ui,
    state: &AppState,
    palette: &Palette,
    scenario: &Scenario,
    active: &Active,
    discussion: &Discussion,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut act = |p: P| actions.push(Action::Presenter(p));
    let conversation = &active.session.conversation;
    let options = conversation.options(scenario);
    let chosen = discussion.choice();
    let rooming = state.presenter.room.running().is_some();
    header_ui(ui, state, palette, discussion, rooming);
    ui.horizontal_wrapped(|ui| {
        let reveal = if discussion.revealed {
            "Hide the effects"
        } else {
            "Reveal the effects"
        };
        let reveal = format!("{reveal} ({})", keys_of(C::Reveal));
        if ui.button(reveal).clicked() {
            act(P::ToggleReveal);
        }
        if ui
            .button(format!("Reset the votes ({})", keys_of(C::ResetVotes)))
            .clicked()
        {
            act(P::ResetVotes);
        }
        if let Some(n) = chosen {
            let commit = ui.button(
                RichText::new(format!("Say {} ({})", letter(n), keys_of(C::Enter)))
                    .strong()
                    .color(palette.accent),
            );
            commit.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Button,
                    true,
                    format!("Commit the room's choice, {}", letter(n)),
                )
            });
            if commit.clicked() {
                act(P::Commit);
            }
        }
        if ui.button("Close the discussion").clicked() {
            act(P::CloseDiscussion);
        }
    });
    guide_ui(ui, palette, discussion, chosen);
    ui.add_space(4.0);
    ScrollArea::vertical()
        .id_salt("discussion")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            peer_said_ui(ui, palette, scenario, &conversation.current().line);
            for (n, choice) in options.iter().enumerate() {
                let votes = discussion.votes.get(n).copied().unwrap_or(0);
                let phones = rooming.then(|| discussion.phones.get(n).copied().unwrap_or(0));
                let reveal = discussion
                    .revealed
                    .then(|| likely_effect(state, scenario, active, choice));
                option_card_ui(
                    ui,
                    palette,
                    n,
                    choice,
                    votes,
                    phones,
                    chosen == Some(n),
                    reveal.as_deref(),
                    &mut act,
                );
                ui.add_space(2.0);
            }
        });
    actions
}

/// With no choice yet, what the room is asked for; then the pause's keys,
/// above the options so they are never scrolled out of view.
fn guide_ui(ui: &mut Ui, palette: &Palette, discussion: &Discussion, chosen: Option<usize>) {
    if chosen.is_none() && (discussion.asked || discussion.revealed) {
        let ask = format!(
            "No votes yet: what does the room say? Add votes ({}) or mark a choice ({}), then \
             press Next.",
            keys_of(C::Vote),
            keys_of(C::Select)
        );
        let colour = if discussion.asked {
            palette.accent
        } else {
            palette.muted
        };
        ui.label(RichText::new(ask).strong().color(colour));
    }
    ui.add(
        Label::new(
            RichText::new(format!(
                "{} add a vote \u{00B7} {} resets \u{00B7} {} reveals \u{00B7} \
                 {} or a click marks the room's choice \u{00B7} {} or Next says it",
                keys_of(C::Vote),
                keys_of(C::ResetVotes),
                keys_of(C::Reveal),
                keys_of(C::Select),
                keys_of(C::Enter)
            ))
            .small()
            .color(palette.muted),
        )
        .wrap(),
    );
}

/// The pause's title and its vote count, with the phones' share.
fn header_ui(
    ui: &mut Ui,
    state: &AppState,
    palette: &Palette,
    discussion: &Discussion,
    rooming: bool,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new("Discuss: what would you say?")
                .font(theme::title_font(ui))
                .strong(),
        );
        let votes = discussion.total_votes();
        let mut tally = format!("{votes} vote{}", if votes == 1 { "" } else { "s" });
        if rooming {
            let phones = discussion.total_phones();
            let devices = state.presenter.room.devices;
            tally.push_str(&format!(
                " ({phones} from phones; {devices} phone{} joined)",
                if devices == 1 { "" } else { "s" }
            ));
        }
        ui.label(RichText::new(tally).color(palette.muted));
    });
}

/// What the peer would likely do after `choice`, in words; read from the
/// engine's preview, which leaves the conversation as it is.
fn likely_effect(
    state: &AppState,
    scenario: &Scenario,
    active: &Active,
    choice: &Choice,
) -> String {
    let name = &scenario.persona.name;
    let Ok(outcome) = active.session.conversation.preview(scenario, &choice.id) else {
        return "The effect cannot be previewed here.".to_string();
    };
    let delta = outcome.turn.trust_after - outcome.turn.trust_before;
    let mut text = format!(
        "{name} would likely reply: \u{201c}{}\u{201d}",
        outcome.next.line
    );
    let band = outcome.next.band();
    text.push_str(&format!(" ({name} would seem {}", band.label()));
    if state.presenter.show_trust {
        text.push_str(&format!(", trust {}", widgets::signed(delta)));
    }
    text.push(')');
    if let Some(kind) = outcome.ending {
        text.push_str(&format!(". The conversation would end: {}.", kind.label()));
    }
    text
}

#[allow(clippy::too_many_arguments)]
fn option_card_ui(
    ui: &mut Ui,
    palette: &Palette,
    n: usize,
    choice: &Choice,
    votes: u32,
    phones: Option<u32>,
    chosen: bool,
    reveal: Option<&str>,
    act: &mut impl FnMut(P),
) {
    let l = letter(n);
    let stroke = if chosen {
        Stroke::new(4.0, palette.accent)
    } else {
        Stroke::new(
            if palette.high_contrast { 2.0 } else { 1.0 },
            palette.card_stroke,
        )
    };
    let body = egui::TextStyle::Body.resolve(ui.style()).size;
    let frame = widgets::card_frame(palette)
        .stroke(stroke)
        .inner_margin(Margin::symmetric(16, 8))
        .show(ui, |ui| {
            let width = ui.available_width();
            ui.set_width(width);
            let badge = body * 1.8;
            let tally_width = (body * if phones.is_some() { 10.0 } else { 7.5 }).min(width * 0.3);
            ui.horizontal_top(|ui| {
                let (rect, _) = ui.allocate_exact_size(egui::vec2(badge, badge), Sense::hover());
                ui.painter().circle(
                    rect.center(),
                    badge / 2.0,
                    if chosen {
                        palette.accent
                    } else {
                        palette.peer_fill
                    },
                    Stroke::new(2.0, palette.accent),
                );
                ui.painter().text(
                    rect.center(),
                    Align2::CENTER_CENTER,
                    l,
                    FontId::proportional(body * 1.05),
                    if chosen {
                        palette.card
                    } else {
                        ui.visuals().text_color()
                    },
                );
                let text_width = (width - badge - tally_width - 40.0).max(120.0);
                ui.vertical(|ui| {
                    ui.set_width(text_width);
                    if chosen {
                        ui.label(
                            RichText::new("The room's choice")
                                .small()
                                .strong()
                                .color(palette.accent),
                        );
                    }
                    let select = ui.add(Label::new(&choice.text).wrap().sense(Sense::click()));
                    select.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Button,
                            true,
                            format!("Option {l}: {}", choice.text),
                        )
                    });
                    if select
                        .on_hover_text("Make this the room's choice")
                        .clicked()
                    {
                        act(P::Select(n));
                    }
                    if let Some(effect) = reveal {
                        ui.horizontal_wrapped(|ui| {
                            for skill in &choice.skills {
                                widgets::tag_ui(ui, palette, &skill.label());
                            }
                            ui.label(RichText::new(effect).small());
                        });
                    }
                });
                ui.with_layout(Layout::top_down(Align::Max), |ui| {
                    let plural = |n: u32| if n == 1 { "" } else { "s" };
                    let tally = match phones {
                        Some(p) => {
                            format!("{votes} hand{} + {p} phone{}", plural(votes), plural(p))
                        }
                        None => format!("{votes} vote{}", plural(votes)),
                    };
                    ui.label(RichText::new(tally).strong());
                    let vote = ui.button(format!("+1 for {l}"));
                    vote.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Vote for {l}"))
                    });
                    if vote.clicked() {
                        act(P::Vote(n));
                    }
                });
            });
        });
    let _ = frame;
}
