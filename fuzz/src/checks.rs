//! The checks behind Attune's fuzz targets. The same functions run in
//! `tests/store/reliability.rs` as bounded proptests (its binary includes
//! this file by path), so `cargo test` exercises every target on a few hundred inputs
//! and a crash found by the fuzzer becomes a regression test by adding its
//! input there.
//!
//! Each check panics only when Attune breaks a promise: a panic inside
//! Attune, a diagnostic without a place, an engine state that is not
//! consistent, or a stored history that does not survive a round trip.

use std::sync::OnceLock;

use arbitrary::{Arbitrary, Unstructured};
use attune::check::load_bytes;
use attune::debrief::{Debrief, report};
use attune::engine::{Conversation, EngineError, Pick, play_out};
use attune::library::Library;
use attune::scenario::{Scenario, TRUST_MAX, TRUST_MIN};
use attune::store::{self, History};

/// Loads and validates any bytes as a dialogue file. A file that loads is
/// then played with random choices, debriefed and exported, because a file
/// the validator accepts must never crash the engine.
pub fn load_scenario(data: &[u8]) {
    let loaded = load_bytes("fuzz.ron", data);
    assert!(
        loaded.scenario.is_some() || loaded.has_errors(),
        "a file without errors gives a scenario"
    );
    for d in &loaded.diagnostics {
        assert!(d.line >= 1 && d.col >= 1, "diagnostic without a place: {d}");
        assert_eq!(d.path, "fuzz.ron");
        let _ = d.to_string();
    }
    if let Some(s) = &loaded.scenario {
        assert!(!loaded.has_errors());
        for seed in 0..3 {
            let played = play_out(s, seed, &Pick::Random);
            let c = played.unwrap_or_else(|e| panic!("a valid scenario failed to play: {e}"));
            check_consistent(s, &c);
            let debrief = Debrief::build(s, &c);
            assert_eq!(debrief.turns.len(), c.turns().len());
            let html = report::html(s, &debrief);
            assert!(html.starts_with("<!DOCTYPE html>"));
        }
    }
}

/// One learner action, as the app or the command line can send it.
#[derive(Arbitrary, Debug, Clone)]
pub enum Op {
    /// Pick the option shown at this position (wrapped to the options).
    Choose(u8),
    /// Send an option id that may not exist or not be on offer.
    ChooseId(String),
    /// Ask what an option would do, which must change nothing.
    Preview(u8),
    /// Ctrl+Z.
    Undo,
    /// Click an earlier turn of the transcript (may be past the end).
    Rewind(u8),
}

/// A shipped scenario, a seed and the actions a learner takes in it.
#[derive(Arbitrary, Debug, Clone)]
pub struct EngineInput {
    pub scenario: u8,
    pub seed: u64,
    pub ops: Vec<Op>,
}

fn shipped() -> &'static [Scenario] {
    static SHIPPED: OnceLock<Vec<Scenario>> = OnceLock::new();
    SHIPPED.get_or_init(|| Library::shipped().scenarios().cloned().collect())
}

/// Decodes the input the way the fuzzer does, then drives the engine.
pub fn engine_bytes(data: &[u8]) {
    if let Ok(input) = EngineInput::arbitrary_take_rest(Unstructured::new(data)) {
        engine_ops(&input);
    }
}

