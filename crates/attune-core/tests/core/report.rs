//! The exported HTML report: complete and escaped.

use attune_core::check::load_str;
use attune_core::debrief::{Debrief, report};
use attune_core::engine::{Pick, play_out};

#[test]
fn report_contains_every_turn_and_the_metrics() {
    let library = attune_core::library::Library::shipped();
    let s = library.find("tutorial").unwrap();
    let c = play_out(s, 2, &Pick::Worst).unwrap();
    let d = Debrief::build(s, &c);
    let html = report::html(s, &d);
    assert!(html.starts_with("<!DOCTYPE html>"));
    for t in &d.turns {
        assert!(
            html.contains(&report::escape(&t.said)),
            "missing turn {}",
            t.number
        );
        assert!(html.contains(&report::escape(&t.why)));
        assert!(html.contains(&report::escape(t.better.as_deref().unwrap())));
    }
    assert!(html.contains("Reflection-to-question ratio"));
    assert!(html.contains("<svg"));
    assert!(!html.contains("<script"), "no scripts in the report");
    assert!(
        !html.contains("http://") || html.matches("http://").count() == 1,
        "only the SVG namespace"
    );
}

#[test]
fn hostile_text_is_escaped() {
    let base = std::fs::read_to_string(fixture!("valid-minimal.ron")).unwrap();
    let evil = base
        .replace(
            "text: \"Hi.\"",
            r#"text: "<script>alert('x')</script> & \"quoted\"""#,
        )
        .replace(
            "text: \"You came.\"",
            &format!("text: \"{}<b>\"", "W".repeat(500)),
        )
        .replace(
            "title: \"Broken\"",
            "title: \"</title><script>x()</script>\"",
        );
    let loaded = load_str("evil.ron", &evil);
    let s = loaded
        .scenario
        .unwrap_or_else(|| panic!("{:?}", loaded.diagnostics));
    let c = play_out(&s, 0, &Pick::Best).unwrap();
    let html = report::html(&s, &Debrief::build(&s, &c));
    assert!(!html.contains("<script>"));
    assert!(!html.contains("<b>"));
    assert!(
        html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;")
    );
    assert!(html.contains(&format!("{}&lt;b&gt;", "W".repeat(500))));
    assert!(html.contains("overflow-wrap: anywhere"), "long words wrap");
}
