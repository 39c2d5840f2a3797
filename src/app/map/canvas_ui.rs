//! The canvas: nodes as focusable widgets, then edges, the path, nodes,
//! edge labels, the overview and the zoom level, painted with the
//! painter (only what is in sight).
//!
//! Every node is also a focusable widget with an accessible name, so Tab
//! and the arrow keys walk the tree and a screen reader can read it.

use eframe::egui::{
    self, CursorIcon, Pos2, Rect, Response, Sense, Shape, Stroke, StrokeKind, Ui, pos2, vec2,
};

use super::canvas_id;
use super::edges::{arrow_head, curve, nearest_edge};
use super::input::input;
use super::minimap_ui::minimap_ui;
use super::nodes::{NodeLook, paint_node};
use super::pills::{clear_spot, pill, pill_size};
use super::sight::Sight;
use super::style::{EdgeStyle, hidden_style, stroke_line};
use super::view::View;
use super::words::{edge_hover_text, edge_words, node_label};
use super::{Camera, MapAction, MapState};
use crate::app::state::action::Action;
use crate::app::state::map::layout::{
    Bounds, COLUMN_GAP, Layout, MapEdge, NODE_H, NODE_W, Point, column_left,
};
use crate::app::state::map::path::PathMarks;
use crate::app::widgets::theme::Palette;
use crate::scenario::Scenario;
use crate::text::count;

/// Extra world units around the view within which things are drawn.
const CULL_MARGIN: f32 = 40.0;

/// What one frame of the canvas paints with.
struct Scene<'a> {
    painter: egui::Painter,
    view: View,
    layout: &'a Layout,
    sight: &'a Sight<'a>,
    palette: &'a Palette,
}

impl Scene<'_> {
    /// How edge `e` is drawn: by its rating when that may show, else
    /// like every other option.
    fn edge_style(&self, e: usize) -> EdgeStyle {
        let edge = &self.layout.edges[e];
        let rated = self.sight.reveal.rating(self.layout, &self.sight.marks, e);
        hidden_style(edge.kind, rated, self.palette)
    }
}

/// What the pointer and the keyboard are on this frame; the edges and
/// labels of these stand out.
#[derive(Clone, Copy)]
struct Focus {
    selected: Option<usize>,
    hovered_node: Option<usize>,
    focused_node: Option<usize>,
    hovered_edge: Option<usize>,
}

impl Focus {
    /// An edge touching the selected or hovered node.
    fn related(&self, edge: &MapEdge) -> bool {
        self.selected
            .is_some_and(|s| edge.from == s || edge.to == s)
            || self
                .hovered_node
                .is_some_and(|h| edge.from == h || edge.to == h)
    }

    /// An edge drawn wider and labelled: related, or under the pointer.
    fn stands_out(&self, e: usize, edge: &MapEdge) -> bool {
        self.related(edge) || self.hovered_edge == Some(e)
    }
}

/// The scenario map, painted and interactive; what the user does lands
/// in `actions`.
pub(super) fn canvas_ui(
    ui: &mut Ui,
    map: &MapState,
    scenario: &Scenario,
    sight: &Sight,
    palette: &Palette,
    actions: &mut Vec<Action>,
) {
    let layout = &*map.layout;
    let marks = &sight.marks;
    let size = ui.available_size().max(vec2(64.0, 64.0));
    let (_, rect) = ui.allocate_space(size);
    let canvas = ui.interact(rect, canvas_id(), Sense::click_and_drag());
    describe_canvas(&canvas, scenario, layout);
    let camera = camera_or_place(map, marks, rect, actions);
    let scene = Scene {
        painter: ui.painter_at(rect),
        view: View { rect, camera },
        layout,
        sight,
        palette,
    };
    paint_backdrop(ui, &scene);
    let visible = cull_bounds(camera, rect);

    // Nodes are widgets first, so this frame knows what the pointer is on.
    let (hovered_node, focused_node) = node_widgets_ui(ui, &canvas, map, &scene, actions);

    input(ui, &canvas, &scene.view, actions);

    paint_column_bands(ui, &scene);
    let drawn = edges_in_sight(&scene, &visible);
    let focus = Focus {
        selected: map.selected,
        hovered_node,
        focused_node,
        hovered_edge: hovered_edge(ui, &canvas, &drawn, hovered_node),
    };
    paint_edges(&scene, &drawn, &focus);
    paint_jumps(ui, &scene);
    paint_nodes(ui, &scene, &visible, &focus);
    paint_edge_labels(ui, &scene, &drawn, &focus);

    minimap_ui(ui, &scene.view, layout, sight, palette, actions);
    paint_zoom_level(ui, &scene);
    pointer_feedback_ui(ui, &canvas, scenario, &scene, &focus);
}

