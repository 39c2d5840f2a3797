//! The side panel of the map: the selected node's lines, options and
//! routes, or an overview of the tree when nothing is selected.

use eframe::egui::{self, RichText, ScrollArea, Ui};

use super::sight::Sight;
use super::style::{line_sample, rating_style, unrated_style};
use super::words::kind_words;
use super::{MapAction, MapState};
use crate::app::state::action::Action;
use crate::app::state::map::layout::{Layout, MapNode, NodeKind};
use crate::app::state::map::reveal::Reveal;
use crate::app::widgets;
use crate::app::widgets::theme::{self, Palette};
use crate::scenario::{Choice, Condition, Ending, Node, Scenario};
use crate::skills::Skill;
use crate::text::count;

pub fn details_ui(
    ui: &mut Ui,
    map: &MapState,
    scenario: &Scenario,
    sight: &Sight,
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
                    let at = Place { layout, sight };
                    node_ui(ui, &at, i, node, scenario, palette, &mut actions);
                }
                None => overview_ui(ui, layout, sight, palette, &mut actions),
            }
            ui.add_space(8.0);
        });
    actions
}

/// The layout and what this frame may show of it.
struct Place<'a> {
    layout: &'a Layout,
    sight: &'a Sight<'a>,
}

/// A button that selects a node (by its id) and brings it into view,
/// named as the map names it.
fn goto_button(ui: &mut Ui, layout: &Layout, sight: &Sight, id: &str, actions: &mut Vec<Action>) {
    let Some(j) = layout.node_index(id) else {
        return;
    };
    let name = sight.name(j);
    let text = if sight.reveal.ids {
        RichText::new(name).monospace()
    } else {
        RichText::new(name)
    };
    let response = ui.button(text).on_hover_text("Show this node");
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Show node {name}"))
    });
    if response.clicked() {
        actions.push(Action::Map(MapAction::Show(j)));
    }
}

fn overview_ui(
    ui: &mut Ui,
    layout: &Layout,
    sight: &Sight,
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
    let read = if sight.reveal.answers {
        "Click a node, or press Tab, to read what the peer says there and every option with \
         its rating."
    } else {
        "Click a node, or press Tab, to read what the peer said there and what you chose. \
         What lies ahead stays hidden until the end."
    };
    ui.label(RichText::new(read).color(palette.muted));
    ui.add_space(8.0);
    ui.label(RichText::new("Start").strong());
    if let Some(start) = layout.nodes.iter().find(|n| n.is_start) {
        goto_button(ui, layout, sight, &start.id, actions);
    }
    if sight.reveal.answers {
        endings_ui(ui, layout, sight, palette, actions);
    }
    if sight.reveal.ids {
        unreachable_ui(ui, layout, sight, palette, actions);
    }
}

/// Every ending, with its kind.
fn endings_ui(
    ui: &mut Ui,
    layout: &Layout,
    sight: &Sight,
    palette: &Palette,
    actions: &mut Vec<Action>,
) {
    ui.add_space(4.0);
    ui.label(RichText::new("Endings").strong());
    for node in layout
        .nodes
        .iter()
        .filter(|n| matches!(n.kind, NodeKind::Ending(_)))
    {
        ui.horizontal_wrapped(|ui| {
            goto_button(ui, layout, sight, &node.id, actions);
            if let NodeKind::Ending(kind) = node.kind {
                ui.label(RichText::new(kind.label()).color(widgets::ending_colour(palette, kind)));
            }
        });
    }
}

/// The nodes no option or route leads to, for authors.
fn unreachable_ui(
    ui: &mut Ui,
    layout: &Layout,
    sight: &Sight,
    palette: &Palette,
    actions: &mut Vec<Action>,
) {
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
                goto_button(ui, layout, sight, id, actions);
            }
        });
    }
}

