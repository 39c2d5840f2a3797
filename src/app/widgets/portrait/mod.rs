//! The peer's portrait: a vector bust painted with egui shapes from
//! per-persona parameters (`assets/portraits/<name>.ron`), whose expression
//! and posture follow the openness band.
//!
//! Portraits are pure shapes tessellated at the size shown, so they stay sharp
//! on a projector. Openness is continuous (0.0 withdrawn … 4.0 opening up) and
//! every feature is interpolated, so an animated value changes the face
//! smoothly; the caller animates it (or jumps, with reduced motion) and adds
//! the text label from [`band_label`], so nothing depends on the picture alone.
//!
//! Assets are embedded in the binary, so an installed app works anywhere. A
//! missing or broken asset never stops the app: [`Portraits::get`] falls back
//! to a neutral portrait and records a notice naming the file and position.

mod canvas;
mod expression;
mod geometry;
mod head;
mod paint;
mod params;

use std::collections::HashMap;

use eframe::egui::{self, Rect, Sense};
use include_dir::Dir;

pub use expression::{BAND_LABELS, MAX_OPENNESS, band_label};
pub use params::{
    Brows, Clothing, ClothingStyle, EarringStyle, Earrings, Eyes, Face, FacialHair,
    FacialHairStyle, Glasses, GlassesShape, Hair, HairStyle, Headscarf, Mouth, Nose,
    PORTRAIT_VERSION, PortraitParams, Rgb, Side, Version,
};

/// The shipped portrait assets, compiled into the binary by the core so
/// that `attune check` knows the same names.
static ASSETS: &Dir<'static> = &crate::scenario::portraits::ASSETS;

/// The asset used when a persona names no portrait.
pub const DEFAULT_NAME: &str = "default";

/// Where the assets live in the source tree, for notices.
const ASSET_DIR: &str = "assets/portraits";

/// Portrait parameters by asset name, parsed on first use and cached.
#[derive(Debug)]
pub struct Portraits {
    assets: &'static Dir<'static>,
    cache: HashMap<String, PortraitParams>,
    fallback: Option<PortraitParams>,
    notices: Vec<String>,
}

impl Default for Portraits {
    fn default() -> Self {
        Portraits::new()
    }
}

impl Portraits {
    /// An empty cache over the embedded assets; nothing is parsed until asked for.
    pub fn new() -> Self {
        Portraits::with_assets(ASSETS)
    }

    /// A cache over another set of assets (used by tests).
    fn with_assets(assets: &'static Dir<'static>) -> Self {
        Portraits {
            assets,
            cache: HashMap::new(),
            fallback: None,
            notices: Vec::new(),
        }
    }

    /// The parameters for a portrait asset name (`None` for the default).
    /// Unknown, refused or malformed names give the neutral default portrait
    /// and add a notice, once per name.
    pub fn get(&mut self, name: Option<&str>) -> &PortraitParams {
        let key = name.unwrap_or(DEFAULT_NAME).to_string();
        let fresh = (!self.cache.contains_key(&key)).then(|| self.resolve(&key));
        self.cache
            .entry(key)
            .or_insert_with(|| fresh.unwrap_or_default())
    }

    /// Loads one name, or the fallback with a notice saying why.
    fn resolve(&mut self, key: &str) -> PortraitParams {
        match self.load(key) {
            Ok(params) => params,
            Err(notice) => {
                self.notices.push(notice);
                self.fallback().clone()
            }
        }
    }

    /// Problems met while loading portraits, each naming the file and,
    /// for a parse error, its line:col. Meant for the app's notices area.
    pub fn notices(&self) -> &[String] {
        &self.notices
    }

    /// The neutral portrait: the `default` asset, or built-in values if even
    /// that cannot be read.
    fn fallback(&mut self) -> &PortraitParams {
        if self.fallback.is_none() {
            let params = match self.parse_asset(DEFAULT_NAME) {
                Ok(params) => params,
                Err(notice) => {
                    self.notices.push(notice);
                    PortraitParams::default()
                }
            };
            self.fallback = Some(params);
        }
        self.fallback.get_or_insert_with(PortraitParams::default)
    }

    fn load(&mut self, name: &str) -> Result<PortraitParams, String> {
        check_name(name)?;
        if name == DEFAULT_NAME {
            return Ok(self.fallback().clone());
        }
        self.parse_asset(name)
    }

    fn parse_asset(&self, name: &str) -> Result<PortraitParams, String> {
        let file_name = format!("{name}.ron");
        let display = format!("{ASSET_DIR}/{file_name}");
        let file = self.assets.get_file(&file_name).ok_or_else(|| {
            format!(
                "{display}: there is no portrait called \"{name}\"; showing the default portrait"
            )
        })?;
        let text = file.contents_utf8().ok_or_else(|| {
            format!("{display}: the file is not UTF-8 text; showing the default portrait")
        })?;
        parse(text).map_err(|e| format!("{display}:{e}; showing the default portrait"))
    }
}

