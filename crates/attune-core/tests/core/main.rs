//! Tests of the core: the scenario model, loading and validation, the
//! engine, the debrief and its report, skills and text. They link only
//! the core, not the window toolkit, so they build and start quickly.
//!
//! Every file they read is reached through `top_dir!` or a path below, all
//! in this file, so moving them means changing this file only.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot set up stops with the reason.

/// The top-level package's folder, relative to the folder `cargo test` runs
/// these tests in (the package they belong to): empty while they belong to
/// the top-level package, `"../../"` from a package in `crates/`.
macro_rules! top_dir {
    () => {
        "../../"
    };
}

/// The path of a file or folder under tests/fixtures, as a `&'static str`.
macro_rules! fixture {
    ($name:literal) => {
        concat!(top_dir!(), "tests/fixtures/", $name)
    };
}

/// The smallest valid scenario (with its lints), built in.
const MINIMAL: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/",
    fixture!("valid-minimal.ron")
));

// Shared with the benches and the `cli` tests; paths relative to this file.
#[path = "../../../../tests/shared/broken_cases.rs"]
mod broken_cases;
#[path = "../../../../tests/shared/chain.rs"]
mod chain;
#[path = "../../../attune-bench/benches/support/generate.rs"]
mod generate;
#[path = "../../../../tests/shared/graphviz.rs"]
mod graphviz;

/// Reads and checks a dialogue file, as a front end does; the core itself
/// never touches the disk.
fn load_file(path: &std::path::Path) -> attune_core::check::Loaded {
    let display = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => attune_core::check::load_bytes(&display, &bytes),
        Err(e) => attune_core::check::Loaded::failed(attune_core::scenario::parse::file_error(
            &display,
            "io",
            format!("cannot open: {e}"),
        )),
    }
}

mod across;
mod charset;
mod classify;
mod disclosures;
mod engine;
mod flow;
mod follow_ups;
mod generated_scenarios;
mod graph;
mod lints;
mod reliability;
mod report;
mod scenarios;
mod stats;
mod tutorial_doc;
mod validator;
