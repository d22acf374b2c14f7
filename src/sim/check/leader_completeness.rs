//! Leader Completeness (Figure 3, §5.4): an entry committed in a term is in
//! the log of every leader of a higher term.
//!
//! The checker learns committed entries from every node's commit index, noting
//! the term in which each was first known committed, and checks each sitting
//! leader of a later term incrementally. A node whose commit index covers a
//! different entry than the one committed there is reported too: a committed
//! entry was lost.

use super::{Property, ServerView, Violation};
use crate::raft::{Index, NodeId, Term};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Committed entries and how far each node and leader was checked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaderCompleteness {
    /// `committed[i - 1]` = (entry term, term in which it was first known committed).
    committed: Vec<(Term, Term)>,
    /// Per node: highest index of its commit already compared.
    node_checked: BTreeMap<NodeId, Index>,
    /// Per leader: (its term, highest committed index already compared).
    leader_checked: BTreeMap<NodeId, (Term, Index)>,
}

impl LeaderCompleteness {
    /// Learns new commits, then checks the sitting leaders.
    pub fn check(&mut self, tick: u64, servers: &[ServerView]) -> Option<Violation> {
        let mut found = None;
        for node in servers {
            let commit = node.commit_index.min(node.log.last_index());
            let checked = self.node_checked.entry(node.id).or_default();
            if commit < *checked {
                *checked = commit; // restarted: commit index is volatile
            }
            for index in (*checked + 1)..=commit {
                let Some(term) = node.log.term_at(index) else {
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
                    None => self.committed.push((term, node.term)),
                }
            }
            *checked = (*checked).max(commit);
        }
        for leader in servers.iter().filter(|n| n.is_leader()) {
            let term = leader.term;
            let entry = self.leader_checked.entry(leader.id).or_insert((term, 0));
            if entry.0 != term {
                *entry = (term, 0);
            }
            for index in (entry.1 + 1)..=(self.committed.len() as Index) {
                let (entry_term, committed_in) = self.committed[index as usize - 1];
                if committed_in < term
                    && leader.log.term_at(index) != Some(entry_term)
                    && found.is_none()
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
