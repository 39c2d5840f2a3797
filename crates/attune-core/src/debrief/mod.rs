//! The debrief: an explanation of every choice in a finished (or stopped)
//! conversation, with metrics. Built from data alone; no window needed.

mod metrics;
pub mod report;

pub use metrics::{
    COMPLEX_FAIR, COMPLEX_GOOD, Level, Metrics, OPEN_FAIR, OPEN_GOOD, OPEN_SOURCE,
    REFLECTION_SOURCE, RQ_FAIR, RQ_GOOD, Score, sources_note,
};
use serde::{Deserialize, Serialize};

use crate::engine::{Adjustment, Conversation};
use crate::scenario::{Band, EndingKind, Rating, Scenario};
use crate::skills::Skill;

/// Skills appear in JSON as their RON spelling, e.g. `roadblock(advising)`.
mod skill_codes {
    use serde::{Deserialize, Deserializer, Serializer, de::Error, ser::SerializeSeq};

    use crate::skills::Skill;

    pub fn serialize<S: Serializer>(skills: &[Skill], s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(skills.len()))?;
        for skill in skills {
            seq.serialize_element(&skill.code())?;
        }
        seq.end()
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Skill>, D::Error> {
        Vec::<String>::deserialize(d)?
            .iter()
            .map(|code| {
                ron::from_str(code).map_err(|_| D::Error::custom(format!("unknown skill {code}")))
            })
            .collect()
    }
}

/// How the conversation ended.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EndingSummary {
    pub id: String,
    pub kind: EndingKind,
    pub title: String,
    /// The peer's closing line.
    pub line: String,
    /// True when trust fell below the floor and the peer left early.
    pub early: bool,
    /// Set when the peer's final openness band and the ending's kind seem
    /// to disagree ("Stayed guarded" at high trust): one sentence that
    /// explains it, so the portrait and the ending never contradict
    /// silently. See [`ending_note`].
    #[serde(default)]
    pub note: Option<String>,
}

/// Another option that was on offer at a turn, and what it would have done.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Alternative {
    pub id: String,
    pub text: String,
    #[serde(with = "skill_codes")]
    pub skills: Vec<Skill>,
    pub rating: Rating,
    /// The trust change it would have made, with the peer model applied.
    pub trust_change: i32,
    pub why: String,
}

/// One explained turn.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DebriefTurn {
    /// 1-based turn number.
    pub number: usize,
    pub node: String,
    /// What the peer said before the choice.
    pub peer_line: String,
    /// The option id.
    pub choice: String,
    pub said: String,
    #[serde(with = "skill_codes")]
    pub skills: Vec<Skill>,
    /// Carkhuff level; `None` for a move that is not a response to
    /// feeling or meaning.
    pub empathy: Option<u8>,
    pub rating: Rating,
    pub trust_before: i32,
    pub trust_after: i32,
    /// The peer model's reasons the change differs from the authored one.
    pub adjustments: Vec<String>,
    /// What the peer said next.
    pub reaction: String,
    /// Layers the reaction disclosed: said out loud at this turn. Never
    /// the layers trust merely made the peer ready to share.
    pub layers_disclosed: Vec<String>,
    pub why: String,
    /// What would have worked better; `None` for a best choice.
    pub better: Option<String>,
    pub alternatives: Vec<Alternative>,
}

/// A disclosure layer and when (if ever) the peer said it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LayerMark {
    pub id: String,
    /// Trust at which the peer is ready to share it.
    pub threshold: i32,
    pub summary: String,
    /// The step whose line disclosed it: 0 is the opening line, n is the
    /// reply to turn n. `None` when it was never said, however high trust
    /// went.
    pub disclosed_at: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Debrief {
    pub scenario: String,
    pub title: String,
    pub persona: String,
    pub seed: u64,
    /// `None` when the conversation was stopped before an ending.
    pub ending: Option<EndingSummary>,
    pub turns: Vec<DebriefTurn>,
    pub metrics: Metrics,
    /// Trust at the start and after each turn.
    pub trust_curve: Vec<i32>,
    pub layers: Vec<LayerMark>,
    /// The scenario's support services, for a scenario that touches on
    /// risk; shown with [`crate::scenario::SUPPORT_ELSEWHERE`].
    #[serde(default)]
    pub support: Vec<String>,
}

