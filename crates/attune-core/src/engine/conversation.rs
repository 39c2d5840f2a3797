//! The conversation state machine.
//!
//! [`Conversation`] is plain data: the seed, one [`Step`] per node the
//! learner has stood at, and one [`Turn`] per choice. Everything random is
//! drawn from an RNG derived from the seed and the turn number, so the same
//! seed and choices always give the same conversation, a preview shows
//! exactly what a commit would do, and undo is just dropping the last step.

use std::collections::{BTreeMap, HashMap};

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use super::error::EngineError;
use super::peer::{self, Adjustment, MOOD_RANGE};
use crate::scenario::{Band, Choice, Condition, Ending, EndingKind, Line, Node, Scenario};
use crate::skills::Roadblock;

/// Branch nodes may chain; more hops than this means a cycle.
const MAX_ROUTE_HOPS: usize = 64;

/// What a draw from the RNG is for; each gets its own stream.
#[derive(Clone, Copy)]
enum Draw {
    Mood = 1,
    Line = 2,
    Order = 3,
}

fn rng_for(seed: u64, step: usize, draw: Draw) -> ChaCha8Rng {
    // splitmix64 over the three inputs gives well-separated streams.
    let mut x = seed ^ (step as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ ((draw as u64) << 56);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    ChaCha8Rng::seed_from_u64(x ^ (x >> 31))
}

/// The peer's state while the learner stands at one node.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// A decision or an ending, never a branch.
    pub node: String,
    /// What the peer says here.
    pub line: String,
    pub trust: i32,
    /// Layers the peer is ready to share (trust reached their threshold),
    /// in the order they were reached. Readiness is not disclosure.
    pub layers: Vec<String>,
    /// Layers disclosed so far, in the order they were said: a line that
    /// discloses them was shown, this step's line included. Missing in
    /// files written before disclosures existed; loads as empty.
    #[serde(default)]
    pub disclosed: Vec<String>,
    /// How many nodes had been passed through on arriving here, branches
    /// included: they are the first `visited_len` of the conversation's
    /// trail ([`Conversation::visited_at`]). One number per step, so a
    /// conversation's memory grows linearly with its length.
    #[serde(default)]
    pub visited_len: usize,
    /// The list of visited nodes that files written before the trail was
    /// shared kept in every step; read only to migrate them.
    #[serde(
        default,
        rename = "visited",
        skip_serializing,
        deserialize_with = "legacy_list"
    )]
    legacy_visited: Option<Vec<String>>,
    /// Earlier uses of each roadblock kind.
    pub roadblocks: BTreeMap<Roadblock, u32>,
    /// The options offered here, in display order.
    pub order: Vec<String>,
    /// True when this step is the early-withdrawal ending.
    pub withdrew_early: bool,
}

/// Reads an old step's `visited: [...]`, a bare list.
fn legacy_list<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    Vec::<String>::deserialize(d).map(Some)
}

impl Step {
    pub fn band(&self) -> Band {
        Band::from_trust(self.trust)
    }
}

/// One choice the learner made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Turn {
    pub node: String,
    /// The option id.
    pub choice: String,
    /// The option's text, kept so a transcript reads without the scenario.
    pub said: String,
    pub trust_before: i32,
    pub trust_after: i32,
    pub adjustments: Vec<Adjustment>,
    /// Layers whose threshold this turn's trust reached: the peer became
    /// ready to share them. Not a disclosure; never credit these.
    #[serde(alias = "layers_unlocked", default)]
    pub layers_ready: Vec<String>,
    /// Layers the peer's reply to this turn disclosed (its line discloses
    /// them), in order. These are what the debrief credits to this turn.
    #[serde(default)]
    pub layers_disclosed: Vec<String>,
}

/// What an option would do (preview) or did (commit).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub turn: Turn,
    /// Where the learner stands afterwards.
    pub next: Step,
    /// Set when the choice ends the conversation.
    pub ending: Option<EndingKind>,
}

/// A whole conversation in one serialisable value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Stored")]
pub struct Conversation {
    pub scenario_id: String,
    pub seed: u64,
    /// The mood of the day's shift to starting trust.
    pub mood: i32,
    /// `steps[0]` is the start; `steps[i + 1]` follows `turns[i]`.
    steps: Vec<Step>,
    turns: Vec<Turn>,
    /// Every node passed through, in order, up to the current step (whose
    /// node is not in it yet); each step knows how much of it it had seen.
    #[serde(default)]
    visited: Vec<String>,
    /// Where each node of `visited` first appears, for `visited(…)`
    /// conditions in constant time. Rebuilt on load.
    #[serde(skip)]
    first_visit: HashMap<String, usize>,
}

