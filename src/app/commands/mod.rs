//! Every key the app answers to, in one table: what each command is
//! called, its keys and the contexts (screens and modes) where it works.
//! The key handling (`shell::keys`), the shortcut sheet and the key
//! hints on buttons all read from here, so they cannot disagree. Plain
//! data and pure functions: nothing here draws or reads input.

mod table;
mod words;

use eframe::egui::{Key, Modifiers};

pub use table::COMMANDS;
pub use words::keys_text;

/// The stable name of a command; the table row, the key handling and the
/// buttons that mention a key all refer to it by this.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CommandId {
    PresenterMode,
    FullScreen,
    Shortcuts,
    Escape,
    Zoom,
    MoveFocus,
    PressButton,
    CloseDialog,
    Choose,
    Undo,
    OpenDebrief,
    Map,
    MapZoomIn,
    MapZoomOut,
    MapFit,
    MapPan,
    MapStep,
    Next,
    Back,
    Enter,
    ChooseAtOnce,
    Discuss,
    Trust,
    Notes,
    Vote,
    Select,
    ResetVotes,
    Reveal,
    Branch,
    FindScenario,
}

impl CommandId {
    /// Every command, for tests that walk them all.
    pub const ALL: [CommandId; 30] = [
        CommandId::PresenterMode,
        CommandId::FullScreen,
        CommandId::Shortcuts,
        CommandId::Escape,
        CommandId::Zoom,
        CommandId::MoveFocus,
        CommandId::PressButton,
        CommandId::CloseDialog,
        CommandId::Choose,
        CommandId::Undo,
        CommandId::OpenDebrief,
        CommandId::Map,
        CommandId::MapZoomIn,
        CommandId::MapZoomOut,
        CommandId::MapFit,
        CommandId::MapPan,
        CommandId::MapStep,
        CommandId::Next,
        CommandId::Back,
        CommandId::Enter,
        CommandId::ChooseAtOnce,
        CommandId::Discuss,
        CommandId::Trust,
        CommandId::Notes,
        CommandId::Vote,
        CommandId::Select,
        CommandId::ResetVotes,
        CommandId::Reveal,
        CommandId::Branch,
        CommandId::FindScenario,
    ];
}

/// Where the app is, as far as keys care. Each frame is in exactly one
/// context, so two commands clash only when they share a key in a
/// context they both list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Context {
    Library,
    Briefing,
    /// A conversation in normal mode.
    Conversation,
    /// The debrief in normal mode.
    Debrief,
    /// The scenario map (in either mode).
    Map,
    /// History, settings and the problems list.
    Elsewhere,
    /// A question on top of the conversation ("Go back to before turn 3?").
    Dialog,
    /// The shortcut sheet is open, on top of any screen.
    Sheet,
    PresenterLibrary,
    PresenterBriefing,
    /// A conversation on the presenter stage, with no discussion open.
    Stage,
    /// The discussion pause at a decision.
    Discussion,
    /// A page of the debrief walkthrough that is not about one turn.
    Walkthrough,
    /// A page of the debrief walkthrough about one turn.
    WalkthroughTurn,
}

/// The headings of the shortcut sheet, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Everywhere,
    Library,
    Conversation,
    Map,
    Presenter,
    Discussion,
    Walkthrough,
}

impl Group {
    pub const ALL: [Group; 7] = [
        Group::Everywhere,
        Group::Library,
        Group::Conversation,
        Group::Map,
        Group::Presenter,
        Group::Discussion,
        Group::Walkthrough,
    ];

    /// The heading on the sheet.
    pub fn title(self) -> &'static str {
        match self {
            Group::Everywhere => "Everywhere",
            Group::Library => "The library",
            Group::Conversation => "In a conversation",
            Group::Map => "The scenario map",
            Group::Presenter => "Presenter mode, also with a clicker",
            Group::Discussion => "Presenter mode, in a discussion",
            Group::Walkthrough => "Presenter mode, in the debrief walkthrough",
        }
    }

    /// The sheet's column (0 or 1) the group is shown in.
    pub fn column(self) -> usize {
        match self {
            Group::Everywhere | Group::Library | Group::Map => 0,
            _ => 1,
        }
    }
}