/// The selected node: where it sits on the path and in the tree, and as
/// far as it may show, what the peer says there, its options and routes.
fn node_ui(
    ui: &mut Ui,
    at: &Place,
    index: usize,
    node: &Node,
    scenario: &Scenario,
    palette: &Palette,
    actions: &mut Vec<Action>,
) {
    let (layout, sight) = (at.layout, at.sight);
    let map_node = &layout.nodes[index];
    let shown = sight.shown(index);
    node_title_ui(ui, sight.name(index), actions);
    ui.label(RichText::new(kind_words(map_node, shown)).color(palette.muted));
    path_steps_ui(ui, index, sight, palette);
    reach_notes_ui(ui, map_node, scenario, sight.reveal, palette);
    reached_from_ui(ui, at, index, actions);
    ui.add_space(6.0);
    if !shown {
        ui.label(
            RichText::new(
                "You have not reached this part. What happens here stays hidden until the \
                 conversation ends, unless the answers are shown.",
            )
            .color(palette.muted),
        );
        return;
    }
    if let Some(ending) = &node.ending {
        ending_ui(ui, ending, palette);
    }
    if !sight.reveal.answers {
        seen_lines_ui(ui, node, scenario, sight, palette);
        seen_options_ui(ui, at, index, node, palette);
        return;
    }
    peer_lines_ui(ui, node, scenario, palette);
    if let Some(notes) = &node.notes {
        ui.add_space(4.0);
        ui.label(RichText::new("Facilitator notes").strong());
        ui.label(notes);
    }
    options_ui(ui, at, index, node, palette, actions);
    routes_ui(ui, at, node, actions);
}

/// The node's name, with a button back to the overview.
fn node_title_ui(ui: &mut Ui, name: &str, actions: &mut Vec<Action>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(name).font(theme::title_font(ui)).strong());
        if ui
            .small_button("Close")
            .on_hover_text("Back to the overview of the tree")
            .clicked()
        {
            actions.push(Action::Map(MapAction::Select(None)));
        }
    });
}

/// At which decisions the played path stood at this node, if it did.
fn path_steps_ui(ui: &mut Ui, index: usize, sight: &Sight, palette: &Palette) {
    let marks = &sight.marks;
    let now = if marks.current == Some(index) {
        " The conversation is here now."
    } else {
        ""
    };
    let text = match marks.steps.get(index).filter(|s| !s.is_empty()) {
        Some(steps) => {
            let steps: Vec<String> = steps.iter().map(usize::to_string).collect();
            format!("On your path as decision {}.{now}", steps.join(" and "))
        }
        None if marks.on_path(index) => format!("On your path.{now}"),
        None => return,
    };
    ui.label(RichText::new(text).color(palette.accent).strong());
}

/// Whether the node cannot be reached (for authors), or is where the
/// peer withdraws (with the answers).
fn reach_notes_ui(
    ui: &mut Ui,
    map_node: &MapNode,
    scenario: &Scenario,
    reveal: Reveal,
    palette: &Palette,
) {
    if reveal.ids && !map_node.reachable && !map_node.is_withdrawal {
        ui.label(
            RichText::new("No option or route leads here from the start.").color(palette.poor),
        );
    }
    if reveal.answers && map_node.is_withdrawal {
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
fn reached_from_ui(ui: &mut Ui, at: &Place, index: usize, actions: &mut Vec<Action>) {
    let layout = at.layout;
    let mut from: Vec<&str> = layout.incoming[index]
        .iter()
        .map(|&e| layout.nodes[layout.edges[e].from].id.as_str())
        .collect();
    from.dedup();
    if !from.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label("Reached from");
            for id in from {
                goto_button(ui, layout, at.sight, id, actions);
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

/// The lines the learner was shown at this node, without the variants
/// they were not (those say what trust does here).
fn seen_lines_ui(ui: &mut Ui, node: &Node, scenario: &Scenario, sight: &Sight, palette: &Palette) {
    let mut seen: Vec<&str> = Vec::new();
    for stand in sight.path.stands.iter().filter(|s| s.node == node.id) {
        if !seen.contains(&stand.line.as_str()) {
            seen.push(&stand.line);
        }
    }
    if seen.is_empty() {
        return;
    }
    ui.label(RichText::new(format!("What {} said", scenario.persona.name)).strong());
    for line in seen {
        egui::Frame::new()
            .fill(palette.peer_fill)
            .corner_radius(8)
            .inner_margin(8)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(line);
            });
        ui.add_space(2.0);
    }
}

/// The options as they were on screen the last time the learner stood
/// here, the one chosen marked, with no rating but the learner's own.
fn seen_options_ui(ui: &mut Ui, at: &Place, index: usize, node: &Node, palette: &Palette) {
    let (layout, sight) = (at.layout, at.sight);
    let Some(stand) = sight.path.stands.iter().rev().find(|s| s.node == node.id) else {
        return;
    };
    if stand.order.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Options, as on your screen").strong());
    if stand.choice.is_none() {
        ui.label(
            RichText::new("Their ratings stay hidden until the conversation ends.")
                .small()
                .color(palette.muted),
        );
    }
    for (n, id) in stand.order.iter().enumerate() {
        let Some(choice) = node.option(id) else {
            continue;
        };
        let edge = layout.outgoing[index]
            .iter()
            .copied()
            .find(|&e| layout.edges[e].option_id.as_deref() == Some(id.as_str()));
        let chosen = stand.choice.as_deref() == Some(id.as_str());
        let rated = chosen && edge.is_some_and(|e| sight.reveal.rating(layout, &sight.marks, e));
        let style = if rated {
            rating_style(choice.rating, palette)
        } else {
            unrated_style(palette)
        };
        let mut heading = format!("Option {}", n + 1);
        if rated {
            heading.push_str(&format!(" \u{00B7} {}", choice.rating.label()));
        }
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
                ui.label(RichText::new(heading).strong().color(style.colour));
                if chosen {
                    ui.label(RichText::new("your choice").strong().color(palette.accent));
                }
            });
            ui.label(format!("\u{201c}{}\u{201d}", choice.text));
        });
        ui.add_space(4.0);
    }
}

