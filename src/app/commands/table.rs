//! The rows of the command table, and the sets of contexts they name.

use eframe::egui::{Key, Modifiers};

use super::{Chord, Command, CommandId, Context, Focus, Group};

/// Every context.
const EVERYWHERE: &[Context] = &[
    Context::Library,
    Context::Briefing,
    Context::Conversation,
    Context::Debrief,
    Context::Map,
    Context::Elsewhere,
    Context::Dialog,
    Context::Sheet,
    Context::PresenterLibrary,
    Context::PresenterBriefing,
    Context::Stage,
    Context::Discussion,
    Context::Walkthrough,
    Context::WalkthroughTurn,
];

/// Everywhere but a dialog, whose own Esc closes it.
const OUTSIDE_DIALOGS: &[Context] = &[
    Context::Library,
    Context::Briefing,
    Context::Conversation,
    Context::Debrief,
    Context::Map,
    Context::Elsewhere,
    Context::Sheet,
    Context::PresenterLibrary,
    Context::PresenterBriefing,
    Context::Stage,
    Context::Discussion,
    Context::Walkthrough,
    Context::WalkthroughTurn,
];

/// Outside presenter mode, where buttons take Enter and Space.
const NORMAL_MODE: &[Context] = &[
    Context::Library,
    Context::Briefing,
    Context::Conversation,
    Context::Debrief,
    Context::Map,
    Context::Elsewhere,
    Context::Dialog,
    Context::Sheet,
];

/// Every presenter page: the clicker works on all of them.
pub(super) const PRESENTER: &[Context] = &[
    Context::PresenterLibrary,
    Context::PresenterBriefing,
    Context::Stage,
    Context::Discussion,
    Context::Walkthrough,
    Context::WalkthroughTurn,
];

/// Where a scenario is on screen, so M can open its map.
const WITH_A_MAP: &[Context] = &[
    Context::Briefing,
    Context::Conversation,
    Context::Debrief,
    Context::Map,
    Context::PresenterBriefing,
    Context::Stage,
    Context::Discussion,
    Context::Walkthrough,
    Context::WalkthroughTurn,
];

/// A key alone.
pub(super) const fn key(key: Key) -> Chord {
    Chord {
        key,
        modifiers: Modifiers::NONE,
        shown: true,
    }
}

/// Ctrl (Cmd on a Mac) and a key.
pub(super) const fn ctrl(key: Key) -> Chord {
    Chord {
        key,
        modifiers: Modifiers::COMMAND,
        shown: true,
    }
}

/// Shift and a key.
pub(super) const fn shift(key: Key) -> Chord {
    Chord {
        key,
        modifiers: Modifiers::SHIFT,
        shown: true,
    }
}

/// Another spelling of a key already listed.
const fn also(chord: Chord) -> Chord {
    Chord {
        shown: false,
        ..chord
    }
}

use CommandId as C;
use Context as X;

