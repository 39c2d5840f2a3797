//! The persistence layer: settings, history and resume files, atomic writes,
//! damaged files, unwritable folders, concurrent writers and old formats.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use attune::engine::{Conversation, Pick, play_out};
use attune::library::Library;
use attune::scenario::{EndingKind, Scenario};
use attune::store::{
    self, Feedback, HISTORY_FILE, HISTORY_VERSION, NoticeKind, RESUME_FILE, Resume, SETTINGS_FILE,
    SessionId, SessionRecord, Settings, Store, TEXT_SCALE_DEFAULT, TEXT_SCALE_MAX, TEXT_SCALE_MIN,
    Theme, TrendMetric,
};
use jiff::Timestamp;

fn scenario() -> Scenario {
    let library = Library::shipped();
    library
        .find("tutorial")
        .or_else(|| library.scenarios().next())
        .cloned()
        .expect("the shipped library has a scenario")
}

fn at(second: i64) -> Timestamp {
    Timestamp::from_second(1_767_225_600 + second).expect("a valid time")
}

/// A finished session played by `how`, started `second` seconds into 2026.
fn session(s: &Scenario, seed: u64, how: &Pick, second: i64) -> SessionRecord {
    let c = play_out(s, seed, how).expect("a shipped scenario plays out");
    SessionRecord::from_conversation(SessionId::new(at(second)), at(second), s, &c)
}

