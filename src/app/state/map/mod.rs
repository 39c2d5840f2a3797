//! The scenario map's state: the layout of the whole tree, computed once
//! per scenario ([`layout`]), the learner's route on it ([`path`]), and
//! what the view remembers ([`MapState`]: the layout, the camera and the
//! selected node), with [`MapState::apply`] the one place it changes. The
//! views in [`crate::app::map`] draw it and return actions.

pub mod layout;
pub mod path;
pub mod reveal;

use std::sync::Arc;

pub use layout::{Bounds, Layout, Point};
pub use path::{MapPath, PathMarks, Stand};
pub use reveal::Reveal;

use crate::app::state::catalogue::CardId;
use crate::app::state::screen::Screen;
use crate::scenario::Scenario;

/// The closest the view zooms out: a 200-node map still fits a window.
pub const MIN_ZOOM: f32 = 0.1;
/// The closest the view zooms in.
pub const MAX_ZOOM: f32 = 3.0;
/// Fitting never enlarges beyond this, so a tiny tree is not blown up.
pub const FIT_MAX_ZOOM: f32 = 1.2;
/// A map opens at least this close, where node names can be read; a
/// tree too big for that shows a part, around where the learner is.
pub const READABLE_ZOOM: f32 = 0.72;
/// One press of + or − zooms by this factor.
pub const ZOOM_STEP: f32 = 1.25;
/// How far one arrow key press moves the view, in screen points.
pub const PAN_STEP: f32 = 80.0;

/// What part of the map the view shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    /// The world point at the middle of the view.
    pub center: Point,
    /// Screen points per world unit.
    pub zoom: f32,
}

impl Camera {
    /// The camera that shows all of `bounds` in a view of this size.
    pub fn fit(bounds: &Bounds, view_width: f32, view_height: f32) -> Camera {
        if bounds.is_empty() {
            return Camera {
                center: Point::default(),
                zoom: 1.0,
            };
        }
        let margin = 48.0;
        let zoom_x = (view_width - margin).max(1.0) / bounds.width().max(1.0);
        let zoom_y = (view_height - margin).max(1.0) / bounds.height().max(1.0);
        Camera {
            center: bounds.center(),
            zoom: zoom_x.min(zoom_y).clamp(MIN_ZOOM, FIT_MAX_ZOOM),
        }
    }

    /// The camera a map opens with: the whole tree when it can be read
    /// that way, else readable and around `focus`, without showing more
    /// empty space beyond the tree's edges than it must.
    pub fn initial(bounds: &Bounds, view_width: f32, view_height: f32, focus: Point) -> Camera {
        let fit = Camera::fit(bounds, view_width, view_height);
        if fit.zoom >= READABLE_ZOOM || bounds.is_empty() {
            return fit;
        }
        // As close as the tree's height allows, up to full size.
        let tall = (view_height - 48.0).max(1.0) / bounds.height().max(1.0);
        let zoom = tall.clamp(READABLE_ZOOM, 1.0);
        let margin = 24.0 / zoom;
        let axis = |focus: f32, min: f32, max: f32, view: f32| {
            let half = view / zoom / 2.0;
            let (low, high) = (min - margin + half, max + margin - half);
            if low > high {
                (min + max) / 2.0
            } else {
                focus.clamp(low, high)
            }
        };
        Camera {
            center: Point::new(
                axis(focus.x, bounds.min.x, bounds.max.x, view_width),
                axis(focus.y, bounds.min.y, bounds.max.y, view_height),
            ),
            zoom,
        }
    }

    /// The world area a view of this size shows.
    pub fn visible(&self, view_width: f32, view_height: f32) -> Bounds {
        Bounds::around(self.center, view_width / self.zoom, view_height / self.zoom)
    }
}

/// A change to the map view, asked for by the view and applied by
/// [`MapState::apply`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MapAction {
    /// Select a node (by map index) to show its details, or none.
    Select(Option<usize>),
    /// Move the view by this many screen points.
    Pan { dx: f32, dy: f32 },
    /// Zoom by a factor, keeping the world point `anchor` in place on
    /// screen (the pointer), or the middle when there is none.
    Zoom { factor: f32, anchor: Option<Point> },
    /// Put the camera here (the view uses this for fitting and for
    /// bringing a node into sight).
    SetCamera(Camera),
    /// Select a node and move the view so it is in the middle.
    Show(usize),
    /// Fit the whole tree into the view on the next frame.
    Fit,
    /// Show or hide the answers: every rating, effect and line.
    ShowAnswers(bool),
    /// Show or hide the node and option ids (the author view).
    ShowIds(bool),
}

/// What the map view remembers.
#[derive(Clone, Debug)]
pub struct MapState {
    /// The library card whose scenario is shown.
    pub card: CardId,
    /// The screen the "Back" button returns to.
    pub from: Screen,
    /// Computed once per scenario (and again after the file reloads).
    pub layout: Arc<Layout>,
    /// `None` until the view has placed the camera for its size.
    pub camera: Option<Camera>,
    /// The next placement fits the whole tree (after "Fit to window");
    /// otherwise it is the opening view, [`Camera::initial`].
    pub fit_all: bool,
    pub selected: Option<usize>,
    /// "Show the answers": ratings, effects and later lines even while a
    /// conversation runs. Off when a map first opens; kept while the app
    /// runs, never saved.
    pub show_answers: bool,
    /// "Show ids": the author view, with node and option ids.
    pub show_ids: bool,
}

