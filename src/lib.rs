//! Attune: a role-play simulator for practising peer-support conversations.
//!
//! Data flows one way: authored files ([`scenario`]) are loaded and
//! validated, a pure [`engine`] plays them, and the [`debrief`] explains the
//! finished transcript. The CLI ([`cli`]) and the desktop app only drive the
//! engine and show its state.

pub mod app;
pub mod cli;
pub mod debrief;
pub mod engine;
pub mod scenario;
pub mod skills;
pub mod store;
pub mod text;
