//! The library's search box and filters (level, setting, skill), the count
//! of what is shown, and the empty state that says why nothing matches.

use eframe::egui::{self, RichText, Ui};

use crate::app::commands::{CommandId, keys_of};
use crate::app::state::AppState;
use crate::app::state::action::Action;
use crate::app::state::catalogue::Card;
use crate::app::state::library_filter::{FilterAction as F, LibraryFilter, MEDIA, medium_short};
use crate::app::state::library_order::Shelves;
use crate::app::widgets;
use crate::app::widgets::theme::Palette;
use crate::scenario::Difficulty;
use crate::skills::Skill;

/// The search box and the filters, with the count; returns the changes.
pub fn filters_ui(
    ui: &mut Ui,
    state: &AppState,
    palette: &Palette,
    shelves: &Shelves,
) -> Vec<Action> {
    let mut out = Vec::new();
    let filter = &state.library.filter;
    let mut act = |a: F| out.push(Action::Library(a));
    ui.horizontal_wrapped(|ui| {
        let mut text = filter.search.clone();
        let hint = format!(
            "Search titles, people, topics ({})",
            keys_of(CommandId::FindScenario)
        );
        let label = ui.label(RichText::new("Search").strong());
        let width = (ui.available_width() * 0.45).clamp(220.0, 560.0);
        let mut output = egui::TextEdit::singleline(&mut text)
            .hint_text(hint)
            .desired_width(width)
            .show(ui);
        let search = egui::Response::clone(&output.response).labelled_by(label.id);
        if state.library.focus_search {
            // Ctrl+F or / selects the words there, so typing replaces them.
            search.request_focus();
            let all = egui::text::CCursorRange::select_all_str(&filter.search);
            output.state.cursor.set_char_range(Some(all));
            output.state.store(ui.ctx(), search.id);
            act(F::SearchFocused);
        }
        if search.changed() {
            act(F::Search(text));
        }
        ui.label(RichText::new(count_text(shelves)).strong());
        let clear = ui
            .add_enabled(!filter.is_clear(), egui::Button::new("Clear filters"))
            .on_hover_text("Show every scenario again");
        if clear.clicked() {
            act(F::Clear);
        }
    });
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Level").color(palette.muted));
        chip(ui, filter.level.is_none(), "Any level", || {
            act(F::Level(None))
        });
        for level in Difficulty::ALL {
            let on = filter.level == Some(level);
            chip(ui, on, level_title(level), || {
                act(F::Level((!on).then_some(level)))
            });
        }
        ui.add_space(12.0);
        ui.label(RichText::new("Setting").color(palette.muted));
        chip(ui, filter.medium.is_none(), "Any setting", || {
            act(F::Medium(None));
        });
        for medium in MEDIA {
            let on = filter.medium == Some(medium);
            chip(ui, on, medium_short(medium), || {
                act(F::Medium((!on).then_some(medium)));
            });
        }
        ui.add_space(12.0);
        // The label and its menu go to the next row together.
        let label = egui::WidgetText::from("Skill").into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Body,
        );
        let needed = label.size().x + SKILL_WIDTH + 2.0 * ui.spacing().item_spacing.x;
        if ui.available_size_before_wrap().x < needed {
            ui.end_row();
        }
        skill_ui(ui, state, palette, filter, &mut act);
    });
    out
}

/// The width of the skill menu.
const SKILL_WIDTH: f32 = 240.0;

/// "5 of 16 scenarios", or "16 scenarios" when all are shown.
pub fn count_text(shelves: &Shelves) -> String {
    let noun = if shelves.total == 1 {
        "scenario"
    } else {
        "scenarios"
    };
    if shelves.shown == shelves.total {
        format!("{} {noun}", shelves.total)
    } else {
        format!("{} of {} {noun}", shelves.shown, shelves.total)
    }
}

/// A level as a filter button and a shelf say it.
pub fn level_title(level: Difficulty) -> &'static str {
    match level {
        Difficulty::FirstSteps => "First steps",
        Difficulty::Core => "Core",
        Difficulty::Advanced => "Advanced",
    }
}

/// A toggle button; its words are its accessible name.
fn chip(ui: &mut Ui, on: bool, text: &str, mut clicked: impl FnMut()) {
    if ui.add(egui::Button::selectable(on, text)).clicked() {
        clicked();
    }
}

/// The skill menu: every skill some listed scenario practises.
fn skill_ui(
    ui: &mut Ui,
    state: &AppState,
    palette: &Palette,
    filter: &LibraryFilter,
    act: &mut impl FnMut(F),
) {
    let mut skills: Vec<Skill> = state
        .catalogue
        .listed()
        .filter_map(|(_, c)| match c {
            Card::Playable(p) => Some(p.skills.iter().copied()),
            Card::Broken(_) => None,
        })
        .flatten()
        .collect();
    skills.sort_by_key(|s| s.label());
    skills.dedup();
    ui.label(RichText::new("Skill").color(palette.muted));
    let shown = filter
        .skill
        .map_or_else(|| "Any skill".to_string(), Skill::label);
    let mut chosen = filter.skill;
    egui::ComboBox::from_id_salt("library_skill")
        .selected_text(shown)
        .width(SKILL_WIDTH)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut chosen, None, "Any skill");
            for skill in skills {
                ui.selectable_value(&mut chosen, Some(skill), skill.label());
            }
        })
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Skill practised"));
    if chosen != filter.skill {
        act(F::Skill(chosen));
    }
}

/// Shown instead of the cards when nothing matches: why, and a way out.
pub fn empty_ui(ui: &mut Ui, palette: &Palette, filter: &LibraryFilter) -> Vec<Action> {
    let mut out = Vec::new();
    widgets::card_frame(palette).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new("Nothing to show").strong());
        ui.label(filter.nothing_matches());
        ui.label(
            RichText::new("Try fewer words, or another level, setting or skill.")
                .color(palette.muted),
        );
        if ui.button("Clear filters and show every scenario").clicked() {
            out.push(Action::Library(F::Clear));
        }
    });
    out
}
