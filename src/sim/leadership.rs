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
use crate::raft::{Index, NodeId, RaftLog, Role, Term};

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

/// Whether a leader whose log is `leader_log` will overwrite the entry
/// `(index, term)` wherever another node holds it: the leader does not hold
/// it. The leader forces the followers' logs to duplicate its own (§5.3): a
/// conflicting entry is deleted as soon as the leader's AppendEntries reach
/// its index, and one beyond the leader's log when the leader's log grows
/// there. An index the leader has compacted is committed (thesis §5.1) and
/// is not judged here (false). The entry card and the client panel both
/// ask here whether an entry is doomed.
pub fn overwrites(leader_log: &RaftLog, index: Index, term: Term) -> bool {
    match leader_log.term_at(index) {
        Some(t) => t != term,
        None => index > leader_log.last_index(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_leader_overwrites_what_it_does_not_hold() {
        use crate::raft::EntryData;
        let mut log = RaftLog::default();
        for t in [1, 1, 2] {
            log.append(t, EntryData::Noop);
        }
        assert!(!overwrites(&log, 2, 1), "held: kept");
        assert!(overwrites(&log, 2, 3), "a different term at its index");
        assert!(overwrites(&log, 4, 2), "beyond the leader's log");
        assert!(!overwrites(&log, 3, 2));
    }

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
