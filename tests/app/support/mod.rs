//! Shared set-up for the app's UI tests: a library built from a fixed
//! scenario in a temporary folder, and a harness around the real app whose
//! data folder is temporary too. Nothing touches the user's own folders.

use std::path::{Path, PathBuf};

use attune::app::{AttuneApp, Options, Screen};
use attune::library::Library;
use attune::scenario::Rating;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The fixture every UI test plays: three decisions with Rosa.
pub const KITCHEN_TABLE: &str = include_str!("../../app_support/dialogues/kitchen_table.ron");
/// A short online chat, for the chat layout.
pub const LATE_MESSAGE: &str = include_str!("../../app_support/dialogues/late_message.ron");
/// A dialogue file with a syntax error on line 5.
pub const BROKEN: &str = include_str!("../../app_support/dialogues/broken.ron");
/// The fixtures folder, relative to the package root (the tests' working
/// folder), so file names on cards are the same on every machine.
pub const FIXTURE_DIALOGUES: &str = "tests/app_support/dialogues";

/// A seed whose option order is fixed, so screenshots are stable.
pub const SEED: u64 = 7;

/// Temporary folders for one test: dialogues, user data and reports.
pub struct Folders {
    pub root: tempfile::TempDir,
}

impl Folders {
    pub fn new() -> Self {
        let root = tempfile::tempdir().expect("a temporary folder");
        for sub in ["dialogues", "data", "reports"] {
            std::fs::create_dir_all(root.path().join(sub)).expect("a sub folder");
        }
        std::fs::write(
            root.path().join("dialogues/kitchen_table.ron"),
            KITCHEN_TABLE,
        )
        .expect("the fixture written");
        Folders { root }
    }

    pub fn dialogues(&self) -> PathBuf {
        self.root.path().join("dialogues")
    }

    pub fn data(&self) -> PathBuf {
        self.root.path().join("data")
    }

    pub fn reports(&self) -> PathBuf {
        self.root.path().join("reports")
    }

    /// Adds another dialogue file, e.g. a broken one.
    pub fn add_dialogue(&self, name: &str, text: &str) {
        std::fs::write(self.dialogues().join(name), text).expect("a dialogue written");
    }

    pub fn options(&self) -> Options {
        Options {
            data_dir: Some(self.data()),
            export_dir: Some(self.reports()),
            seed: Some(SEED),
            ..Options::default()
        }
    }

    /// Only the files in the temporary dialogues folder: no shipped ones.
    pub fn library(&self) -> Library {
        let mut library = Library::default();
        attune::files::add_path(&mut library, &self.dialogues());
        library
    }
}

/// A harness around the whole app at 1280×800.
pub fn harness(folders: &Folders) -> Harness<'static, AttuneApp> {
    harness_sized(folders, 1280.0, 800.0)
}

pub fn harness_sized(folders: &Folders, width: f32, height: f32) -> Harness<'static, AttuneApp> {
    harness_with(folders, folders.library(), width, height)
}

/// A harness over any library, with the folders' data and report folders.
pub fn harness_with(
    folders: &Folders,
    library: Library,
    width: f32,
    height: f32,
) -> Harness<'static, AttuneApp> {
    let options = folders.options();
    let mut harness = Harness::builder()
        .with_size([width, height])
        .with_max_steps(200)
        .build_eframe(move |_cc| AttuneApp::new(library, &options));
    harness.run();
    harness
}

/// A harness of this size over `library`, started as `--open kitchen_table
/// --presenter` would when `presenting`.
pub fn presenter_harness(
    folders: &Folders,
    library: Library,
    presenting: bool,
    width: f32,
    height: f32,
) -> Harness<'static, AttuneApp> {
    let options = Options {
        open: presenting.then(|| "kitchen_table".to_string()),
        presenter: presenting,
        ..folders.options()
    };
    let mut harness = Harness::builder()
        .with_size([width, height])
        .with_max_steps(200)
        .build_eframe(move |_cc| AttuneApp::new(library, &options));
    harness.run();
    harness
}

pub fn screen(harness: &Harness<'_, AttuneApp>) -> Screen {
    harness.state().state.screen
}

/// Clicks the widget with exactly this accessible name and lets the app
/// settle.
pub fn click(harness: &mut Harness<'_, AttuneApp>, label: &str) {
    harness.get_by_label(label).click_accesskit();
    harness.run();
}

/// Clicks "Export a report (HTML)" on the debrief and waits for the
/// report, written on its own thread, then draws the result.
pub fn export_report(harness: &mut Harness<'_, AttuneApp>) {
    click(harness, "Export a report (HTML)");
    harness.state_mut().state.flush();
    harness.run();
}

/// Goes from the library to the first turn of the fixture.
pub fn start_kitchen_table(harness: &mut Harness<'_, AttuneApp>) {
    click(harness, "Read the briefing for The kitchen table");
    assert_eq!(screen(harness), Screen::Briefing);
    click(harness, "Start talking with Rosa");
    assert_eq!(screen(harness), Screen::Conversation);
}

/// The option texts on offer now, in display order.
pub fn options(harness: &Harness<'_, AttuneApp>) -> Vec<(String, Rating)> {
    let state = &harness.state().state;
    let Some((active, scenario)) = state.active_scenario() else {
        return Vec::new();
    };
    active
        .session
        .conversation
        .options(scenario)
        .into_iter()
        .map(|c| (c.text.clone(), c.rating))
        .collect()
}

/// The text of the option with this rating, or panics.
pub fn option_rated(harness: &Harness<'_, AttuneApp>, rating: Rating) -> String {
    options(harness)
        .into_iter()
        .find(|(_, r)| *r == rating)
        .map(|(t, _)| t)
        .unwrap_or_else(|| panic!("no {rating:?} option on offer"))
}

