//! Where every node and edge of a scenario goes on the map.
//!
//! A layered drawing: nodes sit in columns by depth from the start, edges
//! run left to right, and the order inside each column is chosen to keep
//! crossings low. Pure geometry in plain `f32` world units, so it can be
//! tested and benchmarked without a window; the map view scales it.
//!
//! The steps are the classic ones: break loops by turning back edges
//! around, give each node a column (the longest path from a source), put
//! waypoints where an edge passes a column, order each column by the mean
//! position of its neighbours (several sweeps plus swaps of neighbours,
//! keeping the best order seen), then place nodes as close to their
//! neighbours as the gaps allow.

use std::collections::{HashMap, VecDeque};

use crate::scenario::graph::{Graph as SharedGraph, Via};
use crate::scenario::{EndingKind, Rating, Scenario};

/// Width of a node box, in world units.
pub const NODE_W: f32 = 164.0;
/// Height of a node box, in world units.
pub const NODE_H: f32 = 50.0;
/// Horizontal space between two columns, where the edges bend.
pub const COLUMN_GAP: f32 = 88.0;
/// Vertical space between two boxes in a column.
const ROW_GAP: f32 = 22.0;
/// Vertical room an edge passing through a column takes.
const LANE_H: f32 = 10.0;
/// Ordering sweeps; the best order seen is kept.
const SWEEPS: usize = 12;
/// Placement rounds; each moves nodes towards their neighbours.
const PLACEMENT_ROUNDS: usize = 12;
/// At most this many waypoints in all. An edge gets one for every column
/// it passes, so in a long scenario where every node has a way to one
/// ending the count grows with the square of its length; past the budget,
/// the longest edges are drawn straight to their end instead.
const MAX_WAYPOINTS: usize = 50_000;

/// A point in world units; y grows downwards, as on screen.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

impl Point {
    pub const fn new(x: f32, y: f32) -> Self {
        Point { x, y }
    }
}

/// An axis-aligned box in world units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub min: Point,
    pub max: Point,
}

impl Bounds {
    /// A box that contains nothing; growing it by a point gives that point.
    pub const EMPTY: Bounds = Bounds {
        min: Point::new(f32::INFINITY, f32::INFINITY),
        max: Point::new(f32::NEG_INFINITY, f32::NEG_INFINITY),
    };

    pub fn around(center: Point, width: f32, height: f32) -> Self {
        Bounds {
            min: Point::new(center.x - width / 2.0, center.y - height / 2.0),
            max: Point::new(center.x + width / 2.0, center.y + height / 2.0),
        }
    }

    pub fn grow(&mut self, p: Point) {
        self.min.x = self.min.x.min(p.x);
        self.min.y = self.min.y.min(p.y);
        self.max.x = self.max.x.max(p.x);
        self.max.y = self.max.y.max(p.y);
    }

    pub fn union(mut self, other: Bounds) -> Self {
        self.grow(other.min);
        self.grow(other.max);
        self
    }

    pub fn is_empty(&self) -> bool {
        self.min.x > self.max.x || self.min.y > self.max.y
    }

    pub fn width(&self) -> f32 {
        (self.max.x - self.min.x).max(0.0)
    }

    pub fn height(&self) -> f32 {
        (self.max.y - self.min.y).max(0.0)
    }

    pub fn center(&self) -> Point {
        Point::new(
            (self.min.x + self.max.x) / 2.0,
            (self.min.y + self.max.y) / 2.0,
        )
    }

    pub fn intersects(&self, other: &Bounds) -> bool {
        self.min.x <= other.max.x
            && other.min.x <= self.max.x
            && self.min.y <= other.max.y
            && other.min.y <= self.max.y
    }

    pub fn contains(&self, p: Point) -> bool {
        p.x >= self.min.x && p.x <= self.max.x && p.y >= self.min.y && p.y <= self.max.y
    }

