//! The authored scenario: its data model exactly as written in a
//! `dialogues/*.ron` file, reading it from text with `file:line:col`
//! diagnostics, and the shape of its dialogue graph.

pub mod diagnostic;
pub mod diagram;
pub mod graph;
mod model;
pub mod parse;
pub mod portraits;
pub mod scale;
pub mod source_map;
pub mod syntax;

pub use diagnostic::{Diagnostic, Severity};
pub use model::*;