/// Whether a command waits for keyboard focus to be elsewhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// Works whatever has focus.
    Any,
    /// Only while no widget has keyboard focus (the map canvas does not
    /// count: it is the map itself); otherwise the key is the widget's.
    Unfocused,
    /// Only while a widget has focus (egui's own keys).
    Focused,
}

impl Focus {
    /// True when both can hold in the same frame.
    fn overlaps(self, other: Focus) -> bool {
        !matches!(
            (self, other),
            (Focus::Unfocused, Focus::Focused) | (Focus::Focused, Focus::Unfocused)
        )
    }

    /// True when the command works with focus as it is.
    pub fn allows(self, widget_focused: bool) -> bool {
        match self {
            Focus::Any => true,
            Focus::Unfocused => !widget_focused,
            Focus::Focused => widget_focused,
        }
    }
}

/// One key with its modifiers.
#[derive(Clone, Copy, Debug)]
pub struct Chord {
    pub key: Key,
    pub modifiers: Modifiers,
    /// False for another spelling of a shown key on other keyboards (Shift
    /// and / for ?, = for +): it works but the sheet does not list it.
    pub shown: bool,
}

impl Chord {
    /// The same key and modifiers, Ctrl and Command counted as one.
    pub fn same_as(&self, other: &Chord) -> bool {
        self.key == other.key && same_modifiers(self.modifiers, other.modifiers)
    }

    /// How many modifiers it needs; more specific chords are matched first.
    pub fn modifier_count(&self) -> usize {
        let (alt, shift, ctrl) = modifier_set(self.modifiers);
        usize::from(alt) + usize::from(shift) + usize::from(ctrl)
    }
}

/// Alt, Shift and Ctrl, with Ctrl, Command and the Mac's Cmd as one.
fn modifier_set(m: Modifiers) -> (bool, bool, bool) {
    (m.alt, m.shift, m.ctrl || m.command || m.mac_cmd)
}

fn same_modifiers(a: Modifiers, b: Modifiers) -> bool {
    modifier_set(a) == modifier_set(b)
}

/// One row of the table.
#[derive(Clone, Copy, Debug)]
pub struct Command {
    pub id: CommandId,
    /// What it does, as the sheet says it.
    pub label: &'static str,
    /// Its keys, in the order the sheet lists them. For a family of keys
    /// (1–4, A–D) the position says which option.
    pub keys: &'static [Chord],
    pub contexts: &'static [Context],
    pub group: Group,
    pub focus: Focus,
    /// Still works while a text field has focus.
    pub while_typing: bool,
    /// Each press counts, even several in one frame (a quick room voting);
    /// other commands act once per frame.
    pub repeats: bool,
    /// egui handles the key itself; the row is here so the sheet lists it
    /// and no command of ours takes the key where egui needs it.
    pub by_egui: bool,
}

impl Command {
    const fn row(
        id: CommandId,
        label: &'static str,
        keys: &'static [Chord],
        contexts: &'static [Context],
        group: Group,
    ) -> Command {
        Command {
            id,
            label,
            keys,
            contexts,
            group,
            focus: Focus::Any,
            while_typing: false,
            repeats: false,
            by_egui: false,
        }
    }

    const fn while_typing(self) -> Command {
        Command {
            while_typing: true,
            ..self
        }
    }

    const fn focus(self, focus: Focus) -> Command {
        Command { focus, ..self }
    }

    const fn repeats(self) -> Command {
        Command {
            repeats: true,
            ..self
        }
    }

    const fn by_egui(self) -> Command {
        Command {
            by_egui: true,
            ..self
        }
    }

    /// True when the command works in `context`.
    pub fn applies_in(&self, context: Context) -> bool {
        self.contexts.contains(&context)
    }

    /// Its shown keys in words: "Ctrl+Z or Backspace", "1–4".
    pub fn keys_text(&self) -> String {
        keys_text(self.keys)
    }
}

/// The row of a command.
pub fn command(id: CommandId) -> Option<&'static Command> {
    COMMANDS.iter().find(|c| c.id == id)
}

