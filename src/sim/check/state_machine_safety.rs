//! State Machine Safety (Figure 3, §5.4.3): if a server has applied a log
//! entry at a given index, no other server ever applies a different entry at
//! that index.

use super::{Property, Violation};
use crate::raft::{Event, Index, NodeId, Term};
use crate::sim::hash::Fnv64;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The first entry applied at every index: (term, command hash, by whom).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateMachineSafety {
    applied: BTreeMap<Index, (Term, u64, NodeId)>,
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
