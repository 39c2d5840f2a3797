//! Long scrolling lists that lay out only the rows in view.
//!
//! A 60-turn transcript is mostly out of sight, yet laying out every line
//! each frame made it the costliest screen. Each row's height is
//! remembered from the last time it was drawn; a row that is out of view
//! and whose height is known becomes empty space of that height, so the
//! scroll bar and "stick to the bottom" behave as if it were there.
//!
//! When an assistive technology is attached (egui builds an AccessKit
//! tree) every row is drawn, so a screen reader can reach the whole list.

use eframe::egui::{Id, IdMap, Ui};

/// Extra height above and below the view that is still drawn, so a row
/// that scrolls in is already laid out.
const OVERSCAN: f32 = 200.0;

/// Draws `count` rows with `draw`, skipping rows out of view.
///
/// `key(i)` must change whenever row `i`'s height could: its text, its
/// width, the text size. Rows for which `keep(i)` is true are always drawn;
/// use it for the row with keyboard focus and its neighbours, so Tab and
/// Shift+Tab can walk into rows that are out of view.
pub fn lazy_rows(
    ui: &mut Ui,
    salt: &str,
    count: usize,
    key: impl Fn(usize) -> Id,
    keep: impl Fn(usize) -> bool,
    mut draw: impl FnMut(&mut Ui, usize),
) {
    let store = ui.scope_id().with(salt);
    let known: IdMap<f32> = ui.data_mut(|d| d.remove_temp(store)).unwrap_or_default();
    let mut measured = IdMap::default();
    let draw_all = accessibility_tree_is_built(ui);
    let view = ui.clip_rect().expand2(eframe::egui::vec2(0.0, OVERSCAN));
    for i in 0..count {
        let row_key = key(i);
        let top = ui.cursor().top();
        let height = known.get(&row_key).copied();
        let out_of_view = height.is_some_and(|h| top + h < view.top() || top > view.bottom());
        match height {
            Some(h) if out_of_view && !draw_all && !keep(i) => ui.add_space(h),
            _ => draw(ui, i),
        }
        measured.insert(row_key, ui.cursor().top() - top);
    }
    ui.data_mut(|d| d.insert_temp(store, measured));
}

/// Whether egui is building an AccessKit tree this pass, which it does only
/// while an assistive technology (or a UI test) is reading it.
fn accessibility_tree_is_built(ui: &Ui) -> bool {
    // Every `Ui` already has a node when the tree is built, so asking for
    // this one's adds nothing.
    ui.ctx()
        .accesskit_node_builder(ui.unique_id(), |_| ())
        .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::egui::{self, Context, Event, Key, Modifiers, RawInput, ScrollArea};

    const ROWS: usize = 100;

    /// A 600×400 window with a scrolled list of `ROWS` clickable rows of one
    /// to three lines each, kept at the bottom. Keeps the focused row and its
    /// neighbours, as the transcript does.
    struct List {
        ctx: Context,
        ids: Vec<egui::Id>,
    }

    /// What one frame drew: the rows laid out and the list's full height.
    struct Drawn {
        rows: Vec<usize>,
        content_height: f32,
    }

    impl List {
        fn new() -> Self {
            List {
                ctx: Context::default(),
                ids: Vec::new(),
            }
        }

        fn frame(&mut self, events: Vec<Event>) -> Drawn {
            let input = RawInput {
                screen_rect: Some(egui::Rect::from_min_size(
                    egui::Pos2::ZERO,
                    egui::vec2(600.0, 400.0),
                )),
                events,
                ..RawInput::default()
            };
            let mut rows = Vec::new();
            let mut ids = vec![egui::Id::NULL; ROWS];
            let mut content_height = 0.0;
            let known = self.ids.clone();
            let mut output = self.ctx.run_ui(input, |ui| {
                let output = ScrollArea::vertical()
                    .stick_to_bottom(true)
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        let focused = ui.memory(|m| m.focused());
                        let focused_row = known.iter().position(|id| Some(*id) == focused);
                        lazy_rows(
                            ui,
                            "rows",
                            ROWS,
                            |i| egui::Id::unique(("row", i)),
                            |i| focused_row.is_some_and(|f| i.abs_diff(f) <= 1),
                            |ui, i| {
                                rows.push(i);
                                // Rows one to three lines high, with ids that do
                                // not depend on which rows were drawn before.
                                let height = 20.0 * (1 + i % 3) as f32;
                                let (rect, _) = ui.allocate_exact_size(
                                    egui::vec2(200.0, height),
                                    egui::Sense::hover(),
                                );
                                let id = ui.scope_id().with(("row", i));
                                let response = ui.interact(rect, id, egui::Sense::click());
                                if response.gained_focus() {
                                    response.scroll_to_me(None);
                                }
                                ids[i] = response.id;
                            },
                        );
                    });
                content_height = output.content_size.y;
            });
            // No renderer to hand the font atlas to.
            output.textures_delta.clear();
            for (i, id) in ids.into_iter().enumerate() {
                if id != egui::Id::NULL {
                    if let Some(slot) = self.ids.get_mut(i) {
                        *slot = id;
                    } else {
                        self.ids.push(id);
                    }
                }
            }
            rows.sort_unstable();
            Drawn {
                rows,
                content_height,
            }
        }
    }

    #[test]
    fn rows_out_of_view_become_space_of_their_height() {
        let mut list = List::new();
        let first = list.frame(Vec::new());
        assert_eq!(
            first.rows.len(),
            ROWS,
            "unknown heights are measured by drawing"
        );
        let _ = list.frame(Vec::new());
        let later = list.frame(Vec::new());
        assert!(
            later.rows.len() < ROWS / 3,
            "drew {} of {ROWS} rows in a 400-point window",
            later.rows.len()
        );
        assert_eq!(
            later.rows.last(),
            Some(&(ROWS - 1)),
            "the list stays at the bottom"
        );
        assert!(!later.rows.contains(&0));
        assert_eq!(later.content_height, first.content_height);
    }

    #[test]
    fn every_row_is_drawn_while_an_accessibility_tree_is_built() {
        let mut list = List::new();
        list.ctx.enable_accesskit();
        for _ in 0..3 {
            assert_eq!(list.frame(Vec::new()).rows.len(), ROWS);
        }
    }

    #[test]
    fn shift_tab_walks_up_into_rows_that_were_out_of_view() {
        let mut list = List::new();
        for _ in 0..3 {
            list.frame(Vec::new());
        }
        let last = list.ids[ROWS - 1];
        list.ctx.memory_mut(|m| m.request_focus(last));
        list.frame(Vec::new());
        let shift_tab = || Event::Key {
            key: Key::Tab,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::SHIFT,
        };
        for _ in 1..ROWS {
            list.frame(vec![shift_tab()]);
        }
        let drawn = list.frame(Vec::new());
        assert_eq!(list.ctx.memory(|m| m.focused()), Some(list.ids[0]));
        assert!(drawn.rows.contains(&0) && !drawn.rows.contains(&(ROWS - 1)));
    }
}
