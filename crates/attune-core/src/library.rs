//! The catalogue of scenarios: the ones shipped inside the binary plus any
//! folders the user adds. A broken file becomes an entry with diagnostics;
//! it never stops the others from loading.

use std::path::PathBuf;

use include_dir::{Dir, include_dir};

use crate::check::across::{self, LibraryFile};
use crate::check::{Loaded, load_bytes};
use crate::scenario::{Diagnostic, Scenario};

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
}

/// The text of a shipped dialogue file, for quoting in diagnostics.
pub fn shipped_text(name: &str) -> Option<&'static str> {
    SHIPPED.get_file(name).and_then(|f| f.contents_utf8())
}
