//! One severity scale for the whole library: the trust change each rating
//! may be written with, and the most it may cost once the peer model's
//! multipliers are applied, so a `poor` option never costs more than a
//! `harmful` one. The engine caps losses by this scale and the content
//! lints check authored values against it (docs/authoring.md, 5.5).

use std::ops::RangeInclusive;

use super::Rating;

/// The authored `trust(...)` total an option of this rating may have.
pub fn authored(rating: Rating) -> RangeInclusive<i32> {
    match rating {
        Rating::Best => 6..=10,
        Rating::Good => 3..=7,
        Rating::Mixed => -3..=2,
        Rating::Poor => -8..=-3,
        Rating::Harmful => -16..=-10,
    }
}

/// The most trust an option of this rating can cost after the persona and
/// repeat multipliers; the engine never takes more. Gains are never
/// multiplied, so sound ratings have no cap. The caps keep the ratings in
/// order: the worst `poor` (9) still costs less than the mildest `harmful`
/// (10).
pub fn max_loss(rating: Rating) -> Option<i32> {
    match rating {
        Rating::Best | Rating::Good => None,
        Rating::Mixed => Some(5),
        Rating::Poor => Some(9),
        Rating::Harmful => Some(24),
    }
}

/// The change an option of this rating may make after the multipliers
/// (before repair and headroom): its authored range, stretched down to
/// its cap.
pub fn effective(rating: Rating) -> RangeInclusive<i32> {
    let authored = authored(rating);
    let low = max_loss(rating).map_or(*authored.start(), |cap| -cap);
    low..=*authored.end()
}
