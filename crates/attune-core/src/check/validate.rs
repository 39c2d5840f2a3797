//! Semantic checks on a parsed scenario. Every problem is collected; the
//! validator never stops at the first.

use std::collections::VecDeque;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use crate::scenario::diagnostic::{Diagnostic, Severity};
use crate::scenario::graph::successors;
use crate::scenario::source_map::{EntryKind, SourceMap};
use crate::scenario::{
    Band, Choice, Condition, EndingKind, MAX_OPTIONS, Node, Rating, Scenario, TRUST_MAX, TRUST_MIN,
};

/// Where a diagnostic goes. A node or an option is looked up in the source
/// map only when something is reported there: the map is scanned on first
/// use, and a file that checks clean never needs it.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Place<'a> {
    /// An entry already found, or the top of the file.
    Found(Option<usize>),
    /// The id of the first node with this id.
    Node(&'a str),
    /// The id of an option, inside the first node with `node`'s id.
    Option { node: &'a str, option: &'a str },
}

impl From<Option<usize>> for Place<'_> {
    fn from(at: Option<usize>) -> Self {
        Place::Found(at)
    }
}

/// Builds diagnostics for one file, knowing where things are in it.
pub(crate) struct Reporter<'a, 's> {
    path: &'a str,
    pub map: &'a SourceMap<'s>,
    pub out: Vec<Diagnostic>,
}

impl<'a, 's> Reporter<'a, 's> {
    pub fn new(path: &'a str, map: &'a SourceMap<'s>) -> Self {
        Reporter {
            path,
            map,
            out: Vec::new(),
        }
    }

    pub fn push<'p>(
        &mut self,
        at: impl Into<Place<'p>>,
        severity: Severity,
        code: &'static str,
        message: String,
        hint: Option<String>,
    ) {
        let at = self.locate(at.into());
        let (line, col) = self.map.pos(at);
        self.out.push(Diagnostic {
            path: self.path.to_string(),
            line,
            col,
            severity,
            code,
            message,
            hint,
        });
    }

    pub fn error<'p>(&mut self, at: impl Into<Place<'p>>, code: &'static str, message: String) {
        self.push(at, Severity::Error, code, message, None);
    }

    /// The entry a place names, if it is in the file.
    pub fn locate(&self, at: Place) -> Option<usize> {
        match at {
            Place::Found(at) => at,
            Place::Node(id) => self.node_at(id),
            Place::Option { node, option } => self.option_at(node, option),
        }
    }

    /// Where the `n`th node with this id is written.
    pub fn node_at(&self, id: &str) -> Option<usize> {
        self.map.find_str(&["nodes"], "id", id, 0)
    }

    /// Where an option's id is written inside its node.
    pub fn option_at(&self, node: &str, option: &str) -> Option<usize> {
        self.map.option_at(node, option)
    }

    /// Where a field of an option is written, falling back to the option id.
    pub fn option_field_at(&self, node: &str, option: &str, field: &str) -> Option<usize> {
        let start = self.option_at(node, option)?;
        let range = self.map.option_range(node, start)?;
        self.map
            .find_in(range, EntryKind::Field, &["nodes", "options"], field, None)
            .or(Some(start))
    }
}

/// Asset names are plain names resolved inside Attune's asset folders, so a
/// scenario can never point at a file elsewhere on the machine.
pub fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        // Bytes, not characters: any byte of a non-ASCII character fails.
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// The closest id to a misspelt one, when one is close enough to suggest.
pub fn nearest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (wrong.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(wrong, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, c)| (*d, *c))
        .map(|(_, c)| c)
}

/// Where the persona's portrait name is written, with or without `Some(..)`.
fn portrait_at(map: &SourceMap, name: &str) -> Option<usize> {
    map.find_str(&["persona"], "portrait", name, 0)
        .or_else(|| map.find_str(&["persona", "portrait"], "Some", name, 0))
        .or_else(|| map.find_field(&["persona"], "portrait"))
}