fn files_named(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .expect("the folder lists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .collect();
    found.sort();
    found
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

// ---------------------------------------------------------------- settings

#[test]
fn settings_default_to_light_with_trust_meter_and_feedback_after_each_choice() {
    let s = Settings::default();
    assert_eq!(s.theme, Theme::Light);
    assert!(s.show_trust_meter);
    assert_eq!(s.feedback, Feedback::AfterEachChoice);
    assert!(!s.reduced_motion);
    assert_eq!(s.text_scale, TEXT_SCALE_DEFAULT);
    assert_eq!(s.version, store::SETTINGS_VERSION);

    let dir = temp_dir();
    let store = Store::open(dir.path().to_path_buf());
    assert_eq!(store.settings(), &Settings::default());
    assert!(store.notices().is_empty(), "{:?}", store.notices());
    assert!(store.can_save());
}

#[test]
fn settings_survive_a_restart() {
    let dir = temp_dir();
    let wanted = Settings {
        theme: Theme::HighContrast,
        text_scale: 1.75,
        show_trust_meter: false,
        feedback: Feedback::OnlyAtEnd,
        reduced_motion: true,
        ..Settings::default()
    };
    {
        let mut store = Store::open(dir.path().to_path_buf());
        store.set_settings(wanted.clone()).expect("saved");
    }
    let text = fs::read_to_string(dir.path().join(SETTINGS_FILE)).expect("settings.ron written");
    assert!(text.contains("version: 1"), "{text}");
    assert!(text.contains("high_contrast"), "{text}");
    let store = Store::open(dir.path().to_path_buf());
    assert_eq!(store.settings(), &wanted);
    assert!(store.notices().is_empty(), "{:?}", store.notices());
}

#[test]
fn text_scale_is_clamped_when_set_and_when_loaded() {
    let mut s = Settings::default();
    s.set_text_scale(40.0);
    assert_eq!(s.text_scale, TEXT_SCALE_MAX);
    s.set_text_scale(0.01);
    assert_eq!(s.text_scale, TEXT_SCALE_MIN);
    s.set_text_scale(f32::NAN);
    assert_eq!(s.text_scale, TEXT_SCALE_DEFAULT);

    let dir = temp_dir();
    fs::write(
        dir.path().join(SETTINGS_FILE),
        "(version: 1, text_scale: 50.0, theme: dark)",
    )
    .expect("fixture written");
    let mut store = Store::open(dir.path().to_path_buf());
    assert_eq!(store.settings().text_scale, TEXT_SCALE_MAX);
    assert_eq!(store.settings().theme, Theme::Dark);

    let mut big = store.settings().clone();
    big.text_scale = -3.0;
    store.set_settings(big).expect("saved");
    assert_eq!(store.settings().text_scale, TEXT_SCALE_MIN);
}

// ----------------------------------------------------------------- history

#[test]
fn a_session_is_stored_with_everything_needed_to_replay_it() {
    let s = scenario();
    let dir = temp_dir();
    let record = session(&s, 7, &Pick::Best, 0);
    assert!(record.is_finished());
    assert!(!record.choices.is_empty());
    {
        let mut store = Store::open(dir.path().to_path_buf());
        store.record_session(record.clone()).expect("saved");
    }
    let store = Store::open(dir.path().to_path_buf());
    assert!(store.notices().is_empty(), "{:?}", store.notices());
    let loaded = store
        .history()
        .get(&record.id)
        .expect("the session is back");
    assert_eq!(loaded, &record);
    assert_eq!(loaded.scenario_id, s.id);
    assert_eq!(loaded.title(), s.title);
    assert_eq!(loaded.seed, 7);
    assert!(loaded.metrics.is_some());

    let replayed = loaded.replay(&s).expect("the choices replay");
    let original = play_out(&s, 7, &Pick::Best).expect("plays");
    assert_eq!(replayed, original);
    assert_eq!(
        replayed.ending(&s).map(|e| e.kind),
        loaded.ending,
        "the replay reaches the recorded ending"
    );

    assert!(
        loaded.date_label().contains("2026"),
        "{}",
        loaded.date_label()
    );
    assert_eq!(
        loaded.ending_label(),
        loaded.ending.map_or("", EndingKind::label)
    );
}

#[test]
fn an_unfinished_session_is_labelled_and_can_be_updated_when_it_ends() {
    let s = scenario();
    let dir = temp_dir();
    let mut store = Store::open(dir.path().to_path_buf());
    let mut c = Conversation::new(&s, 3).expect("starts");
    let first = c.options(&s)[0].id.clone();
    c.choose(&s, &first).expect("a choice");
    let id = SessionId::new(at(0));
    let partial = SessionRecord::from_conversation(id.clone(), at(0), &s, &c);
    assert_eq!(partial.ending, None);
    assert_eq!(partial.ending_label(), "Unfinished");
    store.record_session(partial).expect("saved");

    let done = play_out(&s, 3, &Pick::Best).expect("plays");
    store
        .record_session(SessionRecord::from_conversation(
            id.clone(),
            at(0),
            &s,
            &done,
        ))
        .expect("saved");
    let store = Store::open(dir.path().to_path_buf());
    assert_eq!(store.history().len(), 1);
    assert!(
        store
            .history()
            .get(&id)
            .is_some_and(SessionRecord::is_finished)
    );
}

#[test]
fn best_outcome_per_scenario_ranks_endings_and_counts_attempts() {
    let s = scenario();
    let mut store = Store::in_memory();
    assert_eq!(store.history().best_outcome(&s.id), None);

    let worst = session(&s, 1, &Pick::Worst, 0);
    let best = session(&s, 1, &Pick::Best, 10);
    assert!(
        best.ending > worst.ending,
        "{:?} vs {:?}",
        best.ending,
        worst.ending
    );
    let mut unfinished = session(&s, 1, &Pick::Best, 20);
    unfinished.ending = None;
    store.record_session(best.clone()).expect("kept");
    store.record_session(worst).expect("kept");
    store.record_session(unfinished).expect("kept");

    let top = store.history().best_outcome(&s.id).expect("a best outcome");
    assert_eq!(Some(top.ending), best.ending);
    assert_eq!(top.session, best.id);
    assert_eq!(top.attempts, 3);
    assert_eq!(store.history().best_outcome("no-such-scenario"), None);
    let all = store.history().best_outcomes();
    assert_eq!(all.len(), 1);
    assert_eq!(all.get(&s.id), Some(&top));
}

#[test]
fn trends_give_one_series_per_skill_over_finished_sessions() {
    let s = scenario();
    let mut store = Store::in_memory();
    let records: Vec<SessionRecord> = (0..4)
        .map(|i| {
            let how = if i % 2 == 0 { Pick::Worst } else { Pick::Best };
            session(&s, i, &how, i as i64 * 60)
        })
        .collect();
    // Recorded out of order: trends follow the session dates.
    for r in records.iter().rev() {
        store.record_session(r.clone()).expect("kept");
    }
    let mut open = session(&s, 9, &Pick::Best, 1_000);
    open.ending = None;
    store.record_session(open).expect("kept");

    let trends = store.history().trends(Some(&s.id));
    assert_eq!(trends.len(), TrendMetric::ALL.len());
    for (trend, metric) in trends.iter().zip(TrendMetric::ALL) {
        assert_eq!(trend.metric, metric);
        assert!(!metric.label().is_empty());
        for p in &trend.points {
            let r = &records[p.number - 1];
            assert_eq!(p.session, r.id, "points follow the session order");
            let m = r.metrics.as_ref().expect("metrics");
            assert_eq!(Some(p.value), metric.value(m));
        }
        let expected = records
            .iter()
            .filter(|r| r.metrics.as_ref().and_then(|m| metric.value(m)).is_some())
            .count();
        assert_eq!(trend.points.len(), expected, "{metric:?}");
        assert_eq!(trend.xy().len(), expected);
    }
    let roadblocks = &trends[4];
    assert_eq!(roadblocks.metric, TrendMetric::Roadblocks);
    assert_eq!(roadblocks.points.len(), 4, "roadblocks are always counted");
    assert!(!TrendMetric::Roadblocks.higher_is_better());
    assert_eq!(TrendMetric::ReflectionToQuestion.fair_line(), Some(1.0));
    assert_eq!(
        TrendMetric::PercentComplexReflections.good_line(),
        Some(50.0)
    );
    assert!(
        store.history().trends(Some("elsewhere"))[0]
            .points
            .is_empty()
    );
    assert_eq!(store.history().trends(None)[4].points.len(), 4);
}

// ------------------------------------------------------------------ resume

#[test]
fn an_unfinished_conversation_resumes_after_a_restart() {
    let s = scenario();
    let dir = temp_dir();
    let id = SessionId::new(at(0));
    let mut c = Conversation::new(&s, 11).expect("starts");
    {
        let mut store = Store::open(dir.path().to_path_buf());
        assert!(store.resumes().is_empty());
        for _ in 0..2 {
            let next = c.options(&s)[0].id.clone();
            c.choose(&s, &next).expect("a choice");
            store
                .save_resume(Resume::new(id.clone(), at(0), c.clone()))
                .expect("saved on every choice");
        }
    }
    let mut store = Store::open(dir.path().to_path_buf());
    assert_eq!(store.resumes().len(), 1);
    let resume = store.resumes()[0].clone();
    assert_eq!(resume.conversation, c);
    assert_eq!(resume.scenario_id, s.id);
    assert_eq!(resume.session, id);
    assert_eq!(resume.conversation.turns().len(), 2);

    store.clear_resume(&id).expect("cleared");
    assert!(!dir.path().join(RESUME_FILE).exists());
    assert!(Store::open(dir.path().to_path_buf()).resumes().is_empty());
    store.clear_resume(&id).expect("clearing twice is fine");
}

// ----------------------------------------------------------- atomic writes

#[test]
fn a_write_stopped_before_the_rename_leaves_the_previous_file_intact() {
    let dir = temp_dir();
    let path = dir.path().join(SETTINGS_FILE);
    {
        let mut store = Store::open(dir.path().to_path_buf());
        let dark = Settings {
            theme: Theme::Dark,
            ..Settings::default()
        };
        store.set_settings(dark).expect("saved");
    }
    let before = fs::read(&path).expect("written");

    // Step one only: the new content is written, flushed and synced...
    let staged =
        store::atomic::stage(&path, b"(version: 1, theme: high_contrast)").expect("staged");
    let temp = staged.temp_path().to_path_buf();
    assert!(temp.exists());
    assert_eq!(
        temp.parent(),
        path.parent(),
        "the temporary file is beside the target"
    );
    // ...and the process dies: no rename, no clean-up.
    std::mem::forget(staged);

    assert_eq!(fs::read(&path).expect("still there"), before);
    let store = Store::open(dir.path().to_path_buf());
    assert_eq!(store.settings().theme, Theme::Dark);
    assert!(store.notices().is_empty(), "{:?}", store.notices());
    assert!(
        !temp.exists(),
        "the leftover is removed when the store opens"
    );

    // Committing really replaces the file.
    store::atomic::stage(&path, b"(version: 1, theme: high_contrast)")
        .and_then(|s| s.commit())
        .expect("committed");
    assert_eq!(
        Store::open(dir.path().to_path_buf()).settings().theme,
        Theme::HighContrast
    );
}

/// Runs this test binary again as a helper process: `child_process` below
/// does the work named by `mode` in `dir`.
fn run_child(mode: &str, dir: &Path, arg: &str) -> std::process::Child {
    let exe = std::env::current_exe().expect("the test binary");
    // The harness names a test by its path below the crate root.
    let name = match module_path!().split_once("::") {
        Some((_, module)) => format!("{module}::child_process"),
        None => "child_process".to_string(),
    };
    Command::new(exe)
        .args([name.as_str(), "--exact", "--nocapture", "--test-threads=1"])
        .env("ATTUNE_STORE_CHILD", mode)
        .env("ATTUNE_STORE_DIR", dir)
        .env("ATTUNE_STORE_ARG", arg)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the helper process starts")
}

/// Not a test by itself: the body of helper processes started by other
/// tests. Without the environment variables it does nothing.
#[test]
fn child_process() {
    let (Ok(mode), Ok(dir)) = (
        std::env::var("ATTUNE_STORE_CHILD"),
        std::env::var("ATTUNE_STORE_DIR"),
    ) else {
        return;
    };
    let dir = PathBuf::from(dir);
    let arg = std::env::var("ATTUNE_STORE_ARG").unwrap_or_default();
    match mode.as_str() {
        "crash-before-rename" => {
            // Synced but not renamed; abort runs no destructor, like a
            // power cut.
            let _staged = store::atomic::stage(
                &dir.join(SETTINGS_FILE),
                b"(version: 1, theme: high_contrast)",
            )
            .expect("staged");
            std::process::abort();
        }
        "record" => {
            let s = scenario();
            let mut store = Store::open(dir);
            for i in 0..8 {
                let mut r = session(&s, i, &Pick::Random, i as i64);
                r.id = SessionId(format!("{arg}-{i}"));
                store.record_session(r).expect("saved");
            }
        }
        other => panic!("unknown helper mode {other}"),
    }
}

#[test]
fn a_process_killed_between_sync_and_rename_leaves_the_previous_file_intact() {
    let dir = temp_dir();
    {
        let mut store = Store::open(dir.path().to_path_buf());
        store
            .set_settings(Settings {
                theme: Theme::Dark,
                text_scale: 1.5,
                ..Settings::default()
            })
            .expect("saved");
    }
    let before = fs::read(dir.path().join(SETTINGS_FILE)).expect("written");
    let status = run_child("crash-before-rename", dir.path(), "")
        .wait()
        .expect("the helper ran");
    assert!(!status.success(), "the helper aborted mid-write");
    assert!(
        !files_named(dir.path(), ".settings.ron.tmp-").is_empty(),
        "the crash left its temporary file"
    );
    assert_eq!(
        fs::read(dir.path().join(SETTINGS_FILE)).expect("intact"),
        before
    );
    let store = Store::open(dir.path().to_path_buf());
    assert_eq!(store.settings().theme, Theme::Dark);
    assert_eq!(store.settings().text_scale, 1.5);
    assert!(files_named(dir.path(), ".settings.ron.tmp-").is_empty());
}

// ---------------------------------------------------------- damaged files

fn assert_moved_aside(dir: &Path, name: &str, original: &[u8]) {
    let aside = files_named(dir, &format!("{name}.corrupt-"));
    assert_eq!(aside.len(), 1, "one copy set aside: {aside:?}");
    assert_eq!(
        fs::read(&aside[0]).expect("readable"),
        original,
        "kept byte for byte"
    );
}

#[test]
fn a_corrupted_history_is_moved_aside_with_a_notice_naming_file_and_position() {
    let s = scenario();
    let dir = temp_dir();
    let garbage = b"(\n  version: 1,\n  sessions: [ this is not ron ]\n)\n";
    fs::write(dir.path().join(HISTORY_FILE), garbage).expect("fixture");

    let mut store = Store::open(dir.path().to_path_buf());
    assert!(store.history().is_empty());
    assert_moved_aside(dir.path(), HISTORY_FILE, garbage);
    assert!(!dir.path().join(HISTORY_FILE).exists());
    let notices = store.notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(notices[0].kind, NoticeKind::Unreadable);
    let message = notices[0].to_string();
    assert!(message.contains("history.ron:3:"), "{message}");
    assert!(message.contains("history.ron.corrupt-"), "{message}");
    assert!(message.contains("empty history"), "{message}");

    // The app carries on: a new history is written, the old copy stays.
    let r = session(&s, 1, &Pick::Best, 0);
    store.record_session(r.clone()).expect("saved");
    assert_moved_aside(dir.path(), HISTORY_FILE, garbage);
    let again = Store::open(dir.path().to_path_buf());
    assert!(again.notices().is_empty(), "{:?}", again.notices());
    assert_eq!(again.history().sessions(), &[r]);
}

#[test]
fn a_truncated_history_is_moved_aside_and_never_overwritten() {
    let s = scenario();
    let dir = temp_dir();
    {
        let mut store = Store::open(dir.path().to_path_buf());
        store
            .record_session(session(&s, 1, &Pick::Best, 0))
            .expect("saved");
        store
            .record_session(session(&s, 2, &Pick::Worst, 5))
            .expect("saved");
    }
    let full = fs::read(dir.path().join(HISTORY_FILE)).expect("written");
    let cut = &full[..full.len() / 2];
    fs::write(dir.path().join(HISTORY_FILE), cut).expect("truncated");

    let store = Store::open(dir.path().to_path_buf());
    assert!(store.history().is_empty());
    assert_moved_aside(dir.path(), HISTORY_FILE, cut);
    let message = &store.notices()[0].message;
    let position = message
        .split("history.ron:")
        .nth(1)
        .and_then(|rest| rest.split(':').next().zip(rest.split(':').nth(1)))
        .expect("line and column in the notice");
    assert!(position.0.parse::<usize>().is_ok(), "{message}");
    assert!(position.1.parse::<usize>().is_ok(), "{message}");
}

#[test]
fn empty_binary_and_oversized_files_are_moved_aside_too() {
    let dir = temp_dir();
    fs::write(dir.path().join(SETTINGS_FILE), b"").expect("fixture");
    fs::write(dir.path().join(RESUME_FILE), [0xff, 0xfe, 0x00, 0x9f, 0x92]).expect("fixture");
    let huge = fs::File::create(dir.path().join(HISTORY_FILE)).expect("fixture");
    huge.set_len(store::MAX_FILE_BYTES + 1)
        .expect("a sparse file");
    drop(huge);

    let store = Store::open(dir.path().to_path_buf());
    assert_eq!(store.settings(), &Settings::default());
    assert!(store.resumes().is_empty());
    assert!(store.history().is_empty());
    assert_eq!(store.notices().len(), 3, "{:?}", store.notices());
    let all: Vec<String> = store.notices().iter().map(ToString::to_string).collect();
    assert!(
        all.iter().any(|m| m.contains("settings.ron:1:1")),
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|m| m.contains("current.ron:1:1") && m.contains("UTF-8")),
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|m| m.contains("history.ron") && m.contains("MiB limit")),
        "{all:?}"
    );
    for name in [SETTINGS_FILE, RESUME_FILE, HISTORY_FILE] {
        assert_eq!(
            files_named(dir.path(), &format!("{name}.corrupt-")).len(),
            1
        );
    }
}

