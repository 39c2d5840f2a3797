//! The conversation on a projector: a large portrait, the last few
//! exchanges in big type, and the options (or the discussion pause).

use eframe::egui::{self, Align, Frame, Layout, Margin, RichText, ScrollArea, Ui};

use super::PresenterAction as P;
use super::bubble_ui::{bubble_ui, peer_said_ui};
use super::discussion_ui::discussion_ui;
use super::notes_ui::notes_panel_ui;
use super::room_ui::room_panel_ui;
use crate::app::commands::{CommandId as C, first_key_of, first_keys_of, keys_of};
use crate::app::state::action::Action;
use crate::app::state::screen::Screen;
use crate::app::state::{Active, AppState};
use crate::app::widgets;
use crate::app::widgets::choice_button::choice_button_ui;
use crate::app::widgets::peer_words::peer_words;
use crate::app::widgets::portrait::{self, Portraits};
use crate::app::widgets::theme::{self, Palette};
use crate::app::widgets::typed_ui::typed_reply_ui;
use crate::debrief::ending_note;
use crate::scenario::{Band, Scenario};
use crate::typed::TypedMode;

/// Peer lines shown on the stage: the current one and two before it.
const RECENT_STEPS: usize = 3;

/// The presenter's conversation screen.
pub(crate) fn stage_ui(
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
    let conversation = &active.session.conversation;
    if state.presenter.show_notes {
        let notes = scenario
            .node(&conversation.current().node)
            .and_then(|n| n.notes.as_deref());
        notes_panel_ui(ui, palette, notes);
    }
    actions.extend(room_panel_ui(ui, state, palette));
    let discussion = state.current_discussion();
    // A discussion needs the room for the options; the portrait steps back.
    let share = if discussion.is_some() { 0.22 } else { 0.3 };
    let side = (ui.available_width() * share).round().clamp(200.0, 640.0);
    egui::Panel::left("presenter_peer")
        .resizable(false)
        .exact_size(side)
        .frame(Frame::new().inner_margin(Margin::symmetric(12, 8)))
        .show(ui, |ui| {
            peer_ui(ui, state, palette, scenario, active, portraits)
        });
    let discussion = state.current_discussion();
    if discussion.is_none() {
        let max_options = ui.available_height() * 0.6;
        egui::Panel::bottom("presenter_options")
            .resizable(false)
            .frame(Frame::new().inner_margin(Margin::symmetric(12, 10)))
            .show(ui, |ui| {
                ScrollArea::vertical()
                    .id_salt("presenter_options_scroll")
                    .max_height(max_options)
                    .min_scrolled_height(max_options)
                    .show(ui, |ui| {
                        let mode = state.store.settings().typed_mode;
                        actions.extend(options_ui(ui, palette, scenario, active, mode));
                    });
            });
    }
    egui::CentralPanel::default()
        .frame(Frame::new().inner_margin(Margin::symmetric(12, 8)))
        .show(ui, |ui| match discussion {
            Some(d) => actions.extend(discussion_ui(ui, state, palette, scenario, active, d)),
            None => recent_ui(ui, palette, scenario, active),
        });
    actions
}

fn peer_ui(
    ui: &mut Ui,
    state: &AppState,
    palette: &Palette,
    scenario: &Scenario,
    active: &Active,
    portraits: &mut Portraits,
) {
    let conversation = &active.session.conversation;
    let ending = conversation.ending(scenario).map(|e| e.kind);
    let band = conversation.band();
    let note = ending
        .and_then(|kind| ending_note(scenario, kind, band, &conversation.current().disclosed));
    // At an ending the label and the face follow the ending, as in the
    // learner's peer panel, so the room never sees them disagree.
    let words = peer_words(&scenario.persona.name, band, ending, note.as_deref());
    let reduced = state.store.settings().reduced_motion;
    let index = Band::ALL.iter().position(|b| *b == words.face).unwrap_or(0) as f32;
    let openness = ui.ctx().animate_value_with_time(
        egui::Id::unique(("presenter_openness", active.session.id.as_str())),
        index,
        if reduced { 0.0 } else { 0.9 },
    );
    let size = ui.available_width().min(ui.available_height() * 0.62);
    ui.with_layout(Layout::top_down(Align::Center), |ui| {
        ui.add_space(8.0);
        let params = portraits.get(scenario.persona.portrait.as_deref());
        let label = format!(
            "Portrait of {}, {}",
            scenario.persona.name,
            words.face.label()
        );
        portrait::portrait_ui(ui, params, openness, size)
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
        ui.add_space(6.0);
        ui.label(RichText::new(&scenario.persona.name).font(theme::title_font(ui)));
        ui.label(RichText::new(&words.label).strong().color(palette.accent));
        ui.add_space(8.0);
        let trust = active.session.conversation.trust();
        if state.presenter.show_trust {
            ui.label(RichText::new(format!("Trust {trust} / 100")).strong());
            trust_bar_ui(ui, palette, trust).on_hover_text(format!("Trust {trust} out of 100"));
        } else {
            ui.label(
                RichText::new("Trust is hidden: T shows it")
                    .small()
                    .color(palette.muted),
            );
        }
    });
}

