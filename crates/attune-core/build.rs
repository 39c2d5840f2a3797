// The shipped dialogues are embedded with include_dir; rebuild when any
// file in that folder is added, removed or changed.
fn main() {
    println!("cargo:rerun-if-changed=../../dialogues");
}
