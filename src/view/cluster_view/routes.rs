//! Where a message pill travels: along its link, shifted to its direction's
//! side, over the longest stretch on which the pill touches no node circle,
//! role badge or label block; and where waiting pills park, spread back
//! along that stretch instead of stacking. Pure math, one obstacle list per
//! ring, so a frame costs O(messages × nodes).

use super::geom::{longest_free, Ray, Rect};
use super::labels::{badge_disc, pill_scale};
use super::MESSAGE_SIDE;
use crate::view::layout::{node_position, Point};

/// Most nodes a ring has.
pub const MAX_NODES: usize = 9;
/// Room kept between a pill and what it must not cover.
const PAD: f64 = 2.0;
/// Gap between two waiting pills on one link.
const QUEUE_GAP: f64 = 6.0;
/// Height of a pill (view units, before scaling).
const PILL_HEIGHT: f64 = 24.0;
/// The shortest stretch a full pill travels; with less room it is drawn
/// as a dot.
pub const MIN_RUN: f64 = 24.0;
/// Diameter of a heartbeat dot.
const DOT: f64 = 16.0;

/// What pills keep clear of in one ring: every node's circle and badge (as
/// discs) and label block (as a box).
#[derive(Clone, Debug, PartialEq)]
pub struct Obstacles {
    centres: Vec<Point>,
    discs: Vec<(Point, f64)>,
    boxes: Vec<Rect>,
    pill_scale: f64,
}

impl Obstacles {
    /// The circles and badges of a ring of `n` nodes of radius `r` at `k`
    /// view units per CSS pixel, no label block yet.
    pub fn discs(n: usize, r: f64, k: f64) -> Obstacles {
        let centres: Vec<Point> = (0..n).map(|i| node_position(i, n)).collect();
        let discs = centres
            .iter()
            .flat_map(|&c| [(c, r), badge_disc(c, r, k)])
            .collect();
        Obstacles {
            centres,
            discs,
            boxes: Vec::with_capacity(n),
            pill_scale: pill_scale(k),
        }
    }

    /// Sets the label blocks.
    pub fn set_boxes(&mut self, boxes: impl Iterator<Item = Rect>) {
        self.boxes.clear();
        self.boxes.extend(boxes);
    }

    /// The nodes' centres.
    pub fn centres(&self) -> &[Point] {
        &self.centres
    }

    /// The label blocks, in node order.
    pub fn label_boxes(&self) -> &[Rect] {
        &self.boxes
    }

    /// Half-size of a pill `width` wide (a heartbeat dot when `dot`), as drawn.
    pub fn pill_half(&self, width: f64, dot: bool) -> (f64, f64) {
        let (w, h) = if dot {
            (DOT, DOT)
        } else {
            (width, PILL_HEIGHT)
        };
        (
            w / 2.0 * self.pill_scale + PAD,
            h / 2.0 * self.pill_scale + PAD,
        )
    }

    /// The route of a pill of half-size `half` from node `a` to node `b`
    /// (0-based): its link shifted to the right-hand side of the direction
    /// of travel, cut to the longest stretch on which the pill is clear.
    pub fn route(&self, a: usize, b: usize, half: (f64, f64)) -> Route {
        let (pa, pb) = (self.centres[a], self.centres[b]);
        let (dx, dy) = (pb.x - pa.x, pb.y - pa.y);
        let len = (dx * dx + dy * dy).sqrt();
        if len < 1e-9 {
            return Route { from: pa, to: pa };
        }
        let dir = Point {
            x: dx / len,
            y: dy / len,
        };
        let from = Point {
            x: pa.x - dir.y * MESSAGE_SIDE,
            y: pa.y + dir.x * MESSAGE_SIDE,
        };
        let ray = Ray { from, dir, len };
        let (hw, hh) = half;
        let mut blocked = [(0.0, 0.0); 3 * MAX_NODES];
        let mut used = 0;
        let hits = self
            .discs
            .iter()
            .map(|&(c, r)| ray.box_meets_disc(hw, hh, c, r))
            .chain(self.boxes.iter().map(|b| ray.through_box(&b.grown(hw, hh))));
        for hit in hits.flatten() {
            if used < blocked.len() {
                blocked[used] = hit;
                used += 1;
            }
        }
        let (lo, hi) = longest_free(len, &mut blocked[..used]);
        if hi <= lo {
            // Nowhere clear: the middle of the link.
            let mid = ray.at(len / 2.0);
            return Route { from: mid, to: mid };
        }
        Route {
            from: ray.at(lo),
            to: ray.at(hi),
        }
    }

    /// The route of a message glyph `width` wide (a heartbeat dot when
    /// `dot`) from node `a` to node `b`, its half-size, and whether it is
    /// drawn compact: a pill whose link has less than [`MIN_RUN`] clear for
    /// it is drawn as a dot (its label hidden, its name kept).
    pub fn fit(&self, a: usize, b: usize, width: f64, dot: bool) -> (Route, (f64, f64), bool) {
        let half = self.pill_half(width, dot);
        let route = self.route(a, b, half);
        if dot || route.len() >= MIN_RUN {
            return (route, half, false);
        }
        let half = self.pill_half(DOT, true);
        (self.route(a, b, half), half, true)
    }
}

/// The stretch a pill travels, from where it appears to where it arrives.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Route {
    /// Where it is at fraction 0.
    pub from: Point,
    /// Where it is at fraction 1 (where the first waiting pill parks).
    pub to: Point,
}

impl Route {
    /// Its length.
    pub fn len(&self) -> f64 {
        ((self.to.x - self.from.x).powi(2) + (self.to.y - self.from.y).powi(2)).sqrt()
    }

    /// Where a pill is at flight fraction `f` (clamped).
    pub fn at(&self, f: f64) -> Point {
        let f = f.clamp(0.0, 1.0);
        Point {
            x: self.from.x + (self.to.x - self.from.x) * f,
            y: self.from.y + (self.to.y - self.from.y) * f,
        }
    }

    /// How much of the route a pill of half-size `half` takes up, plus the
    /// gap kept before the next one in a queue.
    pub fn room(&self, half: (f64, f64)) -> f64 {
        let len = self.len();
        if len < 1e-9 {
            return 0.0;
        }
        let (ux, uy) = (
            (self.to.x - self.from.x).abs() / len,
            (self.to.y - self.from.y).abs() / len,
        );
        // Two boxes on the line stop touching once their centres are this far apart.
        let across = |half: f64, u: f64| {
            if u < 1e-9 {
                f64::INFINITY
            } else {
                2.0 * half / u
            }
        };
        across(half.0, ux).min(across(half.1, uy)) + QUEUE_GAP
    }
}

/// Where waiting pills park on one route: the first at its end, each next
/// one a pill's room further back; when the queue is longer than the
/// route, the spacing shrinks so they all still spread over it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Queue {
    back: f64,
    squeeze: f64,
}

impl Queue {
    /// A queue whose pills need `total` room (the sum of their
    /// [`Route::room`]s) on `route`.
    pub fn new(route: &Route, total: f64) -> Queue {
        let len = route.len();
        let squeeze = if total > len && total > 0.0 {
            len / total
        } else {
            1.0
        };
        Queue { back: 0.0, squeeze }
    }

    /// The flight fraction of the next pill, which takes `room`.
    pub fn park(&mut self, route: &Route, room: f64) -> f64 {
        let len = route.len();
        let f = if len < 1e-9 {
            1.0
        } else {
            1.0 - self.back / len
        };
        self.back += room * self.squeeze;
        f.clamp(0.0, 1.0)
    }
}
