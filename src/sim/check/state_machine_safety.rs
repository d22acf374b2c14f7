//! State Machine Safety (Figure 3, §5.4.3): if a server has applied a log
//! entry at a given index, no other server ever applies a different entry at
//! that index.
//!
//! Across snapshots (thesis §5.1) a snapshot's state stands for its prefix:
//! an installed snapshot's last included entry must be the one applied at
//! that index, and any two state machines at the same applied index must be
//! identical, whether they got there entry by entry or from a snapshot.

use super::{Property, ServerView, Violation};
use crate::chunked::Chunked;
use crate::raft::{Event, Index, NodeId, Term};
use crate::sim::hash::Fnv64;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The first entry applied at every index: (term, command hash, by whom).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateMachineSafety {
    /// `applied[i - 1]` for index i; `None` where nothing was applied yet.
    /// Chunked, so checkpoints share it.
    applied: Chunked<Option<(Term, u64, NodeId)>>,
    /// Per node, the last applied index at the last state comparison.
    compared: BTreeMap<NodeId, Index>,
}

impl StateMachineSafety {
    /// Notes its chunked storage (memory report).
    pub(super) fn report_storage(&self, r: &mut crate::chunked::StorageReport) {
        r.add("checker.state_machine", &self.applied);
    }

    /// What was first applied at `index`, if anything was.
    fn applied_at(&self, index: Index) -> Option<(Term, u64, NodeId)> {
        (index as usize)
            .checked_sub(1)
            .and_then(|i| self.applied.get(i).copied().flatten())
    }

    /// Looks at an installed or restored snapshot: its last included entry
    /// must be the one applied at its index.
    pub fn snapshot(
        &mut self,
        tick: u64,
        node: NodeId,
        index: Index,
        term: Term,
    ) -> Option<Violation> {
        match self.applied_at(index) {
            Some((t, _, other)) if t != term => Some(Violation {
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
            crate::sort::map_of(nodes.iter().map(|n| (n.id, n.state.last_applied)));
        if now == self.compared {
            return None;
        }
        self.compared = now;
        for (i, a) in nodes.iter().enumerate() {
            for b in &nodes[i + 1..] {
                if a.state.last_applied == b.state.last_applied && a.state.data != b.state.data {
                    let index = a.state.last_applied;
                    let term = self.applied_at(index).map_or(0, |e| e.0);
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
        let Some(i) = (*index as usize).checked_sub(1) else {
            return None; // index 0 is the sentinel, never applied
        };
        match self.applied.get(i).copied().flatten() {
            Some((t, d, other)) if (t, d) != (*term, data) => Some(Violation {
                property: Property::StateMachineSafety,
                tick,
                nodes: vec![other.min(node), other.max(node)],
                entries: vec![(*index, t), (*index, *term)],
                term: None,
            }),
            Some(_) => None,
            None => {
                while self.applied.len() <= i {
                    self.applied.push(None);
                }
                if let Some(slot) = self.applied.get_mut(i) {
                    *slot = Some((*term, data, node));
                }
                None
            }
        }
    }
}
