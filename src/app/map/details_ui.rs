//! The side panel of the map: the selected node's lines, options and
//! routes, or an overview of the tree when nothing is selected.

use eframe::egui::{self, RichText, ScrollArea, Ui};

use super::style::{line_sample, rating_style};
use super::words::kind_words;
use super::{MapAction, MapState};
use crate::app::state::action::Action;
use crate::app::state::map::layout::{Layout, MapNode, NodeKind};
use crate::app::state::map::path::PathMarks;
use crate::app::widgets;
use crate::app::widgets::theme::{self, Palette};
use crate::scenario::{Choice, Condition, Ending, Node, Scenario};
use crate::skills::Skill;
use crate::text::count;

pub fn details_ui(
    ui: &mut Ui,
    map: &MapState,
    scenario: &Scenario,
    marks: &PathMarks,
    palette: &Palette,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let layout = &*map.layout;
    ScrollArea::vertical()
        .id_salt("map_details_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_space(4.0);
            let selected = map
                .selected
                .and_then(|i| Some((i, layout.nodes.get(i)?, scenario.node(&layout.nodes[i].id)?)));
            match selected {
                Some((i, _, node)) => {
                    node_ui(ui, layout, i, node, scenario, marks, palette, &mut actions);
                }
                None => overview_ui(ui, layout, scenario, palette, &mut actions),
            }
            ui.add_space(8.0);
        });
    actions
}

/// A button that selects a node and brings it into view.
fn goto_button(ui: &mut Ui, layout: &Layout, id: &str, actions: &mut Vec<Action>) {
    let response = ui
        .button(RichText::new(id).monospace())
        .on_hover_text("Show this node");
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Show node {id}"))
    });
    if response.clicked()
        && let Some(j) = layout.node_index(id)
    {
        actions.push(Action::Map(MapAction::Show(j)));
    }
}

fn overview_ui(
    ui: &mut Ui,
    layout: &Layout,
    scenario: &Scenario,
    palette: &Palette,
    actions: &mut Vec<Action>,
) {
    ui.label(
        RichText::new("The whole tree")
            .font(theme::title_font(ui))
            .strong(),
    );
    let (mut decisions, mut branches, mut endings, mut options) = (0, 0, 0, 0);
    for node in &layout.nodes {
        match node.kind {
            NodeKind::Decision { options: n } => {
                decisions += 1;
                options += n;
            }
            NodeKind::Branch { .. } => branches += 1,
            NodeKind::Ending(_) => endings += 1,
        }
    }
    ui.label(format!(
        "{}, {}, {} and {}, in {}.",
        count(decisions, "decision"),
        count(options, "option"),
        if branches == 1 {
            "1 branch".to_string()
        } else {
            format!("{branches} branches")
        },
        count(endings, "ending"),
        count(layout.layers, "column")
    ));
    ui.label(
        RichText::new(
            "Click a node, or press Tab, to read what the peer says there and every option \
             with its rating.",
        )
        .color(palette.muted),
    );
    ui.add_space(8.0);
    ui.label(RichText::new("Start").strong());
    goto_button(ui, layout, &scenario.start, actions);
    ui.add_space(4.0);
    ui.label(RichText::new("Endings").strong());
    for node in layout
        .nodes
        .iter()
        .filter(|n| matches!(n.kind, NodeKind::Ending(_)))
    {
        ui.horizontal_wrapped(|ui| {
            goto_button(ui, layout, &node.id, actions);
            if let NodeKind::Ending(kind) = node.kind {
                ui.label(RichText::new(kind.label()).color(widgets::ending_colour(palette, kind)));
            }
        });
    }
    let unreachable: Vec<&str> = layout
        .nodes
        .iter()
        .filter(|n| !n.reachable && !n.is_withdrawal)
        .map(|n| n.id.as_str())
        .collect();
    if !unreachable.is_empty() {
        ui.add_space(4.0);
        ui.label(
            RichText::new("Not reachable from the start")
                .strong()
                .color(palette.poor),
        );
        ui.horizontal_wrapped(|ui| {
            for id in unreachable {
                goto_button(ui, layout, id, actions);
            }
        });
    }
}

