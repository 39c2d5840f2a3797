//! Drawing the map: a canvas painted with the painter (only what is in
//! sight), a toolbar, a legend and the details of the selected node.
//!
//! Every node is also a focusable widget with an accessible name, so Tab
//! and the arrow keys walk the tree and a screen reader can read it.

use eframe::egui::{
    self, Align2, Color32, CursorIcon, EventFilter, FontId, Pos2, Rect, RichText, Sense, Shape,
    Stroke, StrokeKind, Ui, Vec2, pos2, text::LayoutJob, vec2,
};

use super::details_ui::details_ui;
use super::layout::{
    COLUMN_GAP, EdgeKind, Layout, MapEdge, MapNode, NODE_H, NODE_W, NodeKind, Point, column_left,
};
use super::path::{MapPath, PathMarks};
use super::{Camera, MapAction, MapState, ZOOM_STEP, canvas_id};
use crate::app::shell::commands::{CommandId, keys_of};
use crate::app::state::AppState;
use crate::app::state::action::{Action, Screen};
use crate::app::widgets;
use crate::app::widgets::theme::Palette;
use crate::scenario::{Rating, Scenario};
use crate::text::count;

/// Extra world units around the view within which things are drawn.
const CULL_MARGIN: f32 = 40.0;
/// Node text is left out when boxes are narrower than this on screen.
const MIN_TEXT_BOX: f32 = 44.0;
/// How close the pointer must be to an edge to point at it.
const EDGE_HIT: f32 = 6.0;

/// The map screen: a header with the way back, then the map of the card
/// in [`AppState::map`] with the path of the conversation it came from.
pub fn map_screen_ui(ui: &mut Ui, state: &AppState, palette: &Palette) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(map) = &state.map else {
        ui.label("No map is open. Open one from a scenario's card, its briefing or a debrief.");
        return actions;
    };
    let back = back_label(map.from);
    let scenario = state.catalogue.scenario(map.card);
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        let hint = format!("Or press {}", keys_of(CommandId::Map));
        if ui.button(back).on_hover_text(hint).clicked() {
            actions.push(Action::CloseMap);
        }
        match scenario {
            Some(s) => {
                ui.heading(format!("Map of \u{201c}{}\u{201d}", s.title));
            }
            None => {
                ui.heading("Scenario map");
            }
        }
    });
    let Some(scenario) = scenario else {
        ui.label(
            "This scenario's file has errors since it was last changed, so its map cannot be \
             drawn. Fix the file and it reloads by itself.",
        );
        if ui.button("See the problems").clicked() {
            actions.push(Action::Navigate(Screen::Problems));
        }
        return actions;
    };
    let path = path_for(state, map.card, map.from);
    ui.label(
        RichText::new(path_summary(&path, scenario))
            .small()
            .color(palette.muted),
    );
    ui.add_space(4.0);
    actions.extend(map_ui(ui, map, scenario, &path, palette));
    actions
}

/// The words on the way back from the map.
fn back_label(from: Screen) -> &'static str {
    match from {
        Screen::Conversation => "Back to the conversation",
        Screen::Debrief => "Back to the debrief",
        Screen::Briefing => "Back to the briefing",
        Screen::Problems => "Back to the problems",
        _ => "Back to the library",
    }
}

/// The path shown on a card's map: the debriefed conversation when the
/// map was opened from the debrief, else the conversation in progress,
/// whichever belongs to this card.
fn path_for(state: &AppState, card: usize, from: Screen) -> MapPath {
    let active = state
        .active
        .as_ref()
        .filter(|a| a.card == card)
        .map(|a| &a.session.conversation);
    let review = state
        .review
        .as_ref()
        .filter(|r| r.card == card)
        .map(|r| &r.conversation);
    let conversation = if from == Screen::Debrief {
        review.or(active)
    } else {
        active.or(review)
    };
    conversation.map(MapPath::of).unwrap_or_default()
}

