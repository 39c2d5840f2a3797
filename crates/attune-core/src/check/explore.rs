//! Bounded exploration of the states a conversation can reach.
//!
//! A state is what decides what happens next: the node, the trust, the
//! layers reached and disclosed, the nodes visited that some condition asks
//! about, the roadblocks heard so far and the last turn's loss (for
//! repairs). Starting from every mood of the day, every offered option is
//! followed with the engine's own peer model, until no new state appears or
//! the bound is hit. Where the engine picks a line variant at random, every
//! variant it could pick is followed (one state per distinct set of layers
//! they disclose), so "some path discloses it" covers every seed.
//! The validator uses the result to find soft-locks, loops that cannot be
//! left and conditions that never hold.

use std::collections::VecDeque;

use foldhash::{HashMap, HashMapExt};

use crate::engine::peer::{MOOD_RANGE, clamp_trust, trust_delta};
use crate::scenario::graph::{Graph, Via};
use crate::scenario::{Band, Choice, Condition, EndingKind, Scenario, TRUST_MAX, TRUST_MIN};
use crate::skills::Roadblock;

/// Exploration stops after this many distinct states. It keeps the check
/// fast on very large files; the figures then cover only part of them.
pub const MAX_STATES: usize = 40_000;
/// Repeats of one roadblock kind are counted up to this many; later
/// repeats are priced like this one.
const MAX_REPEATS: u8 = 8;
/// How many times each roadblock kind has been heard. Kept beside a state,
/// not in it: states that differ only in this are merged (the first one
/// found is kept), which keeps the search small. Repeats only change how
/// much a loss costs, so merging can only miss a few trust values.
type Heard = [u8; 12];
/// More layers or watched nodes than fit in a bit set: not explored.
const MAX_TRACKED: usize = 64;
/// Branch hops before giving up, as in the engine.
const MAX_ROUTE_HOPS: usize = 64;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct State {
    /// A decision or an ending.
    node: u32,
    trust: i8,
    layers: u64,
    /// Layers disclosed so far, this node's line included.
    disclosed: u64,
    /// The line variant shown at this node.
    line: u8,
    /// Bits of the watched nodes already visited.
    visited: u64,
    /// Trust lost on the turn that led here (only kept when repairs exist).
    loss: i8,
}

/// Four words rather than seven fields: every option followed hashes a
/// state, and a large file follows hundreds of thousands.
impl std::hash::Hash for State {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        let small = u64::from(self.node)
            | u64::from(self.trust as u8) << 32
            | u64::from(self.line) << 40
            | u64::from(self.loss as u8) << 48;
        h.write_u64(small);
        h.write_u64(self.layers);
        h.write_u64(self.disclosed);
        h.write_u64(self.visited);
    }
}

/// How a state was first reached: the state before and the option taken.
#[derive(Clone, Copy, Debug)]
struct Parent {
    state: u32,
    node: u32,
    option: u16,
}

/// What the exploration found.
#[derive(Debug, Default)]
pub struct Exploration {
    /// False when the bound was hit or the scenario could not be explored;
    /// then only what was found is certain, not what was not.
    pub complete: bool,
    /// Distinct states seen.
    pub states: usize,
    /// Lowest and highest trust seen at any state.
    pub trust_range: Option<(i32, i32)>,
    /// Per layer (in `Scenario::layers` order): reached in some state.
    pub layer_reached: Vec<bool>,
    /// Per layer: disclosed in some state.
    pub layer_disclosed: Vec<bool>,
    /// Lines, options and endings shown while a layer they presume was not
    /// yet disclosed: the first witness per item and layer.
    pub presumed: Vec<Presumed>,
    /// Per node: the node was stood at or passed through.
    pub node_seen: Vec<bool>,
    /// Per node, per option: its conditions held at some visit.
    pub option_holds: Vec<Vec<bool>>,
    /// Per node, per line variant: shown at some visit.
    pub line_shown: Vec<Vec<bool>>,
    /// Per node, per option: bits of the line variants it was offered
    /// under (variants past the 64th share the last bit).
    pub option_lines: Vec<Vec<u64>>,
    /// Per node, per route: its conditions held at some visit.
    pub route_holds: Vec<Vec<bool>>,
    /// Decisions reached with no option on offer, each with a witness.
    pub soft_locks: Vec<Witness>,
    /// Decisions from which, once reached this way, no ending can be
    /// reached and nothing gets stuck: the talk goes round for ever.
    /// Only filled when the exploration is complete.
    pub endless: Vec<Witness>,
}

