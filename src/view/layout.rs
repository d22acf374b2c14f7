//! Geometry of the cluster view: nodes on a ring in a fixed SVG `viewBox`, and
//! where a message is along its link at a fractional tick (after RaftScope's
//! position-from-send-and-receive-times).

use crate::view::fixed::Fixed;

/// Width and height of the cluster view's `viewBox`.
pub const VIEW_SIZE: f64 = 800.0;
/// Radius of a node's circle.
pub const NODE_RADIUS: f64 = 58.0;

/// A point in view coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    /// Horizontal.
    pub x: f64,
    /// Vertical (down).
    pub y: f64,
}

/// The ring's radius for `n` nodes: a single node sits in the middle.
pub fn ring_radius(n: usize) -> f64 {
    if n <= 1 {
        0.0
    } else {
        VIEW_SIZE / 2.0 - NODE_RADIUS - 70.0
    }
}

/// Centre of node `i` (0-based) of `n`, clockwise from the top.
pub fn node_position(i: usize, n: usize) -> Point {
    let c = VIEW_SIZE / 2.0;
    let r = ring_radius(n);
    let angle =
        -std::f64::consts::FRAC_PI_2 + (i as f64) * std::f64::consts::TAU / (n.max(1) as f64);
    Point {
        x: c + r * super::trig::cos(angle),
        y: c + r * super::trig::sin(angle),
    }
}

/// How far along its flight a message is at time `now` (ticks, fractional):
/// 0 at `sent_at`, 1 at `deliver_at`, clamped.
pub fn flight_fraction(sent_at: u64, deliver_at: u64, now: f64) -> f64 {
    let span = deliver_at.saturating_sub(sent_at) as f64;
    if span <= 0.0 {
        return 1.0;
    }
    ((now - sent_at as f64) / span).clamp(0.0, 1.0)
}

/// Where a message from `a` to `b` is drawn at fraction `f`: between the two
/// circles' edges, shifted sideways so the two directions of a link do not
/// overlap.
pub fn message_position(a: Point, b: Point, f: f64) -> Point {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len = (dx * dx + dy * dy).sqrt();
    if len < 1e-9 {
        return a;
    }
    let (ux, uy) = (dx / len, dy / len);
    let start = Point {
        x: a.x + ux * NODE_RADIUS,
        y: a.y + uy * NODE_RADIUS,
    };
    let travel = (len - 2.0 * NODE_RADIUS).max(0.0);
    let side = 9.0;
    Point {
        x: start.x + ux * travel * f - uy * side,
        y: start.y + uy * travel * f + ux * side,
    }
}

/// SVG path of an arc drawn clockwise from the top covering `fraction` of a
/// circle (the draining election-timer ring).
pub fn arc_path(center: Point, radius: f64, fraction: f64) -> String {
    let f = fraction.clamp(0.0, 0.9999);
    if f <= 0.0 {
        return String::new();
    }
    let angle = -std::f64::consts::FRAC_PI_2 + f * std::f64::consts::TAU;
    let (sx, sy) = (center.x, center.y - radius);
    let (ex, ey) = (
        center.x + radius * super::trig::cos(angle),
        center.y + radius * super::trig::sin(angle),
    );
    let large = if f > 0.5 { 1 } else { 0 };
    format!(
        "M {} {} A {} {} 0 {} 1 {} {}",
        Fixed(sx, 1),
        Fixed(sy, 1),
        Fixed(radius, 1),
        Fixed(radius, 1),
        large,
        Fixed(ex, 1),
        Fixed(ey, 1)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_sit_on_the_ring_clockwise_from_top() {
        let top = node_position(0, 4);
        assert!((top.x - 400.0).abs() < 1e-9 && top.y < 400.0);
        let right = node_position(1, 4);
        assert!(right.x > 400.0 && (right.y - 400.0).abs() < 1e-9);
        let one = node_position(0, 1);
        assert_eq!((one.x, one.y), (400.0, 400.0));
        for n in 1..=9 {
            for i in 0..n {
                let p = node_position(i, n);
                assert!(p.x - NODE_RADIUS >= 0.0 && p.x + NODE_RADIUS <= VIEW_SIZE);
                assert!(p.y - NODE_RADIUS >= 0.0 && p.y + NODE_RADIUS <= VIEW_SIZE);
            }
        }
    }

    #[test]
    fn flight_fraction_interpolates_and_clamps() {
        assert_eq!(flight_fraction(10, 14, 12.0), 0.5);
        assert_eq!(flight_fraction(10, 14, 9.0), 0.0);
        assert_eq!(flight_fraction(10, 14, 20.0), 1.0);
        assert_eq!(flight_fraction(10, 10, 10.0), 1.0);
    }

    #[test]
    fn messages_travel_edge_to_edge_and_directions_do_not_overlap() {
        let a = Point { x: 100.0, y: 400.0 };
        let b = Point { x: 700.0, y: 400.0 };
        let start = message_position(a, b, 0.0);
        let end = message_position(a, b, 1.0);
        assert!((start.x - (100.0 + NODE_RADIUS)).abs() < 1e-9);
        assert!((end.x - (700.0 - NODE_RADIUS)).abs() < 1e-9);
        let back = message_position(b, a, 0.5);
        let fwd = message_position(a, b, 0.5);
        assert!((back.y - fwd.y).abs() > 10.0);
    }

    #[test]
    fn arc_covers_the_fraction() {
        assert_eq!(arc_path(Point { x: 0.0, y: 0.0 }, 10.0, 0.0), "");
        assert!(arc_path(Point { x: 0.0, y: 0.0 }, 10.0, 0.75).contains(" 0 1 1 "));
        assert!(arc_path(Point { x: 0.0, y: 0.0 }, 10.0, 0.25).contains(" 0 0 1 "));
    }
}
