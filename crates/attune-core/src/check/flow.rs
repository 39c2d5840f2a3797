//! Checks on how a conversation can run, not only on how it is written:
//! loops it cannot leave, decisions that can offer nothing, conditions that
//! never hold and layers never reached.
//!
//! Run only on a scenario without structure errors, so every `goto` exists.

use super::explore::{Exploration, MAX_STATES, Witness, explore};
use super::validate::Reporter;
use crate::scenario::diagnostic::{Diagnostic, Severity};
use crate::scenario::graph::Graph;
use crate::scenario::source_map::{EntryKind, SourceMap};
use crate::scenario::{Condition, Node, Scenario, TRUST_MAX, TRUST_MIN};

/// A path in a message shows at most this many choices, the last ones.
const SHOWN_STEPS: usize = 6;

/// The flow checks; `g` is the graph of `s`.
pub fn check(path: &str, s: &Scenario, g: &Graph, map: &SourceMap) -> Vec<Diagnostic> {
    let mut r = Reporter::new(path, map);
    let looped = static_loops(&mut r, s, g);
    let ex = explore(s, g);
    soft_locks(&mut r, s, &ex);
    if !looped && let Some(w) = ex.endless.first() {
        let id = &s.nodes[w.node].id;
        let at = r.node_at(id);
        r.push(
            at,
            Severity::Error,
            "endless-loop",
            format!(
                "once the talk reaches \"{id}\" {}, it can never reach an ending: every way out is closed by its conditions",
                reached_by(w)
            ),
            Some("open a way out of the loop: an option whose conditions can hold there, leading towards an ending".into()),
        );
    }
    super::disclosure::never_disclosed(&mut r, s, &ex);
    super::disclosure::presumed(&mut r, s, &ex);
    super::mentions::check(&mut r, s, g, &ex);
    if ex.complete {
        never_holds(&mut r, s, &ex);
        never_reached_layers(&mut r, s, &ex);
    } else if ex.states >= MAX_STATES {
        // About the file as a whole, so placed at its top, like other
        // file-level diagnostics. Large generated files get this warning,
        // and a place inside would cost a scan of the whole file.
        r.push(
            None,
            Severity::Warning,
            "too-many-states",
            format!(
                "the scenario has more than {MAX_STATES} reachable states; soft-locks, loops and conditions were checked only for the first {MAX_STATES}"
            ),
            Some("split very large scenarios, or accept that these checks are partial".into()),
        );
    }
    r.out
}

/// How a witness state is reached, for a message.
pub(super) fn reached_by(w: &Witness) -> String {
    let mut out = format!("with trust {}", w.trust);
    if !w.layers.is_empty() {
        out.push_str(&format!(" and layers {} ready", quoted(&w.layers)));
    }
    if w.path.is_empty() {
        out.push_str(" at the start");
        return out;
    }
    let skip = w.path.len().saturating_sub(SHOWN_STEPS);
    let steps: Vec<String> = w.path[skip..]
        .iter()
        .map(|(node, option)| format!("{node}.{option}"))
        .collect();
    out.push_str(&format!(
        " after choosing {}{}",
        if skip > 0 { "…, " } else { "" },
        steps.join(", ")
    ));
    out
}

fn quoted(items: &[String]) -> String {
    let list: Vec<String> = items.iter().map(|i| format!("\"{i}\"")).collect();
    list.join(", ")
}

/// Loops whose nodes cannot reach any ending whatever is chosen. Returns
/// true when one was reported.
fn static_loops(r: &mut Reporter, s: &Scenario, g: &Graph) -> bool {
    let exits = g.reaches_ending();
    let reachable = g.reachable();
    let mut found = false;
    for component in g.components() {
        if !g.is_loop(&component) || exits[component[0]] || !reachable[component[0]] {
            continue;
        }
        let mut members = component.clone();
        members.sort_unstable();
        let first = &s.nodes[members[0]].id;
        let names: Vec<String> = members
            .iter()
            .take(5)
            .map(|&i| s.nodes[i].id.clone())
            .collect();
        let more = if members.len() > 5 { ", …" } else { "" };
        let at = r.node_at(first);
        r.push(
            at,
            Severity::Error,
            "endless-loop",
            format!(
                "the conversation can enter a loop it can never leave: {}{more} lead only to each other, never to an ending",
                quoted(&names)
            ),
            Some("give an option in the loop a `goto` that leads towards an ending".into()),
        );
        found = true;
    }
    found
}

fn soft_locks(r: &mut Reporter, s: &Scenario, ex: &Exploration) {
    for w in &ex.soft_locks {
        let id = &s.nodes[w.node].id;
        let at = r.node_at(id);
        r.push(
            at,
            Severity::Error,
            "soft-lock",
            format!(
                "decision \"{id}\" can be reached with no option on offer ({}): every option's `when` fails and the learner is stuck",
                reached_by(w)
            ),
            Some("keep one option without `when`, or make the conditions cover every case".into()),
        );
    }
}