/// The table. The sheet lists the rows in this order within each group.
pub const COMMANDS: &[Command] = &[
    // Everywhere.
    Command::row(
        C::Shortcuts,
        "Show or hide this sheet",
        &[key(Key::Questionmark), also(shift(Key::Slash))],
        EVERYWHERE,
        Group::Everywhere,
    ),
    Command::row(
        C::PresenterMode,
        "Presenter mode on or off",
        &[key(Key::F5)],
        EVERYWHERE,
        Group::Everywhere,
    )
    .while_typing(),
    Command::row(
        C::FullScreen,
        "Full screen on or off",
        &[key(Key::F11)],
        EVERYWHERE,
        Group::Everywhere,
    )
    .while_typing(),
    Command::row(
        C::Escape,
        "Close this sheet, or leave full screen (never quits)",
        &[key(Key::Escape)],
        OUTSIDE_DIALOGS,
        Group::Everywhere,
    )
    .while_typing(),
    Command::row(
        C::CloseDialog,
        "Close a question such as \u{201c}Go back to before turn 3?\u{201d}, changing nothing",
        &[key(Key::Escape)],
        &[X::Dialog],
        Group::Everywhere,
    )
    .by_egui(),
    Command::row(
        C::Zoom,
        "Zoom the whole window in, out, back to normal",
        &[
            ctrl(Key::Plus),
            also(ctrl(Key::Equals)),
            ctrl(Key::Minus),
            ctrl(Key::Num0),
        ],
        EVERYWHERE,
        Group::Everywhere,
    )
    .by_egui(),
    Command::row(
        C::MoveFocus,
        "Move to the next or the previous button",
        &[key(Key::Tab), shift(Key::Tab)],
        EVERYWHERE,
        Group::Everywhere,
    )
    .by_egui(),
    Command::row(
        C::PressButton,
        "Press the button that has focus (outside presenter mode)",
        &[key(Key::Enter), key(Key::Space)],
        NORMAL_MODE,
        Group::Everywhere,
    )
    .focus(Focus::Focused)
    .by_egui(),
    // The library, also on the projector. Not while typing, so / can be
    // typed into the search itself.
    Command::row(
        C::FindScenario,
        "Search the library: type a title, a person or a topic",
        &[ctrl(Key::F), key(Key::Slash)],
        &[X::Library, X::PresenterLibrary],
        Group::Library,
    ),
    // A conversation in normal mode.
    Command::row(
        C::Choose,
        "Choose an option",
        &[
            key(Key::Num1),
            key(Key::Num2),
            key(Key::Num3),
            key(Key::Num4),
        ],
        &[X::Conversation],
        Group::Conversation,
    ),
    Command::row(
        C::Undo,
        "Take back the last choice",
        &[ctrl(Key::Z), key(Key::Backspace)],
        &[X::Conversation],
        Group::Conversation,
    ),
    Command::row(
        C::OpenDebrief,
        "Open the debrief at the end",
        &[key(Key::Enter)],
        &[X::Conversation],
        Group::Conversation,
    )
    .focus(Focus::Unfocused),
    // The map.
    Command::row(
        C::Map,
        "Open the scenario map from a briefing, conversation or debrief; close it again",
        &[key(Key::M)],
        WITH_A_MAP,
        Group::Map,
    ),
    Command::row(
        C::MapZoomIn,
        "Zoom the map in",
        &[
            key(Key::Plus),
            also(key(Key::Equals)),
            also(shift(Key::Equals)),
        ],
        &[X::Map],
        Group::Map,
    ),
    Command::row(
        C::MapZoomOut,
        "Zoom the map out",
        &[key(Key::Minus)],
        &[X::Map],
        Group::Map,
    ),
    Command::row(
        C::MapFit,
        "Show the whole tree",
        &[key(Key::F), key(Key::Num0)],
        &[X::Map],
        Group::Map,
    ),
    Command::row(
        C::MapPan,
        "Move the view (while no node has focus)",
        &[
            key(Key::ArrowLeft),
            key(Key::ArrowRight),
            key(Key::ArrowUp),
            key(Key::ArrowDown),
        ],
        &[X::Map],
        Group::Map,
    )
    .focus(Focus::Unfocused),
    Command::row(
        C::MapStep,
        "Step to the nearest node that way (once Tab has put focus on a node)",
        &[
            key(Key::ArrowLeft),
            key(Key::ArrowRight),
            key(Key::ArrowUp),
            key(Key::ArrowDown),
        ],
        &[X::Map],
        Group::Map,
    )
    .focus(Focus::Focused)
    .by_egui(),
    // Presenter mode: the clicker's keys work on every page.
    Command::row(
        C::Next,
        "Next: discuss, reveal, say the room's choice, next debrief page",
        &[
            key(Key::PageDown),
            key(Key::ArrowRight),
            key(Key::ArrowDown),
            key(Key::Space),
        ],
        PRESENTER,
        Group::Presenter,
    ),
    Command::row(
        C::Back,
        "Back: hide, close the discussion, take back a choice, previous page",
        &[key(Key::PageUp), key(Key::ArrowLeft), key(Key::ArrowUp)],
        PRESENTER,
        Group::Presenter,
    ),
    Command::row(
        C::Enter,
        "Say the room's choice; next debrief page",
        &[key(Key::Enter)],
        PRESENTER,
        Group::Presenter,
    ),
    Command::row(
        C::ChooseAtOnce,
        "Choose an option at once",
        &[
            key(Key::Num1),
            key(Key::Num2),
            key(Key::Num3),
            key(Key::Num4),
        ],
        &[X::Stage, X::Discussion],
        Group::Presenter,
    ),
    Command::row(
        C::Discuss,
        "Open the discussion pause",
        &[key(Key::D)],
        &[X::Stage],
        Group::Presenter,
    ),
    Command::row(
        C::Trust,
        "Show or hide the trust meter",
        &[key(Key::T)],
        PRESENTER,
        Group::Presenter,
    ),
    Command::row(
        C::Notes,
        "Show or hide the facilitator notes",
        &[key(Key::N)],
        PRESENTER,
        Group::Presenter,
    ),
    // The discussion pause.
    Command::row(
        C::Vote,
        "One more vote for that option",
        &[key(Key::A), key(Key::B), key(Key::C), key(Key::D)],
        &[X::Discussion],
        Group::Discussion,
    )
    .repeats(),
    Command::row(
        C::Select,
        "Make that option the room's choice (or click it)",
        &[shift(Key::A), shift(Key::B), shift(Key::C), shift(Key::D)],
        &[X::Discussion],
        Group::Discussion,
    ),
    Command::row(
        C::ResetVotes,
        "Reset the votes",
        &[key(Key::Num0)],
        &[X::Discussion],
        Group::Discussion,
    ),
    Command::row(
        C::Reveal,
        "Reveal or hide each option's effect",
        &[key(Key::R)],
        &[X::Discussion],
        Group::Discussion,
    ),
    // The debrief walkthrough. No clicker sends Ctrl, and B alone is a
    // clicker's "blank screen" and a vote letter.
    Command::row(
        C::Branch,
        "On a turn's page: branch off before that turn",
        &[ctrl(Key::B)],
        &[X::WalkthroughTurn],
        Group::Walkthrough,
    ),
];
