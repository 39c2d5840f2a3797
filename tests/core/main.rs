//! Tests of the core: the scenario model, loading and validation, the
//! engine, the debrief and its report, skills and text. They use nothing
//! above the core (no app, store or command line, no `attune` binary), so
//! they can move with it to a package of its own.
//!
//! Every file they read is reached through `top_dir!` or a path below, all
//! in this file, so moving them means changing this file only.

/// The top-level package's folder, relative to the folder `cargo test` runs
/// these tests in (the package they belong to): empty while they belong to
/// the top-level package, `"../../"` from a package in `crates/`.
macro_rules! top_dir {
    () => {
        ""
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
#[path = "../shared/broken_cases.rs"]
mod broken_cases;
#[path = "../shared/chain.rs"]
mod chain;
#[path = "../../benches/support/generate.rs"]
mod generate;
#[path = "../shared/graphviz.rs"]
mod graphviz;

mod charset;
mod engine;
mod flow;
mod generated_scenarios;
mod graph;
mod lints;
mod reliability;
mod report;
mod scenarios;
mod stats;
mod tutorial_doc;
mod validator;
