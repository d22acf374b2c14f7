//! State Machine Safety (Figure 3, §5.4.3): if a server has applied a log
//! entry at a given index, no other server ever applies a different entry at
//! that index.
//!
//! Across snapshots (thesis §5.1) a snapshot's state stands for its prefix:
//! an installed snapshot's last included entry must be the one applied at
//! that index, and any two state machines at the same applied index must be
//! identical, whether they got there entry by entry or from a snapshot.
//!
//! The comparison of whole state machines is incremental. A node that
//! reached its applied index entry by entry from the empty state (Figure 2:
//! `lastApplied` 0 after a restart without a snapshot), each entry the one
//! first applied at its index (checked as it is applied, `observe`), holds
//! the *canonical* state at that index: the same as every other such node,
//! since applying a command is deterministic (§5.1's replicated state
//! machine). Two canonical nodes are never compared. Only a node whose state
//! came otherwise (a snapshot installed or restored, thesis §5.1) is
//! compared in full, against the nodes at its index; once found equal to a
//! canonical one it is canonical itself. So a step compares state machines
//! only for what was not applied entry by entry.

use super::{Property, ServerView, Violation};
use crate::chunked::Chunked;
use crate::raft::{Event, Index, NodeId, Term};
use crate::sim::hash::Fnv64;
use crate::vec_map::VecMap;
use serde::{Deserialize, Serialize};

/// In `canonical`: no applied index (the state machine is not known to be
/// canonical at any).
const NOT_CANONICAL: Index = Index::MAX;

/// The first entry applied at every index: (term, command hash, by whom).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateMachineSafety {
    /// `applied[i - 1]` for index i; `None` where nothing was applied yet.
    /// Chunked, so checkpoints share it.
    applied: Chunked<Option<(Term, u64, NodeId)>>,
    /// Per node, the last applied index at the last state comparison.
    compared: VecMap<NodeId, Index>,
    /// Per node, the applied index at which its state machine is known to be
    /// the canonical one (see the module docs); a node whose applied index
    /// is elsewhere is compared in full.
    #[serde(default)]
    canonical: VecMap<NodeId, Index>,
    /// Whole state machines compared so far (a test counts them).
    #[serde(default)]
    full_comparisons: u64,
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
        // The state came from a snapshot, not entry by entry.
        self.canonical.insert(node, NOT_CANONICAL);
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
    /// some node's applied index changed since the last comparison; two
    /// canonical ones are equal by construction and not compared.
    pub fn check_states(&mut self, tick: u64, nodes: &[ServerView]) -> Option<Violation> {
        let unchanged = nodes.len() == self.compared.len()
            && nodes
                .iter()
                .all(|n| self.compared.get(&n.id) == Some(&n.state.last_applied));
        if unchanged {
            return None;
        }
        let same_nodes = nodes.len() == self.compared.len()
            && nodes.iter().all(|n| self.compared.contains_key(&n.id));
        if same_nodes {
            for n in nodes {
                self.compared.insert(n.id, n.state.last_applied);
            }
        } else {
            self.compared = nodes.iter().map(|n| (n.id, n.state.last_applied)).collect();
        }
        // Which nodes hold the canonical state; one found equal to a
        // canonical one becomes canonical at once.
        let mut canonical: Vec<bool> = nodes
            .iter()
            .map(|n| self.canonical.get(&n.id) == Some(&n.state.last_applied))
            .collect();
        let mut found = None;
        'pairs: for (i, a) in nodes.iter().enumerate() {
            for (j, b) in nodes.iter().enumerate().skip(i + 1) {
                let index = a.state.last_applied;
                if index != b.state.last_applied || (canonical[i] && canonical[j]) {
                    continue;
                }
                self.full_comparisons += 1;
                if a.state.data != b.state.data {
                    let term = self.applied_at(index).map_or(0, |e| e.0);
                    found = Some(Violation {
                        property: Property::StateMachineSafety,
                        tick,
                        nodes: vec![a.id.min(b.id), a.id.max(b.id)],
                        entries: vec![(index, term)],
                        term: None,
                    });
                    break 'pairs;
                }
                if canonical[i] != canonical[j] {
                    let (k, n) = if canonical[i] { (j, b) } else { (i, a) };
                    canonical[k] = true;
                    self.canonical.insert(n.id, index);
                }
            }
        }
        found
    }

    /// Whole state machines compared so far.
    pub fn full_comparisons(&self) -> u64 {
        self.full_comparisons
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
        let found = match self.applied.get(i).copied().flatten() {
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
        };
        // Canonical at `index` if canonical just before it (index 1: the
        // empty state machine a node starts or restarts with) and this is
        // the entry first applied there.
        let before = self.canonical.get(&node).copied();
        if found.is_none() && (*index == 1 || before == Some(*index - 1)) {
            self.canonical.insert(node, *index);
        } else {
            self.canonical.insert(node, NOT_CANONICAL);
        }
        found
    }
}
