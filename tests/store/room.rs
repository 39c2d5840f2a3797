//! Issue 20: the room-votes server, run for real on 127.0.0.1 and spoken
//! to over plain sockets: the join code, votes on open, old and unopened
//! decisions, changed votes, 300 devices at once, hostile requests, rate
//! limits, and that nothing listens once it stops. Traffic stays on the
//! loopback address; every read and write has a timeout.

use std::io::Write;
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use attune::room::{Decision, MAX_CONNECTIONS, PhoneOption, RoomConfig, RoomServer};

use crate::room_client::{self as client, connect, raw, request};

const CODE: &str = "ROOM7";

fn start() -> RoomServer {
    start_with(|| {})
}

fn start_with(on_change: impl Fn() + Send + Sync + 'static) -> RoomServer {
    let config = RoomConfig {
        bind: Some(Ipv4Addr::LOCALHOST.into()),
        port: 0,
        code: Some(CODE.to_string()),
    };
    let server = RoomServer::start(&config, on_change).expect("the server starts");
    assert!(server.addr().ip().is_loopback());
    server
}

fn decision(id: u64, revealed: bool) -> Decision {
    Decision {
        id,
        options: ["A", "B", "C"]
            .iter()
            .map(|l| PhoneOption {
                letter: (*l).to_string(),
                text: format!("Option {l}"),
                skills: vec![format!("Skill of {l}")],
            })
            .collect(),
        revealed,
    }
}

fn state(addr: SocketAddr, token: &str) -> (u16, serde_json::Value) {
    client::state(addr, CODE, token)
}

fn vote(addr: SocketAddr, token: &str, decision: u64, option: &str) -> u16 {
    client::vote(addr, CODE, token, decision, option)
}

#[test]
fn every_request_needs_the_join_code() {
    let server = start();
    let addr = server.addr();
    let (status, body) = request(addr, "GET", "/");
    assert_eq!(status, 200);
    assert!(
        body.contains("join code"),
        "the bare page asks for the code"
    );
    assert_eq!(request(addr, "GET", "/?code=WRONG").0, 403);
    assert_eq!(
        request(addr, "GET", "/state?code=WRONG&token=device-01").0,
        403
    );
    assert_eq!(request(addr, "GET", "/state?token=device-01").0, 403);
    assert_eq!(
        vote(addr, "device-01", 1, "A"),
        409,
        "right code, nothing open"
    );
    let wrong = "/vote?code=NOPE1&token=device-01&decision=1&option=A";
    assert_eq!(request(addr, "POST", wrong).0, 403);
    assert_eq!(request(addr, "GET", "/favicon.ico").0, 403);
    let (status, page) = request(addr, "GET", &format!("/?code={}", CODE.to_lowercase()));
    assert_eq!(status, 200, "codes are not case-sensitive");
    assert!(page.contains("Room vote") && page.contains("localStorage"));
    assert_eq!(
        request(addr, "GET", &format!("/nothing?code={CODE}")).0,
        404
    );
    assert_eq!(request(addr, "PUT", &format!("/vote?code={CODE}")).0, 405);
}

