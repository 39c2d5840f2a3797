//! Wording lints: an option that gives itself away by its length, words
//! about self-harm without a content note, and notes nobody sees.

use std::borrow::Cow;

use aho_corasick::AhoCorasick;
use foldhash::{HashMap, HashMapExt};

use super::validate::Reporter;
use crate::scenario::diagnostic::{Diagnostic, Severity};
use crate::scenario::source_map::{EntryKind, SourceMap};
use crate::scenario::{Rating, Scenario};

/// A good or best option is "far longer" when it is at least this many
/// times as long as the longest of its siblings…
pub const LONG_OPTION_FACTOR: f64 = 1.75;
/// …and at least this many characters longer than it.
pub const LONG_OPTION_MARGIN: usize = 40;

/// Phrases about self-harm and suicide, as lowercase words. Single words
/// that are often innocent ("cutting back", "the end") are left out: only
/// the phrase counts.
pub const SELF_HARM_PHRASES: &[&str] = &[
    "suicide",
    "suicidal",
    "kill myself",
    "killing myself",
    "kill herself",
    "kill himself",
    "kill themselves",
    "self harm",
    "selfharm",
    "self harming",
    "hurt myself",
    "hurting myself",
    "cut myself",
    "cutting myself",
    "overdose",
    "overdosed",
    "overdosing",
    "end it all",
    "ending it all",
    "end my life",
    "take my own life",
    "taking my own life",
    "want to die",
    "wanted to die",
    "better off dead",
    "better off without me",
];

/// Words that, up to four words before a phrase in a content note, turn it into "no
/// self-harm content" rather than a warning of it.
const NEGATIONS: &[&str] = &["no", "not", "without", "nor"];

/// Lowercase words, split on anything that is not a letter or digit.
/// The words of a text, lower-cased. A word already in lower case is
/// borrowed: this runs over every string of a file.
fn words(text: &str) -> Vec<Cow<'_, str>> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(lower)
        .collect()
}

/// A word in lower case, borrowed when it already is.
fn lower(w: &str) -> Cow<'_, str> {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(w.to_lowercase())
    }
}

/// A phrase and its words.
type Phrase = (&'static str, Vec<&'static str>);

/// The phrases, split into words, by their first word.
static PHRASES_BY_FIRST_WORD: std::sync::LazyLock<HashMap<&str, Vec<Phrase>>> =
    std::sync::LazyLock::new(|| {
        let mut by_first: HashMap<&str, Vec<Phrase>> = HashMap::new();
        for phrase in SELF_HARM_PHRASES {
            let parts: Vec<&str> = phrase.split(' ').collect();
            if let Some(&first) = parts.first() {
                by_first.entry(first).or_default().push((phrase, parts));
            }
        }
        by_first
    });

/// Each place (word index) where a phrase starts, with the phrase.
fn matches(words: &[Cow<'_, str>]) -> Vec<(usize, &'static str)> {
    let mut out = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let Some(phrases) = PHRASES_BY_FIRST_WORD.get(word.as_ref()) else {
            continue;
        };
        for (phrase, parts) in phrases {
            if words[i..].len() >= parts.len() && parts.iter().zip(&words[i..]).all(|(p, w)| p == w)
            {
                out.push((i, *phrase));
            }
        }
    }
    out
}

/// The first words of the phrases, found anywhere in a text, any case.
static FIRST_WORDS: std::sync::LazyLock<Option<AhoCorasick>> = std::sync::LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(PHRASES_BY_FIRST_WORD.keys())
        .ok()
});

/// The first self-harm phrase in a text, if any. This runs over every
/// string of a file, so plain ASCII text in which no phrase's first word
/// occurs, even inside another word, is passed over at once. Other text
/// is split into words: a non-ASCII letter can lower-case to an ASCII one
/// (the Kelvin sign to `k`).
pub fn self_harm_phrase(text: &str) -> Option<&'static str> {
    if text.is_ascii()
        && let Some(first_words) = FIRST_WORDS.as_ref()
        && !first_words.is_match(text)
    {
        return None;
    }
    let could = text
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| !w.is_empty() && PHRASES_BY_FIRST_WORD.contains_key(lower(w).as_ref()));
    if !could {
        return None;
    }
    matches(&words(text)).first().map(|(_, p)| *p)
}

/// True when a content note warns of self-harm or suicide, rather than
/// saying there is none ("No self-harm or suicide content").
pub fn warns_of_self_harm(note: &str) -> bool {
    let words = words(note);
    matches(&words).iter().any(|&(i, _)| {
        let before = &words[i.saturating_sub(4)..i];
        !before.iter().any(|w| NEGATIONS.contains(&w.as_ref()))
    })
}

