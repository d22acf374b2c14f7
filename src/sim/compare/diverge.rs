//! Where two runs part: the facts compared per node each tick (role, term,
//! last log position, commit index) and the first tick they differ.

use crate::raft::{Index, NodeId, Term};
use crate::sim::{RoleKey, TraceKind, World};

/// What is compared of one node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NodeFacts {
    /// The node.
    pub id: NodeId,
    /// Its role (status first).
    pub role: RoleKey,
    /// currentTerm.
    pub term: Term,
    /// The last log entry's index (0: empty).
    pub last_index: Index,
    /// The last log entry's term.
    pub last_term: Term,
    /// commitIndex.
    pub commit: Index,
}

/// Every node's facts, by id.
pub fn facts(world: &World) -> Vec<NodeFacts> {
    world
        .nodes()
        .iter()
        .map(|s| {
            let n = &s.node;
            NodeFacts {
                id: n.id(),
                role: RoleKey::of(s.status, n.role()),
                term: n.term(),
                last_index: n.log().last_index(),
                last_term: n.log().last_term(),
                commit: n.commit_index(),
            }
        })
        .collect()
}

/// One node that differs at the divergence tick.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeDiff {
    /// The node.
    pub id: NodeId,
    /// Its facts at the last tick both sides agreed on (`None`: it did not exist yet).
    pub before: Option<NodeFacts>,
    /// On side A now (`None`: side A has no such node).
    pub a: Option<NodeFacts>,
    /// On side B.
    pub b: Option<NodeFacts>,
    /// What the node did on side A at that tick (its trace events).
    pub a_events: Vec<TraceKind>,
    /// What it did on side B.
    pub b_events: Vec<TraceKind>,
}

/// The first tick at which the two sides differ, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Divergence {
    /// The tick.
    pub tick: u64,
    /// The nodes that differ, by id.
    pub nodes: Vec<NodeDiff>,
}

fn events_at(world: &World, tick: u64, node: NodeId) -> Vec<TraceKind> {
    let mut out: Vec<TraceKind> = world
        .trace()
        .recent()
        .rev()
        .take_while(|e| e.tick >= tick)
        .filter(|e| e.tick == tick && e.node == node)
        .map(|e| e.kind.clone())
        .collect();
    out.reverse();
    out
}

/// Compares the two worlds (at the same tick) given the facts both agreed on
/// last; `None` when they agree.
pub fn compare(before: &[NodeFacts], a: &World, b: &World) -> Option<Divergence> {
    let (fa, fb) = (facts(a), facts(b));
    if fa == fb {
        return None;
    }
    let tick = a.tick();
    let ids = fa.len().max(fb.len()) as NodeId;
    let nodes = (1..=ids)
        .filter_map(|id| {
            let pick = |f: &[NodeFacts]| f.iter().find(|x| x.id == id).copied();
            let (na, nb) = (pick(&fa), pick(&fb));
            (na != nb).then(|| NodeDiff {
                id,
                before: pick(before),
                a: na,
                b: nb,
                a_events: events_at(a, tick, id),
                b_events: events_at(b, tick, id),
            })
        })
        .collect();
    Some(Divergence { tick, nodes })
}
