//! The peer's portrait at each openness band, side by side, as a snapshot:
//! the faces must read as clearly different expressions of one person.

use attune::app::widgets::portrait::{Portraits, band_label, portrait_ui};
use eframe::egui::{self, RichText, Role, WidgetInfo};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const SIZE: f32 = 168.0;

#[test]
fn portrait_at_each_band() {
    let mut portraits = Portraits::new();
    let params = portraits.get(Some("sam")).clone();
    assert!(portraits.notices().is_empty(), "{:?}", portraits.notices());

    let mut harness = Harness::new_ui(move |ui| {
        ui.horizontal(|ui| {
            for band in 0..5 {
                let openness = band as f32;
                ui.vertical(|ui| {
                    ui.set_width(SIZE);
                    let label = format!("Portrait of Sam, {}", band_label(openness));
                    let response = portrait_ui(ui, &params, openness, SIZE);
                    response.widget_info(|| WidgetInfo::labeled(Role::Image, true, &label));
                    ui.vertical_centered(|ui| {
                        ui.label(RichText::new(band_label(openness)).size(15.0))
                    });
                });
            }
        });
    });
    harness.fit_contents();
    harness.run();
    for band in ["withdrawn", "guarded", "cautious", "open", "opening up"] {
        harness.get_by_label(&format!("Portrait of Sam, {band}"));
    }
    harness.snapshot("portraits");
}

#[test]
fn portrait_allocates_the_requested_square() {
    let mut portraits = Portraits::new();
    let params = portraits.get(None).clone();
    let mut rect = egui::Rect::NOTHING;
    let mut harness = Harness::new_ui(|ui| {
        rect = portrait_ui(ui, &params, 2.5, 96.0).rect;
    });
    harness.run();
    drop(harness);
    assert_eq!(rect.size(), egui::vec2(96.0, 96.0));
}

/// Every shipped portrait, named, at the "open" band: the gallery that
/// docs/portraits.md shows authors choosing a face. Each must load
/// without a notice, so a broken asset fails here rather than showing the
/// default face in a scenario.
#[test]
fn portrait_gallery() {
    const PER_ROW: usize = 5;
    const TILE: f32 = 128.0;
    let mut portraits = Portraits::new();
    let names = attune::scenario::portraits::names();
    let faces: Vec<_> = names
        .iter()
        .map(|name| (*name, portraits.get(Some(name)).clone()))
        .collect();
    assert!(portraits.notices().is_empty(), "{:?}", portraits.notices());
    assert!(names.contains(&"default") && names.len() > 1, "{names:?}");

    let mut harness = Harness::new_ui(move |ui| {
        for row in faces.chunks(PER_ROW) {
            ui.horizontal(|ui| {
                for (name, params) in row {
                    ui.vertical(|ui| {
                        ui.set_width(TILE);
                        let response = portrait_ui(ui, params, 3.0, TILE);
                        response.widget_info(|| {
                            WidgetInfo::labeled(Role::Image, true, format!("Portrait {name}"))
                        });
                        ui.vertical_centered(|ui| ui.label(RichText::new(*name).size(15.0)));
                    });
                }
            });
        }
    });
    harness.fit_contents();
    harness.run();
    for name in &names {
        harness.get_by_label(&format!("Portrait {name}"));
    }
    harness.snapshot("portrait_gallery");
}
