//! Tools for people writing scenarios: reloading dialogue files that
//! changed on disk, and watching the folders they live in.

/// Watching the user's dialogue folders.
pub mod watch;
