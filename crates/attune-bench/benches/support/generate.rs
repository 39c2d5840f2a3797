//! Generated scenarios for benchmarks and scaling tests: a long chain of
//! decisions shaped like the shipped ones (line variants, facilitator
//! notes, three graded options, layers, routes and three endings), with
//! text that differs on every node so nothing is shared by accident.
//!
//! [`Style::Full`] writes sentences as long as the shipped scenarios' (about
//! 2 KB a node), for screens; [`Style::Compact`] keeps every field but with
//! short text and no indentation (about 0.6 KB a node), so 100,000 nodes
//! fit the loader's size limit.

// Each bench and test uses part of this.
#![allow(dead_code)]

use std::fmt::Write;

/// Nodes that are not decisions: the closing branch and three endings.
pub const FIXED_NODES: usize = 4;

const PEER_LINES: [&str; 4] = [
    "I keep going over it at night. It's like my head won't switch off, and then I'm wrecked at work.",
    "My sister says I should just move on. Maybe she's right. It's been months.",
    "I haven't told anyone at the group. I don't want them thinking I can't cope.",
    "Some days are fine. Then something small happens and I'm back at the start.",
];

const REFLECTIONS: [&str; 4] = [
    "The nights are the hardest part.",
    "Part of you wonders if you should be over it by now.",
    "Keeping it to yourself feels safer for now.",
    "It comes in waves.",
];

const QUESTIONS: [&str; 4] = [
    "What goes through your mind when you can't sleep?",
    "What do you make of what your sister said?",
    "What would it be like if the group knew?",
    "What helps on the fine days?",
];

const ROADBLOCKS: [(&str, &str); 3] = [
    (
        "advising",
        "Have you tried writing it all down before bed? That really works for a lot of people.",
    ),
    (
        "reassuring",
        "Honestly, everyone feels like that sometimes. It'll get easier, I promise.",
    ),
    (
        "praising",
        "You're so much stronger than you think. Look how well you're doing already!",
    ),
];

/// How much text each node carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Full,
    Compact,
}

/// A scenario with `decisions` decision nodes in a chain (so the longest
/// path has that many turns) plus [`FIXED_NODES`] more. `id` names it.
pub fn scenario(id: &str, decisions: usize, style: Style) -> String {
    assert!(decisions >= 1, "a scenario needs a decision");
    let mut out = String::with_capacity(decisions * 1_100 + 4_000);
    header(&mut out, id, decisions);
    for i in 0..decisions {
        let next = if i + 1 == decisions {
            "closing".to_string()
        } else {
            format!("d{}", i + 1)
        };
        let skip = if i + 2 < decisions {
            format!("d{}", i + 2)
        } else {
            "closing".to_string()
        };
        match style {
            Style::Full => full_node(&mut out, i, &next, &skip),
            Style::Compact => compact_node(&mut out, i, &next, &skip),
        }
    }
    out.push_str(CLOSING);
    out
}

/// Everything before the first node: the persona, framing, trust, layers
/// and start.
fn header(out: &mut String, id: &str, decisions: usize) {
    let _ = write!(
        out,
        r#"(
    id: "{id}",
    title: "Generated: {decisions} decisions",
    summary: "A generated conversation for benchmarks.",
    setting: (place: "A bench in the park near the station", medium: in_person),
    persona: (
        name: "Jo",
        background: "Jo has come to the drop-in on and off for a year.",
        sensitive_to: [advising],
        portrait: Some("sam"),
    ),
    objectives: ["Stay with the feeling before anything else."],
    content_notes: ["Sleeplessness and worry; nothing graphic."],
    initial_trust: 45,
    withdrawal_floor: 5,
    on_withdraw: "end_withdrew",
    layers: [
        (id: "opens_up", threshold: 60, summary: "Jo says what has really been keeping them awake."),
        (id: "trusts", threshold: 80, summary: "Jo says they have been afraid to ask for help."),
    ],
    start: "d0",
    nodes: [
"#
    );
}

/// One decision with sentences as long as the shipped scenarios'. Every
/// fifth offers attentive silence instead of a question; the roadblock
/// skips a node.
fn full_node(out: &mut String, i: usize, next: &str, skip: &str) {
    let k = i % 4;
    let (roadblock, warm) = ROADBLOCKS[i % 3];
    let silence = i % 5 == 0;
    let (second_id, second_skill, second_text) = if silence {
        (
            "wait",
            "attentive_silence",
            "(Nod, and let Jo go on.)".to_string(),
        )
    } else {
        ("ask", "open_question", format!("{} ({i})", QUESTIONS[k]))
    };
    let _ = write!(
        out,
        r#"        (
            id: "d{i}",
            lines: [
                (text: "{line} ({i})"),
                (text: "I'd rather not get into it. ({i})", bands: [withdrawn, guarded]),
                (text: "Can I tell you something I haven't said out loud? ({i})", when: [layer_reached("opens_up")]),
            ],
            notes: Some("What is Jo asking for here, turn {i}?"),
            options: [
                (
                    id: "d{i}_reflect",
                    text: "{reflection}",
                    skills: [complex_reflection],
                    empathy: 4,
                    rating: best,
                    effects: [trust(3)],
                    goto: "{next}",
                    why: "A complex reflection: it names the feeling under the words without pushing for more.",
                ),
                (
                    id: "d{i}_{second_id}",
                    text: "{second_text}",
                    skills: [{second_skill}],
                    empathy: 3,
                    rating: good,
                    effects: [trust(1)],
                    goto: "{next}",
                    why: "It leaves room for Jo to say more in their own words.",
                    better: Some("A reflection first shows you heard what Jo already said."),
                ),
                (
                    id: "d{i}_roadblock",
                    text: "{warm}",
                    skills: [roadblock({roadblock})],
                    empathy: 2,
                    rating: poor,
                    effects: [trust(-2)],
                    goto: "{skip}",
                    why: "A roadblock that sounds kind but moves past the feeling Jo just offered.",
                    better: Some("Stay with the feeling: reflect it before offering anything."),
                ),
            ],
        ),
"#,
        line = PEER_LINES[k],
        reflection = REFLECTIONS[k],
    );
}

