//! The real window under Xvfb: `--exit-after-frames` closes cleanly and
//! `--screenshot` writes a PNG of the window. Needs `xvfb-run` (Debian's
//! xvfb and xauth, installed by .ci/run). This checks behaviour, not speed.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The window size Attune asks for.
const WINDOW: (u32, u32) = (1280, 800);

/// A software-rendered debug build on a busy machine can be slow to start.
const TIMEOUT: Duration = Duration::from_secs(180);

/// Parallel `xvfb-run -a` can pick the same display; run one at a time.
static XVFB: Mutex<()> = Mutex::new(());

/// Runs the built binary with `args` in a fresh X server, with its data in
/// a temporary folder. Kills it after [`TIMEOUT`].
fn run_window(args: &[&str], data: &Path) -> Output {
    let _one_at_a_time = XVFB.lock().unwrap_or_else(|e| e.into_inner());
    let mut child = Command::new("xvfb-run")
        .args([
            "-a",
            "-s",
            "-screen 0 1280x800x24",
            env!("CARGO_BIN_EXE_attune"),
        ])
        .args(args)
        .env("XDG_DATA_HOME", data)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("xvfb-run starts (install Debian's xvfb and xauth)");
    let start = Instant::now();
    while child
        .try_wait()
        .expect("the child can be waited for")
        .is_none()
    {
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let output = child.wait_with_output().expect("output after kill");
            panic!(
                "attune {args:?} did not exit within {TIMEOUT:?}; stderr:\n{}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().expect("the output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn exit_after_frames_draws_that_many_frames_and_exits_cleanly() {
    let data = tempfile::tempdir().expect("a temporary folder");
    let output = run_window(&["--exit-after-frames", "3"], data.path());
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn exit_after_frames_counts_frames_it_logs() {
    let data = tempfile::tempdir().expect("a temporary folder");
    let output = {
        // The frame log is what the idle benchmark counts.
        let _guard = XVFB.lock().unwrap_or_else(|e| e.into_inner());
        Command::new("xvfb-run")
            .args([
                "-a",
                "-s",
                "-screen 0 1280x800x24",
                env!("CARGO_BIN_EXE_attune"),
            ])
            .args(["--exit-after-frames", "4"])
            .env("XDG_DATA_HOME", data.path())
            .env(attune::app::shell::frame_control::FRAME_LOG_ENV, "1")
            .output()
            .expect("xvfb-run starts")
    };
    assert!(output.status.success(), "{}", stderr(&output));
    let frames: Vec<String> = stderr(&output)
        .lines()
        .filter(|l| l.starts_with("attune: frame "))
        .map(str::to_string)
        .collect();
    assert_eq!(
        frames,
        [
            "attune: frame 1",
            "attune: frame 2",
            "attune: frame 3",
            "attune: frame 4"
        ]
    );
}

#[test]
fn screenshot_saves_a_png_of_the_window_and_exits() {
    let data = tempfile::tempdir().expect("a temporary folder");
    let shot = data.path().join("shot.png");
    let output = run_window(
        &[
            "--open",
            "tutorial",
            "--screenshot",
            shot.to_str().expect("a UTF-8 path"),
        ],
        data.path(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let bytes = std::fs::read(&shot).expect("the screenshot exists");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG signature");
    let image = image::load_from_memory_with_format(&bytes, image::ImageFormat::Png)
        .expect("the PNG decodes")
        .to_rgba8();
    assert_eq!(image.dimensions(), WINDOW);
    // A drawn window, not a blank one: the conversation has text and panels.
    let first = image.get_pixel(0, 0);
    let differing = image.pixels().filter(|p| *p != first).count();
    assert!(
        differing > (WINDOW.0 * WINDOW.1 / 100) as usize,
        "only {differing} pixels differ from the corner"
    );
}

#[test]
fn screenshot_to_an_unwritable_place_fails_with_the_path() {
    let data = tempfile::tempdir().expect("a temporary folder");
    let shot = data.path().join("no such folder").join("shot.png");
    let output = run_window(
        &["--screenshot", shot.to_str().expect("a UTF-8 path")],
        data.path(),
    );
    assert!(!output.status.success(), "a failed screenshot is a failure");
    let err = stderr(&output);
    assert!(err.contains("no such folder/shot.png"), "{err}");
    assert!(!shot.exists());
}

/// F6 of issue 22: a zoom factor of 0, −1, NaN or 1e6 in eframe's
/// `app.ron` (in the same data folder) is reset before eframe reads it,
/// so the window opens instead of panicking on every start.
#[test]
fn a_bad_zoom_factor_in_app_ron_is_reset_and_the_window_opens() {
    for bad in ["0.0", "-1.0", "NaN", "1000000.0"] {
        let data = tempfile::tempdir().expect("a temporary folder");
        let folder = data.path().join("attune");
        std::fs::create_dir_all(&folder).expect("the data folder");
        let memory = format!("(options:(zoom_factor:{bad}))");
        let app_ron = format!("{{\"egui\":{memory:?}}}");
        std::fs::write(folder.join("app.ron"), &app_ron).expect("fixture");
        let output = run_window(&["--exit-after-frames", "3"], data.path());
        assert!(output.status.success(), "zoom {bad}: {}", stderr(&output));
        let after = std::fs::read_to_string(folder.join("app.ron")).expect("kept");
        assert!(!after.contains(&format!("zoom_factor:{bad}")), "{after}");
    }
}