/// A conversation as read from a file: the current form, or one whose
/// steps each carry their own list of visited nodes.
#[derive(Deserialize)]
struct Stored {
    scenario_id: String,
    seed: u64,
    mood: i32,
    steps: Vec<Step>,
    turns: Vec<Turn>,
    #[serde(default)]
    visited: Vec<String>,
}

impl TryFrom<Stored> for Conversation {
    type Error = String;

    fn try_from(stored: Stored) -> Result<Self, String> {
        let Stored {
            scenario_id,
            seed,
            mood,
            mut steps,
            turns,
            mut visited,
        } = stored;
        if steps.is_empty() || steps.len() != turns.len() + 1 {
            return Err("a conversation needs one step more than turns".into());
        }
        // Older files: each step's own list; the last one is the trail.
        if let Some(last) = steps.iter().rev().find_map(|s| s.legacy_visited.clone()) {
            visited = last;
            for step in &mut steps {
                if let Some(list) = step.legacy_visited.take() {
                    step.visited_len = list.len();
                }
            }
        }
        let mut previous = 0;
        for step in &steps {
            if step.visited_len < previous || step.visited_len > visited.len() {
                return Err("the steps' visited counts do not fit the trail".into());
            }
            previous = step.visited_len;
        }
        visited.truncate(previous);
        let mut c = Conversation {
            scenario_id,
            seed,
            mood,
            steps,
            turns,
            visited: Vec::new(),
            first_visit: HashMap::new(),
        };
        c.extend_trail(visited);
        Ok(c)
    }
}

/// The nodes visited on arriving at a step: the shared trail's first
/// `len`, plus `extra` passed since (not yet in the trail).
#[derive(Clone, Copy)]
struct Visits<'a> {
    first_visit: &'a HashMap<String, usize>,
    len: usize,
    extra: &'a [String],
}

impl<'a> Visits<'a> {
    fn new(first_visit: &'a HashMap<String, usize>, len: usize, extra: &'a [String]) -> Self {
        Visits {
            first_visit,
            len,
            extra,
        }
    }

    fn contains(&self, node: &str) -> bool {
        self.first_visit.get(node).is_some_and(|&i| i < self.len)
            || self.extra.iter().any(|n| n == node)
    }
}

impl Conversation {
    /// Starts a conversation. Fails only if the scenario is inconsistent,
    /// which validation rules out.
    pub fn new(scenario: &Scenario, seed: u64) -> Result<Self, EngineError> {
        let mood = rng_for(seed, 0, Draw::Mood).random_range(-MOOD_RANGE..=MOOD_RANGE);
        let trust = peer::clamp_trust(scenario.initial_trust + mood);
        let mut layers = Vec::new();
        unlock_layers(scenario, trust, &mut layers);
        let none = HashMap::new();
        let (first, passed) = enter(
            scenario,
            seed,
            0,
            &scenario.start,
            trust,
            layers,
            Vec::new(),
            (&none, 0, Vec::new()),
            BTreeMap::new(),
        )?;
        let mut c = Conversation {
            scenario_id: scenario.id.clone(),
            seed,
            mood,
            steps: vec![first],
            turns: Vec::new(),
            visited: Vec::new(),
            first_visit: HashMap::new(),
        };
        c.extend_trail(passed);
        Ok(c)
    }

    /// Plays a list of option ids from the start; used for resume and replay.
    pub fn replay<S: AsRef<str>>(
        scenario: &Scenario,
        seed: u64,
        choices: &[S],
    ) -> Result<Self, EngineError> {
        let mut c = Conversation::new(scenario, seed)?;
        for choice in choices {
            c.commit(scenario, choice.as_ref())?;
        }
        Ok(c)
    }

    pub fn current(&self) -> &Step {
        // `steps` is never empty: `new` pushes the first and undo keeps it.
        &self.steps[self.steps.len() - 1]
    }

    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    pub fn turns(&self) -> &[Turn] {
        &self.turns
    }

    /// Every node passed through before the current one, branches
    /// included, in order.
    pub fn visited(&self) -> &[String] {
        self.visited_at(self.steps.len() - 1)
    }

