//! Text in other scripts, as the app draws it: every character the
//! validator lets through has a glyph in the app's fonts, and the ones the
//! validator reports really have none. How the validator reports them is
//! in tests/core/charset.rs.

use attune::check::charset::{SUPPORTED, is_supported};
use eframe::egui::{self, FontFamily, FontId};

/// The app's fonts, set up the way the app sets them up.
fn app_context() -> egui::Context {
    let ctx = egui::Context::default();
    attune::app::widgets::theme::apply(&ctx, &attune::store::Settings::default());
    let mut output = ctx.run_ui(Default::default(), |_| {});
    output.textures_delta.clear();
    ctx
}

#[test]
fn every_supported_code_point_has_a_glyph_in_the_app_fonts() {
    let ctx = app_context();
    let font = FontId::new(16.0, FontFamily::Proportional);
    let mut checked = 0;
    ctx.fonts_mut(|fonts| {
        for &(start, end) in SUPPORTED {
            for code in start..=end {
                let c = char::from_u32(code).expect("a scalar value");
                assert!(fonts.has_glyph(&font, c), "U+{code:04X} {c} has no glyph");
                checked += 1;
            }
        }
    });
    assert!(checked > 1_000, "{checked}");
}

#[test]
fn a_character_outside_the_table_really_has_no_glyph() {
    // Guards the reason for the check: these would be tofu.
    let ctx = app_context();
    let font = FontId::new(16.0, FontFamily::Proportional);
    ctx.fonts_mut(|fonts| {
        for c in ['你', 'ש', 'م', '한', 'ก'] {
            assert!(!is_supported(c));
            assert!(
                !fonts.has_glyph(&font, c),
                "{c} has a glyph now: widen the table"
            );
        }
    });
}
