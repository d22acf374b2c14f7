//! Figure 2's state, split the way a crash splits it: persistent state
//! survives a restart, everything else is rebuilt.

use super::log::RaftLog;
use super::snapshot::Snapshot;
use super::types::{Index, NodeId, Term};
use serde::{Deserialize, Serialize};

/// A node's role (§5.1), plus the pre-candidate of PreVote (thesis §9.6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Answers RPCs, starts nothing.
    Follower,
    /// Asking for pre-votes without raising its term.
    PreCandidate,
    /// Asking for votes in a new term.
    Candidate,
    /// Handles clients and replicates the log.
    Leader,
}

impl Role {
    /// Stable lowercase name (`follower`, `precandidate`, `candidate`, `leader`).
    pub fn name(self) -> &'static str {
        match self {
            Role::Follower => "follower",
            Role::PreCandidate => "precandidate",
            Role::Candidate => "candidate",
            Role::Leader => "leader",
        }
    }
}

/// "Persistent state on all servers" (Figure 2): updated on stable storage
/// before responding to RPCs. The only thing a crash does not take away.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersistentState {
    /// Latest term this server has seen.
    pub current_term: Term,
    /// Candidate that received our vote in the current term, if any.
    pub voted_for: Option<NodeId>,
    /// The log, numbered on from the snapshot.
    pub log: RaftLog,
    /// The snapshot standing for the compacted prefix of the log (thesis
    /// §5.1); its last included index and term are the log's boundary.
    #[serde(default)]
    pub snapshot: Snapshot,
}

/// A leader's view of one follower (Figure 2 "volatile state on leaders").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Index of the next entry to send.
    pub next_index: Index,
    /// Highest index known to be replicated there.
    pub match_index: Index,
    /// Heard from it within the last election timeout (CheckQuorum's window,
    /// thesis §6.2).
    pub recent_active: bool,
}
