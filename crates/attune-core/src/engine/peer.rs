//! The peer model's arithmetic: how an option's authored trust effect becomes
//! an actual change, given what the peer has heard before.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::scenario::scale::max_loss;
use crate::scenario::{Choice, Rating, Scenario, TRUST_MAX, TRUST_MIN};
use crate::skills::Roadblock;

/// A loss from a roadblock the persona is sensitive to is multiplied by this.
pub const SENSITIVITY_FACTOR: f64 = 1.5;
/// Each earlier use of the same roadblock kind adds this much to the loss
/// multiplier: the second costs 1.5×, the third 2×.
pub const REPEAT_STEP: f64 = 0.5;
/// A repair recovers this share of the previous turn's loss.
pub const REPAIR_SHARE: f64 = 0.5;
/// The mood of the day shifts starting trust by at most this much.
pub const MOOD_RANGE: i32 = 5;
/// Headroom: within this many points of [`TRUST_MAX`] a gain shrinks in
/// proportion to the room left, so the last decisions still move trust.
pub const HEADROOM: i32 = 30;

/// Why the actual trust change differs from the authored one. The debrief
/// explains each of these to the learner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Adjustment {
    /// The persona is especially sensitive to this roadblock.
    Sensitive { roadblock: Roadblock, extra: i32 },
    /// The same roadblock again: it costs more than the first time.
    Repeated {
        roadblock: Roadblock,
        earlier: u32,
        extra: i32,
    },
    /// The multiplied loss went past the most an option of this rating
    /// may cost (the library's severity scale), so it was held there:
    /// `capped` (a positive number) instead of `full`.
    Capped {
        rating: Rating,
        full: i32,
        capped: i32,
    },
    /// Acknowledging a misstep won back some of the previous turn's loss.
    Repair { recovered: i32 },
    /// Trust was near (or at) its top, so a gain was shrunk: `gained` of
    /// the `full` change. The choice was as good as its rating says.
    NearTop { full: i32, gained: i32 },
}

impl Adjustment {
    /// One sentence for the debrief.
    pub fn describe(&self, persona: &str) -> String {
        match self {
            Adjustment::Sensitive { roadblock, extra } => format!(
                "{persona} is especially sensitive to {}: it cost {} more trust.",
                roadblock.label(),
                extra.abs()
            ),
            Adjustment::Repeated {
                roadblock,
                earlier,
                extra,
            } => format!(
                "{} again ({} time{} before): repeated roadblocks cost more, {} extra.",
                capitalise(roadblock.label()),
                earlier,
                if *earlier == 1 { "" } else { "s" },
                extra.abs()
            ),
            Adjustment::Capped {
                rating,
                full,
                capped,
            } => format!(
                "A {} choice never costs more than {capped} trust; this one would have cost {}.",
                rating.label(),
                full.abs()
            ),
            Adjustment::Repair { recovered } => {
                format!("Acknowledging the earlier misstep won back {recovered} trust.")
            }
            Adjustment::NearTop { full, gained: 0 } => format!(
                "Trust is at its top, so this could not raise it further \
                 (it would have added {full}); the choice still counts as rated."
            ),
            Adjustment::NearTop { full, gained } => format!(
                "Trust is near its top, where gains shrink: this added {gained} \
                 instead of {full}; the choice still counts as rated."
            ),
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The actual change an option makes, with the reasons.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustChange {
    pub delta: i32,
    pub adjustments: Vec<Adjustment>,
}

/// Applies the peer model to one option at trust `trust`.
///
/// `roadblocks` counts earlier uses of each roadblock kind; `previous_loss`
/// is how much the previous turn lost (positive number), if it lost any.
/// A loss is held at its rating's cap ([`max_loss`]) after the
/// multipliers and before repair; a positive change then passes through
/// [`headroom`].
pub fn trust_change(
    scenario: &Scenario,
    choice: &Choice,
    trust: i32,
    roadblocks: &BTreeMap<Roadblock, u32>,
    previous_loss: i32,
) -> TrustChange {
    let earlier = choice
        .roadblock()
        .and_then(|rb| roadblocks.get(&rb).copied())
        .unwrap_or(0);
    let mut adjustments = Vec::new();
    let delta = trust_delta(scenario, choice, trust, earlier, previous_loss, |a| {
        adjustments.push(a)
    });
    TrustChange { delta, adjustments }
}

/// The change alone, as [`trust_change`] works it out, for the checks
/// that follow tens of thousands of states and need no reasons.
/// `earlier` counts earlier uses of the option's own roadblock kind;
/// `note` hears each adjustment as it is made.
pub fn trust_delta(
    scenario: &Scenario,
    choice: &Choice,
    trust: i32,
    earlier: u32,
    previous_loss: i32,
    mut note: impl FnMut(Adjustment),
) -> i32 {
    let base = choice.base_trust();
    let mut delta = base;
    if base < 0
        && let Some(rb) = choice.roadblock()
    {
        let mut factor = 1.0;
        if scenario.persona.sensitive_to.contains(&rb) {
            factor *= SENSITIVITY_FACTOR;
            let extra = scale(base, SENSITIVITY_FACTOR) - base;
            note(Adjustment::Sensitive {
                roadblock: rb,
                extra,
            });
        }
        if earlier > 0 {
            let repeat = 1.0 + REPEAT_STEP * f64::from(earlier);
            let before = scale(base, factor);
            factor *= repeat;
            note(Adjustment::Repeated {
                roadblock: rb,
                earlier,
                extra: scale(base, factor) - before,
            });
        }
        delta = scale(base, factor);
    }
    if let Some(cap) = max_loss(choice.rating)
        && delta < -cap
    {
        note(Adjustment::Capped {
            rating: choice.rating,
            full: delta,
            capped: cap,
        });
        delta = -cap;
    }
    if choice.is_repair() && previous_loss > 0 {
        let recovered = scale(previous_loss, REPAIR_SHARE);
        if recovered > 0 {
            delta += recovered;
            note(Adjustment::Repair { recovered });
        }
    }
    if delta > 0 {
        let gained = headroom(trust, delta);
        if gained < delta {
            note(Adjustment::NearTop {
                full: delta,
                gained,
            });
            delta = gained;
        }
    }
    delta
}

/// The part of a positive change `gain` that trust `trust` takes.
///
/// With `room = TRUST_MAX - trust`: when `room >= HEADROOM` the gain counts
/// in full (capped at the room); closer to the top it is scaled by
/// `room / HEADROOM`, rounded, but never below 1 while there is room, so a
/// good choice always shows. At the top nothing is gained. Losses never
/// pass through here.
pub fn headroom(trust: i32, gain: i32) -> i32 {
    let room = (TRUST_MAX - trust).max(0);
    if gain <= 0 {
        return gain;
    }
    if room == 0 {
        return 0;
    }
    if room >= HEADROOM {
        return gain.min(room);
    }
    let scaled = (f64::from(gain) * f64::from(room) / f64::from(HEADROOM)).round() as i32;
    scaled.clamp(1, room)
}

fn scale(value: i32, factor: f64) -> i32 {
    (f64::from(value) * factor).round() as i32
}

pub fn clamp_trust(t: i32) -> i32 {
    t.clamp(TRUST_MIN, TRUST_MAX)
}
