//! The HTTP side of room votes: a listener on one thread, and a short
//! thread per connection (at most [`MAX_CONNECTIONS`] at once) that reads
//! one request head under a deadline, answers and closes. Every request but
//! the bare `/` needs the join code; votes carry no body, so any request
//! that declares one is refused without reading it.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::json;

use super::http::{self, Answer};
use super::tally::{Decision, Refusal, RoomState, Tally};

/// Connections served at once. A room is tens of phones, each holding a
/// connection for a few milliseconds a second; a slow or stuck client
/// holds one for a bounded time (10 seconds for its head). Beyond this,
/// new connections get 503 at once.
pub const MAX_CONNECTIONS: usize = 256;
/// Stack of a connection thread: it parses a head and builds a small
/// answer.
const CONNECTION_STACK: usize = 256 * 1024;
/// How long the listener rests after a failed accept (out of file
/// handles, say) before trying again.
const BACKOFF: Duration = Duration::from_millis(50);
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
/// the listener's thread ends; connections being answered finish within
/// their deadlines and answer 503.
pub struct RoomServer {
    shared: Arc<Shared>,
    listener: Option<JoinHandle<()>>,
    addr: SocketAddr,
    code: String,
}

struct Shared {
    room: Mutex<RoomState>,
    code: String,
    stop: AtomicBool,
    /// Connections being served now.
    open: AtomicUsize,
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
        let bind_error = |e: std::io::Error| RoomError::Bind {
            addr: wanted,
            reason: e.to_string(),
        };
        let listener = TcpListener::bind(wanted).map_err(bind_error)?;
        let addr = listener.local_addr().map_err(bind_error)?;
        let shared = Arc::new(Shared {
            room: Mutex::new(RoomState::default()),
            code: code.clone(),
            stop: AtomicBool::new(false),
            open: AtomicUsize::new(0),
            on_change: Box::new(on_change),
        });
        let inside = Arc::clone(&shared);
        let handle = std::thread::Builder::new()
            .name("attune-room".into())
            .spawn(move || listen(&listener, &inside))?;
        Ok(RoomServer {
            shared,
            listener: Some(handle),
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

    /// Connections being served now (for tests and the docs' figures).
    pub fn open_connections(&self) -> usize {
        self.shared.open.load(Ordering::SeqCst)
    }
}

impl Drop for RoomServer {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        // The listener waits in `accept`; a connection of our own wakes it
        // to see the flag, and it closes the port as it ends.
        let ip = match self.addr.ip() {
            IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
            IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
            ip => ip,
        };
        let wake = SocketAddr::new(ip, self.addr.port());
        let woken = TcpStream::connect_timeout(&wake, Duration::from_secs(1)).is_ok();
        if let Some(listener) = self.listener.take().filter(|_| woken) {
            // A listener that panicked has nothing left to clean up.
            let _ = listener.join();
        }
        // Not woken: the listener ends at the next connection, unanswered.
    }
}

impl std::fmt::Debug for RoomServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RoomServer")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

/// Accepts connections until the server stops, each onto a thread of its
/// own, so no client, however slow, delays an answer to another.
fn listen(listener: &TcpListener, shared: &Arc<Shared>) {
    for stream in listener.incoming() {
        if shared.stop.load(Ordering::SeqCst) {
            break;
        }
        match stream {
            Ok(stream) => open(shared, stream),
            Err(_) => std::thread::sleep(BACKOFF),
        }
    }
}

/// Serves a new connection on its own thread, or answers 503 at once if
/// [`MAX_CONNECTIONS`] are open or no thread can be had.
fn open(shared: &Arc<Shared>, stream: TcpStream) {
    let started = Instant::now();
    let busy = || Answer::text(503, "The server is busy; try again in a moment.");
    if shared.open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
        shared.open.fetch_sub(1, Ordering::SeqCst);
        // A fresh socket takes a short answer without blocking.
        http::send(stream, &busy(), false, false);
        return;
    }
    let slot = Slot(Arc::clone(shared));
    let Ok(answered) = stream.try_clone() else {
        return;
    };
    let spawned = std::thread::Builder::new()
        .name("attune-room-connection".into())
        .stack_size(CONNECTION_STACK)
        .spawn(move || serve(&slot.0, stream, started));
    if spawned.is_err() {
        // The closure and its slot were dropped; the count is back.
        http::send(answered, &busy(), false, false);
    }
}

/// A connection being served; counts in [`Shared::open`] until dropped.
struct Slot(Arc<Shared>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.open.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Reads one request head, answers it and closes the connection.
fn serve(shared: &Shared, mut stream: TcpStream, started: Instant) {
    match http::read_head(&mut stream, started) {
        Ok(head) => {
            let answer = if shared.stop.load(Ordering::SeqCst) {
                Answer::text(503, "Room votes have stopped.")
            } else {
                route(shared, &head.method, &head.target)
            };
            http::send(stream, &answer, head.method == "HEAD", head.trailing);
        }
        Err(unusable) => {
            if let Some(answer) = unusable.answer() {
                let unread = unusable != http::Unusable::TooSlow;
                http::send(stream, &answer, false, unread);
            }
        }
    }
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

fn route(shared: &Shared, method: &str, url: &str) -> Answer {
    let Some((path, params)) = parse(url) else {
        return Answer::text(400, "Malformed request.");
    };
    let code = param(&params, "code");
    if path == "/" && code.is_none() && method == "GET" {
        return Answer::page(200, ASK_PAGE);
    }
    let right = code
        .and_then(super::code::normalise)
        .is_some_and(|c| c == shared.code);
    if !right {
        return if path == "/" {
            Answer::page(403, ASK_PAGE)
        } else {
            Answer::text(403, "Wrong or missing join code.")
        };
    }
    match (method, path) {
        ("GET", "/") => Answer::page(200, VOTE_PAGE),
        ("GET", "/state") => state(shared, &params),
        ("POST", "/vote") => vote(shared, &params),
        (_, "/" | "/state" | "/vote") => Answer::text(405, "Method not allowed."),
        _ => Answer::text(404, "Not found."),
    }
}

/// The current decision as this device sees it; joins the device.
fn state(shared: &Shared, params: &[(&str, &str)]) -> Answer {
    let Some(token) = token(params) else {
        return Answer::text(400, "A device token is needed.");
    };
    let mut room = shared.room();
    let before = room.devices();
    if !room.admit(token, Instant::now()) {
        return Answer::text(429, "Too many requests; wait a moment.");
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
    Answer::json(200, &body)
}

fn vote(shared: &Shared, params: &[(&str, &str)]) -> Answer {
    let (Some(token), Some(id), Some(letter)) = (
        token(params),
        param(params, "decision").and_then(|d| d.parse::<u64>().ok()),
        param(params, "option").filter(|o| o.len() == 1),
    ) else {
        return Answer::text(400, "A vote needs a token, a decision and an option.");
    };
    let mut room = shared.room();
    if !room.admit(token, Instant::now()) {
        return Answer::text(429, "Too many requests; wait a moment.");
    }
    let result = room.vote(token, id, letter);
    drop(room);
    match result {
        Ok(()) => {
            (shared.on_change)();
            Answer::json(200, &json!({ "counted": letter }))
        }
        Err(refusal) => {
            let why = match refusal {
                Refusal::NotOpen => "This decision is not open for votes.",
                Refusal::Closed => "The votes on this decision are closed.",
                Refusal::NoSuchOption => "There is no such option.",
                Refusal::Full => "The room is full.",
            };
            Answer::json(409, &json!({ "refused": why }))
        }
    }
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
