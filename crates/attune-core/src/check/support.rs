//! `missing-support`: a scenario whose content notes warn of self-harm or
//! suicide names the services its debrief points to, so every ending, the
//! ones where the peer goes home alone included, leaves the learner with
//! somewhere to turn.

use super::validate::Reporter;
use super::wording::warns_of_self_harm;
use crate::scenario::Scenario;
use crate::scenario::diagnostic::Severity;

pub(crate) fn lint(r: &mut Reporter, s: &Scenario) {
    if !s.support.iter().all(|l| l.trim().is_empty()) {
        return;
    }
    if !s.content_notes.iter().any(|n| warns_of_self_harm(n)) {
        return;
    }
    let at = r.map.find_field(&[], "content_notes");
    r.push(
        at,
        Severity::Warning,
        "missing-support",
        "the content notes warn of self-harm or suicide, but the scenario names no support services for its debrief".into(),
        Some(
            "add `support: [\"...\"]` with the UK services to name, one a line; the debrief adds that learners elsewhere should use their local ones"
                .into(),
        ),
    );
}
