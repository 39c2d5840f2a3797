//! What was heard in a typed reply, the record of a typed turn for the
//! debrief, and the typed replies' own MITI counts.

use serde::{Deserialize, Serialize};

use crate::classify::{Classification, Code, Match, Model, closest_options};
use crate::debrief::Metrics;
use crate::scenario::Choice;

use super::vet::{Problem, vet};

/// A typed reply after coding: how it was heard and the authored options
/// closest to it, closest first.
#[derive(Clone, Debug, PartialEq)]
pub struct Heard {
    /// The reply as coded (trimmed).
    pub text: String,
    pub classification: Classification,
    /// Two or three options, closest in skill and meaning first.
    pub closest: Vec<Match>,
}

impl Heard {
    /// The option Type only mode takes unless the learner corrects it.
    pub fn nearest(&self) -> Option<usize> {
        self.closest.first().map(|m| m.index)
    }

    /// "I heard this as: a complex reflection (72% sure)".
    pub fn headline(&self) -> String {
        format!(
            "I heard this as: {} ({:.0}% sure)",
            with_article(&self.classification.code),
            self.classification.confidence * 100.0
        )
    }
}

/// "a complex reflection", "an open question", "roadblock: advising".
pub fn with_article(code: &Code) -> String {
    let label = code.label();
    if code.skill().is_some_and(|s| s.is_roadblock()) || *code == Code::Other {
        return label;
    }
    let article = if label.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {label}")
}

/// Vets and codes a typed reply against the options on offer.
pub fn hear(model: &Model, text: &str, options: &[Choice]) -> Result<Heard, Problem> {
    let text = vet(text)?;
    let classification = model.classify(&text).ok_or(Problem::Empty)?;
    let probabilities = model.probabilities(&text);
    let closest = closest_options(&text, &probabilities, options);
    Ok(Heard {
        text,
        classification,
        closest,
    })
}

/// One typed turn, kept for the debrief.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TypedTurn {
    /// What the learner typed.
    pub typed: String,
    /// The code it got, in the corpus spelling (`complex_reflection`).
    pub code: String,
    pub confidence: f32,
    /// The text of the option Attune put first.
    pub suggested: String,
    /// The text of the option the peer reacted to: the suggestion or the
    /// learner's correction.
    pub chosen: String,
}

impl TypedTurn {
    /// Records what was heard and which of `options` (the ones `heard`
    /// was ranked against) the learner settled on.
    pub fn new(heard: &Heard, options: &[Choice], chosen: usize) -> TypedTurn {
        let text = |i: usize| options.get(i).map(|c| c.text.clone()).unwrap_or_default();
        TypedTurn {
            typed: heard.text.clone(),
            code: heard.classification.code.name(),
            confidence: heard.classification.confidence,
            suggested: text(heard.nearest().unwrap_or(chosen)),
            chosen: text(chosen),
        }
    }

    /// Whether the learner picked another option than Attune's first.
    pub fn corrected(&self) -> bool {
        self.suggested != self.chosen
    }

    pub fn code(&self) -> Option<Code> {
        Code::parse(&self.code)
    }
}

/// The MITI counts of what the learner typed, by the codes their replies
/// got, as opposed to the options they ended up on.
pub fn typed_metrics(turns: &[TypedTurn]) -> Metrics {
    let skills: Vec<[crate::skills::Skill; 1]> = turns
        .iter()
        .filter_map(|t| t.code().and_then(Code::skill))
        .map(|s| [s])
        .collect();
    Metrics::compute(skills.iter().map(|s| (&s[..], None)), None, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_read_naturally() {
        assert_eq!(with_article(&Code::OpenQuestion), "an open question");
        assert_eq!(
            with_article(&Code::ComplexReflection),
            "a complex reflection"
        );
        assert!(
            with_article(&Code::Roadblock(crate::skills::Roadblock::Advising))
                .starts_with("roadblock")
        );
    }

    #[test]
    fn typed_metrics_count_the_typed_codes() {
        let turn = |code: &str| TypedTurn {
            typed: String::new(),
            code: code.to_string(),
            confidence: 0.5,
            suggested: "a".to_string(),
            chosen: "b".to_string(),
        };
        let turns = [
            turn("open_question"),
            turn("complex_reflection"),
            turn("simple_reflection"),
            turn("roadblock(advising)"),
        ];
        let m = typed_metrics(&turns);
        assert_eq!((m.reflections, m.complex_reflections), (2, 1));
        assert_eq!((m.questions, m.open_questions), (1, 1));
        assert_eq!(m.roadblock_total, 1);
        assert!(turns[0].corrected());
    }
}
