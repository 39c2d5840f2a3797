//! The order the library lists scenarios in, which is the order suggested
//! to a new learner: the tutorial first, then first steps, core and
//! advanced. Within a level, cards go by title, so a facilitator scanning
//! a projected shelf finds one where the alphabet says. A follow-up sits
//! just after the scenario it follows, on that scenario's shelf, when both
//! are shown.

use std::collections::BTreeSet;

use super::catalogue::{Card, CardId, Catalogue, Playable};
use super::library_filter::LibraryFilter;
use crate::scenario::Difficulty;

/// Which heading a shelf has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ShelfKind {
    /// Tutorials, whatever their level.
    Start,
    Level(Difficulty),
    /// Files that could not be loaded; last, and only with no filter on.
    Broken,
}

impl ShelfKind {
    pub fn title(self) -> &'static str {
        match self {
            ShelfKind::Broken => "Files with errors",
            ShelfKind::Start => "Start here",
            ShelfKind::Level(Difficulty::FirstSteps) => "First steps",
            ShelfKind::Level(Difficulty::Core) => "Core",
            ShelfKind::Level(Difficulty::Advanced) => "Advanced",
        }
    }

    /// One line under the heading.
    pub fn about(self) -> &'static str {
        match self {
            ShelfKind::Broken => "Fix them and they join the library.",
            ShelfKind::Start => "How a conversation works here, in a few turns.",
            ShelfKind::Level(Difficulty::FirstSteps) => {
                "Shorter talks where listening well is most of the work."
            }
            ShelfKind::Level(Difficulty::Core) => "The heart of the library.",
            ShelfKind::Level(Difficulty::Advanced) => {
                "For after the core scenarios: higher risk and harder calls."
            }
        }
    }
}

/// One card on a shelf.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shelved {
    pub id: CardId,
    /// The card it follows up, when it is listed just after that one.
    pub after: Option<CardId>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shelf {
    pub kind: ShelfKind,
    pub cards: Vec<Shelved>,
}

/// The library as listed now.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shelves {
    pub shelves: Vec<Shelf>,
    /// Playable scenarios that match the filter.
    pub shown: usize,
    /// Playable scenarios in the library.
    pub total: usize,
}

fn shelf_of(p: &Playable) -> ShelfKind {
    if p.scenario.tutorial {
        ShelfKind::Start
    } else {
        ShelfKind::Level(p.scenario.level)
    }
}

/// The shelves for `filter`, in the suggested order.
pub fn shelves(catalogue: &Catalogue, filter: &LibraryFilter) -> Shelves {
    let playable: Vec<(CardId, &Playable)> = catalogue
        .listed()
        .filter_map(|(id, c)| match c {
            Card::Playable(p) => Some((id, p.as_ref())),
            Card::Broken(_) => None,
        })
        .collect();
    let total = playable.len();
    let mut shown: Vec<(CardId, &Playable)> = playable
        .into_iter()
        .filter(|(_, p)| filter.matches(p))
        .collect();
    shown.sort_by_cached_key(|(id, p)| (shelf_of(p), p.scenario.title.to_lowercase(), *id));
    let ids: BTreeSet<CardId> = shown.iter().map(|(id, _)| *id).collect();
    // A follow-up whose parent is shown goes after it; the rest stand alone.
    let parent_of = |p: &Playable| -> Option<CardId> {
        let follows = p.scenario.follows.as_ref()?;
        catalogue
            .id_of(&follows.scenario)
            .filter(|id| ids.contains(id))
    };
    let mut placed = BTreeSet::new();
    let mut order: Vec<(ShelfKind, Shelved)> = Vec::new();
    for (id, p) in &shown {
        if parent_of(p).is_none() {
            place(
                &shown,
                &parent_of,
                *id,
                None,
                shelf_of(p),
                &mut placed,
                &mut order,
            );
        }
    }
    // Follow-ups that follow each other in a ring have no root: list them
    // on their own shelves rather than lose them.
    for (id, p) in &shown {
        if !placed.contains(id) {
            place(
                &shown,
                &parent_of,
                *id,
                None,
                shelf_of(p),
                &mut placed,
                &mut order,
            );
        }
    }
    let mut shelves: Vec<Shelf> = Vec::new();
    let mut kinds: Vec<ShelfKind> = order.iter().map(|(k, _)| *k).collect();
    kinds.sort();
    kinds.dedup();
    for kind in kinds {
        shelves.push(Shelf {
            kind,
            cards: order
                .iter()
                .filter(|(k, _)| *k == kind)
                .map(|(_, s)| *s)
                .collect(),
        });
    }
    // Broken files last: the learner sees what can be played first, and
    // the top bar counts the problems.
    if filter.is_clear() {
        let broken: Vec<Shelved> = catalogue
            .listed()
            .filter(|(_, c)| matches!(c, Card::Broken(_)))
            .map(|(id, _)| Shelved { id, after: None })
            .collect();
        if !broken.is_empty() {
            shelves.push(Shelf {
                kind: ShelfKind::Broken,
                cards: broken,
            });
        }
    }
    Shelves {
        shelves,
        shown: shown.len(),
        total,
    }
}

