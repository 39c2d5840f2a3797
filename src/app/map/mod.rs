//! The scenario map: the whole tree of a scenario, with the route the
//! conversation took, for authors checking their branches and for a
//! debrief that shows what else could have happened.
//!
//! The map's state (the layout, the learner's route, the camera and the
//! selection) and the one place it changes live with the rest of the
//! model, in [`crate::app::state::map`]. The views here return actions
//! and never change the state:
//!
//! - `screen_ui`: the screen around the map (the way back, the path line);
//! - `map_ui`: the panels: `details_ui`, `toolbar_ui`, `legend_ui` and
//!   `canvas_ui`, which paints with `nodes`, `edges`, `pills` and
//!   `minimap_ui`, through the world-to-screen transform in `view`;
//! - `style` (how edges look), `words` (what the map says to a screen
//!   reader and in hover texts), `geometry` (curves and distances);
//! - `input`: the M key and the canvas's pointer and keys.

mod canvas_ui;
mod details_ui;
mod edges;
mod geometry;
mod input;
mod legend_ui;
mod map_ui;
mod minimap_ui;
mod nodes;
mod pills;
mod screen_ui;
mod sight;
mod style;
mod toolbar_ui;
mod view;
mod words;

pub use map_ui::map_ui;
pub use screen_ui::map_screen_ui;

pub use crate::app::state::map::{
    Bounds, Camera, FIT_MAX_ZOOM, Layout, MAX_ZOOM, MIN_ZOOM, MapAction, MapPath, MapState,
    PAN_STEP, PathMarks, Point, READABLE_ZOOM, ZOOM_STEP, layout, path,
};

/// The map canvas's widget id. Fixed, so the key handling can tell the
/// canvas (whose arrows move the view) from a focused node or button
/// (whose arrows move the focus).
pub fn canvas_id() -> eframe::egui::Id {
    eframe::egui::Id::unique("scenario_map_canvas")
}