    /// The nodes passed through before step `at` (0 is the start); empty
    /// past the last step.
    pub fn visited_at(&self, at: usize) -> &[String] {
        self.steps.get(at).map_or(&[], |s| {
            &self.visited[..s.visited_len.min(self.visited.len())]
        })
    }

    /// Appends nodes to the trail, noting where each first appears.
    fn extend_trail(&mut self, passed: Vec<String>) {
        for node in passed {
            let at = self.visited.len();
            self.first_visit.entry(node.clone()).or_insert(at);
            self.visited.push(node);
        }
    }

    /// Cuts the trail back to what the current step had seen (after undo
    /// or rewind), forgetting first visits that lay beyond it.
    fn truncate_trail(&mut self) {
        let len = self.current().visited_len;
        for node in self.visited.drain(len..) {
            if self.first_visit.get(&node).is_some_and(|&i| i >= len) {
                self.first_visit.remove(&node);
            }
        }
    }

    pub fn trust(&self) -> i32 {
        self.current().trust
    }

    pub fn band(&self) -> Band {
        self.current().band()
    }

    /// The option ids chosen so far.
    pub fn choices(&self) -> Vec<String> {
        self.turns.iter().map(|t| t.choice.clone()).collect()
    }

    /// The ending reached, if the conversation is over.
    pub fn ending<'s>(&self, scenario: &'s Scenario) -> Option<&'s Ending> {
        scenario
            .node(&self.current().node)
            .and_then(|n| n.ending.as_ref())
    }

    pub fn is_finished(&self, scenario: &Scenario) -> bool {
        self.ending(scenario).is_some()
    }

    /// The options on offer now, in display order. Empty at an ending.
    pub fn options<'s>(&self, scenario: &'s Scenario) -> Vec<&'s Choice> {
        self.options_at(scenario, self.steps.len() - 1)
    }

    /// The options that were on offer at step `at` (0 is the start), in
    /// display order. Empty at an ending or past the last step.
    pub fn options_at<'s>(&self, scenario: &'s Scenario, at: usize) -> Vec<&'s Choice> {
        let Some(step) = self.steps.get(at) else {
            return Vec::new();
        };
        let Some(node) = scenario.node(&step.node) else {
            return Vec::new();
        };
        step.order.iter().filter_map(|id| node.option(id)).collect()
    }

    /// The trust change `option` would have made at step `at`, exactly as
    /// choosing it then would have; for the debrief's options not taken,
    /// without copying the conversation. `None` if it was not on offer.
    pub fn trust_change_at(&self, scenario: &Scenario, at: usize, option: &str) -> Option<i32> {
        let step = self.steps.get(at)?;
        if !step.order.iter().any(|o| o == option) {
            return None;
        }
        let choice = scenario.node(&step.node)?.option(option)?;
        let (_, trust) = self.price(scenario, at, choice);
        Some(trust - step.trust)
    }

    /// What `choice` does to trust at step `at`: the peer model's change
    /// and the trust after it.
    fn price(&self, scenario: &Scenario, at: usize, choice: &Choice) -> (peer::TrustChange, i32) {
        // The loss on the turn that led to step `at`, for repairs.
        let previous_loss = at
            .checked_sub(1)
            .and_then(|t| self.turns.get(t))
            .map_or(0, |t| (t.trust_before - t.trust_after).max(0));
        let step = &self.steps[at];
        let change = peer::trust_change(
            scenario,
            choice,
            step.trust,
            &step.roadblocks,
            previous_loss,
        );
        let trust = peer::clamp_trust(step.trust + change.delta);
        (change, trust)
    }

    /// What choosing `option` would do, without doing it.
    pub fn preview(&self, scenario: &Scenario, option: &str) -> Result<Outcome, EngineError> {
        self.advance(scenario, option).map(|(outcome, _)| outcome)
    }

    /// [`preview`](Conversation::preview), plus the nodes passed on the way
    /// to the next step, which a commit appends to the trail.
    fn advance(
        &self,
        scenario: &Scenario,
        option: &str,
    ) -> Result<(Outcome, Vec<String>), EngineError> {
        let step = self.current();
        let node = scenario
            .node(&step.node)
            .ok_or_else(|| EngineError::UnknownNode(step.node.clone()))?;
        if node.is_ending() {
            return Err(EngineError::Finished);
        }
        if !step.order.iter().any(|o| o == option) {
            return Err(EngineError::NotOffered {
                option: option.to_string(),
                node: step.node.clone(),
            });
        }
        let choice = node.option(option).ok_or_else(|| EngineError::NotOffered {
            option: option.to_string(),
            node: step.node.clone(),
        })?;
        let (change, trust) = self.price(scenario, self.steps.len() - 1, choice);
        let mut layers = step.layers.clone();
        let before = layers.len();
        unlock_layers(scenario, trust, &mut layers);
        let layers_ready = layers[before..].to_vec();
        let mut roadblocks = step.roadblocks.clone();
        if let Some(rb) = choice.roadblock() {
            *roadblocks.entry(rb).or_default() += 1;
        }
        let trail = (&self.first_visit, step.visited_len);
        let left = vec![step.node.clone()];
        let index = self.turns.len() + 1;
        // Copies for a second arrival are only needed when trust fell
        // below the floor; most turns skip them.
        let withdrawal =
            (trust < scenario.withdrawal_floor).then(|| (layers.clone(), roadblocks.clone()));
        let (mut next, mut passed) = enter(
            scenario,
            self.seed,
            index,
            &choice.goto,
            trust,
            layers,
            step.disclosed.clone(),
            (trail.0, trail.1, left.clone()),
            roadblocks,
        )?;
        let lands_on_ending = scenario.node(&next.node).is_some_and(Node::is_ending);
        if let Some((layers, roadblocks)) = withdrawal.filter(|_| !lands_on_ending) {
            (next, passed) = enter(
                scenario,
                self.seed,
                index,
                &scenario.on_withdraw,
                trust,
                layers,
                step.disclosed.clone(),
                (trail.0, trail.1, left),
                roadblocks,
            )?;
            next.withdrew_early = true;
        }
        let ending = scenario
            .node(&next.node)
            .and_then(|n| n.ending.as_ref())
            .map(|e| e.kind);
        let outcome = Outcome {
            turn: Turn {
                node: step.node.clone(),
                choice: choice.id.clone(),
                said: choice.text.clone(),
                trust_before: step.trust,
                trust_after: trust,
                adjustments: change.adjustments,
                layers_ready,
                layers_disclosed: next.disclosed[step.disclosed.len().min(next.disclosed.len())..]
                    .to_vec(),
            },
            next,
            ending,
        };
        Ok((outcome, passed))
    }

    /// Commits a choice and returns what it did.
    pub fn choose(&mut self, scenario: &Scenario, option: &str) -> Result<Outcome, EngineError> {
        let ending = self.commit(scenario, option)?;
        Ok(Outcome {
            turn: self.turns[self.turns.len() - 1].clone(),
            next: self.current().clone(),
            ending,
        })
    }

    /// Commits a choice without copying its outcome, for replays and
    /// automatic play; returns the ending it reached, if any.
    pub fn commit(
        &mut self,
        scenario: &Scenario,
        option: &str,
    ) -> Result<Option<EndingKind>, EngineError> {
        let (Outcome { turn, next, ending }, passed) = self.advance(scenario, option)?;
        self.turns.push(turn);
        self.steps.push(next);
        self.extend_trail(passed);
        Ok(ending)
    }

    /// Takes back the last choice. Returns false when there is none.
    pub fn undo(&mut self) -> bool {
        if self.turns.pop().is_some() {
            self.steps.pop();
            self.truncate_trail();
            true
        } else {
            false
        }
    }

    /// Goes back to just before turn `turn` (0-based): that turn and every
    /// later one are dropped. Rewinding past the end does nothing.
    pub fn rewind(&mut self, turn: usize) {
        if turn < self.turns.len() {
            self.turns.truncate(turn);
            self.steps.truncate(turn + 1);
            self.truncate_trail();
        }
    }

    /// The trust after each step, starting with the opening trust.
    pub fn trust_curve(&self) -> Vec<i32> {
        self.steps.iter().map(|s| s.trust).collect()
    }
}

