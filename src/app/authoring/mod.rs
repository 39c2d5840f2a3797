//! Tools for people writing scenarios: reloading dialogue files that
//! changed on disk, and watching the folders they live in.

/// Reloading dialogue files that changed on disk.
pub mod reload;
/// Watching the user's dialogue folders.
pub mod watch;
