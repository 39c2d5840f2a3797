//! F7 of issue 22: one notice per problem. A file saved with errors in
//! several writes (each a reload) leaves one "has errors" notice, not one
//! per write, and the notice goes once the file is valid again.

use crate::support::*;
use attune::app::state::action::Action;
use attune::scenario::Rating;

fn errors_notices(h: &egui_kittest::Harness<'static, attune::app::AttuneApp>) -> usize {
    h.state()
        .state
        .all_notices()
        .iter()
        .filter(|n| n.contains("has errors since the last save"))
        .count()
}

#[test]
fn repeated_reloads_of_a_broken_file_leave_one_notice_cleared_when_fixed() {
    let folders = Folders::new();
    let file = folders.dialogues().join("kitchen_table.ron");
    let mut h = harness(&folders);
    start_kitchen_table(&mut h);
    choose_rated(&mut h, Rating::Best);

    let broken = KITCHEN_TABLE.replacen("id: \"letter\",", "id: \"letter\"", 1);
    for _ in 0..10 {
        std::fs::write(&file, &broken).expect("a broken save");
        h.state_mut().state.apply(Action::Reload(file.clone()));
    }
    h.run();
    assert_eq!(errors_notices(&h), 1, "{:?}", h.state().state.all_notices());

    std::fs::write(&file, KITCHEN_TABLE).expect("fixed");
    h.state_mut().state.apply(Action::Reload(file.clone()));
    h.run();
    assert_eq!(
        errors_notices(&h),
        0,
        "cleared once the file is valid: {:?}",
        h.state().state.all_notices()
    );
    assert_eq!(turns(&h), 1, "the conversation followed the fix");
}
