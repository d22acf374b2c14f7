//! The ring's label layout: where each node's label block sits so that
//! every pill keeps a long clear stretch of its link. A block starts on the
//! ring's outer side of its node (where no link of the ring reaches) and
//! turns in 10° steps, alternating, until it is inside the drawing, clear
//! of the other circles, blocks, its own badge and crown, and every link
//! still leaves its pills [`GOOD_RUN`] of its length — in a 7- or 9-node
//! ring the side links pass just inside a node, so its labels move out.

use super::geom::Rect;
use super::labels::{crown_box, text_scale, LabelSpot, NodeLabel};
use super::routes::{Obstacles, Route};
use crate::view::layout::{Point, VIEW_SIZE};

/// The share of a link (between the circles' edges) a pill should be
/// able to travel.
pub const GOOD_RUN: f64 = 0.5;
/// The least width a block is placed with ("Follower", "term 12").
const NOMINAL_WIDTH: f64 = 90.0;
/// Rounds of turning each block with the others fixed.
const PASSES: usize = 3;
/// The pill a layout is judged with: an "AE 3" pill (52 units wide).
const TEST_PILL: f64 = 52.0;

/// Where the labels go and what pills keep clear of.
#[derive(Clone, Debug, PartialEq)]
pub struct RingLayout {
    /// Each node's label block, in node order.
    pub spots: Vec<LabelSpot>,
    /// Circles, badges and the placed label blocks.
    pub obstacles: Obstacles,
}

impl RingLayout {
    /// The layout for `labels` (one per node, in order) on a ring of nodes
    /// of radius `r`, at `k` view units per CSS pixel.
    pub fn new(labels: &[NodeLabel], r: f64, k: f64) -> RingLayout {
        let n = labels.len();
        let s = text_scale(k);
        let mut obstacles = Obstacles::discs(n, r, k);
        let half = obstacles.pill_half(TEST_PILL, false);
        let centres: Vec<Point> = obstacles.centres().to_vec();
        let outward = |c: Point| {
            if n <= 1 {
                std::f64::consts::FRAC_PI_2
            } else {
                crate::view::trig::atan2(c.y - VIEW_SIZE / 2.0, c.x - VIEW_SIZE / 2.0)
            }
        };
        // Start with every block under its node; then, node by node with the
        // others fixed, take the turn (from straight out) that fits and
        // leaves the pills the most room.
        let (reach, clear) = (r + super::labels::label_gap(n), !super::labels::crowded(n));
        let below = LabelSpot::at_angle(std::f64::consts::FRAC_PI_2, reach, clear);
        let mut spots: Vec<LabelSpot> = vec![below; n];
        // Placed as at least NOMINAL wide and three lines tall, so a block
        // does not jump when a vote or a tally comes and goes.
        let block = |i: usize, spot: &LabelSpot| {
            let width = labels[i].width(s).max(NOMINAL_WIDTH * s);
            spot.block(centres[i], width, labels[i].line_count().max(3), s)
        };
        let mut blocks: Vec<Rect> = (0..n).map(|i| block(i, &spots[i])).collect();
        for _pass in 0..PASSES {
            for i in 0..n {
                let c = centres[i];
                let (badge, badge_r) = super::labels::badge_disc(c, r, k);
                let fits = |b: &Rect| {
                    b.inside(3.0, VIEW_SIZE - 3.0)
                        && !b.meets_disc(badge, badge_r)
                        && !b.overlaps(&crown_box(c, r, n >= 8))
                        && blocks
                            .iter()
                            .enumerate()
                            .all(|(j, p)| j == i || !p.overlaps(b))
                        && centres
                            .iter()
                            .enumerate()
                            .all(|(j, &o)| j == i || !b.meets_disc(o, r + 4.0))
                };
                let mut best: Option<(f64, LabelSpot, Rect)> = None;
                for turn in turns() {
                    let spot = LabelSpot::at_angle(outward(c) + turn, reach, clear);
                    let b = block(i, &spot);
                    if !fits(&b) {
                        continue;
                    }
                    obstacles.set_boxes(
                        blocks
                            .iter()
                            .enumerate()
                            .map(|(j, p)| if j == i { b } else { *p }),
                    );
                    let score = runs(&obstacles, r, half);
                    if best.is_none_or(|(f, _, _)| score > f + 1e-9) {
                        best = Some((score, spot, b));
                    }
                }
                if let Some((_, spot, b)) = best {
                    spots[i] = spot;
                    blocks[i] = b;
                }
            }
        }
        // Pills keep clear of the blocks as drawn.
        obstacles
            .set_boxes((0..n).map(|i| {
                spots[i].block(centres[i], labels[i].width(s), labels[i].line_count(), s)
            }));
        RingLayout { spots, obstacles }
    }
}

/// 0, +10°, −10°, +20°, … ±130°.
fn turns() -> impl Iterator<Item = f64> {
    std::iter::once(0.0).chain((1..=13).flat_map(|k| {
        let d = f64::from(k) * 10f64.to_radians();
        [d, -d]
    }))
}

/// The shortest clear stretch over every link, as a share of the link
/// between the circles' edges, and a score that also counts the others
/// (each up to [`GOOD_RUN`]).
fn runs(obstacles: &Obstacles, r: f64, half: (f64, f64)) -> f64 {
    let centres = obstacles.centres();
    let n = centres.len();
    let mut shortest = f64::INFINITY;
    let mut sum = 0.0;
    for a in 0..n {
        for b in (0..n).filter(|&b| b != a) {
            let (pa, pb) = (centres[a], centres[b]);
            let edge = ((pb.x - pa.x).powi(2) + (pb.y - pa.y).powi(2)).sqrt() - 2.0 * r;
            let route: Route = obstacles.route(a, b, half);
            let run = route.len() / edge.max(1.0);
            shortest = shortest.min(run);
            sum += run.min(GOOD_RUN);
        }
    }
    sum + 4.0 * n as f64 * shortest.min(GOOD_RUN)
}

/// The label lines of every node of `world`, in node order: what
/// [`crate::ui`] draws and what [`RingLayout`] places.
pub fn ring_labels(
    world: &crate::sim::World,
    lang: crate::view::i18n::Lang,
    names: crate::view::node_names::NodeNames,
) -> Vec<NodeLabel> {
    labels_of(&super::statics::StaticFacts::of(world), lang, names)
}

/// Every node's label lines from the static layer's facts (what
/// [`ring_labels`] computes; the ring keys its cache on the facts).
pub fn labels_of(
    facts: &super::statics::StaticFacts,
    lang: crate::view::i18n::Lang,
    names: crate::view::node_names::NodeNames,
) -> Vec<NodeLabel> {
    facts
        .nodes
        .iter()
        .map(|f| {
            let tally = f.tally.as_ref().map(|t| (t.pre_vote, t.granted, t.quorum));
            super::labels::node_label(
                lang,
                f.key,
                f.role,
                f.term,
                f.voted_for.map(|v| names.of(v)),
                tally,
                f.member,
            )
        })
        .collect()
}
