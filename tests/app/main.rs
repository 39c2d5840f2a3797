//! The app's tests, in one test binary: screens driven through
//! `egui_kittest`, snapshots of them, the fonts, and the real window under
//! Xvfb. `support` holds the set-up they share.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test that cannot set up stops with the reason.

mod support;

#[path = "../shared/chain.rs"]
mod chain;

mod charset;
mod dropped;
mod flow;
mod library;
#[path = "../shared/lock_holder.rs"]
mod lock_holder;
mod map;
mod map_spoilers;
mod notices;
mod peer_state;
mod persistence;
mod portrait;
mod presenter;
mod reload;
mod room;
#[path = "../shared/room_client.rs"]
mod room_client;
mod saving;
mod smoke_window;
mod snapshots;
mod startup;
mod text_size;
mod typed;