    /// True when `other` lies wholly inside this box.
    pub fn contains_bounds(&self, other: &Bounds) -> bool {
        self.contains(other.min) && self.contains(other.max)
    }
}

/// What a node does, which decides how the map draws it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeKind {
    /// The peer speaks and the learner chooses.
    Decision {
        options: usize,
    },
    /// No words: the talk moves on along the first route that holds.
    Branch {
        routes: usize,
    },
    Ending(EndingKind),
}

/// One node box on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct MapNode {
    pub id: String,
    pub kind: NodeKind,
    /// The column, counted from the start.
    pub layer: usize,
    pub center: Point,
    /// The conversation can get here by following options and routes.
    pub reachable: bool,
    pub is_start: bool,
    /// The ending the peer goes to when trust falls below the floor.
    pub is_withdrawal: bool,
}

impl MapNode {
    pub fn bounds(&self) -> Bounds {
        Bounds::around(self.center, NODE_W, NODE_H)
    }
}

/// What an edge stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EdgeKind {
    /// The option at this index of the source node.
    Option { index: usize, rating: Rating },
    /// The route at this index of a branch node.
    Route { index: usize },
}

/// One arrow on the map, from an option or a route to its target.
#[derive(Clone, Debug, PartialEq)]
pub struct MapEdge {
    /// Index into [`Layout::nodes`].
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
    /// The option's id, for options.
    pub option_id: Option<String>,
    /// Waypoints from the exit port to the entry port. Between two
    /// waypoints the view draws a curve that leaves and arrives
    /// horizontally, which stays inside the box of the two points.
    pub points: Vec<Point>,
    /// The edge goes back to an earlier column (a loop in the talk).
    pub back: bool,
    /// The edge leaves and re-enters the same node.
    pub self_loop: bool,
    /// Holds every waypoint, for culling.
    pub bounds: Bounds,
}

/// The whole map of one scenario, computed once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// In the scenario's node order.
    pub nodes: Vec<MapNode>,
    pub edges: Vec<MapEdge>,
    /// Everything drawn, nodes and edges.
    pub bounds: Bounds,
    /// Number of columns.
    pub layers: usize,
    /// Edge crossings between neighbouring columns in the chosen order.
    pub crossings: usize,
    /// Edges leaving and entering each node, by edge index.
    pub outgoing: Vec<Vec<usize>>,
    pub incoming: Vec<Vec<usize>>,
    index: HashMap<String, usize>,
}

impl Default for Bounds {
    fn default() -> Self {
        Bounds::EMPTY
    }
}

