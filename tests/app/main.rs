//! The app's tests, in one test binary: screens driven through
//! `egui_kittest`, snapshots of them, the fonts, and the real window under
//! Xvfb. `support` holds the set-up they share.

mod support;

mod charset;
mod flow;
mod map;
mod persistence;
mod portrait;
mod presenter;
mod reload;
mod smoke_window;
mod snapshots;
mod startup;