fn did_you_mean(found: Option<&str>) -> String {
    found.map_or_else(String::new, |s| format!("; did you mean \"{s}\"?"))
}

pub fn validate(path: &str, s: &Scenario, map: &SourceMap) -> Vec<Diagnostic> {
    let mut r = Reporter::new(path, map);
    let node_ids: Vec<&str> = s.nodes.iter().map(|n| n.id.as_str()).collect();
    let known: HashSet<&str> = node_ids.iter().copied().collect();
    let layer_ids: HashSet<&str> = s.layers.iter().map(|l| l.id.as_str()).collect();

    check_header(&mut r, s, &known, &node_ids);
    check_id_charset(&mut r, s);
    check_duplicates(&mut r, s);
    for node in &s.nodes {
        check_node(&mut r, node, &known, &node_ids, &layer_ids);
    }
    check_reachability(&mut r, s);
    check_route_cycles(&mut r, s);
    check_ending_kinds(&mut r, s);
    r.out
}

/// The persona's portrait: a plain asset name that a shipped portrait has.
fn check_portrait(r: &mut Reporter, s: &Scenario) {
    if let Some(name) = &s.persona.portrait
        && !is_plain_name(name)
    {
        let at = portrait_at(r.map, name);
        let hint = "use letters, digits, `_` and `-` only, e.g. `portrait: \"rosa\"`; paths are not allowed";
        let message = format!("portrait \"{name}\" is not a plain asset name");
        r.push(
            at,
            Severity::Error,
            "bad-asset-name",
            message,
            Some(hint.into()),
        );
    } else if let Some(name) = &s.persona.portrait
        && crate::scenario::portraits::asset(name).is_none()
    {
        let names = crate::scenario::portraits::names();
        let at = portrait_at(r.map, name);
        let message = format!(
            "there is no portrait called \"{name}\"{}",
            did_you_mean(nearest(name, names.iter().copied()))
        );
        let hint = format!(
            "the portraits are: {}; `attune portraits` describes them, or leave `portrait` out for the neutral face",
            names.join(", ")
        );
        r.push(at, Severity::Error, "unknown-portrait", message, Some(hint));
    }
}

fn check_header(r: &mut Reporter, s: &Scenario, known: &HashSet<&str>, ids: &[&str]) {
    if s.id.trim().is_empty() {
        let at = r.map.find_field(&[], "id");
        r.error(at, "empty-id", "the scenario id is empty".into());
    }
    for (field, value) in [
        ("initial_trust", s.initial_trust),
        ("withdrawal_floor", s.withdrawal_floor),
    ] {
        if !(TRUST_MIN..=TRUST_MAX).contains(&value) {
            let at = r.map.find_field(&[], field);
            r.error(
                at,
                "trust-range",
                format!("{field} is {value}, but trust runs from {TRUST_MIN} to {TRUST_MAX}"),
            );
        }
    }
    if s.withdrawal_floor >= s.initial_trust {
        let at = r.map.find_field(&[], "withdrawal_floor");
        r.push(
            at,
            Severity::Error,
            "floor-above-start",
            format!(
                "withdrawal_floor ({}) is not below initial_trust ({}): the peer would withdraw at once",
                s.withdrawal_floor, s.initial_trust
            ),
            Some("leave a margin of at least 15 between the floor and the start".into()),
        );
    }
    for (field, target) in [("start", &s.start), ("on_withdraw", &s.on_withdraw)] {
        if !known.contains(target.as_str()) {
            let at = r.map.find_str(&[], field, target, 0);
            r.error(
                at,
                "unknown-node",
                format!(
                    "{field} names node \"{target}\", which does not exist{}",
                    did_you_mean(nearest(target, ids.iter().copied()))
                ),
            );
        }
    }
    if let Some(node) = s.node(&s.on_withdraw)
        && node.ending.as_ref().map(|e| e.kind) != Some(EndingKind::Withdrew)
    {
        let at = r.map.find_str(&[], "on_withdraw", &s.on_withdraw, 0);
        r.error(
            at,
            "bad-withdraw-target",
            format!(
                "on_withdraw must name an ending of kind withdrew, but \"{}\" is not one",
                s.on_withdraw
            ),
        );
    }
    check_portrait(r, s);
    let mut seen = HashSet::new();
    for layer in &s.layers {
        if layer.id.trim().is_empty() {
            let at = r.map.find_str(&["layers"], "id", &layer.id, 0);
            r.error(at, "empty-id", "a layer has an empty id".into());
        }
        if !seen.insert(layer.id.as_str()) {
            let at = r.map.find_str(&["layers"], "id", &layer.id, 1);
            r.error(
                at,
                "duplicate-id",
                format!("layer id \"{}\" is used twice", layer.id),
            );
        }
        if !(TRUST_MIN..=TRUST_MAX).contains(&layer.threshold) {
            let at = r.map.find_str(&["layers"], "id", &layer.id, 0);
            r.error(
                at,
                "trust-range",
                format!(
                    "layer \"{}\" has threshold {}, but trust runs from {TRUST_MIN} to {TRUST_MAX}",
                    layer.id, layer.threshold
                ),
            );
        }
    }
}

