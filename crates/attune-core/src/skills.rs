//! The skill vocabulary every option is tagged with: OARS and MITI 4.2.1
//! behaviour codes (open and closed questions as MITI 3.1.1 splits them),
//! peer-specific skills, and Gordon's twelve roadblocks. docs/skills.md
//! defines each with examples.
//!
//! The tags are shared by the scenario files, the engine, the debrief and
//! the app, so they live at the crate root rather than under any one of them.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Gordon's twelve roadblocks to communication.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Roadblock {
    Ordering,
    Warning,
    Moralizing,
    Advising,
    PersuadingWithLogic,
    Judging,
    Praising,
    Labelling,
    Interpreting,
    Reassuring,
    Probing,
    Withdrawing,
}

impl Roadblock {
    pub const ALL: [Roadblock; 12] = [
        Roadblock::Ordering,
        Roadblock::Warning,
        Roadblock::Moralizing,
        Roadblock::Advising,
        Roadblock::PersuadingWithLogic,
        Roadblock::Judging,
        Roadblock::Praising,
        Roadblock::Labelling,
        Roadblock::Interpreting,
        Roadblock::Reassuring,
        Roadblock::Probing,
        Roadblock::Withdrawing,
    ];

    /// The name used in debriefs, close to Gordon's own.
    pub fn label(self) -> &'static str {
        match self {
            Roadblock::Ordering => "ordering",
            Roadblock::Warning => "warning",
            Roadblock::Moralizing => "moralizing",
            Roadblock::Advising => "advising",
            Roadblock::PersuadingWithLogic => "persuading with logic",
            Roadblock::Judging => "judging",
            Roadblock::Praising => "praising",
            Roadblock::Labelling => "labelling",
            Roadblock::Interpreting => "interpreting",
            Roadblock::Reassuring => "reassuring",
            Roadblock::Probing => "probing",
            Roadblock::Withdrawing => "withdrawing or distracting",
        }
    }

    /// The RON/JSON spelling, e.g. `persuading_with_logic`.
    pub fn code(self) -> &'static str {
        match self {
            Roadblock::Ordering => "ordering",
            Roadblock::Warning => "warning",
            Roadblock::Moralizing => "moralizing",
            Roadblock::Advising => "advising",
            Roadblock::PersuadingWithLogic => "persuading_with_logic",
            Roadblock::Judging => "judging",
            Roadblock::Praising => "praising",
            Roadblock::Labelling => "labelling",
            Roadblock::Interpreting => "interpreting",
            Roadblock::Reassuring => "reassuring",
            Roadblock::Probing => "probing",
            Roadblock::Withdrawing => "withdrawing",
        }
    }

    /// Roadblocks that usually come from kindness; content lints check that
    /// scenarios make them tempting.
    pub fn sounds_warm(self) -> bool {
        matches!(
            self,
            Roadblock::Advising
                | Roadblock::Praising
                | Roadblock::Reassuring
                | Roadblock::PersuadingWithLogic
                | Roadblock::Interpreting
        )
    }
}

/// One tag on an option: what the learner's words do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Skill {
    // OARS and MITI 4.2.1 behaviour codes.
    OpenQuestion,
    ClosedQuestion,
    SimpleReflection,
    ComplexReflection,
    Affirm,
    Summary,
    SeekingCollaboration,
    EmphasizingAutonomy,
    GivingInformation,
    /// Advice the person asked for, or agreed to hear when offered: MITI's
    /// persuade with permission. Unasked advice is the advising roadblock.
    AdviceWithPermission,
    PersuadeWithPermission,
    Persuade,
    Confront,
    // Peer-specific skills that clinical codes leave out.
    /// Staying quiet and present so the peer can finish.
    AttentiveSilence,
    /// A brief disclosure that hands the focus straight back.
    SelfDisclosure,
    ConveyingHope,
    AskingPermission,
    PersonFirstLanguage,
    /// Asking directly and calmly about thoughts of suicide.
    SafetyCheck,
    /// Asking directly about a risk other than suicide: safety from others
    /// at home, self-harm, drug use, a child's safety.
    HarmCheck,
    /// Saying honestly what the supporter cannot keep to themselves, before
    /// or when it matters.
    ConfidentialityLimits,
    WarmReferral,
    /// Acknowledging one's own misstep.
    Repair,
    /// One of Gordon's roadblocks.
    Roadblock(Roadblock),
}

/// How a skill counts in the MITI summary scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MitiCount {
    SimpleReflection,
    ComplexReflection,
    OpenQuestion,
    ClosedQuestion,
    None,
}

