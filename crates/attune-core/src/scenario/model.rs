//! The authored scenario: plain serde data, exactly as written in a
//! `dialogues/*.ron` file.
//!
//! Every struct denies unknown fields so that a misspelt field is an error
//! the author sees, not a value that silently falls back to its default.
//! Every enum is written in `snake_case`, in RON and in JSON alike.

use foldhash::HashMap;

use serde::{Deserialize, Serialize};

use crate::skills::{Roadblock, Skill};

/// Lowest and highest trust a peer can have.
pub const TRUST_MIN: i32 = 0;
/// See [`TRUST_MIN`].
pub const TRUST_MAX: i32 = 100;
/// Said under a scenario's `support` list wherever it is shown.
pub const SUPPORT_ELSEWHERE: &str =
    "These are UK services. If you are elsewhere, use the local services where you are.";
/// A decision offers at most this many options: keys 1–4 and letters A–D.
pub const MAX_OPTIONS: usize = 4;

/// One complete role-play: who the peer is, where the talk happens, and the
/// branching dialogue.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Stable id. Saves, history and `attune play ID` key on it.
    pub id: String,
    pub title: String,
    /// One line for the library card.
    pub summary: String,
    /// Where and how the talk happens.
    pub setting: Setting,
    pub persona: Persona,
    /// What a learner should practise here, shown before the start.
    #[serde(default)]
    pub objectives: Vec<String>,
    /// Topics a learner may want warning of, shown before the start.
    #[serde(default)]
    pub content_notes: Vec<String>,
    /// Trust at the start, before the mood of the day shifts it.
    pub initial_trust: i32,
    /// When trust falls below this, the peer ends the conversation.
    pub withdrawal_floor: i32,
    /// The ending node the peer goes to when trust falls below the floor.
    pub on_withdraw: String,
    /// What the peer is willing to share, unlocked by trust.
    #[serde(default)]
    pub layers: Vec<Layer>,
    /// The id of the first node.
    pub start: String,
    pub nodes: Vec<Node>,
    /// A short teaching scenario: exempt from the length and coverage lints.
    #[serde(default)]
    pub tutorial: bool,
    /// How hard the scenario is, for the library's level filter.
    #[serde(default)]
    pub level: Difficulty,
    /// Set on a follow-up: the scenario and ending it continues from. The
    /// library offers it after that ending.
    #[serde(default)]
    pub follows: Option<FollowUp>,
    /// Services the debrief names where the scenario touches on risk, one
    /// a line ("Samaritans: call 116 123, free, day or night"). Written
    /// for the UK; the debrief adds that learners elsewhere should use
    /// their local services ([`SUPPORT_ELSEWHERE`]).
    #[serde(default)]
    pub support: Vec<String>,
    /// Node id to position in `nodes`; built by [`Scenario::build_index`].
    #[serde(skip)]
    index: HashMap<String, usize>,
}

/// Where and how the conversation happens.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Setting {
    /// A specific place, e.g. "A corner table at a busy coffee shop".
    pub place: String,
    #[serde(default)]
    pub medium: Medium,
}

/// How the two people talk. The app lays out a chat differently from speech.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Medium {
    #[default]
    InPerson,
    Chat,
    Phone,
    /// A group session: the peer lines name who speaks.
    Group,
}

impl Medium {
    pub fn label(self) -> &'static str {
        match self {
            Medium::InPerson => "in person",
            Medium::Chat => "online chat",
            Medium::Phone => "phone call",
            Medium::Group => "group session",
        }
    }
}

/// A scenario's level in the library, in the order a new learner meets them.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Difficulty {
    FirstSteps,
    #[default]
    Core,
    Advanced,
}

impl Difficulty {
    pub const ALL: [Difficulty; 3] = [
        Difficulty::FirstSteps,
        Difficulty::Core,
        Difficulty::Advanced,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Difficulty::FirstSteps => "first steps",
            Difficulty::Core => "core",
            Difficulty::Advanced => "advanced",
        }
    }
}

/// Where a follow-up scenario picks up: another scenario's ending.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    /// The id of the earlier scenario.
    pub scenario: String,
    /// The id of the ending node in it after which this one is offered.
    pub ending: String,
}

/// The simulated peer.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    pub name: String,
    /// A few sentences a learner reads before starting.
    pub background: String,
    /// Roadblocks that cost this person more trust than usual.
    #[serde(default)]
    pub sensitive_to: Vec<Roadblock>,
    /// A plain asset name for the portrait (no path), resolved by the app.
    #[serde(default)]
    pub portrait: Option<String>,
}