/// Something that takes a layer as said, shown before it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Presumed {
    /// What presumes it.
    pub item: Presumer,
    /// The layer id not yet disclosed.
    pub layer: String,
    /// How to get there; `witness.node` is the node of the item.
    pub witness: Witness,
}

/// An item that presumes a disclosure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Presumer {
    /// Line variant `k` of the node, by its `presumes`.
    Line(usize),
    /// Option `k` of the node, by its `presumes`.
    Option(usize),
    /// An `opened_up` ending reached with nothing disclosed; `layer` is
    /// then empty.
    OpenedUp,
}

/// One reachable state and how to get there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Witness {
    /// Node index.
    pub node: usize,
    pub trust: i32,
    /// Layer ids reached.
    pub layers: Vec<String>,
    /// (node id, option id) choices from the start.
    pub path: Vec<(String, String)>,
}

struct Explorer<'s> {
    s: &'s Scenario,
    g: &'s Graph<'s>,
    /// Node index to its bit among the watched nodes.
    watched: HashMap<usize, u32>,
    /// Roadblock kinds whose repeats change a price.
    priced: [bool; 12],
    repairs: bool,
    floor: i32,
    withdraw: Option<usize>,
    /// Per option, node after node: the index of the node it goes to,
    /// taken once from the graph rather than looked up at every state.
    targets: Vec<Option<usize>>,
    /// Where each node's options start in `targets`.
    first_target: Vec<usize>,
}

fn roadblock_slot(r: Roadblock) -> usize {
    Roadblock::ALL.iter().position(|&x| x == r).unwrap_or(0)
}

impl Explorer<'_> {
    fn holds(&self, c: &Condition, st: &State) -> bool {
        match c {
            Condition::TrustAtLeast(t) => i32::from(st.trust) >= *t,
            Condition::TrustBelow(t) => i32::from(st.trust) < *t,
            Condition::LayerReached(l) => self.layer_bit(l).is_some_and(|b| st.layers & b != 0),
            Condition::LayerNotReached(l) => self.layer_bit(l).is_none_or(|b| st.layers & b == 0),
            Condition::Disclosed(l) => self.layer_bit(l).is_some_and(|b| st.disclosed & b != 0),
            Condition::NotDisclosed(l) => self.layer_bit(l).is_none_or(|b| st.disclosed & b == 0),
            Condition::Visited(n) => self.visited_bit(n).is_some_and(|b| st.visited & b != 0),
            Condition::NotVisited(n) => self.visited_bit(n).is_none_or(|b| st.visited & b == 0),
        }
    }

    fn all_hold(&self, cs: &[Condition], st: &State) -> bool {
        cs.iter().all(|c| self.holds(c, st))
    }

    fn layer_bit(&self, id: &str) -> Option<u64> {
        self.s
            .layers
            .iter()
            .position(|l| l.id == id)
            .map(|i| 1u64 << i)
    }

    fn visited_bit(&self, id: &str) -> Option<u64> {
        let i = self.g.index(id)?;
        self.watched.get(&i).map(|b| 1u64 << b)
    }

    fn visit(&self, st: &mut State, node: usize) {
        if let Some(b) = self.watched.get(&node) {
            st.visited |= 1u64 << b;
        }
    }

    fn unlock(&self, trust: i32, layers: &mut u64) {
        for (i, l) in self.s.layers.iter().enumerate() {
            if trust >= l.threshold {
                *layers |= 1u64 << i;
            }
        }
    }

    fn layer_mask(&self, ids: &[String]) -> u64 {
        ids.iter()
            .filter_map(|l| self.layer_bit(l))
            .fold(0, |m, b| m | b)
    }

    /// Arrives at decision or ending `node`: pushes onto `into` one state
    /// per line variant the engine could pick there, the most specific
    /// that fit, or the first when none fits.
    fn arrive(&self, mut st: State, node: usize, into: &mut Vec<State>) {
        st.node = node as u32;
        st.line = 0;
        let lines = &self.s.nodes[node].lines;
        if lines.is_empty() {
            into.push(st);
            return;
        }
        let band = Band::from_trust(i32::from(st.trust));
        let fits = |k: usize| {
            (lines[k].bands.is_empty() || lines[k].bands.contains(&band))
                && self.all_hold(&lines[k].when, &st)
        };
        let specificity = |k: usize| {
            usize::from(!lines[k].bands.is_empty()) + usize::from(!lines[k].when.is_empty())
        };
        let variant = |k: usize| State {
            disclosed: st.disclosed | self.layer_mask(&lines[k].discloses),
            line: k.min(usize::from(u8::MAX)) as u8,
            ..st
        };
        // Runs once per option followed: two passes, no allocation.
        match (0..lines.len()).filter(|&k| fits(k)).map(specificity).max() {
            Some(best) => into.extend(
                (0..lines.len())
                    .filter(|&k| specificity(k) == best && fits(k))
                    .map(variant),
            ),
            None => into.push(variant(0)),
        }
    }

    /// Follows branches from `target`, then arrives, pushing the states
    /// onto `into`; records which routes could be taken. Pushes nothing
    /// when no route holds or the branches go round.
    fn enter(&self, mut st: State, target: usize, out: &mut Exploration, into: &mut Vec<State>) {
        let mut id = target;
        for _ in 0..=MAX_ROUTE_HOPS {
            let node = &self.s.nodes[id];
            out.node_seen[id] = true;
            if !node.is_branch() {
                self.arrive(st, id, into);
                return;
            }
            self.visit(&mut st, id);
            let mut next = None;
            for (k, route) in node.routes.iter().enumerate() {
                if self.all_hold(&route.when, &st) {
                    out.route_holds[id][k] = true;
                    if next.is_none() {
                        next = self.g.index(&route.goto);
                    }
                }
            }
            let Some(next) = next else {
                return;
            };
            id = next;
        }
    }
}

