//! A trained linear model: its weights file, and coding one utterance.

use std::sync::OnceLock;

use thiserror::Error;

use super::code::{Code, Family};
use super::features::{FEATURES_VERSION, features};

/// The shipped weights, trained by `cargo run -p attune-train --release`
/// from `data/classifier/corpus.tsv` (docs/classifier.md).
static SHIPPED: &[u8] = include_bytes!("../../../../data/classifier/model.bin");

const MAGIC: &[u8; 4] = b"ATCL";
const FORMAT_VERSION: u32 = 1;

/// Why a weights file cannot be used.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("not an Attune classifier file")]
    NotAModel,
    #[error("classifier file format {0} is not {FORMAT_VERSION}")]
    Format(u32),
    #[error(
        "the classifier was trained on features version {0}, this build reads {FEATURES_VERSION}"
    )]
    Features(u32),
    #[error("the classifier has {0} classes, this build has {expected}", expected = Code::ALL.len())]
    Classes(u32),
    #[error("the classifier file is cut short")]
    Truncated,
    #[error("the classifier's feature list is not sorted")]
    Unsorted,
}

/// A multinomial logistic regression over hashed features: one weight per
/// (feature, code) and one bias per code.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// The known feature hashes, ascending.
    hashes: Vec<u32>,
    /// `hashes.len() * classes` weights, a feature's row together.
    weights: Vec<f32>,
    bias: Vec<f32>,
}

/// What the classifier made of one utterance.
#[derive(Clone, Debug, PartialEq)]
pub struct Classification {
    pub code: Code,
    pub family: Family,
    /// The chosen code's probability, 0 to 1.
    pub confidence: f32,
    /// The chosen family's probability: its codes' probabilities added.
    pub family_confidence: f32,
    /// The runners-up, most likely first, with their probabilities.
    pub alternatives: Vec<(Code, f32)>,
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl Reader<'_> {
    fn take4(&mut self) -> Result<[u8; 4], ModelError> {
        let (head, rest) = self
            .bytes
            .split_first_chunk::<4>()
            .ok_or(ModelError::Truncated)?;
        self.bytes = rest;
        Ok(*head)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        self.take4().map(u32::from_le_bytes)
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        self.take4().map(f32::from_le_bytes)
    }
}

