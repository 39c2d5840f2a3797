//! The severity-scale lints: every authored trust change sits in its
//! rating's range, and so does the change the peer model actually makes
//! after its multipliers, so that no `poor` option can cost more than a
//! `harmful` one (docs/authoring.md, 5.5).

use std::collections::BTreeMap;

use super::validate::Reporter;
use crate::engine::peer::trust_change;
use crate::scenario::diagnostic::Severity;
use crate::scenario::scale::{authored, effective};
use crate::scenario::{Choice, Scenario};
use crate::text::count;

/// Earlier uses of the same roadblock tried for the effective change: the
/// fourth use (2.5×) is far past every cap already.
const REPEATS_TRIED: u32 = 3;
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
            } else if let Some((delta, case)) = out_of_range_effect(s, o) {
                let at = r.option_at(&node.id, &o.id);
                r.push(
                    at,
                    Severity::Warning,
                    "effective-out-of-range",
                    format!(
                        "option \"{}\" is rated {} but can change trust by {delta:+} {case}; {} options must stay within {}",
                        o.id,
                        o.rating.label(),
                        o.rating.label(),
                        range_text(&effective(o.rating))
                    ),
                    Some(
                        "the engine caps losses by rating, so this means the peer model's arithmetic changed; see docs/authoring.md, 5.5"
                            .into(),
                    ),
                );
            }
        }
    }
}

/// The first change outside the rating's effective range that the peer
/// model's multipliers can make for this option, with the case that makes
/// it: the persona as written and each number of earlier uses of its
/// roadblock. A repair's recovery is left out: it wins back an earlier
/// loss and is not the option's own cost. With the engine's cap this
/// holds for every authored value in range; the lint guards the
/// arithmetic.
fn out_of_range_effect(s: &Scenario, o: &Choice) -> Option<(i32, String)> {
    let range = effective(o.rating);
    let repeats = if o.roadblock().is_some() {
        REPEATS_TRIED
    } else {
        0
    };
    for earlier in 0..=repeats {
        let mut used = BTreeMap::new();
        if let Some(rb) = o.roadblock().filter(|_| earlier > 0) {
            used.insert(rb, earlier);
        }
        let delta = trust_change(s, o, PROBE_TRUST, &used, 0).delta;
        if !range.contains(&delta) {
            let case = if earlier == 0 {
                "as written".to_string()
            } else {
                format!(
                    "when its roadblock was used {} before",
                    count(earlier as usize, "time")
                )
            };
            return Some((delta, case));
        }
    }
    None
}