/// The last few lines of the conversation, in big type.
fn recent_ui(ui: &mut Ui, palette: &Palette, scenario: &Scenario, active: &Active) {
    let conversation = &active.session.conversation;
    let steps = conversation.steps();
    let turns = conversation.turns();
    let from = steps.len().saturating_sub(RECENT_STEPS);
    ScrollArea::vertical()
        .id_salt("presenter_recent")
        .auto_shrink([false, false])
        .stick_to_bottom(true)
        .show(ui, |ui| {
            ui.label(
                RichText::new(format!(
                    "{} \u{00B7} {} \u{00B7} turn {}",
                    scenario.title,
                    scenario.setting.place,
                    turns.len() + 1
                ))
                .small()
                .color(palette.muted),
            );
            if from > 0 {
                ui.label(
                    RichText::new("Earlier lines are in the debrief.")
                        .small()
                        .color(palette.muted),
                );
            }
            for (i, step) in steps.iter().enumerate().skip(from) {
                peer_said_ui(ui, palette, scenario, &step.line);
                if let Some(turn) = turns.get(i) {
                    bubble_ui(
                        ui,
                        palette,
                        &format!("You \u{00B7} turn {}", i + 1),
                        &turn.said,
                        true,
                    );
                }
            }
        });
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
        widgets::ending_card_ui(ui, palette, ending.kind, &ending.title, 3.0, |ui| {
            ui.horizontal_wrapped(|ui| {
                if ui
                    .button(RichText::new("Walk through the debrief").strong())
                    .clicked()
                {
                    actions.push(Action::Presenter(P::OpenWalkthrough));
                }
                ui.label(
                    RichText::new(format!("Next ({}) goes there too.", first_key_of(C::Next)))
                        .small()
                        .color(palette.muted),
                );
            });
        });
        return actions;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("What would you say?").font(theme::title_font(ui)));
        if ui
            .button(format!("Discuss ({})", keys_of(C::Discuss)))
            .clicked()
        {
            actions.push(Action::Presenter(P::OpenDiscussion));
        }
        ui.label(
            RichText::new(format!(
                "{} choose at once",
                first_keys_of(C::ChooseAtOnce, conversation.options(scenario).len())
            ))
            .small()
            .color(palette.muted),
        );
    });
    if mode.types() {
        let options = conversation.options(scenario);
        let typed = typed_reply_ui(ui, palette, &options, &active.typing, mode, "presenter");
        actions.extend(typed.into_iter().map(Action::Typed));
        return actions;
    }
    for (n, choice) in conversation.options(scenario).into_iter().enumerate() {
        if choice_button_ui(ui, palette, n + 1, &choice.text).clicked() {
            actions.push(Action::Choose(choice.id.clone()));
        }
        ui.add_space(2.0);
    }
    actions
}

/// The trust meter: the filled share on a visible track, outlined in the
/// text colour, so "38 / 100" has a scale in every theme.
fn trust_bar_ui(ui: &mut Ui, palette: &Palette, trust: i32) -> egui::Response {
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, 16.0), egui::Sense::hover());
    let share = trust.clamp(0, 100) as f32 / 100.0;
    let painter = ui.painter();
    let radius = 4.0;
    painter.rect_filled(rect, radius, palette.card);
    let filled =
        egui::Rect::from_min_size(rect.min, egui::vec2(rect.width() * share, rect.height()));
    painter.rect_filled(filled, radius, palette.accent);
    painter.rect_stroke(
        rect,
        radius,
        egui::Stroke::new(2.0, ui.visuals().text_color()),
        egui::StrokeKind::Inside,
    );
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::ProgressIndicator,
            true,
            format!("Trust {trust} out of 100"),
        )
    });
    response
}
