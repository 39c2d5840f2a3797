//! A word-based guesser: how well could a learner pick the best option by
//! its words alone, having seen the other scenarios? A multinomial naive
//! Bayes model over each option's words (and its "!" and "?") is trained,
//! best against the rest, on every scenario but one, then picks the
//! likeliest best option at each decision of the one left out. A library
//! whose best options the guesser finds far more often than chance has
//! answer tells in its wording.
//!
//! Hand-written rather than from a crate: the data are a few hundred short
//! texts, the maths is a dozen lines, and the core must build for wasm32
//! without pulling in a linear-algebra stack. Everything is counted in
//! sorted maps, so the score is the same on every run.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::scenario::{Choice, Rating, Scenario};
use crate::text::words;

/// Above this share of decisions guessed right, the library warns.
pub const GUESSER_LIMIT_PERCENT: f64 = 40.0;
/// Laplace smoothing for word counts.
const ALPHA: f64 = 1.0;
/// Scores closer than this are a tie.
const TIE: f64 = 1e-9;

/// The guesser's score on one scenario or a whole library.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Guess {
    pub id: String,
    /// Decisions with a best option and at least one other.
    pub decisions: usize,
    /// Decisions guessed right; a tie between options shares the credit.
    pub correct: f64,
    /// Decisions a blind pick would get right, on average.
    pub chance: f64,
}

impl Guess {
    pub fn percent(&self) -> f64 {
        share(self.correct, self.decisions)
    }

    pub fn chance_percent(&self) -> f64 {
        share(self.chance, self.decisions)
    }
}

fn share(part: f64, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part / whole as f64
    }
}

/// The library's score with one row per scenario, leaving each out in
/// turn. Tutorials are neither trained on nor scored: they are written to
/// be easy.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GuesserReport {
    pub library: Guess,
    pub scenarios: Vec<Guess>,
    pub limit_percent: f64,
}

impl GuesserReport {
    pub fn over_limit(&self) -> bool {
        self.library.percent() > self.limit_percent
    }
}

/// The tokens of an option: its words, plus "!" and "?" as tokens.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = words(text);
    out.extend(
        text.chars()
            .filter(|c| matches!(c, '!' | '?'))
            .map(String::from),
    );
    out
}

/// Word counts for the best options and for the rest.
#[derive(Default)]
struct Model {
    counts: [BTreeMap<String, f64>; 2],
    totals: [f64; 2],
    docs: [f64; 2],
    vocabulary: BTreeSet<String>,
}

impl Model {
    fn train<'a>(options: impl Iterator<Item = &'a Choice>) -> Self {
        let mut m = Model::default();
        for o in options {
            let class = usize::from(o.rating == Rating::Best);
            m.docs[class] += 1.0;
            for t in tokens(&o.text) {
                *m.counts[class].entry(t.clone()).or_default() += 1.0;
                m.totals[class] += 1.0;
                m.vocabulary.insert(t);
            }
        }
        m
    }

    /// Log-odds that an option is best. Words never seen in training are
    /// skipped.
    fn score(&self, text: &str) -> f64 {
        let v = self.vocabulary.len() as f64;
        let all = self.docs[0] + self.docs[1];
        let prior = |c: usize| ((self.docs[c] + ALPHA) / (all + 2.0 * ALPHA)).ln();
        let mut odds = prior(1) - prior(0);
        for t in tokens(text) {
            if !self.vocabulary.contains(&t) {
                continue;
            }
            let p = |c: usize| {
                let n = self.counts[c].get(&t).copied().unwrap_or(0.0);
                ((n + ALPHA) / (self.totals[c] + ALPHA * v)).ln()
            };
            odds += p(1) - p(0);
        }
        odds
    }
}

/// Scores one held-out scenario with a model trained on the others.
fn guess_one(model: &Model, s: &Scenario) -> Guess {
    let mut g = Guess {
        id: s.id.clone(),
        decisions: 0,
        correct: 0.0,
        chance: 0.0,
    };
    for node in &s.nodes {
        let best = node
            .options
            .iter()
            .filter(|o| o.rating == Rating::Best)
            .count();
        if best == 0 || best == node.options.len() {
            continue;
        }
        let scores: Vec<f64> = node.options.iter().map(|o| model.score(&o.text)).collect();
        let top = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let tied: Vec<&Choice> = node
            .options
            .iter()
            .zip(&scores)
            .filter(|(_, sc)| top - **sc <= TIE)
            .map(|(o, _)| o)
            .collect();
        let right = tied.iter().filter(|o| o.rating == Rating::Best).count();
        g.decisions += 1;
        g.correct += right as f64 / tied.len() as f64;
        g.chance += best as f64 / node.options.len() as f64;
    }
    g
}

/// Leave-one-scenario-out over the library's full scenarios. With fewer
/// than two there is nothing to train on and the report is empty.
pub fn guess(scenarios: &[&Scenario]) -> GuesserReport {
    let full: Vec<&Scenario> = scenarios.iter().copied().filter(|s| !s.tutorial).collect();
    let mut rows = Vec::new();
    if full.len() >= 2 {
        for (i, s) in full.iter().enumerate() {
            let others = full
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .flat_map(|(_, t)| t.nodes.iter().flat_map(|n| n.options.iter()));
            rows.push(guess_one(&Model::train(others), s));
        }
    }
    let library = Guess {
        id: "library".into(),
        decisions: rows.iter().map(|g| g.decisions).sum(),
        correct: rows.iter().map(|g| g.correct).sum(),
        chance: rows.iter().map(|g| g.chance).sum(),
    };
    GuesserReport {
        library,
        scenarios: rows,
        limit_percent: GUESSER_LIMIT_PERCENT,
    }
}