impl Debrief {
    pub fn build(scenario: &Scenario, conversation: &Conversation) -> Debrief {
        let steps = conversation.steps();
        let mut turns = Vec::with_capacity(conversation.turns().len());
        let mut tags: Vec<(Vec<Skill>, Option<u8>)> = Vec::new();
        for (i, turn) in conversation.turns().iter().enumerate() {
            let node = scenario.node(&turn.node);
            let choice = node.and_then(|n| n.option(&turn.choice));
            let skills = choice.map(|c| c.skills.clone()).unwrap_or_default();
            let empathy = choice.and_then(|c| c.empathy);
            tags.push((skills.clone(), empathy));
            turns.push(DebriefTurn {
                number: i + 1,
                node: turn.node.clone(),
                peer_line: steps.get(i).map(|s| s.line.clone()).unwrap_or_default(),
                choice: turn.choice.clone(),
                said: turn.said.clone(),
                skills,
                empathy,
                rating: choice.map_or(Rating::Mixed, |c| c.rating),
                trust_before: turn.trust_before,
                trust_after: turn.trust_after,
                adjustments: turn
                    .adjustments
                    .iter()
                    .map(|a: &Adjustment| a.describe(&scenario.persona.name))
                    .collect(),
                reaction: steps.get(i + 1).map(|s| s.line.clone()).unwrap_or_default(),
                layers_disclosed: turn.layers_disclosed.clone(),
                why: choice.map(|c| c.why.clone()).unwrap_or_default(),
                better: choice
                    .filter(|c| c.rating != Rating::Best)
                    .and_then(|c| c.better.clone()),
                alternatives: alternatives(scenario, conversation, i),
            });
        }
        let ending = conversation.ending(scenario).map(|e| {
            let last = conversation.current();
            EndingSummary {
                id: last.node.clone(),
                kind: e.kind,
                title: e.title.clone(),
                line: last.line.clone(),
                early: last.withdrew_early,
                note: ending_note(scenario, e.kind, last.band(), &last.disclosed),
            }
        });
        let said = &conversation.current().disclosed;
        let deepest_layer = scenario
            .layers
            .iter()
            .filter(|l| said.contains(&l.id))
            .max_by_key(|l| l.threshold)
            .map(|l| l.id.clone());
        let layers = scenario
            .layers
            .iter()
            .map(|l| LayerMark {
                id: l.id.clone(),
                threshold: l.threshold,
                summary: l.summary.clone(),
                disclosed_at: steps.iter().position(|s| s.disclosed.contains(&l.id)),
            })
            .collect();
        let metrics = Metrics::compute(
            tags.iter().map(|(s, e)| (s.as_slice(), *e)),
            deepest_layer,
            ending.as_ref().map(|e| e.kind),
        );
        Debrief {
            scenario: scenario.id.clone(),
            title: scenario.title.clone(),
            persona: scenario.persona.name.clone(),
            seed: conversation.seed,
            ending,
            turns,
            metrics,
            trust_curve: conversation.trust_curve(),
            layers,
            support: scenario.support.clone(),
        }
    }
}

/// Explains an ending whose kind seems to contradict the peer's final
/// openness band, or an opened-up ending with nothing said; `None` when
/// they agree. Trust is readiness; what the peer said decides the ending.
pub fn ending_note(
    scenario: &Scenario,
    kind: EndingKind,
    band: Band,
    disclosed: &[String],
) -> Option<String> {
    let name = &scenario.persona.name;
    let said = scenario
        .layers
        .iter()
        .filter(|l| disclosed.contains(&l.id))
        .count();
    let unsaid = scenario.layers.len() - said;
    match kind {
        EndingKind::Guarded | EndingKind::Withdrew if band >= Band::Open => {
            let what = if said == 0 {
                format!("{name} never said what mattered")
            } else if unsaid == 1 {
                format!("{name} kept one thing that mattered back")
            } else if unsaid > 1 {
                format!("{name} kept {unsaid} of the things that mattered back")
            } else {
                format!("{name} still chose to end it there")
            };
            Some(format!(
                "{} \u{2014} trust was high ({}), but {what}. Trust makes someone ready to talk; only what they say counts.",
                kind.label(),
                band.label()
            ))
        }
        EndingKind::OpenedUp if said == 0 && !scenario.layers.is_empty() => Some(format!(
            "{} \u{2014} but {name} did not say any of the things the debrief could credit.",
            kind.label()
        )),
        EndingKind::OpenedUp if band <= Band::Guarded => Some(format!(
            "{} \u{2014} trust ended low ({}), but {name} had already said what mattered.",
            kind.label(),
            band.label()
        )),
        _ => None,
    }
}

/// The other options offered at turn `i`, priced from the state then.
fn alternatives(scenario: &Scenario, conversation: &Conversation, i: usize) -> Vec<Alternative> {
    let chosen = conversation.turns().get(i).map(|t| t.choice.as_str());
    conversation
        .options_at(scenario, i)
        .into_iter()
        .filter(|c| Some(c.id.as_str()) != chosen)
        .map(|c| Alternative {
            id: c.id.clone(),
            text: c.text.clone(),
            skills: c.skills.clone(),
            rating: c.rating,
            trust_change: conversation
                .trust_change_at(scenario, i, &c.id)
                .unwrap_or_else(|| c.base_trust()),
            why: c.why.clone(),
        })
        .collect()
}