/// Ids are plain names ([`is_plain_name`]: ASCII letters, digits, `_` and
/// `-`, at most 64): they are printed by the CLI, used in file names of
/// reports and matched by hand, so no control character, space or path
/// separator may hide in one. Empty ids have their own error.
fn check_id_charset(r: &mut Reporter, s: &Scenario) {
    // Places and names are looked up only for a bad id: this runs over
    // every option of a file.
    let bad = |id: &str| !id.is_empty() && !is_plain_name(id);
    let report = |r: &mut Reporter, at: Option<usize>, what: String, id: &str| {
        r.push(
            at,
            Severity::Error,
            "bad-id",
            format!(
                "{what} id \"{}\" has characters ids may not use",
                id.escape_debug()
            ),
            Some("use 1 to 64 ASCII letters, digits, `_` and `-`, e.g. `open_up-2`".into()),
        );
    };
    if bad(&s.id) {
        let at = r.map.find_field(&[], "id");
        report(r, at, "the scenario".into(), &s.id);
    }
    for layer in s.layers.iter().filter(|l| bad(&l.id)) {
        let at = r.map.find_str(&["layers"], "id", &layer.id, 0);
        report(r, at, "layer".into(), &layer.id);
    }
    for node in &s.nodes {
        if bad(&node.id) {
            let at = r.node_at(&node.id);
            report(r, at, "node".into(), &node.id);
        }
        for opt in node.options.iter().filter(|o| bad(&o.id)) {
            let at = r
                .option_at(&node.id, &opt.id)
                .or_else(|| r.node_at(&node.id));
            let what = format!("in node \"{}\", option", node.id.escape_debug());
            report(r, at, what, &opt.id);
        }
    }
}

fn check_duplicates(r: &mut Reporter, s: &Scenario) {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for node in &s.nodes {
        let n = count.entry(node.id.as_str()).or_default();
        if *n > 0 {
            let at = r.map.find_str(&["nodes"], "id", &node.id, *n);
            r.error(
                at,
                "duplicate-id",
                format!("node id \"{}\" is used more than once", node.id),
            );
        }
        *n += 1;
    }
}

/// Checks one node: its id, then what it is (a branch, an ending or a
/// decision) and everything inside it.
fn check_node(
    r: &mut Reporter,
    node: &Node,
    known: &HashSet<&str>,
    ids: &[&str],
    layers: &HashSet<&str>,
) {
    let at = Place::Node(&node.id);
    let id = &node.id;
    if id.trim().is_empty() {
        r.error(at, "empty-id", "a node has an empty id".into());
    }
    if node.is_ending() && !node.options.is_empty() {
        r.error(
            at,
            "ending-has-options",
            format!("ending \"{id}\" also has options; an ending closes the talk"),
        );
    }
    if node.is_branch() {
        check_branch(r, node, at, known, ids, layers);
        return;
    }
    check_lines(r, node, at, known, ids, layers);
    if node.is_ending() {
        return;
    }
    if node.options.is_empty() {
        r.push(
            at,
            Severity::Error,
            "dead-end",
            format!("node \"{id}\" has no options and is not an ending"),
            Some(
                "add options, mark it with `ending: (kind: ..., title: ...)`, or give it `routes`"
                    .into(),
            ),
        );
        return;
    }
    check_options(r, node, at, known, ids, layers);
}

