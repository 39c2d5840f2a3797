// The soak run of `examples/soak.rs`, built here against the same core
// sources without the GUI stack, so a release build takes a minute:
//     cd fuzz && cargo run --release --example soak
extern crate attune_fuzz as attune;

include!("../../examples/soak.rs");
