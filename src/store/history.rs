//! Past sessions, kept in `history.ron`: enough to list them, show their
//! metrics, replay them and plot progress.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};

use crate::debrief::{Debrief, Metrics};
use crate::engine::{Conversation, EngineError};
use crate::scenario::{EndingKind, Scenario};

/// The current format of `history.ron`. Version 0 is a file without a
/// `version` field, whose records may lack the title, seed, choices and
/// metrics; those load as empty.
pub const HISTORY_VERSION: u32 = 1;

/// A session's stable id: unique across instances and machines, so merging
/// two histories never mixes up sessions.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SessionId(pub String);

impl SessionId {
    /// A fresh id: the start time plus 64 random bits.
    pub fn new(started: Timestamp) -> SessionId {
        SessionId(format!(
            "{}-{:016x}",
            started.as_second(),
            rand::random::<u64>()
        ))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One conversation the learner had, finished or not. Unknown fields are
/// an error, so a misspelt or foreign record is never half-read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionRecord {
    pub id: SessionId,
    /// When the conversation started.
    pub date: Timestamp,
    pub scenario_id: String,
    /// The title when the session was played, so the history still reads
    /// well if the scenario file is gone.
    #[serde(default)]
    pub scenario_title: String,
    #[serde(default)]
    pub seed: u64,
    /// The option ids chosen, in order: with the seed, enough to replay.
    #[serde(default)]
    pub choices: Vec<String>,
    /// `None` while unfinished.
    #[serde(default)]
    pub ending: Option<EndingKind>,
    /// `None` only in version-0 files that did not store them.
    #[serde(default)]
    pub metrics: Option<Metrics>,
}

impl SessionRecord {
    /// Records where `conversation` stands now: its choices, its ending if
    /// it has one, and the debrief's metrics.
    pub fn from_conversation(
        id: SessionId,
        date: Timestamp,
        scenario: &Scenario,
        conversation: &Conversation,
    ) -> SessionRecord {
        let metrics = Debrief::build(scenario, conversation).metrics;
        SessionRecord {
            id,
            date,
            scenario_id: scenario.id.clone(),
            scenario_title: scenario.title.clone(),
            seed: conversation.seed,
            choices: conversation.choices(),
            ending: conversation.ending(scenario).map(|e| e.kind),
            metrics: Some(metrics),
        }
    }

    /// Plays the recorded choices again, for reviewing a past session.
    pub fn replay(&self, scenario: &Scenario) -> Result<Conversation, EngineError> {
        Conversation::replay(scenario, self.seed, &self.choices)
    }

    pub fn is_finished(&self) -> bool {
        self.ending.is_some()
    }

    /// The title to show: the stored one, or the id for old records.
    pub fn title(&self) -> &str {
        if self.scenario_title.is_empty() {
            &self.scenario_id
        } else {
            &self.scenario_title
        }
    }

    /// "Opened up", "Stayed guarded", "Withdrew" or "Unfinished".
    pub fn ending_label(&self) -> &'static str {
        self.ending.map_or("Unfinished", EndingKind::label)
    }

    /// The start in the learner's time zone, e.g. "Thu 14 May 2026, 09:05".
    pub fn date_label(&self) -> String {
        date_label(self.date)
    }
}

/// A timestamp in the learner's time zone, e.g. "Thu 14 May 2026, 09:05".
pub fn date_label(at: Timestamp) -> String {
    let local = at.to_zoned(TimeZone::system());
    jiff::fmt::strtime::format("%a %-d %b %Y, %H:%M", &local).unwrap_or_else(|_| at.to_string())
}

/// The learner's best result in one scenario, for its library card.
#[derive(Clone, Debug, PartialEq)]
pub struct BestOutcome {
    pub ending: EndingKind,
    /// The session that reached it (the most empathic one among ties).
    pub session: SessionId,
    pub date: Timestamp,
    /// Sessions started in this scenario, finished or not.
    pub attempts: usize,
}

