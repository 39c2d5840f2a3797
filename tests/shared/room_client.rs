//! A tiny HTTP client over plain sockets for the room-votes tests; every
//! read and write has a timeout, so a stuck server fails a test rather
//! than hanging it.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

pub const TIMEOUT: Duration = Duration::from_secs(5);

pub fn connect(addr: SocketAddr) -> TcpStream {
    let stream = TcpStream::connect_timeout(&addr, TIMEOUT).expect("connects");
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    stream.set_write_timeout(Some(TIMEOUT)).unwrap();
    stream
}

/// Sends raw bytes and reads one answer; see [`answer`].
pub fn raw(addr: SocketAddr, bytes: &[u8]) -> (u16, String) {
    let mut stream = connect(addr);
    // A server that answers early may reset the rest of a large write.
    let _ = stream.write_all(bytes);
    answer(&mut stream)
}

/// Reads one answer (up to its Content-Length, as the connection may stay
/// open); the status code, or 0 if the server closed the connection
/// without one.
pub fn answer(stream: &mut TcpStream) -> (u16, String) {
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let text = String::from_utf8_lossy(&answer).to_string();
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let length = head
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase()
                        .strip_prefix("content-length:")
                        .map(str::to_string)
                })
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(0);
            if body.len() >= length {
                let status = head
                    .split(' ')
                    .nth(1)
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0);
                return (status, body.to_string());
            }
        }
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return (0, String::new()),
            Ok(n) => answer.extend_from_slice(&buf[..n]),
        }
    }
}

pub fn request(addr: SocketAddr, method: &str, target: &str) -> (u16, String) {
    raw(
        addr,
        format!("{method} {target} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n").as_bytes(),
    )
}

/// The phone page's view: `GET /state`.
pub fn state(addr: SocketAddr, code: &str, token: &str) -> (u16, serde_json::Value) {
    let (status, body) = request(addr, "GET", &format!("/state?code={code}&token={token}"));
    (status, serde_json::from_str(&body).unwrap_or_default())
}

/// A phone's vote: `POST /vote`; the status code.
pub fn vote(addr: SocketAddr, code: &str, token: &str, decision: u64, option: &str) -> u16 {
    let target = format!("/vote?code={code}&token={token}&decision={decision}&option={option}");
    request(addr, "POST", &target).0
}
