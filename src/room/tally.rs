//! The room's shared state: the decision the phones may vote on, one vote
//! per device token, the devices joined, and each device's request budget.
//! Plain data behind one mutex, shared by the server's threads and the app;
//! nothing in it is written anywhere.

use std::collections::HashMap;
use std::time::Instant;

use serde::Serialize;

/// Device tokens kept at most; a room is tens of phones, so more than this
/// is an attack or a bug, and new tokens are refused.
pub const MAX_DEVICES: usize = 2_000;
/// Requests a device may make in a burst.
const BURST: f64 = 20.0;
/// Requests per second a device may keep up (a page polls once a second).
const REFILL_PER_SECOND: f64 = 5.0;

/// One option as a phone sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PhoneOption {
    /// "A" for the first option on the projector, "B" for the second.
    pub letter: String,
    pub text: String,
    /// Skill labels; sent to phones only after the reveal.
    pub skills: Vec<String>,
}

/// The decision the room is voting on, as the app publishes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    /// Changes with every new decision and every reset of the votes, so a
    /// vote cast for an earlier one can be told apart and refused.
    pub id: u64,
    /// In the projector's order.
    pub options: Vec<PhoneOption>,
    /// Revealed: the skills are shown and the votes are final.
    pub revealed: bool,
}

/// What the app reads back each frame.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// The decision these votes belong to; `None` between decisions.
    pub decision: Option<u64>,
    /// Votes per option, in the projector's order.
    pub votes: Vec<u32>,
    /// Devices that have joined since the server started.
    pub devices: usize,
}

/// Why a vote was not counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// No decision is open, or the vote names an earlier one.
    NotOpen,
    /// The facilitator has revealed the effects: votes are final.
    Closed,
    /// There is no option with that letter.
    NoSuchOption,
    /// The room already has as many devices as it keeps.
    Full,
}

#[derive(Debug)]
struct Device {
    /// Requests left in the device's budget.
    budget: f64,
    refilled: Instant,
}

/// The state one room shares. The server's threads and the app lock it
/// briefly; nothing blocks while holding it.
#[derive(Debug, Default)]
pub struct RoomState {
    decision: Option<Decision>,
    /// Each device's vote on the current decision, as an option index.
    votes: HashMap<String, usize>,
    devices: HashMap<String, Device>,
}

impl RoomState {
    /// Sets the decision the room votes on; a new id clears the votes.
    pub fn publish(&mut self, decision: Option<Decision>) {
        let same = self.decision.as_ref().map(|d| d.id) == decision.as_ref().map(|d| d.id);
        if !same {
            self.votes.clear();
        }
        self.decision = decision;
    }

    pub fn decision(&self) -> Option<&Decision> {
        self.decision.as_ref()
    }

    /// Counts a device in and charges one request to its budget; false if
    /// it is over its rate or the room is full.
    pub fn admit(&mut self, token: &str, now: Instant) -> bool {
        if !self.devices.contains_key(token) {
            if self.devices.len() >= MAX_DEVICES {
                return false;
            }
            self.devices.insert(
                token.to_string(),
                Device {
                    budget: BURST,
                    refilled: now,
                },
            );
        }
        let Some(device) = self.devices.get_mut(token) else {
            return false;
        };
        let elapsed = now.saturating_duration_since(device.refilled).as_secs_f64();
        device.budget = (device.budget + elapsed * REFILL_PER_SECOND).min(BURST);
        device.refilled = now;
        if device.budget < 1.0 {
            return false;
        }
        device.budget -= 1.0;
        true
    }

    /// Records `token`'s vote for the option lettered `letter` on decision
    /// `id`. A second vote replaces the first.
    pub fn vote(&mut self, token: &str, id: u64, letter: &str) -> Result<(), Refusal> {
        let decision = self
            .decision
            .as_ref()
            .filter(|d| d.id == id)
            .ok_or(Refusal::NotOpen)?;
        if decision.revealed {
            return Err(Refusal::Closed);
        }
        let position = decision
            .options
            .iter()
            .position(|o| o.letter == letter)
            .ok_or(Refusal::NoSuchOption)?;
        if !self.devices.contains_key(token) {
            return Err(Refusal::Full);
        }
        self.votes.insert(token.to_string(), position);
        Ok(())
    }

    /// Devices joined so far.
    pub fn devices(&self) -> usize {
        self.devices.len()
    }

    /// The option `token` voted for on the current decision.
    pub fn vote_of(&self, token: &str) -> Option<usize> {
        self.votes.get(token).copied()
    }

    pub fn tally(&self) -> Tally {
        let mut votes = vec![0u32; self.decision.as_ref().map_or(0, |d| d.options.len())];
        for position in self.votes.values() {
            if let Some(v) = votes.get_mut(*position) {
                *v += 1;
            }
        }
        Tally {
            decision: self.decision.as_ref().map(|d| d.id),
            votes,
            devices: self.devices.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn decision(id: u64, revealed: bool) -> Decision {
        Decision {
            id,
            options: ["A", "B", "C"]
                .iter()
                .map(|l| PhoneOption {
                    letter: (*l).to_string(),
                    text: format!("option {l}"),
                    skills: Vec::new(),
                })
                .collect(),
            revealed,
        }
    }

    #[test]
    fn one_vote_per_device_per_decision() {
        let mut room = RoomState::default();
        let now = Instant::now();
        assert!(room.admit("phone-1", now));
        assert_eq!(room.vote("phone-1", 1, "A"), Err(Refusal::NotOpen));
        room.publish(Some(decision(1, false)));
        assert_eq!(room.vote("phone-1", 1, "A"), Ok(()));
        assert_eq!(room.vote("phone-1", 1, "C"), Ok(()));
        assert_eq!(room.tally().votes, vec![0, 0, 1]);
        assert_eq!(room.vote("phone-1", 1, "E"), Err(Refusal::NoSuchOption));
        assert_eq!(room.vote("phone-1", 0, "A"), Err(Refusal::NotOpen));
        room.publish(Some(decision(1, true)));
        assert_eq!(room.vote("phone-1", 1, "A"), Err(Refusal::Closed));
        assert_eq!(room.tally().votes, vec![0, 0, 1], "revealing keeps votes");
        room.publish(Some(decision(2, false)));
        assert_eq!(room.tally().votes, vec![0, 0, 0]);
        assert_eq!(room.tally().devices, 1);
    }

    #[test]
    fn a_device_over_its_rate_is_refused_until_its_budget_refills() {
        let mut room = RoomState::default();
        let start = Instant::now();
        let admitted = (0..100).filter(|_| room.admit("fast", start)).count();
        assert_eq!(admitted, BURST as usize);
        assert!(!room.admit("fast", start));
        assert!(room.admit("other", start), "others are not slowed");
        assert!(room.admit("fast", start + Duration::from_secs(1)));
    }
}
