//! The problems screen: every error and warning in the dialogue files,
//! with its place, code and hint, whether the files are being watched,
//! and what the latest reloads did.

use eframe::egui::{self, RichText, ScrollArea, Ui};
use jiff::tz::TimeZone;

use crate::app::state::AppState;
use crate::app::state::action::Action;
use crate::app::state::authoring::{ReloadReport, Replay, WatchStatus};
use crate::app::state::catalogue::{Card, Problem};
use crate::app::state::screen::Screen;
use crate::app::widgets;
use crate::app::widgets::theme::{self, Palette};
use crate::library::Source;
use crate::text::count;

/// Reloads listed, newest first.
const SHOWN_RELOADS: usize = 8;

/// Errors and warnings in every listed file, counted.
pub fn problem_counts(state: &AppState) -> (usize, usize) {
    state
        .catalogue
        .listed()
        .flat_map(|(_, card)| card.problems())
        .fold(
            (0, 0),
            |(e, w), p| {
                if p.is_error { (e + 1, w) } else { (e, w + 1) }
            },
        )
}

/// The top bar's tab for this screen, when there is reason to show it:
/// watching is on, or a file of the user's own (or any file that failed
/// to load) has problems. Learners using the shipped scenarios never see it.
pub fn problems_tab(state: &AppState) -> Option<(String, String)> {
    let own_problems = state.catalogue.listed().any(|(_, c)| {
        matches!(c, Card::Broken(_))
            || (!c.problems().is_empty() && !matches!(c.source(), Source::Shipped(_)))
    });
    let watching = state.authoring.status != WatchStatus::Off;
    if !own_problems && !watching {
        return None;
    }
    let (errors, warnings) = problem_counts(state);
    let label = match (errors, warnings) {
        (0, 0) => "Problems".to_string(),
        (0, w) => format!("Problems: {}", count(w, "warning")),
        (e, _) => format!("Problems: {}", count(e, "error")),
    };
    let mut hint = format!(
        "{} and {} in the dialogue files",
        count(errors, "error"),
        count(warnings, "warning")
    );
    if let Some(last) = state.authoring.reloads.last() {
        hint.push_str(&format!("; last: {}", reload_summary(last)));
    }
    Some((label, hint))
}

pub fn problems_ui(ui: &mut Ui, state: &AppState, palette: &Palette) -> Vec<Action> {
    let mut actions = Vec::new();
    ScrollArea::vertical()
        .auto_shrink(false)
        .id_salt("problems")
        .show(ui, |ui| {
            widgets::centered_column(ui, 1100.0, |ui| {
                ui.add_space(12.0);
                ui.heading("Problems in the dialogue files");
                let (errors, warnings) = problem_counts(state);
                let files = state.catalogue.listed().count();
                let broken = state
                    .catalogue
                    .listed()
                    .filter(|(_, c)| matches!(c, Card::Broken(_)))
                    .count();
                ui.label(
                    RichText::new(format!(
                        "{} checked: {} could not load; {} and {} in all.",
                        count(files, "file"),
                        broken,
                        count(errors, "error"),
                        count(warnings, "warning"),
                    ))
                    .color(palette.muted),
                );
                ui.add_space(8.0);
                watch_ui(ui, state, palette, &mut actions);
                reloads_ui(ui, state, palette);
                files_ui(ui, state, palette);
                ui.add_space(16.0);
            });
        });
    actions
}

fn watch_ui(ui: &mut Ui, state: &AppState, palette: &Palette, actions: &mut Vec<Action>) {
    widgets::card_frame(palette).show(ui, |ui| {
        ui.set_width(ui.available_width());
        match &state.authoring.status {
            WatchStatus::Watching(roots) => {
                ui.label(
                    RichText::new("Watching for changes")
                        .strong()
                        .color(palette.good),
                );
                ui.label(
                    "Save a dialogue file and it is checked again at once: its card, this list \
                     and a conversation that uses it follow the edit.",
                );
                for root in roots {
                    ui.label(RichText::new(root.display().to_string()).monospace());
                }
                if roots.is_empty() {
                    ui.label(
                        RichText::new(
                            "No folder of your own is open. Add one with \
                             `attune --dialogues FOLDER`; the shipped scenarios are not watched.",
                        )
                        .color(palette.muted),
                    );
                }
            }
            WatchStatus::Starting => {
                ui.label(RichText::new("Starting to watch for changes…").strong());
            }
            WatchStatus::Failed(why) => {
                ui.label(RichText::new("Not watching").strong().color(palette.poor));
                ui.label(format!("Watching the files for changes failed: {why}."));
            }
            WatchStatus::Off => {
                ui.label(RichText::new("Not watching for changes").strong());
                ui.label(
                    "The files were checked when Attune started. To check them again each \
                     time you save, start Attune with `attune --watch`, or turn on reloading \
                     in the settings.",
                );
                if ui.button("Open the settings").clicked() {
                    actions.push(Action::Navigate(Screen::Settings));
                }
            }
        }
    });
    ui.add_space(8.0);
}

