//! The steps of a ReadIndex or lease read (thesis §6.4, §6.4.1), as
//! [`super::Event::Read`] carries them, and why a read is abandoned.
//!
//! Tested in `tests/read_index.rs`.

use crate::raft::types::{Index, NodeId};
use serde::{Deserialize, Serialize};

/// One step of a ReadIndex or lease read (thesis §6.4, §6.4.1).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReadStep {
    /// Leader: nothing of this term committed yet; the read waits (§6.4 step 1).
    WaitingForCommitInTerm,
    /// Leader: commit index recorded as the read index; heartbeat round sent (steps 2–3).
    IndexRecorded {
        /// The read index.
        read_index: Index,
        /// The heartbeat round that must be echoed by a majority.
        round: u64,
    },
    /// Leader: a majority echoed the round: still leader (step 3).
    Confirmed {
        /// The read index.
        read_index: Index,
        /// Who echoed it, self included.
        acks: Vec<NodeId>,
    },
    /// Leader: answered within the lease, no round trip (§6.4.1).
    ServedByLease {
        /// The read index.
        read_index: Index,
        /// Ticks of lease left.
        lease_left: u64,
    },
    /// Leader: no lease in force; confirming by a heartbeat round instead.
    LeaseExpired,
    /// Follower: forwarded to the leader.
    Forwarded {
        /// The leader.
        leader: NodeId,
    },
    /// Follower: the leader confirmed and sent the read index.
    IndexReceived {
        /// The leader.
        leader: NodeId,
        /// The read index.
        read_index: Index,
    },
    /// Unsafe `stale-leader-read`: answered from local state without
    /// confirming leadership.
    Unconfirmed {
        /// The commit index it read at.
        read_index: Index,
    },
    /// Applied up to the read index: the answer (step 4).
    Answered {
        /// The read index.
        read_index: Index,
        /// The key read.
        key: String,
        /// Its value then.
        value: Option<String>,
    },
    /// The read was abandoned; the client may retry.
    Failed {
        /// Why.
        reason: ReadFailure,
    },
}

/// Why a read was abandoned.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReadFailure {
    /// The leader stepped down before confirming it.
    NoLongerLeader,
    /// The follower's leader changed before answering.
    LeaderChanged,
    /// The node it was forwarded to is not the leader.
    LeaderRefused {
        /// That node.
        leader: NodeId,
    },
}
