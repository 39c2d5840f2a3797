//! The setting that says whether the learner chooses, types first, or
//! types only.

use serde::{Deserialize, Serialize};

/// How the learner answers at each turn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TypedMode {
    /// Pick one of the authored options (the classic mode).
    #[default]
    Choose,
    /// Type a reply, see how it was heard, then see the options and
    /// confirm or pick the one that matches what was meant.
    TypeFirst,
    /// Type a reply; the nearest option is taken unless the learner
    /// corrects it.
    TypeOnly,
}

impl TypedMode {
    pub const ALL: [TypedMode; 3] = [TypedMode::Choose, TypedMode::TypeFirst, TypedMode::TypeOnly];

    /// The name in the settings.
    pub fn label(self) -> &'static str {
        match self {
            TypedMode::Choose => "Choose",
            TypedMode::TypeFirst => "Type first",
            TypedMode::TypeOnly => "Type only",
        }
    }

    /// One line under the setting.
    pub fn explain(self) -> &'static str {
        match self {
            TypedMode::Choose => "Pick from the options, as before.",
            TypedMode::TypeFirst => {
                "Type what you would say, see how it was heard, then compare it with the options."
            }
            TypedMode::TypeOnly => {
                "Type what you would say; the closest option is taken unless you correct it."
            }
        }
    }

    /// Whether the learner types at all.
    pub fn types(self) -> bool {
        self != TypedMode::Choose
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_have_distinct_labels_and_choose_is_the_default() {
        assert_eq!(TypedMode::default(), TypedMode::Choose);
        assert!(!TypedMode::Choose.types());
        assert!(TypedMode::TypeOnly.types());
        let labels: std::collections::BTreeSet<_> =
            TypedMode::ALL.iter().map(|m| m.label()).collect();
        assert_eq!(labels.len(), 3);
    }
}