/// The wording lints. `self_harm_said` tells whether any string of the
/// scenario says a self-harm phrase ([`super::strings::Survey`]); only
/// then are the file's strings searched for the place.
pub fn lint(path: &str, s: &Scenario, map: &SourceMap, self_harm_said: bool) -> Vec<Diagnostic> {
    let mut r = Reporter::new(path, map);
    lint_long_options(&mut r, s);
    if self_harm_said {
        content_notes(&mut r, s);
    }
    branch_notes(&mut r, s);
    r.out
}

/// Sound options (good or best) far longer than their siblings, as (node
/// index, option index): their length gives the answer away. A long
/// roadblock is no tell; it makes the wrong answer tempting, as it should.
/// An answer-tell figure, shared with `attune stats`.
pub fn long_options(s: &Scenario) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (v, node) in s.nodes.iter().enumerate() {
        if node.options.len() < 2 {
            continue;
        }
        let lengths: Vec<usize> = node
            .options
            .iter()
            .map(|o| o.text.chars().count())
            .collect();
        for (k, &len) in lengths.iter().enumerate() {
            if node.options[k].rating < Rating::Good {
                continue;
            }
            let longest = lengths
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != k)
                .map(|(_, &l)| l)
                .max()
                .unwrap_or(0);
            if len as f64 >= LONG_OPTION_FACTOR * longest as f64
                && len >= longest + LONG_OPTION_MARGIN
            {
                out.push((v, k));
            }
        }
    }
    out
}

fn lint_long_options(r: &mut Reporter, s: &Scenario) {
    for (v, k) in long_options(s) {
        let node = &s.nodes[v];
        let o = &node.options[k];
        let len = o.text.chars().count();
        let next = node
            .options
            .iter()
            .filter(|p| p.id != o.id)
            .map(|p| p.text.chars().count())
            .max()
            .unwrap_or(0);
        let at = r.option_field_at(&node.id, &o.id, "text");
        r.push(
            at,
            Severity::Warning,
            "long-option",
            format!(
                "option \"{}\" of \"{}\" is rated {} and is {len} characters long, far longer than any other option here (the next longest has {next}): its length alone gives it away",
                o.id,
                node.id,
                o.rating.label()
            ),
            Some("shorten it, or give the other options as much substance".into()),
        );
    }
}

/// Self-harm words in anything the learner reads need a content note that
/// says so.
fn content_notes(r: &mut Reporter, s: &Scenario) {
    if s.content_notes.iter().any(|n| warns_of_self_harm(n)) {
        return;
    }
    // Scan the file's strings, which carry their places, instead of the
    // model's fields, which do not. Ids and references are not prose.
    let found = r.map.entries().iter().enumerate().find_map(|(i, e)| {
        let prose = e.kind == EntryKind::Str
            && !super::charset::NOT_SHOWN.contains(&e.key)
            && r.map
                .fields(e)
                .first()
                .is_none_or(|f| *f != "content_notes");
        prose
            .then(|| self_harm_phrase(e.value))
            .flatten()
            .map(|p| (i, p))
    });
    let Some((at, phrase)) = found else {
        return;
    };
    let notes_at = r.map.find_field(&[], "content_notes");
    r.push(
        Some(at),
        Severity::Warning,
        "missing-content-note",
        format!(
            "the text mentions \"{phrase}\", but no content note warns of self-harm or suicide"
        ),
        Some(format!(
            "add a content note such as \"Thoughts of suicide, mentioned but not described.\"{}",
            if notes_at.is_some() {
                " to `content_notes`"
            } else {
                ": `content_notes: [\"...\"]`"
            }
        )),
    );
}

/// Branches have no screen, so their facilitator notes are never shown.
fn branch_notes(r: &mut Reporter, s: &Scenario) {
    for node in s
        .nodes
        .iter()
        .filter(|n| n.is_branch() && n.notes.is_some())
    {
        let at = r
            .map
            .node_range(&node.id, 0)
            .and_then(|range| {
                r.map
                    .find_in(range, EntryKind::Field, &["nodes"], "notes", None)
            })
            .or_else(|| r.node_at(&node.id));
        r.push(
            at,
            Severity::Warning,
            "unused-notes",
            format!(
                "branch \"{}\" has facilitator notes, but a branch is passed through without a stop, so they are never shown",
                node.id
            ),
            Some("move the notes to the decision the branch leads to".into()),
        );
    }
}
