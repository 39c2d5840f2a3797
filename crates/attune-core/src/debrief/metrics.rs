//! Skill metrics for one conversation, scored against the MITI lines.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::scenario::EndingKind;
use crate::skills::{MitiCount, Roadblock, Skill};

/// MITI 4.2.1 reflection-to-question ratio: fair 1:1, good 2:1.
pub const RQ_FAIR: f64 = 1.0;
pub const RQ_GOOD: f64 = 2.0;
/// MITI 4.2.1 percentage of complex reflections: fair 40%, good 50%.
pub const COMPLEX_FAIR: f64 = 40.0;
pub const COMPLEX_GOOD: f64 = 50.0;
/// MITI 3.1.1 percentage of open questions: fair 50%, good 70%. MITI 4
/// no longer splits open and closed questions, so these lines come from
/// the version before it.
pub const OPEN_FAIR: f64 = 50.0;
pub const OPEN_GOOD: f64 = 70.0;

/// Where the R:Q and complex-reflection lines come from.
pub const REFLECTION_SOURCE: &str = "MITI 4.2.1";
/// Where the open-question lines come from.
pub const OPEN_SOURCE: &str = "MITI 3.1.1";

/// One sentence naming the sources, for every place that cites the lines.
pub fn sources_note() -> String {
    format!(
        "R:Q and % complex reflections use the {REFLECTION_SOURCE} lines; % open questions uses the {OPEN_SOURCE} lines, as MITI 4 does not split open and closed questions."
    )
}

/// Where a score falls against the fair and good lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Nothing to score: e.g. no questions and no reflections.
    NotScored,
    BelowFair,
    Fair,
    Good,
}

impl Level {
    fn of(value: f64, fair: f64, good: f64) -> Level {
        if value >= good {
            Level::Good
        } else if value >= fair {
            Level::Fair
        } else {
            Level::BelowFair
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Level::NotScored => "not scored",
            Level::BelowFair => "below fair",
            Level::Fair => "fair",
            Level::Good => "good",
        }
    }
}

/// A percentage or ratio with its level; `value` is `None` when undefined.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Score {
    pub value: Option<f64>,
    pub level: Level,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    pub reflections: u32,
    pub complex_reflections: u32,
    pub questions: u32,
    pub open_questions: u32,
    /// Reflections per question. With reflections but no questions the
    /// ratio is unbounded: `value` is `None` and the level is good.
    pub reflection_to_question: Score,
    pub percent_complex_reflections: Score,
    pub percent_open_questions: Score,
    pub roadblocks: BTreeMap<Roadblock, u32>,
    pub roadblock_total: u32,
    /// Mean Carkhuff level over the turns that carry one.
    pub mean_empathy: Option<f64>,
    /// The deepest layer the peer disclosed (a line saying it was shown),
    /// by threshold; readiness alone never counts.
    pub deepest_layer: Option<String>,
    pub ending: Option<EndingKind>,
}

impl Metrics {
    /// Counts the tags of each turn. `turns` yields each turn's skills and
    /// Carkhuff level.
    pub fn compute<'a>(
        turns: impl IntoIterator<Item = (&'a [Skill], Option<u8>)>,
        deepest_layer: Option<String>,
        ending: Option<EndingKind>,
    ) -> Metrics {
        let (mut simple, mut complex, mut open, mut closed) = (0u32, 0u32, 0u32, 0u32);
        let mut roadblocks = BTreeMap::new();
        let (mut empathy_sum, mut n) = (0u32, 0u32);
        for (skills, empathy) in turns {
            for skill in skills {
                match skill.miti() {
                    MitiCount::SimpleReflection => simple += 1,
                    MitiCount::ComplexReflection => complex += 1,
                    MitiCount::OpenQuestion => open += 1,
                    MitiCount::ClosedQuestion => closed += 1,
                    MitiCount::None => {}
                }
                if let Skill::Roadblock(r) = skill {
                    *roadblocks.entry(*r).or_insert(0) += 1;
                }
            }
            if let Some(level) = empathy {
                empathy_sum += u32::from(level);
                n += 1;
            }
        }
        let reflections = simple + complex;
        let questions = open + closed;
        let reflection_to_question = match (reflections, questions) {
            (0, 0) => Score {
                value: None,
                level: Level::NotScored,
            },
            (_, 0) => Score {
                value: None,
                level: Level::Good,
            },
            (r, q) => {
                let v = f64::from(r) / f64::from(q);
                Score {
                    value: Some(v),
                    level: Level::of(v, RQ_FAIR, RQ_GOOD),
                }
            }
        };
        let percent = |part: u32, whole: u32, fair, good| {
            if whole == 0 {
                Score {
                    value: None,
                    level: Level::NotScored,
                }
            } else {
                let v = 100.0 * f64::from(part) / f64::from(whole);
                Score {
                    value: Some(v),
                    level: Level::of(v, fair, good),
                }
            }
        };
        Metrics {
            reflections,
            complex_reflections: complex,
            questions,
            open_questions: open,
            reflection_to_question,
            percent_complex_reflections: percent(complex, reflections, COMPLEX_FAIR, COMPLEX_GOOD),
            percent_open_questions: percent(open, questions, OPEN_FAIR, OPEN_GOOD),
            roadblock_total: roadblocks.values().sum(),
            roadblocks,
            mean_empathy: (n > 0).then(|| f64::from(empathy_sum) / f64::from(n)),
            deepest_layer,
            ending,
        }
    }
}
