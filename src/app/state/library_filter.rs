//! What the library shows: a search and three filters (level, setting,
//! skill). Kept for the run only, never saved: a facilitator who opens
//! the app the next day sees every scenario, not yesterday's filter.

use super::catalogue::Playable;
use crate::scenario::{Difficulty, Medium};
use crate::skills::Skill;

/// The search words and the chosen filters; `None` means any.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LibraryFilter {
    /// Words to find in the title, the person, the place, the summary or
    /// the content notes, in any case; every word must be found.
    pub search: String,
    pub level: Option<Difficulty>,
    pub medium: Option<Medium>,
    pub skill: Option<Skill>,
}

/// A change to the library's search and filters.
#[derive(Clone, Debug, PartialEq)]
pub enum FilterAction {
    Search(String),
    Level(Option<Difficulty>),
    Medium(Option<Medium>),
    Skill(Option<Skill>),
    /// Back to every scenario.
    Clear,
    /// Put the keyboard in the search box (Ctrl+F or /).
    FocusSearch,
    /// The search box has taken the focus asked for.
    SearchFocused,
}

/// The library's view state: the filter and a pending focus request.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LibraryView {
    pub filter: LibraryFilter,
    /// The search box should take the keyboard focus on the next frame.
    pub focus_search: bool,
}

impl LibraryView {
    /// The one place the view changes; called from `AppState::apply`.
    pub fn apply(&mut self, action: FilterAction) {
        let f = &mut self.filter;
        match action {
            FilterAction::Search(text) => f.search = text,
            FilterAction::Level(level) => f.level = level,
            FilterAction::Medium(medium) => f.medium = medium,
            FilterAction::Skill(skill) => f.skill = skill,
            FilterAction::Clear => *f = LibraryFilter::default(),
            FilterAction::FocusSearch => self.focus_search = true,
            FilterAction::SearchFocused => self.focus_search = false,
        }
    }
}

impl LibraryFilter {
    /// True when every scenario is shown.
    pub fn is_clear(&self) -> bool {
        self.words().next().is_none()
            && self.level.is_none()
            && self.medium.is_none()
            && self.skill.is_none()
    }

    fn words(&self) -> impl Iterator<Item = String> + '_ {
        self.search.split_whitespace().map(str::to_lowercase)
    }

    /// True when the scenario passes every filter and has every word.
    pub fn matches(&self, p: &Playable) -> bool {
        let s = &p.scenario;
        if self.level.is_some_and(|l| l != s.level)
            || self.medium.is_some_and(|m| m != s.setting.medium)
            || self.skill.is_some_and(|k| !p.skills.contains(&k))
        {
            return false;
        }
        let mut text = format!(
            "{}\n{}\n{}\n{}",
            s.title, s.persona.name, s.setting.place, s.summary
        );
        for note in &s.content_notes {
            text.push('\n');
            text.push_str(note);
        }
        let text = text.to_lowercase();
        self.words().all(|w| text.contains(&w))
    }

    /// Why nothing matches, in words: "No scenario matches “loan” at the
    /// advanced level by phone."
    pub fn nothing_matches(&self) -> String {
        let mut parts = Vec::new();
        let search = self.search.trim();
        if !search.is_empty() {
            parts.push(format!("matches \u{201c}{search}\u{201d}"));
        }
        if let Some(level) = self.level {
            parts.push(format!("is at the {} level", level.label()));
        }
        if let Some(medium) = self.medium {
            parts.push(format!("is {}", medium_phrase(medium)));
        }
        if let Some(skill) = self.skill {
            parts.push(format!("practises {}", skill.label()));
        }
        match parts.split_last() {
            None => "There are no playable scenarios in the library.".to_string(),
            Some((last, [])) => format!("No scenario {last}."),
            Some((last, rest)) => format!("No scenario {} and {last}.", rest.join(", ")),
        }
    }
}

/// A medium as the empty state says it: "is by phone".
fn medium_phrase(medium: Medium) -> &'static str {
    match medium {
        Medium::InPerson => "in person",
        Medium::Chat => "an online chat",
        Medium::Phone => "a phone call",
        Medium::Group => "a group session",
    }
}

/// The short name of a medium on a filter button.
pub fn medium_short(medium: Medium) -> &'static str {
    match medium {
        Medium::InPerson => "In person",
        Medium::Chat => "Chat",
        Medium::Phone => "Phone",
        Medium::Group => "Group",
    }
}

/// Every medium, in the order the filter lists them.
pub const MEDIA: [Medium; 4] = [Medium::InPerson, Medium::Chat, Medium::Phone, Medium::Group];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_empty_state_names_every_filter_that_is_on() {
        let mut f = LibraryFilter::default();
        assert!(f.is_clear());
        f.search = "  loan ".into();
        assert_eq!(
            f.nothing_matches(),
            "No scenario matches \u{201c}loan\u{201d}."
        );
        f.level = Some(Difficulty::Advanced);
        f.medium = Some(Medium::Phone);
        f.skill = Some(Skill::WarmReferral);
        assert_eq!(
            f.nothing_matches(),
            "No scenario matches \u{201c}loan\u{201d}, is at the advanced level, is a phone \
             call and practises warm referral."
        );
        let mut view = LibraryView {
            filter: f,
            focus_search: false,
        };
        view.apply(FilterAction::Clear);
        assert!(view.filter.is_clear());
        view.apply(FilterAction::Search("   ".into()));
        assert!(view.filter.is_clear(), "spaces alone search for nothing");
    }
}