impl Explorer<'_> {
    /// Sets up the exploration of `s`: works out which roadblock repeats
    /// change a price and whether any option repairs.
    fn new<'s>(s: &'s Scenario, g: &'s Graph<'s>, watched: HashMap<usize, u32>) -> Explorer<'s> {
        let mut priced = [false; 12];
        let mut repairs = false;
        for o in s.nodes.iter().flat_map(|n| &n.options) {
            if o.base_trust() < 0
                && let Some(r) = o.roadblock()
            {
                priced[roadblock_slot(r)] = true;
            }
            repairs |= o.is_repair();
        }
        let mut first_target = Vec::with_capacity(s.nodes.len());
        let mut options = 0;
        for n in &s.nodes {
            first_target.push(options);
            options += n.options.len();
        }
        let mut targets = vec![None; options];
        for e in &g.edges {
            if let Via::Option(k) = e.via
                && let Some(slot) = targets.get_mut(first_target[e.from] + k)
            {
                *slot = Some(e.to);
            }
        }
        Explorer {
            s,
            g,
            watched,
            priced,
            repairs,
            floor: s.withdrawal_floor,
            withdraw: g.index(&s.on_withdraw),
            targets,
            first_target,
        }
    }

    /// Adds the start state for every mood of the day.
    fn seed(&self, start: usize, search: &mut Search, out: &mut Exploration) {
        for mood in -MOOD_RANGE..=MOOD_RANGE {
            let trust = clamp_trust(self.s.initial_trust + mood);
            let mut st = State {
                node: 0,
                trust: trust as i8,
                layers: 0,
                disclosed: 0,
                line: 0,
                visited: 0,
                loss: 0,
            };
            self.unlock(trust, &mut st.layers);
            let mut arrived = Vec::new();
            self.enter(st, start, out, &mut arrived);
            if arrived.is_empty() {
                search.complete = false;
            }
            for st in arrived {
                search.add(st, [0; 12], None);
            }
        }
    }

    /// Follows every option offered at state `i`, adding the states they
    /// lead to; marks the state stuck when nothing is offered.
    fn expand(&self, i: u32, search: &mut Search, out: &mut Exploration) {
        let st = search.states[i as usize];
        let counts = search.heard[i as usize];
        let v = st.node as usize;
        let node = &self.s.nodes[v];
        if node.is_ending() {
            return;
        }
        let mut offered = false;
        let mut landed = Vec::new();
        for (k, o) in node.options.iter().enumerate() {
            if !self.all_hold(&o.when, &st) {
                continue;
            }
            offered = true;
            out.option_holds[v][k] = true;
            out.option_lines[v][k] |= 1u64 << st.line.min(63);
            let Some(target) = self
                .targets
                .get(self.first_target[v] + k)
                .copied()
                .flatten()
            else {
                continue;
            };
            let (next, next_counts) = self.take(st, counts, o);
            landed.clear();
            match self.land(next, target, out, &mut landed) {
                Landing::At => {}
                Landing::Nowhere => continue,
                Landing::Lost => {
                    search.complete = false;
                    continue;
                }
            };
            let parent = Parent {
                state: i,
                node: v as u32,
                option: k as u16,
            };
            for &landed in &landed {
                match search.add(landed, next_counts, Some(parent)) {
                    Some(j) => search.edges.push((i, j)),
                    None => search.complete = false,
                }
            }
        }
        if !offered {
            search.stuck.push(i);
        }
    }

    /// The state and roadblock counts just after saying `o` at `st`, before
    /// its target is entered: the trust change priced as the engine does,
    /// the layers it unlocks and the node left behind marked visited.
    fn take(&self, st: State, counts: Heard, o: &Choice) -> (State, Heard) {
        let earlier = o
            .roadblock()
            .map_or(0, |r| u32::from(counts[roadblock_slot(r)]));
        let previous_loss = i32::from(st.loss);
        let delta = trust_delta(self.s, o, i32::from(st.trust), earlier, previous_loss, drop);
        let before = i32::from(st.trust);
        let trust = clamp_trust(before + delta);
        let mut next = st;
        next.trust = trust as i8;
        next.loss = if self.repairs {
            (before - trust).max(0) as i8
        } else {
            0
        };
        self.unlock(trust, &mut next.layers);
        let mut next_counts = counts;
        if let Some(r) = o.roadblock() {
            let slot = roadblock_slot(r);
            if self.priced[slot] {
                next_counts[slot] = (next_counts[slot] + 1).min(MAX_REPEATS);
            }
        }
        self.visit(&mut next, st.node as usize);
        (next, next_counts)
    }

    /// Enters `target` from `next`, pushing where it lands onto `into`
    /// (empty); when trust fell below the floor short of an ending, the
    /// peer withdraws instead.
    fn land(
        &self,
        next: State,
        target: usize,
        out: &mut Exploration,
        into: &mut Vec<State>,
    ) -> Landing {
        self.enter(next, target, out, into);
        let Some(first) = into.first() else {
            return Landing::Lost;
        };
        // Every state in `into` stands at the same node.
        if i32::from(next.trust) < self.floor && !self.s.nodes[first.node as usize].is_ending() {
            into.clear();
            let Some(w) = self.withdraw else {
                return Landing::Nowhere;
            };
            self.enter(next, w, out, into);
            if into.is_empty() {
                return Landing::Lost;
            }
        }
        Landing::At
    }
}

