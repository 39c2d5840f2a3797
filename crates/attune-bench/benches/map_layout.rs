//! The scenario map's layout at 1,000, 10,000 and 100,000 nodes, for two
//! shapes: generated scenarios like the shipped ones, and a chain where
//! every node can lead to the one withdrawal ending (issue 22: that shape
//! made the layout grow with the square of its length).
//!
//! `cargo bench -p attune-bench --bench map_layout`

#![allow(clippy::unwrap_used, clippy::expect_used)] // A bench that cannot set up stops with the reason.

#[path = "../../../tests/shared/chain.rs"]
mod chain;
#[path = "support/generate.rs"]
mod generate;

use std::hint::black_box;

use attune::app::map::layout::Layout;
use attune::scenario::Scenario;
use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn loaded(text: &str) -> Scenario {
    attune::check::load_str("generated.ron", text)
        .scenario
        .expect("the generated scenario is valid")
}

fn layout(c: &mut Criterion) {
    let mut group = c.benchmark_group("map_layout");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    for nodes in SIZES {
        let shapes = [
            (
                "shipped_like",
                generate::scenario(
                    "generated",
                    nodes - generate::FIXED_NODES,
                    generate::Style::Compact,
                ),
            ),
            ("chain_to_one_ending", chain::chain_scenario(nodes)),
        ];
        for (shape, text) in shapes {
            let scenario = loaded(&text);
            group.throughput(Throughput::Elements(nodes as u64));
            group.bench_with_input(BenchmarkId::new(shape, nodes), &scenario, |b, s| {
                b.iter(|| black_box(Layout::new(s)));
            });
        }
    }
    group.finish();
}

criterion_group!(benches, layout);
criterion_main!(benches);