/// The selected node: where it sits on the path and in the tree, what the
/// peer says there, its options and its routes.
#[allow(clippy::too_many_arguments)]
fn node_ui(
    ui: &mut Ui,
    layout: &Layout,
    index: usize,
    node: &Node,
    scenario: &Scenario,
    marks: &PathMarks,
    palette: &Palette,
    actions: &mut Vec<Action>,
) {
    let map_node = &layout.nodes[index];
    node_title_ui(ui, &node.id, actions);
    ui.label(RichText::new(kind_words(map_node)).color(palette.muted));
    path_steps_ui(ui, index, marks, palette);
    reach_notes_ui(ui, map_node, scenario, palette);
    reached_from_ui(ui, layout, index, actions);
    ui.add_space(6.0);

    if let Some(ending) = &node.ending {
        ending_ui(ui, ending, palette);
    }
    peer_lines_ui(ui, node, scenario, palette);
    if let Some(notes) = &node.notes {
        ui.add_space(4.0);
        ui.label(RichText::new("Facilitator notes").strong());
        ui.label(notes);
    }
    options_ui(ui, layout, index, node, marks, palette, actions);
    routes_ui(ui, layout, node, actions);
}

/// The node's name, with a button back to the overview.
fn node_title_ui(ui: &mut Ui, id: &str, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(id).font(theme::title_font(ui)).strong());
        if ui
            .small_button("Close")
            .on_hover_text("Back to the overview of the tree")
            .clicked()
        {
            actions.push(Action::Map(MapAction::Select(None)));
        }
    });
}

/// At which steps the played path passed this node, if it did.
fn path_steps_ui(ui: &mut Ui, index: usize, marks: &PathMarks, palette: &Palette) {
    if let Some(steps) = marks.steps.get(index).filter(|s| !s.is_empty()) {
        let steps: Vec<String> = steps.iter().map(usize::to_string).collect();
        let now = if marks.current == Some(index) {
            " The conversation is here now."
        } else {
            ""
        };
        ui.label(
            RichText::new(format!(
                "On your path at step {}.{now}",
                steps.join(" and ")
            ))
            .color(palette.accent)
            .strong(),
        );
    }
}

/// Whether the node cannot be reached, or is where the peer withdraws.
fn reach_notes_ui(ui: &mut Ui, map_node: &MapNode, scenario: &Scenario, palette: &Palette) {
    if !map_node.reachable && !map_node.is_withdrawal {
        ui.label(
            RichText::new("No option or route leads here from the start.").color(palette.poor),
        );
    }
    if map_node.is_withdrawal {
        ui.label(
            RichText::new(format!(
                "The peer goes here when trust falls below {}.",
                scenario.withdrawal_floor
            ))
            .color(palette.muted),
        );
    }
}

/// Buttons for the nodes with an edge into this one.
fn reached_from_ui(ui: &mut Ui, layout: &Layout, index: usize, actions: &mut Vec<Action>) {
    let mut from: Vec<&str> = layout.incoming[index]
        .iter()
        .map(|&e| layout.nodes[layout.edges[e].from].id.as_str())
        .collect();
    from.dedup();
    if !from.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label("Reached from");
            for id in from {
                goto_button(ui, layout, id, actions);
            }
        });
    }
}

/// An ending's kind and title.
fn ending_ui(ui: &mut Ui, ending: &Ending, palette: &Palette) {
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(ending.kind.label())
                .strong()
                .color(widgets::ending_colour(palette, ending.kind)),
        );
        ui.label(&ending.title);
    });
}

/// What the peer says at this node, each line with when it is said.
fn peer_lines_ui(ui: &mut Ui, node: &Node, scenario: &Scenario, palette: &Palette) {
    if node.lines.is_empty() {
        return;
    }
    ui.label(RichText::new(format!("What {} says", scenario.persona.name)).strong());
    for line in &node.lines {
        egui::Frame::new()
            .fill(palette.peer_fill)
            .corner_radius(8)
            .inner_margin(8)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(&line.text);
                let mut when: Vec<String> = Vec::new();
                if !line.bands.is_empty() {
                    let bands: Vec<&str> = line.bands.iter().map(|b| b.label()).collect();
                    when.push(format!("when {}", bands.join(" or ")));
                }
                when.extend(line.when.iter().map(condition_words));
                if !when.is_empty() {
                    ui.label(RichText::new(when.join("; ")).small().color(palette.muted));
                }
            });
        ui.add_space(2.0);
    }
}

