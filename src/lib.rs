//! Attune: a role-play simulator for practising peer-support conversations.
//!
//! This crate holds the desktop front ends on top of [`attune_core`]: the
//! egui app ([`app`]), the command line ([`cli`]), the learner's data on
//! disk ([`store`]) and reading dialogue files ([`files`]). The core's
//! layers are re-exported under their own names.

pub use attune_core::{check, debrief, engine, library, skills, text};

pub mod app;
pub mod cli;
pub mod files;
pub mod store;

/// The authored scenario, with the paths it had before the core moved into
/// `attune-core`.
pub mod scenario {
    pub use crate::files::load_file;
    pub use attune_core::check::{
        Loaded, charset, explore, flow, lints, load_bytes, load_str, stats, validate, wording,
    };
    pub use attune_core::scenario::*;
    /// The catalogue of scenarios.
    pub mod library {
        pub use crate::files::ron_files;
        pub use attune_core::library::*;
    }
    /// Parsing limits.
    pub mod load {
        pub use attune_core::scenario::parse::MAX_FILE_BYTES;
    }
}
