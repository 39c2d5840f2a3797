//! The library as the app shows it: one card per dialogue file, with
//! everything a card needs computed once at load instead of every frame.

use std::collections::BTreeMap;

use crate::engine::{Pick, play_out};
use crate::library::{Entry, Library, Source};
use crate::scenario::{Diagnostic, Scenario};
use crate::skills::Skill;
use crate::store::{BestOutcome, History};

/// A scenario that loaded and can be played.
#[derive(Debug)]
pub struct Playable {
    pub scenario: Scenario,
    /// Decisions on the path that always takes a best option.
    pub decisions: usize,
    /// What the scenario practises, for the library's skill filter: every
    /// tag on the best path's options, roadblocks left out, in code order.
    pub skills: Vec<Skill>,
    /// Where the file came from; hot reload matches changed files by it.
    pub source: Source,
    /// The file's warnings, for the problems screen.
    pub problems: Vec<Problem>,
    /// An older version of a reloaded file, kept only while a
    /// conversation, debrief or map still uses it; not listed.
    pub retired: bool,
}

/// A file that failed to load: shown with its diagnostics, never started.
#[derive(Debug)]
pub struct Broken {
    /// How the file is named, e.g. `dialogues/relapse.ron`.
    pub file: String,
    /// Errors first, then warnings, each already formatted for display.
    pub problems: Vec<Problem>,
    pub source: Source,
}

/// One diagnostic, split into the parts a card shows.
#[derive(Clone, Debug)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub is_error: bool,
    /// The diagnostic's stable code, e.g. `dangling-goto`.
    pub code: &'static str,
    pub message: String,
    pub hint: Option<String>,
}

impl From<&Diagnostic> for Problem {
    fn from(d: &Diagnostic) -> Self {
        Problem {
            file: d.path.clone(),
            line: d.line,
            col: d.col,
            is_error: d.is_error(),
            code: d.code,
            message: d.message.clone(),
            hint: d.hint.clone(),
        }
    }
}

/// One card in the library.
#[derive(Debug)]
pub enum Card {
    /// Boxed: a scenario is large, a broken file's card is small.
    Playable(Box<Playable>),
    Broken(Broken),
}

impl Card {
    /// The card for one loaded file: playable when it has no errors.
    pub fn from_entry(entry: Entry) -> Card {
        let has_error = entry.diagnostics.iter().any(Diagnostic::is_error);
        let mut problems: Vec<Problem> = entry.diagnostics.iter().map(Problem::from).collect();
        problems.sort_by_key(|p| (!p.is_error, p.line, p.col));
        match entry.scenario {
            Some(scenario) if !has_error => {
                let (decisions, skills) = best_path(&scenario);
                Card::Playable(Box::new(Playable {
                    scenario,
                    decisions,
                    skills,
                    source: entry.source,
                    problems,
                    retired: false,
                }))
            }
            _ => Card::Broken(Broken {
                file: entry.source.display(),
                problems,
                source: entry.source,
            }),
        }
    }

    pub fn source(&self) -> &Source {
        match self {
            Card::Playable(p) => &p.source,
            Card::Broken(b) => &b.source,
        }
    }

    /// Errors first, then warnings.
    pub fn problems(&self) -> &[Problem] {
        match self {
            Card::Playable(p) => &p.problems,
            Card::Broken(b) => &b.problems,
        }
    }
}

/// The number of decisions on the path of best choices (seed 0), and the
/// skills its options are tagged with.
fn best_path(scenario: &Scenario) -> (usize, Vec<Skill>) {
    let Ok(conversation) = play_out(scenario, 0, &Pick::Best) else {
        return (0, Vec::new());
    };
    let mut skills: Vec<Skill> = conversation
        .turns()
        .iter()
        .filter_map(|t| {
            scenario
                .node(&t.node)?
                .options
                .iter()
                .find(|o| o.id == t.choice)
        })
        .flat_map(|o| o.skills.iter().copied())
        .filter(|s| !s.is_roadblock())
        .collect();
    skills.sort();
    skills.dedup();
    (conversation.turns().len(), skills)
}

/// Which card: an identity that lasts as long as the app runs. A position
/// in the library does not last (a reload adds files and keeps retired
/// copies of old versions), and neither name is unique: two files may hold
/// the same scenario id (a user folder shadows a shipped one), and a retired
/// copy shares its file and scenario id with the card that replaced it. The
/// catalogue gives ids out in the order cards arrive and never reuses one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CardId(u32);

#[cfg(test)]
impl CardId {
    /// An id for tests that need one without a catalogue.
    pub(crate) fn for_test(n: u32) -> CardId {
        CardId(n)
    }
}

/// Every card plus the learner's best ending per scenario.
#[derive(Debug, Default)]
pub struct Catalogue {
    /// In library order; retired copies at the end.
    cards: Vec<(CardId, Card)>,
    /// The id the next card gets.
    next: u32,
    /// Best result so far, keyed by scenario id; refreshed from history.
    best: BTreeMap<String, BestOutcome>,
}

impl Catalogue {
    /// Takes the library apart into cards. Loading never fails as a whole:
    /// a broken file becomes a broken card.
    pub fn new(library: Library) -> Self {
        let mut catalogue = Catalogue::default();
        for entry in library.entries {
            catalogue.push(Card::from_entry(entry));
        }
        catalogue
    }

