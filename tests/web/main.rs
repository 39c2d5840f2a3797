//! The web build in a real browser (issue 19): headless Chromium loads
//! `dist/` (built by `scripts/build_web.sh`) from a local static server,
//! waits for the library, plays the tutorial to its debrief with keyboard
//! events only, reloads the page and finds the session in the history,
//! and checks the console stayed free of errors; then the same with the
//! browser's storage turned off, where a notice says nothing is saved.
//!
//! A canvas cannot be read, so the app writes what it shows on the canvas
//! as `data-*` attributes (`src/web/browser.rs`): the screen, the focused
//! widget's name, whether the conversation has ended, the number of
//! sessions in the history, and the last frame's cost.
//!
//! Skipped, with a message, when `dist/` or Chromium is missing, so a plain
//! `cargo test` on a fresh machine passes. `ATTUNE_WEB_SHOTS=<folder>`
//! saves screenshots of the library, a conversation and the debrief there;
//! `ATTUNE_WEB_REPORT=<file>` writes the timings measured on the way.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot set up stops with the reason.

mod cdp;
mod serve;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use cdp::Cdp;

/// The whole test gives up after this long; the server stops by then too.
const LIMIT: Duration = Duration::from_secs(240);

/// One browser at a time: two at once on a 2-core machine would skew the
/// timings one test reports.
static ONE_BROWSER: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn dist() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    ["index.html", "attune.js", "attune_bg.wasm"]
        .iter()
        .all(|f| dir.join(f).is_file())
        .then_some(dir)
}

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser"].into_iter().find(|name| {
        Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// Headless Chromium with its DevTools port; killed when dropped.
struct Browser {
    child: Child,
    port: u16,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn launch(program: &str) -> Browser {
        let profile = tempfile::tempdir().expect("a temporary profile folder");
        let mut child = Command::new(program)
            .args([
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--no-default-browser-check",
                "--remote-debugging-port=0",
                "--window-size=1280,800",
                "--enable-unsafe-swiftshader",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("chromium starts");
        let stderr = child.stderr.take().expect("chromium's stderr");
        let mut lines = BufReader::new(stderr).lines();
        let port = loop {
            let line = lines
                .next()
                .expect("chromium printed its DevTools address")
                .expect("chromium's stderr reads");
            if let Some(rest) = line.split("ws://127.0.0.1:").nth(1) {
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                break digits.parse().expect("a port number");
            }
        };
        // Keep reading stderr so chromium never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Browser {
            child,
            port,
            _profile: profile,
        }
    }

    /// The DevTools address of the open page.
    fn page_socket(&self) -> String {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("DevTools answers");
        write!(
            stream,
            "GET /json/list HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
            self.port
        )
        .expect("a request");
        // The answer's length says where it ends: the browser may keep the
        // connection open.
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .expect("a timeout");
        let mut reader = BufReader::new(stream);
        let mut length = 0;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).expect("a header");
            if line == "\r\n" || line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().expect("a length");
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).expect("the target list");
        let targets: Value = serde_json::from_slice(&body).expect("a target list");
        targets
            .as_array()
            .and_then(|t| t.iter().find(|t| t["type"] == "page"))
            .and_then(|t| t["webSocketDebuggerUrl"].as_str())
            .expect("a page target")
            .to_owned()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The page's view of the app: a `data-*` attribute of the canvas.
fn attr(cdp: &mut Cdp, name: &str) -> String {
    let expression =
        format!("document.getElementById('attune_canvas')?.getAttribute('data-{name}') ?? ''");
    cdp.eval(&expression)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Waits until `data-<name>` reads `want`.
fn wait_for(cdp: &mut Cdp, name: &str, want: &str, started: Instant) {
    while attr(cdp, name) != want {
        assert!(
            started.elapsed() < LIMIT,
            "data-{name} never became {want:?} (it is {:?}); console errors: {:?}",
            attr(cdp, name),
            cdp.errors()
        );
        std::thread::sleep(Duration::from_millis(25));
    }
}

/// Navigates and returns the milliseconds from navigation start to the
/// library's first frame, in the page's own clock.
fn open(cdp: &mut Cdp, url: &str, started: Instant) -> f64 {
    cdp.call("Page.navigate", json!({ "url": url }))
        .expect("navigation");
    // The page may not have its canvas yet; wait for it first.
    while !cdp
        .eval("!!document.getElementById('attune_canvas')")
        .is_ok_and(|v| v == json!(true))
    {
        assert!(started.elapsed() < LIMIT, "the page never loaded");
        std::thread::sleep(Duration::from_millis(10));
    }
    let ready = cdp
        .eval(
            "new Promise((done) => {
               const canvas = document.getElementById('attune_canvas');
               const check = () => {
                 if (canvas.getAttribute('data-screen') === 'Library') {
                   done(performance.now());
                   return true;
                 }
                 return false;
               };
               if (check()) return;
               new MutationObserver((_, o) => { if (check()) o.disconnect(); })
                 .observe(canvas, { attributes: true });
               setTimeout(() => done(-1), 60000);
             })",
        )
        .expect("the library opens");
    // Keys go to the canvas, as after a click on the page.
    cdp.eval("document.getElementById('attune_canvas').focus()")
        .expect("focus");
    let ms = ready.as_f64().unwrap_or(f64::NAN);
    assert!(
        ms >= 0.0,
        "the library did not open within a minute; console errors: {:?}; page says: {:?}",
        cdp.errors(),
        cdp.eval("document.body.innerText")
    );
    eprintln!("library open after {ms:.0} ms");
    ms
}