fn path_summary(path: &MapPath, scenario: &Scenario) -> String {
    if path.is_empty() {
        return "No conversation on this scenario yet: play it, and your path shows here."
            .to_string();
    }
    let at = path.nodes.last().map_or("", String::as_str);
    let ended = scenario.node(at).is_some_and(|n| n.is_ending());
    format!(
        "Your path is drawn thick, with the step numbers: {} so far, {} \u{201c}{at}\u{201d}.",
        count(path.choices.len(), "choice"),
        if ended { "ending at" } else { "now at" }
    )
}

/// The map of `scenario` with `path` highlighted: toolbar, canvas,
/// legend and details panel. Pure drawing: every change comes back as an
/// action. Benchmarks call this directly with [`MapState::of`].
pub fn map_ui(
    ui: &mut Ui,
    map: &MapState,
    scenario: &Scenario,
    path: &MapPath,
    palette: &Palette,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let marks = PathMarks::new(&map.layout, path);
    let panel_width = (ui.available_width() * 0.3).clamp(280.0, 440.0);
    egui::Panel::right("map_details")
        .resizable(true)
        .default_size(panel_width)
        .size_range(240.0..=ui.available_width() * 0.6)
        .frame(egui::Frame::new().inner_margin(egui::Margin {
            left: 14,
            right: 4,
            top: 4,
            bottom: 8,
        }))
        .show(ui, |ui| {
            actions.extend(details_ui(ui, map, scenario, &marks, palette));
        });
    egui::Panel::top("map_toolbar")
        .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(0, 4)))
        .show(ui, |ui| toolbar_ui(ui, palette, &mut actions));
    egui::Panel::bottom("map_legend")
        .frame(egui::Frame::new().inner_margin(egui::Margin::symmetric(0, 6)))
        .show(ui, |ui| legend_ui(ui, palette));
    egui::CentralPanel::default()
        .frame(egui::Frame::new())
        .show(ui, |ui| {
            canvas_ui(ui, map, scenario, &marks, palette, &mut actions);
        });
    actions
}

fn toolbar_ui(ui: &mut Ui, palette: &Palette, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Fit to window")
            .on_hover_text(format!(
                "Show the whole tree ({})",
                keys_of(CommandId::MapFit)
            ))
            .clicked()
        {
            actions.push(Action::Map(MapAction::Fit));
        }
        let out = format!("Or {}", keys_of(CommandId::MapZoomOut));
        if ui.button("Zoom out").on_hover_text(out).clicked() {
            actions.push(zoom(1.0 / ZOOM_STEP, None));
        }
        let zoom_in = format!("Or {}", keys_of(CommandId::MapZoomIn));
        if ui.button("Zoom in").on_hover_text(zoom_in).clicked() {
            actions.push(zoom(ZOOM_STEP, None));
        }
        ui.label(
            RichText::new(
                "Drag or arrow keys to move \u{00B7} scroll to zoom \u{00B7} \
                 Tab and arrows step through the nodes",
            )
            .small()
            .color(palette.muted),
        );
    });
}

fn zoom(factor: f32, anchor: Option<Point>) -> Action {
    Action::Map(MapAction::Zoom { factor, anchor })
}

/// How an edge is drawn. Each rating has its own line pattern as well as
/// its colour, and the legend and labels name it in words.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct EdgeStyle {
    pub colour: Color32,
    pub width: f32,
    pub pattern: Pattern,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Pattern {
    Solid,
    /// Dash and gap lengths, in screen points.
    Dashed(f32, f32),
    /// Spacing of the dots.
    Dotted(f32),
}

pub(crate) fn edge_style(kind: EdgeKind, palette: &Palette) -> EdgeStyle {
    match kind {
        EdgeKind::Option { rating, .. } => rating_style(rating, palette),
        EdgeKind::Route { .. } => EdgeStyle {
            colour: palette.muted,
            width: 1.5,
            pattern: Pattern::Dashed(2.0, 3.0),
        },
    }
}

