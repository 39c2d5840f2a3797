//! Unfinished conversations, kept in `current.ron` after every choice so
//! they can be resumed after a restart, a crash or a closed lid. The file
//! holds one conversation per session, so a second window saving or
//! finishing its own conversation never deletes the first one's.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::history::SessionId;
use crate::engine::Conversation;

/// The current format of one [`Resume`]. Version 0 is a record without a
/// `version` field.
pub const RESUME_VERSION: u32 = 1;

/// The current format of `current.ron`: a list of [`Resume`]s. Versions 0
/// and 1 were a single [`Resume`]; they load as a list of one.
pub const UNFINISHED_VERSION: u32 = 2;

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

/// What `current.ron` holds: every unfinished conversation, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Unfinished {
    /// The format version; see [`UNFINISHED_VERSION`].
    pub version: u32,
    pub conversations: Vec<Resume>,
}

impl Unfinished {
    /// Decodes `current.ron` of any version: versions before 2 are a single
    /// conversation.
    pub(crate) fn decode(text: &str, version: u32) -> Result<Unfinished, ron::error::SpannedError> {
        if version < UNFINISHED_VERSION {
            let one = super::file::from_ron::<Resume>(text)?;
            Ok(Unfinished {
                version,
                conversations: vec![one],
            })
        } else {
            super::file::from_ron(text)
        }
    }

    /// Adds or replaces the conversation of `resume.session`.
    pub(crate) fn upsert(&mut self, resume: Resume) {
        match self
            .conversations
            .iter_mut()
            .find(|r| r.session == resume.session)
        {
            Some(old) => *old = resume,
            None => self.conversations.push(resume),
        }
        self.conversations.sort_by(|a, b| {
            a.started
                .cmp(&b.started)
                .then_with(|| a.session.cmp(&b.session))
        });
    }

    pub(crate) fn remove(&mut self, session: &SessionId) {
        self.conversations.retain(|r| &r.session != session);
    }
}
