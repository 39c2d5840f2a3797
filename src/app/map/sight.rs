//! What one frame of the map shows: the path laid over the layout, what
//! may be revealed ([`Reveal`]), and every node's name in the words the
//! viewer gets (ids only in the author view).

use super::words::node_name;
use crate::app::state::map::layout::Layout;
use crate::app::state::map::path::{MapPath, PathMarks};
use crate::app::state::map::reveal::Reveal;
use crate::scenario::Scenario;

pub(super) struct Sight<'a> {
    pub(super) marks: PathMarks,
    pub(super) reveal: Reveal,
    /// One per layout node.
    pub(super) names: Vec<String>,
    pub(super) path: &'a MapPath,
}

impl<'a> Sight<'a> {
    pub(super) fn new(
        layout: &Layout,
        scenario: &Scenario,
        path: &'a MapPath,
        reveal: Reveal,
    ) -> Self {
        let marks = PathMarks::new(layout, path);
        let names = layout
            .nodes
            .iter()
            .enumerate()
            .map(|(i, node)| node_name(node, scenario, &marks, reveal, i))
            .collect();
        Sight {
            marks,
            reveal,
            names,
            path,
        }
    }

    /// A node's name; empty past the end.
    pub(super) fn name(&self, node: usize) -> &str {
        self.names.get(node).map_or("", String::as_str)
    }

    /// Whether node `node`'s lines, ending and option words may show.
    pub(super) fn shown(&self, node: usize) -> bool {
        self.reveal.node(&self.marks, node)
    }
}
