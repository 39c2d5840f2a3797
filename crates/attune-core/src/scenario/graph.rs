//! Static shape of the dialogue graph, ignoring conditions: used by the
//! content lints and statistics.

use foldhash::{HashMap, HashMapExt};

use super::model::Node;
use super::model::Scenario;

/// The nodes a node leads to: one per option, then one per route, in
/// authored order, ignoring conditions.
pub fn successors(node: &Node) -> impl Iterator<Item = &str> {
    node.options
        .iter()
        .map(|o| o.goto.as_str())
        .chain(node.routes.iter().map(|r| r.goto.as_str()))
}

/// The most decisions on any path from the start, ignoring conditions
/// (see [`Graph::longest_path_decisions`]).
pub fn longest_path_decisions(s: &Scenario) -> usize {
    Graph::new(s).longest_path_decisions()
}

/// What an edge of the graph stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    /// The option at this position in the node's `options`.
    Option(usize),
    /// The route at this position in the node's `routes`.
    Route(usize),
}

/// One edge: an option or a route from one node to another, by index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub via: Via,
}

/// The dialogue as numbered nodes and edges, ignoring conditions: the one
/// picture of a scenario's shape that the checks, the statistics, the
/// diagrams and the app's map all build on. Edges to unknown nodes are
/// dropped (the validator reports those).
pub struct Graph<'s> {
    pub scenario: &'s Scenario,
    /// Node index to the indices it leads to, one entry per option or route.
    pub succ: Vec<Vec<usize>>,
    /// Every edge, by node in authored order, options before routes.
    pub edges: Vec<Edge>,
    /// Index of the start node, when it exists.
    pub start: Option<usize>,
    ids: HashMap<&'s str, usize>,
}

impl<'s> Graph<'s> {
    pub fn new(s: &'s Scenario) -> Self {
        let mut ids = HashMap::with_capacity(s.nodes.len());
        for (i, n) in s.nodes.iter().enumerate() {
            ids.entry(n.id.as_str()).or_insert(i);
        }
        let mut edges = Vec::new();
        for (from, n) in s.nodes.iter().enumerate() {
            let options = n.options.iter().map(|o| &o.goto).enumerate();
            let routes = n.routes.iter().map(|r| &r.goto).enumerate();
            let targets = options
                .map(|(i, goto)| (Via::Option(i), goto))
                .chain(routes.map(|(i, goto)| (Via::Route(i), goto)));
            for (via, goto) in targets {
                if let Some(&to) = ids.get(goto.as_str()) {
                    edges.push(Edge { from, to, via });
                }
            }
        }
        let mut succ = vec![Vec::new(); s.nodes.len()];
        for e in &edges {
            succ[e.from].push(e.to);
        }
        let start = ids.get(s.start.as_str()).copied();
        Graph {
            scenario: s,
            succ,
            edges,
            start,
            ids,
        }
    }

    /// The most decisions on any path from the start, ignoring conditions.
    ///
    /// Exact when the graph has no loops; a loop's back edge is not followed,
    /// so a loop counts once. Iterative, so a very deep scenario cannot
    /// overflow the stack.
    pub fn longest_path_decisions(&self) -> usize {
        let Some(start) = self.start else {
            return 0;
        };
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            Open,
            Done(usize),
        }
        let mut marks = vec![Mark::New; self.len()];
        let mut stack: Vec<(usize, bool)> = vec![(start, false)];
        while let Some((v, children_done)) = stack.pop() {
            if children_done {
                let best = self.succ[v]
                    .iter()
                    .filter_map(|&w| match marks[w] {
                        Mark::Done(d) => Some(d),
                        _ => None,
                    })
                    .max()
                    .unwrap_or(0);
                let here = usize::from(!self.scenario.nodes[v].options.is_empty());
                marks[v] = Mark::Done(best + here);
                continue;
            }
            if marks[v] != Mark::New {
                continue;
            }
            marks[v] = Mark::Open;
            stack.push((v, true));
            for &w in &self.succ[v] {
                if marks[w] == Mark::New {
                    stack.push((w, false));
                }
            }
        }
        match marks[start] {
            Mark::Done(d) => d,
            _ => 0,
        }
    }

    pub fn index(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    pub fn len(&self) -> usize {
        self.succ.len()
    }

    pub fn is_empty(&self) -> bool {
        self.succ.is_empty()
    }

    /// Strongly connected components (Tarjan, iterative), each listed in
    /// the order found; every node is in exactly one.
    pub fn components(&self) -> Vec<Vec<usize>> {
        const NONE: usize = usize::MAX;
        let n = self.len();
        let mut index = vec![NONE; n];
        let mut low = vec![0; n];
        let mut on_stack = vec![false; n];
        let mut stack = Vec::new();
        let mut out = Vec::new();
        let mut next = 0;
        for root in 0..n {
            if index[root] != NONE {
                continue;
            }
            // (node, position in its successor list)
            let mut work = vec![(root, 0usize)];
            index[root] = next;
            low[root] = next;
            next += 1;
            stack.push(root);
            on_stack[root] = true;
            while let Some(&mut (v, ref mut pos)) = work.last_mut() {
                if let Some(&w) = self.succ[v].get(*pos) {
                    *pos += 1;
                    if index[w] == NONE {
                        index[w] = next;
                        low[w] = next;
                        next += 1;
                        stack.push(w);
                        on_stack[w] = true;
                        work.push((w, 0));
                    } else if on_stack[w] {
                        low[v] = low[v].min(index[w]);
                    }
                    continue;
                }
                work.pop();
                if let Some(&(parent, _)) = work.last() {
                    low[parent] = low[parent].min(low[v]);
                }
                if low[v] == index[v] {
                    let mut component = Vec::new();
                    while let Some(w) = stack.pop() {
                        on_stack[w] = false;
                        component.push(w);
                        if w == v {
                            break;
                        }
                    }
                    out.push(component);
                }
            }
        }
        out
    }

    /// True when the component is a loop: more than one node, or one node
    /// that leads to itself.
    pub fn is_loop(&self, component: &[usize]) -> bool {
        match component {
            [one] => self.succ[*one].contains(one),
            _ => component.len() > 1,
        }
    }

    /// Nodes from which some ending can be reached along the edges.
    pub fn reaches_ending(&self) -> Vec<bool> {
        let n = self.len();
        let mut pred: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (v, next) in self.succ.iter().enumerate() {
            for &w in next {
                pred[w].push(v);
            }
        }
        let mut ok = vec![false; n];
        let mut queue: Vec<usize> = (0..n)
            .filter(|&i| self.scenario.nodes[i].is_ending())
            .collect();
        for &i in &queue {
            ok[i] = true;
        }
        while let Some(v) = queue.pop() {
            for &p in &pred[v] {
                if !ok[p] {
                    ok[p] = true;
                    queue.push(p);
                }
            }
        }
        ok
    }

    /// Nodes reachable from the start.
    pub fn reachable(&self) -> Vec<bool> {
        let mut seen = vec![false; self.len()];
        let mut queue: Vec<usize> = self.start.into_iter().collect();
        for &i in &queue {
            seen[i] = true;
        }
        while let Some(v) = queue.pop() {
            for &w in &self.succ[v] {
                if !seen[w] {
                    seen[w] = true;
                    queue.push(w);
                }
            }
        }
        seen
    }
}

