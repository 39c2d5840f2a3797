//! Text in other scripts: the characters the app's fonts can draw are
//! accepted, and the ones without a glyph are reported with their place,
//! never drawn as empty boxes. That the fonts really have these glyphs is
//! checked in tests/app/charset.rs.

use attune_core::check::charset::{is_supported, script_of};
use attune_core::check::load_str;

use crate::MINIMAL;

#[test]
fn accented_latin_greek_and_cyrillic_are_supported() {
    for text in [
        "Café, naïve, Łódź, Ærøskøbing, Şişli, Dvořák, São Paulo",
        "¿Qué tal? ¡Hola! «Très bien» – „gut“ — 50 € … ‘quoted’ “quoted”",
        "Καλημέρα, Здравствуйте, Добрий день",
    ] {
        for c in text.chars() {
            assert!(is_supported(c), "{c} (U+{:04X})", u32::from(c));
        }
        let scenario = MINIMAL.replace("text: \"Hi.\"", &format!("text: \"{text}\""));
        let loaded = load_str("latin.ron", &scenario);
        assert!(!loaded.has_errors(), "{:?}", loaded.diagnostics);
    }
}

#[test]
fn cjk_right_to_left_and_emoji_are_reported_with_their_place() {
    // (text, script named, right to left)
    let cases = [
        ("你好，我在这里。", "Chinese, Japanese or Korean", false),
        ("こんにちは", "Japanese (kana)", false),
        ("안녕하세요", "Korean (Hangul)", false),
        ("مرحبا، كيف حالك؟", "Arabic", true),
        ("שלום, מה שלומך?", "Hebrew", true),
        ("I'm fine 🙂", "an emoji or symbol", false),
        ("नमस्ते", "Devanagari", false),
    ];
    for (text, name, rtl) in cases {
        let scenario = MINIMAL.replace("text: \"Hi.\"", &format!("text: \"Well. {text}\""));
        let loaded = load_str("scripts.ron", &scenario);
        assert!(loaded.scenario.is_none(), "{text} accepted");
        let d = loaded
            .diagnostics
            .iter()
            .find(|d| d.code == "unsupported-script")
            .unwrap_or_else(|| panic!("{text}: {:?}", loaded.diagnostics));
        let line = scenario
            .lines()
            .position(|l| l.contains(text))
            .expect("there")
            + 1;
        let first_bad = text.chars().find(|&c| !is_supported(c)).expect("one");
        let col = scenario
            .lines()
            .nth(line - 1)
            .expect("line")
            .chars()
            .position(|c| c == first_bad)
            .expect("there")
            + 1;
        assert_eq!((d.line, d.col), (line, col), "{text}: {d}");
        assert!(d.message.contains(name), "{d}");
        assert_eq!(script_of(first_bad).rtl, rtl, "{text}");
        if rtl {
            let hint = d.hint.as_deref().unwrap_or_default();
            assert!(hint.contains("right-to-left"), "{hint}");
        }
    }
}

#[test]
fn escaped_characters_are_checked_too() {
    let scenario = MINIMAL.replace("text: \"Hi.\"", "text: \"Hi \\u{4E2D}.\"");
    let loaded = load_str("escape.ron", &scenario);
    let d = loaded
        .diagnostics
        .iter()
        .find(|d| d.code == "unsupported-script")
        .unwrap_or_else(|| panic!("{:?}", loaded.diagnostics));
    assert!(d.message.contains("U+4E2D"), "{d}");
}

#[test]
fn comments_are_not_text_the_app_shows() {
    let scenario = MINIMAL.replace("// Broken on purpose", "// 你好 Broken on purpose");
    assert!(!load_str("comment.ron", &scenario).has_errors());
}
