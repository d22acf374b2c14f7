//! A node's drawn labels (role, term, vote or tally, membership) as one
//! block of short lines, and where the block sits: on the ring's outer side
//! of the node, turned until it is clear of every link it does not belong
//! to, of the other nodes and of its own badge and tally. Pure math, so a
//! pill's route ([`super::routes`]) can keep clear of the same boxes.

use super::geom::Rect;
use crate::raft::{Role, Term};
use crate::sim::RoleKey;
use crate::view::i18n::Lang;
use crate::view::layout::Point;
use crate::view::membership_view::MemberKind;
use crate::view::node_names::NodeName;

/// Font size (view units, before scaling) of the role line; bold.
pub const ROLE_SIZE: f64 = 17.0;
/// Font size (view units, before scaling) of the other lines.
pub const LINE_SIZE: f64 = 15.0;
/// A text line's box height per unit of font size.
const LINE_BOX: f64 = 1.17;
/// Room kept around each text run: its halo (a 5-unit stroke) and a margin.
pub(super) const HALO: f64 = 3.0;
/// Outer edge of a node's election timer arc, beyond its circle: the arc
/// is drawn at `r + 8` with a 4-unit stroke.
pub const TIMER_EDGE: f64 = 10.0;

/// Whether a ring of `n` is too crowded to keep labels off the timer arcs.
pub fn crowded(n: usize) -> bool {
    n >= 8
}

/// Gap between a node's circle and its label block in a ring of `n`: the
/// block's text starts beyond the timer arc ([`TIMER_EDGE`]; only its halo
/// may cover the arc's outer edge). Rings of 8 and 9 are too crowded for
/// that: their labels sit closer and may touch the arc.
pub fn label_gap(n: usize) -> f64 {
    if crowded(n) {
        6.0
    } else {
        TIMER_EDGE + 1.0
    }
}

/// How much the ring's labels grow when the drawing is small: `k` view
/// units per CSS pixel. Mirrors the stylesheet (`max(15px, 14.5px · k)`),
/// so text never falls under 14.5 px on screen.
pub fn text_scale(k: f64) -> f64 {
    (k * 14.5 / LINE_SIZE).max(1.0)
}

/// How much a message pill grows when the drawing is small, `k` view units
/// per CSS pixel: `max(1, 0.85 · k)`. The one home of this rule: the routes
/// leave room for a pill this big and `ui::components::cluster_message`
/// draws it this big, about its own centre.
pub fn pill_scale(k: f64) -> f64 {
    (0.85 * k).max(1.0)
}

/// The SVG `transform` that grows a pill drawn at `at` by `s` about its
/// centre: `(x, y) ↦ s·(x, y) + (1 − s)·at`. None at `s` = 1 (a drawing
/// big enough: the pill gets no transform at all, so no paint chunk of its
/// own).
pub fn pill_transform(at: Point, s: f64) -> Option<String> {
    use crate::view::fixed::Fixed;
    (s > 1.0).then(|| {
        let (dx, dy) = ((1.0 - s) * at.x, (1.0 - s) * at.y);
        format!(
            "matrix({} 0 0 {} {} {})",
            Fixed(s, 3),
            Fixed(s, 3),
            Fixed(dx, 1),
            Fixed(dy, 1)
        )
    })
}

/// The text lines under (or beside) a node.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeLabel {
    /// The role line, "Leader" / "Paused · Leader".
    pub role: String,
    /// "term 4".
    pub term: String,
    /// "voted n2", or a (pre-)candidate's tally "votes 2/3".
    pub vote: Option<String>,
    /// "learner · no vote" / "not a member".
    pub member: Option<&'static str>,
}

impl NodeLabel {
    /// Its lines after the role line, in order, each with its CSS class.
    pub fn lines(&self) -> impl Iterator<Item = (&str, &'static str)> {
        std::iter::once((self.term.as_str(), "node-info"))
            .chain(self.vote.as_deref().map(|v| (v, "node-info")))
            .chain(self.member.map(|m| (m, "node-member")))
    }

    /// How many lines it has, the role line included.
    pub fn line_count(&self) -> usize {
        1 + self.lines().count()
    }

