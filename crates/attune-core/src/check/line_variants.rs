//! A warning for line variants that tie by accident.
//!
//! The engine shows the most specific variant that fits, counting a
//! variant's `bands` and its `when` as one step each. A variant with only
//! `when` and one with only `bands` are therefore equally specific: when
//! both fit, the seed picks between them, though the author almost always
//! meant one of them to win.

use crate::scenario::diagnostic::Severity;
use crate::scenario::source_map::SourceMap;
use crate::scenario::{Line, Scenario};

use super::validate::Reporter;

/// One warning per node with a `when`-only variant beside a `bands`-only
/// one (a variant without bands fits every band, so they can both fit),
/// unless a variant with the same `when` and those bands settles it.
/// Placed at the node's id.
pub fn lint(path: &str, s: &Scenario, map: &SourceMap) -> Vec<crate::scenario::Diagnostic> {
    let mut r = Reporter::new(path, map);
    for node in &s.nodes {
        let lines = &node.lines;
        // A variant with both the `when` and (at least) the bands settles
        // the tie wherever the two overlap.
        let settled = |w: &Line, b: &Line| {
            lines.iter().any(|v| {
                v.when == w.when
                    && !v.bands.is_empty()
                    && b.bands.iter().all(|x| v.bands.contains(x))
            })
        };
        let tie = lines.iter().enumerate().find_map(|(wi, w)| {
            if w.when.is_empty() || !w.bands.is_empty() {
                return None;
            }
            lines.iter().enumerate().find_map(|(bi, b)| {
                (b.when.is_empty() && !b.bands.is_empty() && !settled(w, b)).then_some((wi, bi))
            })
        });
        let Some((w, b)) = tie else {
            continue;
        };
        let at = r.node_at(&node.id);
        r.push(
            at,
            Severity::Warning,
            "tied-line-variants",
            format!(
                "in node \"{}\", line variant {} has only `when` and variant {} only `bands`: \
                 where both fit they count as equally specific, so the seed picks between them",
                node.id,
                w + 1,
                b + 1
            ),
            Some(
                "give the `when` variant the bands it suits as well (or the `bands` variant a \
                 `when`), so that the one you mean is more specific and always wins"
                    .into(),
            ),
        );
    }
    r.out
}
