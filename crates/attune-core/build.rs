//! The shipped dialogues and portraits are embedded with `include_dir!`,
//! which cannot tell cargo about a file added to those folders. Watching
//! the folders here rebuilds the core when one is added, changed or removed.

fn main() {
    println!("cargo::rerun-if-changed=../../dialogues");
    println!("cargo::rerun-if-changed=../../assets/portraits");
}
