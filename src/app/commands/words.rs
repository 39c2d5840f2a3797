//! Keys in words, as the sheet, buttons and tooltips show them.

use eframe::egui::Key;

use super::{Chord, modifier_set, same_modifiers};

impl Chord {
    /// The chord in words, as the sheet and the buttons show it.
    pub fn text(&self) -> String {
        let mut text = String::new();
        let (alt, shift, ctrl) = modifier_set(self.modifiers);
        for (on, name) in [(ctrl, "Ctrl"), (alt, "Alt"), (shift, "Shift")] {
            if on {
                text.push_str(name);
                text.push('+');
            }
        }
        let spelled = !text.is_empty();
        text.push_str(key_name(self.key, spelled));
        text
    }
}

/// A key's name; `spelled` gives words for + and − after a modifier, where
/// "Ctrl++" would be hard to read.
fn key_name(key: Key, spelled: bool) -> &'static str {
    match key {
        Key::PageDown => "Page Down",
        Key::PageUp => "Page Up",
        Key::ArrowRight => "Right arrow",
        Key::ArrowLeft => "Left arrow",
        Key::ArrowUp => "Up arrow",
        Key::ArrowDown => "Down arrow",
        Key::Escape => "Esc",
        Key::Plus if spelled => "Plus",
        Key::Minus if spelled => "Minus",
        Key::Minus => "\u{2212}",
        _ => key.symbol_or_name(),
    }
}

/// The four arrows, which read as one "Arrow keys" when all are listed.
const ARROWS: [&str; 4] = ["Left arrow", "Right arrow", "Up arrow", "Down arrow"];

/// The shown keys in words. A run of three or more neighbouring digits or
/// letters with the same modifiers reads as a range: "A–D"; all four
/// arrows read as "Arrow keys".
pub fn keys_text(keys: &[Chord]) -> String {
    let shown: Vec<&Chord> = keys.iter().filter(|k| k.shown).collect();
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < shown.len() {
        let mut end = i;
        while end + 1 < shown.len() && follows(shown[end], shown[end + 1]) {
            end += 1;
        }
        if end >= i + 2 {
            let last = key_name(shown[end].key, false);
            parts.push(format!("{}\u{2013}{last}", shown[i].text()));
            i = end + 1;
        } else {
            parts.push(shown[i].text());
            i += 1;
        }
    }
    if ARROWS.iter().all(|a| parts.iter().any(|p| p == a)) {
        let first = parts.iter().position(|p| ARROWS.contains(&p.as_str()));
        parts.retain(|p| !ARROWS.contains(&p.as_str()));
        if let Some(at) = first {
            parts.insert(at, "Arrow keys".to_string());
        }
    }
    join_or(&parts)
}

/// True when `b` is the digit or letter right after `a`, same modifiers.
fn follows(a: &Chord, b: &Chord) -> bool {
    match (single_char(a.key), single_char(b.key)) {
        (Some(x), Some(y)) => {
            same_modifiers(a.modifiers, b.modifiers) && u32::from(y) == u32::from(x) + 1
        }
        _ => false,
    }
}

/// The key's name when it is one digit or letter.
fn single_char(key: Key) -> Option<char> {
    let mut chars = key.symbol_or_name().chars();
    let c = chars.next()?;
    (chars.next().is_none() && c.is_ascii_alphanumeric()).then_some(c)
}

/// "a", "a or b", "a, b or c".
fn join_or(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}
