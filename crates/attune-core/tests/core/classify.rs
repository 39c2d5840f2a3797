//! The reply classifier's corpus and shipped weights: the corpus is big,
//! balanced and apart from the shipped options, and the shipped model
//! meets the held-out targets on the fixed split.

use std::collections::{BTreeMap, BTreeSet};

use attune_core::classify::{Code, Family, Model, is_held_out};
use attune_core::library::Library;

const CORPUS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/",
    top_dir!(),
    "data/classifier/corpus.tsv"
));

fn corpus() -> Vec<(Code, &'static str)> {
    CORPUS
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (code, text) = l.split_once('\t').expect("code<TAB>text");
            (Code::parse(code).expect("a known code"), text.trim())
        })
        .collect()
}

/// Letters and digits only, lower case: two lines that differ only in
/// punctuation or case are the same line.
fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[test]
fn the_corpus_is_big_balanced_and_has_no_repeats() {
    let corpus = corpus();
    assert!(corpus.len() >= 3000, "{} lines", corpus.len());
    let mut per_code = BTreeMap::new();
    for (code, _) in &corpus {
        *per_code.entry(*code).or_insert(0) += 1;
    }
    for code in Code::ALL {
        let n = per_code.get(&code).copied().unwrap_or(0);
        assert!(n >= 100, "{} has only {n} lines", code.name());
    }
    let mut seen = BTreeSet::new();
    for (_, text) in &corpus {
        assert!(seen.insert(plain(text)), "repeated corpus line: {text}");
    }
}

#[test]
fn no_corpus_line_is_a_shipped_option() {
    let corpus: BTreeSet<String> = corpus().iter().map(|(_, t)| plain(t)).collect();
    let library = Library::shipped();
    let mut options = 0;
    for scenario in library.scenarios() {
        for node in &scenario.nodes {
            for choice in &node.options {
                options += 1;
                assert!(
                    !corpus.contains(&plain(&choice.text)),
                    "{}: option {:?} is in the corpus",
                    scenario.id,
                    choice.text
                );
            }
        }
    }
    assert!(options > 100, "the shipped options were found");
}

fn macro_f1(m: &[Vec<usize>]) -> f64 {
    let n = m.len();
    let mut total = 0.0;
    for k in 0..n {
        let tp = m[k][k] as f64;
        let predicted: usize = m.iter().map(|row| row[k]).sum();
        let actual: usize = m[k].iter().sum();
        if tp > 0.0 {
            let (p, r) = (tp / predicted as f64, tp / actual as f64);
            total += 2.0 * p * r / (p + r);
        }
    }
    total / n as f64
}

#[test]
fn the_shipped_model_meets_the_held_out_targets() {
    let model = Model::shipped();
    assert!(model.feature_count() > 1000, "the shipped weights loaded");
    let family = |f: Family| Family::ALL.iter().position(|g| *g == f).unwrap();
    let mut codes = vec![vec![0; Code::ALL.len()]; Code::ALL.len()];
    let mut families = vec![vec![0; 4]; 4];
    let mut held = 0;
    for (code, text) in corpus().into_iter().filter(|(_, t)| is_held_out(t)) {
        held += 1;
        let got = model.classify(text).expect("corpus lines are not blank");
        codes[code.index()][got.code.index()] += 1;
        families[family(code.family())][family(got.family)] += 1;
    }
    assert!(held >= 500, "{held} held-out lines");
    let (f_families, f_codes) = (macro_f1(&families), macro_f1(&codes));
    assert!(f_families >= 0.85, "four-family macro-F1 {f_families:.3}");
    assert!(f_codes >= 0.70, "all-code macro-F1 {f_codes:.3}");
}

#[test]
fn everyday_replies_get_the_family_a_trainer_would_give() {
    let cases = [
        (
            "What's been going on for you since the funeral?",
            Family::Question,
        ),
        (
            "Did you manage to see the doctor on Friday?",
            Family::Question,
        ),
        (
            "So you're worn out and nobody seems to notice.",
            Family::Reflection,
        ),
        ("Why don't you just join a gym?", Family::Input),
        ("Hiya, thanks for getting in touch.", Family::Other),
    ];
    for (text, want) in cases {
        let got = attune_core::classify::classify(text).expect("not blank");
        assert_eq!(got.family, want, "{text}: {got:?}");
    }
}

#[test]
fn an_option_typed_word_for_word_is_heard_as_that_option() {
    use attune_core::typed::hear;
    let library = Library::shipped();
    let model = Model::shipped();
    let (mut total, mut first) = (0, 0);
    for scenario in library.scenarios() {
        for node in scenario.nodes.iter().filter(|n| n.options.len() >= 3) {
            for (i, choice) in node.options.iter().enumerate() {
                let Ok(heard) = hear(model, &choice.text, &node.options) else {
                    continue; // a one-word or silent option
                };
                total += 1;
                assert!((2..=3).contains(&heard.closest.len()));
                if heard.nearest() == Some(i) {
                    first += 1;
                }
            }
        }
    }
    assert!(total > 100);
    // Wording carries most of it; the skill can pull a near-twin ahead.
    assert!(first * 10 >= total * 9, "{first} of {total} came first");
}

const PROBE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/",
    top_dir!(),
    "data/classifier/probe.tsv"
));

#[test]
fn fresh_utterances_outside_the_corpus_get_their_family() {
    let corpus: BTreeSet<String> = corpus().iter().map(|(_, t)| plain(t)).collect();
    let (mut right, mut total) = (0, 0);
    for line in PROBE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (family, text) = line.split_once('\t').expect("family<TAB>text");
        assert!(
            !corpus.contains(&plain(text)),
            "probe line in the corpus: {text}"
        );
        let got = attune_core::classify::classify(text).expect("not blank");
        total += 1;
        if got.family.name() == family {
            right += 1;
        }
    }
    assert_eq!(total, 80);
    assert!(
        right * 100 >= total * 85,
        "{right} of {total} families right"
    );
}