#[test]
fn votes_on_unopened_or_old_decisions_are_refused_and_a_changed_vote_counts_once() {
    let server = start();
    let addr = server.addr();
    let (status, before) = state(addr, "device-01");
    assert_eq!(status, 200);
    assert!(before["decision"].is_null(), "waiting between decisions");
    assert_eq!(vote(addr, "device-01", 1, "A"), 409, "not opened yet");

    server.publish(Some(decision(1, false)));
    let (_, open) = state(addr, "device-01");
    assert_eq!(open["decision"], 1);
    assert_eq!(open["options"][1]["letter"], "B");
    assert_eq!(
        open["options"][1]["skills"].as_array().map(Vec::len),
        Some(0)
    );
    assert_eq!(vote(addr, "device-01", 1, "A"), 200);
    assert_eq!(vote(addr, "device-01", 1, "B"), 200);
    assert_eq!(vote(addr, "device-02", 1, "B"), 200);
    assert_eq!(vote(addr, "device-02", 1, "Z"), 409, "no such option");
    assert_eq!(
        server.tally().votes,
        vec![0, 2, 0],
        "a changed vote counts once"
    );
    assert_eq!(state(addr, "device-01").1["mine"], "B");

    server.publish(Some(decision(1, true)));
    let (_, revealed) = state(addr, "device-01");
    assert_eq!(revealed["options"][0]["skills"][0], "Skill of A");
    assert_eq!(
        vote(addr, "device-01", 1, "C"),
        409,
        "final after the reveal"
    );

    server.publish(Some(decision(2, false)));
    assert_eq!(vote(addr, "device-01", 1, "A"), 409, "an old decision");
    assert_eq!(server.tally().votes, vec![0, 0, 0]);
    assert_eq!(vote(addr, "device-01", 2, "C"), 200);
    assert_eq!(server.tally().votes, vec![0, 0, 1]);
    assert_eq!(server.tally().devices, 2);
}

/// 300 phones join and vote at once, from 30 threads; every vote is
/// counted exactly, within 10 seconds. Prints the round-trip times.
#[test]
fn three_hundred_devices_vote_within_ten_seconds_and_none_is_lost() {
    const DEVICES: usize = 300;
    const THREADS: usize = 30;
    let rss_before = resident_kib();
    let changes = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&changes);
    let server = start_with(move || {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    server.publish(Some(decision(9, false)));
    let addr = server.addr();
    let started = Instant::now();
    let handles: Vec<_> = (0..THREADS)
        .map(|t| {
            std::thread::spawn(move || {
                let mut times = Vec::new();
                for d in (t..DEVICES).step_by(THREADS) {
                    let token = format!("device-{d:04}");
                    assert_eq!(state(addr, &token).0, 200);
                    let letter = ["A", "B", "C"][d % 3];
                    let sent = Instant::now();
                    assert_eq!(vote(addr, &token, 9, letter), 200, "{token}");
                    times.push(sent.elapsed());
                }
                times
            })
        })
        .collect();
    let mut times: Vec<Duration> = handles
        .into_iter()
        .flat_map(|h| h.join().expect("a device thread"))
        .collect();
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(10), "took {elapsed:?}");
    let tally = server.tally();
    assert_eq!(tally.votes, vec![100, 100, 100]);
    assert_eq!(tally.devices, DEVICES);
    assert_eq!(
        changes.load(Ordering::SeqCst),
        2 * DEVICES,
        "a wake per join and vote"
    );
    times.sort();
    let p95 = times[times.len() * 95 / 100];
    eprintln!(
        "room: {DEVICES} devices in {elapsed:?}; vote round trip median {:?}, p95 {p95:?}, max {:?}; \
         resident memory {rss_before:?} KiB before, {:?} KiB after",
        times[times.len() / 2],
        times[times.len() - 1],
        resident_kib()
    );
}

