//! Room votes: a small HTTP server on the room's own network, so the class
//! votes from their phones during a discussion pause, with no account and
//! no internet. Off by default; presenter mode starts it on request and it
//! stops with presenter mode or the app.
//!
//! This is the only module of Attune with network code (the source scan in
//! tests/store/reliability.rs holds it to that).
//!
//! The stack is `tiny_http` on a handful of worker threads rather than
//! `axum` on `tokio`: a room is tens of phones polling once a second, which
//! a few threads answer in microseconds each, and `tiny_http` with its four
//! small dependencies adds about 3 seconds to a cold build where `tokio`,
//! `hyper` and `axum` would add well over a minute on a 2-core CI machine.
//! See docs/reliability.md for what the server exposes and how it is tested.

mod address;
mod code;
mod server;
mod tally;

/// An address to listen on (`--room-bind`).
pub use std::net::IpAddr;

pub use address::lan_address;
pub use server::{RoomConfig, RoomError, RoomServer};
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
