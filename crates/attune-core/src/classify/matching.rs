//! Which authored options a typed reply is closest to, in skill and in
//! meaning, so the learner can confirm or correct what they meant.

use crate::scenario::Choice;
use crate::skills::{Roadblock, Skill};

use super::code::Code;
use super::features::{features, words};

/// How much the skill counts against the wording when ranking options.
const SKILL_WEIGHT: f32 = 0.6;

/// The classifier code nearest to any authored skill: the code itself
/// where there is one, else the move it most resembles (a safety check is
/// a closed question, a referral is information).
pub fn code_for_skill(skill: Skill) -> Code {
    if let Some(code) = Code::from_skill(skill) {
        return code;
    }
    match skill {
        Skill::SafetyCheck | Skill::HarmCheck => Code::ClosedQuestion,
        Skill::ConfidentialityLimits | Skill::WarmReferral => Code::GivingInformation,
        Skill::PersuadeWithPermission => Code::AdviceWithPermission,
        Skill::AskingPermission => Code::SeekingCollaboration,
        Skill::Persuade => Code::Roadblock(Roadblock::PersuadingWithLogic),
        Skill::Confront => Code::Roadblock(Roadblock::Judging),
        _ => Code::Other,
    }
}

/// How alike two texts' wording is, 0 to 1: the cosine of their feature
/// sets.
pub fn wording_similarity(a: &str, b: &str) -> f32 {
    if words(a).is_empty() || words(b).is_empty() {
        return 0.0;
    }
    let (fa, fb) = (features(a), features(b));
    if fa.is_empty() || fb.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0_usize);
    while i < fa.len() && j < fb.len() {
        match fa[i].cmp(&fb[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let cosine = shared as f32 / ((fa.len() * fb.len()) as f32).sqrt();
    cosine
}

/// One option's closeness to a typed reply.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    /// The option's index in the node's list.
    pub index: usize,
    /// 0 to 1: the blend of skill and wording closeness.
    pub score: f32,
    /// The classifier's probability for the option's own code.
    pub skill: f32,
    pub wording: f32,
}

/// The options ranked by closeness to `typed`, closest first (ties keep
/// authored order). `probabilities` are the classifier's, in code order.
pub fn rank_options(typed: &str, probabilities: &[f32], options: &[Choice]) -> Vec<Match> {
    let mut ranked: Vec<Match> = options
        .iter()
        .enumerate()
        .map(|(index, choice)| {
            let code = choice
                .skills
                .first()
                .map_or(Code::Other, |s| code_for_skill(*s));
            let skill = probabilities.get(code.index()).copied().unwrap_or(0.0);
            let wording = wording_similarity(typed, &choice.text);
            Match {
                index,
                score: SKILL_WEIGHT * skill + (1.0 - SKILL_WEIGHT) * wording,
                skill,
                wording,
            }
        })
        .collect();
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.index.cmp(&b.index)));
    ranked
}

/// The closest few options for a classified reply: two or three, fewer
/// only when the node has fewer.
pub fn closest_options(typed: &str, probabilities: &[f32], options: &[Choice]) -> Vec<Match> {
    let mut ranked = rank_options(typed, probabilities, options);
    // A third option only when it is nearly as close as the second.
    let keep = match ranked.get(1..3) {
        Some([second, third]) if third.score >= second.score * 0.75 => 3,
        _ => 2,
    };
    ranked.truncate(keep);
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skills_without_a_code_map_to_the_nearest_move() {
        assert_eq!(code_for_skill(Skill::SafetyCheck), Code::ClosedQuestion);
        assert_eq!(code_for_skill(Skill::Summary), Code::Summary);
        assert_eq!(code_for_skill(Skill::AttentiveSilence), Code::Other);
    }

    #[test]
    fn wording_similarity_is_one_for_the_same_text_and_low_for_unrelated() {
        let same = wording_similarity("you feel let down", "you feel let down");
        assert!((same - 1.0).abs() < 1e-6);
        let apart = wording_similarity("you feel let down", "have you tried yoga");
        assert!(apart < 0.3, "{apart}");
        assert!((0.0..=1.0).contains(&apart));
        assert!(wording_similarity("", "anything").abs() < 1e-6);
    }
}
