// The shipped dialogues and assets are embedded with include_dir; rebuild
// when any file in those folders is added, removed or changed.
fn main() {
    println!("cargo:rerun-if-changed=dialogues");
    println!("cargo:rerun-if-changed=assets");
}
