//! Polygon helpers for the portrait: smooth curves as point lists, clipping
//! against a convex outline, and triangulating shapes egui cannot fill directly
//! (egui fills only convex paths).

use eframe::egui::{Pos2, pos2};

/// Points on an ellipse, clockwise on screen, starting at the right.
pub fn ellipse(center: Pos2, rx: f32, ry: f32, segments: usize) -> Vec<Pos2> {
    let n = segments.max(6);
    (0..n)
        .map(|i| {
            let a = i as f32 / n as f32 * std::f32::consts::TAU;
            pos2(center.x + rx * a.cos(), center.y + ry * a.sin())
        })
        .collect()
}

/// A Catmull-Rom spline through `points`, with `steps` samples per segment.
/// Open curves keep their end points; closed ones wrap around.
pub fn spline(points: &[Pos2], steps: usize, closed: bool) -> Vec<Pos2> {
    let n = points.len();
    if n < 3 {
        return points.to_vec();
    }
    let steps = steps.max(1);
    let at = |i: isize| -> Pos2 {
        if closed {
            points[i.rem_euclid(n as isize) as usize]
        } else {
            points[i.clamp(0, n as isize - 1) as usize]
        }
    };
    let segments = if closed { n } else { n - 1 };
    let mut out = Vec::with_capacity(segments * steps + 1);
    for s in 0..segments as isize {
        let (p0, p1, p2, p3) = (at(s - 1), at(s), at(s + 1), at(s + 2));
        for k in 0..steps {
            let t = k as f32 / steps as f32;
            let t2 = t * t;
            let t3 = t2 * t;
            let w0 = -0.5 * t3 + t2 - 0.5 * t;
            let w1 = 1.5 * t3 - 2.5 * t2 + 1.0;
            let w2 = -1.5 * t3 + 2.0 * t2 + 0.5 * t;
            let w3 = 0.5 * t3 - 0.5 * t2;
            out.push(pos2(
                w0 * p0.x + w1 * p1.x + w2 * p2.x + w3 * p3.x,
                w0 * p0.y + w1 * p1.y + w2 * p2.y + w3 * p3.y,
            ));
        }
    }
    if !closed {
        out.push(points[n - 1]);
    }
    out
}

/// A quadratic Bézier curve from `a` to `b` bending towards `control`.
pub fn quad(a: Pos2, control: Pos2, b: Pos2, steps: usize) -> Vec<Pos2> {
    let steps = steps.max(1);
    (0..=steps)
        .map(|k| {
            let t = k as f32 / steps as f32;
            let u = 1.0 - t;
            pos2(
                u * u * a.x + 2.0 * u * t * control.x + t * t * b.x,
                u * u * a.y + 2.0 * u * t * control.y + t * t * b.y,
            )
        })
        .collect()
}

/// Twice the signed area; positive when the points run clockwise on screen (y down).
pub fn signed_area2(points: &[Pos2]) -> f32 {
    let n = points.len();
    (0..n)
        .map(|i| {
            let (a, b) = (points[i], points[(i + 1) % n]);
            a.x * b.y - b.x * a.y
        })
        .sum()
}

fn cross(o: Pos2, a: Pos2, b: Pos2) -> f32 {
    (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)
}

/// Whether the polygon is convex (collinear runs allowed).
pub fn is_convex(points: &[Pos2]) -> bool {
    let n = points.len();
    if n < 4 {
        return true;
    }
    let mut sign = 0.0_f32;
    for i in 0..n {
        let c = cross(points[i], points[(i + 1) % n], points[(i + 2) % n]);
        if c.abs() < 1e-6 {
            continue;
        }
        if sign == 0.0 {
            sign = c.signum();
        } else if c.signum() != sign {
            return false;
        }
    }
    true
}

/// Clips any simple polygon to a convex one (Sutherland–Hodgman).
pub fn clip_to_convex(subject: &[Pos2], clip: &[Pos2]) -> Vec<Pos2> {
    if clip.len() < 3 {
        return subject.to_vec();
    }
    let orientation = signed_area2(clip).signum();
    let mut output = subject.to_vec();
    for i in 0..clip.len() {
        if output.is_empty() {
            break;
        }
        let (a, b) = (clip[i], clip[(i + 1) % clip.len()]);
        let inside = |p: Pos2| cross(a, b, p) * orientation >= 0.0;
        let input = std::mem::take(&mut output);
        let mut prev = input[input.len() - 1];
        for &cur in &input {
            let (cur_in, prev_in) = (inside(cur), inside(prev));
            if cur_in != prev_in {
                output.push(intersect(prev, cur, a, b));
            }
            if cur_in {
                output.push(cur);
            }
            prev = cur;
        }
    }
    output
}

fn intersect(p: Pos2, q: Pos2, a: Pos2, b: Pos2) -> Pos2 {
    let (r, s) = (q - p, b - a);
    let denom = r.x * s.y - r.y * s.x;
    if denom.abs() < 1e-9 {
        return q;
    }
    let t = ((a.x - p.x) * s.y - (a.y - p.y) * s.x) / denom;
    p + r * t
}

