//! eframe's own state file, `app.ron` in its storage folder (the same data
//! folder as Attune's on Linux), checked before eframe reads it: a zoom
//! factor of 0, −1, NaN or 1e6 there made every start panic until the file
//! was deleted by hand. Bad values are reset, the file is rewritten, and
//! each repair becomes a notice.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use eframe::egui;

/// The zoom factors egui's own settings offer; anything else is reset.
const ZOOM_RANGE: std::ops::RangeInclusive<f32> = 0.1..=10.0;

/// eframe's key for the egui memory (which holds the zoom factor).
const MEMORY_KEY: &str = "egui";
/// eframe's key for the window's position and size.
const WINDOW_KEY: &str = "window";

/// Larger than any screen: a saved size or position beyond this is damage.
const MAX_COORDINATE: f64 = 100_000.0;

/// What checking `app.ron` found: the repaired text, if anything changed,
/// and one sentence per repair.
#[derive(Debug, Default, PartialEq)]
pub struct Repair {
    pub text: Option<String>,
    pub notices: Vec<String>,
}

/// Checks the text of an `app.ron`. Text that is not eframe's format is
/// left alone: eframe ignores what it cannot parse.
pub fn repair(text: &str) -> Repair {
    let Ok(mut kv) = ron::from_str::<HashMap<String, String>>(text) else {
        return Repair::default();
    };
    let mut notices = Vec::new();
    if let Some(memory) = kv.get(MEMORY_KEY)
        && let Some((fixed, zoom)) = repaired_memory(memory)
    {
        kv.insert(MEMORY_KEY.to_owned(), fixed);
        notices.push(format!(
            "The saved zoom factor ({zoom}) was out of range and was reset to 1."
        ));
    }
    if kv.get(WINDOW_KEY).is_some_and(|w| !window_is_sane(w)) {
        kv.remove(WINDOW_KEY);
        notices.push(
            "The saved window size or position was damaged; the window opens at its usual size."
                .to_owned(),
        );
    }
    if notices.is_empty() {
        return Repair::default();
    }
    Repair {
        text: ron::to_string(&kv).ok(),
        notices,
    }
}

/// The memory with its zoom factor reset, and the bad value, when the
/// zoom factor is outside [`ZOOM_RANGE`] or not a number. Memory that does
/// not parse is left to eframe, which then starts without it.
fn repaired_memory(text: &str) -> Option<(String, f32)> {
    let mut memory: egui::Memory = ron::from_str(text).ok()?;
    let zoom = memory.options.zoom_factor;
    if ZOOM_RANGE.contains(&zoom) {
        return None;
    }
    memory.options.zoom_factor = 1.0;
    ron::to_string(&memory).ok().map(|fixed| (fixed, zoom))
}

/// Whether every number in the saved window geometry is finite and within
/// [`MAX_COORDINATE`], and a scale factor, if present, is positive.
fn window_is_sane(text: &str) -> bool {
    let Ok(value) = ron::from_str::<ron::Value>(text) else {
        return true;
    };
    numbers_sane(&value, None)
}

fn numbers_sane(value: &ron::Value, key: Option<&str>) -> bool {
    match value {
        ron::Value::Number(n) => {
            let x = n.into_f64();
            x.is_finite() && x.abs() <= MAX_COORDINATE && (key != Some("scale_factor") || x > 0.0)
        }
        ron::Value::Map(map) => map.iter().all(|(k, v)| {
            let name = match k {
                ron::Value::String(s) => Some(s.as_str()),
                _ => None,
            };
            numbers_sane(v, name)
        }),
        ron::Value::Seq(items) => items.iter().all(|v| numbers_sane(v, key)),
        ron::Value::Option(Some(inner)) => numbers_sane(inner, key),
        _ => true,
    }
}

/// Checks and repairs `app.ron` in eframe's storage folder for `app_id`,
/// before eframe reads it. Returns the notices to show.
pub fn check(app_id: &str) -> Vec<String> {
    eframe::storage_dir(app_id).map_or_else(Vec::new, |dir| check_in(&dir))
}