pub(crate) fn rating_style(rating: Rating, palette: &Palette) -> EdgeStyle {
    let colour = widgets::rating_colour(palette, rating);
    match rating {
        Rating::Best => EdgeStyle {
            colour,
            width: 3.0,
            pattern: Pattern::Solid,
        },
        Rating::Good => EdgeStyle {
            colour,
            width: 1.6,
            pattern: Pattern::Solid,
        },
        Rating::Mixed => EdgeStyle {
            colour,
            width: 2.0,
            pattern: Pattern::Dashed(12.0, 5.0),
        },
        Rating::Poor => EdgeStyle {
            colour,
            width: 2.0,
            pattern: Pattern::Dashed(5.0, 4.0),
        },
        Rating::Harmful => EdgeStyle {
            colour,
            width: 3.2,
            pattern: Pattern::Dotted(6.5),
        },
    }
}

/// Paints a line through `points` in a style.
fn stroke_line(painter: &egui::Painter, points: &[Pos2], style: EdgeStyle, scale: f32) {
    let width = style.width * scale;
    match style.pattern {
        Pattern::Solid => {
            painter.add(Shape::line(
                points.to_vec(),
                Stroke::new(width, style.colour),
            ));
        }
        Pattern::Dashed(dash, gap) => {
            painter.extend(Shape::dashed_line(
                points,
                Stroke::new(width, style.colour),
                dash * scale.max(0.8),
                gap * scale.max(0.8),
            ));
        }
        Pattern::Dotted(spacing) => {
            painter.extend(Shape::dotted_line(
                points,
                style.colour,
                spacing * scale.max(0.8),
                width * 0.75,
            ));
        }
    }
}

fn legend_ui(ui: &mut Ui, palette: &Palette) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Options:").strong());
        for rating in [
            Rating::Best,
            Rating::Good,
            Rating::Mixed,
            Rating::Poor,
            Rating::Harmful,
        ] {
            line_sample(ui, rating_style(rating, palette), None);
            ui.label(rating.label());
            ui.add_space(6.0);
        }
        line_sample(ui, edge_style(EdgeKind::Route { index: 0 }, palette), None);
        ui.label("branch route");
        ui.add_space(6.0);
        line_sample(
            ui,
            rating_style(Rating::Good, palette),
            Some(palette.accent.gamma_multiply(0.45)),
        );
        ui.label("your path");
    });
}

/// A short stretch of line in a style, for the legend.
pub(super) fn line_sample(ui: &mut Ui, style: EdgeStyle, underlay: Option<Color32>) {
    let (rect, _) = ui.allocate_exact_size(vec2(36.0, 14.0), Sense::hover());
    let points = [rect.left_center(), rect.right_center()];
    let painter = ui.painter();
    if let Some(colour) = underlay {
        painter.line_segment(points, Stroke::new(8.0, colour));
    }
    stroke_line(painter, &points, style, 1.0);
}

/// World to screen and back for one frame.
#[derive(Clone, Copy)]
struct View {
    rect: Rect,
    camera: Camera,
}

impl View {
    fn to_screen(self, p: Point) -> Pos2 {
        self.rect.center()
            + vec2(
                (p.x - self.camera.center.x) * self.camera.zoom,
                (p.y - self.camera.center.y) * self.camera.zoom,
            )
    }

    fn to_world(self, p: Pos2) -> Point {
        let d = (p - self.rect.center()) / self.camera.zoom;
        Point::new(self.camera.center.x + d.x, self.camera.center.y + d.y)
    }

    fn rect_of(&self, node: &MapNode) -> Rect {
        let b = node.bounds();
        Rect::from_min_max(self.to_screen(b.min), self.to_screen(b.max))
    }

    /// Line widths and text grow and shrink with the zoom, within limits.
    fn scale(&self) -> f32 {
        self.camera.zoom.clamp(0.6, 1.6)
    }
}

/// The label a screen reader gives a node; tests find nodes by it.
pub(crate) fn node_label(node: &MapNode, marks: &PathMarks, index: usize) -> String {
    let mut label = format!("Node {}: {}", node.id, kind_words(node));
    if !node.reachable {
        label.push_str(", unreachable");
    }
    if let Some(steps) = marks.steps.get(index).filter(|s| !s.is_empty()) {
        let steps: Vec<String> = steps.iter().map(usize::to_string).collect();
        label.push_str(&format!(", on your path at step {}", steps.join(" and ")));
    }
    if marks.current == Some(index) {
        label.push_str(", where the conversation is now");
    }
    label
}