fn key(cdp: &mut Cdp, name: &str) {
    let (code, key_code) = match name {
        "Tab" => ("Tab", 9),
        "Enter" => ("Enter", 13),
        "1" => ("Digit1", 49),
        other => panic!("no key {other}"),
    };
    cdp.key(name, code, key_code).expect("a key press");
    // One frame to see it.
    std::thread::sleep(Duration::from_millis(40));
}

fn screenshot(cdp: &mut Cdp, name: &str) {
    let Some(dir) = std::env::var_os("ATTUNE_WEB_SHOTS") else {
        return;
    };
    // Two frames, so the screen is drawn completely.
    std::thread::sleep(Duration::from_millis(300));
    let shot = cdp
        .call("Page.captureScreenshot", json!({ "format": "png" }))
        .expect("a screenshot");
    let data = shot["data"].as_str().unwrap_or_default();
    let path = Path::new(&dir).join(format!("{name}.png"));
    std::fs::write(&path, cdp::base64(data)).expect("the screenshot saves");
}

/// Moves the pointer over the page to make the app draw frames, and
/// returns each frame's cost in microseconds as eframe timed it.
fn frame_costs(cdp: &mut Cdp, frames: u32) -> Vec<u64> {
    let mut costs = Vec::new();
    for i in 0..frames {
        let x = 700 + (i % 40) * 5;
        cdp.call(
            "Input.dispatchMouseEvent",
            json!({ "type": "mouseMoved", "x": x, "y": 400 }),
        )
        .expect("a pointer move");
        std::thread::sleep(Duration::from_millis(30));
        if let Ok(us) = attr(cdp, "frame-us").parse::<u64>() {
            costs.push(us);
        }
    }
    costs
}

/// A DevTools session with the browser's page, 1280×800 like the desktop
/// window.
fn session(browser: &Browser) -> Cdp {
    let mut cdp = Cdp::connect(&browser.page_socket()).expect("a DevTools session");
    for domain in ["Page.enable", "Runtime.enable", "Log.enable"] {
        cdp.call(domain, json!({})).expect(domain);
    }
    cdp.call(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": false }),
    )
    .expect("the page's size");
    cdp
}

