//! Room votes: a small HTTP server on the room's own network, so the class
//! votes from their phones during a discussion pause, with no account and
//! no internet. Off by default; presenter mode starts it on request and it
//! stops with presenter mode or the app.
//!
//! This is the only module of Attune with network code (the source scan in
//! tests/store/reliability.rs holds it to that).
//!
//! The stack is `std::net` with a thread per connection, not `axum` on
//! `tokio`: a room is tens of phones polling once a second, and the whole
//! protocol is one request head in, one small answer out, connection
//! closed (`http.rs`), which adds no dependency and nothing to a cold build
//! on a 2-core CI machine.
//!
//! Slow clients must never stop the vote (a few phones on bad Wi-Fi, or
//! someone holding connections open on purpose). So every connection gets
//! a thread of its own, at most [`MAX_CONNECTIONS`] at once (beyond that,
//! 503 at once); a request head must arrive within 10 seconds and 8 KiB;
//! bodies are never read (a request that declares one gets 413 from its
//! head alone); every write has a timeout. A stuck client thus holds one
//! thread for a bounded time and no other client ever waits for it.
//! (The first version used `tiny_http`, whose connection threads read
//! without a timeout and whose thread pool can leave a new connection
//! queued behind connections that never finish: with 60 stuck clients an
//! ordinary request sometimes got no answer at all.)
//! See docs/reliability.md for what the server exposes and how it is tested.

mod address;
mod code;
mod http;
mod server;
mod tally;

/// An address to listen on (`--room-bind`).
pub use std::net::IpAddr;

pub use address::lan_address;
pub use server::{MAX_CONNECTIONS, RoomConfig, RoomError, RoomServer};
pub use tally::{Decision, MAX_DEVICES, PhoneOption, Refusal, RoomState, Tally};

/// A QR code as square modules, for drawing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Qr {
    /// Modules per side.
    pub width: usize,
    /// Each module, row by row: true for dark.
    pub dark: Vec<bool>,
}

/// The QR code of `text`; `None` if it does not fit in one.
pub fn qr_modules(text: &str) -> Option<Qr> {
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    Some(Qr {
        width: code.width(),
        dark,
    })
}

/// Checks a `--room-code`: 4 to 6 letters or digits.
pub fn parse_code(code: &str) -> Result<String, String> {
    code::normalise(code).ok_or_else(|| "the join code must be 4 to 6 letters or digits".into())
}
