//! The scenario map: opening it from the conversation, the library and
//! the debrief, its nodes as accessible widgets, the path, selecting a
//! node, zooming and fitting; and the layout on every shipped scenario.

use crate::support::*;
use attune::app::Screen;
use attune::app::map::layout::{COLUMN_GAP, Layout, NODE_H, NODE_W};
use attune::app::map::{Camera, MapAction};
use attune::library::Library;
use attune::scenario::Rating;
use eframe::egui::Key;
use egui_kittest::kittest::{NodeT, Queryable};

fn camera(h: &egui_kittest::Harness<'_, attune::app::AttuneApp>) -> Camera {
    h.state()
        .state
        .map
        .as_ref()
        .and_then(|m| m.camera)
        .expect("the map has placed its camera")
}

fn label_of(h: &egui_kittest::Harness<'_, attune::app::AttuneApp>, start: &str) -> String {
    h.get_by_label_contains(start)
        .accesskit_node()
        .label()
        .unwrap_or_default()
}

#[test]
fn the_map_shows_every_node_the_path_and_a_selected_node() {
    let folders = Folders::new();
    let mut h = harness(&folders);
    start_kitchen_table(&mut h);
    choose_rated(&mut h, Rating::Best);
    h.key_press(Key::M);
    h.run();
    assert_eq!(screen(&h), Screen::Map);
    // The author view names nodes by their ids.
    click(&mut h, "Show ids");

    // Every node is a widget with a name that says what it is.
    let nodes = h.query_all_by_label_contains("Node ").count();
    assert_eq!(nodes, 6, "the fixture has six nodes");
    assert!(label_of(&h, "Node letter:").contains("start, decision with 4 options"));
    assert!(label_of(&h, "Node end_open:").contains("ending, not reached yet"));
    // The path: the start as decision 1, and where the conversation is now.
    assert!(label_of(&h, "Node letter:").contains("on your path at decision 1"));
    let behind = label_of(&h, "Node behind:");
    assert!(behind.contains("on your path at decision 2"), "{behind}");
    assert!(behind.contains("where the conversation is now"), "{behind}");
    assert!(!label_of(&h, "Node family:").contains("on your path"));
    let map = h.state().state.map.as_ref().expect("a map");
    let letter = map.layout.node_index("letter").expect("letter");
    let taken: Vec<bool> = map.layout.outgoing[letter]
        .iter()
        .map(|&e| attune::app::map::PathMarks::new(&map.layout, &path_of(&h)).edges[e])
        .collect();
    assert_eq!(taken.iter().filter(|t| **t).count(), 1, "one option taken");

    // Clicking a node ahead says it stays hidden; with the answers shown
    // it shows what the peer says there and its options.
    h.get_by_label_contains("Node family:").click();
    h.run();
    let map = h.state().state.map.as_ref().expect("a map");
    assert_eq!(map.selected, map.layout.node_index("family"));
    assert!(h.query_by_label("What Rosa says").is_none());
    assert!(
        h.query_by_label_contains("You have not reached this part")
            .is_some()
    );
    click(&mut h, "Show the answers");
    assert!(h.query_by_label("What Rosa says").is_some());
    assert!(h.query_by_label("Options").is_some());
    assert!(h.query_by_label_contains("Option 1 \u{00B7}").is_some());

    // The overview comes back with Close.
    h.get_by_label("Close").click();
    h.run();
    assert_eq!(h.state().state.map.as_ref().and_then(|m| m.selected), None);
    assert!(h.query_by_label("The whole tree").is_some());

    // Zoom in and out with the buttons and the keys; fit goes back.
    let fitted = camera(&h);
    click(&mut h, "Zoom in");
    assert!(camera(&h).zoom > fitted.zoom * 1.2);
    h.key_press(Key::Minus);
    h.run();
    h.key_press(Key::Minus);
    h.run();
    assert!(camera(&h).zoom < fitted.zoom);
    click(&mut h, "Fit to window");
    let refitted = camera(&h);
    assert!((refitted.zoom - fitted.zoom).abs() < 1e-3);
    h.key_press(Key::Plus);
    h.run();
    assert!(camera(&h).zoom > fitted.zoom * 1.2, "+ zooms in");
    h.key_press(Key::F);
    h.run();
    assert!((camera(&h).zoom - fitted.zoom).abs() < 1e-3, "F fits again");

    // M goes back to the conversation, which is unchanged.
    h.key_press(Key::M);
    h.run();
    assert_eq!(screen(&h), Screen::Conversation);
    assert_eq!(turns(&h), 1);
}

fn path_of(h: &egui_kittest::Harness<'_, attune::app::AttuneApp>) -> attune::app::map::MapPath {
    let active = h.state().state.active.as_ref().expect("a conversation");
    attune::app::map::MapPath::of(&active.session.conversation)
}