#[test]
fn a_corrupted_settings_file_gives_defaults_and_a_notice() {
    let dir = temp_dir();
    fs::write(dir.path().join(SETTINGS_FILE), "(version: 1, theme: dar").expect("fixture");
    let mut store = Store::open(dir.path().to_path_buf());
    assert_eq!(store.settings(), &Settings::default());
    assert_eq!(store.notices()[0].kind, NoticeKind::Unreadable);
    assert!(store.notices()[0].message.contains("settings.ron:1:"));
    assert!(store.notices()[0].message.contains("default settings"));
    store.dismiss_notices();
    assert!(store.notices().is_empty());
}

// ------------------------------------------------------ unwritable folders

#[test]
fn an_uncreatable_data_folder_works_in_memory_and_says_it_cannot_save() {
    let s = scenario();
    let base = temp_dir();
    let blocker = base.path().join("not-a-folder");
    fs::write(&blocker, "a file where the folder should be").expect("fixture");
    let dir = blocker.join("attune");

    let mut store = Store::open(dir.clone());
    assert!(!store.can_save());
    assert_eq!(store.notices().len(), 1, "{:?}", store.notices());
    assert_eq!(store.notices()[0].kind, NoticeKind::CannotSave);
    assert!(store.notices()[0].message.contains("cannot save"));
    assert!(store.notices()[0].message.contains("not-a-folder"));

    let r = session(&s, 1, &Pick::Best, 0);
    store.record_session(r.clone()).expect("kept in memory");
    store
        .set_settings(Settings {
            theme: Theme::Dark,
            ..Settings::default()
        })
        .expect("kept in memory");
    let c = Conversation::new(&s, 1).expect("starts");
    store
        .save_resume(Resume::new(SessionId::new(at(0)), at(0), c))
        .expect("kept in memory");
    assert_eq!(store.history().sessions(), &[r]);
    assert_eq!(store.settings().theme, Theme::Dark);
    assert_eq!(store.resumes().len(), 1);
    assert_eq!(store.notices().len(), 1, "no further notices");
    assert!(!dir.exists());
}

