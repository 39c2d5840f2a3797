//! The library as the app shows it: one card per dialogue file, with
//! everything a card needs computed once at load instead of every frame.

use std::collections::BTreeMap;

use crate::scenario::library::{Entry, Library, Source};
use crate::scenario::{Diagnostic, Scenario};
use crate::store::{BestOutcome, History};

/// A scenario that loaded and can be played.
#[derive(Debug)]
pub struct Playable {
    pub scenario: Scenario,
    /// Decisions on the path that always takes a best option.
    pub decisions: usize,
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
                let decisions = scenario.main_path_decisions();
                Card::Playable(Box::new(Playable {
                    scenario,
                    decisions,
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

/// Every card plus the learner's best ending per scenario.
#[derive(Debug, Default)]
pub struct Catalogue {
    pub cards: Vec<Card>,
    /// Best result so far, keyed by scenario id; refreshed from history.
    best: BTreeMap<String, BestOutcome>,
}

impl Catalogue {
    /// Takes the library apart into cards. Loading never fails as a whole:
    /// a broken file becomes a broken card.
    pub fn new(library: Library) -> Self {
        Catalogue {
            cards: library.entries.into_iter().map(Card::from_entry).collect(),
            best: BTreeMap::new(),
        }
    }

    /// The cards the library lists, with their indices: every card but
    /// the retired versions of reloaded files.
    pub fn listed(&self) -> impl Iterator<Item = (usize, &Card)> {
        self.cards
            .iter()
            .enumerate()
            .filter(|(_, c)| !matches!(c, Card::Playable(p) if p.retired))
    }

    /// The playable scenario at card `index`, if that card is playable.
    pub fn playable(&self, index: usize) -> Option<&Playable> {
        match self.cards.get(index) {
            Some(Card::Playable(p)) => Some(p.as_ref()),
            _ => None,
        }
    }

    pub fn scenario(&self, index: usize) -> Option<&Scenario> {
        self.playable(index).map(|p| &p.scenario)
    }

    /// The card of a scenario id. Later cards (user folders) win, as in
    /// [`Library::find`].
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.cards
            .iter()
            .rposition(|c| matches!(c, Card::Playable(p) if p.scenario.id == id && !p.retired))
    }

    /// The playable card loaded from the dialogue file `path`, for
    /// `attune --open FILE`.
    pub fn index_of_file(&self, path: &std::path::Path) -> Option<usize> {
        self.cards.iter().rposition(|c| {
            matches!(c, Card::Playable(p)
                if !p.retired && matches!(&p.source, Source::File(file) if file == path))
        })
    }

    pub fn best(&self, id: &str) -> Option<&BestOutcome> {
        self.best.get(id)
    }

    /// Recomputes the best results after the history changed.
    pub fn refresh_best(&mut self, history: &History) {
        self.best = history.best_outcomes();
    }
}
