//! Leader Append-Only (Figure 3, §5.3): a leader never overwrites or deletes
//! entries in its log. Checked by remembering, for each sitting leader, its
//! last entry at the previous step: it must still be there, unchanged.

use super::{Property, ServerView, Violation};
use crate::raft::{Index, NodeId, Term};
use crate::vec_map::VecMap;
use serde::{Deserialize, Serialize};

/// Per node: (term of leadership, last index, last term) at the last check.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaderAppendOnly {
    seen: VecMap<NodeId, (Term, Index, Term)>,
}

impl LeaderAppendOnly {
    /// Checks every running leader against what it held one step ago.
    pub fn check(&mut self, tick: u64, servers: &[ServerView]) -> Option<Violation> {
        let mut found = None;
        let mut next = VecMap::new();
        for node in servers.iter().filter(|n| n.is_leader()) {
            let log = node.log;
            if let Some(&(term, index, entry_term)) = self.seen.get(&node.id) {
                // An entry compacted into a snapshot was applied, not
                // overwritten (thesis §5.1): only held entries are compared.
                let kept = log.is_compacted(index) || log.term_at(index) == Some(entry_term);
                if term == node.term && !kept && found.is_none() {
                    found = Some(Violation {
                        property: Property::LeaderAppendOnly,
                        tick,
                        nodes: vec![node.id],
                        entries: vec![(index, entry_term)],
                        term: Some(term),
                    });
                }
            }
            next.insert(node.id, (node.term, log.last_index(), log.last_term()));
        }
        self.seen = next;
        found
    }
}
