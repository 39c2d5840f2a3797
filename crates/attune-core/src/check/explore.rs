//! Bounded exploration of the states a conversation can reach.
//!
//! A state is what decides what happens next: the node, the trust, the
//! layers reached, the nodes visited that some condition asks about, the
//! roadblocks heard so far and the last turn's loss (for repairs). Starting
//! from every mood of the day, every offered option is followed with the
//! engine's own peer model, until no new state appears or the bound is hit.
//! The validator uses the result to find soft-locks, loops that cannot be
//! left and conditions that never hold.

use std::collections::{BTreeMap, HashMap, VecDeque};

use crate::engine::peer::{MOOD_RANGE, clamp_trust, trust_change};
use crate::scenario::graph::Graph;
use crate::scenario::{Condition, Scenario, TRUST_MAX, TRUST_MIN};
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct State {
    /// A decision or an ending.
    node: u32,
    trust: i8,
    layers: u64,
    /// Bits of the watched nodes already visited.
    visited: u64,
    /// Trust lost on the turn that led here (only kept when repairs exist).
    loss: i8,
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
    /// Per node: the node was stood at or passed through.
    pub node_seen: Vec<bool>,
    /// Per node, per option: its conditions held at some visit.
    pub option_holds: Vec<Vec<bool>>,
    /// Per node, per route: its conditions held at some visit.
    pub route_holds: Vec<Vec<bool>>,
    /// Decisions reached with no option on offer, each with a witness.
    pub soft_locks: Vec<Witness>,
    /// Decisions from which, once reached this way, no ending can be
    /// reached and nothing gets stuck: the talk goes round for ever.
    /// Only filled when the exploration is complete.
    pub endless: Vec<Witness>,
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

    /// Follows branches from `target`; records which routes could be taken.
    /// `None` when no route holds or the branches go round.
    fn enter(&self, mut st: State, target: usize, out: &mut Exploration) -> Option<State> {
        let mut id = target;
        for _ in 0..=MAX_ROUTE_HOPS {
            let node = &self.s.nodes[id];
            out.node_seen[id] = true;
            if !node.is_branch() {
                st.node = id as u32;
                return Some(st);
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
            id = next?;
        }
        None
    }
}

/// Explores the scenario. The graph must come from the same scenario.
pub fn explore(s: &Scenario, g: &Graph) -> Exploration {
    let mut out = Exploration {
        layer_reached: vec![false; s.layers.len()],
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
        ..Exploration::default()
    };
    let Some(start) = g.start else {
        return out;
    };
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
    if watched.len() > MAX_TRACKED || s.layers.len() > MAX_TRACKED {
        return out;
    }
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
    let ex = Explorer {
        s,
        g,
        watched,
        priced,
        repairs,
        floor: s.withdrawal_floor,
        withdraw: g.index(&s.on_withdraw),
    };

    let mut ids: HashMap<State, u32> = HashMap::new();
    let mut states: Vec<State> = Vec::new();
    let mut heard: Vec<Heard> = Vec::new();
    let mut parents: Vec<Option<Parent>> = Vec::new();
    let mut edges: Vec<(u32, u32)> = Vec::new();
    let mut stuck: Vec<u32> = Vec::new();
    let mut queue = VecDeque::new();
    let mut complete = true;

    let mut add = |st: State,
                   counts: Heard,
                   parent: Option<Parent>,
                   ids: &mut HashMap<State, u32>,
                   states: &mut Vec<State>,
                   heard: &mut Vec<Heard>,
                   queue: &mut VecDeque<u32>|
     -> Option<u32> {
        if let Some(&i) = ids.get(&st) {
            return Some(i);
        }
        if states.len() >= MAX_STATES {
            return None;
        }
        let i = states.len() as u32;
        ids.insert(st, i);
        states.push(st);
        heard.push(counts);
        parents.push(parent);
        queue.push_back(i);
        Some(i)
    };

    for mood in -MOOD_RANGE..=MOOD_RANGE {
        let trust = clamp_trust(s.initial_trust + mood);
        let mut st = State {
            node: 0,
            trust: trust as i8,
            layers: 0,
            visited: 0,
            loss: 0,
        };
        ex.unlock(trust, &mut st.layers);
        match ex.enter(st, start, &mut out) {
            Some(st) => {
                add(
                    st,
                    [0; 12],
                    None,
                    &mut ids,
                    &mut states,
                    &mut heard,
                    &mut queue,
                );
            }
            None => complete = false,
        }
    }

    while let Some(i) = queue.pop_front() {
        let st = states[i as usize];
        let counts = heard[i as usize];
        let v = st.node as usize;
        let node = &s.nodes[v];
        if node.is_ending() {
            continue;
        }
        let mut offered = false;
        for (k, o) in node.options.iter().enumerate() {
            if !ex.all_hold(&o.when, &st) {
                continue;
            }
            offered = true;
            out.option_holds[v][k] = true;
            let Some(target) = g.index(&o.goto) else {
                continue;
            };
            let mut earlier = BTreeMap::new();
            if let Some(r) = o.roadblock() {
                earlier.insert(r, u32::from(counts[roadblock_slot(r)]));
            }
            let previous_loss = i32::from(st.loss);
            let change = trust_change(s, o, &earlier, previous_loss);
            let before = i32::from(st.trust);
            let trust = clamp_trust(before + change.delta);
            let mut next = st;
            next.trust = trust as i8;
            next.loss = if ex.repairs {
                (before - trust).max(0) as i8
            } else {
                0
            };
            ex.unlock(trust, &mut next.layers);
            let mut next_counts = counts;
            if let Some(r) = o.roadblock() {
                let slot = roadblock_slot(r);
                if ex.priced[slot] {
                    next_counts[slot] = (next_counts[slot] + 1).min(MAX_REPEATS);
                }
            }
            ex.visit(&mut next, v);
            let Some(mut landed) = ex.enter(next, target, &mut out) else {
                complete = false;
                continue;
            };
            if trust < ex.floor && !s.nodes[landed.node as usize].is_ending() {
                let Some(w) = ex.withdraw else {
                    continue;
                };
                match ex.enter(next, w, &mut out) {
                    Some(st) => landed = st,
                    None => {
                        complete = false;
                        continue;
                    }
                }
            }
            let parent = Parent {
                state: i,
                node: v as u32,
                option: k as u16,
            };
            match add(
                landed,
                next_counts,
                Some(parent),
                &mut ids,
                &mut states,
                &mut heard,
                &mut queue,
            ) {
                Some(j) => edges.push((i, j)),
                None => complete = false,
            }
        }
        if !offered {
            stuck.push(i);
        }
    }

    for st in &states {
        out.node_seen[st.node as usize] = true;
        for (i, reached) in out.layer_reached.iter_mut().enumerate() {
            *reached |= st.layers & (1u64 << i) != 0;
        }
        let t = i32::from(st.trust);
        out.trust_range = Some(
            out.trust_range
                .map_or((t, t), |(lo, hi)| (lo.min(t), hi.max(t))),
        );
    }
    let witness = |i: u32| -> Witness {
        let st = states[i as usize];
        let mut path = Vec::new();
        let mut at = parents[i as usize];
        while let Some(p) = at {
            let node = &s.nodes[p.node as usize];
            path.push((node.id.clone(), node.options[p.option as usize].id.clone()));
            at = parents[p.state as usize];
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
    };
    // The first stuck state per node, in the order found (shortest paths).
    let mut reported = vec![false; s.nodes.len()];
    for &i in &stuck {
        let v = states[i as usize].node as usize;
        if !reported[v] {
            reported[v] = true;
            out.soft_locks.push(witness(i));
        }
    }
    if complete {
        // States from which neither an ending nor a stuck state can be
        // reached go round for ever.
        let n = states.len();
        let mut pred_start = vec![0usize; n + 1];
        for &(_, j) in &edges {
            pred_start[j as usize + 1] += 1;
        }
        for k in 0..n {
            pred_start[k + 1] += pred_start[k];
        }
        let mut fill = pred_start.clone();
        let mut pred = vec![0u32; edges.len()];
        for &(i, j) in &edges {
            pred[fill[j as usize]] = i;
            fill[j as usize] += 1;
        }
        let mut out_of_loop = vec![false; n];
        let mut queue: Vec<u32> = (0..n as u32)
            .filter(|&i| s.nodes[states[i as usize].node as usize].is_ending())
            .chain(stuck.iter().copied())
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
        let mut reported = vec![false; s.nodes.len()];
        for i in 0..n as u32 {
            let v = states[i as usize].node as usize;
            if !out_of_loop[i as usize] && !reported[v] {
                reported[v] = true;
                out.endless.push(witness(i));
            }
        }
    }
    out.states = states.len();
    out.complete = complete;
    debug_assert!(
        out.trust_range
            .is_none_or(|(lo, hi)| lo >= TRUST_MIN && hi <= TRUST_MAX)
    );
    out
}
