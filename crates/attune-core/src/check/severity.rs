//! The severity-scale lints: every authored trust change sits in its
//! rating's range, and so does the change the peer model actually makes
//! after its multipliers, so that no `poor` option can cost more than a
//! `harmful` one (docs/authoring.md, 5.5).

use std::collections::BTreeMap;

use super::validate::Reporter;
use crate::engine::peer::{Adjustment, trust_change};
use crate::scenario::diagnostic::Severity;
use crate::scenario::scale::{authored, effective};
use crate::scenario::{Choice, Scenario};

/// Trust at which effective changes are worked out: far enough from the
/// top that headroom does not shrink a gain.
const PROBE_TRUST: i32 = 50;

fn range_text(r: &std::ops::RangeInclusive<i32>) -> String {
    format!("{:+} to {:+}", r.start(), r.end())
}

pub(crate) fn lint(r: &mut Reporter, s: &Scenario) {
    for node in s.nodes.iter().filter(|n| !n.options.is_empty()) {
        for o in &node.options {
            let base = o.base_trust();
            let range = authored(o.rating);
            if !range.contains(&base) {
                let at = r.option_field_at(&node.id, &o.id, "effects");
                let at = at.or_else(|| r.option_at(&node.id, &o.id));
                r.push(
                    at,
                    Severity::Warning,
                    "trust-out-of-range",
                    format!(
                        "option \"{}\" is rated {} but changes trust by {base:+}; the library's scale puts {} options at {}",
                        o.id,
                        o.rating.label(),
                        o.rating.label(),
                        range_text(&range)
                    ),
                    Some(
                        "use a value in the range, or rate the option differently; the peer model adds persona and repeat costs itself"
                            .into(),
                    ),
                );
            } else if let Some(full) = out_of_range_effect(s, o) {
                let at = r.option_field_at(&node.id, &o.id, "effects");
                let at = at.or_else(|| r.option_at(&node.id, &o.id));
                let rb = o.roadblock().map_or("", |rb| rb.label());
                r.push(
                    at,
                    Severity::Warning,
                    "effective-out-of-range",
                    format!(
                        "option \"{}\" is rated {} and written {base:+}, but {} is sensitive to {rb}, so it would cost {} the first time, outside the {} range ({}): the engine holds it there and the sensitivity never shows",
                        o.id,
                        o.rating.label(),
                        s.persona.name,
                        full.abs(),
                        o.rating.label(),
                        range_text(&effective(o.rating))
                    ),
                    Some(format!(
                        "write a smaller loss (after the persona's 1.5 times it must stay within {}), or rate the option harmful if it is hostile",
                        range_text(&effective(o.rating))
                    )),
                );
            }
        }
    }
}

/// The multiplied change on first use, when the persona's sensitivity
/// takes it past the rating's cap: the engine then holds it at the cap,
/// so the sensitivity the author gave the persona never shows. Later
/// uses of the same roadblock may reach the cap; that is the learner's
/// doing and the cap is meant for it.
fn out_of_range_effect(s: &Scenario, o: &Choice) -> Option<i32> {
    let change = trust_change(s, o, PROBE_TRUST, &BTreeMap::new(), 0);
    change.adjustments.iter().find_map(|a| match a {
        Adjustment::Capped { full, .. } => Some(*full),
        _ => None,
    })
}