/// The canvas's accessible name: the scenario and how big its map is.
fn describe_canvas(canvas: &Response, scenario: &Scenario, layout: &Layout) {
    canvas.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Canvas,
            true,
            format!(
                "Scenario map of {}: {} and {}",
                scenario.title,
                count(layout.nodes.len(), "node"),
                count(layout.edges.len(), "arrow")
            ),
        )
    });
}

/// The map's camera, or a first one (the whole tree, or the current or
/// start node) that is also sent to be remembered.
fn camera_or_place(
    map: &MapState,
    marks: &PathMarks,
    rect: Rect,
    actions: &mut Vec<Action>,
) -> Camera {
    if let Some(camera) = map.camera {
        return camera;
    }
    let layout = &*map.layout;
    let placed = if map.fit_all {
        Camera::fit(&layout.bounds, rect.width(), rect.height())
    } else {
        let focus = marks
            .current
            .or_else(|| layout.nodes.iter().position(|n| n.is_start))
            .map_or(layout.bounds.center(), |i| layout.nodes[i].center);
        Camera::initial(&layout.bounds, rect.width(), rect.height(), focus)
    };
    actions.push(Action::Map(MapAction::SetCamera(placed)));
    placed
}

/// The canvas's background and border.
fn paint_backdrop(ui: &Ui, scene: &Scene) {
    let rect = scene.view.rect;
    scene
        .painter
        .rect_filled(rect, 8.0, ui.visuals().extreme_bg_color);
    scene.painter.rect_stroke(
        rect,
        8.0,
        Stroke::new(1.0, scene.palette.card_stroke),
        StrokeKind::Inside,
    );
}

/// The world area in sight, with a margin, outside which nothing is drawn.
fn cull_bounds(camera: Camera, rect: Rect) -> Bounds {
    let mut b = camera.visible(rect.width(), rect.height());
    b.min.x -= CULL_MARGIN;
    b.min.y -= CULL_MARGIN;
    b.max.x += CULL_MARGIN;
    b.max.y += CULL_MARGIN;
    b
}

/// Every node as a focusable widget in reading order; clicks and focus
/// select it. Returns the hovered and the focused node.
fn node_widgets_ui(
    ui: &Ui,
    canvas: &Response,
    map: &MapState,
    scene: &Scene,
    actions: &mut Vec<Action>,
) -> (Option<usize>, Option<usize>) {
    let layout = scene.layout;
    let rect = scene.view.rect;
    let mut hovered_node = None;
    let mut focused_node = None;
    for i in layout.reading_order() {
        let node = &layout.nodes[i];
        let node_rect = scene.view.rect_of(node);
        let id = canvas.id.with(("map_node", i));
        let response = ui.interact(node_rect, id, Sense::click());
        let selected = map.selected == Some(i);
        response.widget_info(|| {
            egui::WidgetInfo::selected(
                egui::Role::Button,
                true,
                selected,
                node_label(node, scene.sight, i),
            )
        });
        if response.clicked() {
            actions.push(Action::Map(MapAction::Select(Some(i))));
            response.request_focus();
        }
        if response.gained_focus() {
            if !selected {
                actions.push(Action::Map(MapAction::Select(Some(i))));
            }
            if !rect.shrink(8.0).contains_rect(node_rect) {
                actions.push(Action::Map(MapAction::SetCamera(Camera {
                    center: node.center,
                    zoom: scene.view.camera.zoom,
                })));
            }
        }
        if response.hovered() {
            hovered_node = Some(i);
        }
        if response.has_focus() {
            focused_node = Some(i);
        }
    }
    (hovered_node, focused_node)
}