impl Model {
    /// The model built into Attune, read once.
    pub fn shipped() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| {
            // The shipped file is checked by a test; an empty model codes
            // everything as its bias would rather than failing the app.
            Model::from_bytes(SHIPPED).unwrap_or_else(|_| Model::empty())
        })
    }

    /// A model that knows no features.
    pub fn empty() -> Model {
        Model {
            hashes: Vec::new(),
            weights: Vec::new(),
            bias: vec![0.0; Code::ALL.len()],
        }
    }

    /// The shipped weights file's bytes, for tools that compare a retrained
    /// model with it.
    pub fn shipped_bytes() -> &'static [u8] {
        SHIPPED
    }

    /// Builds a model from its parts: feature hashes ascending, a row of
    /// weights per feature, one bias per code.
    pub fn new(hashes: Vec<u32>, weights: Vec<f32>, bias: Vec<f32>) -> Result<Model, ModelError> {
        let classes = Code::ALL.len();
        if bias.len() != classes {
            return Err(ModelError::Classes(
                u32::try_from(bias.len()).unwrap_or(u32::MAX),
            ));
        }
        if weights.len() != hashes.len() * classes {
            return Err(ModelError::Truncated);
        }
        if !hashes.windows(2).all(|w| w[0] < w[1]) {
            return Err(ModelError::Unsorted);
        }
        Ok(Model {
            hashes,
            weights,
            bias,
        })
    }

    /// Reads a weights file written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes };
        if &r.take4()? != MAGIC {
            return Err(ModelError::NotAModel);
        }
        let format = r.u32()?;
        if format != FORMAT_VERSION {
            return Err(ModelError::Format(format));
        }
        let feature_version = r.u32()?;
        if feature_version != FEATURES_VERSION {
            return Err(ModelError::Features(feature_version));
        }
        let classes = r.u32()?;
        if usize::try_from(classes).ok() != Some(Code::ALL.len()) {
            return Err(ModelError::Classes(classes));
        }
        let n = usize::try_from(r.u32()?).map_err(|_| ModelError::Truncated)?;
        let classes = Code::ALL.len();
        // Each feature takes 4 bytes of hash and 4 per class.
        if r.bytes.len() < n.saturating_mul(4 * (classes + 1)) {
            return Err(ModelError::Truncated);
        }
        let hashes = (0..n).map(|_| r.u32()).collect::<Result<Vec<_>, _>>()?;
        let weights = (0..n * classes)
            .map(|_| r.f32())
            .collect::<Result<Vec<_>, _>>()?;
        let bias = (0..classes)
            .map(|_| r.f32())
            .collect::<Result<Vec<_>, _>>()?;
        Model::new(hashes, weights, bias)
    }

    /// The weights file: little-endian, the same bytes on every machine.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(20 + 4 * (self.hashes.len() + self.weights.len() + 32));
        out.extend_from_slice(MAGIC);
        for n in [
            FORMAT_VERSION,
            FEATURES_VERSION,
            u32::try_from(Code::ALL.len()).unwrap_or(u32::MAX),
            u32::try_from(self.hashes.len()).unwrap_or(u32::MAX),
        ] {
            out.extend_from_slice(&n.to_le_bytes());
        }
        for h in &self.hashes {
            out.extend_from_slice(&h.to_le_bytes());
        }
        for w in self.weights.iter().chain(&self.bias) {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// How many features the model knows.
    pub fn feature_count(&self) -> usize {
        self.hashes.len()
    }

    /// The indices of the model's features present in `text`: the input
    /// the trainer builds its rows from too.
    pub fn known_features(&self, text: &str) -> Vec<usize> {
        features(text)
            .into_iter()
            .filter_map(|h| self.hashes.binary_search(&h).ok())
            .collect()
    }

    /// Each code's probability for `text`, in [`Code::ALL`] order.
    pub fn probabilities(&self, text: &str) -> Vec<f32> {
        let classes = Code::ALL.len();
        let known = self.known_features(text);
        let mut scores = self.bias.clone();
        if !known.is_empty() {
            // Present features share one unit of length (L2 norm 1).
            #[allow(clippy::cast_precision_loss)]
            let value = 1.0 / (known.len() as f32).sqrt();
            for i in known {
                let row = &self.weights[i * classes..(i + 1) * classes];
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += w * value;
                }
            }
        }
        softmax(&mut scores);
        scores
    }

    /// Codes one utterance. Blank text has no code. The family is the one
    /// whose codes are likeliest together; the code is the likeliest in it.
    pub fn classify(&self, text: &str) -> Option<Classification> {
        if text.trim().is_empty() {
            return None;
        }
        let probs = self.probabilities(text);
        let mut ranked: Vec<(Code, f32)> = Code::ALL.into_iter().zip(probs).collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let family_p = |f: Family| -> f32 {
            ranked
                .iter()
                .filter(|(c, _)| c.family() == f)
                .map(|(_, p)| p)
                .sum()
        };
        let (family, family_confidence) = Family::ALL.into_iter().map(|f| (f, family_p(f))).fold(
            (Family::Other, f32::MIN),
            |best, next| {
                if next.1 > best.1 { next } else { best }
            },
        );
        let at = ranked
            .iter()
            .position(|(c, _)| c.family() == family)
            .unwrap_or(0);
        let (code, confidence) = ranked.remove(at);
        ranked.truncate(3);
        Some(Classification {
            code,
            family,
            confidence,
            family_confidence,
            alternatives: ranked,
        })
    }
}

fn softmax(scores: &mut [f32]) {
    let max = scores.iter().copied().fold(f32::MIN, f32::max);
    let mut total = 0.0;
    for s in scores.iter_mut() {
        *s = (*s - max).exp();
        total += *s;
    }
    if total > 0.0 {
        for s in scores.iter_mut() {
            *s /= total;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_weights_load() {
        let model = Model::from_bytes(Model::shipped_bytes());
        assert!(model.is_ok(), "{model:?}");
    }

    #[test]
    fn bytes_round_trip() {
        let classes = Code::ALL.len();
        let model = Model::new(
            vec![3, 9],
            (0..2 * classes).map(|i| i as f32 / 10.0).collect(),
            vec![0.5; classes],
        )
        .unwrap_or_else(|_| Model::empty());
        assert_eq!(model.feature_count(), 2);
        assert_eq!(Model::from_bytes(&model.to_bytes()), Ok(model));
    }

    #[test]
    fn broken_files_are_refused() {
        assert_eq!(Model::from_bytes(b"nope"), Err(ModelError::NotAModel));
        let mut bytes = Model::empty().to_bytes();
        bytes.truncate(bytes.len() - 3);
        assert_eq!(Model::from_bytes(&bytes), Err(ModelError::Truncated));
        assert_eq!(
            Model::new(vec![5, 2], vec![0.0; 46], vec![0.0; 23]),
            Err(ModelError::Unsorted)
        );
    }

    #[test]
    fn blank_text_has_no_code_and_probabilities_add_up() {
        let model = Model::shipped();
        assert_eq!(model.classify("   "), None);
        let total: f32 = model.probabilities("how are you").iter().sum();
        assert!((total - 1.0).abs() < 1e-4);
        let c = model
            .classify("how are you")
            .unwrap_or_else(|| unreachable!());
        assert_eq!(c.alternatives.len(), 3);
        assert_eq!(c.code.family(), c.family);
    }
}