/// Where following an option ends up.
enum Landing {
    /// At a decision or ending, one state per line the engine may pick.
    At,
    /// Withdrawal was due but the scenario has no withdraw node: not followed.
    Nowhere,
    /// The branches gave no way on or went round: the search is incomplete.
    Lost,
}

/// The states found so far and how they connect.
struct Search {
    /// State to its index.
    ids: HashMap<State, u32>,
    states: Vec<State>,
    /// Per state: roadblock repeats heard on the way there.
    heard: Vec<Heard>,
    /// Per state: how it was first reached (`None` for a start).
    parents: Vec<Option<Parent>>,
    /// (from, to) state indices, one per option followed.
    edges: Vec<(u32, u32)>,
    /// States with no option on offer, in the order found.
    stuck: Vec<u32>,
    /// States not yet expanded.
    queue: VecDeque<u32>,
    /// False once something could not be followed or the bound was hit.
    complete: bool,
}

impl Search {
    /// A search of a scenario with `nodes` nodes.
    fn new(nodes: usize) -> Self {
        Self {
            // Room at once for about as many states as the file will
            // reach: growing the table rehashed every state several times
            // on a large file.
            ids: HashMap::with_capacity(nodes.saturating_mul(16).min(MAX_STATES + 1)),
            states: Vec::new(),
            heard: Vec::new(),
            parents: Vec::new(),
            edges: Vec::new(),
            stuck: Vec::new(),
            queue: VecDeque::new(),
            complete: true,
        }
    }

