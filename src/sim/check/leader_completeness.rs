//! Leader Completeness (Figure 3, §5.4): an entry committed in a term is in
//! the log of every leader of a higher term.
//!
//! The checker learns committed entries from every node's commit index, noting
//! the term in which each was first known committed, and checks each sitting
//! leader of a later term incrementally. A node whose commit index covers a
//! different entry than the one committed there is reported too: a committed
//! entry was lost.
//!
//! Across snapshots (thesis §5.1): a snapshot stands for its prefix. An index
//! inside a node's compacted prefix counts as held when the snapshot's last
//! included entry is the committed one there (by Log Matching the prefix then
//! matches). Entries a node applies and compacts within one step are learned
//! from its `Applied` events of that step, so no commit goes unseen.

use super::{Property, ServerView, Violation};
use crate::chunked::Chunked;
use crate::raft::{Index, NodeId, Term};
use crate::vec_map::VecMap;
use serde::{Deserialize, Serialize};

/// Committed entries and how far each node and leader was checked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaderCompleteness {
    /// `committed[i - 1]` = (entry term, term in which it was first known committed).
    /// Chunked, so checkpoints share it.
    committed: Chunked<(Term, Term)>,
    /// Per node: highest index of its commit already compared.
    node_checked: VecMap<NodeId, Index>,
    /// Per leader: (its term, highest committed index already compared).
    leader_checked: VecMap<NodeId, (Term, Index)>,
    /// Per node: (index, term) applied since the last check (cleared by it).
    applied: VecMap<NodeId, VecMap<Index, Term>>,
}

impl LeaderCompleteness {
    /// Notes its chunked storage (memory report).
    pub(super) fn report_storage(&self, r: &mut crate::chunked::StorageReport) {
        r.add("checker.completeness", &self.committed);
    }

    /// Notes an applied entry (it may be compacted before the next check).
    pub fn applied(&mut self, node: NodeId, index: Index, term: Term) {
        self.applied
            .get_or_insert_with(node, VecMap::new)
            .insert(index, term);
    }

    /// Learns new commits, then checks the sitting leaders.
    pub fn check(&mut self, tick: u64, servers: &[ServerView]) -> Option<Violation> {
        let mut found = None;
        let applied = std::mem::take(&mut self.applied);
        for node in servers {
            let commit = node.commit_index.min(node.log.last_index());
            let checked = self
                .node_checked
                .get_or_insert_with(node.id, Index::default);
            if commit < *checked {
                *checked = commit; // restarted: commit index is volatile
            }
            let recent = applied.get(&node.id);
            for index in (*checked + 1)..=commit {
                let term = node
                    .log
                    .term_at(index)
                    .or_else(|| recent.and_then(|r| r.get(&index).copied()));
                let Some(term) = term else {
                    if node.log.is_compacted(index) && (index as usize) <= self.committed.len() {
                        continue; // inside a snapshot: its boundary is compared
                    }
                    break;
                };
                match self.committed.get(index as usize - 1) {
                    Some(&(t, _)) if t != term && found.is_none() => {
                        found = Some(Violation {
                            property: Property::LeaderCompleteness,
                            tick,
                            nodes: vec![node.id],
                            entries: vec![(index, t), (index, term)],
                            term: Some(node.term),
                        });
                    }
                    Some(_) => {}
                    None if index as usize == self.committed.len() + 1 => {
                        self.committed.push((term, node.term))
                    }
                    None => break, // a gap: learned from another node first
                }
            }
            *checked = (*checked).max(commit);
        }
        for leader in servers.iter().filter(|n| n.is_leader()) {
            let term = leader.term;
            let entry = self
                .leader_checked
                .get_or_insert_with(leader.id, || (term, 0));
            if entry.0 != term {
                *entry = (term, 0);
            }
            for index in (entry.1 + 1)..=(self.committed.len() as Index) {
                let (entry_term, committed_in) = self.committed[index as usize - 1];
                if committed_in < term
                    && found.is_none()
                    && !holds(&self.committed, leader, index, entry_term)
                {
                    found = Some(Violation {
                        property: Property::LeaderCompleteness,
                        tick,
                        nodes: vec![leader.id],
                        entries: vec![(index, entry_term)],
                        term: Some(term),
                    });
                }
            }
            entry.1 = self.committed.len() as Index;
        }
        found
    }
}

/// Whether `node`'s log holds the committed entry at `index`, counting its
/// snapshot as holding its prefix.
fn holds(
    committed: &Chunked<(Term, Term)>,
    node: &ServerView,
    index: Index,
    entry_term: Term,
) -> bool {
    let log = node.log;
    if !log.is_compacted(index) {
        return log.term_at(index) == Some(entry_term);
    }
    let boundary = usize::try_from(log.snapshot_index()).unwrap_or(usize::MAX);
    match committed.get(boundary.wrapping_sub(1)) {
        Some(&(t, _)) => t == log.snapshot_term(),
        None => true, // beyond what is known committed: its node's commit check reports it
    }
}
