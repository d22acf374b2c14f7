//! Small plane geometry for the ring: axis-aligned boxes, and the stretch
//! of a straight path along which a box of a given size touches an
//! obstacle (a box, or a node's circle). Pure math, in view units.

use crate::view::layout::Point;

/// An axis-aligned box in view units (`x0 ≤ x1`, `y0 ≤ y1`; y down).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left.
    pub x0: f64,
    /// Top.
    pub y0: f64,
    /// Right.
    pub x1: f64,
    /// Bottom.
    pub y1: f64,
}

impl Rect {
    /// The box of half-size `(hw, hh)` centred on `c`.
    pub fn around(c: Point, hw: f64, hh: f64) -> Rect {
        Rect {
            x0: c.x - hw,
            y0: c.y - hh,
            x1: c.x + hw,
            y1: c.y + hh,
        }
    }

    /// Grown by `dx` left and right and `dy` up and down.
    pub fn grown(self, dx: f64, dy: f64) -> Rect {
        Rect {
            x0: self.x0 - dx,
            y0: self.y0 - dy,
            x1: self.x1 + dx,
            y1: self.y1 + dy,
        }
    }

    /// Whether the two boxes share more than an edge.
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    /// Whether the box lies inside `[lo, hi]²`.
    pub fn inside(&self, lo: f64, hi: f64) -> bool {
        self.x0 >= lo && self.y0 >= lo && self.x1 <= hi && self.y1 <= hi
    }

    /// Whether the box overlaps the disc of radius `r` around `c`.
    pub fn meets_disc(&self, c: Point, r: f64) -> bool {
        let dx = (self.x0 - c.x).max(c.x - self.x1).max(0.0);
        let dy = (self.y0 - c.y).max(c.y - self.y1).max(0.0);
        dx * dx + dy * dy < r * r
    }
}

/// A straight path: `at(t) = from + dir · t` for `t` in `[0, len]`
/// (`dir` a unit vector).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ray {
    /// Start.
    pub from: Point,
    /// Unit direction.
    pub dir: Point,
    /// Length.
    pub len: f64,
}

impl Ray {
    /// The point at distance `t` along.
    pub fn at(&self, t: f64) -> Point {
        Point {
            x: self.from.x + self.dir.x * t,
            y: self.from.y + self.dir.y * t,
        }
    }

    /// The `t` (clamped to the path) at which the point is inside `b`, as
    /// an interval, or `None` (slab method).
    pub fn through_box(&self, b: &Rect) -> Option<(f64, f64)> {
        let (mut lo, mut hi) = (0.0f64, self.len);
        for (o, d, a, z) in [
            (self.from.x, self.dir.x, b.x0, b.x1),
            (self.from.y, self.dir.y, b.y0, b.y1),
        ] {
            if d.abs() < 1e-12 {
                if o <= a || o >= z {
                    return None;
                }
            } else {
                let (t0, t1) = ((a - o) / d, (z - o) / d);
                lo = lo.max(t0.min(t1));
                hi = hi.min(t0.max(t1));
            }
        }
        (lo < hi).then_some((lo, hi))
    }

    /// The `t` at which the point is within `r` of `c` (clamped), or `None`.
    pub fn through_disc(&self, c: Point, r: f64) -> Option<(f64, f64)> {
        let (ox, oy) = (self.from.x - c.x, self.from.y - c.y);
        let b = ox * self.dir.x + oy * self.dir.y;
        let q = ox * ox + oy * oy - r * r;
        let disc = b * b - q;
        if disc <= 0.0 {
            return None;
        }
        let s = disc.sqrt();
        let (lo, hi) = ((-b - s).max(0.0), (-b + s).min(self.len));
        (lo < hi).then_some((lo, hi))
    }

    /// The `t` at which a box of half-size `(hw, hh)` centred on the point
    /// overlaps the disc of radius `r` around `c`: the point is inside the
    /// rounded box (Minkowski sum), the union of two boxes and four discs.
    pub fn box_meets_disc(&self, hw: f64, hh: f64, c: Point, r: f64) -> Option<(f64, f64)> {
        let parts = [
            self.through_box(&Rect::around(c, hw + r, hh)),
            self.through_box(&Rect::around(c, hw, hh + r)),
            self.through_disc(
                Point {
                    x: c.x - hw,
                    y: c.y - hh,
                },
                r,
            ),
            self.through_disc(
                Point {
                    x: c.x + hw,
                    y: c.y - hh,
                },
                r,
            ),
            self.through_disc(
                Point {
                    x: c.x - hw,
                    y: c.y + hh,
                },
                r,
            ),
            self.through_disc(
                Point {
                    x: c.x + hw,
                    y: c.y + hh,
                },
                r,
            ),
        ];
        // The rounded box is convex: the parts' union is one interval.
        parts
            .into_iter()
            .flatten()
            .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)))
    }
}

