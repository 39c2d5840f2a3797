//! The canvas: nodes as focusable widgets, then edges, the path, nodes,
//! edge labels, the overview and the zoom level, painted with the
//! painter (only what is in sight).
//!
//! Every node is also a focusable widget with an accessible name, so Tab
//! and the arrow keys walk the tree and a screen reader can read it.

use eframe::egui::{
    self, CursorIcon, Pos2, Rect, Sense, Shape, Stroke, StrokeKind, Ui, pos2, vec2,
};

use super::canvas_id;
use super::edges::{arrow_head, curve, nearest_edge};
use super::input::input;
use super::layout::{COLUMN_GAP, MapEdge, NODE_H, NODE_W, Point, column_left};
use super::minimap_ui::minimap_ui;
use super::nodes::{NodeLook, paint_node};
use super::path::PathMarks;
use super::pills::{clear_spot, pill, pill_size};
use super::style::{EdgeStyle, edge_style, stroke_line};
use super::view::View;
use super::words::{edge_hover_text, edge_words, node_label};
use super::{Camera, MapAction, MapState};
use crate::app::state::action::Action;
use crate::app::widgets::theme::Palette;
use crate::scenario::Scenario;
use crate::text::count;

/// Extra world units around the view within which things are drawn.
const CULL_MARGIN: f32 = 40.0;

