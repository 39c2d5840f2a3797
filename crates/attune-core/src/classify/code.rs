//! The codes a typed reply can get, and the four families they fall into.

use std::fmt;

use crate::skills::{Roadblock, Skill};

/// One code for one utterance: an OARS/MITI behaviour, one of Gordon's
/// twelve roadblocks, or `Other`. The order is the model's class order, so
/// it must not change without retraining.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    OpenQuestion,
    ClosedQuestion,
    SimpleReflection,
    ComplexReflection,
    Summary,
    Affirm,
    GivingInformation,
    AdviceWithPermission,
    EmphasizingAutonomy,
    SeekingCollaboration,
    Roadblock(Roadblock),
    /// Greetings, thanks, self-talk, filler: nothing the other codes name.
    Other,
}

/// The four families the issue measures: what kind of move a reply is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    Question,
    Reflection,
    Input,
    Other,
}

impl Family {
    pub const ALL: [Family; 4] = [
        Family::Question,
        Family::Reflection,
        Family::Input,
        Family::Other,
    ];

    /// The JSON spelling.
    pub fn name(self) -> &'static str {
        match self {
            Family::Question => "question",
            Family::Reflection => "reflection",
            Family::Input => "input",
            Family::Other => "other",
        }
    }
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Code {
    /// Every code, in class order.
    pub const ALL: [Code; 23] = [
        Code::OpenQuestion,
        Code::ClosedQuestion,
        Code::SimpleReflection,
        Code::ComplexReflection,
        Code::Summary,
        Code::Affirm,
        Code::GivingInformation,
        Code::AdviceWithPermission,
        Code::EmphasizingAutonomy,
        Code::SeekingCollaboration,
        Code::Roadblock(Roadblock::Ordering),
        Code::Roadblock(Roadblock::Warning),
        Code::Roadblock(Roadblock::Moralizing),
        Code::Roadblock(Roadblock::Advising),
        Code::Roadblock(Roadblock::PersuadingWithLogic),
        Code::Roadblock(Roadblock::Judging),
        Code::Roadblock(Roadblock::Praising),
        Code::Roadblock(Roadblock::Labelling),
        Code::Roadblock(Roadblock::Interpreting),
        Code::Roadblock(Roadblock::Reassuring),
        Code::Roadblock(Roadblock::Probing),
        Code::Roadblock(Roadblock::Withdrawing),
        Code::Other,
    ];

    /// This code's class index in the model.
    pub fn index(self) -> usize {
        Code::ALL.iter().position(|c| *c == self).unwrap_or(0)
    }

    /// The family the issue's table puts this code in. Advice, with or
    /// without permission, and the roadblocks that tell or explain are
    /// input; probing is a question.
    pub fn family(self) -> Family {
        match self {
            Code::OpenQuestion | Code::ClosedQuestion => Family::Question,
            Code::Roadblock(Roadblock::Probing) => Family::Question,
            Code::SimpleReflection | Code::ComplexReflection | Code::Summary => Family::Reflection,
            Code::GivingInformation | Code::AdviceWithPermission => Family::Input,
            Code::Roadblock(
                Roadblock::Advising
                | Roadblock::Ordering
                | Roadblock::Warning
                | Roadblock::Moralizing
                | Roadblock::PersuadingWithLogic
                | Roadblock::Interpreting,
            ) => Family::Input,
            _ => Family::Other,
        }
    }

    /// The scenario skill this code is, so a typed reply can be compared
    /// with authored options. `Other` has none.
    pub fn skill(self) -> Option<Skill> {
        Some(match self {
            Code::OpenQuestion => Skill::OpenQuestion,
            Code::ClosedQuestion => Skill::ClosedQuestion,
            Code::SimpleReflection => Skill::SimpleReflection,
            Code::ComplexReflection => Skill::ComplexReflection,
            Code::Summary => Skill::Summary,
            Code::Affirm => Skill::Affirm,
            Code::GivingInformation => Skill::GivingInformation,
            Code::AdviceWithPermission => Skill::AdviceWithPermission,
            Code::EmphasizingAutonomy => Skill::EmphasizingAutonomy,
            Code::SeekingCollaboration => Skill::SeekingCollaboration,
            Code::Roadblock(r) => Skill::Roadblock(r),
            Code::Other => return None,
        })
    }

    /// The code for an authored skill, where the classifier has one.
    pub fn from_skill(skill: Skill) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.skill() == Some(skill))
    }

    /// The corpus and JSON spelling, the same as the scenario files':
    /// `complex_reflection`, `roadblock(advising)`, `other`.
    pub fn name(self) -> String {
        match self.skill() {
            Some(skill) => skill.code(),
            None => "other".to_string(),
        }
    }

    /// Words for the learner: "a complex reflection", "roadblock: advising".
    pub fn label(self) -> String {
        match self.skill() {
            Some(skill) => skill.label(),
            None => "something else (not a listening or advice move)".to_string(),
        }
    }

    /// Reads [`Code::name`]'s spelling back.
    pub fn parse(name: &str) -> Option<Code> {
        let name = name.trim();
        Code::ALL.into_iter().find(|c| c.name() == name)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_from_its_name_and_has_its_own_index() {
        for (i, code) in Code::ALL.into_iter().enumerate() {
            assert_eq!(Code::parse(&code.name()), Some(code));
            assert_eq!(code.index(), i);
        }
    }

    #[test]
    fn families_follow_the_issue_table() {
        let count = |f: Family| Code::ALL.iter().filter(|c| c.family() == f).count();
        assert_eq!(count(Family::Question), 3);
        assert_eq!(count(Family::Reflection), 3);
        assert_eq!(count(Family::Input), 8);
        assert_eq!(count(Family::Other), 9);
        assert_eq!(
            Code::Roadblock(Roadblock::Probing).family(),
            Family::Question
        );
        assert_eq!(Code::AdviceWithPermission.family(), Family::Input);
        assert_eq!(Code::Affirm.family(), Family::Other);
    }

    #[test]
    fn codes_map_onto_the_scenario_skills() {
        assert_eq!(
            Code::from_skill(Skill::Roadblock(Roadblock::Advising)),
            Some(Code::Roadblock(Roadblock::Advising))
        );
        assert_eq!(Code::from_skill(Skill::AttentiveSilence), None);
        assert_eq!(Code::Other.skill(), None);
        assert_eq!(Code::Summary.name(), "summary");
    }
}
