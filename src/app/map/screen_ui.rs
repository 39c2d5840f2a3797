//! The map screen: a header with the way back and a line about the
//! learner's path, around the map itself.

use eframe::egui::{RichText, Ui};

use super::map_ui::map_ui;
use crate::app::commands::{CommandId, keys_of};
use crate::app::state::AppState;
use crate::app::state::action::Action;
use crate::app::state::catalogue::CardId;
use crate::app::state::map::path::MapPath;
use crate::app::state::map::reveal::Reveal;
use crate::app::state::screen::Screen;
use crate::app::widgets::theme::Palette;
use crate::engine::Conversation;
use crate::scenario::Scenario;
use crate::store::Feedback;
use crate::text::count;

/// The map screen: a header with the way back, then the map of the card
/// in [`AppState::map`] with the path of the conversation it came from.
pub fn map_screen_ui(ui: &mut Ui, state: &AppState, palette: &Palette) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(map) = &state.map else {
        ui.label("No map is open. Open one from a scenario's card, its briefing or a debrief.");
        return actions;
    };
    let back = back_label(map.from);
    let scenario = state.catalogue.scenario(map.card);
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        let hint = format!("Or press {}", keys_of(CommandId::Map));
        if ui.button(back).on_hover_text(hint).clicked() {
            actions.push(Action::CloseMap);
        }
        match scenario {
            Some(s) => {
                ui.heading(format!("Map of {}", crate::text::quoted(&s.title)));
            }
            None => {
                ui.heading("Scenario map");
            }
        }
    });
    let Some(scenario) = scenario else {
        ui.label(
            "This scenario's file has errors since it was last changed, so its map cannot be \
             drawn. Fix the file and it reloads by itself.",
        );
        if ui.button("See the problems").clicked() {
            actions.push(Action::Navigate(Screen::Problems));
        }
        return actions;
    };
    let conversation = conversation_for(state, map.card, map.from);
    let path = conversation.map(MapPath::of).unwrap_or_default();
    let ended = conversation.is_some_and(|c| c.is_finished(scenario));
    let reveal = Reveal {
        answers: map.show_answers || ended,
        own_ratings: state.store.settings().feedback == Feedback::AfterEachChoice,
        ids: map.show_ids,
    };
    ui.label(
        RichText::new(path_summary(&path, scenario, reveal.ids))
            .small()
            .color(palette.muted),
    );
    if !reveal.answers {
        ui.label(
            RichText::new(
                "Ratings, effects and what comes later stay hidden until the conversation \
                 ends. Authors and facilitators can show the answers.",
            )
            .small()
            .color(palette.muted),
        );
    }
    ui.add_space(4.0);
    actions.extend(map_ui(ui, map, scenario, &path, reveal, palette));
    actions
}

/// The words on the way back from the map.
fn back_label(from: Screen) -> &'static str {
    match from {
        Screen::Conversation => "Back to the conversation",
        Screen::Debrief => "Back to the debrief",
        Screen::Briefing => "Back to the briefing",
        Screen::Problems => "Back to the problems",
        _ => "Back to the library",
    }
}

/// The conversation shown on a card's map: the debriefed one when the
/// map was opened from the debrief, else the one in progress, whichever
/// belongs to this card.
fn conversation_for(state: &AppState, card: CardId, from: Screen) -> Option<&Conversation> {
    let active = state
        .active
        .as_ref()
        .filter(|a| a.card == card)
        .map(|a| &a.session.conversation);
    let review = state
        .review
        .as_ref()
        .filter(|r| r.card == card)
        .map(|r| &r.conversation);
    if from == Screen::Debrief {
        review.or(active)
    } else {
        active.or(review)
    }
}

/// One line on the path: how many choices, and where it stands, in the
/// numbers the map's badges use (a decision's number is the count of
/// choices before it, plus one).
fn path_summary(path: &MapPath, scenario: &Scenario, ids: bool) -> String {
    if path.is_empty() {
        return "No conversation on this scenario yet: play it, and your path shows here."
            .to_string();
    }
    let choices = path.choices();
    let at = path.stands.last().map_or("", |s| s.node.as_str());
    let ending = scenario.node(at).and_then(|n| n.ending.as_ref());
    let id = if ids {
        format!(" (\u{201c}{at}\u{201d})")
    } else {
        String::new()
    };
    let so_far = count(choices, "choice");
    match ending {
        Some(ending) => format!(
            "Your path is drawn thick, with the decision numbers: {so_far}, then the ending \
             \u{201c}{}\u{201d}{id}.",
            ending.title
        ),
        None => format!(
            "Your path is drawn thick, with the decision numbers: {so_far} so far, now at \
             decision {}{id}.",
            choices + 1
        ),
    }
}