/// Plays the tutorial from the library to its debrief, by keyboard only.
/// With `measure`, takes the conversation's screenshot after the first
/// choice and returns the cost of 60 frames there.
fn play_tutorial(cdp: &mut Cdp, started: Instant, measure: bool) -> Vec<u64> {
    let target = "Read the briefing for First steps: a rough week";
    for _ in 0..60 {
        if attr(cdp, "focus") == target {
            break;
        }
        key(cdp, "Tab");
    }
    assert_eq!(attr(cdp, "focus"), target, "Tab reaches the card");
    key(cdp, "Enter");
    wait_for(cdp, "screen", "Briefing", started);
    // The start button takes focus when the briefing opens (a frame or
    // two later on a busy machine): Enter until the conversation starts.
    while attr(cdp, "screen") == "Briefing" {
        assert!(
            started.elapsed() < LIMIT,
            "Enter never started the conversation"
        );
        std::thread::sleep(Duration::from_millis(200));
        key(cdp, "Enter");
    }
    wait_for(cdp, "screen", "Conversation", started);
    let mut costs = Vec::new();
    if measure {
        key(cdp, "1");
        screenshot(cdp, "web-conversation");
        costs = frame_costs(cdp, 60);
    }
    for _ in 0..30 {
        if attr(cdp, "finished") == "yes" {
            break;
        }
        key(cdp, "1");
    }
    wait_for(cdp, "finished", "yes", started);
    key(cdp, "Enter");
    wait_for(cdp, "screen", "Debrief", started);
    costs
}

/// A private window or a browser with storage turned off: reading
/// `localStorage` throws. Attune says it cannot save and works anyway.
#[test]
fn without_the_browsers_storage_it_still_plays() {
    let (Some(dist), Some(program)) = (dist(), chromium()) else {
        eprintln!("skipped: needs dist/ (scripts/build_web.sh) and chromium");
        return;
    };
    let _turn = ONE_BROWSER
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let started = Instant::now();
    let server = serve::Server::start(&dist, LIMIT).expect("a local server");
    let url = format!("http://{}/", server.addr);
    let browser = Browser::launch(program);
    let mut cdp = session(&browser);
    cdp.call(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": "Object.defineProperty(window, 'localStorage', { get() { \
            throw new DOMException('storage is off', 'SecurityError'); } });" }),
    )
    .expect("storage turned off");
    open(&mut cdp, &url, started);
    play_tutorial(&mut cdp, started, false);
    assert_eq!(attr(&mut cdp, "sessions"), "1", "kept for this visit");
    screenshot(&mut cdp, "web-no-storage");
    open(&mut cdp, &url, started);
    assert_eq!(attr(&mut cdp, "sessions"), "0", "nothing was saved");
    let errors = cdp.errors();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    drop(server);
}

#[test]
fn the_web_build_plays_to_a_debrief_and_keeps_the_history() {
    let Some(dist) = dist() else {
        eprintln!("skipped: no dist/ (build it with scripts/build_web.sh)");
        return;
    };
    let Some(program) = chromium() else {
        eprintln!("skipped: no chromium installed");
        return;
    };
    let _turn = ONE_BROWSER
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let started = Instant::now();
    let server = serve::Server::start(&dist, LIMIT).expect("a local server");
    let url = format!("http://{}/", server.addr);
    let browser = Browser::launch(program);
    let mut cdp = session(&browser);

    let first_load_ms = open(&mut cdp, &url, started);
    assert_eq!(attr(&mut cdp, "sessions"), "0", "a fresh profile");
    screenshot(&mut cdp, "web-library");

    let costs = play_tutorial(&mut cdp, started, true);
    wait_for(&mut cdp, "sessions", "1", started);
    screenshot(&mut cdp, "web-debrief");

    // The history survives a reload, from the browser's storage.
    let reload_ms = open(&mut cdp, &url, started);
    assert_eq!(
        attr(&mut cdp, "sessions"),
        "1",
        "the finished session is in the history after a reload"
    );
    let errors = cdp.errors();
    assert!(errors.is_empty(), "console errors: {errors:#?}");

    let mut sorted = costs.clone();
    sorted.sort_unstable();
    let median = sorted.get(sorted.len() / 2).copied().unwrap_or(0);
    let p95 = sorted.get(sorted.len() * 95 / 100).copied().unwrap_or(0);
    let report = format!(
        "library interactive: {first_load_ms:.0} ms after navigation (first load), \
         {reload_ms:.0} ms (reload)\nconversation frame: median {median} us, p95 {p95} us \
         over {} frames\n",
        sorted.len()
    );
    eprint!("{report}");
    if let Some(path) = std::env::var_os("ATTUNE_WEB_REPORT") {
        std::fs::write(path, &report).expect("the report saves");
    }
    drop(server);
}
