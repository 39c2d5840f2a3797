//! `option-names-unsaid`: an option that names something the peer has not
//! said on the way there.
//!
//! What counts as naming something in an option's text:
//! - a capitalised word that does not start a sentence (a person, a place,
//!   a brand: "Kyle", "LinkedIn"), other than "I" and its contractions;
//! - a number: digits, or a number word from "two" to "ninety", "hundred",
//!   "thousand" ("one" is too common to tell);
//! - a quoted phrase ("…" or “…”): all of its words.
//!
//! An option can silence it with `allow: [(lint: "option-names-unsaid",
//! reason: "...")]` when the learner brings the detail in themselves.
//!
//! Only words that some peer line of the scenario says count: a name or
//! number no peer line ever says is the learner's own (a helpline, their
//! own story) and is not flagged, nor are "OK" and "Okay".
//!
//! The learner knows a word when the briefing holds it (the persona's name
//! and background, the place) or a peer line they saw holds it: the line
//! at the option's node, and every earlier peer line on *every* way there.
//! The line at the node is each variant the exploration found the option
//! offered with; the earlier lines are a must-analysis over the nodes,
//! taking at each node only the words that all its shown variants share.
//! Words are compared in lower case, without a possessive "'s"; a quoted
//! phrase counts as said when each of its words was, not necessarily
//! together. Skipped when the exploration was not complete.

use std::collections::HashMap;

use super::explore::Exploration;
use super::validate::Reporter;
use crate::scenario::Scenario;
use crate::scenario::diagnostic::Severity;
use crate::scenario::graph::{Graph, Via};

const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand",
];

/// A word of a text, lower-cased, and whether it starts a sentence.
struct Word {
    lower: String,
    capital: bool,
    starts_sentence: bool,
}

fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut current = String::new();
    // True until a word is read, and again after a sentence's end.
    let mut starts_sentence = true;
    let mut at_start = true;
    let push = |current: &mut String, at_start: bool, out: &mut Vec<Word>| {
        let trimmed = current.trim_end_matches(['\'', '\u{2019}']);
        if !trimmed.is_empty() {
            let lower = trimmed.to_lowercase();
            let lower = lower
                .strip_suffix("'s")
                .or_else(|| lower.strip_suffix("\u{2019}s"))
                .unwrap_or(&lower)
                .to_string();
            out.push(Word {
                lower,
                capital: trimmed.chars().next().is_some_and(char::is_uppercase),
                starts_sentence: at_start,
            });
        }
        current.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() || (!current.is_empty() && (c == '\'' || c == '\u{2019}')) {
            if current.is_empty() {
                at_start = starts_sentence;
            }
            current.push(c);
            continue;
        }
        if !current.is_empty() {
            push(&mut current, at_start, &mut out);
            starts_sentence = false;
        }
        if matches!(
            c,
            '.' | '!' | '?' | '\u{2026}' | ':' | '"' | '\u{201c}' | '\u{2018}' | '('
        ) {
            starts_sentence = true;
        }
    }
    push(&mut current, at_start, &mut out);
    out
}

/// The things an option's text names, each as the words that must have
/// been said, with how to show it in a message.
fn mentions(text: &str) -> Vec<(String, Vec<String>)> {
    let mut found: Vec<(String, Vec<String>)> = Vec::new();
    for w in words(text) {
        let pronoun = matches!(
            w.lower.as_str(),
            "i" | "i'm" | "i've" | "i'd" | "i'll" | "ok" | "okay"
        );
        let named = w.capital && !w.starts_sentence && !pronoun;
        let number = w.lower.chars().any(|c| c.is_ascii_digit())
            || NUMBER_WORDS.contains(&w.lower.as_str());
        if named || number {
            found.push((w.lower.clone(), vec![w.lower]));
        }
    }
    for phrase in quoted(text) {
        let inner: Vec<String> = words(&phrase).into_iter().map(|w| w.lower).collect();
        if !inner.is_empty() {
            found.push((format!("\u{201c}{phrase}\u{201d}"), inner));
        }
    }
    found
}

/// The phrases inside straight or curly double quotes.
fn quoted(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut open: Option<String> = None;
    for c in text.chars() {
        match (&mut open, c) {
            (None, '"' | '\u{201c}') => open = Some(String::new()),
            (Some(p), '"' | '\u{201d}') => {
                out.push(p.trim().to_string());
                open = None;
            }
            (Some(p), c) => p.push(c),
            (None, _) => {}
        }
    }
    out
}

/// A set of words of interest, as bits.
#[derive(Clone, PartialEq)]
struct Bits(Vec<u64>);

impl Bits {
    fn empty(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64)])
    }
    fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    fn has(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
    fn and(&self, o: &Bits) -> Bits {
        Bits(self.0.iter().zip(&o.0).map(|(a, b)| a & b).collect())
    }
    fn or(&self, o: &Bits) -> Bits {
        Bits(self.0.iter().zip(&o.0).map(|(a, b)| a | b).collect())
    }
}

/// Numbers the words options name; turns texts into sets of them.
struct Vocabulary {
    index: HashMap<String, usize>,
}

impl Vocabulary {
    fn bits(&self, text: &str) -> Bits {
        let mut b = Bits::empty(self.index.len());
        for w in words(text) {
            if let Some(&i) = self.index.get(&w.lower) {
                b.set(i);
            }
        }
        b
    }
}

