//! The peer's side of the conversation screen: the portrait with its
//! openness in words, the optional trust meter and the coach's hint.

use eframe::egui::{self, Align, Label, Layout, ProgressBar, RichText, Stroke, Ui};

use crate::app::state::session::{Hint, Session};
use crate::app::widgets;
use crate::app::widgets::peer_words::peer_words;
use crate::app::widgets::portrait::{self, Portraits};
use crate::app::widgets::theme::{self, Palette};
use crate::debrief::ending_note;
use crate::scenario::{Band, Scenario};
use crate::store::{Feedback, Settings};

/// How long the portrait takes to change expression, in seconds.
const PORTRAIT_TRANSITION: f32 = 0.9;
/// The smallest the portrait gets to make room for the coach's hint.
const MIN_PORTRAIT: f32 = 120.0;

fn band_index(band: Band) -> f32 {
    Band::ALL.iter().position(|b| *b == band).unwrap_or(0) as f32
}

/// The peer's column: portrait, openness in words (at an ending, the
/// ending's kind: see [`peer_words`]), trust meter and hint.
///
/// `room` is the column's height. When the column ran over it on the last
/// frame (a long hint on a laptop screen), the portrait gives way by as
/// much, down to [`MIN_PORTRAIT`], so the hint is read whole rather than
/// cut off at the window's edge; it grows back when there is room again.
pub fn peer_panel_ui(
    ui: &mut Ui,
    palette: &Palette,
    settings: &Settings,
    scenario: &Scenario,
    session: &Session,
    portraits: &mut Portraits,
    room: f32,
) {
    let top = ui.cursor().top();
    let shrink_id = egui::Id::unique("peer_portrait_gives_way");
    let shrink: f32 = ui.data(|d| d.get_temp(shrink_id)).unwrap_or(0.0);
    let conversation = &session.conversation;
    let band = conversation.band();
    let ending = conversation.ending(scenario).map(|e| e.kind);
    let note = ending
        .and_then(|kind| ending_note(scenario, kind, band, &conversation.current().disclosed));
    let words = peer_words(&scenario.persona.name, band, ending, note.as_deref());
    let duration = if settings.reduced_motion {
        0.0
    } else {
        PORTRAIT_TRANSITION
    };
    let openness = ui.ctx().animate_value_with_time(
        egui::Id::unique(("openness", session.id.as_str())),
        band_index(words.face),
        duration,
    );
    let full = ui.available_width().min(340.0);
    let smallest = MIN_PORTRAIT.min(full);
    let size = (full - shrink).max(smallest);
    ui.add_space(8.0);
    ui.with_layout(Layout::top_down(Align::Center), |ui| {
        let params = portraits.get(scenario.persona.portrait.as_deref());
        let label = format!(
            "Portrait of {}, {}",
            scenario.persona.name,
            words.face.label()
        );
        portrait::portrait_ui(ui, params, openness, size)
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
        ui.add_space(4.0);
        ui.label(RichText::new(&scenario.persona.name).font(theme::title_font(ui)));
        ui.label(RichText::new(&words.label).strong().color(palette.accent));
        ui.label(
            RichText::new(&words.description)
                .small()
                .color(palette.muted),
        );
    });
    ui.add_space(10.0);
    if settings.show_trust_meter {
        trust_meter_ui(ui, palette, conversation.trust(), band);
        ui.add_space(10.0);
    }
    match settings.feedback {
        Feedback::AfterEachChoice => {
            if let Some(hint) = &session.hint {
                hint_ui(ui, palette, hint, settings.show_trust_meter);
            } else if conversation.turns().is_empty() {
                ui.label(
                    RichText::new("The coach will comment on each choice here.")
                        .small()
                        .color(palette.muted),
                );
            }
        }
        Feedback::OnlyAtEnd => {
            ui.label(
                RichText::new(
                    "Coach hints are saved for the debrief. You can change this in Settings.",
                )
                .small()
                .color(palette.muted),
            );
        }
    }
    // The portrait is square: taking the overflow off its side takes it
    // off the column's height, so this settles on the next frame.
    let over = ui.min_rect().bottom().max(ui.cursor().top()) - top - room;
    let wanted = (shrink + over).clamp(0.0, full - smallest);
    if (wanted - shrink).abs() > 0.5 {
        ui.data_mut(|d| d.insert_temp(shrink_id, wanted));
        ui.ctx().request_repaint();
    }
}

fn trust_meter_ui(ui: &mut Ui, palette: &Palette, trust: i32, band: Band) {
    // Each phrase is kept whole: at large text sizes the band moves to the
    // next line rather than "38 /" being split from "100".
    ui.horizontal_wrapped(|ui| {
        ui.add(Label::new(RichText::new(format!("Trust {trust} / 100")).strong()).extend());
        ui.add(
            Label::new(RichText::new(format!("({})", band.label())).color(palette.muted)).extend(),
        );
    });
    let fraction = (trust.clamp(0, 100) as f32) / 100.0;
    ui.add(
        ProgressBar::new(fraction)
            .desired_height(10.0)
            .fill(palette.accent)
            .corner_radius(5),
    )
    .on_hover_text(format!("Trust {trust} out of 100: {}", band.label()));
}

fn hint_ui(ui: &mut Ui, palette: &Palette, hint: &Hint, show_trust: bool) {
    widgets::card_frame(palette)
        .stroke(Stroke::new(
            1.5,
            widgets::rating_colour(palette, hint.rating),
        ))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new("Coach").small().strong().color(palette.muted));
            ui.label(RichText::new(capitalise(&hint.skill)).strong());
            ui.label(
                RichText::new(widgets::rating_text(hint.rating))
                    .color(widgets::rating_colour(palette, hint.rating)),
            );
            ui.label(&hint.why);
            if show_trust {
                ui.label(
                    RichText::new(format!("Trust {}", widgets::signed(hint.trust_change)))
                        .small()
                        .color(palette.muted),
                );
                if let Some(note) = &hint.near_top {
                    ui.label(RichText::new(note).small().color(palette.muted));
                }
            }
        });
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
