//! Checks that what the debrief credits can be said, and that nothing takes
//! a disclosure as said before it was.
//!
//! - `layer-never-disclosed`: no line discloses a layer, or no path shows
//!   one that does. The debrief credits only disclosures, so such a layer
//!   can never be credited.
//! - `presumed-undisclosed`: a line or an option that `presumes` a layer
//!   can be shown before any line disclosed it, or an `opened_up` ending
//!   can be reached with nothing disclosed at all.
//!
//! Both read the exploration, which follows every line variant the engine
//! could pick; see [`super::explore`].

use super::explore::{Exploration, Presumed, Presumer};
use super::flow::reached_by;
use super::validate::Reporter;
use crate::scenario::Scenario;
use crate::scenario::diagnostic::Severity;
use crate::scenario::source_map::EntryKind;

/// Layers no line discloses, or none that can be shown.
pub(crate) fn never_disclosed(r: &mut Reporter, s: &Scenario, ex: &Exploration) {
    for (i, layer) in s.layers.iter().enumerate() {
        let written = s
            .nodes
            .iter()
            .flat_map(|n| &n.lines)
            .any(|l| l.discloses.contains(&layer.id));
        let at = || r.map.find_str(&["layers"], "id", &layer.id, 0);
        if !written {
            let at = at();
            r.push(
                at,
                Severity::Warning,
                "layer-never-disclosed",
                format!(
                    "no line discloses layer \"{}\": trust can make the peer ready to share it, but the debrief credits only what a shown line says, so it can never be credited",
                    layer.id
                ),
                Some(format!(
                    "add `discloses: [\"{}\"]` to the line variants that say it",
                    layer.id
                )),
            );
        } else if ex.complete && !ex.layer_disclosed[i] {
            let at = at();
            r.push(
                at,
                Severity::Warning,
                "layer-never-disclosed",
                format!(
                    "the lines that disclose layer \"{}\" are never shown on any path: their nodes, bands or conditions are never reached together",
                    layer.id
                ),
                Some("check the bands and `when` of the disclosing lines".into()),
            );
        }
    }
}

/// Items shown before a layer they presume was disclosed.
pub(crate) fn presumed(r: &mut Reporter, s: &Scenario, ex: &Exploration) {
    for p in &ex.presumed {
        let Presumed {
            item,
            layer,
            witness,
        } = p;
        let node = &s.nodes[witness.node];
        let id = &node.id;
        let (at, message, hint) = match *item {
            Presumer::Line(k) => (
                presumes_at(r, id, &["nodes", "lines"], layer, k),
                format!(
                    "line {} of \"{id}\" presumes layer \"{layer}\", but it can be shown before any line disclosed it ({})",
                    k + 1,
                    reached_by(witness)
                ),
                format!("add `when: [disclosed(\"{layer}\")]` to the line, or disclose it earlier"),
            ),
            Presumer::Option(k) => {
                let option = &node.options[k].id;
                (
                    r.option_field_at(id, option, "presumes"),
                    format!(
                        "option \"{option}\" of \"{id}\" presumes layer \"{layer}\", but it can be offered before any line disclosed it ({})",
                        reached_by(witness)
                    ),
                    format!("add `disclosed(\"{layer}\")` to the option's `when`"),
                )
            }
            Presumer::OpenedUp => (
                r.node_at(id),
                format!(
                    "ending \"{id}\" is `opened_up`, but it can be reached with nothing disclosed ({}): the debrief would say the peer opened up while crediting nothing",
                    reached_by(witness)
                ),
                "route to it only with `disclosed(..)`, or make it `guarded`".into(),
            ),
        };
        r.push(
            at,
            Severity::Warning,
            "presumed-undisclosed",
            message,
            Some(hint),
        );
    }
}

/// Where the `k`th line's `presumes` entry for `layer` is written, or the
/// node's id.
fn presumes_at(r: &Reporter, id: &str, fields: &[&str], layer: &str, k: usize) -> Option<usize> {
    let range = r.map.node_range(id, 0)?;
    let text = r
        .map
        .entries()
        .get(range.clone())?
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntryKind::Str && e.key == "text" && r.map.fields(e) == fields)
        .nth(k)
        .map(|(i, _)| range.start + i);
    let from = text.unwrap_or(range.start);
    let inside: Vec<&str> = fields.iter().copied().chain(["presumes"]).collect();
    r.map
        .find_in(
            from..range.end,
            EntryKind::Str,
            &inside,
            "presumes",
            Some(layer),
        )
        .or(text)
        .or_else(|| r.node_at(id))
}
