use thiserror::Error;

/// Why the engine refused a request. With a validated scenario only
/// `Finished` and `NotOffered` can happen, and both are caller mistakes.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum EngineError {
    #[error("the conversation has already ended")]
    Finished,
    #[error("option \"{option}\" is not on offer at node \"{node}\"")]
    NotOffered { option: String, node: String },
    #[error("the scenario has no node \"{0}\"")]
    UnknownNode(String),
    #[error("branch \"{0}\" routes in a circle")]
    RouteLoop(String),
    #[error("no route of branch \"{0}\" applies")]
    NoRoute(String),
}