#[cfg(unix)]
#[test]
fn a_read_only_data_folder_keeps_its_files_and_works_in_memory() {
    use std::os::unix::fs::PermissionsExt;

    let s = scenario();
    let dir = temp_dir();
    let r = session(&s, 1, &Pick::Best, 0);
    {
        let mut store = Store::open(dir.path().to_path_buf());
        store.record_session(r.clone()).expect("saved");
    }
    let before = fs::read(dir.path().join(HISTORY_FILE)).expect("written");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).expect("chmod");
    if fs::File::create(dir.path().join("probe")).is_ok() {
        // Root ignores permissions; the uncreatable-folder test covers this.
        eprintln!("skipped: permissions are not enforced for this user");
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
        return;
    }
    let mut store = Store::open(dir.path().to_path_buf());
    assert!(!store.can_save());
    assert_eq!(
        store.history().sessions(),
        std::slice::from_ref(&r),
        "existing history is read"
    );
    assert_eq!(store.notices()[0].kind, NoticeKind::CannotSave);
    store
        .record_session(session(&s, 2, &Pick::Worst, 9))
        .expect("in memory");
    assert_eq!(store.history().len(), 2);
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
    assert_eq!(
        fs::read(dir.path().join(HISTORY_FILE)).expect("intact"),
        before
    );
}

