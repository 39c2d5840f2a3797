//! How the face and posture change with openness.
//!
//! Each feature has one value per band (withdrawn, guarded, cautious, open,
//! opening up). Between bands the values follow a monotone cubic curve, so an
//! animated openness moves every feature smoothly and never overshoots.

/// The five band names, indexed by band.
pub const BAND_LABELS: [&str; 5] = ["withdrawn", "guarded", "cautious", "open", "opening up"];

/// The highest openness value (opening up).
pub const MAX_OPENNESS: f32 = 4.0;

/// Clamps openness to 0–4; anything not a number reads as the neutral middle band.
pub fn sanitize(openness: f32) -> f32 {
    if openness.is_finite() {
        openness.clamp(0.0, MAX_OPENNESS)
    } else {
        2.0
    }
}

/// The band name for an openness value: the band whose range `[i, i + 1)` holds it.
pub fn band_label(openness: f32) -> &'static str {
    // sanitize keeps the value in 0..=4, so the cast is in range.
    let index = sanitize(openness).floor() as usize;
    BAND_LABELS[index.min(BAND_LABELS.len() - 1)]
}

/// One pose of the face and body, in the painter's units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Expression {
    /// Head turn towards the `looks_away` side, radians.
    pub yaw: f32,
    /// Head bowed forward, radians.
    pub pitch: f32,
    /// Head tilt, radians (positive leans away from the `looks_away` side).
    pub roll: f32,
    /// How far the head sinks towards the shoulders.
    pub drop: f32,
    /// Gaze to the `looks_away` side, 0–1 of the eye's range.
    pub gaze_side: f32,
    /// Gaze downwards, 0–1 (negative looks up a little).
    pub gaze_down: f32,
    /// How open the upper lids are, 0–1.
    pub lid: f32,
    /// Lower lid raised (tension or a smile), 0–1.
    pub lower_lid: f32,
    /// Brows raised (positive) or lowered.
    pub brow_raise: f32,
    /// Inner brow ends raised (worried, positive) or pulled down (frown, negative).
    pub brow_inner: f32,
    /// Inner brow ends drawn together.
    pub brow_knit: f32,
    /// Mouth corners, -1 (turned down) to 1 (a broad smile).
    pub smile: f32,
    /// Mouth width multiplier.
    pub mouth_width: f32,
    /// Lips parted, 0–1 (shows teeth when smiling).
    pub mouth_open: f32,
    /// Lips pressed thin, 0–1.
    pub lip_press: f32,
    /// Shoulders raised and drawn in, 0–1.
    pub hunch: f32,
    /// Arms crossed over the chest, 0 (out of view) to 1.
    pub arms: f32,
    /// Warmth in the cheeks, 0–1.
    pub warmth: f32,
    /// Head size multiplier: leaning in makes it a little bigger.
    pub lean: f32,
    /// Size of the catchlight in the eyes: brighter eyes when engaged.
    pub sparkle: f32,
}

/// One value per band, withdrawn first.
type Keys = [f32; 5];

const YAW: Keys = [0.34, 0.15, 0.03, 0.0, 0.0];
const PITCH: Keys = [0.2, 0.07, 0.0, -0.02, -0.01];
const ROLL: Keys = [-0.03, 0.0, 0.0, 0.015, 0.07];
const DROP: Keys = [0.06, 0.025, 0.0, 0.0, -0.005];
const GAZE_SIDE: Keys = [0.9, 0.45, 0.05, 0.0, 0.0];
const GAZE_DOWN: Keys = [0.75, 0.25, 0.0, -0.05, -0.05];
const LID: Keys = [0.55, 0.74, 0.9, 0.93, 0.86];
const LOWER_LID: Keys = [0.0, 0.3, 0.05, 0.25, 0.5];
const BROW_RAISE: Keys = [-0.004, -0.014, 0.0, 0.01, 0.014];
const BROW_INNER: Keys = [0.026, -0.015, 0.0, 0.01, 0.004];
const BROW_KNIT: Keys = [0.004, 0.008, 0.0, 0.0, 0.0];
const SMILE: Keys = [-0.4, -0.12, 0.04, 0.45, 0.9];
const MOUTH_WIDTH: Keys = [0.88, 0.8, 0.93, 1.02, 1.12];
const MOUTH_OPEN: Keys = [0.0, 0.0, 0.0, 0.0, 0.6];
const LIP_PRESS: Keys = [0.35, 0.8, 0.1, 0.0, 0.0];
const HUNCH: Keys = [1.0, 0.4, 0.0, 0.0, 0.0];
const ARMS: Keys = [1.0, 0.0, 0.0, 0.0, 0.0];
const WARMTH: Keys = [0.0, 0.0, 0.0, 0.35, 0.75];
const LEAN: Keys = [0.97, 0.99, 1.0, 1.01, 1.035];
const SPARKLE: Keys = [0.6, 0.8, 1.0, 1.15, 1.3];

