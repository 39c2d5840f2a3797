//! A changed dialogue file, read and checked away from the window's
//! thread: the watcher's thread does the slow part (opening, parsing,
//! validating) and the window only swaps the result in
//! (`Action::Reloaded`). A synchronous `Action::Reload` goes through the
//! same two steps on one thread. A file dropped on the desktop window is
//! read and checked the same way (`Action::AddLoaded`).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::app::state::authoring::normal;
use crate::check::{Loaded, load_bytes};
use crate::files::load_file;
use crate::scenario::parse::MAX_FILE_BYTES;

/// What the loader knows of the library when a file changes: the names of
/// the files on its cards, and the user's dialogue folders.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listing {
    /// Every listed card's file, as the card names it.
    pub files: Vec<PathBuf>,
    /// The user's own folders (`--dialogues`): new files there are added.
    pub dialogue_dirs: Vec<PathBuf>,
}

/// A changed file, loaded and checked.
#[derive(Clone, Debug)]
pub struct LoadedFile {
    /// The file as the watcher (or the caller) named it.
    pub path: PathBuf,
    /// The card's name for the same file, when the listing had it; the
    /// file was loaded under this name, so its diagnostics use it.
    pub listed_as: Option<PathBuf>,
    /// Parsed and validated; shared so the action stays cheap to clone.
    pub loaded: Arc<Loaded>,
}

/// Two loads are the same only when they are one load (a scenario has no
/// equality of its own).
impl PartialEq for LoadedFile {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path
            && self.listed_as == other.listed_as
            && Arc::ptr_eq(&self.loaded, &other.loaded)
    }
}

impl LoadedFile {
    /// The result, taken out of its sharing (copied if it is still shared).
    pub fn into_loaded(self) -> Loaded {
        Arc::try_unwrap(self.loaded).unwrap_or_else(|shared| Loaded {
            scenario: shared.scenario.clone(),
            diagnostics: shared.diagnostics.clone(),
        })
    }
}

/// Reads and checks the file at `path` if the library has it, or if it is
/// a new regular `.ron` file in one of the user's folders; `None` when it
/// is neither, so there is nothing to reload. Does all the file I/O of a
/// reload: call it off the window's thread.
pub fn load_changed(path: &Path, listing: &Listing) -> Option<LoadedFile> {
    let wanted = normal(path);
    let listed_as = listing
        .files
        .iter()
        .find(|file| normal(file) == wanted)
        .cloned();
    let loaded = match &listed_as {
        Some(original) => load_file(original),
        None => {
            let in_user_folder = wanted
                .parent()
                .is_some_and(|parent| listing.dialogue_dirs.iter().any(|d| normal(d) == parent));
            let is_dialogue = path.extension().is_some_and(|e| e == "ron");
            if !in_user_folder || !is_dialogue || !path.is_file() {
                return None;
            }
            load_file(path)
        }
    };
    Some(LoadedFile {
        path: path.to_path_buf(),
        listed_as,
        loaded: Arc::new(loaded),
    })
}

/// Reads and checks a file dropped on the window, named by its path as
/// `Action::AddFile` names it; the error says why it could not be read.
/// Only regular files are read (a FIFO never blocks), and no more than a
/// dialogue file may hold. Call it off the window's thread.
pub fn load_dropped(path: &Path, listing: &Listing) -> Result<LoadedFile, String> {
    let name = path.display().to_string();
    let file = crate::store::open_regular(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    let wanted = normal(path);
    let listed_as = listing
        .files
        .iter()
        .find(|file| normal(file) == wanted)
        .cloned();
    Ok(LoadedFile {
        path: PathBuf::from(&name),
        listed_as,
        loaded: Arc::new(load_bytes(&name, &bytes)),
    })
}
