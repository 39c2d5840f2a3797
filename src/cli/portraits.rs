//! `attune portraits`: the faces a persona may name, with what each shows.

use std::fmt::Write as _;
use std::process::ExitCode;

use crate::app::widgets::portrait;
use crate::scenario::portraits;

pub fn run() -> ExitCode {
    let mut out = String::new();
    let names = portraits::names();
    let width = names.iter().map(|n| n.len()).max().unwrap_or(0);
    for name in &names {
        let description = portraits::asset(name)
            .ok_or_else(|| "not UTF-8 text".to_string())
            .and_then(portrait::parse)
            .map_or_else(|e| format!("(cannot be read: {e})"), |p| p.description);
        let _ = writeln!(out, "{name:<width$}  {description}");
    }
    let _ = writeln!(
        out,
        "\nName one in a scenario's persona, e.g. `portrait: \"{}\"`; docs/portraits.md shows them.",
        names
            .iter()
            .find(|n| **n != portrait::DEFAULT_NAME)
            .unwrap_or(&"default")
    );
    super::emit(&out);
    ExitCode::SUCCESS
}