/// The node's options with everything about them, numbered as they were
/// on the learner's screen where the learner stood here, else as
/// written; the one taken on the path marked.
fn options_ui(
    ui: &mut Ui,
    at: &Place,
    index: usize,
    node: &Node,
    palette: &Palette,
    actions: &mut Vec<Action>,
) {
    if node.options.is_empty() {
        return;
    }
    let (layout, sight) = (at.layout, at.sight);
    let stood = sight.marks.steps.get(index).is_some_and(|s| !s.is_empty());
    ui.add_space(6.0);
    ui.label(RichText::new("Options").strong());
    let order = if stood {
        "Numbered as they were on your screen."
    } else {
        "Numbered as written in the file; the app shuffles them on screen."
    };
    ui.label(RichText::new(order).small().color(palette.muted));
    let mut options: Vec<(Option<usize>, bool, &Choice)> = node
        .options
        .iter()
        .map(|choice| {
            let edge = layout.outgoing[index]
                .iter()
                .copied()
                .find(|&e| layout.edges[e].option_id.as_deref() == Some(choice.id.as_str()));
            let number = edge.and_then(|e| sight.reveal.number(layout, &sight.marks, e));
            let chosen = edge.is_some_and(|e| sight.marks.chosen(layout, e));
            (number, chosen, choice)
        })
        .collect();
    options.sort_by_key(|(number, _, _)| number.unwrap_or(usize::MAX));
    for (number, chosen, choice) in options {
        option_ui(ui, at, number, choice, chosen, palette, actions);
    }
}

/// A branch node's routes, in the order they are tried.
fn routes_ui(ui: &mut Ui, at: &Place, node: &Node, actions: &mut Vec<Action>) {
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
            goto_button(ui, at.layout, at.sight, &route.goto, actions);
        });
    }
}

/// One option with its rating, effects, skills, feedback and target;
/// `number` is `None` for an option that was not on offer.
fn option_ui(
    ui: &mut Ui,
    at: &Place,
    number: Option<usize>,
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
    let name = match number {
        Some(n) => format!("Option {n}"),
        None => "Not on offer".to_string(),
    };
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            line_sample(ui, style, None);
            ui.label(
                RichText::new(format!("{name} \u{00B7} {}", choice.rating.label()))
                    .strong()
                    .color(style.colour),
            );
            if chosen {
                ui.label(RichText::new("your choice").strong().color(palette.accent));
            }
            if at.sight.reveal.ids {
                ui.label(RichText::new(&choice.id).monospace().color(palette.muted));
            }
        });
        ui.label(format!("\u{201c}{}\u{201d}", choice.text));
        ui.horizontal_wrapped(|ui| {
            ui.label("Leads to");
            goto_button(ui, at.layout, at.sight, &choice.goto, actions);
        });
        option_facts_ui(ui, choice, palette);
    });
    ui.add_space(4.0);
}

/// An option's effects, skills, conditions and feedback, in small print.
fn option_facts_ui(ui: &mut Ui, choice: &Choice, palette: &Palette) {
    let skills: Vec<String> = choice.skills.iter().map(|s| Skill::label(*s)).collect();
    let mut facts = vec![format!("trust {}", widgets::signed(choice.base_trust()))];
    if choice.is_repair() {
        facts.push("repair".to_string());
    }
    if let Some(level) = choice.empathy {
        facts.push(format!("empathy level {level}"));
    }
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