/// A branch has only routes, the last of them unconditional, each going to
/// a node that exists.
fn check_branch(
    r: &mut Reporter,
    node: &Node,
    at: Place,
    known: &HashSet<&str>,
    ids: &[&str],
    layers: &HashSet<&str>,
) {
    let id = &node.id;
    if !node.options.is_empty() || node.is_ending() {
        r.error(at, "branch-mixed", format!("branch \"{id}\" has routes and also options or an ending; a node is one of the three"));
    }
    if !node.lines.is_empty() {
        r.push(
            at,
            Severity::Warning,
            "branch-has-lines",
            format!("branch \"{id}\" has lines, which are never shown"),
            None,
        );
    }
    if node
        .routes
        .last()
        .is_some_and(|route| !route.when.is_empty())
    {
        r.push(
            at,
            Severity::Error,
            "no-fallback-route",
            format!("the last route of branch \"{id}\" has conditions, so there may be no way on"),
            Some("make the last route unconditional: `(goto: \"...\")`".into()),
        );
    }
    for route in &node.routes {
        check_target(r, node, None, &route.goto, known, ids);
        check_conditions(r, node, Place::Found(None), &route.when, known, ids, layers);
    }
}

/// The peer's lines at a decision or ending: there is one for every
/// openness band, each has text and its conditions name what exists.
fn check_lines(
    r: &mut Reporter,
    node: &Node,
    at: Place,
    known: &HashSet<&str>,
    ids: &[&str],
    layers: &HashSet<&str>,
) {
    let id = &node.id;
    if node.lines.is_empty() {
        r.error(
            at,
            "no-lines",
            format!("node \"{id}\" has no lines for the peer to say"),
        );
    } else if !Band::ALL.iter().all(|b| {
        node.lines
            .iter()
            .any(|l| l.when.is_empty() && (l.bands.is_empty() || l.bands.contains(b)))
    }) {
        r.push(at, Severity::Warning, "no-fallback-line", format!("node \"{id}\" has no unconditional line for every openness band; the first line is used as a fallback"), Some("add a line with no `when` and no `bands`".into()));
    }
    for line in &node.lines {
        check_conditions(r, node, Place::Found(None), &line.when, known, ids, layers);
        for (field, names) in [("discloses", &line.discloses), ("presumes", &line.presumes)] {
            check_layer_names(r, node, &["nodes", "lines"], field, names, layers);
        }
        if line.text.trim().is_empty() {
            let place = r.map.node_range(id, 0).and_then(|range| {
                let fields = &["nodes", "lines"];
                r.map
                    .find_in(range, EntryKind::Str, fields, "text", Some(&line.text))
            });
            let message = format!("node \"{id}\" has a line with no text");
            let place = place.or_else(|| r.locate(at));
            r.error(place, "empty-text", message);
        }
    }
}

