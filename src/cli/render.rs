//! Plain-text rendering of a conversation and its debrief for the terminal.

use std::fmt::Write;

use crate::debrief::{Debrief, DebriefTurn, OPEN_SOURCE, REFLECTION_SOURCE, Score};
use crate::engine::Conversation;
use crate::scenario::{Medium, SUPPORT_ELSEWHERE, Scenario};
use crate::skills::carkhuff_label;
use crate::text::{count, speakers};

pub fn intro(s: &Scenario) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}\n", s.title);
    let _ = writeln!(
        out,
        "Setting: {} ({})",
        s.setting.place,
        s.setting.medium.label()
    );
    let _ = writeln!(out, "{}: {}", s.persona.name, s.persona.background);
    if !s.content_notes.is_empty() {
        let _ = writeln!(out, "Content notes: {}", s.content_notes.join("; "));
    }
    for o in &s.objectives {
        let _ = writeln!(out, "  - {o}");
    }
    out.push('\n');
    out
}

/// The peer's line and, at a decision, the numbered options.
pub fn step(s: &Scenario, c: &Conversation) -> String {
    let mut out = String::new();
    let step = c.current();
    let _ = write!(
        out,
        "{} ({}, trust {}):",
        s.persona.name,
        step.band().label(),
        step.trust,
    );
    if s.setting.medium == Medium::Group {
        // One speaker a line, indented under the group.
        for said in speakers(&step.line) {
            let _ = match said.speaker {
                Some(name) => write!(out, "\n  {name}: {}", said.text.replace('\n', "\n    ")),
                None => write!(out, "\n  {}", said.text.replace('\n', "\n  ")),
            };
        }
        let _ = writeln!(out);
    } else {
        let _ = writeln!(out, " {}", step.line);
    }
    if let Some(ending) = c.ending(s) {
        let _ = writeln!(
            out,
            "\n== Ending: {} — {} ==\n",
            ending.kind.label(),
            ending.title
        );
        return out;
    }
    for (i, o) in c.options(s).iter().enumerate() {
        let _ = writeln!(out, "  {}. {}", i + 1, o.text);
    }
    out
}

fn score(s: &Score, percent: bool) -> String {
    match s.value {
        Some(v) if percent => format!("{v:.0}% ({})", s.level.label()),
        Some(v) => format!("{v:.1}:1 ({})", s.level.label()),
        None => format!("– ({})", s.level.label()),
    }
}

/// The whole debrief: how it ended, every turn, then the metrics.
pub fn debrief(s: &Scenario, d: &Debrief) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "==================== Debrief: {} ====================",
        d.title
    );
    match &d.ending {
        Some(e) => {
            let _ = writeln!(
                out,
                "Ending: {} ({}){}",
                e.title,
                e.kind.as_str(),
                if e.early {
                    ", trust fell below the floor"
                } else {
                    ""
                }
            );
            if let Some(note) = &e.note {
                let _ = writeln!(out, "{note}");
            }
        }
        None => {
            let _ = writeln!(out, "The conversation stopped before an ending.");
        }
    }
    if !d.support.is_empty() {
        let _ = writeln!(out, "\nSupport:");
        for line in &d.support {
            let _ = writeln!(out, "  - {line}");
        }
        let _ = writeln!(out, "  {SUPPORT_ELSEWHERE}");
    }
    for t in &d.turns {
        turn(&mut out, s, t);
    }
    metrics(&mut out, s, d);
    out
}

/// One turn: what was said, its skills and rating, the trust it moved and
/// why, and the peer's reply.
fn turn(out: &mut String, s: &Scenario, t: &DebriefTurn) {
    let skills: Vec<String> = t.skills.iter().map(|k| k.label()).collect();
    let _ = writeln!(
        out,
        "\nTurn {}. {} said: \"{}\"",
        t.number, s.persona.name, t.peer_line
    );
    let _ = writeln!(out, "  You said: \"{}\"", t.said);
    let _ = writeln!(
        out,
        "  Skills: {}; Carkhuff {}",
        skills.join(", "),
        carkhuff_label(t.empathy)
    );
    let _ = writeln!(
        out,
        "  Rating: {}. Trust {} → {} ({:+})",
        t.rating.label(),
        t.trust_before,
        t.trust_after,
        t.trust_after - t.trust_before
    );
    for a in &t.adjustments {
        let _ = writeln!(out, "  {a}");
    }
    for l in &t.layers_disclosed {
        if let Some(layer) = s.layer(l) {
            let _ = writeln!(out, "  Disclosed in the reply: {}", layer.summary);
        }
    }
    let _ = writeln!(out, "  Why: {}", t.why);
    if let Some(b) = &t.better {
        let _ = writeln!(out, "  Better: {b}");
    }
    let _ = writeln!(out, "  {} replied: \"{}\"", s.persona.name, t.reaction);
}

/// The conversation's figures against the MITI lines, the roadblocks used,
/// the deepest disclosure and the trust curve.
fn metrics(out: &mut String, s: &Scenario, d: &Debrief) {
    let m = &d.metrics;
    let _ = writeln!(
        out,
        "\nMetrics ({REFLECTION_SOURCE} lines: R:Q fair 1:1, good 2:1; complex fair 40%, good 50%. {OPEN_SOURCE} lines: open fair 50%, good 70%)"
    );
    let _ = writeln!(
        out,
        "  Reflection-to-question ratio: {} ({}, {})",
        score(&m.reflection_to_question, false),
        count(m.reflections as usize, "reflection"),
        count(m.questions as usize, "question")
    );
    let _ = writeln!(
        out,
        "  Complex reflections: {}",
        score(&m.percent_complex_reflections, true)
    );
    let _ = writeln!(
        out,
        "  Open questions: {}",
        score(&m.percent_open_questions, true)
    );
    if m.roadblocks.is_empty() {
        let _ = writeln!(out, "  Roadblocks: none");
    } else {
        let list: Vec<String> = m
            .roadblocks
            .iter()
            .map(|(r, n)| format!("{} ×{n}", r.label()))
            .collect();
        let _ = writeln!(out, "  Roadblocks: {}", list.join(", "));
    }
    if let Some(e) = m.mean_empathy {
        let _ = writeln!(out, "  Mean empathy (Carkhuff): {e:.1}");
    }
    let deepest = m
        .deepest_layer
        .as_deref()
        .and_then(|l| s.layer(l))
        .map_or("none".to_string(), |l| l.summary.clone());
    let _ = writeln!(out, "  Deepest disclosure: {deepest}");
    let curve: Vec<String> = d.trust_curve.iter().map(ToString::to_string).collect();
    let _ = writeln!(out, "  Trust over time: {}", curve.join(" → "));
}
