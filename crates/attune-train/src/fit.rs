//! Fitting the linear model with linfa's multinomial logistic regression.

use std::collections::BTreeMap;

use attune_core::classify::{Code, Model, features};
use linfa::Dataset;
use linfa::traits::Fit;
use linfa_logistic::MultiLogisticRegression;
use ndarray::{Array1, Array2};

use crate::corpus::Example;

/// A feature must appear in this many training lines to be kept: rarer
/// ones are mostly one line's quirks.
const MIN_LINES: usize = 2;
/// L2 penalty: strong enough that no single phrase decides a code.
const ALPHA: f64 = 0.02;
const MAX_ITERATIONS: u64 = 300;

/// The kept feature hashes, ascending.
fn vocabulary(train: &[&Example]) -> Vec<u32> {
    let mut lines_with: BTreeMap<u32, usize> = BTreeMap::new();
    for e in train {
        for h in features(&e.text) {
            *lines_with.entry(h).or_default() += 1;
        }
    }
    lines_with
        .into_iter()
        .filter(|(_, n)| *n >= MIN_LINES)
        .map(|(h, _)| h)
        .collect()
}

/// Trains on `train` and returns the model.
pub fn train(train: &[&Example]) -> Result<Model, String> {
    let classes = Code::ALL.len();
    for code in Code::ALL {
        if !train.iter().any(|e| e.code == code) {
            return Err(format!("no training line has the code {}", code.name()));
        }
    }
    let vocab = vocabulary(train);
    // A placeholder model with the vocabulary, to find each line's features
    // exactly as inference will.
    let lookup = Model::new(
        vocab.clone(),
        vec![0.0; vocab.len() * classes],
        vec![0.0; classes],
    )
    .map_err(|e| e.to_string())?;
    let mut x = Array2::<f64>::zeros((train.len(), vocab.len()));
    for (row, e) in train.iter().enumerate() {
        let known = lookup.known_features(&e.text);
        if known.is_empty() {
            continue;
        }
        #[allow(clippy::cast_precision_loss)]
        let value = 1.0 / (known.len() as f64).sqrt();
        for i in known {
            x[[row, i]] = value;
        }
    }
    let y: Array1<usize> = train.iter().map(|e| e.code.index()).collect();
    let dataset = Dataset::new(x, y);
    let fitted = MultiLogisticRegression::default()
        .alpha(ALPHA)
        .max_iterations(MAX_ITERATIONS)
        .fit(&dataset)
        .map_err(|e| format!("fitting failed: {e}"))?;
    if fitted.classes() != (0..classes).collect::<Vec<_>>() {
        return Err("the fitted classes are not the codes in order".to_string());
    }
    let params = fitted.params();
    #[allow(clippy::cast_possible_truncation)]
    let weights: Vec<f32> = params
        .rows()
        .into_iter()
        .flat_map(|r| r.to_vec())
        .map(|w| w as f32)
        .collect();
    #[allow(clippy::cast_possible_truncation)]
    let bias: Vec<f32> = fitted.intercept().iter().map(|b| *b as f32).collect();
    Model::new(vocab, weights, bias).map_err(|e| e.to_string())
}
