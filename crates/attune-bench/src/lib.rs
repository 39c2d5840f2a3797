//! Attune's benchmarks live in `benches/`; this package exists so that
//! criterion is built only for `cargo bench -p attune-bench`, never for
//! `cargo test`. See docs/performance.md for what each measures.