impl MapState {
    /// Lays out `scenario` for the card `card`, with the answers hidden
    /// and the ids shown only for authors (`show_ids`).
    pub fn new(card: CardId, from: Screen, scenario: &Scenario, show_ids: bool) -> Self {
        MapState {
            card,
            from,
            layout: Arc::new(Layout::new(scenario)),
            camera: None,
            fit_all: false,
            selected: None,
            show_answers: false,
            show_ids,
        }
    }

    /// Takes a new layout of the same card after its file changed: the
    /// camera stays, and so does the selection if that node still exists.
    pub fn relayout(&mut self, scenario: &Scenario) {
        let selected = self
            .selected
            .and_then(|i| self.layout.nodes.get(i))
            .map(|n| n.id.clone());
        self.layout = Arc::new(Layout::new(scenario));
        self.selected = selected.and_then(|id| self.layout.node_index(&id));
    }

    pub fn apply(&mut self, action: MapAction) {
        match action {
            MapAction::Select(node) => {
                self.selected = node.filter(|&i| i < self.layout.nodes.len());
            }
            MapAction::Pan { dx, dy } => {
                if let Some(camera) = &mut self.camera {
                    camera.center.x -= dx / camera.zoom;
                    camera.center.y -= dy / camera.zoom;
                }
            }
            MapAction::Zoom { factor, anchor } => {
                if let Some(camera) = &mut self.camera {
                    let zoom = (camera.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
                    let anchor = anchor.unwrap_or(camera.center);
                    let keep = camera.zoom / zoom;
                    camera.center = Point::new(
                        anchor.x - (anchor.x - camera.center.x) * keep,
                        anchor.y - (anchor.y - camera.center.y) * keep,
                    );
                    camera.zoom = zoom;
                }
            }
            MapAction::SetCamera(camera) => {
                self.fit_all = false;
                self.camera = Some(Camera {
                    zoom: camera.zoom.clamp(MIN_ZOOM, MAX_ZOOM),
                    ..camera
                });
            }
            MapAction::Show(node) => {
                if let Some(n) = self.layout.nodes.get(node) {
                    self.selected = Some(node);
                    if let Some(camera) = &mut self.camera {
                        camera.center = n.center;
                    }
                }
            }
            MapAction::Fit => {
                self.camera = None;
                self.fit_all = true;
            }
            MapAction::ShowAnswers(on) => self.show_answers = on,
            MapAction::ShowIds(on) => self.show_ids = on,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> MapState {
        MapState {
            card: CardId::for_test(0),
            from: Screen::Library,
            layout: Arc::new(Layout::default()),
            camera: Some(Camera {
                center: Point::new(100.0, 50.0),
                zoom: 1.0,
            }),
            fit_all: false,
            selected: None,
            show_answers: false,
            show_ids: false,
        }
    }

    #[test]
    fn zooming_keeps_the_anchor_in_place() {
        let mut map = state();
        let anchor = Point::new(200.0, 50.0);
        // The anchor is 100 screen points right of the middle.
        map.apply(MapAction::Zoom {
            factor: 2.0,
            anchor: Some(anchor),
        });
        let camera = map.camera.expect("a camera");
        assert_eq!(camera.zoom, 2.0);
        assert_eq!((anchor.x - camera.center.x) * camera.zoom, 100.0);
    }

    #[test]
    fn zoom_is_clamped_and_panning_moves_against_the_drag() {
        let mut map = state();
        map.apply(MapAction::Zoom {
            factor: 1000.0,
            anchor: None,
        });
        assert_eq!(map.camera.map(|c| c.zoom), Some(MAX_ZOOM));
        map.apply(MapAction::Pan { dx: 30.0, dy: 0.0 });
        let camera = map.camera.expect("a camera");
        assert!((camera.center.x - (100.0 - 30.0 / MAX_ZOOM)).abs() < 1e-3);
        map.apply(MapAction::Fit);
        assert_eq!(map.camera, None);
        assert!(map.fit_all);
    }

    #[test]
    fn a_big_tree_opens_readable_near_the_focus() {
        let bounds = Bounds::around(Point::new(3000.0, 400.0), 6000.0, 800.0);
        let camera = Camera::initial(&bounds, 800.0, 600.0, Point::new(0.0, 200.0));
        assert_eq!(camera.zoom, READABLE_ZOOM);
        let visible = camera.visible(800.0, 600.0);
        assert!(
            visible.contains(Point::new(0.0, 200.0)),
            "the focus is in sight"
        );
        let flat = Bounds::around(Point::new(3000.0, 100.0), 6000.0, 200.0);
        let camera = Camera::initial(&flat, 800.0, 600.0, Point::new(0.0, 100.0));
        assert_eq!(camera.zoom, 1.0, "a flat tree opens at full size");
        assert!(
            visible.min.x >= -40.0,
            "no more than a margin left of the tree"
        );
        let small = Bounds::around(Point::new(100.0, 100.0), 200.0, 100.0);
        assert_eq!(
            Camera::initial(&small, 800.0, 600.0, Point::new(0.0, 0.0)),
            Camera::fit(&small, 800.0, 600.0)
        );
    }

    #[test]
    fn fitting_shows_all_of_the_bounds() {
        let bounds = Bounds::around(Point::new(500.0, 200.0), 1000.0, 400.0);
        let camera = Camera::fit(&bounds, 600.0, 600.0);
        assert!(camera.visible(600.0, 600.0).contains_bounds(&bounds));
        assert_eq!(camera.center, bounds.center());
    }
}