/// What kind of node this is, in words.
pub(crate) fn kind_words(node: &MapNode) -> String {
    let start = if node.is_start { "start, " } else { "" };
    match node.kind {
        NodeKind::Decision { options } => {
            format!("{start}decision with {}", count(options, "option"))
        }
        NodeKind::Branch { routes } => format!("{start}branch with {}", count(routes, "route")),
        NodeKind::Ending(kind) if node.is_withdrawal => {
            format!("{start}ending, {} (when trust runs out)", kind.label())
        }
        NodeKind::Ending(kind) => format!("{start}ending, {}", kind.label()),
    }
}

fn canvas_ui(
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

/// A small overview of the whole tree in the corner, with the part in
/// view outlined, shown when the tree does not fit; clicking or dragging
/// in it moves the view there.
fn minimap_ui(
    ui: &mut Ui,
    view: &View,
    layout: &Layout,
    marks: &PathMarks,
    palette: &Palette,
    actions: &mut Vec<Action>,
) {
    let bounds = layout.bounds;
    let visible = view.camera.visible(view.rect.width(), view.rect.height());
    if bounds.is_empty() || visible.contains_bounds(&bounds) {
        return;
    }
    let width = (view.rect.width() * 0.28).clamp(120.0, 240.0);
    let height =
        (width * bounds.height() / bounds.width().max(1.0)).clamp(24.0, view.rect.height() * 0.3);
    let scale = (width / bounds.width().max(1.0)).min(height / bounds.height().max(1.0));
    let size = vec2(bounds.width() * scale, bounds.height() * scale) + vec2(16.0, 16.0);
    let rect = Rect::from_min_size(view.rect.right_bottom() - size - vec2(10.0, 10.0), size);
    let inner = rect.shrink(8.0);
    let to_mini =
        |p: Point| inner.min + vec2((p.x - bounds.min.x) * scale, (p.y - bounds.min.y) * scale);
    let response = ui.interact(
        rect,
        egui::Id::unique("map_overview"),
        Sense::click_and_drag(),
    );
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Button,
            true,
            "Overview of the whole map: click to move the view there",
        )
    });
    let painter = ui.painter_at(view.rect);
    painter.rect(
        rect,
        6.0,
        palette.card.gamma_multiply(0.94),
        Stroke::new(1.0, palette.card_stroke),
        StrokeKind::Inside,
    );
    for (i, node) in layout.nodes.iter().enumerate() {
        let b = node.bounds();
        let r = Rect::from_min_max(to_mini(b.min), to_mini(b.max));
        let colour = match node.kind {
            _ if marks.on_path(i) => palette.accent,
            NodeKind::Ending(kind) => widgets::ending_colour(palette, kind),
            _ => palette.muted,
        };
        painter.rect_filled(r.expand(0.5), 1.0, colour);
    }
    let seen =
        Rect::from_min_max(to_mini(visible.min), to_mini(visible.max)).intersect(inner.expand(2.0));
    painter.rect_stroke(
        seen,
        2.0,
        Stroke::new(1.5, palette.accent),
        StrokeKind::Outside,
    );
    if (response.clicked() || response.dragged())
        && let Some(p) = response.interact_pointer_pos()
    {
        let d = (p - inner.min) / scale;
        actions.push(Action::Map(MapAction::SetCamera(Camera {
            center: Point::new(bounds.min.x + d.x, bounds.min.y + d.y),
            zoom: view.camera.zoom,
        })));
    }
}