pub(crate) fn check(r: &mut Reporter, s: &Scenario, g: &Graph, ex: &Exploration) {
    let Some(start) = g.start else {
        return;
    };
    if !ex.complete {
        return;
    }
    let mut index = HashMap::new();
    let peer_words: std::collections::HashSet<String> = s
        .nodes
        .iter()
        .flat_map(|n| &n.lines)
        .flat_map(|l| words(&l.text))
        .map(|w| w.lower)
        .collect();
    let named: Vec<Vec<Vec<(String, Vec<String>)>>> = s
        .nodes
        .iter()
        .map(|n| {
            n.options
                .iter()
                .map(|o| {
                    let mut found = mentions(&o.text);
                    found.retain(|(_, ws)| ws.iter().any(|w| peer_words.contains(w)));
                    found
                })
                .collect()
        })
        .collect();
    for (_, ws) in named.iter().flatten().flatten() {
        for w in ws {
            let next = index.len();
            index.entry(w.clone()).or_insert(next);
        }
    }
    if index.is_empty() {
        return;
    }
    let vocab = Vocabulary { index };
    let briefing = vocab.bits(&format!(
        "{} {} {}",
        s.persona.name, s.persona.background, s.setting.place
    ));
    let before = said_before(s, g, ex, &vocab, start, &briefing);
    for (v, node) in s.nodes.iter().enumerate() {
        let Some(known) = &before[v] else {
            continue;
        };
        for (k, o) in node.options.iter().enumerate() {
            if super::lints::allowed(o, "option-names-unsaid") {
                continue;
            }
            let shown_with = ex.option_lines[v][k];
            for (l, line) in node.lines.iter().enumerate() {
                if shown_with & (1u64 << l.min(63)) == 0 {
                    continue;
                }
                let heard = known.or(&vocab.bits(&line.text));
                let missing = named[v][k].iter().find(|(_, ws)| {
                    ws.iter()
                        .any(|w| vocab.index.get(w).is_none_or(|&i| !heard.has(i)))
                });
                if let Some((what, _)) = missing {
                    report(r, s, v, k, l, what);
                    break;
                }
            }
        }
    }
}

fn report(r: &mut Reporter, s: &Scenario, v: usize, k: usize, l: usize, what: &str) {
    let node = &s.nodes[v];
    let o = &node.options[k];
    let at = r.option_field_at(&node.id, &o.id, "text");
    r.push(
        at,
        Severity::Warning,
        "option-names-unsaid",
        format!(
            "option \"{}\" of \"{}\" names {what}, but the peer has not said it on every way there: line {} of \"{}\" (\u{201c}{}\u{201d}) and the lines before it on some path do not",
            o.id,
            node.id,
            l + 1,
            node.id,
            node.lines[l].text
        ),
        Some(
            "keep the detail in every line variant the option can follow, or word the option without it (or gate it with the same `when`)".into(),
        ),
    );
}

/// Per node: the words of interest said on every way there (briefing
/// included), before the node's own line; `None` for nodes never reached.
fn said_before(
    s: &Scenario,
    g: &Graph,
    ex: &Exploration,
    vocab: &Vocabulary,
    start: usize,
    briefing: &Bits,
) -> Vec<Option<Bits>> {
    // The words every shown variant of a node shares.
    let common: Vec<Bits> = s
        .nodes
        .iter()
        .enumerate()
        .map(|(v, n)| {
            n.lines
                .iter()
                .enumerate()
                .filter(|(k, _)| ex.line_shown[v].get(*k).copied().unwrap_or(false))
                .map(|(_, l)| vocab.bits(&l.text))
                .reduce(|a, b| a.and(&b))
                .unwrap_or_else(|| Bits::empty(vocab.index.len()))
        })
        .collect();
    let mut before: Vec<Option<Bits>> = vec![None; s.nodes.len()];
    before[start] = Some(briefing.clone());
    let mut out_edges = vec![Vec::new(); s.nodes.len()];
    for e in &g.edges {
        out_edges[e.from].push(*e);
    }
    let mut queue = vec![start];
    while let Some(v) = queue.pop() {
        let Some(here) = &before[v] else {
            continue;
        };
        let after = here.or(&common[v]);
        for e in &out_edges[v] {
            let taken = match e.via {
                Via::Option(k) => ex.option_holds[v][k],
                Via::Route(k) => ex.route_holds[v][k],
            };
            if !taken {
                continue;
            }
            let next = match &before[e.to] {
                None => after.clone(),
                Some(b) => b.and(&after),
            };
            if before[e.to].as_ref() != Some(&next) {
                before[e.to] = Some(next);
                queue.push(e.to);
            }
        }
    }
    before
}

#[cfg(test)]
mod tests {
    use super::mentions;

    fn named(text: &str) -> Vec<String> {
        mentions(text).into_iter().map(|(w, _)| w).collect()
    }

    #[test]
    fn names_numbers_and_quotes_are_found_but_not_sentence_starts() {
        assert_eq!(named("Did Kyle call? Maybe."), vec!["kyle"]);
        assert_eq!(named("I think Kyle's right."), vec!["kyle"]);
        assert_eq!(named("So, the lads you trained."), Vec::<String>::new());
        assert_eq!(named("Fifteen years at 3 sites"), vec!["fifteen", "3"]);
        assert_eq!(named("after fifteen years"), vec!["fifteen"]);
        assert_eq!(named("You said \"not again\"."), vec!["\u{201c}not again\u{201d}"]);
        assert_eq!(named("Is it on LinkedIn?"), vec!["linkedin"]);
    }
}