/// Drives a conversation through any sequence of choices, previews, undos
/// and rewinds, checking after every step that the state is consistent and
/// that the moves did what they say.
pub fn engine_ops(input: &EngineInput) {
    let all = shipped();
    assert!(!all.is_empty(), "the shipped scenarios load");
    let s = &all[usize::from(input.scenario) % all.len()];
    let mut c = Conversation::new(s, input.seed).expect("a shipped scenario starts");
    for op in &input.ops {
        let before = c.clone();
        match op {
            Op::Choose(i) => {
                let options = c.options(s);
                if options.is_empty() {
                    assert!(c.is_finished(s), "no options but not finished");
                    let first = s.node(&c.current().node).and_then(|n| n.options.first());
                    if let Some(o) = first {
                        assert!(matches!(c.choose(s, &o.id), Err(EngineError::Finished)));
                    }
                } else {
                    let id = options[usize::from(*i) % options.len()].id.clone();
                    let outcome = c.choose(s, &id).expect("an offered option is accepted");
                    assert_eq!(c.turns().len(), before.turns().len() + 1);
                    assert_eq!(outcome.turn.choice, id);
                    assert_eq!(outcome.ending.is_some(), c.is_finished(s));
                }
            }
            Op::ChooseId(id) => {
                let offered = c.options(s).iter().any(|o| &o.id == id);
                match c.choose(s, id) {
                    Ok(_) => assert!(offered, "option {id:?} was not on offer"),
                    Err(_) => {
                        assert!(!offered || c.is_finished(s));
                        assert_eq!(c, before, "a refused choice changes nothing");
                    }
                }
            }
            Op::Preview(i) => {
                let options = c.options(s);
                if !options.is_empty() {
                    let id = options[usize::from(*i) % options.len()].id.clone();
                    let preview = c.preview(s, &id).expect("an offered option previews");
                    assert_eq!(c, before, "a preview changes nothing");
                    let mut chosen = c.clone();
                    let outcome = chosen
                        .choose(s, &id)
                        .expect("an offered option is accepted");
                    assert_eq!(preview, outcome, "a preview says what a choice does");
                }
            }
            Op::Undo => {
                let undone = c.undo();
                assert_eq!(undone, !before.turns().is_empty());
                if undone {
                    assert_eq!(c.turns(), &before.turns()[..before.turns().len() - 1]);
                }
            }
            Op::Rewind(turn) => {
                let turn = usize::from(*turn);
                c.rewind(turn);
                let expected = if turn < before.turns().len() {
                    turn
                } else {
                    before.turns().len()
                };
                assert_eq!(c.turns().len(), expected);
                assert_eq!(c.turns(), &before.turns()[..expected]);
            }
        }
        check_consistent(s, &c);
    }
    let replayed = Conversation::replay(s, input.seed, &c.choices()).expect("the choices replay");
    assert_eq!(replayed, c, "the same seed and choices give the same state");
    let debrief = Debrief::build(s, &c);
    assert_eq!(debrief.trust_curve, c.trust_curve());
    let _ = report::html(s, &debrief);
}

/// What must hold of any conversation state.
fn check_consistent(s: &Scenario, c: &Conversation) {
    assert_eq!(c.steps().len(), c.turns().len() + 1);
    assert_eq!(c.trust_curve().len(), c.steps().len());
    for trust in c.trust_curve() {
        assert!((TRUST_MIN..=TRUST_MAX).contains(&trust), "trust {trust}");
    }
    assert!(
        s.node(&c.current().node).is_some(),
        "the current node exists"
    );
    if c.is_finished(s) {
        assert!(c.options(s).is_empty(), "an ending offers no options");
    }
}

/// Parses any bytes as `history.ron`, the way the store reads it on open.
/// A history that parses must survive being written and read back, and
/// everything the app computes from it must work.
pub fn load_history(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match History::parse(text) {
        Ok(history) => {
            let _ = history.best_outcomes();
            let _ = history.trends(None);
            let text = store::to_ron(&history).expect("a parsed history encodes");
            let again = History::parse(&text)
                .unwrap_or_else(|e| panic!("a written history reads back: {e}\n{text}"));
            let ids = |h: &History| {
                h.sessions()
                    .iter()
                    .map(|s| s.id.clone())
                    .collect::<Vec<_>>()
            };
            assert_eq!(ids(&again), ids(&history));
        }
        Err(e) => assert!(e.line >= 1 && e.col >= 1, "error without a place: {e}"),
    }
}

/// Any bytes as one of the data folder's files (the first byte picks
/// settings, history or the conversations in progress): opening the store
/// never panics or loses the file silently. Afterwards the file is either
/// still there byte for byte (it was read, or left alone because it is
/// from a newer version), or moved aside byte for byte with a notice
/// naming it.
pub fn load_store(data: &[u8]) {
    use std::sync::atomic::{AtomicU64, Ordering};
    static DIRS: AtomicU64 = AtomicU64::new(0);
    let Some((&which, content)) = data.split_first() else {
        return;
    };
    let files = [
        store::SETTINGS_FILE,
        store::HISTORY_FILE,
        store::RESUME_FILE,
    ];
    let name = files[usize::from(which) % files.len()];
    let dir = std::env::temp_dir().join(format!(
        "attune-load-store-{}-{}",
        std::process::id(),
        DIRS.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    std::fs::write(dir.join(name), content).expect("the input written");

    let store = store::Store::open(dir.clone());
    let aside: Vec<Vec<u8>> = std::fs::read_dir(&dir)
        .expect("the folder lists")
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(&format!("{name}.corrupt-"))
        })
        .map(|e| std::fs::read(e.path()).expect("the copy reads"))
        .collect();
    match std::fs::read(dir.join(name)) {
        Ok(kept) => {
            assert_eq!(kept, content, "{name} changed on open");
            assert!(aside.is_empty(), "{name} both kept and moved aside");
        }
        Err(_) => {
            assert_eq!(
                aside,
                [content.to_vec()],
                "{name} moved aside byte for byte"
            );
            assert!(
                store.notices().iter().any(|n| n.message.contains(name)),
                "{name} moved aside without a notice: {:?}",
                store.notices()
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
