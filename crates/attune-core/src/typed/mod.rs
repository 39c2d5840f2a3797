//! Typed replies: the learner says it their own way, the classifier codes
//! it, and the learner confirms or corrects which authored option they
//! meant. The peer only ever reacts to an authored option.
//!
//! This module holds the parts a front end needs and can test without a
//! window: the mode setting, vetting what was typed (with a kind word for
//! each problem), the per-turn record and the typed replies' MITI counts.

mod mode;
mod turn;
mod vet;

pub use mode::TypedMode;
pub use turn::{Heard, TypedTurn, hear, typed_metrics, with_article};
pub use vet::{MAX_CHARS, Problem, vet};