/// Triangles covering a simple polygon, by ear clipping. Repeated and
/// collinear points are tolerated; self-intersecting input still yields
/// triangles (never a panic), just not exact coverage.
pub fn triangulate(points: &[Pos2]) -> Vec<[u32; 3]> {
    const EPS: f32 = 1e-6;
    let same = |a: Pos2, b: Pos2| (a - b).length_sq() <= EPS;
    let mut idx: Vec<usize> = Vec::with_capacity(points.len());
    for (i, &p) in points.iter().enumerate() {
        if idx.last().is_none_or(|&j| !same(points[j], p)) {
            idx.push(i);
        }
    }
    while idx.len() > 1 && same(points[idx[0]], points[idx[idx.len() - 1]]) {
        idx.pop();
    }
    if idx.len() < 3 {
        return Vec::new();
    }
    let ordered: Vec<Pos2> = idx.iter().map(|&i| points[i]).collect();
    if signed_area2(&ordered) < 0.0 {
        idx.reverse();
    }
    // A ring of the remaining corners, as positions in `idx`.
    let n = idx.len();
    let mut prev: Vec<usize> = (0..n).map(|i| (i + n - 1) % n).collect();
    let mut next: Vec<usize> = (0..n).map(|i| (i + 1) % n).collect();
    let at = |k: usize| points[idx[k]];
    let turn = |prev: &[usize], next: &[usize], k: usize| cross(at(prev[k]), at(k), at(next[k]));
    let mut triangles = Vec::with_capacity(n - 2);
    let mut remaining = n;
    let mut k = 0;
    let mut stalled = 0;
    while remaining > 3 {
        let (a, c) = (prev[k], next[k]);
        let t = turn(&prev, &next, k);
        let clip = if t.abs() <= EPS {
            // Collinear: drop the corner without a triangle.
            Some(false)
        } else if t > 0.0 {
            let (pa, pb, pc) = (at(a), at(k), at(c));
            // Only reflex corners can lie inside a candidate ear.
            let mut j = next[c];
            let mut blocked = false;
            while j != a {
                let p = at(j);
                if turn(&prev, &next, j) < 0.0
                    && !(same(p, pa) || same(p, pb) || same(p, pc))
                    && cross(pa, pb, p) >= 0.0
                    && cross(pb, pc, p) >= 0.0
                    && cross(pc, pa, p) >= 0.0
                {
                    blocked = true;
                    break;
                }
                j = next[j];
            }
            (!blocked).then_some(true)
        } else {
            None
        };
        let clip = match clip {
            Some(emit) => Some(emit),
            None if stalled > remaining => {
                // Numerically awkward input: clip the most convex corner anyway.
                let mut best: Option<(usize, f32)> = None;
                let mut j = k;
                for _ in 0..remaining {
                    let t = turn(&prev, &next, j);
                    if t > 0.0 && best.is_none_or(|(_, b)| t > b) {
                        best = Some((j, t));
                    }
                    j = next[j];
                }
                match best {
                    Some((j, _)) => {
                        k = j;
                        Some(true)
                    }
                    None => break,
                }
            }
            None => None,
        };
        match clip {
            Some(emit) => {
                let (a, c) = (prev[k], next[k]);
                if emit {
                    triangles.push([idx[a] as u32, idx[k] as u32, idx[c] as u32]);
                }
                next[a] = c;
                prev[c] = a;
                remaining -= 1;
                stalled = 0;
                k = a;
            }
            None => {
                stalled += 1;
                k = c;
            }
        }
    }
    if remaining == 3 {
        triangles.push([idx[prev[k]] as u32, idx[k] as u32, idx[next[k]] as u32]);
    }
    triangles
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area_of(points: &[Pos2], tris: &[[u32; 3]]) -> f32 {
        tris.iter()
            .map(|t| {
                let p = |i: u32| points[i as usize];
                (cross(p(t[0]), p(t[1]), p(t[2])) / 2.0).abs()
            })
            .sum()
    }

    #[test]
    fn triangulates_a_concave_shape_exactly() {
        // An L shape: area 3.
        let l = [
            pos2(0.0, 0.0),
            pos2(2.0, 0.0),
            pos2(2.0, 1.0),
            pos2(1.0, 1.0),
            pos2(1.0, 2.0),
            pos2(0.0, 2.0),
        ];
        let tris = triangulate(&l);
        assert_eq!(tris.len(), 4);
        // Repeated points are ignored.
        let mut doubled = l.to_vec();
        doubled.insert(3, l[3]);
        doubled.push(l[0]);
        assert!((area_of(&doubled, &triangulate(&doubled)) - 3.0).abs() < 1e-4);
        assert!((area_of(&l, &tris) - 3.0).abs() < 1e-4);
        let mut reversed = l;
        reversed.reverse();
        assert!((area_of(&reversed, &triangulate(&reversed)) - 3.0).abs() < 1e-4);
        assert!(!is_convex(&l));
    }

    #[test]
    fn tangled_input_never_panics() {
        // Deterministic pseudo-random polygons, many self-intersecting.
        let mut seed = 0x2545_f491_u32;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            (seed % 1000) as f32 / 100.0
        };
        for n in 3..40 {
            let polygon: Vec<Pos2> = (0..n).map(|_| pos2(next(), next())).collect();
            for t in triangulate(&polygon) {
                assert!(t.iter().all(|&i| (i as usize) < n));
            }
            let clipped =
                clip_to_convex(&polygon, &[pos2(2.0, 2.0), pos2(8.0, 2.0), pos2(5.0, 8.0)]);
            assert!(clipped.iter().all(|p| p.x.is_finite() && p.y.is_finite()));
        }
    }

    #[test]
    fn clipping_a_square_to_a_triangle() {
        let square = [
            pos2(0.0, 0.0),
            pos2(2.0, 0.0),
            pos2(2.0, 2.0),
            pos2(0.0, 2.0),
        ];
        let triangle = [pos2(0.0, 0.0), pos2(2.0, 0.0), pos2(0.0, 2.0)];
        let clipped = clip_to_convex(&square, &triangle);
        assert!((signed_area2(&clipped).abs() / 2.0 - 2.0).abs() < 1e-4);
        assert!(is_convex(&clipped));
    }
}
