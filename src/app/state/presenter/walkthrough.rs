//! The debrief as pages for a room: how it ended, then one page per turn,
//! then the trust curve and metrics, then (when there are two paths) the
//! comparison.

use crate::debrief::Debrief;

/// One page of the walkthrough.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// How the conversation ended.
    Ending,
    /// The turn at this index (0-based) of the debrief.
    Turn(usize),
    /// The trust curve and the metrics, full screen.
    Summary,
    /// Two paths' trust curves and where they diverged.
    Compare,
}

/// Every page of the walkthrough of `debrief`, in order.
pub fn pages(debrief: &Debrief, has_comparison: bool) -> Vec<Page> {
    let mut pages = vec![Page::Ending];
    pages.extend((0..debrief.turns.len()).map(Page::Turn));
    pages.push(Page::Summary);
    if has_comparison {
        pages.push(Page::Compare);
    }
    pages
}

/// `page` kept within the pages there are.
pub fn clamp_page(page: usize, count: usize) -> usize {
    page.min(count.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_run_from_the_ending_through_each_turn_to_the_summary() {
        let debrief = Debrief {
            scenario: "s".into(),
            title: "t".into(),
            persona: "p".into(),
            seed: 1,
            ending: None,
            turns: Vec::new(),
            metrics: crate::debrief::Metrics::compute(std::iter::empty(), None, None),
            trust_curve: vec![40],
            layers: Vec::new(),
            support: Vec::new(),
        };
        assert_eq!(pages(&debrief, false), vec![Page::Ending, Page::Summary]);
        assert_eq!(
            pages(&debrief, true),
            vec![Page::Ending, Page::Summary, Page::Compare]
        );
        assert_eq!(clamp_page(9, 3), 2);
        assert_eq!(clamp_page(0, 0), 0);
    }
}
