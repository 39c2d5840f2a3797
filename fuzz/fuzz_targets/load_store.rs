//! Any bytes as a file of the data folder: opening the store never panics
//! and never loses the file silently.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| attune_fuzz::load_store(data));
