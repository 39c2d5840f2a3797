//! `attune play`: a conversation in the terminal, chosen by hand or by `--pick`.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::{Format, render, terminal_safe, wrap};
use crate::debrief::Debrief;
use crate::engine::{Conversation, Pick, pick};
use crate::files::load_file;
use crate::scenario::Scenario;

pub fn run(
    name: &str,
    seed: u64,
    how: Option<Pick>,
    format: Format,
    extra: &[PathBuf],
) -> ExitCode {
    let scenario = match resolve(name, extra) {
        Ok(s) => s,
        Err(message) => {
            super::emit_error(&message);
            return ExitCode::FAILURE;
        }
    };
    let mut conversation = match Conversation::new(&scenario, seed) {
        Ok(c) => c,
        Err(e) => {
            super::emit_error(&format!("error: cannot start \"{}\": {e}", scenario.id));
            return ExitCode::FAILURE;
        }
    };
    let text = format == Format::Text;
    if text {
        super::emit(&wrap::for_terminal(&render::intro(&scenario)));
    }
    let result = match &how {
        Some(how) => auto(&scenario, &mut conversation, how, text),
        None => interactive(&scenario, &mut conversation, text),
    };
    let debrief = Debrief::build(&scenario, &conversation);
    match format {
        Format::Text => super::emit(&wrap::for_terminal(&render::debrief(&scenario, &debrief))),
        Format::Json => match serde_json::to_string_pretty(&debrief) {
            Ok(json) => super::emit(&format!("{json}\n")),
            Err(e) => eprintln!("error: cannot write JSON: {e}"),
        },
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            super::emit_error(&message);
            ExitCode::FAILURE
        }
    }
}

/// A path to a dialogue file, or the id of a known scenario.
pub(super) fn resolve(name: &str, extra: &[PathBuf]) -> Result<Scenario, String> {
    let path = Path::new(name);
    if path.is_file() || name.ends_with(".ron") {
        let loaded = load_file(path);
        let errors: Vec<String> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(ToString::to_string)
            .collect();
        return loaded.scenario.ok_or_else(|| {
            format!(
                "{}\nerror: {name} has errors; fix them or run `attune check {name}`",
                errors.join("\n")
            )
        });
    }
    let library = super::library(extra);
    library.find(name).cloned().ok_or_else(|| {
        let ids: Vec<&str> = library.scenarios().map(|s| s.id.as_str()).collect();
        format!(
            "error: no scenario or file named \"{name}\". Known scenarios: {}",
            ids.join(", ")
        )
    })
}

fn auto(scenario: &Scenario, c: &mut Conversation, how: &Pick, text: bool) -> Result<(), String> {
    let mut rng = ChaCha8Rng::seed_from_u64(c.seed ^ 0x5EED);
    loop {
        if text {
            super::emit(&wrap::for_terminal(&render::step(scenario, c)));
        }
        match pick(scenario, c, how, &mut rng)? {
            Some(id) => {
                let outcome = c.choose(scenario, &id).map_err(|e| format!("error: {e}"))?;
                if text {
                    super::emit(&wrap::for_terminal(&format!(
                        "You: {}\n\n",
                        outcome.turn.said
                    )));
                }
            }
            None if c.is_finished(scenario) => return Ok(()),
            None => {
                return Err(format!(
                    "error: the --pick list ran out after {}, before an ending",
                    crate::text::count(c.turns().len(), "choice")
                ));
            }
        }
    }
}

fn interactive(scenario: &Scenario, c: &mut Conversation, text: bool) -> Result<(), String> {
    let stdin = std::io::stdin();
    let terminal = stdin.is_terminal();
    let mut out: Box<dyn Write> = if text {
        Box::new(std::io::stdout())
    } else {
        Box::new(std::io::stderr())
    };
    let mut lines = stdin.lock().lines();
    while !c.is_finished(scenario) {
        let _ = write!(
            out,
            "{}",
            wrap::for_terminal(&terminal_safe(&render::step(scenario, c)))
        );
        let count = c.options(scenario).len();
        let _ = write!(
            out,
            "Choose 1–{count}{}: ",
            if c.turns().is_empty() {
                ", or q to stop"
            } else {
                ", u to undo, q to stop"
            }
        );
        let _ = out.flush();
        let Some(Ok(input)) = lines.next() else {
            return Err("error: input ended before the conversation did".into());
        };
        if !terminal {
            let _ = writeln!(out, "{}", terminal_safe(&input));
        }
        match input.trim() {
            "q" | "quit" => return Err("stopped before an ending".into()),
            "u" | "undo" => {
                if !c.undo() {
                    let _ = writeln!(out, "Nothing to undo.\n");
                }
            }
            n => match n
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|i| c.options(scenario).get(i).map(|o| o.id.clone()))
            {
                Some(id) => {
                    if let Ok(outcome) = c.choose(scenario, &id) {
                        let said = terminal_safe(&outcome.turn.said);
                        let _ = writeln!(out, "{}", wrap::for_terminal(&format!("You: {said}\n")));
                    }
                }
                None => {
                    let _ = writeln!(out, "Please type a number from 1 to {count}.\n");
                }
            },
        }
    }
    let _ = write!(
        out,
        "{}",
        wrap::for_terminal(&terminal_safe(&render::step(scenario, c)))
    );
    Ok(())
}