/// The options of a decision: not too many, unique ids, valid targets and
/// conditions, complete fields, a best one and one that is always offered.
fn check_options(
    r: &mut Reporter,
    node: &Node,
    at: Place,
    known: &HashSet<&str>,
    ids: &[&str],
    layers: &HashSet<&str>,
) {
    let id = &node.id;
    if node.options.len() > MAX_OPTIONS {
        r.error(
            at,
            "too-many-options",
            format!(
                "node \"{id}\" has {} options; at most {MAX_OPTIONS} can be offered (keys 1–4)",
                node.options.len()
            ),
        );
    }
    // A handful of options are compared directly; a set is for nodes with
    // very many.
    let mut seen = HashSet::new();
    let few = node.options.len() <= 16;
    for (k, opt) in node.options.iter().enumerate() {
        let oat = Place::Option {
            node: id,
            option: &opt.id,
        };
        let repeated = if few {
            node.options[..k].iter().any(|o| o.id == opt.id)
        } else {
            !seen.insert(opt.id.as_str())
        };
        if repeated {
            let second = r.map.node_range(id, 0).and_then(|range| {
                let first = r.option_at(id, &opt.id)?;
                r.map.find_in(
                    first + 1..range.end,
                    EntryKind::Str,
                    &["nodes", "options"],
                    "id",
                    Some(&opt.id),
                )
            });
            let second = second.or_else(|| r.locate(oat));
            r.error(
                second,
                "duplicate-id",
                format!("option id \"{}\" is used twice in node \"{id}\"", opt.id),
            );
        }
        if opt.id.trim().is_empty() {
            let message = format!("an option in node \"{id}\" has an empty id");
            let place = r.locate(oat).or_else(|| r.locate(at));
            r.error(place, "empty-id", message);
        }
        check_target(r, node, Some(&opt.id), &opt.goto, known, ids);
        check_conditions(r, node, oat, &opt.when, known, ids, layers);
        let fields = &["nodes", "options"];
        check_layer_names(r, node, fields, "presumes", &opt.presumes, layers);
        check_option_fields(r, id, opt, oat);
    }
    if !node.options.iter().any(|o| o.rating == Rating::Best) {
        r.push(
            at,
            Severity::Error,
            "no-best-option",
            format!("decision \"{id}\" has no option rated best"),
            Some("rate the most helpful option `best`".into()),
        );
    }
    if node.options.iter().all(|o| !o.when.is_empty()) {
        r.push(
            at,
            Severity::Warning,
            "all-options-conditional",
            format!("every option of \"{id}\" has conditions; if none holds the learner is stuck"),
            Some("keep at least one option without `when`".into()),
        );
    }
}

/// The fields of one option of node `id` that the debrief and the screen
/// need: skills, an empathy level, text, `why` and, below best, `better`.
/// `oat` is where the option's id is written.
fn check_option_fields(r: &mut Reporter, id: &str, opt: &Choice, oat: Place) {
    if opt.skills.is_empty() {
        let at = r.option_field_at(id, &opt.id, "skills");
        r.error(
            at,
            "no-skills",
            format!("option \"{}\" has no skill tags", opt.id),
        );
    }
    if let Some(level) = opt.empathy
        && !(1..=5).contains(&level)
    {
        let at = r.option_field_at(id, &opt.id, "empathy");
        r.error(
            at,
            "empathy-range",
            format!(
                "option \"{}\" has empathy {level}; Carkhuff levels run from 1 to 5",
                opt.id
            ),
        );
    }
    if opt.text.trim().is_empty() {
        let at = r.option_field_at(id, &opt.id, "text");
        r.error(
            at,
            "empty-text",
            format!("option \"{}\" has no text", opt.id),
        );
    }
    if opt.why.trim().is_empty() {
        let at = r.option_field_at(id, &opt.id, "why");
        r.push(
            at,
            Severity::Error,
            "missing-why",
            format!("option \"{}\" has no debrief explanation (`why`)", opt.id),
            Some("say in plain words which skill it shows or misses".into()),
        );
    }
    if opt.rating != Rating::Best && opt.better.as_deref().is_none_or(|b| b.trim().is_empty()) {
        r.push(oat, Severity::Error, "missing-better", format!("option \"{}\" is rated {} but does not say what would have worked better (`better`)", opt.id, opt.rating.label()), Some("add `better: \"...\"` with a concrete alternative for this moment".into()));
    }
}