/// The closing branch, routing on trust, and the three endings.
const CLOSING: &str = r#"        (
            id: "closing",
            routes: [
                (when: [trust_at_least(60)], goto: "end_opened_up"),
                (when: [trust_at_least(30)], goto: "end_guarded"),
                (goto: "end_withdrew"),
            ],
        ),
        (
            id: "end_opened_up",
            lines: [(text: "Thanks for listening. I think I'll tell the group next week.")],
            ending: Some((kind: opened_up, title: "Jo feels heard and makes a plan")),
        ),
        (
            id: "end_guarded",
            lines: [(text: "Anyway. I should get going.")],
            ending: Some((kind: guarded, title: "Jo changes the subject")),
        ),
        (
            id: "end_withdrew",
            lines: [(text: "Forget I said anything.")],
            ending: Some((kind: withdrew, title: "Jo closes the conversation")),
        ),
    ],
)
"#;

/// One decision in the compact style: every field a real node has, with
/// short text, and clean under `attune check` (trust within the severity
/// scale, no tells, line variants that never tie), so the figures time the
/// check itself rather than the printing of warnings. Every fifth decision
/// offers attentive silence instead of a question, rated mixed every tenth;
/// the roadblock skips a node.
fn compact_node(out: &mut String, i: usize, next: &str, skip: &str) {
    let (roadblock, _) = ROADBLOCKS[i % 3];
    let second = match (i % 5, i % 10) {
        (0, 0) => r#"(id:"d{i}_wait",text:"...",skills:[attentive_silence],rating:mixed,effects:[trust(0)],goto:"{next}",why:"Too long a pause here.",better:Some("Reflect first."))"#,
        (0, _) => r#"(id:"d{i}_wait",text:"...",skills:[attentive_silence],rating:good,effects:[trust(4)],goto:"{next}",why:"Leaves room.",better:Some("Reflect first."))"#,
        _ => r#"(id:"d{i}_ask",text:"Open {i}?",skills:[open_question],rating:good,effects:[trust(4)],goto:"{next}",why:"Leaves room.",better:Some("Reflect first."))"#,
    }
    .replace("{i}", &i.to_string())
    .replace("{next}", next);
    let deep = if i % 10 == 0 {
        let layer = if i % 20 == 0 { "opens_up" } else { "trusts" };
        format!(
            r#",(text:"Deep {i}.",bands:[open,opening_up],when:[layer_reached("{layer}")],discloses:["{layer}"])"#
        )
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        r#"(id:"d{i}",lines:[(text:"Line {i}."),(text:"Short {i}.",bands:[withdrawn,guarded]){deep}],notes:Some("Ask the room {i}."),options:[(id:"d{i}_reflect",text:"Reflect {i}.",skills:[complex_reflection],empathy:4,rating:best,effects:[trust(7)],goto:"{next}",why:"Names the feeling."),{second},(id:"d{i}_roadblock",text:"Just fix it {i}.",skills:[roadblock({roadblock})],empathy:2,rating:poor,effects:[trust(-4)],goto:"{skip}",why:"Moves past it.",better:Some("Stay with it."))]),"#
    );
}

/// A scenario whose first node has `options` options, far over the limit
/// of four: `attune check` must still report it in time linear in the
/// file, since a generated or pasted file can be this shape.
#[allow(dead_code)] // Used by the validation bench only.
pub fn wide(options: usize) -> String {
    let mut out = String::with_capacity(options * 170 + 1_000);
    out.push_str(
        r#"(id: "wide", title: "Wide", summary: "One node, many options.", setting: (place: "A bench"),
persona: (name: "Jo", background: "A generated peer."), initial_trust: 40, withdrawal_floor: 15,
on_withdraw: "end_withdrew", start: "wide", nodes: [(id: "wide", lines: [(text: "Hi.")], options: [
"#,
    );
    for i in 0..options {
        let rating = if i == 0 { "best" } else { "good" };
        let _ = writeln!(
            out,
            r#"(id: "o{i}", text: "Option {i}.", skills: [simple_reflection], empathy: 3, rating: {rating}, effects: [trust(5)], goto: "end_opened", why: "Why {i}.", better: "Better {i}."),"#
        );
    }
    out.push_str(
        r#"]), (id: "end_opened", lines: [(text: "Thanks.")], ending: (kind: opened_up, title: "Opened")),
(id: "end_withdrew", lines: [(text: "Bye.")], ending: (kind: withdrew, title: "Left"))])"#,
    );
    out
}
