//! Counting frames, closing after a set number (`--exit-after-frames`) and
//! saving the first complete frame as a PNG (`--screenshot`). Benchmarks
//! and smoke tests drive the real window with these; the bare-window
//! baseline in `examples/` uses the same code so both close the same way.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use eframe::egui::{self, ColorImage, ViewportCommand};

/// Set this environment variable to print a line to stderr for every
/// frame drawn; the idle benchmark counts them.
pub const FRAME_LOG_ENV: &str = "ATTUNE_FRAME_LOG";

/// Frames a screenshot may wait for the UI to settle (no repaint pending)
/// before it is taken anyway.
const SETTLE_FRAMES: u64 = 10;

/// Why the screenshot could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum ScreenshotError {
    #[error("cannot save the screenshot to {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: image::ImageError,
    },
    #[error("cannot save the screenshot to {path}: the window closed before it was taken")]
    NotTaken { path: PathBuf },
}

/// Where the screenshot is in its life.
#[derive(Debug)]
enum Shot {
    Wanted(PathBuf),
    /// Asked of the renderer; the image arrives in the slot.
    Requested(PathBuf),
    Done,
}

/// What the window reports when it closes: the frames it drew and any
/// screenshot error. Shared with [`super::run::run_with`], which turns an error
/// into a non-zero exit.
#[derive(Debug, Default)]
pub struct Report {
    pub frames: u64,
    pub screenshot_error: Option<ScreenshotError>,
}

/// Frame counting and the frame-driven exits, run once at the end of each
/// frame.
pub struct FrameControl {
    exit_after: Option<u64>,
    shot: Option<Shot>,
    image: Arc<Mutex<Option<Arc<ColorImage>>>>,
    closing: bool,
    /// The window is not showing the app yet: no screenshot until it is.
    holding: bool,
    /// The frame on which the hold ended; the screenshot counts from it.
    shown_from: u64,
    log_frames: bool,
    report: Arc<Mutex<Report>>,
}

impl FrameControl {
    /// Closes after `exit_after` frames, and/or saves a screenshot to
    /// `screenshot` and closes.
    pub fn new(exit_after: Option<u64>, screenshot: Option<PathBuf>) -> Self {
        FrameControl {
            exit_after,
            shot: screenshot.map(Shot::Wanted),
            image: Arc::default(),
            closing: false,
            holding: false,
            shown_from: 0,
            log_frames: std::env::var_os(FRAME_LOG_ENV).is_some(),
            report: Arc::default(),
        }
    }

    /// The report the window leaves behind; read it after the event loop
    /// returns.
    pub fn report(&self) -> Arc<Mutex<Report>> {
        Arc::clone(&self.report)
    }

    /// Holds the screenshot back while the window shows only a loading
    /// screen; the frame after the hold ends counts as the first.
    pub fn hold_screenshot(&mut self, hold: bool) {
        if self.holding && !hold {
            self.shown_from = self.frames();
        }
        self.holding = hold;
    }

    /// Whether the window has been asked to close; eframe may still run
    /// one more pass, which should not start new work.
    pub fn is_closing(&self) -> bool {
        self.closing
    }

    /// Frames drawn so far.
    pub fn frames(&self) -> u64 {
        self.lock_report().frames
    }

    fn lock_report(&self) -> std::sync::MutexGuard<'_, Report> {
        // A poisoned lock only means a panic elsewhere; the counts are
        // still plain numbers.
        self.report.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Call at the end of every pass. A pass egui will discard and run
    /// again is not a frame, nor is the pass eframe runs after the close.
    pub fn end_frame(&mut self, ctx: &egui::Context) {
        if self.closing || ctx.will_discard() {
            return;
        }
        let frames = {
            let mut report = self.lock_report();
            report.frames += 1;
            report.frames
        };
        if self.log_frames {
            eprintln!("attune: frame {frames}");
        }
        self.advance_screenshot(ctx, frames);
        let shot_pending = matches!(self.shot, Some(Shot::Wanted(_) | Shot::Requested(_)));
        let frames_done = self.exit_after.is_some_and(|n| frames >= n);
        if frames_done && !shot_pending {
            self.close(ctx);
        } else if self.exit_after.is_some() && !frames_done {
            // Counting frames needs frames: keep drawing until the limit.
            ctx.request_repaint();
        }
    }

    fn advance_screenshot(&mut self, ctx: &egui::Context, frames: u64) {
        match self.shot.take() {
            None => {}
            Some(Shot::Wanted(path)) if self.holding => {
                // The app will wake the window when it is ready.
                self.shot = Some(Shot::Wanted(path));
            }
            Some(Shot::Wanted(path)) => {
                // The first frame may be a sizing pass; take the first one
                // after it that asks for no further repaint.
                let frames = frames - self.shown_from;
                if frames >= 2 && (!ctx.has_requested_repaint() || frames >= SETTLE_FRAMES) {
                    let slot = Arc::clone(&self.image);
                    let waker = ctx.clone();
                    ctx.request_screenshot(move |image| {
                        *slot.lock().unwrap_or_else(|e| e.into_inner()) = Some(image);
                        waker.request_repaint();
                    });
                    self.shot = Some(Shot::Requested(path));
                } else {
                    ctx.request_repaint();
                    self.shot = Some(Shot::Wanted(path));
                }
            }
            Some(Shot::Requested(path)) => {
                let image = self.image.lock().unwrap_or_else(|e| e.into_inner()).take();
                match image {
                    Some(image) => {
                        if let Err(e) = save_png(&image, &path) {
                            self.lock_report().screenshot_error = Some(e);
                        }
                        self.shot = Some(Shot::Done);
                        self.close(ctx);
                    }
                    None => self.shot = Some(Shot::Requested(path)),
                }
            }
            Some(Shot::Done) => self.shot = Some(Shot::Done),
        }
    }

