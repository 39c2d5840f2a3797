//! The fuzz targets' library: Attune's core (`attune-core`) plus the
//! store, compiled from the main crate's own source file, and the checks
//! the targets run.
//!
//! The store is included by path instead of depending on the `attune`
//! crate, so a fuzz build does not compile and instrument the whole GUI
//! stack (eframe, wgpu). `extern crate self as attune` lets the checks
//! name it `attune::…`, exactly as `tests/store/reliability.rs` does when
//! its binary includes `checks.rs`.

extern crate self as attune;

pub use attune_core::{check, debrief, engine, library, scenario, skills, text, typed};

#[path = "../../src/store/mod.rs"]
pub mod store;

mod checks;

pub use checks::*;
