//! The baseline for the start-up and memory benchmarks: an eframe window
//! built with the same crate features and profile as Attune, the same
//! window size, and nothing in it but one label. It closes after
//! `--exit-after-frames N` exactly as Attune does.
//!
//! `cargo run --release --example bare_window -- --exit-after-frames 1`

use std::process::ExitCode;

use attune::app::shell::frame_control::FrameControl;
use eframe::egui;

struct Bare {
    control: FrameControl,
}

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("A bare eframe window.");
        });
        self.control.end_frame(ui.ctx());
    }
}

/// `--exit-after-frames N`, the only argument the baseline needs.
fn exit_after_frames() -> Result<Option<u64>, String> {
    let mut args = std::env::args().skip(1);
    match (args.next().as_deref(), args.next()) {
        (None, _) => Ok(None),
        (Some("--exit-after-frames"), Some(n)) => n
            .parse()
            .map(Some)
            .map_err(|e| format!("--exit-after-frames {n}: {e}")),
        _ => Err("usage: bare_window [--exit-after-frames N]".to_string()),
    }
}

fn main() -> ExitCode {
    let frames = match exit_after_frames() {
        Ok(frames) => frames,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let viewport = egui::ViewportBuilder::default()
        .with_title("Bare window")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([1024.0, 640.0]);
    let native = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    let control = FrameControl::new(frames, None);
    let result = eframe::run_native(
        "Bare window",
        native,
        Box::new(move |_cc| Ok(Box::new(Bare { control }))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