/// A command's keys in words, for a button or a tooltip: "F11",
/// "Ctrl+Z or Backspace", "1–4".
pub fn keys_of(id: CommandId) -> String {
    command(id).map(Command::keys_text).unwrap_or_default()
}

/// The keys of a command's first `n` keys in words: "1–3" for choosing
/// among three options, so a hint never offers a key that does nothing.
pub fn first_keys_of(id: CommandId, n: usize) -> String {
    command(id)
        .map(|c| keys_text(&c.keys[..n.min(c.keys.len())]))
        .unwrap_or_default()
}

/// A command's first key in words ("Page Down" for Next), where a hint
/// has room for one.
pub fn first_key_of(id: CommandId) -> String {
    command(id)
        .and_then(|c| c.keys.iter().find(|k| k.shown))
        .map(Chord::text)
        .unwrap_or_default()
}

/// One group of the sheet: its heading and its rows (keys, what they do).
#[derive(Clone, Debug, PartialEq)]
pub struct SheetGroup {
    pub group: Group,
    pub rows: Vec<(String, &'static str)>,
}

/// The shortcut sheet's contents: every command, grouped, in table order.
pub fn sheet() -> Vec<SheetGroup> {
    Group::ALL
        .into_iter()
        .map(|group| SheetGroup {
            group,
            rows: COMMANDS
                .iter()
                .filter(|c| c.group == group)
                .map(|c| (c.keys_text(), c.label))
                .collect(),
        })
        .filter(|g| !g.rows.is_empty())
        .collect()
}

/// Two commands that would both answer one key in one context.
#[derive(Clone, Debug, PartialEq)]
pub struct Clash {
    pub first: CommandId,
    pub second: CommandId,
    pub keys: String,
    pub context: Context,
}

/// Every pair of commands in `table` that share a key (with the same
/// modifiers) in a context both list, where focus can be the same for both.
pub fn clashes(table: &[Command]) -> Vec<Clash> {
    let mut found = Vec::new();
    for (n, a) in table.iter().enumerate() {
        for b in &table[n + 1..] {
            if !a.focus.overlaps(b.focus) {
                continue;
            }
            let Some(context) = a.contexts.iter().find(|c| b.contexts.contains(c)) else {
                continue;
            };
            for ka in a.keys {
                if b.keys.iter().any(|kb| ka.same_as(kb)) {
                    found.push(Clash {
                        first: a.id,
                        second: b.id,
                        keys: ka.text(),
                        context: *context,
                    });
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::table::{PRESENTER, ctrl, key};
    use super::*;
    use CommandId as C;
    use Context as X;

    #[test]
    fn no_two_commands_share_a_key_in_one_context() {
        let clashes = clashes(COMMANDS);
        assert!(clashes.is_empty(), "{clashes:#?}");
    }

    const B: &[Chord] = &[key(Key::B)];
    const CTRL_B: &[Chord] = &[ctrl(Key::B)];
    const DOWN: &[Chord] = &[key(Key::ArrowDown)];

    #[test]
    fn a_shared_key_in_a_shared_context_is_caught() {
        // The two conflicts this table was made to fix.
        let old = [
            Command::row(C::Vote, "vote", B, &[X::Discussion], Group::Discussion),
            Command::row(
                C::Branch,
                "branch",
                B,
                &[X::Discussion, X::WalkthroughTurn],
                Group::Walkthrough,
            ),
            Command::row(C::Next, "next", DOWN, PRESENTER, Group::Presenter),
            Command::row(C::Select, "move", DOWN, &[X::Discussion], Group::Discussion),
        ];
        let found = clashes(&old);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!((found[0].first, found[0].second), (C::Vote, C::Branch));
        assert_eq!(found[0].keys, "B");
        assert_eq!(found[1].keys, "Down arrow");
        assert_eq!(found[1].context, X::Discussion);
        // Other modifiers, other contexts or focus that cannot hold at
        // once are no clash.
        let fine = [
            Command::row(C::Vote, "vote", B, &[X::Discussion], Group::Discussion)
                .focus(Focus::Unfocused),
            Command::row(
                C::Branch,
                "branch",
                CTRL_B,
                &[X::Discussion],
                Group::Walkthrough,
            ),
            Command::row(C::Discuss, "discuss", B, &[X::Stage], Group::Presenter),
            Command::row(C::Map, "map", B, &[X::Discussion], Group::Map).focus(Focus::Focused),
        ];
        assert_eq!(clashes(&fine), Vec::new());
    }

    #[test]
    fn every_command_has_one_row_with_keys_and_a_context() {
        for id in CommandId::ALL {
            let rows: Vec<_> = COMMANDS.iter().filter(|c| c.id == id).collect();
            assert_eq!(rows.len(), 1, "{id:?}");
            assert!(!rows[0].keys_text().is_empty(), "{id:?}");
            assert!(!rows[0].contexts.is_empty(), "{id:?}");
        }
        assert_eq!(COMMANDS.len(), CommandId::ALL.len());
    }

    #[test]
    fn the_sheet_lists_every_command_with_its_keys() {
        let sheet = sheet();
        for c in COMMANDS {
            let group = sheet.iter().find(|g| g.group == c.group);
            assert!(
                group.is_some_and(|g| g.rows.contains(&(c.keys_text(), c.label))),
                "{:?} is missing from the sheet",
                c.id
            );
        }
        let rows: usize = sheet.iter().map(|g| g.rows.len()).sum();
        assert_eq!(rows, COMMANDS.len());
        let map = sheet.iter().find(|g| g.group == Group::Map);
        let keys: Vec<&str> = map
            .map(|g| g.rows.iter().map(|r| r.0.as_str()).collect())
            .unwrap_or_default();
        assert!(keys.contains(&"M") && keys.contains(&"F or 0"), "{keys:?}");
    }

    #[test]
    fn keys_read_as_words_and_ranges() {
        assert_eq!(keys_of(C::Undo), "Ctrl+Z or Backspace");
        assert_eq!(keys_of(C::Choose), "1\u{2013}4");
        assert_eq!(first_keys_of(C::Choose, 3), "1\u{2013}3");
        assert_eq!(first_keys_of(C::Choose, 9), "1\u{2013}4");
        assert_eq!(keys_of(C::Vote), "A\u{2013}D");
        assert_eq!(keys_of(C::Select), "Shift+A\u{2013}D");
        assert_eq!(keys_of(C::MapFit), "F or 0");
        assert_eq!(keys_of(C::MapZoomOut), "\u{2212}");
        assert_eq!(keys_of(C::MapZoomIn), "+");
        assert_eq!(keys_of(C::Zoom), "Ctrl+Plus, Ctrl+Minus or Ctrl+0");
        assert_eq!(keys_of(C::Shortcuts), "?");
        assert_eq!(keys_of(C::Branch), "Ctrl+B");
        assert_eq!(
            keys_of(C::Next),
            "Page Down, Right arrow, Down arrow or Space"
        );
        assert_eq!(first_key_of(C::Back), "Page Up");
        assert_eq!(keys_of(C::MapPan), "Arrow keys");
    }

    #[test]
    fn a_clicker_moves_on_every_presenter_page_and_esc_never_acts_there_but_to_leave() {
        let clicker_next = [Key::PageDown, Key::ArrowRight, Key::ArrowDown];
        let clicker_back = [Key::PageUp, Key::ArrowLeft, Key::ArrowUp];
        for &context in PRESENTER {
            let active = |k: Key| -> Vec<CommandId> {
                COMMANDS
                    .iter()
                    .filter(|c| !c.by_egui && c.applies_in(context))
                    .filter(|c| c.keys.iter().any(|ch| ch.same_as(&key(k))))
                    .map(|c| c.id)
                    .collect()
            };
            for k in clicker_next {
                assert_eq!(active(k), vec![C::Next], "{k:?} in {context:?}");
            }
            for k in clicker_back {
                assert_eq!(active(k), vec![C::Back], "{k:?} in {context:?}");
            }
            assert_eq!(active(Key::Escape), vec![C::Escape], "{context:?}");
            let b = active(Key::B);
            assert!(
                b.is_empty() || b == vec![C::Vote],
                "B in {context:?}: {b:?}"
            );
        }
    }
}