fn unlock_layers(scenario: &Scenario, trust: i32, reached: &mut Vec<String>) {
    let mut new: Vec<_> = scenario
        .layers
        .iter()
        .filter(|l| trust >= l.threshold && !reached.contains(&l.id))
        .collect();
    new.sort_by_key(|l| l.threshold);
    reached.extend(new.into_iter().map(|l| l.id.clone()));
}

/// What conditions are evaluated against at one moment.
struct Facts<'a> {
    trust: i32,
    layers: &'a [String],
    disclosed: &'a [String],
    visited: Visits<'a>,
}

impl Facts<'_> {
    fn holds(&self, c: &Condition) -> bool {
        match c {
            Condition::TrustAtLeast(t) => self.trust >= *t,
            Condition::TrustBelow(t) => self.trust < *t,
            Condition::LayerReached(l) => self.layers.contains(l),
            Condition::LayerNotReached(l) => !self.layers.contains(l),
            Condition::Disclosed(l) => self.disclosed.contains(l),
            Condition::NotDisclosed(l) => !self.disclosed.contains(l),
            Condition::Visited(n) => self.visited.contains(n),
            Condition::NotVisited(n) => !self.visited.contains(n),
        }
    }

    fn all_hold(&self, cs: &[Condition]) -> bool {
        cs.iter().all(|c| self.holds(c))
    }
}