/// Every other column is shaded, to help the eye follow depth.
fn paint_column_bands(ui: &Ui, scene: &Scene) {
    let view = &scene.view;
    let rect = view.rect;
    for layer in (1..scene.layout.layers).step_by(2) {
        let left = view
            .to_screen(Point::new(column_left(layer) - COLUMN_GAP / 2.0, 0.0))
            .x;
        let right = view
            .to_screen(Point::new(
                column_left(layer) + NODE_W + COLUMN_GAP / 2.0,
                0.0,
            ))
            .x;
        let band = Rect::from_x_y_ranges(left..=right, rect.y_range()).intersect(rect.shrink(1.0));
        if band.is_positive() {
            scene
                .painter
                .rect_filled(band, 0.0, ui.visuals().faint_bg_color.gamma_multiply(0.5));
        }
    }
}

/// The edges in sight, each with its index and its curve on screen.
fn edges_in_sight(scene: &Scene, visible: &Bounds) -> Vec<(usize, Vec<Pos2>)> {
    let layout = scene.layout;
    let mut drawn: Vec<(usize, Vec<Pos2>)> = Vec::new();
    for (e, edge) in layout.edges.iter().enumerate() {
        if edge.bounds.intersects(visible)
            || edge.self_loop && visible.intersects(&layout.nodes[edge.from].bounds())
        {
            drawn.push((e, curve(&scene.view, edge)));
        }
    }
    drawn
}

/// The edge nearest the pointer, when the pointer is on the canvas but
/// not on a node.
fn hovered_edge(
    ui: &Ui,
    canvas: &Response,
    drawn: &[(usize, Vec<Pos2>)],
    hovered_node: Option<usize>,
) -> Option<usize> {
    let pointer = ui.input(|i| i.pointer.hover_pos());
    match (pointer, hovered_node) {
        (Some(p), None) if canvas.hovered() => nearest_edge(drawn, p),
        _ => None,
    }
}

/// The wide, soft line under a stretch of the played path.
fn paint_path_underlay(scene: &Scene, points: Vec<Pos2>) {
    scene.painter.add(Shape::line(
        points,
        Stroke::new(
            9.0 * scene.view.scale(),
            scene.palette.accent.gamma_multiply(0.4),
        ),
    ));
}

/// Edges: the ones not taken, then the path on top.
fn paint_edges(scene: &Scene, drawn: &[(usize, Vec<Pos2>)], focus: &Focus) {
    let scale = scene.view.scale();
    for pass in [false, true] {
        for (e, points) in drawn {
            let edge = &scene.layout.edges[*e];
            if scene.sight.marks.edges[*e] != pass {
                continue;
            }
            let style = scene.edge_style(*e);
            let emphasis = focus.stands_out(*e, edge);
            if pass {
                paint_path_underlay(scene, points.clone());
            }
            let style = if emphasis {
                EdgeStyle {
                    width: style.width + 1.5,
                    ..style
                }
            } else if focus.selected.is_some() && !pass {
                EdgeStyle {
                    colour: style.colour.gamma_multiply(0.55),
                    ..style
                }
            } else {
                style
            };
            stroke_line(&scene.painter, points, style, scale);
            arrow_head(&scene.painter, points, style.colour, 7.0 * scale);
        }
    }
}

