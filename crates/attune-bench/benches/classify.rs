//! The reply classifier's speed: utterances a second through the model and
//! through `attune classify`, one utterance's latency, and loading the
//! weights. Targets (issue 18): >= 2,000 a second through the command,
//! < 1 ms for one utterance, < 20 ms to load.
//!
//! `cargo build --release && cargo bench -p attune-bench --bench classify`
//! (the command's throughput needs the release `attune` built first; it
//! is skipped with a note when it is not there).

#![allow(clippy::unwrap_used, clippy::expect_used)] // A bench that cannot set up stops with the reason.

use std::hint::black_box;
use std::io::Write;
use std::process::{Command, Stdio};

use attune::classify::Model;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const CORPUS: &str = include_str!("../../../data/classifier/corpus.tsv");

fn utterances() -> Vec<&'static str> {
    CORPUS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t').map(|(_, t)| t))
        .collect()
}

fn classify(c: &mut Criterion) {
    let lines = utterances();
    let model = Model::shipped();
    let mut group = c.benchmark_group("classify");
    group.throughput(Throughput::Elements(lines.len() as u64));
    group.bench_function("corpus_in_process", |b| {
        b.iter(|| {
            for line in &lines {
                black_box(model.classify(line));
            }
        });
    });
    let input = lines.join("\n") + "\n";
    group.sample_size(10);
    match attune_binary() {
        Some(attune) => {
            group.bench_function("corpus_through_attune_classify", |b| {
                b.iter(|| {
                    let mut child = Command::new(&attune)
                        .args(["classify", "--format", "json"])
                        .stdin(Stdio::piped())
                        .stdout(Stdio::piped())
                        .spawn()
                        .unwrap();
                    let mut stdin = child.stdin.take().unwrap();
                    let feed = input.clone();
                    let writer = std::thread::spawn(move || stdin.write_all(feed.as_bytes()));
                    let out = child.wait_with_output().unwrap();
                    writer.join().unwrap().unwrap();
                    assert_eq!(
                        out.stdout.iter().filter(|b| **b == b'\n').count(),
                        lines.len()
                    );
                });
            });
        }
        None => eprintln!(
            "target/release/attune is not built: run `cargo build --release` to measure `attune classify` too"
        ),
    }
    group.finish();

    let mut single = c.benchmark_group("classify_one");
    let long = "I just feel like nothing I do is ever good enough for them and I keep trying and trying but it never changes, so what is the point of any of it really";
    single.bench_function("short_question", |b| {
        b.iter(|| black_box(model.classify(black_box("How are you feeling about it?"))));
    });
    single.bench_function("long_reply", |b| {
        b.iter(|| black_box(model.classify(black_box(long))));
    });
    // What the app does per typed reply: vet, code, and rank the options.
    let library = attune::library::Library::shipped();
    let node = library
        .scenarios()
        .flat_map(|s| s.nodes.iter())
        .max_by_key(|n| n.options.len())
        .unwrap();
    single.bench_function("hear_against_a_node", |b| {
        b.iter(|| black_box(attune::typed::hear(model, black_box(long), &node.options)));
    });
    single.finish();

    c.bench_function("classify_model_load", |b| {
        b.iter(|| black_box(Model::from_bytes(black_box(Model::shipped_bytes())).unwrap()));
    });
}

criterion_group!(benches, classify);
criterion_main!(benches);

/// The release `attune` beside this bench's own directory
/// (`target/release/deps/classify-…` → `target/release/attune`): the
/// binary belongs to another package, so cargo does not name it here.
fn attune_binary() -> Option<std::path::PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let candidate = exe.parent()?.parent()?.join("attune");
    candidate.is_file().then_some(candidate)
}
