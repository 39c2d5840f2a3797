//! A presenter page taller than the screen: the clicker's Next scrolls it
//! a screen at a time before it moves on, and Back scrolls up before it
//! goes back, since a clicker has no scroll wheel. The page records how far
//! it is scrolled each frame; the shell's key reader asks before paging.

use eframe::egui::{self, Id, ScrollArea, Ui};

/// How much of the visible height one press scrolls, so a line at the
/// bottom is still on screen after it.
const STEP: f32 = 0.85;

/// Where the page shown last frame stood.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PageScroll {
    pub offset: f32,
    pub visible: f32,
    pub content: f32,
}

impl PageScroll {
    /// More of the page lies below the visible part.
    pub fn more_below(&self) -> bool {
        self.offset + self.visible < self.content - 1.0
    }

    /// More of the page lies above the visible part.
    pub fn more_above(&self) -> bool {
        self.offset > 1.0
    }
}

fn record_id() -> Id {
    Id::unique("presenter_page_scroll")
}

fn request_id() -> Id {
    Id::unique("presenter_page_scroll_request")
}

/// The page shown last frame, if it scrolls.
pub fn page_scroll(ctx: &egui::Context) -> Option<PageScroll> {
    ctx.data(|d| d.get_temp(record_id()))
}

/// Forgets the last page's scroll; called before a page is drawn, so a
/// page with no scroll area leaves no record behind.
pub(crate) fn forget_page_scroll(ctx: &egui::Context) {
    ctx.data_mut(|d| d.remove::<PageScroll>(record_id()));
}

/// Asks the page shown last frame, standing at `from`, to scroll one step
/// down (`down`) or up on its next frame.
pub(crate) fn scroll_page(ctx: &egui::Context, from: PageScroll, down: bool) {
    let step = from.visible * STEP;
    let room = (from.content - from.visible).max(0.0);
    let to = if down {
        from.offset + step
    } else {
        from.offset - step
    };
    ctx.data_mut(|d| d.insert_temp(request_id(), to.clamp(0.0, room)));
    ctx.request_repaint();
}

/// The page's vertical scroll area, filling the space left.
pub(crate) fn page_scroll_ui<R>(
    ui: &mut Ui,
    salt: impl std::hash::Hash + std::fmt::Debug,
    add: impl FnOnce(&mut Ui) -> R,
) -> R {
    let request: Option<f32> = ui.data_mut(|d| d.remove_temp(request_id()));
    let mut area = ScrollArea::vertical()
        .id_salt(salt)
        .auto_shrink([false, false]);
    if let Some(to) = request {
        area = area.vertical_scroll_offset(to);
    }
    let out = area.show(ui, add);
    let now = PageScroll {
        offset: out.state.clamped_offset().y,
        visible: out.inner_rect.height(),
        content: out.content_size.y,
    };
    ui.data_mut(|d| d.insert_temp(record_id(), now));
    out.inner
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_knows_what_is_out_of_view() {
        let top = PageScroll {
            offset: 0.0,
            visible: 600.0,
            content: 1000.0,
        };
        assert!(top.more_below() && !top.more_above());
        let bottom = PageScroll {
            offset: 400.0,
            ..top
        };
        assert!(!bottom.more_below() && bottom.more_above());
        let fits = PageScroll {
            content: 500.0,
            ..top
        };
        assert!(!fits.more_below() && !fits.more_above());
    }
}