#[test]
fn the_map_opens_from_a_library_card_without_a_path_and_pans_with_the_keys() {
    let folders = Folders::new();
    let mut h = harness(&folders);
    click(&mut h, "Map of The kitchen table");
    assert_eq!(screen(&h), Screen::Map);
    assert!(
        h.query_by_label_contains("No conversation on this scenario yet")
            .is_some()
    );
    click(&mut h, "Show ids");
    assert!(!label_of(&h, "Node letter:").contains("on your path"));

    // With nothing focused, the arrow keys move the view.
    let before = camera(&h);
    h.key_press(Key::ArrowRight);
    h.run();
    assert!(camera(&h).center.x > before.center.x);
    // Actions move it the same way the mouse does.
    h.state_mut()
        .state
        .apply(attune::app::Action::Map(MapAction::Pan {
            dx: 40.0,
            dy: 0.0,
        }));
    h.run();
    let moved = camera(&h);
    assert!(moved.center.x < before.center.x + 80.0 / before.zoom);
    // With a node focused, the arrows are egui's: they move the focus to
    // another node (the view follows it), and do not pan.
    h.get_by_label_contains("Node letter:").focus();
    h.run();
    let focused = camera(&h);
    h.key_press(Key::ArrowRight);
    h.run();
    assert!(!h.get_by_label_contains("Node letter:").is_focused());
    let after = camera(&h);
    let map = h.state().state.map.as_ref().expect("a map");
    assert!(
        after == focused || map.layout.nodes.iter().any(|n| n.center == after.center),
        "the view stays or centres a node: {after:?}"
    );

    click(&mut h, "Back to the library");
    assert_eq!(screen(&h), Screen::Library);
}

#[test]
fn the_debrief_opens_the_map_of_the_path_taken() {
    let folders = Folders::new();
    let mut h = harness(&folders);
    start_kitchen_table(&mut h);
    while !is_finished(&h) {
        choose_rated(&mut h, Rating::Best);
    }
    click(&mut h, "See the debrief");
    click(&mut h, "Map of your path");
    assert_eq!(screen(&h), Screen::Map);
    let end = label_of(&h, "Node Rosa opens the letter with you there:");
    assert!(end.contains("ending, Opened up"), "{end}");
    assert!(end.contains("where the conversation is now"), "{end}");
    click(&mut h, "Back to the debrief");
    assert_eq!(screen(&h), Screen::Debrief);
}

#[test]
fn every_shipped_scenario_lays_out_without_overlaps_and_forwards() {
    for scenario in Library::shipped().scenarios() {
        let layout = Layout::new(scenario);
        assert_eq!(layout.nodes.len(), scenario.nodes.len());
        for edge in &layout.edges {
            let (from, to) = (&layout.nodes[edge.from], &layout.nodes[edge.to]);
            if edge.back {
                assert!(
                    from.layer >= to.layer,
                    "{}: a back edge goes back",
                    scenario.id
                );
            } else {
                assert!(
                    from.layer < to.layer,
                    "{}: {} -> {}",
                    scenario.id,
                    from.id,
                    to.id
                );
            }
            assert!(edge.points.len() >= 2);
            assert!(layout.bounds.contains_bounds(&edge.bounds));
        }
        for a in &layout.nodes {
            for b in &layout.nodes {
                if a.id != b.id && a.layer == b.layer {
                    assert!(
                        (a.center.y - b.center.y).abs() >= NODE_H,
                        "{}: {} and {} overlap",
                        scenario.id,
                        a.id,
                        b.id
                    );
                }
            }
        }
        assert!(layout.nodes.iter().all(|n| n.reachable || n.is_withdrawal));
    }
}

/// A point's step to the next along an edge: at most one column in a
/// layout that routes every edge through the columns it passes.
fn longest_step(layout: &Layout) -> f32 {
    layout
        .edges
        .iter()
        .flat_map(|e| e.points.windows(2).map(|w| (w[1].x - w[0].x).abs()))
        .fold(0.0, f32::max)
}

#[test]
fn shipped_maps_route_every_edge_through_each_column_it_passes() {
    for scenario in Library::shipped().scenarios() {
        let layout = Layout::new(scenario);
        assert!(
            longest_step(&layout) <= NODE_W + COLUMN_GAP + 1.0,
            "{}: an edge was drawn straight across columns",
            scenario.id
        );
    }
}

/// Issue 22: a long chain where every node can lead to the one withdrawal
/// ending would need a waypoint for every column each of those edges
/// passes, the square of its length (4.5 million at 3,000 nodes). The
/// longest edges are drawn straight instead, so the map stays linear.
#[test]
fn a_long_chain_to_one_ending_lays_out_in_linear_size() {
    let text = crate::chain::chain_scenario(3_000);
    let scenario = attune::check::load_str("chain.ron", &text)
        .scenario
        .expect("the chain is valid");
    let layout = Layout::new(&scenario);
    let points: usize = layout.edges.iter().map(|e| e.points.len()).sum();
    assert!(
        points < 20 * layout.edges.len(),
        "{points} points for {} edges",
        layout.edges.len()
    );
    for edge in &layout.edges {
        let (from, to) = (&layout.nodes[edge.from], &layout.nodes[edge.to]);
        let (first, last) = (edge.points[0], edge.points[edge.points.len() - 1]);
        assert!(
            (first.x - (from.center.x + NODE_W / 2.0)).abs() < 1.0,
            "{} leaves its box",
            from.id
        );
        assert!(
            (last.x - (to.center.x - NODE_W / 2.0)).abs() < 1.0,
            "{} is reached at its box",
            to.id
        );
    }
}