/// Something the peer may share. Trust at the threshold makes the peer
/// *ready* to share it; it is *disclosed* only when a line that
/// [`discloses`](Line::discloses) it is shown. The debrief credits
/// disclosures, never readiness.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layer {
    pub id: String,
    /// Trust at or above which the peer is ready to share the layer
    /// ([`Condition::LayerReached`]). Once reached it stays.
    pub threshold: i32,
    /// What the peer has shared at this layer, for the debrief.
    pub summary: String,
}

/// One point in the conversation. There are three kinds:
/// - a decision: the peer speaks, then the learner chooses (`options`);
/// - an ending: the peer's closing line (`ending`);
/// - a branch: no words, the conversation moves on at once along the first
///   route whose conditions hold (`routes`). Branches let the accumulated
///   trust, not only the last click, decide where the talk goes.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub id: String,
    /// Variants of what the peer says here; one is picked per visit.
    #[serde(default)]
    pub lines: Vec<Line>,
    /// What a facilitator might ask the room at this point.
    #[serde(default)]
    pub notes: Option<String>,
    #[serde(default)]
    pub options: Vec<Choice>,
    /// Present on ending nodes only.
    #[serde(default)]
    pub ending: Option<Ending>,
    /// Present on branch nodes only; the last route should have no conditions.
    #[serde(default)]
    pub routes: Vec<Route>,
}

/// One way out of a branch node.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    #[serde(default)]
    pub when: Vec<Condition>,
    pub goto: String,
}

/// One variant of a peer line.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Line {
    pub text: String,
    /// Openness bands this variant suits; empty means any band.
    #[serde(default)]
    pub bands: Vec<Band>,
    /// Extra conditions, all of which must hold for this variant.
    #[serde(default)]
    pub when: Vec<Condition>,
    /// Layers this variant says out loud. Showing it discloses them: the
    /// debrief credits a layer only at the turn a line like this was shown.
    #[serde(default)]
    pub discloses: Vec<String>,
    /// Layers this variant takes as already said (it refers back to them).
    /// `attune check` warns when it can be shown before they were
    /// disclosed; guard it with `disclosed(..)` conditions.
    #[serde(default)]
    pub presumes: Vec<String>,
}

/// Something the learner can say.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Unique within its node.
    pub id: String,
    /// The words the learner says.
    pub text: String,
    /// The primary code first: an OARS/MITI code, a peer skill or a roadblock.
    pub skills: Vec<Skill>,
    /// Carkhuff empathy level, 1 to 5, for a response to what the peer
    /// feels or means. Left out for moves that are not such a response
    /// (silence, asking permission, a referral, information).
    #[serde(default)]
    pub empathy: Option<u8>,
    pub rating: Rating,
    #[serde(default)]
    pub effects: Vec<Effect>,
    /// The node this option leads to.
    pub goto: String,
    /// Conditions that must all hold for the option to be offered.
    #[serde(default)]
    pub when: Vec<Condition>,
    /// Layers this option takes as already said, e.g. a summary of them.
    /// `attune check` warns when it can be offered before they were
    /// disclosed; guard it with `disclosed(..)` conditions.
    #[serde(default)]
    pub presumes: Vec<String>,
    /// Plain-language explanation for the debrief.
    pub why: String,
    /// What would have worked better. Required unless the rating is `best`.
    #[serde(default)]
    pub better: Option<String>,
    /// Content-lint codes the author has deliberately silenced, with a reason.
    #[serde(default)]
    pub allow: Vec<Allow>,
}

/// An author's deliberate exception to a content lint on one option.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Allow {
    pub lint: String,
    pub reason: String,
}

/// How helpful an option is at this moment. `best` and `good` are both
/// sound moves; `harmful` is reserved for hostile or dismissive ones so that
/// clumsy-but-kind options are not scored like hostility.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    Harmful,
    Poor,
    Mixed,
    Good,
    Best,
}

impl Rating {
    pub fn label(self) -> &'static str {
        match self {
            Rating::Best => "best",
            Rating::Good => "good",
            Rating::Mixed => "mixed",
            Rating::Poor => "poor",
            Rating::Harmful => "harmful",
        }
    }
}

/// What choosing an option does to the peer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// Change trust by this amount, before the peer model's adjustments.
    Trust(i32),
    /// The option acknowledges an earlier misstep: if the previous turn lost
    /// trust, part of that loss is recovered.
    Repair,
}