pub(super) fn canvas_ui(
    ui: &mut Ui,
    map: &MapState,
    scenario: &Scenario,
    marks: &PathMarks,
    palette: &Palette,
    actions: &mut Vec<Action>,
) {
    let layout = &*map.layout;
    let size = ui.available_size().max(vec2(64.0, 64.0));
    let (_, rect) = ui.allocate_space(size);
    let canvas = ui.interact(rect, canvas_id(), Sense::click_and_drag());
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
    let camera = match map.camera {
        Some(camera) => camera,
        None => {
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
    };
    let view = View { rect, camera };
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 8.0, ui.visuals().extreme_bg_color);
    painter.rect_stroke(
        rect,
        8.0,
        Stroke::new(1.0, palette.card_stroke),
        StrokeKind::Inside,
    );
    let visible = {
        let mut b = camera.visible(rect.width(), rect.height());
        b.min.x -= CULL_MARGIN;
        b.min.y -= CULL_MARGIN;
        b.max.x += CULL_MARGIN;
        b.max.y += CULL_MARGIN;
        b
    };

    // Nodes are widgets first, so this frame knows what the pointer is on.
    let mut hovered_node = None;
    let mut focused_node = None;
    for i in layout.reading_order() {
        let node = &layout.nodes[i];
        let node_rect = view.rect_of(node);
        let id = canvas.id.with(("map_node", i));
        let response = ui.interact(node_rect, id, Sense::click());
        let selected = map.selected == Some(i);
        response.widget_info(|| {
            egui::WidgetInfo::selected(
                egui::Role::Button,
                true,
                selected,
                node_label(node, marks, i),
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
                    zoom: camera.zoom,
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

    input(ui, &canvas, &view, actions);

    // Every other column is shaded, to help the eye follow depth.
    for layer in (1..layout.layers).step_by(2) {
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
            painter.rect_filled(band, 0.0, ui.visuals().faint_bg_color.gamma_multiply(0.5));
        }
    }

    let scale = view.scale();
    let related = |e: &MapEdge| {
        map.selected.is_some_and(|s| e.from == s || e.to == s)
            || hovered_node.is_some_and(|h| e.from == h || e.to == h)
    };
    // Edges: the ones not taken, then the path on top.
    let mut drawn: Vec<(usize, Vec<Pos2>)> = Vec::new();
    for (e, edge) in layout.edges.iter().enumerate() {
        if edge.bounds.intersects(&visible)
            || edge.self_loop && visible.intersects(&layout.nodes[edge.from].bounds())
        {
            drawn.push((e, curve(&view, edge)));
        }
    }
    let pointer = ui.input(|i| i.pointer.hover_pos());
    let hovered_edge = match (pointer, hovered_node) {
        (Some(p), None) if canvas.hovered() => nearest_edge(&drawn, p),
        _ => None,
    };
    for pass in [false, true] {
        for (e, points) in &drawn {
            let edge = &layout.edges[*e];
            if marks.edges[*e] != pass {
                continue;
            }
            let style = edge_style(edge.kind, palette);
            let emphasis = related(edge) || hovered_edge == Some(*e);
            if pass {
                painter.add(Shape::line(
                    points.clone(),
                    Stroke::new(9.0 * scale, palette.accent.gamma_multiply(0.4)),
                ));
            }
            let style = if emphasis {
                EdgeStyle {
                    width: style.width + 1.5,
                    ..style
                }
            } else if map.selected.is_some() && !pass {
                EdgeStyle {
                    colour: style.colour.gamma_multiply(0.55),
                    ..style
                }
            } else {
                style
            };
            stroke_line(&painter, points, style, scale);
            arrow_head(&painter, points, style.colour, 7.0 * scale);
        }
    }
    for &(a, b) in &marks.jumps {
        let (na, nb) = (&layout.nodes[a], &layout.nodes[b]);
        let from = view.to_screen(Point::new(na.center.x, na.center.y + NODE_H / 2.0));
        let to = view.to_screen(Point::new(nb.center.x - NODE_W / 2.0, nb.center.y));
        let points = vec![from, pos2(from.x, to.y), to];
        painter.add(Shape::line(
            points.clone(),
            Stroke::new(9.0 * scale, palette.accent.gamma_multiply(0.4)),
        ));
        painter.extend(Shape::dashed_line(
            &points,
            Stroke::new(2.0 * scale, palette.poor),
            6.0,
            4.0,
        ));
        arrow_head(&painter, &points, palette.poor, 7.0 * scale);
        let mid = pos2(from.x, to.y);
        pill(
            &painter,
            ui,
            mid + vec2(0.0, -12.0),
            "trust fell below the floor",
            palette.poor,
            palette,
        );
    }

    // Nodes in sight.
    let text_scale = camera.zoom;
    for (i, node) in layout.nodes.iter().enumerate() {
        if !node.bounds().intersects(&visible) {
            continue;
        }
        let state = NodeLook {
            selected: map.selected == Some(i),
            hovered: hovered_node == Some(i),
            focused: focused_node == Some(i),
            on_path: marks.on_path(i),
            current: marks.current == Some(i),
        };
        paint_node(
            &painter,
            ui,
            &view,
            node,
            &marks.steps[i],
            state,
            palette,
            text_scale,
        );
    }

    // Labels with the rating words on the selected or hovered node's edges.
    let mut placed = Vec::new();
    for (e, points) in &drawn {
        let edge = &layout.edges[*e];
        if !(related(edge) || hovered_edge == Some(*e)) {
            continue;
        }
        let style = edge_style(edge.kind, palette);
        let at = points[points.len() / 2];
        let text = edge_words(edge);
        let at = clear_spot(&mut placed, at, pill_size(&painter, &text));
        pill(&painter, ui, at, &text, style.colour, palette);
    }

    minimap_ui(ui, &view, layout, marks, palette, actions);
    let zoom_text = format!("{:.0}%", camera.zoom * 100.0);
    pill(
        &painter,
        ui,
        rect.right_top() + vec2(-30.0, 18.0),
        &zoom_text,
        palette.card_stroke,
        palette,
    );

    if let Some(e) = hovered_edge {
        let edge = &layout.edges[e];
        let text = edge_hover_text(edge, layout, scenario);
        canvas.clone().on_hover_ui_at_pointer(|ui| {
            ui.set_max_width(360.0);
            ui.label(text);
        });
        ui.ctx().set_cursor_icon(CursorIcon::Default);
    } else if hovered_node.is_some() {
        ui.ctx().set_cursor_icon(CursorIcon::PointingHand);
    } else if canvas.dragged() {
        ui.ctx().set_cursor_icon(CursorIcon::Grabbing);
    } else if canvas.hovered() {
        ui.ctx().set_cursor_icon(CursorIcon::Grab);
    }
}
