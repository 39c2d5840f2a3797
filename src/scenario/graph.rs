//! Static shape of the dialogue graph, ignoring conditions: used by the
//! content lints and statistics.

use std::collections::HashMap;

use super::model::Scenario;
use super::validate::successors;

/// The most decisions on any path from the start, ignoring conditions.
///
/// Exact when the graph has no loops; a loop's back edge is not followed,
/// so a loop counts once. Iterative, so a very deep scenario cannot
/// overflow the stack.
pub fn longest_path_decisions(s: &Scenario) -> usize {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done(usize),
    }
    let mut marks: HashMap<&str, Mark> = HashMap::new();
    let mut stack: Vec<(&str, bool)> = vec![(s.start.as_str(), false)];
    while let Some((id, children_done)) = stack.pop() {
        let Some(node) = s.node(id) else {
            marks.insert(id, Mark::Done(0));
            continue;
        };
        if children_done {
            let best = successors(node)
                .filter_map(|n| match marks.get(n) {
                    Some(Mark::Done(v)) => Some(*v),
                    _ => None,
                })
                .max()
                .unwrap_or(0);
            let here = usize::from(!node.options.is_empty());
            marks.insert(id, Mark::Done(best + here));
            continue;
        }
        if marks.contains_key(id) {
            continue;
        }
        marks.insert(id, Mark::Open);
        stack.push((id, true));
        for next in successors(node) {
            if !marks.contains_key(next) {
                stack.push((next, false));
            }
        }
    }
    match marks.get(s.start.as_str()) {
        Some(Mark::Done(v)) => *v,
        _ => 0,
    }
}
