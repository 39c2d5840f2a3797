//! Issue 7, bullet by bullet, as far as the core goes: hostile dialogue
//! files, containment, what a scenario cannot do, and report escaping. The
//! store's bullets (atomic writes, concurrent writers, damaged files,
//! unwritable folders, old formats) are in tests/store/store.rs; the old
//! history fixture, the source scan and the fuzz targets in
//! tests/store/reliability.rs; `attune check` on hostile files in
//! tests/cli/reliability.rs.

use std::fs;
use std::path::Path;

use crate::load_file;
use attune_core::check::{Loaded, load_bytes, load_str};
use attune_core::debrief::{Debrief, report};
use attune_core::engine::{Pick, play_out};
use attune_core::scenario::Severity;
use attune_core::scenario::parse::MAX_FILE_BYTES;

use crate::MINIMAL;
use crate::chain::chain_scenario;

/// The one error a refused file gets, checked to name the file and a place.
fn single_error<'a>(loaded: &'a Loaded, path: &str) -> &'a attune_core::scenario::Diagnostic {
    assert!(loaded.scenario.is_none(), "{path}: refused");
    let d = loaded
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Error)
        .unwrap_or_else(|| panic!("{path}: no error in {:?}", loaded.diagnostics));
    assert_eq!(d.path, path);
    assert!(d.line >= 1 && d.col >= 1);
    assert!(d.to_string().starts_with(&format!("{path}:")), "{d}");
    d
}

/// Writes `bytes` to `name` in a temporary folder and loads it from disk.
fn load_written(dir: &Path, name: &str, bytes: &[u8]) -> (String, Loaded) {
    let path = dir.join(name);
    fs::write(&path, bytes).expect("written");
    (path.display().to_string(), load_file(&path))
}

// ------------------------------------------------------ hostile dialogue files

#[test]
fn an_empty_file_is_refused_naming_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in [
        ("empty.ron", &b""[..]),
        ("blank.ron", b"\n\n   \t\n"),
        ("bom.ron", "\u{feff}".as_bytes()),
    ] {
        let (path, loaded) = load_written(dir.path(), name, bytes);
        let d = single_error(&loaded, &path);
        assert_eq!(d.code, "empty", "{name}");
        assert!(d.message.contains("empty"), "{d}");
    }
}

#[test]
fn binary_and_invalid_utf8_files_are_refused_at_the_first_bad_byte() {
    let dir = tempfile::tempdir().expect("temp dir");
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    let latin1 = b"(\n  id: \"caf\xe9\",\n)".to_vec();
    let mut truncated = "(id: \"é".as_bytes().to_vec();
    truncated.pop();
    let (path, loaded) = load_written(dir.path(), "image.ron", &png);
    let d = single_error(&loaded, &path);
    assert_eq!((d.code, d.line, d.col), ("not-utf8", 1, 1), "{d}");
    let (path, loaded) = load_written(dir.path(), "latin1.ron", &latin1);
    let d = single_error(&loaded, &path);
    assert_eq!((d.code, d.line, d.col), ("not-utf8", 2, 11), "{d}");
    let (path, loaded) = load_written(dir.path(), "cut.ron", &truncated);
    let d = single_error(&loaded, &path);
    assert_eq!((d.code, d.line, d.col), ("not-utf8", 1, 7), "{d}");
    // Valid UTF-8 that is still binary: NUL bytes are a syntax error.
    let (path, loaded) = load_written(dir.path(), "zeros.ron", &[0; 1000]);
    let code = single_error(&loaded, &path).code;
    assert!(["syntax", "wrong-type"].contains(&code), "{code}");
}

#[test]
fn a_100_mb_file_is_refused_naming_the_size_limit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.ron");
    let file = fs::File::create(&path).expect("created");
    // Sparse: 100 MB on paper, no disk used.
    file.set_len(100 * 1000 * 1000).expect("sized");
    let loaded = load_file(&path);
    let d = single_error(&loaded, &path.display().to_string());
    assert_eq!(d.code, "too-large");
    let limit = format!("{} MiB", MAX_FILE_BYTES / (1024 * 1024));
    assert!(d.message.contains(&limit), "{d}");
    assert!(d.hint.is_some());

    // The same from memory, one byte over the limit.
    let over = vec![b' '; MAX_FILE_BYTES as usize + 1];
    assert_eq!(
        single_error(&load_bytes("over.ron", &over), "over.ron").code,
        "too-large"
    );
}