// ------------------------------------------------------ concurrent writers

#[test]
fn concurrent_writers_in_threads_lose_no_session() {
    let s = scenario();
    let dir = temp_dir();
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let dir = dir.path().to_path_buf();
            let s = s.clone();
            std::thread::spawn(move || {
                // Opening waits a second for the lock, then goes read-only;
                // on a loaded machine the other writers can hold it that
                // long, so a writer tries again (what matters here is that
                // no session is lost, not how long the lock was held).
                let mut store = Store::open(dir.clone());
                for _ in 0..20 {
                    if store.can_save() {
                        break;
                    }
                    store = Store::open(dir.clone());
                }
                assert!(store.can_save(), "{:?}", store.notices());
                for i in 0..10 {
                    let mut r = session(&s, i, &Pick::Random, i as i64);
                    r.id = SessionId(format!("thread{t}-{i}"));
                    store.record_session(r).expect("saved");
                }
                assert!(store.notices().is_empty(), "{:?}", store.notices());
                store.history().len()
            })
        })
        .collect();
    for t in threads {
        let seen = t.join().expect("the writer finished");
        assert!(seen >= 10, "each writer sees at least its own sessions");
    }
    let store = Store::open(dir.path().to_path_buf());
    assert_eq!(store.history().len(), 40);
    for t in 0..4 {
        for i in 0..10 {
            let id = SessionId(format!("thread{t}-{i}"));
            assert!(store.history().get(&id).is_some(), "{id} is missing");
        }
    }
    assert!(store.notices().is_empty(), "{:?}", store.notices());
}