/// Arrives at `target`: follows branches, picks the line and orders the
/// options. `trail` is the conversation's first visits, how much of the
/// trail counts, and the nodes passed since; it returns the step and those
/// nodes plus the branches passed on the way.
#[allow(clippy::too_many_arguments)]
fn enter(
    scenario: &Scenario,
    seed: u64,
    index: usize,
    target: &str,
    trust: i32,
    layers: Vec<String>,
    mut disclosed: Vec<String>,
    trail: (&HashMap<String, usize>, usize, Vec<String>),
    roadblocks: BTreeMap<Roadblock, u32>,
) -> Result<(Step, Vec<String>), EngineError> {
    let (first_visit, len, mut passed) = trail;

    let mut id = target.to_string();
    let mut hops = 0;
    let node = loop {
        let node = scenario
            .node(&id)
            .ok_or_else(|| EngineError::UnknownNode(id.clone()))?;
        if !node.is_branch() {
            break node;
        }
        hops += 1;
        if hops > MAX_ROUTE_HOPS {
            return Err(EngineError::RouteLoop(id));
        }
        passed.push(id.clone());
        let facts = Facts {
            trust,
            layers: &layers,
            disclosed: &disclosed,
            visited: Visits::new(first_visit, len, &passed),
        };
        let route = node
            .routes
            .iter()
            .find(|r| facts.all_hold(&r.when))
            .ok_or_else(|| EngineError::NoRoute(id.clone()))?;
        id = route.goto.clone();
    };
    let before = Facts {
        trust,
        layers: &layers,
        disclosed: &disclosed,
        visited: Visits::new(first_visit, len, &passed),
    };
    let line = pick_line(&node.lines, seed, index, &before);
    let text = line.map(|l| l.text.clone()).unwrap_or_default();
    // Showing the line discloses what it says, before the options appear.
    for layer in line.iter().flat_map(|l| &l.discloses) {
        if !disclosed.contains(layer) {
            disclosed.push(layer.clone());
        }
    }
    let after = Facts {
        trust,
        layers: &layers,
        disclosed: &disclosed,
        visited: Visits::new(first_visit, len, &passed),
    };
    let mut order: Vec<String> = node
        .options
        .iter()
        .filter(|o| after.all_hold(&o.when))
        .map(|o| o.id.clone())
        .collect();
    order.shuffle(&mut rng_for(seed, index, Draw::Order));
    let step = Step {
        node: node.id.clone(),
        line: text,
        trust,
        layers,
        disclosed,
        visited_len: len + passed.len(),
        legacy_visited: None,
        roadblocks,
        order,
        withdrew_early: false,
    };
    Ok((step, passed))
}

/// The most specific line variant that fits; ties go to the seeded RNG.
/// When none fits, the first variant (validation warns about that).
fn pick_line<'l>(lines: &'l [Line], seed: u64, index: usize, facts: &Facts) -> Option<&'l Line> {
    let band = Band::from_trust(facts.trust);
    let fitting: Vec<&Line> = lines
        .iter()
        .filter(|l| l.bands.is_empty() || l.bands.contains(&band))
        .filter(|l| facts.all_hold(&l.when))
        .collect();
    let specificity = |l: &Line| usize::from(!l.bands.is_empty()) + usize::from(!l.when.is_empty());
    let Some(best) = fitting.iter().map(|l| specificity(l)).max() else {
        return lines.first();
    };
    let top: Vec<&Line> = fitting
        .into_iter()
        .filter(|l| specificity(l) == best)
        .collect();
    let i = rng_for(seed, index, Draw::Line).random_range(0..top.len());
    top.get(i).copied()
}