impl Layout {
    /// Lays out every node and edge of `scenario`. Edges to unknown nodes
    /// (a file that did not validate) are left out rather than failing.
    pub fn new(scenario: &Scenario) -> Layout {
        let graph = Graph::of(scenario);
        let n = graph.ids.len();
        let back = graph.back_edges();
        let layer = graph.layers(&back);
        let layers = layer.iter().copied().max().map_or(0, |m| m + 1);
        let mut lanes = Lanes::build(&graph, &back, &layer, layers);
        let crossings = lanes.order();
        let y = lanes.place();
        let x = |l: usize| column_left(l) + NODE_W / 2.0;

        let reachable = &graph.reachable;
        let withdrawal = graph.index.get(scenario.on_withdraw.as_str()).copied();
        let nodes: Vec<MapNode> = (0..n)
            .map(|i| MapNode {
                id: graph.ids[i].clone(),
                kind: graph.kinds[i],
                layer: layer[i],
                center: Point::new(x(layer[i]), y[i]),
                reachable: reachable[i],
                is_start: i == graph.start,
                is_withdrawal: Some(i) == withdrawal,
            })
            .collect();

        // Waypoints: the exit port, a lane through every column passed,
        // the entry port. Ports are spread over the box's side in the
        // order of where their edges go, so parallel edges stay apart.
        let mut edges: Vec<MapEdge> = graph
            .edges
            .iter()
            .enumerate()
            .map(|(e, edge)| {
                let chain = &lanes.chains[e];
                let mut points = Vec::with_capacity(chain.len() * 2);
                for &v in chain {
                    let lx = x(lanes.layer_of[v]);
                    points.push(Point::new(lx - NODE_W / 2.0, y[v]));
                    points.push(Point::new(lx + NODE_W / 2.0, y[v]));
                }
                if back[e] {
                    points.reverse();
                }
                MapEdge {
                    from: edge.from,
                    to: edge.to,
                    kind: edge.kind,
                    option_id: edge.option_id.clone(),
                    points,
                    back: back[e],
                    self_loop: edge.from == edge.to,
                    bounds: Bounds::EMPTY,
                }
            })
            .collect();
        let mut outgoing = vec![Vec::new(); n];
        let mut incoming = vec![Vec::new(); n];
        for (e, edge) in edges.iter().enumerate() {
            outgoing[edge.from].push(e);
            incoming[edge.to].push(e);
        }
        assign_ports(&nodes, &mut edges, &outgoing, &incoming);

        let mut bounds = Bounds::EMPTY;
        for node in &nodes {
            bounds = bounds.union(node.bounds());
        }
        for edge in &mut edges {
            let mut b = Bounds::EMPTY;
            for p in &edge.points {
                b.grow(*p);
            }
            edge.bounds = b;
            bounds = bounds.union(b);
        }
        Layout {
            index: graph.index,
            nodes,
            edges,
            bounds,
            layers,
            crossings,
            outgoing,
            incoming,
        }
    }

    /// The map index of a node id.
    pub fn node_index(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// Nodes column by column, top to bottom: the order Tab visits them.
    pub fn reading_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.nodes.len()).collect();
        order.sort_by(|&a, &b| {
            let (na, nb) = (&self.nodes[a], &self.nodes[b]);
            na.layer
                .cmp(&nb.layer)
                .then(na.center.y.total_cmp(&nb.center.y))
        });
        order
    }
}

/// The left side of the boxes in a column.
pub fn column_left(layer: usize) -> f32 {
    layer as f32 * (NODE_W + COLUMN_GAP)
}

/// Spreads the ends of the edges over the sides of their boxes.
fn assign_ports(
    nodes: &[MapNode],
    edges: &mut [MapEdge],
    outgoing: &[Vec<usize>],
    incoming: &[Vec<usize>],
) {
    let slots = |count: usize| -> Vec<f32> {
        let spacing = (NODE_H * 0.7 / count.max(1) as f32).min(12.0);
        (0..count)
            .map(|i| (i as f32 - (count as f32 - 1.0) / 2.0) * spacing)
            .collect()
    };
    for (i, node) in nodes.iter().enumerate() {
        // An edge leaves from the right, or from the left when it goes
        // back; it arrives on the left, or on the right when it came back.
        for (leaves, list) in [(true, &outgoing[i]), (false, &incoming[i])] {
            for side_right in [true, false] {
                let mut here: Vec<usize> = list
                    .iter()
                    .copied()
                    .filter(|&e| !edges[e].self_loop)
                    .filter(|&e| (leaves != edges[e].back) == side_right)
                    .collect();
                // Order by where the edge heads next, so ports don't cross.
                let next_y = |e: usize| {
                    let p = &edges[e].points;
                    if leaves {
                        p[2.min(p.len() - 1)].y
                    } else {
                        p[p.len().saturating_sub(3)].y
                    }
                };
                here.sort_by(|&a, &b| next_y(a).total_cmp(&next_y(b)));
                let x = node.center.x
                    + if side_right {
                        NODE_W / 2.0
                    } else {
                        -NODE_W / 2.0
                    };
                for (&e, dy) in here.iter().zip(slots(here.len())) {
                    let p = &mut edges[e].points;
                    let port = Point::new(x, node.center.y + dy);
                    if leaves {
                        p[0] = port;
                        p[1] = port;
                    } else {
                        let last = p.len() - 1;
                        p[last] = port;
                        p[last - 1] = port;
                    }
                }
            }
        }
    }
    // Drop the doubled port points; a self-loop gets a loop over its box.
    for edge in edges.iter_mut() {
        if edge.self_loop {
            let c = nodes[edge.from].center;
            let (l, r, top) = (c.x - NODE_W / 4.0, c.x + NODE_W / 4.0, c.y - NODE_H / 2.0);
            edge.points = vec![
                Point::new(r, top),
                Point::new(r + 14.0, top - 28.0),
                Point::new(l - 14.0, top - 28.0),
                Point::new(l, top),
            ];
            continue;
        }
        edge.points.remove(0);
        edge.points.pop();
    }
}