/// The jumps of the path where trust fell below the floor: dashed
/// elbows with a label.
fn paint_jumps(ui: &Ui, scene: &Scene) {
    let (view, palette, painter) = (&scene.view, scene.palette, &scene.painter);
    let scale = view.scale();
    for &(a, b) in &scene.sight.marks.jumps {
        let (na, nb) = (&scene.layout.nodes[a], &scene.layout.nodes[b]);
        let from = view.to_screen(Point::new(na.center.x, na.center.y + NODE_H / 2.0));
        let to = view.to_screen(Point::new(nb.center.x - NODE_W / 2.0, nb.center.y));
        let points = vec![from, pos2(from.x, to.y), to];
        paint_path_underlay(scene, points.clone());
        painter.extend(Shape::dashed_line(
            &points,
            Stroke::new(2.0 * scale, palette.poor),
            6.0,
            4.0,
        ));
        arrow_head(painter, &points, palette.poor, 7.0 * scale);
        let mid = pos2(from.x, to.y);
        pill(
            painter,
            ui,
            mid + vec2(0.0, -12.0),
            "trust fell below the floor",
            palette.poor,
            palette,
        );
    }
}

/// Nodes in sight.
fn paint_nodes(ui: &Ui, scene: &Scene, visible: &Bounds, focus: &Focus) {
    let marks = &scene.sight.marks;
    let text_scale = scene.view.camera.zoom;
    for (i, node) in scene.layout.nodes.iter().enumerate() {
        if !node.bounds().intersects(visible) {
            continue;
        }
        let state = NodeLook {
            selected: focus.selected == Some(i),
            hovered: focus.hovered_node == Some(i),
            focused: focus.focused_node == Some(i),
            on_path: marks.on_path(i),
            current: marks.current == Some(i),
            shown: scene.sight.shown(i),
        };
        paint_node(
            &scene.painter,
            ui,
            &scene.view,
            node,
            scene.sight.name(i),
            &marks.steps[i],
            state,
            scene.palette,
            text_scale,
        );
    }
}

/// Labels with the rating words on the selected or hovered node's edges.
fn paint_edge_labels(ui: &Ui, scene: &Scene, drawn: &[(usize, Vec<Pos2>)], focus: &Focus) {
    let mut placed = Vec::new();
    for (e, points) in drawn {
        let edge = &scene.layout.edges[*e];
        if !focus.stands_out(*e, edge) {
            continue;
        }
        let text = edge_words(scene.layout, scene.sight, *e);
        if text.is_empty() {
            continue;
        }
        let style = scene.edge_style(*e);
        let at = points[points.len() / 2];
        let at = clear_spot(&mut placed, at, pill_size(&scene.painter, &text));
        pill(&scene.painter, ui, at, &text, style.colour, scene.palette);
    }
}

/// The zoom level, in the top right corner.
fn paint_zoom_level(ui: &Ui, scene: &Scene) {
    let zoom_text = format!("{:.0}%", scene.view.camera.zoom * 100.0);
    pill(
        &scene.painter,
        ui,
        scene.view.rect.right_top() + vec2(-30.0, 18.0),
        &zoom_text,
        scene.palette.card_stroke,
        scene.palette,
    );
}

/// The hovered edge's tooltip, and a cursor for what the pointer is on.
fn pointer_feedback_ui(
    ui: &Ui,
    canvas: &Response,
    scenario: &Scenario,
    scene: &Scene,
    focus: &Focus,
) {
    if let Some(e) = focus.hovered_edge {
        let text = edge_hover_text(e, scene.layout, scenario, scene.sight);
        canvas.clone().on_hover_ui_at_pointer(|ui| {
            ui.set_max_width(360.0);
            ui.label(text);
        });
        ui.ctx().set_cursor_icon(CursorIcon::Default);
    } else if focus.hovered_node.is_some() {
        ui.ctx().set_cursor_icon(CursorIcon::PointingHand);
    } else if canvas.dragged() {
        ui.ctx().set_cursor_icon(CursorIcon::Grabbing);
    } else if canvas.hovered() {
        ui.ctx().set_cursor_icon(CursorIcon::Grab);
    }
}
