//! Attune: a role-play simulator for practising peer-support conversations.
//!
//! This crate holds the desktop front ends on top of [`attune_core`]: the
//! egui app ([`app`]), the command line ([`cli`]), the learner's data on
//! disk ([`store`]) and reading dialogue files ([`files`]). The core's
//! layers are re-exported under their own names.

pub use attune_core::{check, classify, debrief, engine, library, scenario, skills, text, typed};

pub mod app;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod files;
pub mod room;
pub mod store;
/// Starting the app in a web page (the web build).
#[cfg(target_arch = "wasm32")]
pub mod web;
