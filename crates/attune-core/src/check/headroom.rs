//! `best-path-tops-early`: on the path of best choices, trust should reach
//! its top only in the last three decisions. Once trust is at the top a
//! good choice cannot move it, so feedback goes flat exactly where it
//! matters most: near the end.
//!
//! The path is played by the engine (best option each time, as `attune
//! play --pick best`) on the moods of the day that start it highest,
//! lowest and in the middle; the first that tops early is reported.

use super::validate::Reporter;
use crate::engine::peer::{HEADROOM, MOOD_RANGE};
use crate::engine::{Conversation, Pick, play_up_to};
use crate::scenario::diagnostic::Severity;
use crate::scenario::{Scenario, TRUST_MAX};

/// Decisions at the end of the best path where trust may be at its top.
pub const TOP_WITHIN_LAST: usize = 3;
/// Longer best paths are not played (very large generated files).
const MAX_PATH: usize = 300;

pub(crate) fn lint(r: &mut Reporter, s: &Scenario) {
    for mood in [MOOD_RANGE, 0, -MOOD_RANGE] {
        let Some(seed) = seed_with_mood(s, mood) else {
            continue;
        };
        let Ok(c) = play_up_to(s, seed, &Pick::Best, MAX_PATH) else {
            continue;
        };
        if !c.is_finished(s) {
            continue;
        }
        let turns = c.turns();
        let n = turns.len();
        let Some(top) = turns.iter().position(|t| t.trust_after >= TRUST_MAX) else {
            continue;
        };
        // `top` is 0-based: decision `top + 1` of `n`.
        if top + TOP_WITHIN_LAST >= n {
            continue;
        }
        let turn = &turns[top];
        let at = r.option_at(&turn.node, &turn.choice);
        r.push(
            at,
            Severity::Warning,
            "best-path-tops-early",
            format!(
                "on the path of best choices (mood of the day {mood:+}), trust reaches {TRUST_MAX} at decision {} of {n} (\"{}\" in \"{}\"): the last {} decisions cannot move it, so good choices there show no change",
                top + 1,
                turn.choice,
                turn.node,
                n - top - 1
            ),
            Some(format!(
                "lower the trust gains of the best options before it, or raise the starting trust less; gains already shrink within {HEADROOM} of the top, so aim to reach it only in the last {TOP_WITHIN_LAST} decisions"
            )),
        );
        return;
    }
}

/// A seed whose mood of the day is `mood`, if one is found quickly.
fn seed_with_mood(s: &Scenario, mood: i32) -> Option<u64> {
    (0..500).find(|&seed| Conversation::new(s, seed).is_ok_and(|c| c.mood == mood))
}
