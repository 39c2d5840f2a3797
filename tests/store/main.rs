//! Tests of what Attune keeps on disk and how it survives damage: settings,
//! history and resume files, atomic writes, concurrent writers, old
//! formats, and bounded runs of the fuzz targets.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot set up stops with the reason.

// The fuzz targets' checks; the path is relative to this file.
#[path = "../../fuzz/src/checks.rs"]
mod fuzz_checks;

mod blocking;
mod linear;
#[path = "../shared/lock_holder.rs"]
mod lock_holder;
mod reliability;
mod room;
#[path = "../shared/room_client.rs"]
mod room_client;
mod store;
mod strict;
mod unfinished;
mod worker;
