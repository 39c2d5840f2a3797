//! The window's own state, the same in every mode: full screen and the
//! shortcut sheet. Transient: never saved.

/// Full screen and the shortcut sheet. Changed only by [`Window::apply`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Window {
    /// The window should be full screen.
    pub fullscreen: bool,
    /// The shortcut sheet is open.
    pub shortcuts: bool,
}

/// What the window controls can ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WindowAction {
    ToggleFullscreen,
    /// Leave full screen if the window is full screen (Esc).
    LeaveFullscreen,
    ToggleShortcuts,
    CloseShortcuts,
}

impl Window {
    /// The one place the window state changes.
    pub fn apply(&mut self, action: WindowAction) {
        match action {
            WindowAction::ToggleFullscreen => self.fullscreen = !self.fullscreen,
            WindowAction::LeaveFullscreen => self.fullscreen = false,
            WindowAction::ToggleShortcuts => self.shortcuts = !self.shortcuts,
            WindowAction::CloseShortcuts => self.shortcuts = false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggles_and_leaves() {
        let mut window = Window::default();
        window.apply(WindowAction::ToggleFullscreen);
        window.apply(WindowAction::ToggleShortcuts);
        assert!(window.fullscreen && window.shortcuts);
        window.apply(WindowAction::LeaveFullscreen);
        window.apply(WindowAction::LeaveFullscreen);
        window.apply(WindowAction::CloseShortcuts);
        assert_eq!(window, Window::default());
    }
}