/// One edge of the scenario graph, by node index.
#[derive(Clone, Debug)]
struct Edge {
    from: usize,
    to: usize,
    kind: EdgeKind,
    option_id: Option<String>,
}

/// The scenario as numbered nodes and edges.
struct Graph {
    ids: Vec<String>,
    kinds: Vec<NodeKind>,
    edges: Vec<Edge>,
    /// Edge indices leaving each node, in authored order.
    out: Vec<Vec<usize>>,
    /// Which nodes the start leads to.
    reachable: Vec<bool>,
    start: usize,
    index: HashMap<String, usize>,
}

impl Graph {
    /// The map's view of the scenario's one graph
    /// ([`crate::scenario::graph::Graph`]), with what drawing needs added:
    /// node kinds, ratings and option ids, and owned ids so the layout
    /// outlives the scenario borrow.
    fn of(scenario: &Scenario) -> Graph {
        let shared = SharedGraph::new(scenario);
        let mut out = vec![Vec::new(); scenario.nodes.len()];
        let edges = shared
            .edges
            .iter()
            .filter_map(|e| {
                let node = scenario.nodes.get(e.from)?;
                let (kind, option_id) = match e.via {
                    Via::Option(index) => {
                        let o = node.options.get(index)?;
                        let kind = EdgeKind::Option {
                            index,
                            rating: o.rating,
                        };
                        (kind, Some(o.id.clone()))
                    }
                    Via::Route(index) => (EdgeKind::Route { index }, None),
                };
                Some(Edge {
                    from: e.from,
                    to: e.to,
                    kind,
                    option_id,
                })
            })
            .collect::<Vec<_>>();
        for (i, e) in edges.iter().enumerate() {
            out[e.from].push(i);
        }
        let kinds = scenario
            .nodes
            .iter()
            .map(|n| match &n.ending {
                Some(ending) => NodeKind::Ending(ending.kind),
                None if n.is_branch() => NodeKind::Branch {
                    routes: n.routes.len(),
                },
                None => NodeKind::Decision {
                    options: n.options.len(),
                },
            })
            .collect();
        let reachable = shared.reachable();
        let ids: Vec<String> = scenario.nodes.iter().map(|n| n.id.clone()).collect();
        let mut index = HashMap::with_capacity(ids.len());
        for (i, id) in ids.iter().enumerate() {
            index.entry(id.clone()).or_insert(i);
        }
        Graph {
            start: shared.start.unwrap_or(0),
            ids,
            kinds,
            edges,
            out,
            reachable,
            index,
        }
    }

    /// The nodes a depth-first walk visits, the start first, then any
    /// node it missed in file order.
    fn roots(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(self.start).chain(0..self.ids.len())
    }

