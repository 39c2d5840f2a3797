//! The command line: `attune`, `attune check`, `attune play`, `attune stats`,
//! `attune graph`, `attune new`, `attune portraits` and `attune classify`.

mod check;
mod classify;
mod escape;
mod graph;
mod new;
mod play;
mod portraits;
mod render;
mod stats;
mod wrap;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

pub use escape::terminal_safe;

use crate::engine::Pick;
use crate::library::Library;

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
    #[command(flatten)]
    pub window: WindowArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// How the desktop window starts; used when no subcommand is given.
#[derive(Debug, Default, clap::Args)]
pub struct WindowArgs {
    /// Start straight in a scenario: its id, or a dialogue file.
    #[arg(long, value_name = "SCENARIO")]
    pub open: Option<String>,
    /// Start in presenter mode, for a projector.
    #[arg(long)]
    pub presenter: bool,
    /// With --presenter: let the room vote from their phones, served on
    /// this computer's local network (see "Room votes" in the README).
    #[arg(long, requires = "presenter")]
    pub room_votes: bool,
    /// The address room votes listen on (default: the local network's).
    #[arg(long, value_name = "ADDR", requires = "room_votes")]
    pub room_bind: Option<crate::room::IpAddr>,
    /// The port room votes listen on (default: a free one).
    #[arg(long, value_name = "N", requires = "room_votes")]
    pub room_port: Option<u16>,
    /// The room's join code, 4 to 6 letters or digits (default: random).
    #[arg(long, value_name = "CODE", requires = "room_votes", value_parser = crate::room::parse_code)]
    pub room_code: Option<String>,
    /// Reload dialogue files when they change on disk, and show their
    /// diagnostics in the app.
    #[arg(long)]
    pub watch: bool,
    /// Render this many frames, then exit (for benchmarks).
    #[arg(long, value_name = "N")]
    pub exit_after_frames: Option<u64>,
    /// Save the first complete frame as a PNG, then exit.
    #[arg(long, value_name = "PATH")]
    pub screenshot: Option<PathBuf>,
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
        #[arg(long, value_parser = parse_pick)]
        pick: Option<Pick>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Count a scenario's decisions, options, endings, words and paths, its
    /// skill mix and its answer-tell figures; or, with --library, the
    /// answer tells across the whole library.
    Stats {
        /// A dialogue file, or the id of a shipped scenario.
        #[arg(required_unless_present = "library")]
        scenario: Option<String>,
        /// The whole library (shipped plus --dialogues): how often a
        /// word-based guesser picks the best option, and the lints across
        /// scenarios.
        #[arg(long, conflicts_with = "scenario")]
        library: bool,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Write the dialogue tree as a Graphviz or Mermaid diagram to stdout.
    Graph {
        /// A dialogue file, or the id of a shipped scenario.
        scenario: String,
        #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
        format: GraphFormat,
    },
    /// Start a new dialogue file: a short commented skeleton, or a copy of a
    /// shipped scenario to adapt. Never overwrites a file.
    New {
        /// The new scenario's id; the file is ID.ron unless --out says otherwise.
        id: String,
        /// Copy this shipped scenario (its id, e.g. not_okay) instead of the skeleton.
        #[arg(long, value_name = "SCENARIO")]
        from: Option<String>,
        /// Where to write the file.
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
    /// List the portraits a persona can name, with what each shows.
    Portraits,
    /// Code typed replies offline: one utterance per line on stdin, one
    /// result per line (code, family, confidence). Nothing leaves the
    /// machine.
    Classify {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

/// Diagram languages for `attune graph`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// Graphviz DOT: `attune graph ID | dot -Tsvg > tree.svg`.
    Dot,
    /// A Mermaid flowchart, for Markdown viewers.
    Mermaid,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// Reads `--pick`: best, worst, random or option numbers.
fn parse_pick(s: &str) -> Result<Pick, String> {
    s.parse()
}

/// Writes to stdout with control characters escaped ([`terminal_safe`]),
/// since most of what the CLI prints comes from files. A closed pipe
/// (`attune play … | head`) is not an error worth a panic: the reader has
/// seen what it wanted, so stop quietly.
pub fn emit(text: &str) {
    use std::io::Write;
    let text = terminal_safe(text);
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: cannot write output: {e}");
        std::process::exit(1);
    }
}

/// Writes a line to stderr with control characters escaped: error
/// messages quote ids, names and paths from files.
pub fn emit_error(message: &str) {
    eprintln!("{}", terminal_safe(message));
}

/// The shipped scenarios plus the user's `--dialogues` folders.
pub fn library(extra: &[PathBuf]) -> Library {
    let mut library = Library::shipped();
    for dir in extra {
        crate::files::add_path(&mut library, dir);
    }
    library.link_follow_ups(crate::files::source_text);
    library
}

/// Opens the desktop app. `--open` takes a scenario id, or a dialogue file
/// that is added to the library for this run.
fn open_window(args: WindowArgs, extra: &[PathBuf]) -> Result<(), crate::app::RunError> {
    let open_file = args
        .open
        .as_deref()
        .filter(|name| name.ends_with(".ron") || Path::new(name).is_file())
        .map(PathBuf::from);
    let dirs = extra.to_vec();
    let load = move || {
        let mut library = library(&dirs);
        if let Some(file) = &open_file {
            crate::files::add_path(&mut library, file);
        }
        library
    };
    let options = crate::app::Options {
        open: args.open,
        presenter: args.presenter,
        room_votes: args.room_votes,
        room: crate::room::RoomConfig {
            bind: args.room_bind,
            port: args.room_port.unwrap_or(0),
            code: args.room_code,
        },
        watch: args.watch,
        exit_after_frames: args.exit_after_frames,
        screenshot: args.screenshot,
        dialogue_dirs: extra.to_vec(),
        ..Default::default()
    };
    crate::app::run_with(load, options)
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
        Some(Command::Stats {
            scenario,
            library,
            format,
        }) => match scenario {
            Some(scenario) if !library => stats::run(&scenario, format, &cli.dialogues),
            _ => stats::run_library(format, &cli.dialogues),
        },
        Some(Command::Graph { scenario, format }) => graph::run(&scenario, format, &cli.dialogues),
        Some(Command::New { id, from, out }) => new::run(&id, from.as_deref(), out.as_deref()),
        Some(Command::Portraits) => portraits::run(),
        Some(Command::Classify { format }) => classify::run(format),
        None => match open_window(cli.window, &cli.dialogues) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e @ crate::app::RunError::Window(_)) => {
                eprintln!("error: {e}\n`attune play tutorial` plays in the terminal instead.");
                ExitCode::FAILURE
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
    }
}