impl Skill {
    pub fn label(self) -> String {
        let s = match self {
            Skill::OpenQuestion => "open question",
            Skill::ClosedQuestion => "closed question",
            Skill::SimpleReflection => "simple reflection",
            Skill::ComplexReflection => "complex reflection",
            Skill::Affirm => "affirmation",
            Skill::Summary => "summary",
            Skill::SeekingCollaboration => "seeking collaboration",
            Skill::EmphasizingAutonomy => "emphasizing autonomy",
            Skill::GivingInformation => "giving information",
            Skill::AdviceWithPermission => "advice with permission",
            Skill::PersuadeWithPermission => "persuading with permission",
            Skill::Persuade => "persuading",
            Skill::Confront => "confronting",
            Skill::AttentiveSilence => "attentive silence",
            Skill::SelfDisclosure => "peer self-disclosure",
            Skill::ConveyingHope => "conveying hope",
            Skill::AskingPermission => "asking permission",
            Skill::PersonFirstLanguage => "person-first language",
            Skill::SafetyCheck => "asking directly about suicide",
            Skill::HarmCheck => "asking directly about other harm",
            Skill::ConfidentialityLimits => "stating the limits of confidentiality",
            Skill::WarmReferral => "warm referral",
            Skill::Repair => "repair",
            Skill::Roadblock(r) => return format!("roadblock: {}", r.label()),
        };
        s.to_string()
    }

    /// The RON/JSON spelling, e.g. `complex_reflection` or `roadblock(advising)`.
    pub fn code(self) -> String {
        let s = match self {
            Skill::OpenQuestion => "open_question",
            Skill::ClosedQuestion => "closed_question",
            Skill::SimpleReflection => "simple_reflection",
            Skill::ComplexReflection => "complex_reflection",
            Skill::Affirm => "affirm",
            Skill::Summary => "summary",
            Skill::SeekingCollaboration => "seeking_collaboration",
            Skill::EmphasizingAutonomy => "emphasizing_autonomy",
            Skill::GivingInformation => "giving_information",
            Skill::AdviceWithPermission => "advice_with_permission",
            Skill::PersuadeWithPermission => "persuade_with_permission",
            Skill::Persuade => "persuade",
            Skill::Confront => "confront",
            Skill::AttentiveSilence => "attentive_silence",
            Skill::SelfDisclosure => "self_disclosure",
            Skill::ConveyingHope => "conveying_hope",
            Skill::AskingPermission => "asking_permission",
            Skill::PersonFirstLanguage => "person_first_language",
            Skill::SafetyCheck => "safety_check",
            Skill::HarmCheck => "harm_check",
            Skill::ConfidentialityLimits => "confidentiality_limits",
            Skill::WarmReferral => "warm_referral",
            Skill::Repair => "repair",
            Skill::Roadblock(r) => return format!("roadblock({})", r.code()),
        };
        s.to_string()
    }

    /// How the tag counts towards the MITI summary scores. A summary is
    /// coded as a complex reflection, as MITI 4 does; probing counts as a
    /// closed question. A direct safety question is not counted at all: it
    /// is rightly closed, and must never lower the learner's % open
    /// questions.
    pub fn miti(self) -> MitiCount {
        match self {
            Skill::SimpleReflection => MitiCount::SimpleReflection,
            Skill::ComplexReflection | Skill::Summary => MitiCount::ComplexReflection,
            Skill::OpenQuestion => MitiCount::OpenQuestion,
            Skill::ClosedQuestion | Skill::Roadblock(Roadblock::Probing) => {
                MitiCount::ClosedQuestion
            }
            _ => MitiCount::None,
        }
    }

    pub fn is_roadblock(self) -> bool {
        matches!(self, Skill::Roadblock(_))
    }

    /// Reflections, summaries and silence: listening moves that the content
    /// lints expect to help, not hurt.
    pub fn is_listening(self) -> bool {
        matches!(
            self,
            Skill::SimpleReflection
                | Skill::ComplexReflection
                | Skill::Summary
                | Skill::AttentiveSilence
        )
    }
}

impl fmt::Display for Skill {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

/// A Carkhuff level's meaning in one phrase, for debriefs. `None` is a
/// move the scale does not rate.
pub fn carkhuff_label(level: Option<u8>) -> &'static str {
    let Some(level) = level else {
        return "not rated: not a response to feeling or meaning";
    };
    match level {
        0 | 1 => "level 1: misses or dismisses the feeling",
        2 => "level 2: subtracts from the feeling",
        3 => "level 3: interchangeable, matches the feeling and content",
        4 => "level 4: additive, names the feeling underneath",
        _ => "level 5: additive, names the deeper meaning",
    }
}
