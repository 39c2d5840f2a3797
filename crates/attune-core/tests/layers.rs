//! The core's layers run one way: a module imports only from layers below
//! its own, and nothing in the core reaches for a window, a disk, a thread
//! or the network. The compiler cannot see a layer inside one crate, so
//! this test reads the sources.

#![allow(clippy::expect_used)] // A test that cannot read its sources stops with the reason.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The top-level modules of the core, from the bottom layer up. Modules
/// on one layer may use each other.
const LAYERS: &[&[&str]] = &[
    &["text", "skills"],
    &["scenario", "classify"],
    &["engine"],
    &["check"],
    &["debrief", "typed"],
    &["library"],
];

/// Words that mean a window, a file system, a thread, a clock or a socket.
/// The front ends own those; the core must build for wasm32 without them.
const FORBIDDEN: &[&str] = &[
    "egui",
    "eframe",
    "std::fs",
    "std::thread",
    "std::net",
    "std::time::SystemTime",
    "std::time::Instant",
    "std::process",
    "std::env",
    "notify",
    "fd_lock",
    "directories",
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file below `dir`, with the top-level module it belongs to.
fn sources(dir: &Path, module: Option<&str>, out: &mut Vec<(String, PathBuf)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("the core's src folder is readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        if path.is_dir() {
            sources(&path, Some(module.unwrap_or(&stem)), out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((module.unwrap_or(&stem).to_string(), path));
        }
    }
}

/// The code of a file without its line comments and its unit tests, which
/// may use anything.
fn code(text: &str) -> String {
    let before_tests = text.split("#[cfg(test)]").next().unwrap_or(text);
    before_tests
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules a file names through `crate::`.
fn crate_imports(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            found.push(name);
        }
        // `crate::{a, b}` names several at once.
        if rest.starts_with('{') {
            let group = &rest[1..rest.find('}').unwrap_or(rest.len())];
            for part in group.split(',') {
                let name: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    found.push(name);
                }
            }
        }
    }
    found
}

#[test]
fn every_module_imports_only_from_layers_below_or_beside_it() {
    let mut files = Vec::new();
    sources(&src(), None, &mut files);
    assert!(files.len() > 20, "the core's sources were found");
    let mut upward = BTreeMap::new();
    for (module, path) in &files {
        if module == "lib" {
            continue;
        }
        let own = layer_of(module)
            .unwrap_or_else(|| panic!("{module} is not in LAYERS; place it in a layer"));
        let text = std::fs::read_to_string(path).expect("a readable source file");
        for used in crate_imports(&code(&text)) {
            let theirs = layer_of(&used).unwrap_or_else(|| {
                panic!("{}: crate::{used} is not a known module", path.display())
            });
            if theirs > own {
                upward
                    .entry(path.display().to_string())
                    .or_insert_with(Vec::new)
                    .push(used);
            }
        }
        // `super::super::` from a module's root would leave the module.
        let depth = path
            .strip_prefix(src())
            .map(|p| p.components().count())
            .unwrap_or(1);
        let supers = "super::".repeat(depth);
        assert!(
            !code(&text).contains(&supers),
            "{} climbs out of its module with {supers}",
            path.display()
        );
    }
    assert!(
        upward.is_empty(),
        "modules import from a layer above their own: {upward:?}"
    );
}

#[test]
fn the_layer_check_sees_an_upward_import() {
    let code = code(
        "use crate::engine::Conversation;\nuse crate::{scenario, check};\n// crate::debrief\n",
    );
    assert_eq!(crate_imports(&code), ["engine", "scenario", "check"]);
    assert!(layer_of("check") > layer_of("engine"));
    assert!(layer_of("scenario") < layer_of("engine"));
}

#[test]
fn the_core_names_no_window_disk_thread_or_network() {
    let mut files = Vec::new();
    sources(&src(), None, &mut files);
    for (_, path) in &files {
        let text = std::fs::read_to_string(path).expect("a readable source file");
        let code = code(&text);
        for word in FORBIDDEN {
            assert!(
                !code.contains(word),
                "{} uses {word}; the core has no window, disk, thread or network",
                path.display()
            );
        }
    }
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
            .expect("the core's manifest");
    let deps = manifest
        .split("[dependencies]")
        .nth(1)
        .unwrap_or_default()
        .split("\n[")
        .next()
        .unwrap_or_default();
    for word in [
        "egui",
        "eframe",
        "notify",
        "fd-lock",
        "directories",
        "attune =",
    ] {
        assert!(!deps.contains(word), "the core depends on {word}");
    }
}
