//! The catalogue of scenarios: the ones shipped inside the binary plus any
//! folders the user adds. A broken file becomes an entry with diagnostics;
//! it never stops the others from loading.

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use super::load::{Loaded, load_bytes, load_file};
use super::{Diagnostic, Scenario};

static SHIPPED: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/dialogues");

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
    fn new(source: Source, loaded: Loaded) -> Self {
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

    /// Adds every `.ron` file of a folder (not recursive), or one file.
    /// A missing or unreadable folder becomes one entry with its error.
    pub fn add_path(&mut self, path: &Path) {
        for file in ron_files(path) {
            match file {
                Ok(file) => {
                    let loaded = load_file(&file);
                    self.entries.push(Entry::new(Source::File(file), loaded));
                }
                Err(diagnostic) => self.entries.push(Entry {
                    source: Source::File(path.to_path_buf()),
                    scenario: None,
                    diagnostics: vec![diagnostic],
                }),
            }
        }
    }

    pub fn scenarios(&self) -> impl Iterator<Item = &Scenario> {
        self.entries.iter().filter_map(|e| e.scenario.as_ref())
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

/// The dialogue files named by a path: the file itself, or the `.ron`
/// files in a folder, sorted by name.
pub fn ron_files(path: &Path) -> Vec<Result<PathBuf, Diagnostic>> {
    let error = |message: String| Diagnostic {
        path: path.display().to_string(),
        line: 1,
        col: 1,
        severity: super::Severity::Error,
        code: "io",
        message,
        hint: None,
    };
    if path.is_file() {
        return vec![Ok(path.to_path_buf())];
    }
    let read = match std::fs::read_dir(path) {
        Ok(r) => r,
        Err(e) => return vec![Err(error(format!("cannot read: {e}")))],
    };
    let mut files: Vec<PathBuf> = read
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files.into_iter().map(Ok).collect()
}
