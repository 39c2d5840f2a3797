//! The conversation in progress, kept in `current.ron` after every choice so
//! it can be resumed after a restart, a crash or a closed lid.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::history::SessionId;
use crate::engine::Conversation;

/// The current format of `current.ron`. Version 0 is a file without a
/// `version` field.
pub const RESUME_VERSION: u32 = 1;

/// An unfinished conversation and what the history needs to record it
/// under the same session when it ends.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resume {
    /// The format version; see [`RESUME_VERSION`]. Missing means 0.
    #[serde(default)]
    pub version: u32,
    pub session: SessionId,
    /// When the conversation started.
    pub started: Timestamp,
    pub scenario_id: String,
    pub conversation: Conversation,
}

impl Resume {
    pub fn new(session: SessionId, started: Timestamp, conversation: Conversation) -> Resume {
        Resume {
            version: RESUME_VERSION,
            session,
            started,
            scenario_id: conversation.scenario_id.clone(),
            conversation,
        }
    }
}
