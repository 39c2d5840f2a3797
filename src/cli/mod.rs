//! The command line: `attune`, `attune check` and `attune play`.

mod check;
mod play;
mod render;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::engine::Pick;
use crate::scenario::library::Library;

#[derive(Debug, Parser)]
#[command(
    name = "attune",
    version,
    about = "Practise peer-support conversations with a simulated peer."
)]
pub struct Cli {
    /// A folder of your own dialogue files, added to the shipped ones.
    #[arg(long, global = true, value_name = "DIR")]
    pub dialogues: Vec<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate dialogue files and print every problem with file:line:col.
    Check {
        /// Files or folders; the shipped dialogues when none are given.
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Play a scenario in the terminal, then print the debrief.
    Play {
        /// A dialogue file, or the id of a shipped scenario.
        scenario: String,
        /// Seed for the mood of the day, line variants and option order.
        #[arg(long, default_value_t = 0)]
        seed: u64,
        /// Choose automatically: best, worst, random, or option numbers as displayed, e.g. 1,3,2.
        #[arg(long, value_parser = clap::value_parser!(Pick))]
        pick: Option<Pick>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

impl clap::builder::ValueParserFactory for Pick {
    type Parser = clap::builder::ValueParser;

    fn value_parser() -> Self::Parser {
        clap::builder::ValueParser::new(|s: &str| s.parse::<Pick>())
    }
}

/// Writes to stdout. A closed pipe (`attune play … | head`) is not an error
/// worth a panic: the reader has seen what it wanted, so stop quietly.
pub fn emit(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: cannot write output: {e}");
        std::process::exit(1);
    }
}

/// The shipped scenarios plus the user's `--dialogues` folders.
pub fn library(extra: &[PathBuf]) -> Library {
    let mut library = Library::shipped();
    for dir in extra {
        library.add_path(dir);
    }
    library
}

/// Runs a subcommand; `attune` alone opens the desktop app.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Some(Command::Check { paths, format }) => check::run(&paths, &cli.dialogues, format),
        Some(Command::Play {
            scenario,
            seed,
            pick,
            format,
        }) => play::run(&scenario, seed, pick, format, &cli.dialogues),
        None => match crate::app::run(library(&cli.dialogues)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!(
                    "error: the Attune window could not open: {e}\n\
                     `attune play tutorial` plays in the terminal instead."
                );
                ExitCode::FAILURE
            }
        },
    }
}