/// Every recorded session, oldest first. Decoded strictly: an unknown
/// field (a misspelt `sessons:`, settings written into the wrong file) or a
/// missing `sessions` makes the file unreadable, so it is moved aside
/// instead of being read as empty and overwritten.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct History {
    /// The format version; see [`HISTORY_VERSION`]. Missing means 0.
    #[serde(default)]
    pub version: u32,
    sessions: Vec<SessionRecord>,
}

impl Default for History {
    fn default() -> Self {
        History {
            version: HISTORY_VERSION,
            sessions: Vec::new(),
        }
    }
}

impl History {
    /// Every session, oldest first.
    pub fn sessions(&self) -> &[SessionRecord] {
        &self.sessions
    }

    pub fn len(&self) -> usize {
        self.sessions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sessions.is_empty()
    }

    pub fn get(&self, id: &SessionId) -> Option<&SessionRecord> {
        self.sessions.iter().find(|s| &s.id == id)
    }

    /// Adds a session, or replaces the one with the same id (a session
    /// recorded while unfinished and again at its ending).
    pub fn upsert(&mut self, record: SessionRecord) {
        match self.sessions.iter_mut().find(|s| s.id == record.id) {
            Some(old) => *old = record,
            None => self.sessions.push(record),
        }
        self.sort();
    }

    /// The sessions of one scenario, oldest first.
    pub fn for_scenario<'a>(
        &'a self,
        scenario_id: &'a str,
    ) -> impl Iterator<Item = &'a SessionRecord> + 'a {
        self.sessions
            .iter()
            .filter(move |s| s.scenario_id == scenario_id)
    }

    /// The best ending reached in a scenario, or `None` if no session there
    /// has finished. Opened up beats guarded beats withdrew; among equals the
    /// higher mean empathy wins, then the later session.
    pub fn best_outcome(&self, scenario_id: &str) -> Option<BestOutcome> {
        let attempts = self.for_scenario(scenario_id).count();
        self.for_scenario(scenario_id)
            .filter_map(|s| s.ending.map(|e| (e, s)))
            .max_by(|(a, x), (b, y)| {
                a.cmp(b)
                    .then(mean_empathy(x).total_cmp(&mean_empathy(y)))
                    .then(x.date.cmp(&y.date))
            })
            .map(|(ending, s)| BestOutcome {
                ending,
                session: s.id.clone(),
                date: s.date,
                attempts,
            })
    }

    /// [`best_outcome`](History::best_outcome) for every scenario with a
    /// finished session, keyed by scenario id.
    pub fn best_outcomes(&self) -> BTreeMap<String, BestOutcome> {
        let ids: BTreeSet<&str> = self
            .sessions
            .iter()
            .map(|s| s.scenario_id.as_str())
            .collect();
        ids.into_iter()
            .filter_map(|id| self.best_outcome(id).map(|b| (id.to_owned(), b)))
            .collect()
    }

    /// Joins the history on disk with this one: every session of either
    /// survives. For a session in both, this one's copy wins when its id is
    /// in `ours_newer` (changed here since loading), else the disk's does.
    pub fn merged(&self, disk: History, ours_newer: &BTreeSet<SessionId>) -> History {
        let mut by_id: BTreeMap<SessionId, SessionRecord> = disk
            .sessions
            .into_iter()
            .map(|s| (s.id.clone(), s))
            .collect();
        for s in &self.sessions {
            if ours_newer.contains(&s.id) || !by_id.contains_key(&s.id) {
                by_id.insert(s.id.clone(), s.clone());
            }
        }
        let mut merged = History {
            version: HISTORY_VERSION,
            sessions: by_id.into_values().collect(),
        };
        merged.sort();
        merged
    }

    /// This history in order, as loaded files may not be.
    pub(crate) fn sorted(mut self) -> History {
        self.sort();
        self
    }

    /// Oldest first; the id breaks ties so the order is stable.
    fn sort(&mut self) {
        self.sessions
            .sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    }
}

fn mean_empathy(s: &SessionRecord) -> f64 {
    s.metrics
        .as_ref()
        .and_then(|m| m.mean_empathy)
        .unwrap_or(0.0)
}
