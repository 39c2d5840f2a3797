//! Automatic choosers, for `attune play --pick`, tests and statistics.

use std::str::FromStr;

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::{Conversation, EngineError};
use crate::scenario::{Choice, Scenario};

/// How options are chosen without a learner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pick {
    /// The highest rating; ties go to the larger trust effect.
    Best,
    /// The lowest rating; ties go to the smaller trust effect.
    Worst,
    /// Any offered option.
    Random,
    /// Option numbers as displayed (1-based), one per turn.
    List(Vec<usize>),
}

impl FromStr for Pick {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "best" => Ok(Pick::Best),
            "worst" => Ok(Pick::Worst),
            "random" => Ok(Pick::Random),
            list => list
                .split(',')
                .map(|n| match n.trim().parse::<usize>() {
                    Ok(0) | Err(_) => Err(format!(
                        "expected best, worst, random or option numbers like 1,3,2; got \"{}\"",
                        n.trim()
                    )),
                    Ok(n) => Ok(n),
                })
                .collect::<Result<Vec<_>, _>>()
                .map(Pick::List),
        }
    }
}

/// Best-first ordering key: rating, then trust effect, then authored order
/// (so the result does not depend on the shuffled display order).
fn key(
    node_options: &[Choice],
    c: &Choice,
) -> (crate::scenario::Rating, i32, std::cmp::Reverse<usize>) {
    let authored = node_options
        .iter()
        .position(|o| o.id == c.id)
        .unwrap_or(usize::MAX);
    (c.rating, c.base_trust(), std::cmp::Reverse(authored))
}

/// The option id to take next, or `None` at an ending or when a list has
/// run out. A list number beyond the options on offer is an error message.
pub fn pick(
    scenario: &Scenario,
    conversation: &Conversation,
    how: &Pick,
    rng: &mut ChaCha8Rng,
) -> Result<Option<String>, String> {
    let offered = conversation.options(scenario);
    if offered.is_empty() {
        if conversation.is_finished(scenario) {
            return Ok(None);
        }
        return Err(format!(
            "no option is on offer at node \"{}\": the conditions of every option fail",
            conversation.current().node
        ));
    }
    let authored = scenario
        .node(&conversation.current().node)
        .map_or(&[][..], |n| n.options.as_slice());
    let chosen = match how {
        Pick::Best => offered.iter().max_by_key(|c| key(authored, c)),
        Pick::Worst => offered.iter().min_by_key(|c| {
            let (r, t, std::cmp::Reverse(i)) = key(authored, c);
            (r, t, i)
        }),
        Pick::Random => offered.get(rng.random_range(0..offered.len())),
        Pick::List(list) => {
            let turn = conversation.turns().len();
            let Some(&n) = list.get(turn) else {
                return Ok(None);
            };
            match offered.get(n - 1) {
                Some(c) => Some(c),
                None => {
                    return Err(format!(
                        "turn {}: option {n} does not exist; there are {} options",
                        turn + 1,
                        offered.len()
                    ));
                }
            }
        }
    };
    Ok(chosen.map(|c| c.id.clone()))
}

/// Turns after which automatic play stops: a validated scenario may still
/// loop, and no real path is this long.
const MAX_TURNS: usize = 10_000;

/// Plays from the start until an ending (or a list runs out).
pub fn play_out(scenario: &Scenario, seed: u64, how: &Pick) -> Result<Conversation, PlayError> {
    play_for(scenario, seed, how, MAX_TURNS)
}

/// Plays from the start for at most `max_turns` turns; the result is
/// unfinished when the path is longer.
pub fn play_up_to(
    scenario: &Scenario,
    seed: u64,
    how: &Pick,
    max_turns: usize,
) -> Result<Conversation, PlayError> {
    play_for(scenario, seed, how, max_turns)
}

/// Plays from the start for at most `max_turns` turns.
fn play_for(
    scenario: &Scenario,
    seed: u64,
    how: &Pick,
    max_turns: usize,
) -> Result<Conversation, PlayError> {
    let mut conversation = Conversation::new(scenario, seed)?;
    let mut rng = <ChaCha8Rng as rand::SeedableRng>::seed_from_u64(seed ^ 0x5EED_u64);
    for _ in 0..max_turns {
        match pick(scenario, &conversation, how, &mut rng).map_err(PlayError::Pick)? {
            Some(id) => {
                conversation.commit(scenario, &id)?;
            }
            None => break,
        }
    }
    Ok(conversation)
}

/// Failure of an automatic playthrough.
#[derive(Debug, thiserror::Error)]
pub enum PlayError {
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error("{0}")]
    Pick(String),
}

/// Number of decisions on the path of best choices, with seed 0.
pub fn best_path_len(scenario: &Scenario) -> usize {
    best_path_len_up_to(scenario, MAX_TURNS)
}

/// [`best_path_len`], counted only up to `cap`. Each step of a conversation
/// keeps the nodes visited so far, so playing a path costs its length
/// squared; a lint that only asks "at least `cap`?" stays cheap on a
/// scenario of thousands of nodes.
pub fn best_path_len_up_to(scenario: &Scenario, cap: usize) -> usize {
    play_for(scenario, 0, &Pick::Best, cap).map_or(0, |c| c.turns().len())
}
