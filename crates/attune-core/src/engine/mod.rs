//! The conversation engine and peer model. Pure: no files, no clock, no UI.

mod conversation;
mod error;
pub mod peer;
mod pick;

pub use conversation::{Conversation, Outcome, Step, Turn};
pub use error::EngineError;
pub use peer::Adjustment;
pub use pick::{
    Pick, PlayError, best_path_len, best_path_len_up_to, pick, play_out, play_up_to,
};
