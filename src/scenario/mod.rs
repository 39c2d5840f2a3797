//! The authored scenario: its data model, loading from RON, validation and
//! content lints, and the catalogue of shipped and user scenarios.

pub mod charset;
pub mod diagnostic;
pub mod diagram;
pub mod explore;
pub mod flow;
pub mod graph;
pub mod library;
pub mod lints;
pub mod load;
mod model;
pub mod source_map;
pub mod stats;
pub mod validate;
pub mod wording;

pub use diagnostic::{Diagnostic, Severity};
pub use load::{Loaded, load_bytes, load_file, load_str};
pub use model::*;
