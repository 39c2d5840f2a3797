//! "Nothing blocks" in the window (issue 22): while another program holds
//! the data folder's lock, changing a setting and making choices return
//! at once and show on screen; the files catch up once the lock is free.
//! Order of events only, never a duration: each step is checked while the
//! lock is still held.

use crate::lock_holder::Holder;
use crate::support::*;
use attune::app::Screen;
use attune::scenario::Rating;
use attune::store::{RESUME_FILE, SETTINGS_FILE, Store, Theme};

#[test]
fn a_held_lock_never_holds_up_the_window() {
    let folders = Folders::new();
    let mut h = harness(&folders);
    let mut holder = Holder::hold(&folders.data());

    click(&mut h, "Settings");
    click(&mut h, "Dark");
    assert_eq!(h.state().state.store.settings().theme, Theme::Dark);
    assert!(
        h.ctx.global_style().visuals.dark_mode,
        "the theme applies at once"
    );
    click(&mut h, "Library");
    start_kitchen_table(&mut h);
    choose_rated(&mut h, Rating::Best);
    assert_eq!(screen(&h), Screen::Conversation);
    assert_eq!(turns(&h), 1);
    assert_eq!(h.state().state.store.resumes().len(), 1);
    // Every frame above ran while the lock was held: nothing reached the
    // disk yet.
    let data = folders.data();
    assert!(!data.join(SETTINGS_FILE).exists());
    assert!(!folders.data().join(RESUME_FILE).exists());

    holder.release();
    h.state_mut().state.flush();
    h.run();
    assert_eq!(Store::peek_settings(Some(&data)).theme, Theme::Dark);
    assert!(folders.data().join(RESUME_FILE).exists());
    assert!(
        h.state().state.all_notices().is_empty(),
        "{:?}",
        h.state().state.all_notices()
    );
}