/// Lists `id` on `kind`'s shelf, then its follow-ups after it.
fn place(
    shown: &[(CardId, &Playable)],
    parent_of: &dyn Fn(&Playable) -> Option<CardId>,
    id: CardId,
    after: Option<CardId>,
    kind: ShelfKind,
    placed: &mut BTreeSet<CardId>,
    order: &mut Vec<(ShelfKind, Shelved)>,
) {
    if !placed.insert(id) {
        return;
    }
    order.push((kind, Shelved { id, after }));
    for (child, p) in shown {
        if parent_of(p) == Some(id) {
            place(shown, parent_of, *child, Some(id), kind, placed, order);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::load_str;
    use crate::library::{Entry, Source};

    const FIXTURE: &str = include_str!("../../../tests/app_support/dialogues/kitchen_table.ron");

    /// The fixture under another id and title, following `follows`.
    fn card(id: &str, title: &str, follows: Option<&str>) -> Card {
        let mut text = FIXTURE
            .replace("id: \"kitchen_table\"", &format!("id: \"{id}\""))
            .replace("\"The kitchen table\"", &format!("\"{title}\""));
        if let Some(parent) = follows {
            text = text.replace(
                "start: \"letter\",",
                &format!(
                    "start: \"letter\",\nfollows: (scenario: \"{parent}\", ending: \"end_open\"),"
                ),
            );
        }
        let loaded = load_str(id, &text);
        assert!(loaded.scenario.is_some(), "{:?}", loaded.diagnostics);
        Card::from_entry(Entry::new(Source::Shipped(format!("{id}.ron")), loaded))
    }

    fn titles(catalogue: &Catalogue, filter: &LibraryFilter) -> Vec<(String, bool)> {
        shelves(catalogue, filter)
            .shelves
            .iter()
            .flat_map(|s| &s.cards)
            .filter_map(|c| Some((catalogue.scenario(c.id)?.title.clone(), c.after.is_some())))
            .collect()
    }

    #[test]
    fn a_follow_up_goes_after_its_parent_unless_the_parent_is_filtered_out() {
        let mut catalogue = Catalogue::default();
        catalogue.push(card("b", "Birch", None));
        catalogue.push(card("a_next", "Aspen", Some("b")));
        catalogue.push(card("c", "Cedar", None));
        let all = LibraryFilter::default();
        assert_eq!(
            titles(&catalogue, &all),
            [
                ("Birch".to_string(), false),
                ("Aspen".to_string(), true),
                ("Cedar".to_string(), false)
            ]
        );
        let aspen = LibraryFilter {
            search: "aspen".into(),
            ..LibraryFilter::default()
        };
        assert_eq!(titles(&catalogue, &aspen), [("Aspen".to_string(), false)]);
        let counted = shelves(&catalogue, &aspen);
        assert_eq!((counted.shown, counted.total), (1, 3));
    }

    #[test]
    fn follow_ups_in_a_ring_are_still_listed_once_each() {
        let mut catalogue = Catalogue::default();
        catalogue.push(card("x", "Xylem", Some("y")));
        catalogue.push(card("y", "Yew", Some("x")));
        let listed = titles(&catalogue, &LibraryFilter::default());
        assert_eq!(listed.len(), 2, "{listed:?}");
    }

    #[test]
    fn the_skills_come_from_the_best_path() {
        let c = card("k", "Kitchen", None);
        let Card::Playable(p) = c else {
            panic!("the fixture loads");
        };
        use crate::skills::Skill;
        assert_eq!(
            p.skills,
            [Skill::ComplexReflection, Skill::Summary],
            "the best options' tags, in code order"
        );
        assert_eq!(p.decisions, 3);
    }
}