    /// The index of `st`, queueing it when new; `None` when the bound is hit.
    fn add(&mut self, st: State, counts: Heard, parent: Option<Parent>) -> Option<u32> {
        if let Some(&i) = self.ids.get(&st) {
            return Some(i);
        }
        if self.states.len() >= MAX_STATES {
            return None;
        }
        let i = self.states.len() as u32;
        self.ids.insert(st, i);
        self.states.push(st);
        self.heard.push(counts);
        self.parents.push(parent);
        self.queue.push_back(i);
        Some(i)
    }

    /// State `i` with the choices that first led there.
    fn witness(&self, s: &Scenario, i: u32) -> Witness {
        let st = self.states[i as usize];
        let mut path = Vec::new();
        let mut at = self.parents[i as usize];
        while let Some(p) = at {
            let node = &s.nodes[p.node as usize];
            path.push((node.id.clone(), node.options[p.option as usize].id.clone()));
            at = self.parents[p.state as usize];
        }
        path.reverse();
        let layers = s
            .layers
            .iter()
            .enumerate()
            .filter(|(k, _)| st.layers & (1u64 << k) != 0)
            .map(|(_, l)| l.id.clone())
            .collect();
        Witness {
            node: st.node as usize,
            trust: i32::from(st.trust),
            layers,
            path,
        }
    }

    /// A witness for the first of `states` at each node, in the given order.
    fn first_per_node(&self, s: &Scenario, states: impl Iterator<Item = u32>) -> Vec<Witness> {
        let mut reported = vec![false; s.nodes.len()];
        let mut found = Vec::new();
        for i in states {
            let v = self.states[i as usize].node as usize;
            if !reported[v] {
                reported[v] = true;
                found.push(self.witness(s, i));
            }
        }
        found
    }

    /// Per state: an ending or a stuck state can be reached from it. Only
    /// meaningful when the search is complete.
    fn can_leave(&self, s: &Scenario) -> Vec<bool> {
        let n = self.states.len();
        let (pred_start, pred) = self.predecessors();
        let mut out_of_loop = vec![false; n];
        let mut queue: Vec<u32> = (0..n as u32)
            .filter(|&i| s.nodes[self.states[i as usize].node as usize].is_ending())
            .chain(self.stuck.iter().copied())
            .collect();
        for &i in &queue {
            out_of_loop[i as usize] = true;
        }
        while let Some(j) = queue.pop() {
            for &i in &pred[pred_start[j as usize]..pred_start[j as usize + 1]] {
                if !out_of_loop[i as usize] {
                    out_of_loop[i as usize] = true;
                    queue.push(i);
                }
            }
        }
        out_of_loop
    }

    /// The edges reversed, grouped by target: the predecessors of state `j`
    /// are `pred[pred_start[j]..pred_start[j + 1]]`.
    fn predecessors(&self) -> (Vec<usize>, Vec<u32>) {
        let n = self.states.len();
        let mut pred_start = vec![0usize; n + 1];
        for &(_, j) in &self.edges {
            pred_start[j as usize + 1] += 1;
        }
        for k in 0..n {
            pred_start[k + 1] += pred_start[k];
        }
        let mut fill = pred_start.clone();
        let mut pred = vec![0u32; self.edges.len()];
        for &(i, j) in &self.edges {
            pred[fill[j as usize]] = i;
            fill[j as usize] += 1;
        }
        (pred_start, pred)
    }
}

impl Exploration {
    /// Nothing found yet, with a slot for every layer, node, option and route.
    fn blank(s: &Scenario) -> Self {
        Exploration {
            layer_reached: vec![false; s.layers.len()],
            layer_disclosed: vec![false; s.layers.len()],
            node_seen: vec![false; s.nodes.len()],
            option_holds: s
                .nodes
                .iter()
                .map(|n| vec![false; n.options.len()])
                .collect(),
            route_holds: s
                .nodes
                .iter()
                .map(|n| vec![false; n.routes.len()])
                .collect(),
            line_shown: s.nodes.iter().map(|n| vec![false; n.lines.len()]).collect(),
            option_lines: s.nodes.iter().map(|n| vec![0; n.options.len()]).collect(),
            ..Exploration::default()
        }
    }

