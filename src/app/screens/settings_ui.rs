//! Settings: theme, text size, trust meter, coaching and motion. Changes
//! apply at once and are saved by the store.

use eframe::egui::{self, RichText, ScrollArea, Ui};

use crate::app::state::AppState;
use crate::app::state::action::Action;
use crate::app::widgets;
use crate::app::widgets::theme::{self, Palette};
use crate::store::{Feedback, Settings, Theme, TypedMode};

/// The text sizes offered, from a small laptop to the back of a classroom.
const TEXT_SCALES: [(f32, &str); 6] = [
    (0.85, "85%"),
    (1.0, "100%"),
    (1.25, "125%"),
    (1.5, "150%"),
    (2.0, "200%"),
    (2.5, "250%"),
];

/// The settings screen; returns the changed settings, if any.
pub fn settings_ui(ui: &mut Ui, state: &AppState, palette: &Palette) -> Vec<Action> {
    let original = state.store.settings();
    let mut settings = original.clone();
    ScrollArea::vertical()
        .auto_shrink(false)
        .id_salt("settings")
        .show(ui, |ui| {
            widgets::centered_column(ui, 860.0, |ui| {
                ui.add_space(12.0);
                ui.heading("Settings");
                ui.label(
                    RichText::new("Changes apply at once and are kept for next time.")
                        .color(palette.muted),
                );
                ui.add_space(8.0);
                theme_section_ui(ui, palette, &mut settings);
                text_size_section_ui(ui, palette, &mut settings);
                conversation_section_ui(ui, palette, &mut settings);
                motion_section_ui(ui, palette, &mut settings);
                authoring_section_ui(ui, palette, &mut settings);
                data_section_ui(ui, palette, state);
                ui.add_space(16.0);
            });
        });
    if &settings != original {
        vec![Action::UpdateSettings(settings)]
    } else {
        Vec::new()
    }
}

/// A small, muted line that explains a setting.
fn hint(text: &str, palette: &Palette) -> RichText {
    RichText::new(text).small().color(palette.muted)
}

/// Light, dark or high contrast.
fn theme_section_ui(ui: &mut Ui, palette: &Palette, settings: &mut Settings) {
    section(ui, palette, "Theme", |ui| {
        ui.horizontal_wrapped(|ui| {
            for theme in Theme::ALL {
                ui.radio_value(&mut settings.theme, theme, theme.label());
            }
        });
        ui.label(hint(
            "High contrast suits projectors and low vision.",
            palette,
        ));
    });
}

/// One button per text size, the current one selected.
fn text_size_section_ui(ui: &mut Ui, palette: &Palette, settings: &mut Settings) {
    section(ui, palette, "Text size", |ui| {
        ui.horizontal_wrapped(|ui| {
            for (scale, label) in TEXT_SCALES {
                let selected = (settings.text_scale - scale).abs() < 0.01;
                let response = ui.selectable_label(selected, label);
                response.widget_info(|| {
                    egui::WidgetInfo::selected(
                        egui::Role::Button,
                        true,
                        selected,
                        format!("Text size {label}"),
                    )
                });
                if response.clicked() {
                    settings.set_text_scale(scale);
                }
            }
        });
        ui.label(hint(
            "Ctrl and + or \u{2212} also zoom the whole window.",
            palette,
        ));
    });
}

/// The trust meter and when the coach gives feedback.
fn conversation_section_ui(ui: &mut Ui, palette: &Palette, settings: &mut Settings) {
    section(ui, palette, "During a conversation", |ui| {
        ui.checkbox(&mut settings.show_trust_meter, "Show the trust meter");
        ui.label(hint(
            "A number from 0 to 100 with the peer's openness in words.",
            palette,
        ));
        ui.add_space(6.0);
        ui.label("Coach feedback");
        ui.horizontal_wrapped(|ui| {
            for feedback in Feedback::ALL {
                ui.radio_value(&mut settings.feedback, feedback, feedback.label());
            }
        });
        ui.label(hint(
            "After each choice suits first practice; only at the end is closer \
             to a real conversation.",
            palette,
        ));
        ui.add_space(6.0);
        ui.label("How you answer");
        ui.horizontal_wrapped(|ui| {
            for mode in TypedMode::ALL {
                ui.radio_value(&mut settings.typed_mode, mode, mode.label());
            }
        });
        ui.label(hint(settings.typed_mode.explain(), palette));
        ui.label(hint(
            "Typed replies are coded on this computer; nothing you type is sent anywhere.",
            palette,
        ));
    });
}

/// Reduced motion.
fn motion_section_ui(ui: &mut Ui, palette: &Palette, settings: &mut Settings) {
    section(ui, palette, "Motion", |ui| {
        ui.checkbox(&mut settings.reduced_motion, "Reduce motion");
        ui.label(hint(
            "The portrait changes expression at once, without animating.",
            palette,
        ));
    });
}

/// Reloading dialogue files when they change.
fn authoring_section_ui(ui: &mut Ui, palette: &Palette, settings: &mut Settings) {
    section(ui, palette, "Writing scenarios", |ui| {
        ui.checkbox(
            &mut settings.watch_dialogues,
            "Reload dialogue files when they change",
        );
        ui.label(hint(
            "Each save of a file in your own folders is checked at once; the \
             Problems tab lists what it finds. The same as `attune --watch`.",
            palette,
        ));
    });
}

/// Where settings and history are kept, or that they cannot be saved.
fn data_section_ui(ui: &mut Ui, palette: &Palette, state: &AppState) {
    section(ui, palette, "Your data", |ui| match state.store.dir() {
        Some(dir) if state.store.can_save() => {
            ui.label("Settings and history are stored only on this computer, in");
            ui.label(RichText::new(dir.display().to_string()).monospace());
        }
        _ => {
            ui.label(
                "Settings and history cannot be saved on this computer right now; \
                 they are kept until Attune closes.",
            );
        }
    });
}

fn section(ui: &mut Ui, palette: &Palette, title: &str, add: impl FnOnce(&mut Ui)) {
    widgets::card_frame(palette).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(title).font(theme::title_font(ui)).strong());
        ui.add_space(2.0);
        add(ui);
    });
    ui.add_space(8.0);
}
