//! Per-skill series across sessions, for the progress plots on the History
//! screen.

use jiff::Timestamp;

use super::history::{History, SessionId};
use crate::debrief::{COMPLEX_FAIR, COMPLEX_GOOD, Metrics, OPEN_FAIR, OPEN_GOOD, RQ_FAIR, RQ_GOOD};

/// One skill score tracked across sessions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TrendMetric {
    /// Reflections per question (MITI R:Q).
    ReflectionToQuestion,
    PercentComplexReflections,
    PercentOpenQuestions,
    /// Mean Carkhuff empathy level, 1 to 5.
    MeanEmpathy,
    /// Roadblocks used in the session, all kinds together.
    Roadblocks,
}

impl TrendMetric {
    /// Every metric, in the order the History screen plots them.
    pub const ALL: [TrendMetric; 5] = [
        TrendMetric::ReflectionToQuestion,
        TrendMetric::PercentComplexReflections,
        TrendMetric::PercentOpenQuestions,
        TrendMetric::MeanEmpathy,
        TrendMetric::Roadblocks,
    ];

    pub fn label(self) -> &'static str {
        match self {
            TrendMetric::ReflectionToQuestion => "Reflections per question",
            TrendMetric::PercentComplexReflections => "% complex reflections",
            TrendMetric::PercentOpenQuestions => "% open questions",
            TrendMetric::MeanEmpathy => "Mean empathy level",
            TrendMetric::Roadblocks => "Roadblocks",
        }
    }

    /// The MITI "fair" line, where there is one (Carkhuff level 3 for
    /// empathy, no roadblocks at all for roadblocks).
    pub fn fair_line(self) -> Option<f64> {
        match self {
            TrendMetric::ReflectionToQuestion => Some(RQ_FAIR),
            TrendMetric::PercentComplexReflections => Some(COMPLEX_FAIR),
            TrendMetric::PercentOpenQuestions => Some(OPEN_FAIR),
            TrendMetric::MeanEmpathy => Some(3.0),
            TrendMetric::Roadblocks => None,
        }
    }

    /// The MITI "good" line, where there is one.
    pub fn good_line(self) -> Option<f64> {
        match self {
            TrendMetric::ReflectionToQuestion => Some(RQ_GOOD),
            TrendMetric::PercentComplexReflections => Some(COMPLEX_GOOD),
            TrendMetric::PercentOpenQuestions => Some(OPEN_GOOD),
            TrendMetric::MeanEmpathy => Some(4.0),
            TrendMetric::Roadblocks => Some(0.0),
        }
    }

    /// False only for roadblocks, where fewer is better.
    pub fn higher_is_better(self) -> bool {
        self != TrendMetric::Roadblocks
    }

    /// The session's value, or `None` when it is undefined (no questions
    /// asked, or reflections without any question: an unbounded ratio).
    pub fn value(self, m: &Metrics) -> Option<f64> {
        match self {
            TrendMetric::ReflectionToQuestion => m.reflection_to_question.value,
            TrendMetric::PercentComplexReflections => m.percent_complex_reflections.value,
            TrendMetric::PercentOpenQuestions => m.percent_open_questions.value,
            TrendMetric::MeanEmpathy => m.mean_empathy,
            TrendMetric::Roadblocks => Some(f64::from(m.roadblock_total)),
        }
    }
}

/// One session's value in a [`Trend`].
#[derive(Clone, Debug, PartialEq)]
pub struct TrendPoint {
    /// The session's number among the finished sessions plotted, from 1, so
    /// sessions with an undefined value leave a visible gap.
    pub number: usize,
    pub session: SessionId,
    pub date: Timestamp,
    pub value: f64,
}

/// One metric across the finished sessions, oldest first.
#[derive(Clone, Debug, PartialEq)]
pub struct Trend {
    pub metric: TrendMetric,
    pub points: Vec<TrendPoint>,
}

impl Trend {
    /// `[session number, value]` pairs, ready for a line plot.
    pub fn xy(&self) -> Vec<[f64; 2]> {
        self.points
            .iter()
            .map(|p| [p.number as f64, p.value])
            .collect()
    }
}

impl History {
    /// One [`Trend`] per [`TrendMetric`], in [`TrendMetric::ALL`] order, over
    /// the finished sessions of one scenario or (with `None`) of all.
    pub fn trends(&self, scenario_id: Option<&str>) -> Vec<Trend> {
        let sessions: Vec<_> = self
            .sessions()
            .iter()
            .filter(|s| scenario_id.is_none_or(|id| s.scenario_id == id))
            .filter(|s| s.is_finished())
            .filter_map(|s| s.metrics.as_ref().map(|m| (s, m)))
            .collect();
        TrendMetric::ALL
            .into_iter()
            .map(|metric| Trend {
                metric,
                points: sessions
                    .iter()
                    .enumerate()
                    .filter_map(|(i, (s, m))| {
                        metric.value(m).map(|value| TrendPoint {
                            number: i + 1,
                            session: s.id.clone(),
                            date: s.date,
                            value,
                        })
                    })
                    .collect(),
            })
            .collect()
    }
}
