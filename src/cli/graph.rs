//! `attune graph`: the dialogue tree as a Graphviz or Mermaid diagram.

use std::path::PathBuf;
use std::process::ExitCode;

use super::GraphFormat;
use crate::scenario::diagram::{to_dot, to_mermaid};

pub fn run(name: &str, format: GraphFormat, extra: &[PathBuf]) -> ExitCode {
    let scenario = match super::play::resolve(name, extra) {
        Ok(s) => s,
        Err(message) => {
            super::emit_error(&message);
            return ExitCode::FAILURE;
        }
    };
    super::emit(&match format {
        GraphFormat::Dot => to_dot(&scenario),
        GraphFormat::Mermaid => to_mermaid(&scenario),
    });
    ExitCode::SUCCESS
}