#[test]
fn concurrent_writers_in_separate_processes_lose_no_session() {
    let dir = temp_dir();
    let children: Vec<_> = (0..3)
        .map(|p| run_child("record", dir.path(), &format!("process{p}")))
        .collect();
    for mut child in children {
        let status = child.wait().expect("the helper ran");
        assert!(status.success());
    }
    let store = Store::open(dir.path().to_path_buf());
    assert_eq!(store.history().len(), 24);
    for p in 0..3 {
        for i in 0..8 {
            assert!(
                store
                    .history()
                    .get(&SessionId(format!("process{p}-{i}")))
                    .is_some()
            );
        }
    }
}

#[test]
fn reload_picks_up_sessions_another_window_recorded() {
    let s = scenario();
    let dir = temp_dir();
    let mut one = Store::open(dir.path().to_path_buf());
    let mut two = Store::open(dir.path().to_path_buf());
    let a = session(&s, 1, &Pick::Best, 0);
    let b = session(&s, 2, &Pick::Worst, 1);
    one.record_session(a.clone()).expect("saved");
    assert_eq!(two.history().len(), 0);
    two.reload_history().expect("reloaded");
    assert_eq!(two.history().sessions(), std::slice::from_ref(&a));
    two.record_session(b.clone()).expect("saved");
    one.reload_history().expect("reloaded");
    assert_eq!(one.history().sessions(), &[a, b]);
}

