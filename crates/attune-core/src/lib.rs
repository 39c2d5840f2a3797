//! Attune's core: everything that is not a window, a disk or a thread.
//!
//! The same core serves every front end (the desktop app, the command
//! line, the browser build), so it builds for `wasm32-unknown-unknown`
//! and never imports egui, reads a file, starts a thread or takes a lock.
//!
//! Data flows one way, and the modules stand in layers; a module imports
//! only from layers below its own (`tests/layers.rs` keeps it so):
//!
//! 1. [`text`] and [`skills`]: wording helpers and the skill vocabulary
//!    (OARS, MITI codes, Gordon's roadblocks, Carkhuff levels).
//! 2. [`scenario`]: the authored data model, parsing RON text with
//!    `file:line:col` diagnostics, and the shape of the dialogue graph.
//!    Beside it, [`classify`]: coding a typed reply offline (OARS/MITI
//!    codes, roadblocks) and ranking the options closest to it.
//! 3. [`engine`]: the pure conversation state machine and the peer model.
//! 4. [`check`]: validation and content lints. Some lints play the engine
//!    (the path of best choices, reachability with trust), so checking
//!    stands above it, and [`check::load_str`] is the whole pipeline from
//!    text to a checked scenario.
//! 5. [`debrief`]: per-choice explanations, skill metrics and the report.
//!    Beside it, [`typed`]: the typed-reply mode, vetting what was typed,
//!    and the typed turns' record and MITI counts.
//! 6. [`library`]: the catalogue of shipped and added scenarios.

pub mod check;
pub mod classify;
pub mod debrief;
pub mod engine;
pub mod library;
pub mod scenario;
pub mod skills;
pub mod text;
pub mod typed;
