//! Pills never cover a node's circle, badge or labels, in any ring size,
//! at any point of their flight or in a queue; labels stay in the drawing
//! and off the side links of other nodes.

use super::geom::Rect;
use super::labels::{node_label, NodeLabel};
use super::node_radius;
use super::ring::RingLayout;
use super::routes::Queue;
use crate::raft::MajorityConfig;
use crate::raft::Role;
use crate::sim::RoleKey;
use crate::view::i18n::Lang;
use crate::view::layout::{node_position, VIEW_SIZE};
use crate::view::membership_view::MemberKind;
use crate::view::node_names::NodeNames;

/// Long labels: a pre-candidate's tally, a paused leader, a follower
/// that voted; in rings of 8 and 9 the everyday ones (followers that voted,
/// a leader).
fn labels(n: usize, lang: Lang) -> Vec<NodeLabel> {
    if n >= 8 {
        return (0..n)
            .map(|i| match i {
                0 => node_label(
                    lang,
                    RoleKey::Leader,
                    Role::Leader,
                    12,
                    Some(NodeNames::DEFAULT.of(1)),
                    None,
                    MemberKind::Voter,
                ),
                _ => node_label(
                    lang,
                    RoleKey::Follower,
                    Role::Follower,
                    12,
                    Some(NodeNames::DEFAULT.of(1)),
                    None,
                    MemberKind::Voter,
                ),
            })
            .collect();
    }
    (0..n)
        .map(|i| match i % 3 {
            0 => node_label(
                lang,
                RoleKey::PreCandidate,
                Role::PreCandidate,
                12,
                None,
                Some((true, 2, MajorityConfig::new(1..=n as u32).quorum_size())),
                MemberKind::Voter,
            ),
            1 => node_label(
                lang,
                RoleKey::Paused,
                Role::Leader,
                7,
                None,
                None,
                MemberKind::Voter,
            ),
            _ => node_label(
                lang,
                RoleKey::Follower,
                Role::Follower,
                12,
                Some(NodeNames::DEFAULT.of(9)),
                None,
                MemberKind::Voter,
            ),
        })
        .collect()
}

const SCALES: [f64; 3] = [0.9, 1.0, 1.2];

#[test]
fn no_pill_covers_a_label_circle_or_badge_at_any_point_of_its_flight() {
    let mut worst = Vec::new();
    for n in 3..=9 {
        let r = node_radius(n);
        for k in SCALES {
            for lang in [Lang::En, Lang::Zh] {
                let labels = labels(n, lang);
                let obs = RingLayout::new(&labels, r, k).obstacles;
                let mut shortest = f64::INFINITY;
                for (width, dot) in [(16.0, true), (52.0, false), (100.0, false)] {
                    for a in 0..n {
                        for b in (0..n).filter(|&b| b != a) {
                            let (route, half, _compact) = obs.fit(a, b, width, dot);
                            let (pa, pb) = (node_position(a, n), node_position(b, n));
                            let edge =
                                ((pb.x - pa.x).powi(2) + (pb.y - pa.y).powi(2)).sqrt() - 2.0 * r;
                            if dot {
                                shortest = shortest.min(route.len() / edge);
                            }
                            for step in 0..=20 {
                                let p = route.at(f64::from(step) / 20.0);
                                let pill = Rect::around(p, half.0 - 1.0, half.1 - 1.0);
                                for (j, bx) in obs.label_boxes().iter().enumerate() {
                                    assert!(!pill.overlaps(bx), "n={n} k={k} {lang:?} n{}→n{} at {step}/20 covers n{}'s labels", a + 1, b + 1, j + 1);
                                }
                                for j in 0..n {
                                    assert!(
                                        !pill.meets_disc(node_position(j, n), r),
                                        "n={n} k={k} n{}→n{} at {step}/20 covers n{}",
                                        a + 1,
                                        b + 1,
                                        j + 1
                                    );
                                }
                            }
                        }
                    }
                }
                worst.push((n, k, lang, shortest));
            }
        }
    }
    // At the projector's scale (k ≤ 1) every glyph still travels a good part
    // of its link (between the circles' edges); smaller drawings only keep
    // the guarantee above.
    for &(n, k, lang, f) in worst.iter().filter(|w| w.1 <= 1.0) {
        let floor = match n {
            3..=6 => 0.5,
            _ => 0.25,
        };
        assert!(
            f >= floor,
            "n={n} k={k} {lang:?}: the shortest route is {f:.2} of its link: {worst:?}"
        );
    }
}

