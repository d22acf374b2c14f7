//! Log Matching (Figure 3, §5.3): if two logs contain an entry with the same
//! index and term, the logs are identical up through that index.
//!
//! Checked incrementally through an equivalent local rule: every (index, term)
//! ever seen in any log must always come with the same command and the same
//! term at index − 1. By induction on the index, two logs sharing (i, t) then
//! share every earlier entry. Only entries new since the last step are looked at.

use super::{Property, ServerView, Violation};
use crate::raft::{Index, NodeId, Term};
use crate::sim::hash::Fnv64;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What every (index, term) was first seen with, and how far each log was checked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogMatching {
    seen: BTreeMap<(Index, Term), (Term, u64, NodeId)>,
    checked: BTreeMap<NodeId, Index>,
}

impl LogMatching {
    /// A node's log lost a suffix: re-check from there.
    pub fn truncated(&mut self, node: NodeId, removed: &[(Index, Term)]) {
        if let Some(&(first, _)) = removed.iter().min() {
            let c = self.checked.entry(node).or_default();
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
                match self.seen.get(&key) {
                    Some(&(p, d, other)) if (p, d) != (prev_term, data) => {
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
                        self.seen.insert(key, (prev_term, data, node.id));
                    }
                }
            }
            self.checked.insert(node.id, log.last_index());
        }
        found
    }
}