/// The process's resident memory on Linux (for the printout only).
fn resident_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn malformed_oversized_and_slow_requests_leave_the_server_up() {
    let server = start();
    server.publish(Some(decision(1, false)));
    let addr = server.addr();
    let up = || state(addr, "device-01").0 == 200;

    let (status, _) = raw(addr, b"\x00\x01\x02 not http at all\r\n\r\n");
    assert!(
        status == 0 || (400..500).contains(&status),
        "garbage: {status}"
    );
    assert!(up());
    let (status, _) = raw(addr, b"GET /state?code=ROOM7&token=%%%% HTTP/1.1\r\n\r\n");
    assert_eq!(status, 400, "percent signs are not a token");
    let long = format!("/state?code={CODE}&token={}", "x".repeat(100_000));
    let status = request(addr, "GET", &long).0;
    assert!(
        status == 0 || (400..500).contains(&status),
        "long url: {status}"
    );
    assert!(up());
    let (status, _) = raw(
        addr,
        format!("POST /vote?code={CODE} HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello").as_bytes(),
    );
    assert_eq!(status, 413, "bodies are refused");
    let mut big =
        format!("POST /vote?code={CODE} HTTP/1.1\r\nContent-Length: 1000000\r\n\r\n").into_bytes();
    big.extend(std::iter::repeat_n(b'x', 1_000_000));
    let status = raw(addr, &big).0;
    assert!(status == 0 || status == 413, "a megabyte body: {status}");
    assert!(up());

    // Slow clients: heads that never end, and bodies that never come.
    let mut heads = Vec::new();
    for _ in 0..20 {
        let mut s = connect(addr);
        s.write_all(b"GET /state?code=RO").unwrap();
        heads.push(s);
    }
    let mut bodies = Vec::new();
    for _ in 0..40 {
        let mut s = connect(addr);
        s.write_all(
            format!("POST /vote?code={CODE} HTTP/1.1\r\nContent-Length: 100\r\n\r\nx").as_bytes(),
        )
        .unwrap();
        bodies.push(s);
    }
    // Each answer must come while they hang, well within the client's
    // timeout; the bound is loose for a loaded 2-core machine.
    let started = Instant::now();
    assert!(up(), "answers while slow clients hang");
    let first = started.elapsed();
    assert!(first < Duration::from_secs(2), "state took {first:?}");
    let started = Instant::now();
    assert_eq!(vote(addr, "device-02", 1, "A"), 200);
    let second = started.elapsed();
    assert!(second < Duration::from_secs(2), "vote took {second:?}");
    // A body that never comes is refused from the head, without waiting.
    for s in &mut bodies {
        assert_eq!(client::answer(s).0, 413, "a declared body");
    }
    drop(heads);
    drop(bodies);
    assert!(up());
    assert_eq!(server.tally().votes, vec![1, 0, 0]);
    // Every connection's thread ends once its client has gone.
    let deadline = Instant::now() + Duration::from_secs(5);
    while server.open_connections() > 0 {
        assert!(
            Instant::now() < deadline,
            "{} still open",
            server.open_connections()
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn a_device_that_floods_is_slowed_and_others_are_not() {
    let server = start();
    let addr = server.addr();
    let statuses: Vec<u16> = (0..40).map(|_| state(addr, "flooder-1").0).collect();
    assert!(statuses.contains(&429), "{statuses:?}");
    assert_eq!(state(addr, "a-quiet-phone").0, 200);
}

#[test]
fn nothing_listens_once_the_server_stops() {
    let server = start();
    let addr = server.addr();
    assert_eq!(request(addr, "GET", "/").0, 200);
    drop(server);
    // The listener closes on its own thread, right after the drop.
    let deadline = Instant::now() + Duration::from_secs(2);
    while TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
        assert!(Instant::now() < deadline, "the port is still open");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// With [`MAX_CONNECTIONS`] connections held open, the next one is told
/// the server is busy at once (rather than queued behind them), and
/// service comes back as soon as they close.
#[test]
fn a_full_server_says_busy_at_once_and_recovers() {
    let server = start();
    let addr = server.addr();
    let idle: Vec<_> = (0..MAX_CONNECTIONS).map(|_| connect(addr)).collect();
    let deadline = Instant::now() + Duration::from_secs(5);
    while server.open_connections() < MAX_CONNECTIONS {
        assert!(Instant::now() < deadline, "{}", server.open_connections());
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(state(addr, "device-01").0, 503, "at the cap");
    drop(idle);
    let deadline = Instant::now() + Duration::from_secs(5);
    while server.open_connections() > 0 {
        assert!(Instant::now() < deadline, "{}", server.open_connections());
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(state(addr, "device-01").0, 200, "after they close");
}