/// The node's options, the one taken on the path marked.
fn options_ui(
    ui: &mut Ui,
    layout: &Layout,
    index: usize,
    node: &Node,
    marks: &PathMarks,
    palette: &Palette,
    actions: &mut Vec<Action>,
) {
    if node.options.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Options").strong());
    for (n, choice) in node.options.iter().enumerate() {
        let chosen = layout.outgoing[index]
            .iter()
            .any(|&e| marks.edges[e] && layout.edges[e].option_id.as_deref() == Some(&choice.id));
        option_ui(ui, layout, n, choice, chosen, palette, actions);
    }
}

/// A branch node's routes, in the order they are tried.
fn routes_ui(ui: &mut Ui, layout: &Layout, node: &Node, actions: &mut Vec<Action>) {
    if node.routes.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Routes, first that holds").strong());
    for route in &node.routes {
        ui.horizontal_wrapped(|ui| {
            if route.when.is_empty() {
                ui.label("Otherwise, go to");
            } else {
                let when: Vec<String> = route.when.iter().map(condition_words).collect();
                ui.label(format!("If {}, go to", when.join(" and ")));
            }
            goto_button(ui, layout, &route.goto, actions);
        });
    }
}

fn option_ui(
    ui: &mut Ui,
    layout: &Layout,
    n: usize,
    choice: &Choice,
    chosen: bool,
    palette: &Palette,
    actions: &mut Vec<Action>,
) {
    let style = rating_style(choice.rating, palette);
    let frame = widgets::card_frame(palette).inner_margin(10);
    let frame = if chosen {
        frame.stroke(egui::Stroke::new(2.5, palette.accent))
    } else {
        frame
    };
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            line_sample(ui, style, None);
            ui.label(
                RichText::new(format!(
                    "Option {} \u{00B7} {}",
                    n + 1,
                    choice.rating.label()
                ))
                .strong()
                .color(style.colour),
            );
            if chosen {
                ui.label(RichText::new("your choice").strong().color(palette.accent));
            }
        });
        ui.label(format!("\u{201c}{}\u{201d}", choice.text));
        ui.horizontal_wrapped(|ui| {
            ui.label("Leads to");
            goto_button(ui, layout, &choice.goto, actions);
        });
        let skills: Vec<String> = choice.skills.iter().map(|s| Skill::label(*s)).collect();
        let mut facts = vec![format!("trust {}", widgets::signed(choice.base_trust()))];
        if choice.is_repair() {
            facts.push("repair".to_string());
        }
        facts.push(format!("empathy level {}", choice.empathy));
        if !skills.is_empty() {
            facts.push(skills.join(", "));
        }
        ui.label(
            RichText::new(facts.join(" \u{00B7} "))
                .small()
                .color(palette.muted),
        );
        if !choice.when.is_empty() {
            let when: Vec<String> = choice.when.iter().map(condition_words).collect();
            ui.label(
                RichText::new(format!("Offered only when {}", when.join(" and ")))
                    .small()
                    .color(palette.muted),
            );
        }
        ui.label(RichText::new(&choice.why).small());
        if let Some(better) = &choice.better {
            ui.label(
                RichText::new(format!("Better: {better}"))
                    .small()
                    .color(palette.muted),
            );
        }
    });
    ui.add_space(4.0);
}

/// A condition as an author would say it.
fn condition_words(condition: &Condition) -> String {
    match condition {
        Condition::TrustAtLeast(t) => format!("trust is at least {t}"),
        Condition::TrustBelow(t) => format!("trust is below {t}"),
        Condition::LayerReached(l) => format!("layer \u{201c}{l}\u{201d} is reached"),
        Condition::LayerNotReached(l) => format!("layer \u{201c}{l}\u{201d} is not reached"),
        Condition::Disclosed(l) => format!("layer \u{201c}{l}\u{201d} was disclosed"),
        Condition::NotDisclosed(l) => format!("layer \u{201c}{l}\u{201d} was not disclosed yet"),
        Condition::Visited(n) => format!("\u{201c}{n}\u{201d} was visited"),
        Condition::NotVisited(n) => format!("\u{201c}{n}\u{201d} was not visited"),
    }
}
