//! Where a client operation stands, and why an attempt failed (§8: the
//! client retries through redirects; an answer may never come).

use crate::raft::{ApplyResult, Index, NodeId, ReadFailure, Term};
use crate::sim::replication_mode::AckReason;
use serde::{Deserialize, Serialize};

/// Why an attempt did not (or may not have) succeeded.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OpFailure {
    /// The chosen node is not the leader (no redirect for a chosen node).
    NotLeader {
        /// The node asked.
        node: NodeId,
        /// The leader it named, if any.
        leader: Option<NodeId>,
    },
    /// The chosen node is crashed or paused.
    NodeDown {
        /// The node.
        node: NodeId,
    },
    /// No leader could be found after every retry.
    NoLeader,
    /// The entry was overwritten in the log of the leader that took it (§5.3).
    /// Another node's copy may still be committed by a later leader (Figure 8),
    /// so unless a different entry is already committed at that index, the
    /// outcome is unknown.
    Overwritten {
        /// Where it was.
        index: Index,
        /// Its term.
        term: Term,
    },
    /// The leader crashed before answering: the entry may or may not commit.
    LeaderCrashed {
        /// The leader.
        node: NodeId,
    },
    /// No answer in time: the entry may or may not commit.
    TimedOut,
    /// The leader is handing over leadership and takes no commands (thesis §3.10).
    LeaderTransferring {
        /// The leader.
        node: NodeId,
        /// The node it hands over to.
        target: NodeId,
    },
    /// A ReadIndex or lease read was abandoned by the node asked.
    ReadAbandoned {
        /// The node.
        node: NodeId,
        /// Why.
        reason: ReadFailure,
    },
}

/// Where an operation stands.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OpStatus {
    /// Waiting to (re)try at a tick.
    Waiting {
        /// When.
        retry_at: u64,
        /// Why the last attempt failed, if one did.
        last: Option<OpFailure>,
    },
    /// Appended by a leader; waiting for it to apply the entry.
    Pending {
        /// The leader that took it.
        node: NodeId,
        /// Its index.
        index: Index,
        /// Its term.
        term: Term,
    },
    /// Committed and applied; the state machine's answer.
    Committed {
        /// The node that answered.
        node: NodeId,
        /// Its index.
        index: Index,
        /// Its term.
        term: Term,
        /// The answer.
        result: ApplyResult,
        /// When.
        at: u64,
    },
    /// Acknowledged before it was applied, under a replication mode other
    /// than Raft: the client has its answer, whatever later happens to the
    /// entry (it may still be lost: the linearizability check judges).
    Acknowledged {
        /// The leader that answered.
        node: NodeId,
        /// Its index.
        index: Index,
        /// Its term.
        term: Term,
        /// The answer given.
        result: ApplyResult,
        /// Why the mode allowed the answer.
        reason: AckReason,
        /// When.
        at: u64,
    },
    /// Given up.
    Failed {
        /// Why.
        reason: OpFailure,
        /// When.
        at: u64,
    },
    /// A ReadIndex or lease read is in progress at a node (thesis §6.4).
    Reading {
        /// The node asked.
        node: NodeId,
        /// The read's id.
        read_id: u64,
    },
    /// A ReadIndex or lease read was answered.
    ReadAnswered {
        /// The node that answered.
        node: NodeId,
        /// The read index it waited for.
        read_index: Index,
        /// The value read.
        value: Option<String>,
        /// When.
        at: u64,
    },
}
