//! The groups a split network falls into (majority / minority) and where
//! their bubbles and labels are drawn.

use crate::raft::NodeId;
use crate::sim::Network;
use crate::view::fixed::Fixed;
use crate::view::i18n::Lang;
use crate::view::layout::{node_position, ring_radius, Point, VIEW_SIZE};

/// A group of nodes that can all talk to each other both ways.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// Its members, in id order.
    pub members: Vec<NodeId>,
    /// Whether it holds a majority of the whole cluster.
    pub majority: bool,
}

/// The groups a split network falls into: connected components of the
/// graph of links that are up in both directions. Empty while the network
/// is whole (no cut link, or every node still reachable both ways).
pub fn partition_groups(net: &Network, ids: &[NodeId]) -> Vec<Group> {
    if net.cut_links().next().is_none() || ids.len() < 2 {
        return Vec::new();
    }
    let mut parent: Vec<usize> = (0..ids.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for i in 0..ids.len() {
        for j in i + 1..ids.len() {
            if net.is_up(ids[i], ids[j]) && net.is_up(ids[j], ids[i]) {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                if ri != rj {
                    parent[ri.max(rj)] = ri.min(rj);
                }
            }
        }
    }
    let mut groups: Vec<(usize, Vec<NodeId>)> = Vec::new();
    for (i, &id) in ids.iter().enumerate() {
        let r = root(&mut parent, i);
        match groups.iter_mut().find(|(g, _)| *g == r) {
            Some((_, members)) => members.push(id),
            None => groups.push((r, vec![id])),
        }
    }
    if groups.len() < 2 {
        return Vec::new();
    }
    let config = crate::raft::MajorityConfig::new(ids.iter().copied());
    groups
        .into_iter()
        .map(|(_, mut members)| {
            crate::sort::sort(&mut members);
            Group {
                majority: config.is_quorum(|id| members.contains(&id)),
                members,
            }
        })
        .collect()
}

/// The label of a group's bubble, e.g. "Majority 3/5" / "少数派 2/5".
pub fn group_label(lang: Lang, group: &Group, total: usize) -> String {
    let word = match (group.majority, lang) {
        (true, Lang::En) => "Majority",
        (true, Lang::Zh) => "多数派",
        (false, Lang::En) => "Minority",
        (false, Lang::Zh) => "少数派",
    };
    format!("{word} {}/{total}", group.members.len())
}

/// The bands of a group's bubble: for each member whose clockwise
/// neighbour on the ring is in the same group, the ring arc between their
/// centres (drawn with a wide round stroke, consecutive members become one
/// band along the ring; groups never overlap). A member with no neighbour
/// in its group gets a zero-length arc, drawn as a dot by the round cap.
pub fn group_band_path(members: &[NodeId], n: usize) -> String {
    let r = ring_radius(n);
    let mut s = String::new();
    for &m in members {
        let i = (m as usize).wrapping_sub(1);
        if i >= n {
            continue;
        }
        let p = node_position(i, n);
        let next = (i + 1) % n;
        let next_id = (next + 1) as NodeId;
        if !s.is_empty() {
            s.push(' ');
        }
        if n > 1 && next != i && members.contains(&next_id) {
            let q = node_position(next, n);
            s.push_str(&format!(
                "M{} {} A{} {} 0 0 1 {} {}",
                Fixed(p.x, 1),
                Fixed(p.y, 1),
                Fixed(r, 1),
                Fixed(r, 1),
                Fixed(q.x, 1),
                Fixed(q.y, 1)
            ));
        } else {
            s.push_str(&format!("M{} {} l0 0.01", Fixed(p.x, 1), Fixed(p.y, 1)));
        }
    }
    s
}

/// Whether the link `a`–`b` joins two different groups of a split network
/// (such cut links are drawn quieter: the bubbles already tell the story).
pub fn across_groups(groups: &[Group], a: NodeId, b: NodeId) -> bool {
    let of = |x: NodeId| groups.iter().position(|g| g.members.contains(&x));
    match (of(a), of(b)) {
        (Some(ga), Some(gb)) => ga != gb,
        _ => false,
    }
}

/// Where a group's label goes: inside the ring, toward the group's mean
/// direction from the centre, clear of the nodes (radius `r`).
pub fn bubble_label_point(points: &[Point], n: usize, r: f64) -> Point {
    let c = VIEW_SIZE / 2.0;
    let (mut sx, mut sy) = (0.0, 0.0);
    for p in points {
        sx += p.x - c;
        sy += p.y - c;
    }
    let len = (sx * sx + sy * sy).sqrt();
    let (ux, uy) = if len > 1e-6 {
        (sx / len, sy / len)
    } else if let Some(p) = points.first() {
        let (dx, dy) = (p.x - c, p.y - c);
        let l = (dx * dx + dy * dy).sqrt().max(1e-6);
        (dx / l, dy / l)
    } else {
        (0.0, -1.0)
    };
    let dist = (ring_radius(n) - r - 110.0).max(0.0);
    Point {
        x: c + ux * dist,
        y: c + uy * dist,
    }
}
