//! A generated scenario of any length, for the tests of hostile dialogue
//! files. Shared by the `core` and `cli` test binaries, which include this
//! file by path.

/// A valid scenario with `n` decision nodes in a chain, each with a best
/// option onwards and a poor option to the withdrawal ending.
pub fn chain_scenario(n: usize) -> String {
    let mut text = String::with_capacity(n * 330);
    text.push_str(
        "(id: \"chain\", title: \"Chain\", summary: \"Generated.\", setting: (place: \"A park bench\"),\n\
         persona: (name: \"Kim\", background: \"Generated.\"), initial_trust: 40, withdrawal_floor: 15,\n\
         on_withdraw: \"end_withdrew\", start: \"n0\", nodes: [\n",
    );
    for i in 0..n {
        let next = if i + 1 == n {
            "end_opened".to_string()
        } else {
            format!("n{}", i + 1)
        };
        text.push_str(&format!(
            "(id: \"n{i}\", lines: [(text: \"Line {i}.\")], options: [\
             (id: \"a\", text: \"You sound tired.\", skills: [simple_reflection], empathy: 3, rating: best, goto: \"{next}\", why: \"Reflects.\"),\
             (id: \"b\", text: \"Just rest.\", skills: [roadblock(advising)], empathy: 2, rating: poor, effects: [trust(-5)], goto: \"end_withdrew\", why: \"Advice.\", better: \"Reflect.\")]),\n"
        ));
    }
    text.push_str(
        "(id: \"end_opened\", lines: [(text: \"Thanks.\")], ending: (kind: opened_up, title: \"Opened\")),\n\
         (id: \"end_withdrew\", lines: [(text: \"Bye.\")], ending: (kind: withdrew, title: \"Left\")),\n])\n",
    );
    text
}
