//! Writes a generated scenario to standard output, for the whole-process
//! scaling figures of `scripts/bench_scaling.sh` (docs/performance.md).
//!
//! `generate nodes N` — N nodes shaped like the shipped scenarios, in the
//! compact style, valid, whose best path visits every decision;
//! `generate options N` — one node offering N options (an error, reported
//! at that node).

#[path = "../benches/support/generate.rs"]
mod generate;

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (kind, n) = match args.as_slice() {
        [kind, n] => match n.parse::<usize>() {
            Ok(n) if n > generate::FIXED_NODES => (kind.as_str(), n),
            _ => return usage(),
        },
        _ => return usage(),
    };
    let text = match kind {
        "nodes" => generate::scenario(
            "generated",
            n - generate::FIXED_NODES,
            generate::Style::Compact,
        ),
        "options" => generate::wide(n),
        _ => return usage(),
    };
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("generate: cannot write: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: generate (nodes | options) N   (N > {})",
        generate::FIXED_NODES
    );
    ExitCode::from(2)
}