// ---------------------------------------------------------------- versions

/// A history as written before formats had versions: no `version` field,
/// and records without title, seed, choices or metrics.
const LEGACY_HISTORY: &str = r#"(
    sessions: [
        (
            id: "legacy-1",
            date: "2025-11-02T14:30:00Z",
            scenario_id: "tutorial",
            ending: Some(opened_up),
        ),
        (
            id: "legacy-2",
            date: "2025-11-01T09:00:00Z",
            scenario_id: "tutorial",
        ),
    ],
)"#;

#[test]
fn a_version_0_history_loads_and_is_saved_in_the_current_format() {
    let s = scenario();
    let dir = temp_dir();
    fs::write(dir.path().join(HISTORY_FILE), LEGACY_HISTORY).expect("fixture");
    let mut store = Store::open(dir.path().to_path_buf());
    assert!(store.notices().is_empty(), "{:?}", store.notices());
    let h = store.history();
    assert_eq!(h.version, 0);
    assert_eq!(h.len(), 2);
    assert_eq!(
        h.sessions()[0].id,
        SessionId("legacy-2".into()),
        "oldest first"
    );
    let old = h.get(&SessionId("legacy-1".into())).expect("loaded");
    assert_eq!(old.ending, Some(EndingKind::OpenedUp));
    assert_eq!(old.title(), "tutorial");
    assert!(old.metrics.is_none() && old.choices.is_empty());
    assert_eq!(
        h.best_outcome("tutorial").map(|b| b.ending),
        Some(EndingKind::OpenedUp)
    );
    assert!(h.trends(None).iter().all(|t| t.points.is_empty()));

    store
        .record_session(session(&s, 1, &Pick::Best, 0))
        .expect("saved");
    let again = Store::open(dir.path().to_path_buf());
    assert_eq!(again.history().version, HISTORY_VERSION);
    assert_eq!(again.history().len(), 3);
}

#[test]
fn version_0_settings_and_resume_load() {
    let s = scenario();
    let dir = temp_dir();
    fs::write(
        dir.path().join(SETTINGS_FILE),
        "(theme: dark, reduced_motion: true)",
    )
    .expect("fixture");
    let c = Conversation::new(&s, 5).expect("starts");
    let mut resume = Resume::new(SessionId("old".into()), at(0), c.clone());
    resume.version = 0;
    let text = store::to_ron(&resume)
        .expect("encodes")
        .replace("version: 0,", "");
    assert!(!text.contains("version"), "{text}");
    fs::write(dir.path().join(RESUME_FILE), text).expect("fixture");

    let store = Store::open(dir.path().to_path_buf());
    assert!(store.notices().is_empty(), "{:?}", store.notices());
    let settings = store.settings();
    assert_eq!(settings.theme, Theme::Dark);
    assert!(settings.reduced_motion);
    assert!(
        settings.show_trust_meter,
        "missing fields take their defaults"
    );
    assert_eq!(
        store
            .resumes()
            .iter()
            .map(|r| &r.conversation)
            .collect::<Vec<_>>(),
        [&c]
    );
}

