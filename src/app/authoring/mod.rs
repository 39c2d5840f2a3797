//! Tools for people writing scenarios: reloading dialogue files that
//! changed on disk, and watching the folders they live in.

/// Watching the user's dialogue folders (nothing to watch in a browser).
#[cfg_attr(target_arch = "wasm32", path = "watch_web.rs")]
pub mod watch;