    /// Its estimated width in view units at text scale `s`.
    pub fn width(&self, s: f64) -> f64 {
        let role = text_width(&self.role, ROLE_SIZE * s, true);
        self.lines()
            .map(|(t, _)| text_width(t, LINE_SIZE * s, false))
            .fold(role, f64::max)
    }
}

/// The lines of a node: its role line, term, vote (or the tally of a
/// (pre-)candidate: `(pre_vote, granted, quorum)`) and membership.
pub fn node_label(
    lang: Lang,
    key: RoleKey,
    role: Role,
    term: Term,
    voted_for: Option<NodeName>,
    tally: Option<(bool, usize, usize)>,
    member: MemberKind,
) -> NodeLabel {
    let term = match lang {
        Lang::En => format!("term {term}"),
        Lang::Zh => format!("任期 {term}"),
    };
    let vote = match tally {
        Some((pre, granted, quorum)) => Some(super::tally_text(lang, pre, granted, quorum)),
        None => super::voted_line(lang, voted_for),
    };
    let member = match (member, lang) {
        (MemberKind::Voter, _) => None,
        (MemberKind::Learner, Lang::En) => Some("learner · no vote"),
        (MemberKind::Learner, Lang::Zh) => Some("学习者 · 不投票"),
        (MemberKind::Outside, Lang::En) => Some("not a member"),
        (MemberKind::Outside, Lang::Zh) => Some("不是成员"),
    };
    NodeLabel {
        role: super::role_line(lang, key, role).into_owned(),
        term,
        vote,
        member,
    }
}

/// Estimated drawn width of `text` at font size `size` (view units): an
/// upper bound for the sans-serif faces the app uses (CJK a full em).
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let latin = if bold { 0.66 } else { 0.6 };
    let ems: f64 = text
        .chars()
        .map(|c| match c {
            ' ' | '·' | '.' | ',' | 'i' | 'l' | '1' => 0.36,
            c if (c as u32) >= 0x2E80 => 1.02,
            _ => latin,
        })
        .sum();
    ems * size
}

/// How a block's lines line up on its anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// The anchor is the block's left edge (block to the right of it).
    Start,
    /// The anchor is the block's middle.
    Middle,
    /// The anchor is the block's right edge.
    End,
}

impl Align {
    /// The SVG `text-anchor` value.
    pub fn svg(self) -> &'static str {
        match self {
            Align::Start => "start",
            Align::Middle => "middle",
            Align::End => "end",
        }
    }
}

/// Where a node's label block sits, relative to the node's centre.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelSpot {
    /// The anchor point's offset from the node's centre.
    pub x: f64,
    /// The anchor point's offset from the node's centre (down).
    pub y: f64,
    /// Horizontal alignment on the anchor.
    pub align: Align,
    /// Vertical alignment: the anchor is the block's top (1), middle (0)
    /// or bottom (-1)… as a fraction of its height above the anchor: 0, ½, 1.
    pub above: f64,
}

impl LabelSpot {
    /// The spot at angle `phi` (radians, clockwise from +x) at distance
    /// `reach` from the node's centre (its radius plus [`label_gap`]).
    /// `clear`: no point of the block nearer than `reach` (else only its
    /// anchor is there, and a block beside the node may come ~8% nearer:
    /// the crowded rings of 8 and 9 need that room).
    pub fn at_angle(phi: f64, reach: f64, clear: bool) -> LabelSpot {
        let (c, s) = (crate::view::trig::cos(phi), crate::view::trig::sin(phi));
        let align = if c > 0.38 {
            Align::Start
        } else if c < -0.38 {
            Align::End
        } else {
            Align::Middle
        };
        let above = if s > 0.38 {
            0.0
        } else if s < -0.38 {
            1.0
        } else {
            0.5
        };
        // Clear: a block beside the node (vertically centred) has its inner edge
        // at `reach` across; one above or below (horizontally centred), its
        // inner edge at `reach` up or down; a corner block, its corner at
        // `reach` along the angle. So no point of it is nearer than `reach`.
        let x = if clear && above == 0.5 {
            reach.copysign(c)
        } else {
            c * reach
        };
        let y = if clear && align == Align::Middle {
            reach.copysign(s)
        } else {
            s * reach
        };
        LabelSpot { x, y, align, above }
    }