/// [`check`] for the `app.ron` in `dir`.
pub fn check_in(dir: &Path) -> Vec<String> {
    let path: PathBuf = dir.join("app.ron");
    let Ok(file) = crate::store::open_regular(&path) else {
        return Vec::new();
    };
    let mut text = String::new();
    if std::io::Read::read_to_string(
        &mut std::io::Read::take(file, crate::store::MAX_FILE_BYTES),
        &mut text,
    )
    .is_err()
    {
        return Vec::new();
    }
    let repair = repair(&text);
    if let Some(fixed) = &repair.text
        && let Err(e) = crate::store::atomic::write(&path, fixed.as_bytes())
    {
        let mut notices = repair.notices;
        notices.push(format!(
            "{} could not be repaired ({e}); the window may not open until it is deleted.",
            path.display()
        ));
        return notices;
    }
    repair.notices
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app_ron(zoom: f32) -> String {
        let mut memory = egui::Memory::default();
        memory.options.zoom_factor = zoom;
        let mut kv = HashMap::new();
        kv.insert(
            MEMORY_KEY.to_owned(),
            ron::to_string(&memory).expect("encodes"),
        );
        kv.insert(
            WINDOW_KEY.to_owned(),
            "(inner_size_points: Some((x: 1280.0, y: 800.0)))".to_owned(),
        );
        ron::to_string(&kv).expect("encodes")
    }

    fn zoom_of(text: &str) -> f32 {
        let kv: HashMap<String, String> = ron::from_str(text).expect("parses");
        let memory: egui::Memory = ron::from_str(&kv[MEMORY_KEY]).expect("memory");
        memory.options.zoom_factor
    }

    #[test]
    fn bad_zoom_factors_are_reset_with_a_notice() {
        for bad in [0.0, -1.0, f32::NAN, 1e6, f32::INFINITY] {
            let repair = repair(&app_ron(bad));
            let fixed = repair.text.expect("rewritten");
            assert_eq!(zoom_of(&fixed), 1.0, "{bad}");
            assert_eq!(repair.notices.len(), 1, "{bad}: {:?}", repair.notices);
            assert!(repair.notices[0].contains("zoom"), "{:?}", repair.notices);
            let kv: HashMap<String, String> = ron::from_str(&fixed).expect("parses");
            assert!(kv.contains_key(WINDOW_KEY), "a sane window is kept");
        }
    }

    #[test]
    fn good_zoom_factors_and_foreign_text_are_left_alone() {
        for good in [0.5, 1.0, 2.5] {
            assert_eq!(repair(&app_ron(good)), Repair::default(), "{good}");
        }
        assert_eq!(repair("not ron at all"), Repair::default());
    }

    #[test]
    fn a_damaged_window_geometry_is_dropped_with_a_notice() {
        for bad in ["NaN", "-1e9", "1e30"] {
            let mut kv: HashMap<String, String> = ron::from_str(&app_ron(1.0)).expect("parses");
            kv.insert(
                WINDOW_KEY.to_owned(),
                format!("(inner_size_points: Some((x: {bad}, y: 800.0)), scale_factor: 1.0)"),
            );
            let repair = repair(&ron::to_string(&kv).expect("encodes"));
            let fixed: HashMap<String, String> =
                ron::from_str(&repair.text.expect("rewritten")).expect("parses");
            assert!(!fixed.contains_key(WINDOW_KEY), "{bad}: {fixed:?}");
            assert_eq!(repair.notices.len(), 1);
        }
        let mut kv: HashMap<String, String> = ron::from_str(&app_ron(1.0)).expect("parses");
        kv.insert(WINDOW_KEY.to_owned(), "(scale_factor: 0.0)".to_owned());
        assert!(
            repair(&ron::to_string(&kv).expect("encodes"))
                .text
                .is_some()
        );
    }

    #[test]
    fn the_file_on_disk_is_repaired_in_place() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("app.ron"), app_ron(0.0)).expect("fixture");
        let notices = check_in(dir.path());
        assert_eq!(notices.len(), 1, "{notices:?}");
        let text = std::fs::read_to_string(dir.path().join("app.ron")).expect("there");
        assert_eq!(zoom_of(&text), 1.0);
        assert!(check_in(dir.path()).is_empty(), "repaired once");
    }
}