#[test]
fn a_file_from_a_newer_version_is_read_but_never_overwritten() {
    let s = scenario();
    let dir = temp_dir();
    let newer = r#"(version: 7, sessions: [(id: "future", date: "2030-01-01T00:00:00Z",
        scenario_id: "tutorial", ending: Some(guarded))])"#;
    fs::write(dir.path().join(HISTORY_FILE), newer).expect("fixture");
    let mut store = Store::open(dir.path().to_path_buf());
    assert_eq!(store.history().len(), 1);
    assert_eq!(store.notices().len(), 1);
    assert_eq!(store.notices()[0].kind, NoticeKind::NewerVersion);
    assert!(store.notices()[0].message.contains("history.ron"));

    store
        .record_session(session(&s, 1, &Pick::Best, 0))
        .expect("kept in memory");
    assert_eq!(store.history().len(), 2);
    assert_eq!(
        fs::read_to_string(dir.path().join(HISTORY_FILE)).expect("there"),
        newer,
        "untouched"
    );
}

#[test]
fn a_newer_file_that_cannot_be_parsed_is_left_in_place() {
    let dir = temp_dir();
    let newer = "(version: 4, theme: sepia, text_scale: 1.0)";
    fs::write(dir.path().join(SETTINGS_FILE), newer).expect("fixture");
    let mut store = Store::open(dir.path().to_path_buf());
    assert_eq!(store.settings(), &Settings::default());
    assert_eq!(store.notices()[0].kind, NoticeKind::NewerVersion);
    assert!(
        store.notices()[0].message.contains("settings.ron:1:"),
        "{}",
        store.notices()[0]
    );
    store
        .set_settings(Settings {
            theme: Theme::Dark,
            ..Settings::default()
        })
        .expect("kept in memory");
    assert_eq!(
        fs::read_to_string(dir.path().join(SETTINGS_FILE)).expect("there"),
        newer
    );
    assert!(files_named(dir.path(), "settings.ron.corrupt-").is_empty());
}

#[test]
fn every_stored_format_carries_a_version() {
    let s = scenario();
    let dir = temp_dir();
    let mut store = Store::open(dir.path().to_path_buf());
    store
        .set_settings(Settings {
            reduced_motion: true,
            ..Settings::default()
        })
        .expect("saved");
    store
        .record_session(session(&s, 1, &Pick::Best, 0))
        .expect("saved");
    let c = Conversation::new(&s, 1).expect("starts");
    store
        .save_resume(Resume::new(SessionId::new(at(0)), at(0), c))
        .expect("saved");
    for (name, version) in [
        (SETTINGS_FILE, store::SETTINGS_VERSION),
        (HISTORY_FILE, HISTORY_VERSION),
        (RESUME_FILE, store::UNFINISHED_VERSION),
    ] {
        let text = fs::read_to_string(dir.path().join(name)).expect("written");
        assert!(
            text.trim_start()
                .starts_with(&format!("(\n  version: {version},")),
            "{name}: {text}"
        );
    }
}

#[test]
fn the_default_folder_is_a_per_user_data_folder() {
    if let Some(dir) = Store::default_dir() {
        assert!(dir.is_absolute());
        assert!(dir.to_string_lossy().to_lowercase().contains("attune"));
    }
}

// ------------------------------------------------------------ hostile text

#[test]
fn every_truncation_of_a_history_file_is_an_error_or_a_valid_history() {
    let s = scenario();
    let mut store = Store::in_memory();
    store
        .record_session(session(&s, 1, &Pick::Best, 0))
        .expect("kept");
    store
        .record_session(session(&s, 2, &Pick::Worst, 1))
        .expect("kept");
    let text = store::to_ron(store.history()).expect("encodes");
    assert_eq!(
        store::History::parse(&text).as_ref(),
        Ok(store.history()),
        "round trip"
    );
    for cut in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
        match store::History::parse(&text[..cut]) {
            Ok(h) => assert!(h.len() <= 2),
            Err(e) => assert!(e.line >= 1 && e.col >= 1, "{e}"),
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    #[test]
    fn parsing_arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let _ = store::History::parse(&text);
    }

    #[test]
    fn parsing_mangled_history_never_panics(
        cut in 0usize..400,
        insert in "[()\\[\\]{}:,\"a-z0-9 ]{0,8}",
    ) {
        let base = "(version: 1, sessions: [(id: \"x\", date: \"2026-01-01T00:00:00Z\", \
            scenario_id: \"tutorial\", seed: 3, choices: [\"a\"], ending: Some(guarded))])";
        let cut = (0..=cut.min(base.len())).rev().find(|&i| base.is_char_boundary(i)).unwrap_or(0);
        let text = format!("{}{}{}", &base[..cut], insert, &base[cut..]);
        let _ = store::History::parse(&text);
    }
}
