//! Code lints: tags that contradict each other. A Carkhuff level rates a
//! response to what the peer feels or means, so giving one to silence, a
//! referral or a safety question misrates the move.

use super::validate::Reporter;
use crate::scenario::diagnostic::Severity;
use crate::scenario::{Choice, Scenario};
use crate::skills::Skill;

/// Primary codes that are not a response to feeling or meaning.
pub fn is_unrated_move(skill: Skill) -> bool {
    matches!(
        skill,
        Skill::AttentiveSilence
            | Skill::AskingPermission
            | Skill::WarmReferral
            | Skill::GivingInformation
            | Skill::AdviceWithPermission
            | Skill::ConfidentialityLimits
            | Skill::SafetyCheck
            | Skill::HarmCheck
            | Skill::ClosedQuestion
    )
}

/// Tags that do answer a feeling, so an option carrying one may be rated
/// even when its primary code is not.
fn answers_feeling(skill: Skill) -> bool {
    matches!(
        skill,
        Skill::SimpleReflection
            | Skill::ComplexReflection
            | Skill::Summary
            | Skill::Affirm
            | Skill::Roadblock(_)
    )
}

/// The option has an empathy level but its words do not answer a feeling.
pub fn empathy_misapplied(o: &Choice) -> bool {
    o.empathy.is_some()
        && o.skills.first().is_some_and(|s| is_unrated_move(*s))
        && !o.skills.iter().any(|s| answers_feeling(*s))
}

pub(crate) fn lint(r: &mut Reporter, s: &Scenario) {
    for node in &s.nodes {
        for o in node.options.iter().filter(|o| empathy_misapplied(o)) {
            let at = r.option_field_at(&node.id, &o.id, "empathy");
            let primary = o.skills.first().map(|s| s.label()).unwrap_or_default();
            r.push(
                at,
                Severity::Warning,
                "empathy-not-rated",
                format!(
                    "option \"{}\" is {primary}, not a response to feeling or meaning, but has a Carkhuff level",
                    o.id
                ),
                Some(
                    "remove `empathy`; the debrief shows such moves as not rated. Rate reflections, summaries, affirmations and the replies that miss a feeling"
                        .into(),
                ),
            );
        }
    }
}