/// Options and routes whose conditions hold at no reachable visit. Only
/// for nodes the exploration reached; unreachable ones are errors anyway.
fn never_holds(r: &mut Reporter, s: &Scenario, ex: &Exploration) {
    for (v, node) in s.nodes.iter().enumerate() {
        if !ex.node_seen[v] {
            continue;
        }
        for (k, o) in node.options.iter().enumerate() {
            if o.when.is_empty() || ex.option_holds[v][k] || statically_impossible(&o.when) {
                continue;
            }
            let at = r.option_field_at(&node.id, &o.id, "when");
            r.push(
                at,
                Severity::Warning,
                "impossible-condition",
                format!(
                    "option \"{}\" of \"{}\" is never offered: its conditions ({}) hold in no reachable state",
                    o.id,
                    node.id,
                    describe(&o.when)
                ),
                Some(trust_hint(ex)),
            );
        }
        for (k, route) in node.routes.iter().enumerate() {
            if route.when.is_empty() || ex.route_holds[v][k] || statically_impossible(&route.when) {
                continue;
            }
            let at = r.map.node_range(&node.id, 0).and_then(|range| {
                r.map
                    .find_in(range, EntryKind::Field, &["nodes", "routes"], "when", None)
            });
            let at = nth_route_when(r, &node.id, node, k).or(at);
            r.push(
                at,
                Severity::Warning,
                "impossible-condition",
                format!(
                    "route {} of branch \"{}\" is never taken: its conditions ({}) hold in no reachable state",
                    k + 1,
                    node.id,
                    describe(&route.when)
                ),
                Some(trust_hint(ex)),
            );
        }
    }
}

/// True when a trust comparison alone can never hold; the validator has
/// already said so at the comparison itself.
fn statically_impossible(cs: &[Condition]) -> bool {
    cs.iter().any(|c| match c {
        Condition::TrustAtLeast(t) => *t > TRUST_MAX,
        Condition::TrustBelow(t) => *t <= TRUST_MIN,
        _ => false,
    })
}

/// Where the `when` of the `k`th route of a branch is written.
fn nth_route_when(r: &Reporter, id: &str, node: &Node, k: usize) -> Option<usize> {
    let range = r.map.node_range(id, 0)?;
    // Count `when` fields of routes before this one that have conditions.
    let before = node.routes[..k]
        .iter()
        .filter(|r| !r.when.is_empty())
        .count();
    r.map.entries()[range.clone()]
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.kind == EntryKind::Field && e.key == "when" && r.map.fields(e) == ["nodes", "routes"]
        })
        .nth(before)
        .map(|(i, _)| range.start + i)
}

fn trust_hint(ex: &Exploration) -> String {
    match ex.trust_range {
        Some((lo, hi)) => format!(
            "trust can only range from {lo} to {hi} in this scenario; check the thresholds, layers and visited nodes the conditions name"
        ),
        None => "check the thresholds, layers and visited nodes the conditions name".into(),
    }
}

fn describe(cs: &[Condition]) -> String {
    let parts: Vec<String> = cs
        .iter()
        .map(|c| match c {
            Condition::TrustAtLeast(t) => format!("trust_at_least({t})"),
            Condition::TrustBelow(t) => format!("trust_below({t})"),
            Condition::LayerReached(l) => format!("layer_reached(\"{l}\")"),
            Condition::LayerNotReached(l) => format!("layer_not_reached(\"{l}\")"),
            Condition::Disclosed(l) => format!("disclosed(\"{l}\")"),
            Condition::NotDisclosed(l) => format!("not_disclosed(\"{l}\")"),
            Condition::Visited(n) => format!("visited(\"{n}\")"),
            Condition::NotVisited(n) => format!("not_visited(\"{n}\")"),
        })
        .collect();
    parts.join(", ")
}

fn never_reached_layers(r: &mut Reporter, s: &Scenario, ex: &Exploration) {
    for (i, layer) in s.layers.iter().enumerate() {
        if ex.layer_reached[i] || !(TRUST_MIN..=TRUST_MAX).contains(&layer.threshold) {
            continue;
        }
        let at = r.map.find_str(&["layers"], "id", &layer.id, 0);
        let top = ex.trust_range.map_or(TRUST_MAX, |(_, hi)| hi);
        r.push(
            at,
            Severity::Warning,
            "layer-never-reached",
            format!(
                "layer \"{}\" needs trust {}, but trust never rises above {top} in this scenario, so nothing unlocks it",
                layer.id, layer.threshold
            ),
            Some("lower the threshold, or give the options on the way more trust".into()),
        );
    }
}
