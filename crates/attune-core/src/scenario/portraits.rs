//! The portrait assets a persona may name (`assets/portraits/<name>.ron`).
//!
//! They are embedded here, below every front end, so that `attune check`,
//! the desktop app and the web build agree on which names exist: a
//! misspelt name is an error the author sees, not a default face.

use include_dir::{Dir, include_dir};

/// The shipped portrait parameter files, compiled into the binary.
pub static ASSETS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../assets/portraits");

/// Every portrait name, sorted: the file names without `.ron`.
pub fn names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = ASSETS
        .files()
        .filter_map(|f| f.path().to_str())
        .filter_map(|p| p.strip_suffix(".ron"))
        .collect();
    names.sort_unstable();
    names
}

/// The text of the named portrait's parameter file, if there is one.
pub fn asset(name: &str) -> Option<&'static str> {
    ASSETS.get_file(format!("{name}.ron"))?.contents_utf8()
}