    /// The y offsets (from the node's centre) of the centres of a block's
    /// lines, role line first, for `lines` lines at text scale `s`.
    pub fn line_ys(&self, lines: usize, s: f64) -> impl Iterator<Item = f64> {
        let height = block_height(lines, s);
        let top = self.y - self.above * height;
        let role = ROLE_SIZE * LINE_BOX * s;
        let line = LINE_SIZE * LINE_BOX * s;
        (0..lines).map(move |i| {
            if i == 0 {
                top + role / 2.0
            } else {
                top + role + line * (i as f64 - 0.5)
            }
        })
    }

    /// The block's box for node centre `c`, `width` wide and `lines` lines
    /// tall at text scale `s`, halo included.
    pub fn block(&self, c: Point, width: f64, lines: usize, s: f64) -> Rect {
        let height = block_height(lines, s);
        let (ax, ay) = (c.x + self.x, c.y + self.y);
        let x0 = match self.align {
            Align::Start => ax,
            Align::Middle => ax - width / 2.0,
            Align::End => ax - width,
        };
        let y0 = ay - self.above * height;
        Rect {
            x0,
            y0,
            x1: x0 + width,
            y1: y0 + height,
        }
        .grown(HALO, HALO)
    }
}

/// Height of a block of `lines` lines at text scale `s`.
fn block_height(lines: usize, s: f64) -> f64 {
    (ROLE_SIZE + LINE_SIZE * lines.saturating_sub(1) as f64) * LINE_BOX * s
}

/// Where node `i` (0-based) of `n`'s role badge is drawn: its centre and
/// radius (stylesheet: `r: max(17px, 12px · k)`), for node radius `r`.
pub fn badge_disc(c: Point, r: f64, k: f64) -> (Point, f64) {
    let at = r * 0.72;
    (
        Point {
            x: c.x + at,
            y: c.y - at,
        },
        (12.0 * k).max(17.0),
    )
}

/// The box over a node kept for its crown and its tally dots; in a ring of
/// 8 or 9 only the crown (there is no other room for the top labels; they
/// may be drawn over the outer tally dots, with a halo).
pub(super) fn crown_box(c: Point, r: f64, big_ring: bool) -> Rect {
    let half = if big_ring { 26.0 } else { 62.0 };
    Rect {
        x0: c.x - half,
        y0: c.y - r - 36.0,
        x1: c.x + half,
        y1: c.y - r,
    }
}

#[cfg(test)]
mod pill_tests {
    use super::*;

    /// Applies an SVG `matrix(a 0 0 d e f)` to a point.
    fn apply(t: &str, p: Point) -> Point {
        let n: Vec<f64> = t
            .trim_start_matches("matrix(")
            .trim_end_matches(')')
            .split(' ')
            .map(|x| x.parse().unwrap())
            .collect();
        Point {
            x: n[0] * p.x + n[4],
            y: n[3] * p.y + n[5],
        }
    }

    #[test]
    fn a_pill_grows_only_when_the_drawing_is_small() {
        assert_eq!(pill_scale(0.5), 1.0);
        assert_eq!(pill_scale(1.0), 1.0);
        assert!((pill_scale(2.0) - 1.7).abs() < 1e-12);
        assert_eq!(pill_transform(Point { x: 300.0, y: 200.0 }, 1.0), None);
    }

    #[test]
    fn a_grown_pill_keeps_its_centre_where_its_message_is() {
        // Drawn small (k = 2: 400 px for the 800-unit view), a pill at
        // (620, 140) grows 1.7× about itself, not about the drawing's
        // corner (which put pills hundreds of pixels off their links).
        let at = Point { x: 620.0, y: 140.0 };
        let t = pill_transform(at, pill_scale(2.0)).unwrap();
        assert_eq!(t, "matrix(1.700 0 0 1.700 -434.0 -98.0)");
        let c = apply(&t, at);
        assert!((c.x - at.x).abs() < 0.05 && (c.y - at.y).abs() < 0.05);
        // Its right edge, 30 units out, lands 51 units out.
        let e = apply(&t, Point { x: 650.0, y: 140.0 });
        assert!((e.x - 671.0).abs() < 0.05);
    }
}