    /// How many cards there are, retired copies included.
    pub fn len(&self) -> usize {
        self.cards.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cards.is_empty()
    }

    /// Every card in library order, retired copies included.
    pub fn all(&self) -> impl Iterator<Item = (CardId, &Card)> {
        self.cards.iter().map(|(id, c)| (*id, c))
    }

    /// The cards the library lists, with their ids: every card but the
    /// retired versions of reloaded files.
    pub fn listed(&self) -> impl Iterator<Item = (CardId, &Card)> {
        self.all()
            .filter(|(_, c)| !matches!(c, Card::Playable(p) if p.retired))
    }

    pub fn card(&self, id: CardId) -> Option<&Card> {
        self.cards.iter().find(|(i, _)| *i == id).map(|(_, c)| c)
    }

    /// The playable scenario of card `id`, if that card is playable.
    pub fn playable(&self, id: CardId) -> Option<&Playable> {
        match self.card(id) {
            Some(Card::Playable(p)) => Some(p.as_ref()),
            _ => None,
        }
    }

    pub fn scenario(&self, id: CardId) -> Option<&Scenario> {
        self.playable(id).map(|p| &p.scenario)
    }

    /// The card of a scenario id. Later cards (user folders) win, as in
    /// [`Library::find`].
    pub fn id_of(&self, scenario_id: &str) -> Option<CardId> {
        self.cards.iter().rev().find_map(|(id, c)| {
            matches!(c, Card::Playable(p) if p.scenario.id == scenario_id && !p.retired)
                .then_some(*id)
        })
    }

    /// The playable card loaded from the dialogue file `path`, for
    /// `attune --open FILE`.
    pub fn id_of_file(&self, path: &std::path::Path) -> Option<CardId> {
        self.cards.iter().rev().find_map(|(id, c)| {
            matches!(c, Card::Playable(p)
                if !p.retired && matches!(&p.source, Source::File(file) if file == path))
            .then_some(*id)
        })
    }

    /// Adds a card at the end and returns its new id.
    pub fn push(&mut self, card: Card) -> CardId {
        let id = CardId(self.next);
        self.next += 1;
        self.cards.push((id, card));
        id
    }

    /// Puts `card` in the place of card `id`, keeping the id, and returns
    /// the card it replaced.
    pub fn replace(&mut self, id: CardId, card: Card) -> Option<Card> {
        let (_, slot) = self.cards.iter_mut().find(|(i, _)| *i == id)?;
        Some(std::mem::replace(slot, card))
    }

    /// Takes card `id` out.
    pub fn remove(&mut self, id: CardId) -> Option<Card> {
        let at = self.cards.iter().position(|(i, _)| *i == id)?;
        Some(self.cards.remove(at).1)
    }

    /// The listed follow-ups offered after `scenario` ends at the node
    /// `ending`, by title.
    pub fn follow_ups(&self, scenario: &str, ending: &str) -> Vec<CardId> {
        let mut found: Vec<(String, CardId)> = self
            .listed()
            .filter_map(|(id, c)| match c {
                Card::Playable(p)
                    if p.scenario
                        .follows
                        .as_ref()
                        .is_some_and(|f| f.scenario == scenario && f.ending == ending)
                        && self.id_of(&p.scenario.id) == Some(id) =>
                {
                    Some((p.scenario.title.to_lowercase(), id))
                }
                _ => None,
            })
            .collect();
        found.sort();
        found.into_iter().map(|(_, id)| id).collect()
    }

    pub fn best(&self, id: &str) -> Option<&BestOutcome> {
        self.best.get(id)
    }

    /// Recomputes the best results after the history changed.
    pub fn refresh_best(&mut self, history: &History) {
        self.best = history.best_outcomes();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn broken(name: &str) -> Card {
        Card::from_entry(Entry {
            source: Source::Shipped(name.to_string()),
            scenario: None,
            diagnostics: Vec::new(),
        })
    }

    fn name(card: &Card) -> String {
        match card.source() {
            Source::Shipped(name) => name.clone(),
            Source::File(path) => path.display().to_string(),
        }
    }

    fn name_of(catalogue: &Catalogue, id: CardId) -> Option<String> {
        catalogue.card(id).map(name)
    }

    #[test]
    fn an_id_names_the_same_card_whatever_comes_and_goes() {
        let mut catalogue = Catalogue::default();
        let a = catalogue.push(broken("a.ron"));
        let b = catalogue.push(broken("b.ron"));
        assert_ne!(a, b);
        let old = catalogue.replace(a, broken("a2.ron"));
        assert_eq!(old.as_ref().map(name).as_deref(), Some("a.ron"));
        assert_eq!(name_of(&catalogue, a).as_deref(), Some("a2.ron"));
        assert!(catalogue.remove(a).is_some());
        let c = catalogue.push(broken("c.ron"));
        assert_ne!(c, a, "an id is never reused");
        assert_eq!(name_of(&catalogue, a), None);
        assert_eq!(name_of(&catalogue, b).as_deref(), Some("b.ron"));
        let order: Vec<CardId> = catalogue.all().map(|(id, _)| id).collect();
        assert_eq!(order, [b, c]);
    }
}
