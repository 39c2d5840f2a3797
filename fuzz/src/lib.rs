//! The fuzz targets' library: Attune's pure core (scenario, engine,
//! debrief, store), compiled from the main crate's own source files, plus
//! the checks the targets run.
//!
//! The core is included by path instead of depending on the `attune`
//! crate, so a fuzz build does not compile and instrument the whole GUI
//! stack (eframe, wgpu). `extern crate self as attune` lets the checks
//! name it `attune::…`, exactly as `tests/reliability.rs` does when it
//! includes `checks.rs`. `dialogues` is a link to the shipped scenarios.

extern crate self as attune;

#[path = "../../src/debrief/mod.rs"]
pub mod debrief;
#[path = "../../src/engine/mod.rs"]
pub mod engine;
#[path = "../../src/scenario/mod.rs"]
pub mod scenario;
#[path = "../../src/skills.rs"]
pub mod skills;
#[path = "../../src/store/mod.rs"]
pub mod store;
#[path = "../../src/text.rs"]
pub mod text;

mod checks;

pub use checks::*;
