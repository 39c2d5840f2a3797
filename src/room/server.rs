//! The HTTP side of room votes: a `tiny_http` server answered by a few
//! worker threads. Every request but the bare `/` needs the join code;
//! votes carry no body, so any request with one is refused.

use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::json;
use tiny_http::{Header, Method, Request, Response};

use super::tally::{Decision, Refusal, RoomState, Tally};

/// Worker threads answering requests; each answer takes microseconds.
const WORKERS: usize = 4;
/// How often a worker looks at the stop flag while idle.
const POLL: Duration = Duration::from_millis(50);
/// The longest request target (path and query) accepted.
const MAX_URL: usize = 512;

/// The page that asks for the join code.
const ASK_PAGE: &str = include_str!("ask.html");
/// The voting page.
const VOTE_PAGE: &str = include_str!("vote.html");

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum RoomError {
    #[error("cannot listen on {addr}: {reason}")]
    Bind { addr: SocketAddr, reason: String },
    #[error("the join code must be 4 to 6 letters or digits")]
    BadCode,
    #[error("cannot start the server's threads: {0}")]
    Thread(#[from] std::io::Error),
}

/// Where and how to serve.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoomConfig {
    /// The address to listen on; `None` means the room's network (the
    /// laptop's LAN address).
    pub bind: Option<IpAddr>,
    /// The port; 0 picks a free one.
    pub port: u16,
    /// The join code; `None` draws a random one.
    pub code: Option<String>,
}

/// A running room server. Dropping it stops it: the port is closed and
/// the threads end.
pub struct RoomServer {
    shared: Arc<Shared>,
    workers: Vec<JoinHandle<()>>,
    addr: SocketAddr,
    code: String,
}

struct Shared {
    server: tiny_http::Server,
    room: Mutex<RoomState>,
    code: String,
    stop: AtomicBool,
    /// Called after a vote or a new device, so the app repaints.
    on_change: Box<dyn Fn() + Send + Sync>,
}

impl Shared {
    fn room(&self) -> MutexGuard<'_, RoomState> {
        // The state stays consistent even if a holder panicked: each
        // change is a single insert or assignment.
        self.room.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl RoomServer {
    /// Starts serving. `on_change` is called from the server's threads
    /// after every counted vote or newly joined device.
    pub fn start(
        config: &RoomConfig,
        on_change: impl Fn() + Send + Sync + 'static,
    ) -> Result<RoomServer, RoomError> {
        let code = match &config.code {
            Some(code) => super::code::normalise(code).ok_or(RoomError::BadCode)?,
            None => super::code::random(),
        };
        let ip = config.bind.unwrap_or_else(super::address::lan_address);
        let wanted = SocketAddr::new(ip, config.port);
        let server = tiny_http::Server::http(wanted).map_err(|e| RoomError::Bind {
            addr: wanted,
            reason: e.to_string(),
        })?;
        let addr = server.server_addr().to_ip().unwrap_or(wanted);
        let shared = Arc::new(Shared {
            server,
            room: Mutex::new(RoomState::default()),
            code: code.clone(),
            stop: AtomicBool::new(false),
            on_change: Box::new(on_change),
        });
        let mut workers = Vec::new();
        for n in 0..WORKERS {
            let worker = Arc::clone(&shared);
            let spawned = std::thread::Builder::new()
                .name(format!("attune-room-{n}"))
                .spawn(move || work(&worker));
            match spawned {
                Ok(handle) => workers.push(handle),
                Err(e) => {
                    let partial = RoomServer {
                        shared,
                        workers,
                        addr,
                        code,
                    };
                    drop(partial);
                    return Err(RoomError::Thread(e));
                }
            }
        }
        Ok(RoomServer {
            shared,
            workers,
            addr,
            code,
        })
    }

    /// The address phones connect to.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn code(&self) -> &str {
        &self.code
    }

    /// What the QR code encodes: `http://ADDR:PORT/?code=CODE`.
    pub fn url(&self) -> String {
        format!("http://{}/?code={}", self.addr, self.code)
    }

    /// Sets the decision the phones vote on (`None` between decisions).
    pub fn publish(&self, decision: Option<Decision>) {
        self.shared.room().publish(decision);
    }

    /// The votes and devices so far.
    pub fn tally(&self) -> Tally {
        self.shared.room().tally()
    }
}

impl Drop for RoomServer {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        for worker in self.workers.drain(..) {
            // A worker that panicked has nothing left to clean up.
            let _ = worker.join();
        }
    }
}

impl std::fmt::Debug for RoomServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RoomServer")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

fn work(shared: &Arc<Shared>) {
    while !shared.stop.load(Ordering::SeqCst) {
        match shared.server.recv_timeout(POLL) {
            Ok(Some(request)) => dispatch(shared, request),
            Ok(None) => {}
            // The listener failed; the app shows no tally change, and the
            // facilitator can restart room votes.
            Err(_) => std::thread::sleep(POLL),
        }
    }
}

/// Answers a request, on a thread of its own if it has a body: dropping a
/// request reads the rest of its body, which a slow client can stretch, so
/// such a client holds one short thread (as each connection already holds
/// one of `tiny_http`'s), never a worker.
fn dispatch(shared: &Arc<Shared>, request: Request) {
    let has_body = request.body_length().is_some_and(|n| n > 0)
        || request
            .headers()
            .iter()
            .any(|h| h.field.equiv("Transfer-Encoding"));
    if !has_body {
        answer(shared, request);
        return;
    }
    let refuse = move || {
        let _ = request.respond(text(413, "Requests here have no body."));
    };
    let spawned = std::thread::Builder::new()
        .name("attune-room-body".into())
        .spawn(refuse);
    // Without a thread to spare, the request was dropped unanswered with
    // the closure, on this worker; the client sees its connection close.
    let _ = spawned;
}