#[test]
fn labels_sit_outside_the_ring_inside_the_drawing_and_off_the_side_links() {
    for n in 3..=9 {
        let r = node_radius(n);
        for k in SCALES {
            let labels = labels(n, Lang::En);
            let RingLayout {
                spots,
                obstacles: obs,
            } = RingLayout::new(&labels, r, k);
            for (i, (spot, bx)) in spots.iter().zip(obs.label_boxes()).enumerate() {
                let c = node_position(i, n);
                assert!(bx.inside(0.0, VIEW_SIZE), "n={n} k={k} n{}: {bx:?}", i + 1);
                // Outward: the block's anchor is no nearer the ring's centre than the node.
                let d = |x: f64, y: f64| ((x - 400.0).powi(2) + (y - 400.0).powi(2)).sqrt();
                assert!(
                    d(c.x + spot.x, c.y + spot.y) >= d(c.x, c.y) - r,
                    "n={n} n{} turned inward",
                    i + 1
                );
                for j in (0..n).filter(|&j| j != i) {
                    assert!(
                        !bx.meets_disc(node_position(j, n), r),
                        "n={n} n{}'s labels on n{}",
                        i + 1,
                        j + 1
                    );
                    assert!(
                        !bx.overlaps(&obs.label_boxes()[j]),
                        "n={n} labels of n{} and n{} overlap",
                        i + 1,
                        j + 1
                    );
                }
            }
        }
    }
    // In a 7-node ring the link n2–n7 runs just under n1: its labels moved off it.
    let spots = RingLayout::new(&labels(7, Lang::En), node_radius(7), 1.0).spots;
    assert!(
        spots[0].y < node_radius(7),
        "n1's labels are not under it: {:?}",
        spots[0]
    );
}

#[test]
fn waiting_pills_spread_back_along_the_link() {
    let labels = labels(5, Lang::En);
    let r = node_radius(5);
    let obs = RingLayout::new(&labels, r, 1.0).obstacles;
    let half = obs.pill_half(52.0, false);
    let route = obs.route(0, 2, half);
    let room = route.room(half);
    assert!(room > 2.0 * half.1 && room < route.len());
    let mut q = Queue::new(&route, 3.0 * room);
    let fs: Vec<f64> = (0..3).map(|_| q.park(&route, room)).collect();
    assert_eq!(fs[0], 1.0);
    for w in fs.windows(2) {
        let gap = (w[0] - w[1]) * route.len();
        assert!((gap - room).abs() < 1e-6, "{fs:?}");
    }
    // Thirty pills do not fit: they still spread over the whole route, none stacked.
    let mut q = Queue::new(&route, 30.0 * room);
    let fs: Vec<f64> = (0..30).map(|_| q.park(&route, room)).collect();
    assert!(fs.windows(2).all(|w| w[0] > w[1]), "{fs:?}");
    assert!(fs[29] >= 0.0 && fs[29] < 0.1);
}

#[test]
fn label_text_keeps_off_its_own_timer_arc_up_to_seven_nodes() {
    use super::labels::{HALO, TIMER_EDGE};
    for n in 3..=7 {
        let r = node_radius(n);
        for k in SCALES {
            for lang in [Lang::En, Lang::Zh] {
                let obs = RingLayout::new(&labels(n, lang), r, k).obstacles;
                for (j, bx) in obs.label_boxes().iter().enumerate() {
                    let text = bx.grown(-HALO, -HALO);
                    assert!(
                        !text.meets_disc(node_position(j, n), r + TIMER_EDGE),
                        "n={n} k={k} {lang:?}: n{}'s labels cross its timer arc",
                        j + 1
                    );
                }
            }
        }
    }
}