/// Parses one portrait asset. The error text starts with `line:col: `.
pub fn parse(text: &str) -> Result<PortraitParams, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str::<PortraitParams>(text)
        .map_err(|e| {
            let at = e.span.start;
            format!("{}:{}: {}", at.line.max(1), at.col.max(1), e.code)
        })
}

/// Refuses anything but a plain asset name, so a dialogue file cannot point
/// the app at another file.
fn check_name(name: &str) -> Result<(), String> {
    let plain = !name.is_empty()
        && name.len() <= 64
        && !name.contains(['/', '\\', ':'])
        && !name.contains("..")
        && !name.starts_with('.')
        && !std::path::Path::new(name).is_absolute()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    if plain {
        Ok(())
    } else {
        Err(format!(
            "portrait \"{}\" refused: a portrait is a plain name such as \"sam\", without folders or dots; showing the default portrait",
            name.escape_default()
        ))
    }
}

/// Allocates a `size`×`size` square and paints the portrait at `openness`
/// (0.0 withdrawn … 4.0 opening up; fractions are in-between expressions).
/// The response carries no label: the caller adds one such as
/// "Portrait of Sam, guarded" using [`band_label`] and the persona's name.
pub fn portrait_ui(
    ui: &mut egui::Ui,
    params: &PortraitParams,
    openness: f32,
    size: f32,
) -> egui::Response {
    let size = if size.is_finite() { size.max(0.0) } else { 0.0 };
    let (rect, response) = ui.allocate_exact_size(egui::vec2(size, size), Sense::hover());
    if size >= 1.0 && ui.is_rect_visible(rect) {
        paint_portrait(ui, rect, params, openness);
    }
    response
}

/// Paints a portrait into `rect` (its largest centred square) without allocating space.
///
/// Building the shapes is the costliest part of a conversation frame, and
/// most frames show the same face as the last one; so each place that
/// paints a portrait keeps its last shapes and reuses them until the
/// portrait, its size, its expression or the theme changes.
pub fn paint_portrait(ui: &egui::Ui, rect: Rect, params: &PortraitParams, openness: f32) {
    let side = rect.width().min(rect.height());
    let square = Rect::from_center_size(rect.center(), egui::vec2(side, side));
    let key = Painted {
        params: params.clone(),
        square,
        pixels_per_point: ui.ctx().pixels_per_point(),
        openness,
        dark: ui.visuals().dark_mode,
    };
    let id = ui.scope_id().with("portrait_shapes");
    let cached = ui.data(|d| d.get_temp::<Cached>(id));
    let shapes = match cached {
        Some(Cached(painted, shapes)) if *painted == key => shapes,
        _ => {
            let mut canvas = canvas::Canvas::new(square, key.pixels_per_point, 0.14);
            paint::paint(&mut canvas, params, openness, key.dark);
            let shapes = std::sync::Arc::new(canvas.shapes);
            ui.data_mut(|d| {
                d.insert_temp(id, Cached(std::sync::Arc::new(key), shapes.clone()));
            });
            shapes
        }
    };
    ui.painter()
        .with_clip_rect(square)
        .extend(shapes.iter().cloned());
}

/// What a portrait's shapes were built for.
#[derive(Debug, PartialEq)]
struct Painted {
    params: PortraitParams,
    square: Rect,
    pixels_per_point: f32,
    openness: f32,
    dark: bool,
}

/// The last shapes painted at one place, in egui's temporary memory.
#[derive(Clone)]
struct Cached(std::sync::Arc<Painted>, std::sync::Arc<Vec<egui::Shape>>);

#[cfg(test)]
mod tests {
    use super::*;
    use include_dir::{DirEntry, File};

