//! Validation scaling: load and validate generated scenarios of 1,000,
//! 10,000 and 100,000 nodes from memory (parse, source map, validation and
//! lints, exactly what opening a file does after reading it), a bare `ron`
//! deserialisation of the same files to compare against (issue 22 holds
//! the check to at most twice that at 10,000 nodes), and one node with up
//! to 50,000 options.
//!
//! `cargo bench --bench validation`

#![allow(clippy::unwrap_used, clippy::expect_used)] // A bench that cannot set up stops with the reason.

#[path = "support/generate.rs"]
mod generate;

use std::hint::black_box;

use attune::check::load_bytes;
use attune::scenario::Scenario;
use attune::scenario::parse::{MAX_FILE_BYTES, ron_options};
use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn validation(c: &mut Criterion) {
    let mut group = c.benchmark_group("load_validate");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(20);
    for nodes in SIZES {
        let text = generated(nodes);
        assert!(
            text.len() as u64 <= MAX_FILE_BYTES,
            "{nodes} nodes take {} bytes, over the loader's limit",
            text.len()
        );
        let loaded = load_bytes("generated.ron", text.as_bytes());
        assert!(
            loaded.scenario.is_some(),
            "the generated scenario is valid: {:?}",
            loaded.diagnostics.first()
        );
        eprintln!(
            "{nodes} nodes: {:.1} MiB, {} diagnostics",
            text.len() as f64 / (1024.0 * 1024.0),
            loaded.diagnostics.len()
        );
        group.throughput(Throughput::Elements(nodes as u64));
        group.bench_with_input(BenchmarkId::from_parameter(nodes), &text, |b, text| {
            b.iter(|| black_box(load_bytes("generated.ron", text.as_bytes())));
        });
    }
    group.finish();
}

/// The file of `nodes` nodes both groups read.
fn generated(nodes: usize) -> String {
    generate::scenario(
        "generated",
        nodes - generate::FIXED_NODES,
        generate::Style::Compact,
    )
}

/// The same files through `ron` alone, with the loader's options: what
/// no check can go below.
fn bare_parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("bare_parse");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(20);
    for nodes in SIZES {
        let text = generated(nodes);
        group.throughput(Throughput::Elements(nodes as u64));
        group.bench_with_input(BenchmarkId::from_parameter(nodes), &text, |b, text| {
            b.iter(|| {
                let parsed: Result<Scenario, _> = ron_options().from_str(text);
                black_box(parsed.is_ok())
            });
        });
    }
    group.finish();
}

/// Checking one node with 1,000, 10,000 and 50,000 options: reported as
/// too many options, in time linear in the file (issue F3: it was
/// quadratic, 133 s for 40,000).
fn wide_node(c: &mut Criterion) {
    let mut group = c.benchmark_group("options_on_one_node");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    for options in [1_000, 10_000, 50_000] {
        let text = generate::wide(options);
        let loaded = load_bytes("wide.ron", text.as_bytes());
        assert!(
            loaded
                .diagnostics
                .iter()
                .any(|d| d.code == "too-many-options"),
            "{:?}",
            loaded.diagnostics.first()
        );
        group.throughput(Throughput::Elements(options as u64));
        group.bench_with_input(BenchmarkId::from_parameter(options), &text, |b, text| {
            b.iter(|| black_box(load_bytes("wide.ron", text.as_bytes())));
        });
    }
    group.finish();
}

criterion_group!(benches, validation, bare_parse, wide_node);
criterion_main!(benches);