/// Clicks an option by its words, with the mouse.
pub fn choose(harness: &mut Harness<'_, AttuneApp>, text: &str) {
    harness
        .get_by_role_and_label(eframe::egui::Role::Button, text)
        .click();
    harness.run();
}

pub fn turns(harness: &Harness<'_, AttuneApp>) -> usize {
    harness
        .state()
        .state
        .active
        .as_ref()
        .map_or(0, |a| a.session.conversation.turns().len())
}

pub fn is_finished(harness: &Harness<'_, AttuneApp>) -> bool {
    let state = &harness.state().state;
    state
        .active_scenario()
        .is_some_and(|(a, s)| a.session.conversation.is_finished(s))
}

/// Files in a folder, by name.
pub fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|r| {
            r.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Clicks the option with this rating; returns its words.
pub fn choose_rated(harness: &mut Harness<'_, AttuneApp>, rating: Rating) -> String {
    let text = option_rated(harness, rating);
    choose(harness, &text);
    text
}

/// A follow-up of the kitchen table's withdrawal ending.
pub const MORNING_AFTER: &str = include_str!("../../app_support/library/morning_after.ron");
/// A group session: peer lines name who speaks.
pub const GROUP_CIRCLE: &str = include_str!("../../app_support/library/group_circle.ron");

/// Variants of the kitchen table for a library of sixteen: title, person,
/// place, medium, level, summary and content note.
const VARIANTS: [(&str, &str, &str, &str, &str, &str, &str); 12] = [
    (
        "A first conversation",
        "Kit",
        "A quiet room at the drop-in",
        "in_person",
        "first_steps",
        "Practise the basics with Kit, who has had a long week.",
        "Everyday stress.",
    ),
    (
        "Night shift",
        "Dev",
        "A hospital staff room at 3am",
        "in_person",
        "first_steps",
        "A colleague sits with a cold coffee after a hard shift.",
        "Work stress.",
    ),
    (
        "The empty nest",
        "Marguerite",
        "Her front garden",
        "in_person",
        "first_steps",
        "Your neighbour's youngest has just moved out.",
        "Loneliness.",
    ),
    (
        "Results day",
        "Tomasz",
        "The peer line's chat window",
        "chat",
        "first_steps",
        "A student messages on results day.",
        "Exam pressure.",
    ),
    (
        "Call from the allotment",
        "Hal",
        "A phone call on a windy afternoon",
        "phone",
        "core",
        "An older man rings the peer line from his allotment shed.",
        "Bereavement.",
    ),
    (
        "After the diagnosis",
        "Priya",
        "A hospital cafe",
        "in_person",
        "core",
        "A friend has just come out of a consultant's appointment.",
        "Serious illness.",
    ),
    (
        "Text at lunchtime",
        "Sam",
        "A workplace chat app",
        "chat",
        "core",
        "A co-worker messages you from the toilets at lunch.",
        "Bullying at work.",
    ),
    (
        "Moving day",
        "Ines",
        "A new flat full of boxes",
        "in_person",
        "core",
        "Your cousin has moved out after a break-up.",
        "Relationship breakdown.",
    ),
    (
        "The long drive",
        "Callum",
        "A phone call from a lay-by",
        "phone",
        "advanced",
        "A man rings the line and will not say where he is parked.",
        "Suicidal thoughts.",
    ),
    (
        "Behind the door",
        "Noor",
        "A phone call, whispered",
        "phone",
        "advanced",
        "A caller speaks quietly so her partner will not hear.",
        "Domestic abuse.",
    ),
    (
        "Sixteen",
        "Jess",
        "A youth service chat",
        "chat",
        "advanced",
        "A sixteen-year-old messages about what she did last night.",
        "Self-harm.",
    ),
    (
        "Saturday night",
        "Luca",
        "Outside a festival tent",
        "in_person",
        "advanced",
        "A friend shows you what he plans to take tonight.",
        "Drug use.",
    ),
];

/// The kitchen table rewritten as another scenario: same tree, new frame.
fn variant(v: &(&str, &str, &str, &str, &str, &str, &str), n: usize) -> String {
    let (title, person, place, medium, level, summary, note) = *v;
    let mut text = KITCHEN_TABLE
        .replace("id: \"kitchen_table\"", &format!("id: \"variant_{n}\""))
        .replace("\"The kitchen table\"", &format!("\"{title}\""))
        .replace(
            "\"Your housemate Rosa is still up at midnight, staring at an unopened letter.\"",
            &format!("\"{summary}\""),
        )
        .replace(
            "(place: \"A shared kitchen, late at night\", medium: in_person)",
            &format!("(place: \"{place}\", medium: {medium})"),
        )
        .replace(
            "\"Money worries and housing stress.\"",
            &format!("\"{note}\""),
        )
        .replace("        portrait: Some(\"rosa\"),\n", "")
        .replace("Rosa", person)
        .replace(
            "start: \"letter\",",
            &format!("start: \"letter\",\n    level: {level},"),
        );
    if n == 0 {
        text = text.replace("    level: ", "    tutorial: true,\n    level: ");
    }
    text
}

impl Folders {
    /// Sixteen scenarios: the two fixtures, the follow-up, the group and
    /// twelve variants, one of them a tutorial, over every level and medium.
    pub fn sixteen(&self) -> Library {
        self.add_dialogue("late_message.ron", LATE_MESSAGE);
        self.add_dialogue("morning_after.ron", MORNING_AFTER);
        self.add_dialogue("group_circle.ron", GROUP_CIRCLE);
        for (n, v) in VARIANTS.iter().enumerate() {
            self.add_dialogue(&format!("variant_{n:02}.ron"), &variant(v, n));
        }
        let mut library = self.library();
        library.link_follow_ups(attune::files::source_text);
        library
    }
}