fn reloads_ui(ui: &mut Ui, state: &AppState, palette: &Palette) {
    let reloads = &state.authoring.reloads;
    if reloads.is_empty() {
        return;
    }
    ui.label(
        RichText::new("Latest reloads")
            .font(theme::title_font(ui))
            .strong(),
    );
    widgets::card_frame(palette).show(ui, |ui| {
        ui.set_width(ui.available_width());
        for report in reloads.iter().rev().take(SHOWN_RELOADS) {
            reload_line_ui(ui, report, palette);
        }
    });
    ui.add_space(8.0);
}

/// One reload in a line: when, which file, what came of it.
pub fn reload_summary(report: &ReloadReport) -> String {
    let status = if report.playable() {
        match report.warnings {
            0 => "checks clean".to_string(),
            n => format!("playable with {}", count(n, "warning")),
        }
    } else {
        format!("could not load: {}", count(report.errors, "error"))
    };
    let verb = if report.added { "added" } else { "reloaded" };
    format!("{} {verb}, {status}", report.file)
}

fn reload_line_ui(ui: &mut Ui, report: &ReloadReport, palette: &Palette) {
    let time = report
        .at
        .to_zoned(TimeZone::system())
        .strftime("%H:%M:%S")
        .to_string();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(time).monospace().color(palette.muted));
        ui.label(reload_summary(report));
    });
    let (text, colour) = match &report.replay {
        None => return,
        Some(Replay::Rebuilt { choices }) => (
            format!(
                "The conversation in progress was rebuilt in the new version by replaying {}.",
                count(*choices, "choice")
            ),
            palette.good,
        ),
        Some(Replay::Broke(at)) => (
            format!(
                "The conversation in progress could not follow the edit: {at}. It goes on with \
                 the version from before."
            ),
            palette.poor,
        ),
        Some(Replay::KeptOld) => (
            "The conversation in progress goes on with the version from before the edit."
                .to_string(),
            palette.fair,
        ),
    };
    ui.label(RichText::new(text).color(colour));
}

fn files_ui(ui: &mut Ui, state: &AppState, palette: &Palette) {
    let mut cards: Vec<&Card> = state.catalogue.listed().map(|(_, c)| c).collect();
    // Broken files first, then files with warnings, the user's own first.
    cards.sort_by_key(|c| {
        (
            !matches!(c, Card::Broken(_)),
            c.problems().is_empty(),
            matches!(c.source(), Source::Shipped(_)),
        )
    });
    let clean: Vec<String> = cards
        .iter()
        .filter(|c| c.problems().is_empty())
        .map(|c| c.source().display())
        .collect();
    for card in cards.iter().filter(|c| !c.problems().is_empty()) {
        file_ui(ui, card, palette);
        ui.add_space(8.0);
    }
    if !clean.is_empty() {
        ui.label(
            RichText::new("No problems")
                .font(theme::title_font(ui))
                .strong(),
        );
        ui.label(RichText::new(clean.join("  \u{00B7}  ")).color(palette.muted));
    }
}

fn file_ui(ui: &mut Ui, card: &Card, palette: &Palette) {
    let broken = matches!(card, Card::Broken(_));
    let frame = widgets::card_frame(palette);
    let frame = if broken {
        frame.stroke(egui::Stroke::new(2.0, palette.poor))
    } else {
        frame
    };
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(card.source().display())
                    .font(theme::title_font(ui))
                    .strong(),
            );
            if broken {
                ui.label(RichText::new("could not load").strong().color(palette.poor));
            } else {
                ui.label(RichText::new("playable").strong().color(palette.good));
            }
            if matches!(card.source(), Source::Shipped(_)) {
                ui.label(RichText::new("shipped with Attune").color(palette.muted));
            }
        });
        for problem in card.problems() {
            problem_ui(ui, problem, palette);
        }
    });
}

fn problem_ui(ui: &mut Ui, p: &Problem, palette: &Palette) {
    let (kind, colour) = if p.is_error {
        ("error", palette.poor)
    } else {
        ("warning", palette.fair)
    };
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        ui.add(
            egui::Label::new(RichText::new(format!("{}:{}:{}", p.file, p.line, p.col)).monospace())
                .selectable(true),
        );
        ui.label(
            RichText::new(format!("{kind}[{}]", p.code))
                .strong()
                .color(colour),
        );
    });
    ui.add(egui::Label::new(p.message.as_str()).selectable(true));
    if let Some(hint) = &p.hint {
        ui.label(RichText::new(format!("Hint: {hint}")).color(palette.muted));
    }
}