fn check_target(
    r: &mut Reporter,
    node: &Node,
    option: Option<&str>,
    target: &str,
    known: &HashSet<&str>,
    ids: &[&str],
) {
    if known.contains(target) {
        return;
    }
    let range = r.map.node_range(&node.id, 0);
    let at = range.and_then(|range| {
        let from = match option {
            Some(o) => r.option_at(&node.id, o)?,
            None => range.start,
        };
        r.map.entries()[from..range.end]
            .iter()
            .position(|e| e.kind == EntryKind::Str && e.key == "goto" && e.value == target)
            .map(|p| from + p)
    });
    let whose = option.map_or_else(
        || format!("a route of \"{}\"", node.id),
        |o| format!("option \"{o}\""),
    );
    r.error(
        at,
        "unknown-node",
        format!(
            "{whose} goes to \"{target}\", which does not exist{}",
            did_you_mean(nearest(target, ids.iter().copied()))
        ),
    );
}

/// Where a condition variant is written in a node, from entry `from` on.
fn variant_at(r: &Reporter, node: &str, from: Option<usize>, variant: &str) -> Option<usize> {
    let range = r.map.node_range(node, 0)?;
    let start = from.unwrap_or(range.start).max(range.start);
    r.map.entries()[start..range.end]
        .iter()
        .position(|e| e.kind == EntryKind::Variant && e.key == variant)
        .map(|p| start + p)
}

#[allow(clippy::too_many_arguments)]
fn check_conditions(
    r: &mut Reporter,
    node: &Node,
    from: Place,
    conditions: &[Condition],
    known: &HashSet<&str>,
    ids: &[&str],
    layers: &HashSet<&str>,
) {
    for c in conditions {
        let (variant, name, is_layer) = match c {
            Condition::LayerReached(l) => ("layer_reached", l, true),
            Condition::LayerNotReached(l) => ("layer_not_reached", l, true),
            Condition::Disclosed(l) => ("disclosed", l, true),
            Condition::NotDisclosed(l) => ("not_disclosed", l, true),
            Condition::Visited(n) => ("visited", n, false),
            Condition::NotVisited(n) => ("not_visited", n, false),
            Condition::TrustAtLeast(t) | Condition::TrustBelow(t) => {
                let (variant, never, always) = match c {
                    Condition::TrustAtLeast(_) => {
                        ("trust_at_least", *t > TRUST_MAX, *t <= TRUST_MIN)
                    }
                    _ => ("trust_below", *t <= TRUST_MIN, *t > TRUST_MAX),
                };
                if !never && !always {
                    continue;
                }
                let at = variant_at(r, &node.id, r.locate(from), variant)
                    .or_else(|| r.node_at(&node.id));
                if never {
                    let message = format!(
                        "{variant}({t}) in \"{}\" can never hold: trust runs from {TRUST_MIN} to {TRUST_MAX}",
                        node.id
                    );
                    let hint = format!(
                        "use a threshold from {} to {TRUST_MAX}, or remove the condition",
                        TRUST_MIN + 1
                    );
                    r.push(
                        at,
                        Severity::Warning,
                        "impossible-condition",
                        message,
                        Some(hint),
                    );
                } else if always {
                    let message = format!(
                        "{variant}({t}) in \"{}\" always holds: trust runs from {TRUST_MIN} to {TRUST_MAX}",
                        node.id
                    );
                    r.push(
                        at,
                        Severity::Warning,
                        "trust-range",
                        message,
                        Some("remove the condition, or use a threshold inside the range".into()),
                    );
                }
                continue;
            }
        };
        let ok = if is_layer {
            layers.contains(name.as_str())
        } else {
            known.contains(name.as_str())
        };
        if ok {
            continue;
        }
        let at = r.map.node_range(&node.id, 0).and_then(|range| {
            r.map.entries()[range.clone()]
                .iter()
                .position(|e| e.kind == EntryKind::Str && e.key == variant && e.value == name)
                .map(|p| range.start + p)
        });
        if is_layer {
            let suggestion = nearest(name, layers.iter().copied());
            r.error(
                at,
                "unknown-layer",
                format!(
                    "condition {variant} names layer \"{name}\", which does not exist{}",
                    did_you_mean(suggestion)
                ),
            );
        } else {
            r.error(
                at,
                "unknown-node",
                format!(
                    "condition {variant} names node \"{name}\", which does not exist{}",
                    did_you_mean(nearest(name, ids.iter().copied()))
                ),
            );
        }
    }
}

