//! Any bytes as `history.ron`: parsing never panics, and a history that
//! parses survives a round trip.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| attune_fuzz::load_history(data));