    static BROKEN: Dir<'static> = Dir::new(
        "",
        &[
            DirEntry::File(File::new(
                "broken.ron",
                b"(\n    version: 1,\n    description: \"x\",\n    skin: \"#zzzzzz\",\n)\n",
            )),
            DirEntry::File(File::new("future.ron", b"(\n  version: 2,\n)\n")),
        ],
    );

    fn asset_names() -> Vec<String> {
        let mut names: Vec<String> = ASSETS
            .files()
            .filter_map(|f| {
                let path = f.path();
                (path.extension()? == "ron")
                    .then(|| path.file_stem()?.to_str().map(String::from))?
            })
            .collect();
        names.sort();
        names
    }

    #[test]
    fn every_asset_parses() {
        let names = asset_names();
        assert!(names.iter().any(|n| n == DEFAULT_NAME), "no default.ron");
        assert!(names.iter().any(|n| n == "sam"), "no sam.ron");
        for name in &names {
            let text = ASSETS
                .get_file(format!("{name}.ron"))
                .and_then(|f| f.contents_utf8())
                .expect("asset is UTF-8");
            if let Err(e) = parse(text) {
                panic!("{ASSET_DIR}/{name}.ron:{e}");
            }
            let mut portraits = Portraits::new();
            portraits.get(Some(name));
            assert!(portraits.notices().is_empty(), "{:?}", portraits.notices());
        }
    }

    /// Portrait names used by the dialogues, read from `portrait: Some("…")`
    /// (or `portrait: "…"`) in each file, so a broken dialogue elsewhere
    /// cannot hide a missing portrait.
    fn dialogue_portraits() -> Vec<(String, String)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("dialogues");
        let mut found = Vec::new();
        let entries = std::fs::read_dir(&dir).expect("dialogues folder");
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "ron") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("readable dialogue");
            for (i, _) in text.match_indices("portrait:") {
                let rest = text[i + "portrait:".len()..].trim_start();
                let rest = rest.strip_prefix("Some(").unwrap_or(rest).trim_start();
                if let Some(quoted) = rest.strip_prefix('"')
                    && let Some(end) = quoted.find('"')
                {
                    let file = path.file_name().map(|f| f.to_string_lossy().into_owned());
                    found.push((file.unwrap_or_default(), quoted[..end].to_string()));
                }
            }
        }
        found
    }

    #[test]
    fn every_portrait_named_by_a_dialogue_has_an_asset() {
        let names = asset_names();
        for (file, portrait) in dialogue_portraits() {
            assert!(
                names.contains(&portrait),
                "dialogues/{file} names portrait \"{portrait}\" but {ASSET_DIR}/{portrait}.ron does not exist"
            );
            let mut portraits = Portraits::new();
            portraits.get(Some(&portrait));
            assert!(portraits.notices().is_empty(), "{:?}", portraits.notices());
        }
    }

    #[test]
    fn bad_names_are_refused_with_a_notice() {
        for bad in [
            "../sam",
            "sam/../../etc",
            "/etc/passwd",
            "a\\b",
            "..",
            ".hidden",
            "",
            "sam.ron",
            "C:evil",
        ] {
            let mut portraits = Portraits::new();
            let fallback = portraits.get(None).clone();
            assert_eq!(portraits.get(Some(bad)), &fallback, "{bad}");
            assert_eq!(
                portraits.notices().len(),
                1,
                "{bad}: {:?}",
                portraits.notices()
            );
            assert!(
                portraits.notices()[0].contains("refused"),
                "{:?}",
                portraits.notices()
            );
        }
    }

    #[test]
    fn unknown_name_falls_back_once_with_a_notice() {
        let mut portraits = Portraits::new();
        let fallback = portraits.get(None).clone();
        assert_eq!(portraits.get(Some("nobody_by_this_name")), &fallback);
        assert_eq!(portraits.get(Some("nobody_by_this_name")), &fallback);
        assert_eq!(portraits.notices().len(), 1);
        assert!(portraits.notices()[0].contains("assets/portraits/nobody_by_this_name.ron"));
    }

    #[test]
    fn malformed_asset_falls_back_with_file_and_position() {
        let mut portraits = Portraits::with_assets(&BROKEN);
        let params = portraits.get(Some("broken")).clone();
        // Even the default asset is missing here, so the built-in one is used.
        assert_eq!(params, PortraitParams::default());
        let notice = portraits
            .notices()
            .iter()
            .find(|n| n.contains("broken.ron"))
            .expect("a notice for broken.ron");
        assert!(
            notice.starts_with("assets/portraits/broken.ron:4:"),
            "{notice}"
        );
        assert!(notice.contains("#zzzzzz"), "{notice}");

        portraits.get(Some("future"));
        let notice = portraits.notices().last().expect("a notice for future.ron");
        assert!(
            notice.starts_with("assets/portraits/future.ron:2:"),
            "{notice}"
        );
        assert!(notice.contains("version 2"), "{notice}");
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let text = ASSETS
            .get_file("default.ron")
            .and_then(|f| f.contents_utf8())
            .expect("default asset");
        let broken = text.replacen("version: 1,", "version: 1,\n    sparkles: true,", 1);
        let err = parse(&broken).expect_err("unknown field accepted");
        assert!(err.contains("sparkles"), "{err}");
    }

    #[test]
    fn painting_any_openness_never_panics() {
        let ctx = egui::Context::default();
        let mut portraits = Portraits::new();
        let names = asset_names();
        let mut output = ctx.run_ui(Default::default(), |ui| {
            for name in &names {
                let params = portraits.get(Some(name)).clone();
                for openness in [-1.0, 0.0, 0.37, 1.0, 2.5, 3.99, 4.0, 9.0, f32::NAN] {
                    portrait_ui(ui, &params, openness, 120.0);
                }
                portrait_ui(ui, &params, 2.0, 0.0);
                portrait_ui(ui, &params, 2.0, f32::INFINITY);
            }
        });
        output.textures_delta.clear();
        let meshes = ctx.tessellate(output.shapes, output.pixels_per_point);
        assert!(!meshes.is_empty());
    }
}