/// A condition on an option or a line variant. Conditions are data, never
/// expression strings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// Trust is at least this value.
    TrustAtLeast(i32),
    /// Trust is strictly below this value.
    TrustBelow(i32),
    /// Trust has reached the named layer's threshold: the peer is ready to
    /// share it (it may not have been said yet).
    LayerReached(String),
    /// The named layer's threshold has not been reached.
    LayerNotReached(String),
    /// A line disclosing the named layer has been shown. On a line variant
    /// this counts lines shown before it; on an option or later, the
    /// node's own line too.
    Disclosed(String),
    /// No line disclosing the named layer has been shown yet.
    NotDisclosed(String),
    /// The named node has been visited earlier in this conversation.
    Visited(String),
    /// The named node has not been visited.
    NotVisited(String),
}

/// Every ending is one of three kinds, which the debrief and history show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndingKind {
    /// The peer withdrew and ended the talk.
    Withdrew,
    /// The peer stayed but kept the important things back.
    Guarded,
    /// The peer felt heard and shared what mattered.
    OpenedUp,
}

impl EndingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EndingKind::OpenedUp => "opened_up",
            EndingKind::Guarded => "guarded",
            EndingKind::Withdrew => "withdrew",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            EndingKind::OpenedUp => "Opened up",
            EndingKind::Guarded => "Stayed guarded",
            EndingKind::Withdrew => "Withdrew",
        }
    }
}

/// Marks a node as an ending. The node's line is the peer's closing line.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    pub kind: EndingKind,
    /// A short heading for the debrief, e.g. "Maya leaves early".
    pub title: String,
}

/// The visible openness of the peer, derived from trust.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    Withdrawn,
    Guarded,
    Cautious,
    Open,
    OpeningUp,
}

impl Band {
    pub const ALL: [Band; 5] = [
        Band::Withdrawn,
        Band::Guarded,
        Band::Cautious,
        Band::Open,
        Band::OpeningUp,
    ];

    /// Bands are 20 trust points wide.
    pub fn from_trust(trust: i32) -> Band {
        match trust {
            i32::MIN..=19 => Band::Withdrawn,
            20..=39 => Band::Guarded,
            40..=59 => Band::Cautious,
            60..=79 => Band::Open,
            _ => Band::OpeningUp,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Band::Withdrawn => "withdrawn",
            Band::Guarded => "guarded",
            Band::Cautious => "cautious",
            Band::Open => "open",
            Band::OpeningUp => "opening up",
        }
    }
}

impl Scenario {
    /// Builds the id lookup. The loader calls this once after parsing.
    pub fn build_index(&mut self) {
        self.index = self
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.clone(), i))
            .collect();
    }

    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.get(self.node_index(id)?)
    }

    /// The position in `nodes` of the node [`Scenario::node`] finds.
    pub fn node_index(&self, id: &str) -> Option<usize> {
        match self.index.get(id) {
            Some(&i) => Some(i),
            // Scenarios built in code may not have an index yet.
            None if self.index.is_empty() => self.nodes.iter().position(|n| n.id == id),
            None => None,
        }
    }

    pub fn layer(&self, id: &str) -> Option<&Layer> {
        self.layers.iter().find(|l| l.id == id)
    }
}

impl Node {
    pub fn is_ending(&self) -> bool {
        self.ending.is_some()
    }

    pub fn is_branch(&self) -> bool {
        !self.routes.is_empty()
    }

    pub fn option(&self, id: &str) -> Option<&Choice> {
        self.options.iter().find(|o| o.id == id)
    }
}

impl Choice {
    /// The authored trust change, summed over all `trust` effects.
    pub fn base_trust(&self) -> i32 {
        self.effects
            .iter()
            .map(|e| match e {
                Effect::Trust(d) => *d,
                Effect::Repair => 0,
            })
            .sum()
    }

    pub fn is_repair(&self) -> bool {
        self.effects.contains(&Effect::Repair)
    }

    /// The option's primary roadblock, if any: the first roadblock tag. The
    /// peer model prices an option by this one.
    pub fn roadblock(&self) -> Option<Roadblock> {
        self.roadblocks().next()
    }

    /// Every roadblock tag on the option, in order.
    pub fn roadblocks(&self) -> impl Iterator<Item = Roadblock> + '_ {
        self.skills.iter().filter_map(|s| match s {
            Skill::Roadblock(r) => Some(*r),
            _ => None,
        })
    }
}
