//! The learner's preferences, kept between runs in `settings.ron`.

use serde::{Deserialize, Serialize};

pub use crate::typed::TypedMode;

/// The current format of `settings.ron`. Version 0 is a file without a
/// `version` field; every field added since has a default.
pub const SETTINGS_VERSION: u32 = 1;

/// The smallest text scale: still readable on a small laptop screen.
pub const TEXT_SCALE_MIN: f32 = 0.75;
/// The largest text scale: readable from the back row on a projector.
pub const TEXT_SCALE_MAX: f32 = 3.0;
/// The text scale of a fresh install.
pub const TEXT_SCALE_DEFAULT: f32 = 1.0;

/// The colour scheme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    #[default]
    Light,
    Dark,
    /// Maximum contrast for projectors and low vision.
    HighContrast,
}

impl Theme {
    /// Every theme, in the order a picker lists them.
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::HighContrast];

    pub fn label(self) -> &'static str {
        match self {
            Theme::Light => "Light",
            Theme::Dark => "Dark",
            Theme::HighContrast => "High contrast",
        }
    }
}

/// When the coach explains the learner's choices.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Feedback {
    /// A one-line hint after every choice: best for first practice.
    #[default]
    AfterEachChoice,
    /// Nothing until the debrief: closer to a real conversation.
    OnlyAtEnd,
}

impl Feedback {
    /// Every option, in the order a picker lists them.
    pub const ALL: [Feedback; 2] = [Feedback::AfterEachChoice, Feedback::OnlyAtEnd];

    pub fn label(self) -> &'static str {
        match self {
            Feedback::AfterEachChoice => "After each choice",
            Feedback::OnlyAtEnd => "Only at the end",
        }
    }
}

/// Everything the Settings screen changes. Missing fields (an older file)
/// take their defaults: settings hold no data that a default could lose.
/// Unknown fields (a misspelling, history content in the wrong file) make
/// the file unreadable, so it is moved aside with a notice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// The format version; see [`SETTINGS_VERSION`].
    pub version: u32,
    pub theme: Theme,
    /// Multiplies all text; kept within [`TEXT_SCALE_MIN`]..=[`TEXT_SCALE_MAX`]
    /// by [`Settings::set_text_scale`] and on load.
    pub text_scale: f32,
    pub show_trust_meter: bool,
    pub feedback: Feedback,
    /// Portrait changes and scrolling happen at once instead of animating.
    pub reduced_motion: bool,
    /// Reload the user's dialogue files when they change on disk, as
    /// `attune --watch` does; for people writing scenarios.
    pub watch_dialogues: bool,
    /// Choose from the options, or type a reply first (issue 18).
    pub typed_mode: TypedMode,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            version: SETTINGS_VERSION,
            theme: Theme::Light,
            text_scale: TEXT_SCALE_DEFAULT,
            show_trust_meter: true,
            feedback: Feedback::AfterEachChoice,
            reduced_motion: false,
            watch_dialogues: false,
            typed_mode: TypedMode::Choose,
        }
    }
}

impl Settings {
    /// Sets the text scale, clamped to the sane range; a non-number gives
    /// the default.
    pub fn set_text_scale(&mut self, scale: f32) {
        self.text_scale = clamp_text_scale(scale);
    }

    /// Repairs values a hand-edited or damaged file may hold.
    pub(crate) fn sanitized(mut self) -> Settings {
        self.text_scale = clamp_text_scale(self.text_scale);
        self
    }
}

/// Clamps a text scale to the sane range; NaN gives the default.
pub fn clamp_text_scale(scale: f32) -> f32 {
    if scale.is_nan() {
        TEXT_SCALE_DEFAULT
    } else {
        scale.clamp(TEXT_SCALE_MIN, TEXT_SCALE_MAX)
    }
}
