//! A shipped scenario driven by arbitrary choices, previews, undos and
//! rewinds: the engine stays consistent and deterministic.
#![no_main]

libfuzzer_sys::fuzz_target!(|input: attune_fuzz::EngineInput| attune_fuzz::engine_ops(&input));
