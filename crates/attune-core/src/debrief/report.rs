//! The exported debrief: one self-contained HTML file a learner can hand in
//! or print. No scripts, no external resources; every piece of scenario and
//! learner text is escaped.

use std::fmt::Write;

use super::{Debrief, Level, Score};
use crate::scenario::{SUPPORT_ELSEWHERE, Scenario};
use crate::skills::carkhuff_label;

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1d2430; line-height: 1.5; overflow-wrap: anywhere; }
h1 { font-size: 1.7rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #c8ced8; padding-bottom: 0.2rem; }
p, li, td, th, blockquote { overflow-wrap: anywhere; }
.meta { color: #4a5568; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid #e2e6ec; vertical-align: top; }
.turn { border: 1px solid #d5dae2; border-radius: 8px; padding: 0.8rem 1rem; margin: 1rem 0; page-break-inside: avoid; }
.turn h3 { margin: 0 0 0.4rem 0; font-size: 1.05rem; }
blockquote { margin: 0.3rem 0; padding-left: 0.8rem; border-left: 3px solid #9aa5b5; }
blockquote.you { border-left-style: double; }
.label { font-weight: 600; }
.tag { display: inline-block; border: 1px solid #9aa5b5; border-radius: 4px; padding: 0 0.35rem; margin-right: 0.3rem; font-size: 0.9rem; }
svg text { font-family: inherit; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
"#;

/// Builds the report for one finished or stopped conversation.
pub fn html(scenario: &Scenario, debrief: &Debrief) -> String {
    let mut h = String::new();
    let title = format!("Attune debrief: {}", scenario.title);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&title)
    );
    let _ = writeln!(h, "<h1>{}</h1>", escape(&scenario.title));
    let _ = writeln!(
        h,
        "<p class=\"meta\">{} · {} · with {} · seed {}</p>",
        escape(&scenario.setting.place),
        escape(scenario.setting.medium.label()),
        escape(&scenario.persona.name),
        debrief.seed
    );
    ending_html(&mut h, scenario, debrief);
    support_html(&mut h, debrief);

    h.push_str("<h2>Trust over the conversation</h2>\n");
    h.push_str(&trust_svg(debrief));

    metrics_html(&mut h, scenario, debrief);

    h.push_str("<h2>Turn by turn</h2>\n");
    for t in &debrief.turns {
        let _ = writeln!(
            h,
            "<section class=\"turn\">\n<h3>Turn {} · {} · trust {} → {} ({:+})</h3>",
            t.number,
            escape(t.rating.label()),
            t.trust_before,
            t.trust_after,
            t.trust_after - t.trust_before
        );
        let _ = writeln!(
            h,
            "<blockquote>{}: “{}”</blockquote>",
            escape(&scenario.persona.name),
            escape(&t.peer_line)
        );
        let _ = writeln!(
            h,
            "<blockquote class=\"you\">You: “{}”</blockquote>",
            escape(&t.said)
        );
        h.push_str("<p>");
        for s in &t.skills {
            let _ = write!(h, "<span class=\"tag\">{}</span>", escape(&s.label()));
        }
        let _ = writeln!(h, " Carkhuff {}</p>", escape(carkhuff_label(t.empathy)));
        let _ = writeln!(
            h,
            "<p><span class=\"label\">Why:</span> {}</p>",
            escape(&t.why)
        );
        if let Some(b) = &t.better {
            let _ = writeln!(
                h,
                "<p><span class=\"label\">What would have worked better:</span> {}</p>",
                escape(b)
            );
        }
        for a in &t.adjustments {
            let _ = writeln!(h, "<p class=\"meta\">{}</p>", escape(a));
        }
        for l in t.layers_disclosed.iter().filter_map(|l| scenario.layer(l)) {
            let _ = writeln!(
                h,
                "<p><span class=\"label\">Disclosed in the reply:</span> {}</p>",
                escape(&l.summary)
            );
        }
        let _ = writeln!(
            h,
            "<blockquote>{} replied: “{}”</blockquote>\n</section>",
            escape(&scenario.persona.name),
            escape(&t.reaction)
        );
    }
    let _ = write!(
        h,
        "<p class=\"meta\">Made with Attune. {}</p>\n</body>\n</html>\n",
        escape(&super::sources_note())
    );
    h
}

/// The scenario's support services, for a scenario that touches on risk.
fn support_html(h: &mut String, d: &Debrief) {
    if d.support.is_empty() {
        return;
    }
    h.push_str("<h2>Support</h2>\n<ul>\n");
    for line in &d.support {
        let _ = writeln!(h, "<li>{}</li>", escape(line));
    }
    let _ = writeln!(h, "</ul>\n<p>{}</p>", escape(SUPPORT_ELSEWHERE));
}

fn level_words(level: Level) -> &'static str {
    match level {
        Level::Good => "good",
        Level::Fair => "fair",
        Level::BelowFair => "below fair",
        Level::NotScored => "not scored",
    }
}

fn score_cell(s: &Score, percent: bool, none: &str) -> String {
    match s.value {
        Some(v) if percent => format!("{v:.0}%"),
        Some(v) => format!("{v:.1} : 1"),
        None => none.to_string(),
    }
}

fn metrics_html(h: &mut String, scenario: &Scenario, d: &Debrief) {
    let m = &d.metrics;
    h.push_str("<h2>Skills</h2>\n<table>\n<tr><th>Measure</th><th>You</th><th>Fair</th><th>Good</th><th>Level</th></tr>\n");
    let rows = [
        (
            "Reflection-to-question ratio",
            score_cell(&m.reflection_to_question, false, "no questions"),
            "1 : 1",
            "2 : 1",
            m.reflection_to_question.level,
        ),
        (
            "Complex reflections",
            score_cell(&m.percent_complex_reflections, true, "–"),
            "40%",
            "50%",
            m.percent_complex_reflections.level,
        ),
        (
            "Open questions",
            score_cell(&m.percent_open_questions, true, "–"),
            "50%",
            "70%",
            m.percent_open_questions.level,
        ),
    ];
    for (name, you, fair, good, level) in rows {
        let _ = writeln!(
            h,
            "<tr><td>{name}</td><td>{}</td><td>{fair}</td><td>{good}</td><td>{}</td></tr>",
            escape(&you),
            level_words(level)
        );
    }
    h.push_str("</table>\n<ul>\n");
    let _ = writeln!(
        h,
        "<li>{} reflections ({} complex), {} questions ({} open)</li>",
        m.reflections, m.complex_reflections, m.questions, m.open_questions
    );
    if let Some(e) = m.mean_empathy {
        let _ = writeln!(h, "<li>Mean empathy (Carkhuff 1–5): {e:.1}</li>");
    }
    if m.roadblocks.is_empty() {
        h.push_str("<li>Roadblocks: none</li>\n");
    } else {
        let list: Vec<String> = m
            .roadblocks
            .iter()
            .map(|(r, n)| format!("{} × {n}", r.label()))
            .collect();
        let _ = writeln!(h, "<li>Roadblocks: {}</li>", escape(&list.join(", ")));
    }
    let deepest = m
        .deepest_layer
        .as_deref()
        .and_then(|l| scenario.layer(l))
        .map_or("none".to_string(), |l| l.summary.clone());
    let _ = writeln!(
        h,
        "<li>Deepest disclosure: {}</li>\n</ul>",
        escape(&deepest)
    );
}

/// How the conversation ended, with the note that explains an ending
/// which seems to contradict the peer's final band.
fn ending_html(h: &mut String, scenario: &Scenario, debrief: &Debrief) {
    match &debrief.ending {
        Some(e) => {
            let early = if e.early {
                " (trust fell below the floor, so the conversation ended early)"
            } else {
                ""
            };
            let _ = writeln!(
                h,
                "<p><span class=\"label\">Ending:</span> {} — {}{}</p>\n<blockquote>{}: “{}”</blockquote>",
                escape(e.kind.label()),
                escape(&e.title),
                early,
                escape(&scenario.persona.name),
                escape(&e.line)
            );
            if let Some(note) = &e.note {
                let _ = writeln!(h, "<p class=\"meta\">{}</p>", escape(note));
            }
        }
        None => {
            h.push_str("<p><span class=\"label\">Ending:</span> stopped before an ending.</p>\n")
        }
    }
}

/// The trust curve as an inline SVG, with the disclosure layers marked.
fn trust_svg(d: &Debrief) -> String {
    let (w, hgt, left, right, top, bottom) = (640.0, 260.0, 44.0, 150.0, 12.0, 30.0);
    let plot_w = w - left - right;
    let plot_h = hgt - top - bottom;
    let n = d.trust_curve.len().max(2) - 1;
    let x = |i: usize| left + plot_w * i as f64 / n as f64;
    let y = |t: i32| top + plot_h * (1.0 - f64::from(t.clamp(0, 100)) / 100.0);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg viewBox=\"0 0 {w} {hgt}\" width=\"100%\" role=\"img\" aria-label=\"Trust after each turn: {}\" xmlns=\"http://www.w3.org/2000/svg\">",
        d.trust_curve
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    );
    for t in [0, 20, 40, 60, 80, 100] {
        let _ = writeln!(
            s,
            "<line x1=\"{left}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#e2e6ec\"/><text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">{t}</text>",
            left + plot_w,
            left - 6.0,
            y(t) + 4.0,
            y = y(t)
        );
    }
    for l in &d.layers {
        let said = match l.disclosed_at {
            Some(0) => "said at the start".to_string(),
            Some(n) => format!("said at turn {n}"),
            None => "not said".to_string(),
        };
        let _ = writeln!(
            s,
            "<line x1=\"{left}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#6b7a90\" stroke-dasharray=\"6 4\"/><text x=\"{}\" y=\"{}\" font-size=\"11\">{} ({said})</text>",
            left + plot_w,
            left + plot_w + 6.0,
            y(l.threshold) + 4.0,
            escape(&l.id.replace('_', " ")),
            y = y(l.threshold)
        );
        // A marker on the curve where the peer said it, never where trust
        // merely crossed the threshold.
        if let Some(at) = l.disclosed_at
            && let Some(&t) = d.trust_curve.get(at)
        {
            let (cx, cy) = (x(at), y(t));
            let _ = writeln!(
                s,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"10\" height=\"10\" transform=\"rotate(45 {cx:.1} {cy:.1})\" fill=\"#c05621\"><title>{} disclosed: {}</title></rect>",
                cx - 5.0,
                cy - 5.0,
                escape(&l.id.replace('_', " ")),
                escape(&l.summary)
            );
        }
    }
    let points: Vec<String> = d
        .trust_curve
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{:.1},{:.1}", x(i), y(*t)))
        .collect();
    let _ = writeln!(
        s,
        "<polyline fill=\"none\" stroke=\"#2b6cb0\" stroke-width=\"2.5\" points=\"{}\"/>",
        points.join(" ")
    );
    for (i, t) in d.trust_curve.iter().enumerate() {
        let _ = writeln!(
            s,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3.5\" fill=\"#2b6cb0\"><title>after turn {i}: {t}</title></circle>",
            x(i),
            y(*t)
        );
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">{i}</text>",
            x(i),
            hgt - 10.0
        );
    }
    s.push_str("</svg>\n<p class=\"meta\">Turn number along the bottom (0 is the start), trust 0–100 up the side; dashed lines are the trust at which the peer is ready to share a layer; an orange diamond marks the turn the peer actually said it.</p>\n");
    s
}
