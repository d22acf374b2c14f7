//! "Who is the leader" in the simulation, defined once. The world, the view,
//! scenario conditions and the liveness check all ask here.
//!
//! A node is *a* leader when its role is Leader and it has not crashed: a
//! paused leader keeps its role and all its state and acts as leader again
//! when resumed; a crashed one lost its volatile state (Figure 2) and restarts
//! as a follower. *The* leader is the leader of the newest term: after a
//! partition heals, an old leader may briefly still believe it leads (§5.1,
//! §6.4 of the thesis) until it hears the newer term.

use super::node_slot::{NodeSlot, NodeStatus};
use crate::raft::{NodeId, Role, Term};

impl NodeSlot {
    /// Whether this node counts as a leader ([`is_leader`]).
    pub fn is_leader(&self) -> bool {
        is_leader(self.status, self.node.role())
    }
}

/// Whether a node with this status and role counts as a leader.
pub fn is_leader(status: NodeStatus, role: Role) -> bool {
    role == Role::Leader && status != NodeStatus::Crashed
}

/// The leader of the newest term among `(id, status, role, term)`, if any
/// (the last of equals, as [`Iterator::max_by_key`] picks).
pub fn newest_leader(
    nodes: impl IntoIterator<Item = (NodeId, NodeStatus, Role, Term)>,
) -> Option<NodeId> {
    nodes
        .into_iter()
        .filter(|&(_, status, role, _)| is_leader(status, role))
        .max_by_key(|&(_, _, _, term)| term)
        .map(|(id, ..)| id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paused_leader_leads_a_crashed_one_does_not() {
        assert!(is_leader(NodeStatus::Up, Role::Leader));
        assert!(is_leader(NodeStatus::Paused, Role::Leader));
        assert!(!is_leader(NodeStatus::Crashed, Role::Leader));
        assert!(!is_leader(NodeStatus::Up, Role::Candidate));
    }

    #[test]
    fn the_newest_term_wins() {
        use NodeStatus::*;
        let nodes = [
            (1, Up, Role::Leader, 2),
            (2, Paused, Role::Leader, 5),
            (3, Crashed, Role::Leader, 9),
            (4, Up, Role::Follower, 9),
        ];
        assert_eq!(newest_leader(nodes), Some(2));
        assert_eq!(newest_leader(nodes[2..].iter().copied()), None);
    }
}
