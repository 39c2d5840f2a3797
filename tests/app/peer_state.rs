//! The peer panel and the ending agree: at an ending the panel names the
//! ending's kind, never a band that contradicts it.

use crate::support::*;
use attune::scenario::Rating;
use egui_kittest::kittest::Queryable;

#[test]
fn at_a_guarded_ending_the_peer_panel_says_stayed_guarded() {
    let folders = Folders::new();
    let mut h = harness(&folders);
    start_kitchen_table(&mut h);
    assert!(
        h.query_by_label_contains("seems ").is_some()
            || h.query_by_label("is opening up").is_some(),
        "while talking, the band shows"
    );
    choose_rated(&mut h, Rating::Best);
    choose_rated(&mut h, Rating::Best);
    choose_rated(&mut h, Rating::Poor);
    assert!(is_finished(&h));
    assert!(h.query_by_label("Stayed guarded").is_some());
    let explained = h.query_all_by_label_contains("kept the important things back");
    assert!(explained.count() >= 1);
    assert!(h.query_by_label_contains("seems ").is_none());
    assert!(h.query_by_label("is opening up").is_none());
}