    /// Marks the edges that close a loop, found by an iterative
    /// depth-first walk: an edge to a node still on the walk's stack.
    fn back_edges(&self) -> Vec<bool> {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            Open,
            Done,
        }
        let mut back = vec![false; self.edges.len()];
        let mut mark = vec![Mark::New; self.ids.len()];
        if self.ids.is_empty() {
            return back;
        }
        for root in self.roots() {
            if mark[root] != Mark::New {
                continue;
            }
            // (node, next outgoing edge to look at)
            let mut stack = vec![(root, 0usize)];
            mark[root] = Mark::Open;
            while let Some(&mut (v, ref mut next)) = stack.last_mut() {
                if let Some(&e) = self.out[v].get(*next) {
                    *next += 1;
                    let to = self.edges[e].to;
                    match mark[to] {
                        Mark::Open => back[e] = true,
                        Mark::New => {
                            mark[to] = Mark::Open;
                            stack.push((to, 0));
                        }
                        Mark::Done => {}
                    }
                } else {
                    mark[v] = Mark::Done;
                    stack.pop();
                }
            }
        }
        back
    }

    /// Each node's column: the longest path to it once loops are broken.
    /// An ending no edge leads to (the withdrawal ending, reached only
    /// when trust runs out) goes in the last column.
    fn layers(&self, back: &[bool]) -> Vec<usize> {
        let n = self.ids.len();
        let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut succs: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (e, edge) in self.edges.iter().enumerate() {
            if edge.from == edge.to {
                continue;
            }
            let (a, b) = if back[e] {
                (edge.to, edge.from)
            } else {
                (edge.from, edge.to)
            };
            succs[a].push(b);
            preds[b].push(a);
        }
        let mut layer = vec![0usize; n];
        let mut waiting: Vec<usize> = preds.iter().map(Vec::len).collect();
        let mut queue: VecDeque<usize> = (0..n).filter(|&v| waiting[v] == 0).collect();
        while let Some(v) = queue.pop_front() {
            for &w in &succs[v] {
                layer[w] = layer[w].max(layer[v] + 1);
                waiting[w] -= 1;
                if waiting[w] == 0 {
                    queue.push_back(w);
                }
            }
        }
        let last = layer.iter().copied().max().unwrap_or(0);
        for v in 0..n {
            let isolated_ending = preds[v].is_empty()
                && v != self.start
                && matches!(self.kinds[v], NodeKind::Ending(_));
            if isolated_ending {
                layer[v] = last.max(1);
            }
        }
        layer
    }
}

/// The columns with their lanes: real nodes first (`0..n`), then one
/// waypoint for each column an edge passes.
struct Lanes {
    /// Vertex ids per column, in drawing order.
    columns: Vec<Vec<usize>>,
    layer_of: Vec<usize>,
    height: Vec<f32>,
    /// Neighbours before and after: in the next column, or further for an
    /// edge drawn straight (see [`MAX_WAYPOINTS`]).
    up: Vec<Vec<usize>>,
    down: Vec<Vec<usize>>,
    /// Per scenario edge, its vertices from the left end to the right end.
    chains: Vec<Vec<usize>>,
}

/// The most columns an edge may pass and still get a waypoint in each,
/// keeping all waypoints within [`MAX_WAYPOINTS`]: unlimited for any
/// scenario a person writes.
fn longest_routed_span(graph: &Graph, back: &[bool], layer: &[usize]) -> usize {
    let mut spans: Vec<usize> = graph
        .edges
        .iter()
        .enumerate()
        .map(|(e, edge)| {
            let (a, b) = if back[e] {
                (edge.to, edge.from)
            } else {
                (edge.from, edge.to)
            };
            layer[b].saturating_sub(layer[a] + 1)
        })
        .collect();
    if spans.iter().sum::<usize>() <= MAX_WAYPOINTS {
        return usize::MAX;
    }
    spans.sort_unstable();
    // Whole groups of equal spans, shortest first, while they fit.
    let (mut total, mut longest, mut i) = (0, 0, 0);
    while let Some(&span) = spans.get(i) {
        let group = spans[i..].iter().take_while(|&&s| s == span).count();
        total += span * group;
        if total > MAX_WAYPOINTS {
            break;
        }
        longest = span;
        i += group;
    }
    longest
}