#[test]
fn ten_thousand_levels_of_nesting_are_an_error_not_a_stack_overflow() {
    let depth = 10_000;
    let cases = [
        ("lists", format!("(nodes: {}", "[".repeat(depth))),
        (
            "closed lists",
            format!("(nodes: {}{})", "[".repeat(depth), "]".repeat(depth)),
        ),
        ("tuples", "(".repeat(depth)),
        (
            "options",
            format!(
                "(persona: (name: \"x\", background: \"y\", portrait: {}",
                "Some(".repeat(depth)
            ),
        ),
        ("structs", format!("(setting: {}", "(place: ".repeat(depth))),
    ];
    for (name, text) in cases {
        // Run on a small stack, as a test thread or a UI thread might have.
        let loaded = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || load_str("deep.ron", &text))
            .expect("thread")
            .join()
            .unwrap_or_else(|_| panic!("{name}: loading panicked"));
        let d = single_error(&loaded, "deep.ron");
        assert!(
            ["too-deep", "wrong-type", "syntax", "missing-field"].contains(&d.code),
            "{name}: {d}"
        );
    }
    let deep_list = format!("(nodes: {}", "[".repeat(depth));
    let d = load_str("deep.ron", &deep_list).diagnostics.remove(0);
    // The schema allows a few levels only, so parsing stops at the first
    // bracket too many, long before ron's own limit.
    assert_eq!((d.line, d.col), (1, 10), "{d}");
}

#[test]
fn a_one_megabyte_line_loads_and_an_error_in_it_has_the_right_column() {
    let long = "word ".repeat(200_000);
    let text = MINIMAL
        .lines()
        .filter(|l| !l.starts_with("//"))
        .collect::<Vec<_>>()
        .join(" ")
        .replace("text: \"Hi.\"", &format!("text: \"{long}\""));
    assert_eq!(text.lines().count(), 1);
    assert!(text.len() > 1_000_000);
    let loaded = load_str("long.ron", &text);
    let s = loaded
        .scenario
        .unwrap_or_else(|| panic!("{:?}", loaded.diagnostics));
    let c = play_out(&s, 1, &Pick::Best).expect("plays");
    assert_eq!(c.steps()[0].line, long);
    let html = report::html(&s, &Debrief::build(&s, &c));
    assert!(html.contains("Attune debrief"));

    // An unknown field at the very end of the long line.
    let broken = format!("{} sparkle: true)", text.trim_end().trim_end_matches(')'));
    let col = broken.find("sparkle").expect("there") + 1;
    let d = single_error(&load_str("long.ron", &broken), "long.ron").clone();
    assert_eq!((d.code, d.line, d.col), ("unknown-field", 1, col), "{d}");
}

#[test]
fn a_100_000_node_scenario_loads_or_is_refused_with_a_message() {
    let text = chain_scenario(100_000);
    let loaded = load_bytes("big.ron", text.as_bytes());
    if text.len() as u64 > MAX_FILE_BYTES {
        let d = single_error(&loaded, "big.ron");
        assert_eq!(d.code, "too-large");
        assert!(d.message.contains("limit"), "{d}");
    } else {
        assert!(!loaded.has_errors(), "{:?}", &loaded.diagnostics[..3]);
        let s = loaded.scenario.expect("loaded");
        assert_eq!(s.nodes.len(), 100_002);
    }
    // The generator itself makes valid scenarios.
    let small = load_str("small.ron", &chain_scenario(50));
    assert!(!small.has_errors(), "{:?}", small.diagnostics);
}

// ------------------------------------------------------------- containment

#[test]
fn a_portrait_name_that_is_a_path_is_refused_by_the_validator() {
    for bad in [
        "../sam",
        "../../../etc/passwd",
        "/etc/passwd",
        "C:\\Windows\\win.ini",
        "C:evil",
        "sam/../jonah",
        "./sam",
        ".hidden",
        "sam.ron",
        "~/sam",
        "sam\0",
        "file:///etc/passwd",
        "https://example.com/face.png",
        "",
    ] {
        let text = MINIMAL.replace(
            "persona: (name: \"Kim\", background: \"A fixture.\")",
            &format!(
                "persona: (name: \"Kim\", background: \"A fixture.\", portrait: {:?})",
                bad
            ),
        );
        let loaded = load_str("portrait.ron", &text);
        assert!(loaded.scenario.is_none(), "{bad:?} accepted");
        assert!(
            loaded
                .diagnostics
                .iter()
                .any(|d| d.code == "bad-asset-name"),
            "{bad:?}: {:?}",
            loaded.diagnostics
        );
    }
    let fine = MINIMAL.replace(
        "background: \"A fixture.\")",
        "background: \"A fixture.\", portrait: \"sam\")",
    );
    assert!(!load_str("portrait.ron", &fine).has_errors());
}

// ------------------------------------- nothing in a scenario can act on the world

/// Every field name a scenario can have, anywhere. A new field fails this
/// test on purpose: check that it cannot name a file, a URL or a command.
const SCENARIO_FIELDS: &[&str] = &[
    "allow",
    "background",
    "bands",
    "better",
    "content_notes",
    "discloses",
    "effects",
    "empathy",
    "ending",
    "follows",
    "goto",
    "id",
    "initial_trust",
    "kind",
    "layers",
    "level",
    "lines",
    "lint",
    "medium",
    "name",
    "nodes",
    "notes",
    "objectives",
    "on_withdraw",
    "options",
    "persona",
    "place",
    "portrait",
    "presumes",
    "rating",
    "reason",
    "routes",
    "scenario",
    "support",
    "sensitive_to",
    "setting",
    "skills",
    "start",
    "summary",
    "text",
    "threshold",
    "title",
    "tutorial",
    "when",
    "why",
    "withdrawal_floor",
];

