//! The catalogue of scenarios: the ones shipped inside the binary plus any
//! folders the user adds. A broken file becomes an entry with diagnostics;
//! it never stops the others from loading.

use std::path::PathBuf;

use include_dir::{Dir, include_dir};

use crate::check::across::{self, LibraryFile};
use crate::check::{Loaded, load_bytes};
use crate::scenario::source_map::SourceMap;
use crate::scenario::{Diagnostic, Scenario, Severity};

static SHIPPED: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../../dialogues");

/// Where an entry came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// Shipped with Attune; the name is the file name.
    Shipped(String),
    File(PathBuf),
}

impl Source {
    /// How the file is named in diagnostics.
    pub fn display(&self) -> String {
        match self {
            Source::Shipped(name) => format!("dialogues/{name}"),
            Source::File(path) => path.display().to_string(),
        }
    }
}

/// One dialogue file and what came of loading it.
#[derive(Debug)]
pub struct Entry {
    pub source: Source,
    /// Present when the file loaded without errors.
    pub scenario: Option<Scenario>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Entry {
    /// An entry for a file and what came of loading it.
    pub fn new(source: Source, loaded: Loaded) -> Self {
        Entry {
            source,
            scenario: loaded.scenario,
            diagnostics: loaded.diagnostics,
        }
    }
}

/// All scenarios known to this run, in a stable order.
#[derive(Debug, Default)]
pub struct Library {
    pub entries: Vec<Entry>,
}

impl Library {
    /// The shipped scenarios, tutorial first, then by file name.
    pub fn shipped() -> Self {
        let mut files: Vec<_> = SHIPPED
            .files()
            .filter(|f| f.path().extension().is_some_and(|e| e == "ron"))
            .collect();
        files.sort_by_key(|f| {
            let name = f.path().to_string_lossy().into_owned();
            (name != "tutorial.ron", name)
        });
        let entries = files
            .into_iter()
            .map(|f| {
                let name = f.path().to_string_lossy().into_owned();
                let source = Source::Shipped(name);
                let loaded = load_bytes(&source.display(), f.contents());
                Entry::new(source, loaded)
            })
            .collect();
        Library { entries }
    }

    /// Adds one loaded file. Front ends read files their own way (from
    /// disk, a browser's file picker) and hand the result here.
    pub fn push(&mut self, source: Source, loaded: Loaded) {
        self.entries.push(Entry::new(source, loaded));
    }

    pub fn scenarios(&self) -> impl Iterator<Item = &Scenario> {
        self.entries.iter().filter_map(|e| e.scenario.as_ref())
    }

    /// The lints across files (repeated traps, silence that is never
    /// wrong) over every entry that loaded.
    pub fn lint_across(&self) -> Vec<Diagnostic> {
        let paths: Vec<String> = self.entries.iter().map(|e| e.source.display()).collect();
        let files: Vec<LibraryFile> = self
            .entries
            .iter()
            .zip(&paths)
            .filter_map(|(e, path)| {
                let text = match &e.source {
                    Source::Shipped(name) => shipped_text(name),
                    Source::File(_) => None,
                };
                e.scenario.as_ref().map(|scenario| LibraryFile {
                    path,
                    scenario,
                    text,
                })
            })
            .collect();
        across::lint(&files)
    }

    /// A scenario by id. User files added later win over shipped ones.
    pub fn find(&self, id: &str) -> Option<&Scenario> {
        self.scenarios().filter(|s| s.id == id).last()
    }

    /// The follow-ups offered after `scenario` ends at the node `ending`.
    pub fn follow_ups_of<'a>(
        &'a self,
        scenario: &'a str,
        ending: &'a str,
    ) -> impl Iterator<Item = &'a Scenario> {
        self.scenarios().filter(move |s| {
            s.follows
                .as_ref()
                .is_some_and(|f| f.scenario == scenario && f.ending == ending)
        })
    }

    /// Follow-up links that do not hold in this library: a `follows` that
    /// names a scenario it does not have, or a node of it that is not an
    /// ending. Only the whole library can tell; a file alone checks its own
    /// shape. Each problem comes with the index of its entry. `text_of`
    /// gives a file's text, to place the diagnostic on its line; shipped
    /// files are found without it.
    pub fn follow_up_problems(
        &self,
        text_of: impl Fn(&Source) -> Option<String>,
    ) -> Vec<(usize, Diagnostic)> {
        let mut found = Vec::new();
        for (index, entry) in self.entries.iter().enumerate() {
            let Some(follows) = entry.scenario.as_ref().and_then(|s| s.follows.as_ref()) else {
                continue;
            };
            let (field, code, message) = match self.find(&follows.scenario) {
                None => (
                    "scenario",
                    "follows-unknown-scenario",
                    format!(
                        "this scenario follows \"{}\", which is not a playable scenario in this \
                         library",
                        follows.scenario
                    ),
                ),
                Some(parent) => match parent.node(&follows.ending) {
                    Some(node) if node.ending.is_some() => continue,
                    Some(_) => (
                        "ending",
                        "follows-not-an-ending",
                        format!(
                            "this scenario follows the node \"{}\" of \"{}\", which is not an \
                             ending",
                            follows.ending, follows.scenario
                        ),
                    ),
                    None => (
                        "ending",
                        "follows-not-an-ending",
                        format!(
                            "this scenario follows the ending \"{}\" of \"{}\", which has no \
                             node of that id",
                            follows.ending, follows.scenario
                        ),
                    ),
                },
            };
            let text = match &entry.source {
                Source::Shipped(name) => shipped_text(name).map(str::to_string),
                Source::File(_) => text_of(&entry.source),
            };
            let (line, col) = text.map_or((1, 1), |t| {
                let map = SourceMap::scan(&t);
                map.pos(map.find_field(&["follows"], field))
            });
            found.push((
                index,
                Diagnostic {
                    path: entry.source.display(),
                    line,
                    col,
                    severity: Severity::Error,
                    code,
                    message,
                    hint: Some(
                        "`follows` names the earlier scenario by its `id` and one of its nodes \
                         that has an `ending`"
                            .to_string(),
                    ),
                },
            ));
        }
        found
    }

    /// Adds [`Library::follow_up_problems`] to their entries. An entry with
    /// a broken link loses its scenario, as a file with any error does;
    /// then a follow-up of that one is checked again.
    pub fn link_follow_ups(&mut self, text_of: impl Fn(&Source) -> Option<String>) {
        loop {
            let problems = self.follow_up_problems(&text_of);
            if problems.is_empty() {
                return;
            }
            for (index, diagnostic) in problems {
                if let Some(entry) = self.entries.get_mut(index) {
                    entry.scenario = None;
                    entry.diagnostics.push(diagnostic);
                }
            }
        }
    }
}

/// The text of a shipped dialogue file, for quoting in diagnostics.
pub fn shipped_text(name: &str) -> Option<&'static str> {
    SHIPPED.get_file(name).and_then(|f| f.contents_utf8())
}