    fn close(&mut self, ctx: &egui::Context) {
        self.closing = true;
        ctx.send_viewport_cmd(ViewportCommand::Close);
    }

    /// Call when the window closes: a screenshot still pending becomes an
    /// error, so the process does not exit successfully without its file.
    pub fn on_exit(&mut self) {
        if let Some(Shot::Wanted(path) | Shot::Requested(path)) = self.shot.take() {
            self.lock_report().screenshot_error = Some(ScreenshotError::NotTaken { path });
        }
    }
}

/// Reads the report after the window closed: a screenshot that failed is
/// the error to exit with.
pub fn finish(report: &Mutex<Report>) -> Result<(), ScreenshotError> {
    let mut report = report.lock().unwrap_or_else(|e| e.into_inner());
    match report.screenshot_error.take() {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Writes `image` to `path` as an RGBA PNG.
pub fn save_png(image: &ColorImage, path: &Path) -> Result<(), ScreenshotError> {
    let [width, height] = image.size;
    let pixels: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let write = |source| ScreenshotError::Write {
        path: path.to_path_buf(),
        source,
    };
    let buffer =
        image::RgbaImage::from_raw(width as u32, height as u32, pixels).ok_or_else(|| {
            write(image::ImageError::Parameter(
                image::error::ParameterError::from_kind(
                    image::error::ParameterErrorKind::DimensionMismatch,
                ),
            ))
        })?;
    buffer
        .save_with_format(path, image::ImageFormat::Png)
        .map_err(write)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_png_writes_a_png_of_the_image_size() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("shot.png");
        let image = ColorImage::filled([3, 2], egui::Color32::from_rgb(10, 20, 30));
        save_png(&image, &path).expect("saved");
        let decoded = image::open(&path).expect("decodes").to_rgba8();
        assert_eq!(decoded.dimensions(), (3, 2));
        assert_eq!(decoded.get_pixel(2, 1).0, [10, 20, 30, 255]);
    }

    #[test]
    fn save_png_names_the_file_when_it_cannot_write() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("missing").join("shot.png");
        let image = ColorImage::filled([1, 1], egui::Color32::WHITE);
        let message = save_png(&image, &path).expect_err("no folder").to_string();
        assert!(message.contains("missing/shot.png"), "{message}");
    }

    #[test]
    fn exit_after_frames_closes_on_the_last_frame_only() {
        let ctx = egui::Context::default();
        let mut control = FrameControl::new(Some(3), None);
        for frame in 1..=3 {
            let mut output =
                ctx.run_ui(egui::RawInput::default(), |ui| control.end_frame(ui.ctx()));
            output.textures_delta.clear();
            let closing = output.viewport_output[&egui::ViewportId::ROOT]
                .commands
                .iter()
                .any(|c| matches!(c, ViewportCommand::Close));
            assert_eq!(closing, frame == 3, "frame {frame}");
        }
        assert_eq!(control.frames(), 3);
    }

    /// Whether the frame asked the renderer for a screenshot.
    fn asks_for_screenshot(mut output: egui::FullOutput) -> bool {
        // A dropped, unapplied texture delta is a bug report in epaint.
        output.textures_delta.clear();
        output.viewport_output[&egui::ViewportId::ROOT]
            .commands
            .iter()
            .any(|c| matches!(c, ViewportCommand::Screenshot(_)))
    }

    #[test]
    fn no_screenshot_is_taken_of_the_loading_screen() {
        let ctx = egui::Context::default();
        let mut control = FrameControl::new(None, Some(PathBuf::from("x.png")));
        control.hold_screenshot(true);
        for frame in 1..=12 {
            let output = ctx.run_ui(egui::RawInput::default(), |ui| control.end_frame(ui.ctx()));
            assert!(!asks_for_screenshot(output), "loading frame {frame}");
        }
        control.hold_screenshot(false);
        // Counted from the release: the first shown frame may be a sizing
        // pass, and the picture is taken within the settling frames.
        let frame = |control: &mut FrameControl| {
            asks_for_screenshot(
                ctx.run_ui(egui::RawInput::default(), |ui| control.end_frame(ui.ctx())),
            )
        };
        assert!(!frame(&mut control), "the first shown frame");
        assert!(
            (2..=SETTLE_FRAMES).any(|_| frame(&mut control)),
            "taken within {SETTLE_FRAMES} shown frames"
        );
    }

    #[test]
    fn a_screenshot_never_taken_is_an_error_on_exit() {
        let mut control = FrameControl::new(None, Some(PathBuf::from("x.png")));
        control.on_exit();
        let report = control.report();
        let report = report.lock().expect("lock");
        assert!(matches!(
            report.screenshot_error,
            Some(ScreenshotError::NotTaken { .. })
        ));
    }
}
