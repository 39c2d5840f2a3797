//! Times each stage of checking a generated scenario once, in process: the
//! bare `ron` deserialisation, a scan for the source map (which the check
//! itself makes only to place a diagnostic), and the whole check. A
//! quick way to see where `attune check` spends its time; the figures in
//! docs/performance.md come from the criterion bench and the scaling
//! script, not from this.
//!
//! `cargo run -p attune-bench --release --example stages -- 10000`

#[path = "../benches/support/generate.rs"]
mod generate;

use std::hint::black_box;
use std::time::Instant;

use attune::scenario::Scenario;
use attune::scenario::parse::ron_options;
use attune::scenario::source_map::SourceMap;

fn main() {
    let nodes: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .filter(|&n| n > generate::FIXED_NODES)
        .unwrap_or(10_000);
    let text = generate::scenario(
        "generated",
        nodes - generate::FIXED_NODES,
        generate::Style::Compact,
    );
    for round in 0..3 {
        let t = Instant::now();
        let parsed: Result<Scenario, _> = ron_options().from_str(&text);
        let parse = t.elapsed();
        if let Err(e) = parsed {
            eprintln!("stages: the generated file does not parse: {e}");
            std::process::exit(1);
        }
        let t = Instant::now();
        black_box(SourceMap::scan(&text));
        let map = t.elapsed();
        let t = Instant::now();
        let loaded = attune::check::load_str("generated.ron", &text);
        let check = t.elapsed();
        println!(
            "round {round}: {nodes} nodes, parse {parse:.1?}, source map {map:.1?}, check {check:.1?} ({:.2}× parse, {} diagnostics)",
            check.as_secs_f64() / parse.as_secs_f64(),
            loaded.diagnostics.len()
        );
    }
}