/// Mouse and wheel on the canvas. Its keys are read with every other
/// key, from the command table (`shell::keys`).
fn input(ui: &Ui, canvas: &egui::Response, view: &View, actions: &mut Vec<Action>) {
    if canvas.clicked() {
        canvas.request_focus();
    }
    if canvas.dragged() {
        let d = canvas.drag_delta();
        if d != Vec2::ZERO {
            actions.push(Action::Map(MapAction::Pan { dx: d.x, dy: d.y }));
        }
    }
    if canvas.contains_pointer() {
        let (scroll, pinch, pointer) = ui.input(|i| {
            (
                i.smooth_scroll_delta.y,
                i.zoom_delta(),
                i.pointer.hover_pos(),
            )
        });
        let factor = pinch * (scroll / 240.0).exp();
        if (factor - 1.0).abs() > 1e-4 {
            actions.push(zoom(factor, pointer.map(|p| view.to_world(p))));
        }
    }
    // While the canvas has focus, the arrow keys move the view rather
    // than the focus; on a node they move the focus (egui does that).
    if canvas.has_focus() {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                canvas.id,
                EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    ..Default::default()
                },
            );
        });
    }
}

/// The screen points of an edge: a curve through its waypoints that
/// leaves and arrives horizontally; loops back bow below the columns.
fn curve(view: &View, edge: &MapEdge) -> Vec<Pos2> {
    let pts: Vec<Pos2> = edge.points.iter().map(|p| view.to_screen(*p)).collect();
    if edge.self_loop && pts.len() == 4 {
        return bezier(pts[0], pts[1], pts[2], pts[3], 16);
    }
    let mut out = Vec::with_capacity(pts.len() * 10);
    let bow = if edge.back {
        36.0 * view.camera.zoom
    } else {
        0.0
    };
    for (i, pair) in pts.windows(2).enumerate() {
        let (a, b) = (pair[0], pair[1]);
        let dx = (b.x - a.x) / 2.0;
        let first = i == 0;
        let last = i + 2 == pts.len();
        let c1 = a + vec2(dx, if first { bow } else { 0.0 });
        let c2 = b - vec2(dx, if last { -bow } else { 0.0 });
        let steps = ((b - a).length() / 14.0).clamp(1.0, 16.0) as usize;
        let segment = bezier(a, c1, c2, b, steps);
        let skip = usize::from(!out.is_empty());
        out.extend(segment.into_iter().skip(skip));
    }
    out
}

fn bezier(a: Pos2, b: Pos2, c: Pos2, d: Pos2, steps: usize) -> Vec<Pos2> {
    (0..=steps)
        .map(|s| {
            let t = s as f32 / steps as f32;
            let u = 1.0 - t;
            let w = [u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t];
            pos2(
                w[0] * a.x + w[1] * b.x + w[2] * c.x + w[3] * d.x,
                w[0] * a.y + w[1] * b.y + w[2] * c.y + w[3] * d.y,
            )
        })
        .collect()
}

fn arrow_head(painter: &egui::Painter, points: &[Pos2], colour: Color32, size: f32) {
    let [.., before, tip] = points else {
        return;
    };
    let dir = (*tip - *before).normalized();
    if !dir.x.is_finite() || !dir.y.is_finite() {
        return;
    }
    let side = vec2(-dir.y, dir.x) * size * 0.5;
    let base = *tip - dir * size;
    painter.add(Shape::convex_polygon(
        vec![*tip, base + side, base - side],
        colour,
        Stroke::NONE,
    ));
}

/// The edge under the pointer, if any is close enough.
fn nearest_edge(drawn: &[(usize, Vec<Pos2>)], p: Pos2) -> Option<usize> {
    let mut best = (EDGE_HIT, None);
    for (e, points) in drawn {
        for pair in points.windows(2) {
            let d = distance_to_segment(p, pair[0], pair[1]);
            if d < best.0 {
                best = (d, Some(*e));
            }
        }
    }
    best.1
}

fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let len = ab.length_sq();
    if len <= f32::EPSILON {
        return (p - a).length();
    }
    let t = ((p - a).dot(ab) / len).clamp(0.0, 1.0);
    (p - (a + ab * t)).length()
}