fn field_names(value: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                out.insert(k.clone());
                field_names(v, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| field_names(v, out)),
        _ => {}
    }
}

#[test]
fn the_scenario_model_has_no_field_that_could_name_a_file_url_or_command() {
    let library = attune_core::library::Library::shipped();
    let mut seen = std::collections::BTreeSet::new();
    for s in library.scenarios() {
        let json = serde_json::to_value(s).expect("serialises");
        field_names(&json, &mut seen);
    }
    for name in &seen {
        let variant = matches!(
            name.as_str(),
            "trust"
                | "trust_at_least"
                | "trust_below"
                | "layer_reached"
                | "layer_not_reached"
                | "disclosed"
                | "not_disclosed"
                | "visited"
                | "not_visited"
                | "roadblock"
        );
        assert!(
            variant || SCENARIO_FIELDS.contains(&name.as_str()),
            "new scenario field `{name}`: make sure it cannot reach outside, then list it"
        );
    }
    for risky in [
        "path", "file", "url", "href", "command", "exec", "script", "sound", "image",
    ] {
        assert!(
            !seen.iter().any(|f| f.split('_').any(|word| word == risky)),
            "{risky}"
        );
    }
}

#[test]
fn unknown_fields_that_try_to_act_are_refused() {
    for (field, value) in [
        ("command", "\"rm -rf ~\""),
        ("on_start", "\"open https://example.com\""),
        ("url", "\"https://example.com\""),
        ("script", "\"alert(1)\""),
        ("include", "\"/etc/passwd\""),
        ("save_to", "\"~/.bashrc\""),
    ] {
        let text = MINIMAL.replacen(
            "title: \"Broken\",",
            &format!("title: \"Broken\", {field}: {value},"),
            1,
        );
        let loaded = load_str("act.ron", &text);
        let d = single_error(&loaded, "act.ron");
        assert_eq!(d.code, "unknown-field", "{field}: {d}");
        assert!(d.message.contains(field), "{d}");
    }
}

#[test]
fn urls_and_markup_in_text_stay_plain_text_in_the_report() {
    let text = MINIMAL
        .replace(
            "text: \"Hi.\"",
            "text: \"See https://example.com/x?a=1&b=2 and <a href='javascript:alert(1)'>this</a> or [link](http://evil.test) javascript:void(0)\"",
        )
        .replace("title: \"Broken\"", "title: \"<img src=x onerror=alert(1)>\"");
    let loaded = load_str("links.ron", &text);
    let s = loaded
        .scenario
        .unwrap_or_else(|| panic!("{:?}", loaded.diagnostics));
    let c = play_out(&s, 0, &Pick::Best).expect("plays");
    let html = report::html(&s, &Debrief::build(&s, &c));
    assert!(!html.contains("<a "), "no links");
    assert!(!html.contains("href=\""), "no links");
    assert!(!html.contains("<img"), "no images");
    assert!(html.contains("https://example.com/x?a=1&amp;b=2"));
    assert!(html.contains("&lt;a href=&#39;javascript:alert(1)&#39;&gt;"));
}

// --------------------------------------------------------------- the report

#[test]
fn report_escapes_script_quotes_ampersands_and_wraps_a_long_word() {
    let word = "Unbrokenwordwithoutanyspaces".repeat(40);
    let text = MINIMAL
        .replace(
            "text: \"Hi.\"",
            "text: \"<script>alert(\\\"hi\\\")</script> Tom & Jerry say \\\"hi\\\"\"",
        )
        .replace("text: \"You came.\"", &format!("text: \"{word}\""))
        .replace(
            "title: \"Broken\"",
            &format!("title: \"{word} & <script>\""),
        )
        .replace("name: \"Kim\"", "name: \"Kim \\\"K\\\" <b>&</b>\"");
    let loaded = load_str("evil.ron", &text);
    let s = loaded
        .scenario
        .unwrap_or_else(|| panic!("{:?}", loaded.diagnostics));
    let c = play_out(&s, 0, &Pick::Best).expect("plays");
    let html = report::html(&s, &Debrief::build(&s, &c));
    assert!(!html.contains("<script"), "no script element");
    assert!(!html.contains("<b>"));
    assert!(html.contains(
        "&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; Tom &amp; Jerry say &quot;hi&quot;"
    ));
    assert!(html.contains("Kim &quot;K&quot; &lt;b&gt;&amp;&lt;/b&gt;"));
    assert!(html.contains(&format!("<h1>{word} &amp; &lt;script&gt;</h1>")));
    // Every `&` in the document starts an entity.
    for (i, _) in html.match_indices('&') {
        let rest = &html[i..];
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                .iter()
                .any(|e| rest.starts_with(e)),
            "bare & at {}",
            &rest[..rest.len().min(20)]
        );
    }
    // The long word wraps wherever it appears: the body's style is inherited.
    let body_rule = html
        .lines()
        .find(|l| l.starts_with("body {"))
        .expect("a body rule");
    assert!(body_rule.contains("overflow-wrap: anywhere"), "{body_rule}");
}