/// Distinct-path counts stop at this number.
pub const PATH_COUNT_CAP: u64 = 1_000_000_000_000;

/// Path figures from the start to the endings, following every option and
/// route and ignoring conditions and early withdrawal.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Paths {
    /// Fewest decisions from the start to an ending.
    pub shortest: Option<usize>,
    /// Most decisions from the start to an ending, going round each loop
    /// at most once.
    pub longest: Option<usize>,
    /// Distinct option-by-option paths to an ending, up to [`PATH_COUNT_CAP`].
    pub count: u64,
    /// True when the count reached the cap.
    pub capped: bool,
    /// True when a loop makes the number of paths unlimited; the counts
    /// then cover the paths that go round no loop.
    pub loops: bool,
}

/// Counts paths over the loop-free part of the graph: edges that close a
/// loop are left out, so every figure is finite.
pub fn paths(g: &Graph) -> Paths {
    let n = g.len();
    let Some(start) = g.start else {
        return Paths {
            shortest: None,
            longest: None,
            count: 0,
            capped: false,
            loops: false,
        };
    };
    // Depth-first post-order from the start; an edge to a node still open
    // on the stack closes a loop and is skipped.
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut mark = vec![Mark::New; n];
    let mut count = vec![0u64; n];
    let mut short: Vec<Option<usize>> = vec![None; n];
    let mut long: Vec<Option<usize>> = vec![None; n];
    let mut loops = false;
    let mut capped = false;
    let mut work = vec![(start, 0usize)];
    mark[start] = Mark::Open;
    while let Some(&mut (v, ref mut pos)) = work.last_mut() {
        if let Some(&w) = g.succ[v].get(*pos) {
            *pos += 1;
            match mark[w] {
                Mark::New => {
                    mark[w] = Mark::Open;
                    work.push((w, 0));
                }
                Mark::Open => loops = true,
                Mark::Done => {}
            }
            continue;
        }
        work.pop();
        mark[v] = Mark::Done;
        let node = &g.scenario.nodes[v];
        if node.is_ending() {
            count[v] = 1;
            short[v] = Some(0);
            long[v] = Some(0);
            continue;
        }
        let here = usize::from(!node.options.is_empty());
        let mut total = 0u64;
        for &w in &g.succ[v] {
            // Only finished successors count: an open one closes a loop.
            if mark[w] != Mark::Done || w == v {
                continue;
            }
            total = total.saturating_add(count[w]);
            if let Some(s) = short[w] {
                short[v] = Some(short[v].map_or(s + here, |m| m.min(s + here)));
            }
            if let Some(l) = long[w] {
                long[v] = Some(long[v].map_or(l + here, |m| m.max(l + here)));
            }
        }
        if total >= PATH_COUNT_CAP {
            total = PATH_COUNT_CAP;
            capped = true;
        }
        count[v] = total;
    }
    Paths {
        shortest: short[start],
        longest: long[start],
        count: count[start],
        capped,
        loops,
    }
}
