//! State Machine Safety (Figure 3, §5.4.3): if a server has applied a log
//! entry at a given index, no other server ever applies a different entry at
//! that index.
//!
//! Across snapshots (thesis §5.1) a snapshot's state stands for its prefix:
//! an installed snapshot's last included entry must be the one applied at
//! that index, and any two state machines at the same applied index must be
//! identical, whether they got there entry by entry or from a snapshot.

use super::{Property, ServerView, Violation};
use crate::raft::{Event, Index, NodeId, Term};
use crate::sim::hash::Fnv64;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The first entry applied at every index: (term, command hash, by whom).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateMachineSafety {
    applied: BTreeMap<Index, (Term, u64, NodeId)>,
    /// Per node, the last applied index at the last state comparison.
    compared: BTreeMap<NodeId, Index>,
}

impl StateMachineSafety {
    /// Looks at an installed or restored snapshot: its last included entry
    /// must be the one applied at its index.
    pub fn snapshot(
        &mut self,
        tick: u64,
        node: NodeId,
        index: Index,
        term: Term,
    ) -> Option<Violation> {
        match self.applied.get(&index) {
            Some(&(t, _, other)) if t != term => Some(Violation {
                property: Property::StateMachineSafety,
                tick,
                nodes: vec![other.min(node), other.max(node)],
                entries: vec![(index, t), (index, term)],
                term: None,
            }),
            _ => None,
        }
    }

    /// Compares the state machines of nodes at the same applied index, when
    /// some node's applied index changed since the last comparison.
    pub fn check_states(&mut self, tick: u64, nodes: &[ServerView]) -> Option<Violation> {
        let now: BTreeMap<NodeId, Index> =
            nodes.iter().map(|n| (n.id, n.state.last_applied)).collect();
        if now == self.compared {
            return None;
        }
        self.compared = now;
        for (i, a) in nodes.iter().enumerate() {
            for b in &nodes[i + 1..] {
                if a.state.last_applied == b.state.last_applied && a.state.data != b.state.data {
                    let index = a.state.last_applied;
                    let term = self.applied.get(&index).map_or(0, |e| e.0);
                    return Some(Violation {
                        property: Property::StateMachineSafety,
                        tick,
                        nodes: vec![a.id.min(b.id), a.id.max(b.id)],
                        entries: vec![(index, term)],
                        term: None,
                    });
                }
            }
        }
        None
    }

    /// Looks at an `Applied` event.
    pub fn observe(&mut self, tick: u64, node: NodeId, event: &Event) -> Option<Violation> {
        let Event::Applied {
            index,
            term,
            command,
            ..
        } = event
        else {
            return None;
        };
        let data = Fnv64::mix(0, command);
        match self.applied.get(index) {
            Some(&(t, d, other)) if (t, d) != (*term, data) => Some(Violation {
                property: Property::StateMachineSafety,
                tick,
                nodes: vec![other.min(node), other.max(node)],
                entries: vec![(*index, t), (*index, *term)],
                term: None,
            }),
            Some(_) => None,
            None => {
                self.applied.insert(*index, (*term, data, node));
                None
            }
        }
    }
}