impl Expression {
    /// The pose for an openness from 0 (withdrawn) to 4 (opening up).
    pub fn at(openness: f32) -> Expression {
        let t = sanitize(openness);
        let k = |keys: &Keys| monotone_cubic(keys, t);
        Expression {
            yaw: k(&YAW),
            pitch: k(&PITCH),
            roll: k(&ROLL),
            drop: k(&DROP),
            gaze_side: k(&GAZE_SIDE),
            gaze_down: k(&GAZE_DOWN),
            lid: k(&LID),
            lower_lid: k(&LOWER_LID),
            brow_raise: k(&BROW_RAISE),
            brow_inner: k(&BROW_INNER),
            brow_knit: k(&BROW_KNIT),
            smile: k(&SMILE),
            mouth_width: k(&MOUTH_WIDTH),
            mouth_open: k(&MOUTH_OPEN),
            lip_press: k(&LIP_PRESS),
            hunch: k(&HUNCH),
            arms: k(&ARMS),
            warmth: k(&WARMTH),
            lean: k(&LEAN),
            sparkle: k(&SPARKLE),
        }
    }
}

/// Monotone cubic Hermite interpolation through `keys` at x = 0, 1, 2, 3, 4
/// (Fritsch–Carlson tangents), so values move smoothly without overshoot.
fn monotone_cubic(keys: &Keys, t: f32) -> f32 {
    let last = keys.len() - 1;
    let i = (t.floor() as usize).min(last - 1);
    let u = t - i as f32;
    let secant = |j: usize| keys[j + 1] - keys[j];
    let tangent = |j: usize| -> f32 {
        if j == 0 || j == last {
            return 0.0;
        }
        let (a, b) = (secant(j - 1), secant(j));
        if a * b <= 0.0 {
            0.0
        } else {
            // Harmonic mean keeps the curve inside each interval's range.
            2.0 * a * b / (a + b)
        }
    };
    let (y0, y1) = (keys[i], keys[i + 1]);
    let (m0, m1) = (tangent(i), tangent(i + 1));
    let u2 = u * u;
    let u3 = u2 * u;
    (2.0 * u3 - 3.0 * u2 + 1.0) * y0
        + (u3 - 2.0 * u2 + u) * m0
        + (-2.0 * u3 + 3.0 * u2) * y1
        + (u3 - u2) * m1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_hit_exactly() {
        for (i, expected) in SMILE.iter().enumerate() {
            let got = monotone_cubic(&SMILE, i as f32);
            assert!(
                (got - expected).abs() < 1e-6,
                "band {i}: {got} != {expected}"
            );
        }
    }

    #[test]
    fn interpolation_stays_within_neighbouring_keys() {
        for keys in [YAW, ARMS, SMILE, LOWER_LID, BROW_INNER] {
            for step in 0..=400 {
                let t = step as f32 / 100.0;
                let i = (t.floor() as usize).min(3);
                let (lo, hi) = (keys[i].min(keys[i + 1]), keys[i].max(keys[i + 1]));
                let v = monotone_cubic(&keys, t);
                assert!(
                    v >= lo - 1e-5 && v <= hi + 1e-5,
                    "{v} outside {lo}..{hi} at {t}"
                );
            }
        }
    }

    #[test]
    fn changes_are_continuous() {
        let mut previous = Expression::at(0.0);
        for step in 1..=4000 {
            let e = Expression::at(step as f32 / 1000.0);
            assert!((e.smile - previous.smile).abs() < 0.01);
            assert!((e.yaw - previous.yaw).abs() < 0.01);
            assert!((e.arms - previous.arms).abs() < 0.01);
            previous = e;
        }
    }

    #[test]
    fn band_labels_follow_the_floor_and_survive_odd_input() {
        assert_eq!(band_label(0.0), "withdrawn");
        assert_eq!(band_label(0.99), "withdrawn");
        assert_eq!(band_label(1.0), "guarded");
        assert_eq!(band_label(2.5), "cautious");
        assert_eq!(band_label(3.0), "open");
        assert_eq!(band_label(4.0), "opening up");
        assert_eq!(band_label(9.0), "opening up");
        assert_eq!(band_label(-3.0), "withdrawn");
        assert_eq!(band_label(f32::NAN), "cautious");
    }
}
