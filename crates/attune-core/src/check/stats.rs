//! Figures about one scenario, for `attune stats`: its size, its paths, the
//! skills its options practise and how fair its options are.

use std::collections::BTreeMap;

use serde::Serialize;

use super::lints::{MAX_LONGEST_BEST_SHARE, longest_is_best};
use super::wording::long_options;
use crate::scenario::graph::{Graph, Paths, paths};
use crate::scenario::{EndingKind, Rating, Scenario};

#[derive(Clone, Debug, Serialize)]
pub struct Stats {
    pub id: String,
    pub title: String,
    /// Nodes where the learner chooses.
    pub decisions: usize,
    /// Options over all decisions.
    pub options: usize,
    pub endings: usize,
    /// Endings by kind, in the order opened up, guarded, withdrew.
    pub endings_by_kind: Vec<Count>,
    /// Branch nodes (no words; they route on trust, layers or visits).
    pub branches: usize,
    /// Words in every peer line variant and every option text.
    pub words: usize,
    pub paths: Paths,
    /// Decisions on the path that always takes a best option (seed 0).
    pub best_path: usize,
    /// How often each skill tag (as written in RON) appears on an option,
    /// most used first.
    pub skills: Vec<Count>,
    /// How many options carry each rating, best first.
    pub ratings: Vec<Count>,
    pub answer_tells: AnswerTells,
}

/// How many of one kind of thing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Count {
    pub name: String,
    pub count: usize,
}

/// The answer-tell figures the content lints judge by.
#[derive(Clone, Debug, Serialize)]
pub struct AnswerTells {
    /// Decisions whose best option is, alone, the longest.
    pub longest_is_best: usize,
    /// That as a share of all decisions, in percent (0 with no decisions).
    pub longest_is_best_percent: u32,
    /// The largest share the `longest-is-best` lint allows, in percent.
    pub longest_is_best_limit_percent: u32,
    /// Options far longer than their siblings (the `long-option` lint).
    pub long_options: usize,
    /// Decisions where the best option is written first. Options are
    /// shuffled when shown, so this is only a habit of the author's.
    pub best_written_first: usize,
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

pub fn stats(s: &Scenario) -> Stats {
    let decisions: Vec<_> = s.nodes.iter().filter(|n| !n.options.is_empty()).collect();
    let options = decisions.iter().map(|n| n.options.len()).sum();
    let kinds = [
        EndingKind::OpenedUp,
        EndingKind::Guarded,
        EndingKind::Withdrew,
    ];
    let endings_by_kind = kinds
        .iter()
        .map(|&k| {
            let n = s
                .nodes
                .iter()
                .filter(|n| n.ending.as_ref().is_some_and(|e| e.kind == k))
                .count();
            Count {
                name: k.as_str().to_string(),
                count: n,
            }
        })
        .collect();
    let words = s
        .nodes
        .iter()
        .map(|n| {
            n.lines.iter().map(|l| word_count(&l.text)).sum::<usize>()
                + n.options.iter().map(|o| word_count(&o.text)).sum::<usize>()
        })
        .sum();
    let mut skills: BTreeMap<String, usize> = BTreeMap::new();
    let mut ratings: BTreeMap<Rating, usize> = BTreeMap::new();
    for o in decisions.iter().flat_map(|n| &n.options) {
        for k in &o.skills {
            *skills.entry(k.code()).or_default() += 1;
        }
        *ratings.entry(o.rating).or_default() += 1;
    }
    let mut skills: Vec<Count> = skills
        .into_iter()
        .map(|(name, count)| Count { name, count })
        .collect();
    skills.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    let longest = longest_is_best(s);
    let percent = if decisions.is_empty() {
        0
    } else {
        (longest * 100 / decisions.len()) as u32
    };
    Stats {
        id: s.id.clone(),
        title: s.title.clone(),
        decisions: decisions.len(),
        options,
        endings: s.nodes.iter().filter(|n| n.is_ending()).count(),
        endings_by_kind,
        branches: s.nodes.iter().filter(|n| n.is_branch()).count(),
        words,
        paths: paths(&Graph::new(s)),
        best_path: crate::engine::best_path_len(s),
        skills,
        ratings: ratings
            .into_iter()
            .rev()
            .map(|(r, count)| Count {
                name: r.label().to_string(),
                count,
            })
            .collect(),
        answer_tells: AnswerTells {
            longest_is_best: longest,
            longest_is_best_percent: percent,
            longest_is_best_limit_percent: (MAX_LONGEST_BEST_SHARE * 100.0).round() as u32,
            long_options: long_options(s).len(),
            best_written_first: decisions
                .iter()
                .filter(|n| n.options.first().is_some_and(|o| o.rating == Rating::Best))
                .count(),
        },
    }
}
