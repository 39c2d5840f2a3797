//! Any bytes as a dialogue file: loading and validation never panic, and a
//! file that validates plays, debriefs and exports.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| attune_fuzz::load_scenario(data));
