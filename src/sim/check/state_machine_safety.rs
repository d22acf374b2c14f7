//! State Machine Safety (Figure 3, §5.4.3): if a server has applied a log
//! entry at a given index, no other server ever applies a different entry at
//! that index.

use super::{Property, Violation};
use crate::chunked::Chunked;
use crate::raft::{Event, NodeId, Term};
use crate::sim::hash::Fnv64;
use serde::{Deserialize, Serialize};

/// The first entry applied at every index: (term, command hash, by whom).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateMachineSafety {
    /// `applied[i - 1]` for index i; `None` where nothing was applied yet.
    /// Chunked, so checkpoints share it.
    applied: Chunked<Option<(Term, u64, NodeId)>>,
}

impl StateMachineSafety {
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
