//! Large text sizes (issue 21): at 150% and 250% the trust label stays in
//! one piece, the coach's hint is read whole, and the buttons that end a
//! conversation are in view at 1280×800 without scrolling.

use crate::support::*;
use attune::app::Screen;
use attune::scenario::Rating;
use eframe::egui;
use egui_kittest::kittest::Queryable;

const SIZES: [(&str, f32); 2] = [("150%", 1.5), ("250%", 2.5)];

/// A harness at 1280×800 with the text size chosen on the settings
/// screen, as a learner would, then back on the library.
fn at_text_size(
    folders: &Folders,
    label: &str,
) -> egui_kittest::Harness<'static, attune::app::AttuneApp> {
    let mut h = harness(folders);
    click(&mut h, "Settings");
    click(&mut h, &format!("Text size {label}"));
    click(&mut h, "Library");
    assert_eq!(screen(&h), Screen::Library);
    h
}

#[test]
fn the_trust_label_stays_on_one_line_at_large_text_sizes() {
    for (label, scale) in SIZES {
        let folders = Folders::new();
        let mut h = at_text_size(&folders, label);
        start_kitchen_table(&mut h);
        choose_rated(&mut h, Rating::Best);
        let trust = h.get_by_label_contains(" / 100").rect();
        // Body text is 16 points at 100%: one line is about 1.3 times
        // that, two lines over 2.5 times.
        let one_line = 16.0 * scale * 1.8;
        assert!(
            trust.height() < one_line,
            "at {label} the trust label is {trust:?}, taller than one line ({one_line})"
        );
    }
}

#[test]
fn the_end_buttons_are_in_view_at_large_text_sizes() {
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0));
    for (label, _) in SIZES {
        let folders = Folders::new();
        let mut h = at_text_size(&folders, label);
        start_kitchen_table(&mut h);
        for _ in 0..20 {
            if is_finished(&h) {
                break;
            }
            let worst = options(&h)
                .into_iter()
                .min_by_key(|(_, rating)| *rating)
                .map(|(text, _)| text)
                .expect("an option on offer");
            // Through AccessKit: at 250% the options may sit below the
            // fold, where a learner would scroll to them.
            h.get_by_role_and_label(egui::Role::Button, &worst)
                .click_accesskit();
            h.run();
        }
        assert!(is_finished(&h), "at {label} the conversation ended");
        for button in ["See the debrief", "Take back the last choice"] {
            let rect = h.get_by_label(button).rect();
            assert!(
                window.contains_rect(rect),
                "at {label} \"{button}\" is at {rect:?}, outside the 1280×800 window"
            );
        }
    }
}

/// The coach's hint sits under the portrait; at large text sizes the
/// portrait gives way so the whole hint is in the window, where it used to
/// run past the bottom edge into a scroll area.
#[test]
fn the_coach_hint_is_in_view_at_large_text_sizes() {
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0));
    // At 250% a long hint is taller than the whole column, portrait or
    // not; there the column scrolls.
    for (label, _) in &SIZES[..1] {
        let folders = Folders::new();
        let mut h = at_text_size(&folders, label);
        start_kitchen_table(&mut h);
        // Through AccessKit: at 250% the options may sit below the fold.
        let best = option_rated(&h, Rating::Best);
        h.get_by_role_and_label(egui::Role::Button, &best)
            .click_accesskit();
        h.run();
        let why = h
            .state()
            .state
            .active
            .as_ref()
            .and_then(|a| a.session.hint.as_ref())
            .map(|hint| hint.why.clone())
            .expect("a hint after a choice");
        let rect = h.get_by_label(&why).rect();
        assert!(
            window.contains_rect(rect),
            "at {label} the hint is at {rect:?}, outside the 1280×800 window"
        );
        let portrait = h.get_by_label_contains("Portrait of").rect();
        assert!(
            portrait.height() >= 119.0,
            "at {label} the portrait is {portrait:?}, smaller than it may get"
        );
    }
}
