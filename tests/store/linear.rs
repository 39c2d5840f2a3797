//! F2 of issue 22: a conversation's memory and its saved size grow
//! linearly with its length (the nodes visited are kept once, not once
//! per step), and a conversation saved in the old form, with a list of
//! visited nodes in every step, still loads.

use std::collections::BTreeMap;

use attune::engine::{Conversation, Pick, Turn, play_out};
use attune::library::Library;
use attune::scenario::Scenario;
use attune::skills::Roadblock;
use serde::Serialize;

#[path = "../shared/chain.rs"]
mod chain;

fn chain(n: usize) -> Scenario {
    let loaded = attune::check::load_str("chain.ron", &chain::chain_scenario(n));
    loaded.scenario.expect("the chain loads")
}

fn saved_size(n: usize) -> usize {
    let s = chain(n);
    let c = play_out(&s, 1, &Pick::Best).expect("plays to the end");
    assert_eq!(c.turns().len(), n);
    attune::store::to_ron(&c).expect("encodes").len()
}

#[test]
fn a_conversations_saved_size_grows_linearly_with_its_length() {
    let (small, large) = (saved_size(1_000), saved_size(4_000));
    let ratio = large as f64 / small as f64;
    // Linear: about 4. The old form (every step listing every node
    // before it) gave about 16.
    assert!(ratio < 5.0, "4x the turns took {ratio:.1}x the bytes");
}

/// A step as saved before the trail was shared.
#[derive(Serialize)]
struct OldStep {
    node: String,
    line: String,
    trust: i32,
    layers: Vec<String>,
    disclosed: Vec<String>,
    visited: Vec<String>,
    roadblocks: BTreeMap<Roadblock, u32>,
    order: Vec<String>,
    withdrew_early: bool,
}

/// A conversation as saved before the trail was shared.
#[derive(Serialize)]
struct OldConversation {
    scenario_id: String,
    seed: u64,
    mood: i32,
    steps: Vec<OldStep>,
    turns: Vec<Turn>,
}

fn old_form(c: &Conversation) -> String {
    let steps = c
        .steps()
        .iter()
        .enumerate()
        .map(|(i, s)| OldStep {
            node: s.node.clone(),
            line: s.line.clone(),
            trust: s.trust,
            layers: s.layers.clone(),
            disclosed: s.disclosed.clone(),
            visited: c.visited_at(i).to_vec(),
            roadblocks: s.roadblocks.clone(),
            order: s.order.clone(),
            withdrew_early: s.withdrew_early,
        })
        .collect();
    let old = OldConversation {
        scenario_id: c.scenario_id.clone(),
        seed: c.seed,
        mood: c.mood,
        steps,
        turns: c.turns().to_vec(),
    };
    attune::store::to_ron(&old).expect("encodes")
}

#[test]
fn a_conversation_saved_in_the_old_form_loads_and_plays_on() {
    let library = Library::shipped();
    for s in library.scenarios() {
        let mut c = Conversation::new(s, 3).expect("starts");
        for _ in 0..3 {
            let Some(next) = c.options(s).first().map(|o| o.id.clone()) else {
                break;
            };
            c.choose(s, &next).expect("a choice");
        }
        let text = old_form(&c);
        assert!(text.contains("visited: ["), "{text}");
        let loaded: Conversation = ron::from_str(&text).expect("the old form loads");
        assert_eq!(loaded, c, "{}", s.id);
        assert_eq!(loaded.visited(), c.visited());

        // It plays on, undoes and saves in the new form like any other.
        let mut loaded = loaded;
        if let Some(next) = loaded.options(s).first().map(|o| o.id.clone()) {
            loaded.choose(s, &next).expect("plays on");
            assert!(loaded.undo());
        }
        assert_eq!(loaded, c);
        let again: Conversation =
            ron::from_str(&attune::store::to_ron(&loaded).expect("encodes")).expect("reloads");
        assert_eq!(again, c);
    }
}
