//! The typed-reply box and the "I heard this as" panel, shared by the
//! conversation and presenter mode.

use eframe::egui::{self, Event, Id, Key, RichText, TextEdit, Ui};

use crate::check::charset::{is_supported, script_of};

use crate::app::state::action::TypedAction;
use crate::app::state::typing::Typing;
use crate::app::widgets::choice_button::choice_button_ui;
use crate::app::widgets::theme::{self, Palette};
use crate::app::widgets::{card_frame, tag_ui};
use crate::scenario::Choice;
use crate::typed::{Heard, Problem, TypedMode};

/// The reply box: Enter sends. The draft lives in egui's memory under
/// `salt`, so it survives a frame and is cleared once sent.
pub fn typed_box_ui(ui: &mut Ui, palette: &Palette, salt: &str) -> Vec<TypedAction> {
    let id = Id::unique(("typed_reply", salt));
    let mut draft: String = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    let mut actions = Vec::new();
    // Characters the fonts cannot draw never reach the box: they would be
    // drawn as empty boxes. The learner is told why instead.
    if let Some(script) = drop_undrawable(ui) {
        actions.push(TypedAction::CannotDraw(script));
    }
    ui.label(RichText::new("What would you say? Type it your way.").font(theme::title_font(ui)));
    let response = ui.add(
        TextEdit::singleline(&mut draft)
            .id_salt(("typed_reply_box", salt))
            .hint_text("Type your reply, then press Enter")
            .desired_width(f32::INFINITY),
    );
    let entered = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    ui.horizontal_wrapped(|ui| {
        let send = ui.button("Send").clicked();
        ui.label(
            RichText::new("Coded on this computer; nothing you type is sent anywhere.")
                .small()
                .color(palette.muted),
        );
        if entered || send {
            actions.push(TypedAction::Submit(draft.clone()));
            draft.clear();
        }
    });
    ui.data_mut(|d| d.insert_temp(id, draft));
    if actions.is_empty() && !response.has_focus() && ui.memory(|m| m.focused().is_none()) {
        response.request_focus();
    }
    actions
}

/// Removes characters the fonts cannot draw from this frame's typed and
/// pasted text; returns the script of the first one removed.
fn drop_undrawable(ui: &mut Ui) -> Option<String> {
    let mut found = None;
    ui.input_mut(|i| {
        for event in &mut i.events {
            if let Event::Text(text) | Event::Paste(text) = event
                && let Some(c) = text.chars().find(|c| !is_supported(*c))
            {
                found.get_or_insert_with(|| script_of(c).name.to_string());
                text.retain(is_supported);
            }
        }
    });
    found
}

/// A kind word about a reply that could not be coded.
pub fn problem_ui(ui: &mut Ui, palette: &Palette, problem: &Problem) {
    card_frame(palette).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(problem.message()).color(palette.notice));
    });
}

/// "I heard this as ..." with the confidence and the closest options,
/// closest first. In Type only mode the first is taken on Enter unless
/// the learner picks another; in Type first mode the learner picks.
pub fn heard_panel_ui(
    ui: &mut Ui,
    palette: &Palette,
    heard: &Heard,
    options: &[&Choice],
    mode: TypedMode,
) -> Vec<TypedAction> {
    let mut actions = Vec::new();
    card_frame(palette).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(format!("You typed: \u{201c}{}\u{201d}", heard.text)).italics());
        ui.label(RichText::new(heard.headline()).font(theme::title_font(ui)));
        ui.horizontal_wrapped(|ui| {
            tag_ui(ui, palette, heard.classification.family.name());
            let others: Vec<String> = heard
                .classification
                .alternatives
                .iter()
                .take(2)
                .map(|(code, p)| format!("{} {:.0}%", code.label(), p * 100.0))
                .collect();
            ui.label(
                RichText::new(format!("or perhaps: {}", others.join(", ")))
                    .small()
                    .color(palette.muted),
            );
        });
        ui.add_space(4.0);
        let prompt = match mode {
            TypedMode::TypeOnly => {
                "Going with the closest option. Press Enter, or pick the one you meant:"
            }
            _ => "Which of these is closest to what you meant? Closest first:",
        };
        ui.label(prompt);
        for (n, m) in heard.closest.iter().enumerate() {
            let Some(choice) = options.get(m.index) else {
                continue;
            };
            if choice_button_ui(ui, palette, n + 1, &choice.text).clicked() {
                actions.push(TypedAction::Confirm(m.index));
            }
            ui.add_space(2.0);
        }
        if mode == TypedMode::TypeOnly
            && ui.input(|i| i.key_pressed(Key::Enter))
            && let Some(first) = heard.nearest()
        {
            actions.push(TypedAction::Confirm(first));
        }
        if ui.button("Type it again").clicked() {
            actions.push(TypedAction::Retype);
        }
    });
    actions
}

/// Every option, for Type first mode once the reply was heard: the
/// learner may mean one that was not among the closest.
pub fn all_options_ui(ui: &mut Ui, palette: &Palette, options: &[&Choice]) -> Vec<TypedAction> {
    let mut actions = Vec::new();
    egui::CollapsingHeader::new("All the options")
        .id_salt("typed_all_options")
        .show(ui, |ui| {
            for (n, choice) in options.iter().enumerate() {
                if choice_button_ui(ui, palette, n + 1, &choice.text).clicked() {
                    actions.push(TypedAction::Confirm(n));
                }
                ui.add_space(2.0);
            }
        });
    actions
}

/// The reply box (with a kind word if the last reply could not be coded),
/// or what was heard with the closest options. `salt` keeps the
/// conversation's draft apart from the presenter's.
pub fn typed_reply_ui(
    ui: &mut Ui,
    palette: &Palette,
    options: &[&Choice],
    typing: &Typing,
    mode: TypedMode,
    salt: &str,
) -> Vec<TypedAction> {
    match &typing.heard {
        Some(heard) => {
            let mut actions = heard_panel_ui(ui, palette, heard, options, mode);
            if mode == TypedMode::TypeFirst {
                ui.add_space(4.0);
                actions.extend(all_options_ui(ui, palette, options));
            }
            actions
        }
        None => {
            let actions = typed_box_ui(ui, palette, salt);
            if let Some(problem) = &typing.problem {
                problem_ui(ui, palette, problem);
            }
            actions
        }
    }
}
