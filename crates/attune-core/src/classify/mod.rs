//! Coding a typed reply offline: which OARS/MITI move or roadblock it is,
//! and which of four families (question, reflection, input, other).
//!
//! A linear model over hashed word and character n-grams, trained by
//! `attune-train` on the project's own corpus and shipped as embedded
//! weights. No network, no files at run time; see docs/classifier.md.

mod code;
mod features;
mod matching;
mod model;

pub use code::{Code, Family};
pub use features::{FEATURES_VERSION, features, words};
pub use matching::{Match, closest_options, code_for_skill, rank_options, wording_similarity};
pub use model::{Classification, Model, ModelError};

/// Codes one utterance with the shipped model; `None` for blank text.
pub fn classify(text: &str) -> Option<Classification> {
    Model::shipped().classify(text)
}

/// Whether a corpus line belongs to the fixed held-out fifth that training
/// never sees: decided by a hash of its text alone, so adding lines never
/// moves old ones across the split.
pub fn is_held_out(text: &str) -> bool {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.trim().bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h % 5 == 0
}