impl Lanes {
    fn build(graph: &Graph, back: &[bool], layer: &[usize], layers: usize) -> Lanes {
        let n = graph.ids.len();
        let mut lanes = Lanes {
            columns: vec![Vec::new(); layers],
            layer_of: layer.to_vec(),
            height: vec![NODE_H; n],
            up: vec![Vec::new(); n],
            down: vec![Vec::new(); n],
            chains: Vec::with_capacity(graph.edges.len()),
        };
        let longest = longest_routed_span(graph, back, layer);
        for edge in graph
            .edges
            .iter()
            .enumerate()
            .map(|(e, edge)| (back[e], edge))
        {
            let (is_back, edge) = edge;
            let (a, b) = if is_back {
                (edge.to, edge.from)
            } else {
                (edge.from, edge.to)
            };
            let mut chain = vec![a];
            if a != b {
                let passes = layer[b].saturating_sub(layer[a] + 1);
                let routed = if passes <= longest {
                    layer[a] + 1..layer[b]
                } else {
                    0..0
                };
                for l in routed {
                    let v = lanes.layer_of.len();
                    lanes.layer_of.push(l);
                    lanes.height.push(LANE_H);
                    lanes.up.push(Vec::new());
                    lanes.down.push(Vec::new());
                    chain.push(v);
                }
                chain.push(b);
                for pair in chain.windows(2) {
                    lanes.down[pair[0]].push(pair[1]);
                    lanes.up[pair[1]].push(pair[0]);
                }
            }
            lanes.chains.push(chain);
        }
        // First order: a breadth-first walk from the start in authored
        // order, so a node's options start out in the order written.
        let total = lanes.layer_of.len();
        let mut seen = vec![false; total];
        let mut queue = VecDeque::new();
        for root in graph.roots().chain(n..total) {
            if seen[root] {
                continue;
            }
            seen[root] = true;
            queue.push_back(root);
            while let Some(v) = queue.pop_front() {
                lanes.columns[lanes.layer_of[v]].push(v);
                for &w in lanes.down[v].iter().chain(&lanes.up[v]) {
                    if !seen[w] {
                        seen[w] = true;
                        queue.push_back(w);
                    }
                }
            }
        }
        lanes
    }

    fn positions(&self) -> Vec<usize> {
        let mut pos = vec![0; self.layer_of.len()];
        for column in &self.columns {
            for (i, &v) in column.iter().enumerate() {
                pos[v] = i;
            }
        }
        pos
    }

    /// Crossings between column `l` and column `l + 1`: pairs of edges
    /// whose ends are in opposite orders, counted in `E log E` with a
    /// Fenwick tree rather than pair by pair.
    fn crossings_between(&self, l: usize, pos: &[usize]) -> usize {
        let mut ends: Vec<(usize, usize)> = Vec::new();
        for &v in &self.columns[l] {
            for &w in &self.down[v] {
                ends.push((pos[v], pos[w]));
            }
        }
        ends.sort_unstable();
        let size = ends.iter().map(|&(_, b)| b + 1).max().unwrap_or(0);
        let mut tree = vec![0usize; size + 1];
        let mut count = 0;
        let mut inserted = 0;
        let mut i = 0;
        while i < ends.len() {
            // Edges leaving the same vertex never cross each other: count
            // the whole group against the earlier ones, then add it.
            let group = ends[i..].iter().take_while(|e| e.0 == ends[i].0).count();
            for &(_, b) in &ends[i..i + group] {
                // Earlier edges ending strictly below `b`.
                let mut at_or_before = 0;
                let mut k = b + 1;
                while k > 0 {
                    at_or_before += tree[k];
                    k &= k - 1;
                }
                count += inserted - at_or_before;
            }
            for &(_, b) in &ends[i..i + group] {
                let mut k = b + 1;
                while k <= size {
                    tree[k] += 1;
                    k += k & k.wrapping_neg();
                }
                inserted += 1;
            }
            i += group;
        }
        count
    }