    /// Records the nodes, layers and trust range of the states found.
    fn summarise(&mut self, states: &[State]) {
        for st in states {
            self.node_seen[st.node as usize] = true;
            if let Some(shown) = self.line_shown[st.node as usize].get_mut(usize::from(st.line)) {
                *shown = true;
            }
            for (i, reached) in self.layer_reached.iter_mut().enumerate() {
                *reached |= st.layers & (1u64 << i) != 0;
            }
            for (i, said) in self.layer_disclosed.iter_mut().enumerate() {
                *said |= st.disclosed & (1u64 << i) != 0;
            }
            let t = i32::from(st.trust);
            self.trust_range = Some(
                self.trust_range
                    .map_or((t, t), |(lo, hi)| (lo.min(t), hi.max(t))),
            );
        }
    }
}

/// Nodes some condition asks whether they were visited, each with its bit.
fn watched_nodes(s: &Scenario, g: &Graph) -> HashMap<usize, u32> {
    let mut watched = HashMap::new();
    for n in &s.nodes {
        let conditions = n
            .lines
            .iter()
            .flat_map(|l| &l.when)
            .chain(n.options.iter().flat_map(|o| &o.when))
            .chain(n.routes.iter().flat_map(|r| &r.when));
        for c in conditions {
            if let Condition::Visited(id) | Condition::NotVisited(id) = c
                && let Some(i) = g.index(id)
            {
                let next = watched.len() as u32;
                watched.entry(i).or_insert(next);
            }
        }
    }
    watched
}

/// Explores the scenario. The graph must come from the same scenario.
pub fn explore(s: &Scenario, g: &Graph) -> Exploration {
    let mut out = Exploration::blank(s);
    let Some(start) = g.start else {
        return out;
    };
    let watched = watched_nodes(s, g);
    if watched.len() > MAX_TRACKED || s.layers.len() > MAX_TRACKED {
        return out;
    }
    let ex = Explorer::new(s, g, watched);
    let mut search = Search::new(s.nodes.len());
    ex.seed(start, &mut search, &mut out);
    while let Some(i) = search.queue.pop_front() {
        ex.expand(i, &mut search, &mut out);
    }
    out.summarise(&search.states);
    out.presumed = presumptions(s, &ex, &search);
    out.soft_locks = search.first_per_node(s, search.stuck.iter().copied());
    if search.complete {
        // States from which neither an ending nor a stuck state can be
        // reached go round for ever.
        let out_of_loop = search.can_leave(s);
        let endless = (0..search.states.len() as u32).filter(|&i| !out_of_loop[i as usize]);
        out.endless = search.first_per_node(s, endless);
    }
    out.states = search.states.len();
    out.complete = search.complete;
    debug_assert!(
        out.trust_range
            .is_none_or(|(lo, hi)| lo >= TRUST_MIN && hi <= TRUST_MAX)
    );
    out
}

/// Lines, options and `opened_up` endings shown in a state where a layer
/// they presume was not yet disclosed: the first state found for each.
fn presumptions(s: &Scenario, ex: &Explorer, search: &Search) -> Vec<Presumed> {
    let mut found: Vec<Presumed> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut report = |item: Presumer, layer: &str, i: u32, node: usize| {
        if seen.insert((node, item, layer.to_string())) {
            found.push(Presumed {
                item,
                layer: layer.to_string(),
                witness: search.witness(s, i),
            });
        }
    };
    let said = |st: &State, layer: &str| ex.layer_bit(layer).is_none_or(|b| st.disclosed & b != 0);
    for (i, st) in search.states.iter().enumerate() {
        let v = st.node as usize;
        let node = &s.nodes[v];
        if let Some(line) = node.lines.get(usize::from(st.line)) {
            for layer in line.presumes.iter().filter(|l| !said(st, l)) {
                report(Presumer::Line(usize::from(st.line)), layer, i as u32, v);
            }
        }
        for (k, o) in node.options.iter().enumerate() {
            if o.presumes.is_empty() || !ex.all_hold(&o.when, st) {
                continue;
            }
            for layer in o.presumes.iter().filter(|l| !said(st, l)) {
                report(Presumer::Option(k), layer, i as u32, v);
            }
        }
        let opened_up = node
            .ending
            .as_ref()
            .is_some_and(|e| e.kind == EndingKind::OpenedUp);
        if opened_up && !s.layers.is_empty() && st.disclosed == 0 {
            report(Presumer::OpenedUp, "", i as u32, v);
        }
    }
    found
}
