//! `attune new`: a starting dialogue file for an author, either a short
//! commented skeleton or a copy of a shipped scenario under a new id.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::library::{Library, Source, shipped_text};

/// The commented skeleton, with `{{ID}}` and `{{TITLE}}` to fill in.
const SKELETON: &str = include_str!("new_scenario.ron");

pub fn run(id: &str, from: Option<&str>, out: Option<&Path>) -> ExitCode {
    match write(id, from, out) {
        Ok(path) => {
            super::emit(&format!(
                "wrote {}\nnext: `attune check {0}`, then `attune --open {0} --watch` to see it in the app as you edit\n",
                path.display()
            ));
            ExitCode::SUCCESS
        }
        Err(message) => {
            super::emit_error(&format!("error: {message}"));
            ExitCode::FAILURE
        }
    }
}

fn write(id: &str, from: Option<&str>, out: Option<&Path>) -> Result<PathBuf, String> {
    if !crate::check::validate::is_plain_name(id) {
        return Err(format!(
            "\"{id}\" cannot be a scenario id: use 1 to 64 letters, digits, `_` or `-`"
        ));
    }
    let text = match from {
        None => SKELETON
            .replace("{{ID}}", id)
            .replace("{{TITLE}}", &title_from(id)),
        Some(name) => copy_of(name, id)?,
    };
    let path = out.map_or_else(|| PathBuf::from(format!("{id}.ron")), Path::to_path_buf);
    // `create_new` never replaces an author's file.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => format!(
                "{} already exists; choose another id or `--out PATH`",
                path.display()
            ),
            _ => format!("cannot write {}: {e}", path.display()),
        })?;
    file.write_all(text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

/// A shipped scenario's text with its id replaced, so the copy and the
/// original can sit in one library.
fn copy_of(name: &str, id: &str) -> Result<String, String> {
    let library = Library::shipped();
    let found = library
        .entries
        .iter()
        .find_map(|e| match (&e.source, &e.scenario) {
            (Source::Shipped(file), Some(s)) if s.id == name => {
                Some((file.as_str(), s.id.as_str()))
            }
            _ => None,
        });
    let Some((file, old)) = found else {
        let ids: Vec<&str> = library.scenarios().map(|s| s.id.as_str()).collect();
        return Err(format!(
            "no shipped scenario is called \"{name}\"; they are: {}",
            ids.join(", ")
        ));
    };
    let text = shipped_text(file).ok_or_else(|| format!("dialogues/{file} is not readable"))?;
    let needle = format!("id: \"{old}\"");
    if !text.contains(&needle) {
        return Err(format!("cannot find the id of dialogues/{file} to replace"));
    }
    let header = format!(
        "// A copy of Attune's \"{old}\" scenario (dialogues/{file}), made by `attune new {id} --from {old}`.\n"
    );
    Ok(header + &text.replacen(&needle, &format!("id: \"{id}\""), 1))
}

/// "my_first-scene" becomes "My first scene".
fn title_from(id: &str) -> String {
    let words = id.replace(['_', '-'], " ");
    let mut chars = words.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}
