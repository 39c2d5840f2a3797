//! Room votes as the app sees them: whether the facilitator wants the
//! phone server running, what it reported, and the decision the phones
//! vote on. The server itself is a side effect the shell owns
//! (`shell/room_link.rs`); it reports back through actions.

use crate::app::state::AppState;
use crate::room::{Decision, PhoneOption, Qr};

use super::discussion::letter;

/// Room votes in one presenter session. Transient: never saved.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoomVotes {
    /// The facilitator wants the server running.
    pub on: bool,
    /// The first-start explanation is on screen, waiting for an answer.
    pub intro: bool,
    /// The explanation has been seen (or `--room-votes` asked for the
    /// server outright), so a restart goes straight on.
    pub explained: bool,
    pub status: RoomStatus,
    /// Devices joined since the server started.
    pub devices: usize,
}

/// What the server last reported.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum RoomStatus {
    #[default]
    Off,
    /// Serving at `url` (which the QR code encodes) with `code`.
    Running {
        url: String,
        code: String,
        /// The QR code of `url`.
        qr: Option<Qr>,
    },
    /// It could not start; the reason, in words.
    Failed(String),
}

impl RoomVotes {
    /// The QR panel is up: the server is wanted and not failed.
    pub fn running(&self) -> Option<(&str, &str, Option<&Qr>)> {
        match &self.status {
            RoomStatus::Running { url, code, qr } if self.on => {
                Some((url.as_str(), code.as_str(), qr.as_ref()))
            }
            _ => None,
        }
    }
}

impl AppState {
    /// The decision the phones should see: the open discussion's options,
    /// lettered as on the projector, with their skills for the reveal.
    /// `None` between decisions. Only the current options leave the app.
    pub fn room_decision(&self) -> Option<Decision> {
        let discussion = self.current_discussion()?;
        let (active, scenario) = self.active_scenario()?;
        let options = active
            .session
            .conversation
            .options(scenario)
            .iter()
            .enumerate()
            .map(|(n, choice)| PhoneOption {
                letter: letter(n).to_string(),
                text: choice.text.clone(),
                skills: choice.skills.iter().map(|s| s.label()).collect(),
            })
            .collect();
        Some(Decision {
            id: discussion.round,
            options,
            revealed: discussion.revealed,
        })
    }
}