    fn crossings(&self) -> usize {
        let pos = self.positions();
        (0..self.columns.len().saturating_sub(1))
            .map(|l| self.crossings_between(l, &pos))
            .sum()
    }

    /// Orders each column to reduce crossings; returns how many remain.
    fn order(&mut self) -> usize {
        let mut best = self.columns.clone();
        let mut best_count = self.crossings();
        for sweep in 0..SWEEPS {
            let downwards = sweep % 2 == 0;
            let columns: Vec<usize> = if downwards {
                (1..self.columns.len()).collect()
            } else {
                (0..self.columns.len().saturating_sub(1)).rev().collect()
            };
            let mut pos = self.positions();
            for l in columns {
                let neighbours = if downwards { &self.up } else { &self.down };
                let mut keyed: Vec<(f32, usize)> = self.columns[l]
                    .iter()
                    .map(|&v| {
                        let around = &neighbours[v];
                        let key = if around.is_empty() {
                            pos[v] as f32
                        } else {
                            around.iter().map(|&u| pos[u] as f32).sum::<f32>() / around.len() as f32
                        };
                        (key, v)
                    })
                    .collect();
                keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
                self.columns[l] = keyed.into_iter().map(|(_, v)| v).collect();
                for (i, &v) in self.columns[l].iter().enumerate() {
                    pos[v] = i;
                }
            }
            self.transpose();
            let count = self.crossings();
            if count < best_count {
                best_count = count;
                best = self.columns.clone();
            }
            if best_count == 0 {
                break;
            }
        }
        self.columns = best;
        best_count
    }

    /// Swaps neighbours in a column while that removes crossings.
    fn transpose(&mut self) {
        let mut pos = self.positions();
        for _ in 0..4 {
            let mut improved = false;
            for l in 0..self.columns.len() {
                for i in 0..self.columns[l].len().saturating_sub(1) {
                    let (a, b) = (self.columns[l][i], self.columns[l][i + 1]);
                    if self.pair_crossings(b, a, &pos) < self.pair_crossings(a, b, &pos) {
                        self.columns[l].swap(i, i + 1);
                        pos.swap(a, b);
                        improved = true;
                    }
                }
            }
            if !improved {
                break;
            }
        }
    }

    /// Crossings between the edges of `a` and those of `b` when `a` sits
    /// above `b` in their column: only these change when the two swap, so
    /// a swap is judged without recounting the whole column.
    fn pair_crossings(&self, a: usize, b: usize, pos: &[usize]) -> usize {
        let side = |ours: &[usize], theirs: &[usize]| -> usize {
            if ours.len() * theirs.len() <= 64 {
                return ours
                    .iter()
                    .map(|&x| theirs.iter().filter(|&&y| pos[x] > pos[y]).count())
                    .sum();
            }
            // A node many edges reach: sort once, then count by search.
            let mut below: Vec<usize> = theirs.iter().map(|&y| pos[y]).collect();
            below.sort_unstable();
            ours.iter()
                .map(|&x| below.partition_point(|&y| y < pos[x]))
                .sum()
        };
        side(&self.up[a], &self.up[b]) + side(&self.down[a], &self.down[b])
    }

    /// The gap between the centres of two neighbours in a column.
    fn gap(&self, a: usize, b: usize) -> f32 {
        let spacing = if self.height[a] < NODE_H && self.height[b] < NODE_H {
            4.0
        } else {
            ROW_GAP
        };
        (self.height[a] + self.height[b]) / 2.0 + spacing
    }

