//! Issue 7, the parts beyond the core: no source file runs programs or
//! opens links, and the engine, debrief and scenario code touch no files;
//! an old-format history fixture loads; and bounded versions of the fuzz
//! targets. The store's other bullets (atomic writes, concurrent writers,
//! damaged files, unwritable folders, old formats) are in
//! tests/store/store.rs; hostile dialogue files, containment and report
//! escaping in tests/core/reliability.rs.

use std::fs;
use std::path::Path;

use attune::store::{HISTORY_FILE, Store};
use proptest::prelude::*;

use crate::fuzz_checks;

/// Source files that may touch the world, and the things they must not
/// contain. The engine and debrief are pure; the scenario code only reads;
/// no code anywhere runs programs or opens links; only the room-votes
/// server (src/room/) has network code.
#[test]
fn scenario_engine_and_debrief_code_cannot_write_files_run_programs_or_open_links() {
    fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in fs::read_dir(dir).expect("source folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let core = manifest.join("crates/attune-core/src");
    let mut all = Vec::new();
    sources(&manifest.join("src"), &mut all);
    let desktop = all.len();
    sources(&core, &mut all);
    assert!(
        desktop > 20 && all.len() - desktop > 20,
        "both crates' sources found"
    );
    for path in &all {
        let text = fs::read_to_string(path).expect("readable");
        let rel = path
            .strip_prefix(manifest)
            .expect("under the package")
            .to_string_lossy()
            .replace('\\', "/");
        let network = [
            "std::net",
            "tiny_http",
            "TcpListener",
            "TcpStream",
            "UdpSocket",
        ];
        if !rel.starts_with("src/room/") {
            for forbidden in network {
                assert!(!text.contains(forbidden), "{rel} uses {forbidden}");
            }
        }
        for forbidden in [
            "std::process::Command",
            "Command::new",
            "open_url",
            "OpenUrl",
            ".hyperlink(",
            "Hyperlink::",
        ] {
            assert!(!text.contains(forbidden), "{rel} uses {forbidden}");
        }
        // The core (scenario, engine, check, debrief) never touches files.
        if path.starts_with(&core) {
            for forbidden in [
                "std::fs",
                "fs::write",
                "File::create",
                "OpenOptions",
                "fs::rename",
                "fs::remove",
                "create_dir",
            ] {
                assert!(
                    !text.contains(forbidden),
                    "{rel} touches files ({forbidden})"
                );
            }
        }
    }
}

// -------------------------------------------------------------- old formats

#[test]
fn the_version_0_history_fixture_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::copy(
        "tests/fixtures/history-v0.ron",
        dir.path().join(HISTORY_FILE),
    )
    .expect("copied");
    let store = Store::open(dir.path().to_path_buf());
    assert!(store.notices().is_empty(), "{:?}", store.notices());
    assert_eq!(store.history().version, 0);
    assert_eq!(store.history().len(), 3);
    let best = store
        .history()
        .best_outcome("relapse")
        .expect("a finished session");
    assert_eq!(best.ending, attune::scenario::EndingKind::Guarded);
    assert_eq!(best.attempts, 2);
}

// ----------------------------------------------- bounded fuzz targets (proptest)

/// Inputs found by `cargo fuzz` that once broke a check; each stays here.
const REGRESSIONS: &[(&str, &[u8])] = &[];

#[test]
fn fuzz_regressions_stay_fixed() {
    for (target, data) in REGRESSIONS {
        match *target {
            "load_scenario" => fuzz_checks::load_scenario(data),
            "engine_ops" => fuzz_checks::engine_bytes(data),
            "load_history" => fuzz_checks::load_history(data),
            "load_store" => fuzz_checks::load_store(data),
            other => panic!("unknown target {other}"),
        }
    }
}

/// Shipped dialogue text with a few bytes cut, replaced or inserted: close
/// enough to valid that the validator and the engine get exercised.
fn mangled_dialogue() -> impl Strategy<Value = Vec<u8>> {
    let files: Vec<&'static str> = ["tutorial.ron", "relapse.ron"]
        .iter()
        .filter_map(|n| attune::library::shipped_text(n))
        .collect();
    (
        0..files.len(),
        any::<prop::sample::Index>(),
        0usize..40,
        prop::collection::vec(any::<u8>(), 0..12),
    )
        .prop_map(move |(f, at, cut, insert)| {
            let mut bytes = files[f].as_bytes().to_vec();
            let at = at.index(bytes.len());
            let end = (at + cut).min(bytes.len());
            bytes.splice(at..end, insert);
            bytes
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn load_scenario_target_on_mangled_dialogues(bytes in mangled_dialogue()) {
        fuzz_checks::load_scenario(&bytes);
    }

    #[test]
    fn load_scenario_target_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        fuzz_checks::load_scenario(&bytes);
    }

    #[test]
    fn engine_ops_target(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        fuzz_checks::engine_bytes(&bytes);
    }

    #[test]
    fn load_history_target(text in "\\(version: [0-9], sessions: \\[\\(id: \"[a-z]{1,3}\", date: \"2026-0[1-9]-1[0-9]T0[0-9]:00:00Z\", scenario_id: \"[a-z]{1,8}\"(, ending: Some\\((opened_up|guarded|withdrew)\\))?\\)\\]\\)", cut in 0usize..200) {
        fuzz_checks::load_history(text.as_bytes());
        let cut = (0..=cut.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        fuzz_checks::load_history(&text.as_bytes()[..cut]);
    }

    #[test]
    fn load_store_target(which in 0u8..3, text in "\\(version: [0-9], (sessions|theme|conversations|sessons): \\[?\\(?[a-z: ,\"0-9]{0,40}\\)?\\]?\\)", cut in 0usize..80) {
        let mut data = vec![which];
        data.extend_from_slice(text.as_bytes());
        fuzz_checks::load_store(&data);
        data.truncate(1 + cut.min(text.len()));
        fuzz_checks::load_store(&data);
    }
}