/// "2 · best" for the second option, "route 1" for a branch's route.
fn edge_words(edge: &MapEdge) -> String {
    match edge.kind {
        EdgeKind::Option { index, rating } => format!("{} \u{00B7} {}", index + 1, rating.label()),
        EdgeKind::Route { index } => format!("route {}", index + 1),
    }
}

fn edge_hover_text(edge: &MapEdge, layout: &Layout, scenario: &Scenario) -> String {
    let from = &layout.nodes[edge.from].id;
    let to = &layout.nodes[edge.to].id;
    let node = scenario.node(from);
    match edge.kind {
        EdgeKind::Option { index, rating } => {
            let text = node
                .and_then(|n| n.options.get(index))
                .map_or_else(String::new, |o| format!("\n\u{201c}{}\u{201d}", o.text));
            format!(
                "Option {} at {from}, rated {}, leads to {to}.{text}",
                index + 1,
                rating.label()
            )
        }
        EdgeKind::Route { index } => {
            format!("Route {} of branch {from}, leads to {to}.", index + 1)
        }
    }
}

/// The size [`pill`] paints `text` at.
fn pill_size(painter: &egui::Painter, text: &str) -> Vec2 {
    let galley = painter.layout_no_wrap(
        text.to_string(),
        FontId::proportional(12.5),
        Color32::PLACEHOLDER,
    );
    galley.size() + vec2(12.0, 4.0)
}

/// The centre nearest below `at` where a label of `size` covers none of
/// the labels already `placed`, which it joins. Options that leave a node
/// for the same target run side by side, so their labels would otherwise
/// sit on top of each other; this stacks them instead.
fn clear_spot(placed: &mut Vec<Rect>, at: Pos2, size: Vec2) -> Pos2 {
    let mut rect = Rect::from_center_size(at, size);
    // Each step moves below one placed label, so this ends.
    for _ in 0..=placed.len() {
        match placed.iter().find(|r| r.expand(1.0).intersects(rect)) {
            Some(r) => rect = rect.translate(vec2(0.0, r.max.y + 3.0 - rect.min.y)),
            None => break,
        }
    }
    placed.push(rect);
    rect.center()
}

/// A small label with a coloured edge, painted on the canvas.
fn pill(
    painter: &egui::Painter,
    ui: &Ui,
    at: Pos2,
    text: &str,
    colour: Color32,
    palette: &Palette,
) {
    let galley = painter.layout_no_wrap(
        text.to_string(),
        FontId::proportional(12.5),
        ui.visuals().text_color(),
    );
    let rect = Rect::from_center_size(at, galley.size() + vec2(12.0, 4.0));
    painter.rect(
        rect,
        8.0,
        palette.card,
        Stroke::new(1.5, colour),
        StrokeKind::Inside,
    );
    painter.galley(rect.min + vec2(6.0, 2.0), galley, ui.visuals().text_color());
}

#[derive(Clone, Copy)]
struct NodeLook {
    selected: bool,
    hovered: bool,
    focused: bool,
    on_path: bool,
    current: bool,
}