/// The longest stretch of `[0, len]` that none of the `blocked` intervals
/// touches, as `(start, end)`; `(0, 0)` when everything is blocked. Sorts
/// `blocked` in place (no allocation).
pub fn longest_free(len: f64, blocked: &mut [(f64, f64)]) -> (f64, f64) {
    crate::sort::sort_by(blocked, |a, b| a.0.total_cmp(&b.0));
    let mut best = (0.0, 0.0);
    let mut reach = 0.0f64;
    for &(lo, hi) in blocked.iter() {
        if lo > reach && lo - reach > best.1 - best.0 {
            best = (reach, lo);
        }
        reach = reach.max(hi);
    }
    if len > reach && len - reach > best.1 - best.0 {
        best = (reach, len);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ray() -> Ray {
        Ray {
            from: Point { x: 0.0, y: 0.0 },
            dir: Point { x: 1.0, y: 0.0 },
            len: 100.0,
        }
    }

    #[test]
    fn slabs_and_discs_cut_the_path() {
        let b = Rect {
            x0: 20.0,
            y0: -5.0,
            x1: 30.0,
            y1: 5.0,
        };
        assert_eq!(ray().through_box(&b), Some((20.0, 30.0)));
        assert_eq!(ray().through_box(&b.grown(0.0, -10.0)), None);
        let (lo, hi) = ray().through_disc(Point { x: 50.0, y: 0.0 }, 10.0).unwrap();
        assert!((lo - 40.0).abs() < 1e-9 && (hi - 60.0).abs() < 1e-9);
        assert_eq!(ray().through_disc(Point { x: 50.0, y: 20.0 }, 10.0), None);
        // A box of half-width 5 meets a disc of radius 10 at 50 from 35 to 65.
        let (lo, hi) = ray()
            .box_meets_disc(5.0, 5.0, Point { x: 50.0, y: 0.0 }, 10.0)
            .unwrap();
        assert!((lo - 35.0).abs() < 1e-9 && (hi - 65.0).abs() < 1e-9);
        // Passing the disc diagonally off-centre: only the rounded corner.
        let hit = ray().box_meets_disc(5.0, 5.0, Point { x: 50.0, y: 13.0 }, 10.0);
        let (lo, hi) = hit.unwrap();
        assert!(lo > 35.0 && hi < 65.0, "{lo}..{hi}");
        assert_eq!(
            ray().box_meets_disc(5.0, 5.0, Point { x: 50.0, y: 16.0 }, 10.0),
            None
        );
    }

    #[test]
    fn the_longest_free_stretch_is_found() {
        assert_eq!(longest_free(100.0, &mut []), (0.0, 100.0));
        assert_eq!(
            longest_free(100.0, &mut [(60.0, 70.0), (0.0, 20.0)]),
            (20.0, 60.0)
        );
        assert_eq!(longest_free(100.0, &mut [(0.0, 100.0)]), (0.0, 0.0));
        assert_eq!(
            longest_free(100.0, &mut [(10.0, 30.0), (20.0, 40.0)]),
            (40.0, 100.0)
        );
    }

    #[test]
    fn boxes_overlap_and_meet_discs() {
        let a = Rect::around(Point { x: 0.0, y: 0.0 }, 10.0, 5.0);
        assert!(a.overlaps(&Rect::around(Point { x: 15.0, y: 0.0 }, 6.0, 1.0)));
        assert!(!a.overlaps(&Rect::around(Point { x: 17.0, y: 0.0 }, 6.0, 1.0)));
        assert!(a.meets_disc(Point { x: 14.0, y: 0.0 }, 5.0));
        assert!(!a.meets_disc(Point { x: 14.0, y: 9.0 }, 5.0));
        assert!(a.inside(-10.0, 10.0) && !a.inside(-5.0, 10.0));
    }
}
