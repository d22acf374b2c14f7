//! Election Safety (Figure 3, §5.2): at most one leader per term.

use super::{Property, Violation};
use crate::raft::{Event, NodeId, Role, Term};
use crate::vec_map::VecMap;
use serde::{Deserialize, Serialize};

/// Remembers the leader of every term seen.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElectionSafety {
    leaders: VecMap<Term, NodeId>,
}

impl ElectionSafety {
    /// The leader seen for `term`, if any (the first one, if there were two).
    pub fn leader_of(&self, term: Term) -> Option<NodeId> {
        self.leaders.get(&term).copied()
    }

    /// Looks at a role change; a second leader in a term is a violation.
    pub fn observe(&mut self, tick: u64, node: NodeId, event: &Event) -> Option<Violation> {
        let Event::RoleChanged {
            to: Role::Leader,
            term,
            ..
        } = event
        else {
            return None;
        };
        match self.leaders.get(term) {
            Some(&other) if other != node => Some(Violation {
                property: Property::ElectionSafety,
                tick,
                nodes: vec![other.min(node), other.max(node)],
                entries: Vec::new(),
                term: Some(*term),
            }),
            Some(_) => None,
            None => {
                self.leaders.insert(*term, node);
                None
            }
        }
    }
}
