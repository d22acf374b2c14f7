//! Log Matching (Figure 3, §5.3): if two logs contain an entry with the same
//! index and term, the logs are identical up through that index.
//!
//! Checked incrementally through an equivalent local rule: every (index, term)
//! ever seen in any log must always come with the same command and the same
//! term at index − 1. By induction on the index, two logs sharing (i, t) then
//! share every earlier entry. Only entries new since the last step are looked at.

use super::{Property, ServerView, Violation};
use crate::chunked::Chunked;
use crate::raft::{Index, NodeId, Term};
use crate::sim::hash::Fnv64;
use crate::vec_map::VecMap;
use serde::{Deserialize, Serialize};

/// What an (index, term) was first seen with: (term at index − 1, command
/// hash, the node whose log showed it).
type Seen = (Term, u64, NodeId);

/// What every (index, term) was first seen with, and how far each log was checked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogMatching {
    /// `first[i - 1]`: the first term seen at index i and what came with it
    /// (term 0: none yet). Chunked, so checkpoints share it.
    first: Chunked<(Term, Seen)>,
    /// Further terms seen at an index already taken (conflicting entries).
    others: VecMap<(Index, Term), Seen>,
    checked: VecMap<NodeId, Index>,
}

impl LogMatching {
    /// Notes its chunked storage (memory report).
    pub(super) fn report_storage(&self, r: &mut crate::chunked::StorageReport) {
        r.add("checker.log_matching", &self.first);
    }

    fn seen(&self, (index, term): (Index, Term)) -> Option<Seen> {
        match self.first.get((index as usize).wrapping_sub(1)) {
            Some(&(t, seen)) if t == term => Some(seen),
            _ => self.others.get(&(index, term)).copied(),
        }
    }

    fn insert(&mut self, (index, term): (Index, Term), seen: Seen) {
        let Some(i) = (index as usize).checked_sub(1) else {
            return; // index 0 is the sentinel, never an entry
        };
        while self.first.len() <= i {
            self.first.push((0, (0, 0, 0)));
        }
        match self.first.get_mut(i) {
            Some(slot) if slot.0 == 0 => *slot = (term, seen),
            _ => {
                self.others.insert((index, term), seen);
            }
        }
    }

    /// A node's log lost a suffix: re-check from there.
    pub fn truncated(&mut self, node: NodeId, removed: &[(Index, Term)]) {
        if let Some(&(first, _)) = removed.iter().min() {
            let c = self.checked.get_or_insert_with(node, Index::default);
            *c = (*c).min(first.saturating_sub(1));
        }
    }

    /// Checks the entries each log gained since the last step.
    pub fn check(&mut self, tick: u64, nodes: &[ServerView]) -> Option<Violation> {
        let mut found = None;
        for node in nodes {
            let log = node.log;
            let from = self.checked.get(&node.id).copied().unwrap_or(0) + 1;
            for index in from.max(log.first_index())..=log.last_index() {
                let Some(entry) = log.get(index) else {
                    break;
                };
                let prev_term = log.term_at(index - 1).unwrap_or(0);
                let data = Fnv64::mix(0, &entry.data);
                let key = (index, entry.term);
                match self.seen(key) {
                    Some((p, d, other)) if (p, d) != (prev_term, data) => {
                        if found.is_none() {
                            found = Some(Violation {
                                property: Property::LogMatching,
                                tick,
                                nodes: vec![other.min(node.id), other.max(node.id)],
                                entries: vec![key],
                                term: Some(entry.term),
                            });
                        }
                    }
                    Some(_) => {}
                    None => {
                        self.insert(key, (prev_term, data, node.id));
                    }
                }
            }
            self.checked.insert(node.id, log.last_index());
        }
        found
    }
}