#[allow(clippy::too_many_arguments)]
fn paint_node(
    painter: &egui::Painter,
    ui: &Ui,
    view: &View,
    node: &MapNode,
    steps: &[usize],
    look: NodeLook,
    palette: &Palette,
    zoom: f32,
) {
    let rect = view.rect_of(node);
    let text = ui.visuals().text_color();
    let (fill, radius, edge_colour) = match node.kind {
        NodeKind::Decision { .. } => (palette.card, 8.0 * zoom, palette.card_stroke),
        NodeKind::Branch { .. } => (palette.peer_fill, rect.height() / 2.0, palette.muted),
        NodeKind::Ending(kind) => {
            let colour = widgets::ending_colour(palette, kind);
            (palette.card.lerp_to_gamma(colour, 0.16), 2.0, colour)
        }
    };
    let base_width = match node.kind {
        NodeKind::Ending(_) => 2.0,
        _ if palette.high_contrast => 2.0,
        _ => 1.2,
    };
    if look.selected || look.focused {
        painter.rect_stroke(
            rect.expand(5.0),
            radius + 5.0,
            Stroke::new(2.0, palette.accent),
            StrokeKind::Outside,
        );
    }
    let stroke = if look.on_path {
        Stroke::new(3.0, palette.accent)
    } else if look.hovered {
        Stroke::new(base_width + 1.0, palette.accent)
    } else {
        Stroke::new(base_width, edge_colour)
    };
    painter.rect_filled(rect, radius, fill);
    if node.reachable {
        painter.rect_stroke(rect, radius, stroke, StrokeKind::Inside);
    } else {
        let r = rect.shrink(1.0);
        let outline = [
            r.left_top(),
            r.right_top(),
            r.right_bottom(),
            r.left_bottom(),
            r.left_top(),
        ];
        painter.extend(Shape::dashed_line(
            &outline,
            Stroke::new(1.5, palette.poor),
            6.0,
            4.0,
        ));
    }

    if rect.width() >= MIN_TEXT_BOX {
        let size = (16.0 * zoom).max(9.0);
        let size = (size * 2.0).round() / 2.0;
        let width = rect.width() - 12.0;
        let title = elided(painter, &node.id, FontId::proportional(size), text, width);
        let sub_text = match node.kind {
            NodeKind::Decision { options } => count(options, "option"),
            NodeKind::Branch { .. } => "branch".to_string(),
            NodeKind::Ending(kind) => format!("ending: {}", kind.label()),
        };
        let sub_text = if node.reachable {
            if node.is_start {
                format!("start \u{00B7} {sub_text}")
            } else {
                sub_text
            }
        } else {
            "unreachable".to_string()
        };
        let sub_colour = match node.kind {
            NodeKind::Ending(kind) => widgets::ending_colour(palette, kind),
            _ if !node.reachable => palette.poor,
            _ => palette.muted,
        };
        let sub = elided(
            painter,
            &sub_text,
            FontId::proportional((size * 0.8).max(8.5)),
            sub_colour,
            width,
        );
        let total = title.size().y + sub.size().y;
        if total <= rect.height() + 2.0 {
            let top = rect.center().y - total / 2.0;
            painter.galley(
                pos2(rect.center().x - title.size().x / 2.0, top),
                title,
                text,
            );
            painter.galley(
                pos2(
                    rect.center().x - sub.size().x / 2.0,
                    top + total - sub.size().y,
                ),
                sub,
                sub_colour,
            );
        } else {
            painter.galley(rect.center() - title.size() / 2.0, title, text);
        }
    }

    if let Some(&step) = steps.last() {
        let r = 10.0 * view.scale();
        let c = rect.left_top() + vec2(2.0, 2.0);
        painter.circle(c, r, palette.accent, Stroke::new(1.5, palette.card));
        painter.text(
            c,
            Align2::CENTER_CENTER,
            step.to_string(),
            FontId::proportional(11.0 * view.scale()),
            palette.card,
        );
    }
    if look.current {
        let at = rect.center_top() - vec2(0.0, 14.0 * view.scale());
        pill(painter, ui, at, "you are here", palette.accent, palette);
    }
}

fn elided(
    painter: &egui::Painter,
    text: &str,
    font: FontId,
    colour: Color32,
    width: f32,
) -> std::sync::Arc<egui::Galley> {
    let mut job = LayoutJob::simple_singleline(text.to_string(), font, colour);
    job.wrap = egui::text::TextWrapping::truncate_at_width(width.max(8.0));
    painter.layout_job(job)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_at_one_spot_stack_without_covering_each_other() {
        let mut placed = Vec::new();
        let size = vec2(60.0, 18.0);
        let centres: Vec<Pos2> = (0..4)
            .map(|i| clear_spot(&mut placed, pos2(100.0 + i as f32, 50.0), size))
            .collect();
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(!a.intersects(*b), "{a:?} covers {b:?}");
            }
        }
        // The first keeps its place; the others go below it, in order.
        assert_eq!(centres[0], pos2(100.0, 50.0));
        assert!(centres.windows(2).all(|w| w[1].y > w[0].y), "{centres:?}");
    }
}
