//! Just enough HTTP/1.1 for the room: read one request head under a
//! deadline and a size cap, never read a body, write one answer, close.
//! Each connection is served on a thread of its own, so everything here
//! may block, but only for as long as the deadlines below allow.

use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::{Duration, Instant};

/// The longest request head (request line and headers) read.
const MAX_HEAD: usize = 8 * 1024;
/// How long a client has to send its whole request head.
pub const HEAD_WAIT: Duration = Duration::from_secs(10);
/// How long one write of an answer may wait for a client that does not
/// read.
const WRITE_WAIT: Duration = Duration::from_secs(10);
/// After refusing a request whose rest was not read, how long and how much
/// of it is read and thrown away, so the client gets the answer rather
/// than a reset connection.
const LINGER: Duration = Duration::from_secs(1);
const LINGER_BYTES: usize = 256 * 1024;

/// What a well-formed request head asks for.
#[derive(Debug, PartialEq, Eq)]
pub struct Head {
    pub method: String,
    pub target: String,
    /// Bytes came after the head (a body or a pipelined request), unread.
    pub trailing: bool,
}

/// Why no request head could be used; each but `Gone` has an answer.
#[derive(Debug, PartialEq, Eq)]
pub enum Unusable {
    /// The client closed the connection or it failed.
    Gone,
    /// The head did not arrive within [`HEAD_WAIT`].
    TooSlow,
    /// The request line is longer than [`MAX_HEAD`].
    TargetTooLong,
    /// The head is longer than [`MAX_HEAD`].
    HeadTooLong,
    /// Not an HTTP/1.x request head.
    Malformed,
    /// It declares a body; requests here have none.
    HasBody,
}

impl Unusable {
    /// The answer to send, if the client is still there.
    pub fn answer(&self) -> Option<Answer> {
        let (status, text) = match self {
            Unusable::Gone => return None,
            Unusable::TooSlow => (408, "The request took too long."),
            Unusable::TargetTooLong => (414, "The address is too long."),
            Unusable::HeadTooLong => (431, "The request's headers are too long."),
            Unusable::Malformed => (400, "Malformed request."),
            Unusable::HasBody => (413, "Requests here have no body."),
        };
        Some(Answer::text(status, text))
    }
}

/// One answer: a status, a content type and a small body.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub content_type: &'static str,
    pub body: String,
}

impl Answer {
    pub fn text(status: u16, body: &str) -> Answer {
        Answer {
            status,
            content_type: "text/plain; charset=utf-8",
            body: body.to_string(),
        }
    }

    pub fn page(status: u16, body: &str) -> Answer {
        Answer {
            status,
            content_type: "text/html; charset=utf-8",
            body: body.to_string(),
        }
    }

    pub fn json(status: u16, body: &serde_json::Value) -> Answer {
        Answer {
            status,
            content_type: "application/json",
            body: body.to_string(),
        }
    }
}

/// Headers every answer carries: nothing cached, nothing framed, nothing
/// loaded from elsewhere, and the connection closes after it.
const HEADERS: &str = "Cache-Control: no-store\r\n\
    X-Content-Type-Options: nosniff\r\n\
    Referrer-Policy: no-referrer\r\n\
    Content-Security-Policy: default-src 'none'; script-src 'unsafe-inline'; \
    style-src 'unsafe-inline'; connect-src 'self'; form-action 'self'; \
    frame-ancestors 'none'\r\n\
    Connection: close\r\n";

/// The most header lines a request head may have.
const MAX_HEADERS: usize = 64;

/// Reads one request head, within [`HEAD_WAIT`] of `started` and
/// [`MAX_HEAD`] bytes. A declared body is refused from the head alone.
pub fn read_head(stream: &mut TcpStream, started: Instant) -> Result<Head, Unusable> {
    let deadline = started + HEAD_WAIT;
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    loop {
        if let Some((mut head, end)) = parse_head(&buf)? {
            head.trailing = buf.len() > end;
            return Ok(head);
        }
        if buf.len() >= MAX_HEAD {
            return Err(if buf.contains(&b'\n') {
                Unusable::HeadTooLong
            } else {
                Unusable::TargetTooLong
            });
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            return Err(Unusable::TooSlow);
        }
        match stream.read(&mut chunk) {
            Ok(0) => return Err(Unusable::Gone),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return Err(Unusable::TooSlow);
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(_) => return Err(Unusable::Gone),
        }
    }
}

