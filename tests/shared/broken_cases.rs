//! Where each broken fixture in tests/fixtures/broken is wrong, for the
//! tests of the validator and of `attune check`. Shared by the `core` and
//! `cli` test binaries, which include this file by path.

/// (fixture, code, line, col): where each broken file's problem is written.
pub const CASES: &[(&str, &str, usize, usize)] = &[
    ("syntax", "syntax", 15, 5),
    ("unknown-field", "unknown-field", 15, 5),
    ("missing-field", "missing-field", 26, 1),
    ("wrong-type", "wrong-type", 8, 19),
    ("unknown-variant", "unknown-variant", 21, 109),
    ("unknown-node", "unknown-node", 20, 134),
    ("unknown-start", "unknown-node", 14, 12),
    ("duplicate-id", "duplicate-id", 25, 14),
    ("duplicate-option", "duplicate-id", 21, 22),
    ("bad-withdraw-target", "bad-withdraw-target", 10, 18),
    ("unknown-layer", "unknown-layer", 18, 86),
    ("unreachable", "unreachable", 24, 14),
    ("dead-end", "dead-end", 24, 14),
    ("missing-why", "missing-why", 20, 148),
    ("missing-better", "missing-better", 21, 22),
    ("no-best-option", "no-best-option", 17, 17),
    ("missing-ending", "missing-ending", 15, 5),
    ("too-many-options", "too-many-options", 17, 17),
    ("empathy-range", "empathy-range", 21, 89),
    ("trust-range", "trust-range", 12, 14),
    ("floor-above-start", "floor-above-start", 9, 5),
    ("ending-has-options", "ending-has-options", 25, 14),
    ("no-lines", "no-lines", 24, 14),
    ("no-skills", "no-skills", 20, 52),
    ("empty-text", "empty-text", 20, 33),
    ("no-fallback-route", "no-fallback-route", 24, 14),
    ("route-cycle", "route-cycle", 24, 14),
    ("branch-mixed", "branch-mixed", 24, 14),
    ("empty", "empty", 1, 1),
    ("not-utf8", "not-utf8", 6, 26),
    ("binary", "not-utf8", 2, 118),
    ("empty-id", "empty-id", 21, 22),
    ("empty-line", "empty-text", 18, 28),
    ("bad-asset-name", "bad-asset-name", 7, 64),
    ("endless-loop", "endless-loop", 27, 17),
    ("endless-loop-conditional", "endless-loop", 35, 17),
    ("soft-lock", "soft-lock", 27, 17),
];

/// (fixture, code, line, col): files that load, but with this warning.
pub const WARNING_CASES: &[(&str, &str, usize, usize)] = &[
    ("impossible-condition", "impossible-condition", 24, 156),
    ("never-offered", "impossible-condition", 24, 149),
    ("layer-never-reached", "layer-never-reached", 13, 14),
    ("long-option", "long-option", 22, 33),
    ("missing-content-note", "missing-content-note", 20, 28),
    ("unused-notes", "unused-notes", 28, 13),
    ("sign-mismatch", "sign-mismatch", 23, 22),
];
