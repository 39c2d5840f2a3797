//! Room votes on the projector: the panel phones join from (a QR code, the
//! short address and the join code, large), and the explanation shown
//! before the first start.

use eframe::egui::{self, Align, Color32, Frame, Layout, Margin, RichText, Sense, Ui};

use super::PresenterAction as P;
use crate::app::state::AppState;
use crate::app::state::action::Action;
use crate::app::state::presenter::RoomStatus;
use crate::app::widgets::theme::{self, Palette};
use crate::room::Qr;

/// Quiet modules around a QR code, as the standard asks.
const QUIET: usize = 4;

/// The room-votes panel at the stage's right, while room votes are on or
/// have failed to start.
pub(super) fn room_panel_ui(ui: &mut Ui, state: &AppState, palette: &Palette) -> Vec<Action> {
    let mut actions = Vec::new();
    let room = &state.presenter.room;
    let failed = match &room.status {
        RoomStatus::Failed(reason) => Some(reason.as_str()),
        _ => None,
    };
    let Some(running) = room.running() else {
        if let Some(reason) = failed {
            egui::Panel::right("room_votes")
                .resizable(false)
                .exact_size((ui.available_width() * 0.22).clamp(220.0, 520.0))
                .frame(Frame::new().inner_margin(Margin::symmetric(12, 8)))
                .show(ui, |ui| {
                    ui.label(RichText::new("Room votes could not start").strong());
                    ui.label(RichText::new(reason).small());
                    if ui.button("Try again").clicked() {
                        actions.push(Action::Presenter(P::RoomVotes));
                    }
                });
        }
        return actions;
    };
    let (url, code, qr) = running;
    let width = (ui.available_width() * 0.22).round().clamp(220.0, 520.0);
    egui::Panel::right("room_votes")
        .resizable(false)
        .exact_size(width)
        .frame(Frame::new().inner_margin(Margin::symmetric(12, 8)))
        .show(ui, |ui| {
            ui.with_layout(Layout::top_down(Align::Center), |ui| {
                ui.label(RichText::new("Vote from your phone").font(theme::title_font(ui)));
                ui.add_space(6.0);
                let side = ui.available_width().min(ui.available_height() * 0.55);
                match qr {
                    Some(qr) => qr_ui(ui, qr, side, url),
                    None => {
                        ui.label("The address is too long for a QR code.");
                    }
                }
                ui.add_space(6.0);
                let short = url.split_once("/?").map_or(url, |(host, _)| host);
                let short = short.trim_start_matches("http://");
                ui.label(RichText::new(short).strong());
                ui.label(RichText::new("Join code").color(palette.muted));
                let size = theme::title_font(ui).size * 1.6;
                ui.label(RichText::new(code).size(size).strong().monospace());
                let devices = room.devices;
                ui.label(
                    RichText::new(format!(
                        "{devices} phone{} joined",
                        if devices == 1 { "" } else { "s" }
                    ))
                    .color(palette.accent)
                    .strong(),
                );
                ui.add_space(6.0);
                ui.label(
                    RichText::new(
                        "Only devices on this room's network can reach it. Nothing is stored.",
                    )
                    .small()
                    .color(palette.muted),
                );
                if ui.button("Stop room votes").clicked() {
                    actions.push(Action::Presenter(P::RoomVotes));
                }
            });
        });
    actions
}

/// Paints a QR code `side` points square, dark on white whatever the
/// theme, on whole pixels so phones read it off a projector.
fn qr_ui(ui: &mut Ui, qr: &Qr, side: f32, url: &str) {
    let (modules, dark) = (qr.width, &qr.dark);
    let total = modules + 2 * QUIET;
    let ppp = ui.ctx().pixels_per_point();
    let module = ((side * ppp) / total as f32).floor().max(1.0) / ppp;
    let side = module * total as f32;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(side, side), Sense::hover());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            format!("QR code of the voting page, {url}"),
        )
    });
    let painter = ui.painter_at(rect);
    let origin = egui::pos2(
        (rect.min.x * ppp).round() / ppp,
        (rect.min.y * ppp).round() / ppp,
    );
    painter.rect_filled(rect, 0.0, Color32::WHITE);
    for (i, _) in dark.iter().enumerate().filter(|(_, d)| **d) {
        let (row, col) = (i / modules, i % modules);
        let min = origin + egui::vec2((col + QUIET) as f32 * module, (row + QUIET) as f32 * module);
        painter.rect_filled(
            egui::Rect::from_min_size(min, egui::vec2(module, module)),
            0.0,
            Color32::BLACK,
        );
    }
}

/// The explanation before the first start: what room votes do and who can
/// reach them.
pub(crate) fn room_intro_ui(ui: &mut Ui, state: &AppState) -> Vec<Action> {
    let mut actions = Vec::new();
    if !state.presenter.room.intro {
        return actions;
    }
    let frame = Frame::popup(ui.style())
        .inner_margin(Margin::same(24))
        .corner_radius(12);
    let modal = egui::Modal::new(egui::Id::unique("room_votes_intro"))
        .frame(frame)
        .show(ui.ctx(), |ui| {
            ui.set_max_width(760.0);
            ui.label(RichText::new("Room votes").font(theme::title_font(ui)));
            ui.label(
                "The class votes from their phones. Attune serves a small voting page from \
                 this computer, and the projector shows a QR code and a join code for it.",
            );
            ui.label(
                "Only devices on this room's network can reach it, and only with the code. \
                 Phones see the current options and, after the reveal, their skills; nothing \
                 else of the scenario, and nothing is stored. It stops when you turn it off \
                 or leave presenter mode.",
            );
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Start room votes").clicked() {
                    actions.push(Action::Presenter(P::ConfirmRoomVotes));
                }
                if ui.button("Not now").clicked() {
                    actions.push(Action::Presenter(P::CancelRoomVotes));
                }
            });
        });
    if actions.is_empty() && modal.should_close() {
        actions.push(Action::Presenter(P::CancelRoomVotes));
    }
    actions
}