fn answer(shared: &Shared, request: Request) {
    let response = route(shared, request.method(), request.url());
    // A client that went away needs no answer.
    let _ = request.respond(response);
}

/// The request target split into its path and query parameters; `None`
/// if it is too long or holds anything but the characters codes, tokens
/// and numbers use.
fn parse(url: &str) -> Option<(&str, Vec<(&str, &str)>)> {
    if url.len() > MAX_URL {
        return None;
    }
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let mut params = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let plain = |s: &str| {
            s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_".contains(&b))
        };
        if !plain(key) || !plain(value) {
            return None;
        }
        params.push((key, value));
    }
    Some((path, params))
}

fn param<'a>(params: &[(&str, &'a str)], key: &str) -> Option<&'a str> {
    params.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// A device token: 8 to 64 letters, digits, `-` or `_`.
fn token<'a>(params: &[(&str, &'a str)]) -> Option<&'a str> {
    param(params, "token").filter(|t| (8..=64).contains(&t.len()))
}

type Answer = Response<std::io::Cursor<Vec<u8>>>;

fn route(shared: &Shared, method: &Method, url: &str) -> Answer {
    let Some((path, params)) = parse(url) else {
        return text(400, "Malformed request.");
    };
    let code = param(&params, "code");
    if path == "/" && code.is_none() && *method == Method::Get {
        return page(200, ASK_PAGE);
    }
    let right = code
        .and_then(super::code::normalise)
        .is_some_and(|c| c == shared.code);
    if !right {
        return if path == "/" {
            page(403, ASK_PAGE)
        } else {
            text(403, "Wrong or missing join code.")
        };
    }
    match (method, path) {
        (Method::Get, "/") => page(200, VOTE_PAGE),
        (Method::Get, "/state") => state(shared, &params),
        (Method::Post, "/vote") => vote(shared, &params),
        (_, "/" | "/state" | "/vote") => text(405, "Method not allowed."),
        _ => text(404, "Not found."),
    }
}

/// The current decision as this device sees it; joins the device.
fn state(shared: &Shared, params: &[(&str, &str)]) -> Answer {
    let Some(token) = token(params) else {
        return text(400, "A device token is needed.");
    };
    let mut room = shared.room();
    let before = room.devices();
    if !room.admit(token, Instant::now()) {
        return text(429, "Too many requests; wait a moment.");
    }
    let joined = room.devices() > before;
    let body = match room.decision() {
        Some(d) => {
            let options: Vec<_> = d
                .options
                .iter()
                .map(|o| {
                    json!({
                        "letter": o.letter,
                        "text": o.text,
                        "skills": if d.revealed { o.skills.clone() } else { Vec::new() },
                    })
                })
                .collect();
            let mine = room
                .vote_of(token)
                .and_then(|i| d.options.get(i))
                .map(|o| o.letter.clone());
            json!({ "decision": d.id, "revealed": d.revealed, "options": options, "mine": mine })
        }
        None => json!({ "decision": null, "revealed": false, "options": [], "mine": null }),
    };
    drop(room);
    if joined {
        (shared.on_change)();
    }
    json_answer(200, &body)
}

fn vote(shared: &Shared, params: &[(&str, &str)]) -> Answer {
    let (Some(token), Some(id), Some(letter)) = (
        token(params),
        param(params, "decision").and_then(|d| d.parse::<u64>().ok()),
        param(params, "option").filter(|o| o.len() == 1),
    ) else {
        return text(400, "A vote needs a token, a decision and an option.");
    };
    let mut room = shared.room();
    if !room.admit(token, Instant::now()) {
        return text(429, "Too many requests; wait a moment.");
    }
    let result = room.vote(token, id, letter);
    drop(room);
    match result {
        Ok(()) => {
            (shared.on_change)();
            json_answer(200, &json!({ "counted": letter }))
        }
        Err(refusal) => {
            let why = match refusal {
                Refusal::NotOpen => "This decision is not open for votes.",
                Refusal::Closed => "The votes on this decision are closed.",
                Refusal::NoSuchOption => "There is no such option.",
                Refusal::Full => "The room is full.",
            };
            json_answer(409, &json!({ "refused": why }))
        }
    }
}

fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

/// Headers every answer carries: nothing cached, nothing framed, nothing
/// loaded from elsewhere.
fn with_headers(mut response: Answer, content_type: &str) -> Answer {
    for (name, value) in [
        ("Content-Type", content_type),
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        (
            "Content-Security-Policy",
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; \
             connect-src 'self'; form-action 'self'; frame-ancestors 'none'",
        ),
    ] {
        if let Some(h) = header(name, value) {
            response.add_header(h);
        }
    }
    response
}

fn text(status: u16, body: &str) -> Answer {
    with_headers(
        Response::from_string(body).with_status_code(status),
        "text/plain; charset=utf-8",
    )
}

fn page(status: u16, body: &str) -> Answer {
    with_headers(
        Response::from_string(body).with_status_code(status),
        "text/html; charset=utf-8",
    )
}

fn json_answer(status: u16, body: &serde_json::Value) -> Answer {
    with_headers(
        Response::from_string(body.to_string()).with_status_code(status),
        "application/json",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_query_parameters_parse() {
        let (path, params) = parse("/vote?code=AB12&token=abcdefgh&option=A").unwrap();
        assert_eq!(path, "/vote");
        assert_eq!(param(&params, "option"), Some("A"));
        assert!(parse("/?code=%41").is_none());
        assert!(parse("/?code=<script>").is_none());
        assert!(parse(&format!("/?code={}", "A".repeat(600))).is_none());
    }
}