/// Layer ids listed in a line's or an option's `discloses` or `presumes`
/// must name layers of the scenario.
fn check_layer_names(
    r: &mut Reporter,
    node: &Node,
    fields: &[&str],
    field: &str,
    names: &[String],
    layers: &HashSet<&str>,
) {
    // A list's strings sit inside the list's own field.
    let inside: Vec<&str> = fields.iter().copied().chain([field]).collect();
    for name in names.iter().filter(|n| !layers.contains(n.as_str())) {
        let at = r
            .map
            .node_range(&node.id, 0)
            .and_then(|range| {
                r.map
                    .find_in(range, EntryKind::Str, &inside, field, Some(name))
            })
            .or_else(|| r.node_at(&node.id));
        let suggestion = nearest(name, layers.iter().copied());
        r.error(
            at,
            "unknown-layer",
            format!(
                "`{field}` in \"{}\" names layer \"{name}\", which does not exist{}",
                node.id,
                did_you_mean(suggestion)
            ),
        );
    }
}

/// Ids of the nodes a node leads to directly.
fn check_reachability(r: &mut Reporter, s: &Scenario) {
    // By position, as `Scenario::node` finds them: a duplicated id is
    // reached, or not, as one.
    let mut seen = vec![false; s.nodes.len()];
    let mut queue = VecDeque::new();
    for root in [s.start.as_str(), s.on_withdraw.as_str()] {
        if let Some(i) = s.node_index(root)
            && !seen[i]
        {
            seen[i] = true;
            queue.push_back(i);
        }
    }
    while let Some(i) = queue.pop_front() {
        for next in successors(&s.nodes[i]) {
            if let Some(j) = s.node_index(next)
                && !seen[j]
            {
                seen[j] = true;
                queue.push_back(j);
            }
        }
    }
    for node in &s.nodes {
        if !s.node_index(&node.id).is_some_and(|i| seen[i]) {
            let at = r.node_at(&node.id);
            r.push(
                at,
                Severity::Error,
                "unreachable",
                format!("node \"{}\" cannot be reached from the start", node.id),
                Some("point an option's `goto` at it, or delete it".into()),
            );
        }
    }
}

/// Branches that route to each other in a circle would never reach a line.
fn check_route_cycles(r: &mut Reporter, s: &Scenario) {
    let branch_next = |id: &str| -> Vec<&str> {
        s.node(id).map_or_else(Vec::new, |n| {
            n.routes
                .iter()
                .map(|r| r.goto.as_str())
                .filter(|g| s.node(g).is_some_and(Node::is_branch))
                .collect()
        })
    };
    for start in s.nodes.iter().filter(|n| n.is_branch()) {
        let mut seen = HashSet::new();
        let mut queue: VecDeque<&str> = branch_next(&start.id).into();
        let mut cycle = false;
        while let Some(id) = queue.pop_front() {
            if id == start.id {
                cycle = true;
                break;
            }
            if seen.insert(id) {
                queue.extend(branch_next(id));
            }
        }
        if cycle {
            let at = r.node_at(&start.id);
            r.error(
                at,
                "route-cycle",
                format!(
                    "branch \"{}\" can route back to itself without the learner saying anything",
                    start.id
                ),
            );
        }
    }
}

fn check_ending_kinds(r: &mut Reporter, s: &Scenario) {
    for kind in [EndingKind::OpenedUp, EndingKind::Withdrew] {
        if !s
            .nodes
            .iter()
            .any(|n| n.ending.as_ref().is_some_and(|e| e.kind == kind))
        {
            let at = r.map.find_field(&[], "nodes");
            r.error(
                at,
                "missing-ending",
                format!("the scenario has no ending of kind {}", kind.as_str()),
            );
        }
    }
}
