//! Tests of the command line as a user runs it: each runs the `attune`
//! binary. Most parts have a twin module in tests/core that tests the same
//! thing without the binary.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot set up stops with the reason.

// Shared with the `core` tests; paths relative to this file.
#[path = "../shared/broken_cases.rs"]
mod broken_cases;
#[path = "../shared/chain.rs"]
mod chain;
#[path = "../shared/graphviz.rs"]
mod graphviz;

mod authoring;
mod blocking;
mod classify;
mod command_line;
mod escapes;
mod flow;
mod graph;
mod reliability;
mod stats;
mod validator;