    /// The y of every vertex: each column keeps its order and gaps while
    /// its vertices move as close as they can to the mean of their
    /// neighbours. Waypoints weigh more, which keeps long edges straight.
    fn place(&self) -> Vec<f32> {
        let total = self.layer_of.len();
        let mut y = vec![0.0f32; total];
        for column in &self.columns {
            let mut at = 0.0;
            for (i, &v) in column.iter().enumerate() {
                if i > 0 {
                    at += self.gap(column[i - 1], v);
                }
                y[v] = at;
            }
            let middle = at / 2.0;
            for &v in column {
                y[v] -= middle;
            }
        }
        let is_lane = |v: usize| self.height[v] < NODE_H;
        for round in 0..PLACEMENT_ROUNDS {
            let columns: Vec<usize> = if round % 2 == 0 {
                (0..self.columns.len()).collect()
            } else {
                (0..self.columns.len()).rev().collect()
            };
            for l in columns {
                let column = &self.columns[l];
                if column.is_empty() {
                    continue;
                }
                let mut wanted = Vec::with_capacity(column.len());
                let mut weights = Vec::with_capacity(column.len());
                for &v in column {
                    let mut sum = 0.0;
                    let mut weight = 0.0;
                    for &u in self.up[v].iter().chain(&self.down[v]) {
                        let w = if is_lane(u) || is_lane(v) { 4.0 } else { 1.0 };
                        sum += w * y[u];
                        weight += w;
                    }
                    if weight > 0.0 {
                        wanted.push(sum / weight);
                        weights.push(weight);
                    } else {
                        wanted.push(y[v]);
                        weights.push(0.25);
                    }
                }
                let mut offsets = vec![0.0f32; column.len()];
                for i in 1..column.len() {
                    offsets[i] = offsets[i - 1] + self.gap(column[i - 1], column[i]);
                }
                let targets: Vec<f32> = wanted.iter().zip(&offsets).map(|(w, o)| w - o).collect();
                let fitted = isotonic(&targets, &weights);
                for (i, &v) in column.iter().enumerate() {
                    y[v] = fitted[i] + offsets[i];
                }
            }
        }
        let top = self
            .columns
            .iter()
            .flatten()
            .map(|&v| y[v] - self.height[v] / 2.0)
            .fold(f32::INFINITY, f32::min);
        if top.is_finite() {
            for v in &mut y {
                *v -= top;
            }
        }
        y
    }
}

/// The non-decreasing sequence closest to `targets` in weighted least
/// squares (pool adjacent violators).
fn isotonic(targets: &[f32], weights: &[f32]) -> Vec<f32> {
    // Blocks of (weighted sum, total weight, length).
    let mut blocks: Vec<(f32, f32, usize)> = Vec::with_capacity(targets.len());
    for (&t, &w) in targets.iter().zip(weights) {
        blocks.push((t * w, w, 1));
        while blocks.len() >= 2 {
            let (s2, w2, n2) = blocks[blocks.len() - 1];
            let (s1, w1, n1) = blocks[blocks.len() - 2];
            if s1 / w1 <= s2 / w2 {
                break;
            }
            blocks.pop();
            let last = blocks.len() - 1;
            blocks[last] = (s1 + s2, w1 + w2, n1 + n2);
        }
    }
    blocks
        .into_iter()
        .flat_map(|(s, w, n)| std::iter::repeat_n(s / w, n))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isotonic_pools_violators_and_keeps_order() {
        let fitted = isotonic(&[1.0, 3.0, 2.0, 4.0], &[1.0; 4]);
        assert_eq!(fitted, vec![1.0, 2.5, 2.5, 4.0]);
        assert_eq!(isotonic(&[], &[]), Vec::<f32>::new());
    }

    #[test]
    fn bounds_intersect_and_contain() {
        let a = Bounds::around(Point::new(0.0, 0.0), 10.0, 10.0);
        let b = Bounds::around(Point::new(8.0, 0.0), 10.0, 10.0);
        let c = Bounds::around(Point::new(30.0, 0.0), 10.0, 10.0);
        assert!(a.intersects(&b));
        assert!(!a.intersects(&c));
        assert!(a.union(c).contains_bounds(&b));
        assert!(Bounds::EMPTY.is_empty());
    }
}
