//! Engine throughput: random playthroughs of every shipped scenario, each
//! followed by its debrief, as a learner's session would end.
//!
//! `cargo bench --bench engine`

#![allow(clippy::unwrap_used, clippy::expect_used)] // A bench that cannot set up stops with the reason.

use std::hint::black_box;

use attune::debrief::Debrief;
use attune::engine::{Pick, play_out};
use attune::library::Library;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn engine(c: &mut Criterion) {
    let library = Library::shipped();
    let scenarios: Vec<_> = library.scenarios().collect();
    assert!(!scenarios.is_empty(), "the shipped scenarios load");
    let mut group = c.benchmark_group("playthrough_and_debrief");
    // One element is one playthrough plus debrief of every shipped scenario.
    group.throughput(Throughput::Elements(scenarios.len() as u64));
    let mut seed = 0_u64;
    group.bench_function("all_shipped_random", |b| {
        b.iter(|| {
            seed = seed.wrapping_add(1);
            for scenario in &scenarios {
                let conversation =
                    play_out(scenario, seed, &Pick::Random).expect("a shipped scenario plays");
                black_box(Debrief::build(scenario, &conversation));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, engine);
criterion_main!(benches);