/// The method and target of the head at the start of `buf`, and where the
/// head ends; `None` while it is incomplete. `httparse` reads the HTTP/1.x
/// grammar; the room then accepts only an upper-case method, a target from
/// the root, and no body.
fn parse_head(buf: &[u8]) -> Result<Option<(Head, usize)>, Unusable> {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut request = httparse::Request::new(&mut headers);
    let end = match request.parse(buf) {
        Ok(httparse::Status::Complete(end)) => end,
        Ok(httparse::Status::Partial) => return Ok(None),
        Err(httparse::Error::TooManyHeaders) => return Err(Unusable::HeadTooLong),
        Err(_) => return Err(Unusable::Malformed),
    };
    let (Some(method), Some(target)) = (request.method, request.path) else {
        return Err(Unusable::Malformed);
    };
    let token = !method.is_empty() && method.bytes().all(|b| b.is_ascii_uppercase());
    if !token || !target.starts_with('/') {
        return Err(Unusable::Malformed);
    }
    let mut body = false;
    for header in request.headers.iter() {
        if header.name.eq_ignore_ascii_case("Transfer-Encoding") {
            body = true;
        } else if header.name.eq_ignore_ascii_case("Content-Length") {
            let length: u64 = std::str::from_utf8(header.value)
                .ok()
                .and_then(|v| v.trim().parse().ok())
                .ok_or(Unusable::Malformed)?;
            body |= length > 0;
        }
    }
    if body {
        return Err(Unusable::HasBody);
    }
    let head = Head {
        method: method.to_string(),
        target: target.to_string(),
        trailing: false,
    };
    Ok(Some((head, end)))
}

/// Writes `answer` (only its head for a `HEAD` request) and closes the
/// connection. If the client may still be sending (`unread`), what it
/// sends is read and dropped for a moment first, within [`LINGER`] and
/// [`LINGER_BYTES`], so closing does not reset the connection before the
/// client has read the answer.
pub fn send(mut stream: TcpStream, answer: &Answer, head_only: bool, unread: bool) {
    let head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n{HEADERS}\r\n",
        answer.status,
        reason(answer.status),
        answer.content_type,
        answer.body.len(),
    );
    let mut bytes = head.into_bytes();
    if !head_only {
        bytes.extend_from_slice(answer.body.as_bytes());
    }
    // A client that went away or never reads needs no answer.
    if stream.set_write_timeout(Some(WRITE_WAIT)).is_err() || stream.write_all(&bytes).is_err() {
        return;
    }
    if unread {
        linger(&mut stream);
    }
}

/// Reads and drops what the client still sends, until it closes, for at
/// most [`LINGER`] and [`LINGER_BYTES`].
fn linger(stream: &mut TcpStream) {
    if stream.shutdown(Shutdown::Write).is_err() {
        return;
    }
    let deadline = Instant::now() + LINGER;
    let mut drained = 0;
    let mut chunk = [0u8; 4096];
    while drained < LINGER_BYTES {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            return;
        }
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return,
            Ok(n) => drained += n,
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        413 => "Content Too Large",
        414 => "URI Too Long",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The head of a complete request, or the reason it cannot be used.
    fn head(bytes: &[u8]) -> Result<Head, Unusable> {
        parse_head(bytes).map(|parsed| parsed.expect("a complete head").0)
    }

    #[test]
    fn heads_parse_and_bodies_are_refused_from_the_head() {
        let parsed = head(b"GET /state?code=AB12 HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        assert_eq!(
            (parsed.method.as_str(), parsed.target.as_str()),
            ("GET", "/state?code=AB12")
        );
        let empty = head(b"POST /vote HTTP/1.0\r\nContent-Length: 0\r\n\r\n");
        assert!(empty.is_ok(), "an empty body is no body");
        for body in [
            "POST /vote HTTP/1.1\r\nContent-Length: 100\r\n\r\n",
            "POST /vote HTTP/1.1\r\ncontent-length:1\r\n\r\n",
            "POST /vote HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
        ] {
            assert_eq!(head(body.as_bytes()), Err(Unusable::HasBody), "{body}");
        }
        for bad in [
            &b"\x00\x01 not http\r\n\r\n"[..],
            b"GET /\r\n\r\n",
            b"GET / HTTP/2.0\r\n\r\n",
            b"GET noslash HTTP/1.1\r\n\r\n",
            b"get / HTTP/1.1\r\n\r\n",
            b"GET / HTTP/1.1\r\nno colon\r\n\r\n",
            b"GET / HTTP/1.1\r\nContent-Length: lots\r\n\r\n",
            b"GET /\xff HTTP/1.1\r\n\r\n",
        ] {
            assert_eq!(
                parse_head(bad).map(|p| p.map(|(h, _)| h)),
                Err(Unusable::Malformed),
                "{bad:?}"
            );
        }
        let many: String = (0..=MAX_HEADERS).map(|i| format!("X-{i}: y\r\n")).collect();
        let crowded = format!("GET / HTTP/1.1\r\n{many}\r\n");
        assert_eq!(head(crowded.as_bytes()), Err(Unusable::HeadTooLong));
    }

    #[test]
    fn a_head_ends_at_its_first_empty_line() {
        let end = |bytes: &[u8]| parse_head(bytes).unwrap().map(|(_, end)| end);
        assert_eq!(end(b"GET / HTTP/1.1\r\n\r\nextra"), Some(18));
        assert_eq!(end(b"GET / HTTP/1.1\n\n"), Some(16));
        assert_eq!(end(b"GET / HTTP/1.1\r\nHost: x\r\n"), None);
    }
}
