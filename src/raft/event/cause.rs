//! Why elections, replication, commit and configuration went as they did:
//! the reasons [`super::Event`] variants carry, each naming the rule of the
//! paper or thesis it comes from.

use crate::raft::membership::ConfChange;
use crate::raft::types::{Index, LogPosition, NodeId, Term};
use serde::{Deserialize, Serialize};

/// Why a role changed.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RoleCause {
    /// The election timer fired with no word from a leader (§5.2).
    ElectionTimeout,
    /// Asked to campaign now (a forced timeout).
    ForcedTimeout,
    /// A majority of pre-votes came back (thesis §9.6).
    WonPreVote {
        /// Who granted, self included.
        votes: Vec<NodeId>,
    },
    /// A majority of votes came back (§5.2).
    WonElection {
        /// Who granted, self included.
        votes: Vec<NodeId>,
    },
    /// A message carried a higher term (§5.1).
    SawHigherTerm {
        /// Its sender.
        from: NodeId,
        /// The term seen.
        term: Term,
    },
    /// An AppendEntries from the leader of this term (§5.2).
    DiscoveredLeader {
        /// The leader.
        leader: NodeId,
    },
    /// CheckQuorum: no word from a majority for an election timeout (thesis §6.2).
    LostQuorum {
        /// Peers heard from in that window, self included.
        heard_from: Vec<NodeId>,
    },
    /// The configuration at `index`, which leaves this leader out of the
    /// voters, committed: the leader steps down (thesis §4.2.2).
    RemovedFromConfig {
        /// The configuration entry's index.
        index: Index,
    },
    /// The leader handed over leadership: TimeoutNow (thesis §3.10).
    TimeoutNow {
        /// The leader that sent it.
        from: NodeId,
    },
}

/// One half of a joint configuration (thesis §4.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConfigHalf {
    /// C_new.
    Incoming,
    /// C_old.
    Outgoing,
}

/// Why a server whose election timer fired did not campaign.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NoCampaign {
    /// A learner never campaigns (thesis §4.2.1).
    Learner,
    /// Its latest configuration does not name it a voter (a new server that
    /// has no configuration yet, or a removed one, thesis §4.2.2).
    NotAVoter,
}

/// How a server came to use a configuration (thesis §4.1: the latest in
/// its log, committed or not).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConfigCause {
    /// This leader appended it for a requested change.
    Proposed(ConfChange),
    /// This leader appended C_new because C_old,new committed (thesis §4.3).
    AutoLeaveJoint,
    /// It arrived in an AppendEntries.
    Replicated,
    /// The entry that held the newer one was truncated: back to this one.
    Reverted,
    /// It came in a snapshot installed from the leader (thesis §5.1).
    Snapshot,
}

/// Why a vote or pre-vote was denied.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum VoteDenial {
    /// The candidate's term is older than ours (§5.1).
    StaleTerm {
        /// Term in the request.
        candidate_term: Term,
        /// Our term.
        our_term: Term,
    },
    /// We already voted for someone else in this term (§5.2).
    AlreadyVoted {
        /// Whom.
        voted_for: NodeId,
    },
    /// The candidate's log is less up to date than ours (§5.4.1).
    LogBehind {
        /// The candidate's last entry.
        candidate_last: LogPosition,
        /// Ours.
        our_last: LogPosition,
    },
    /// We heard from a live leader within the election timeout (thesis §4.2.3,
    /// §9.6): the leader lease.
    LeaderRecentlyHeard {
        /// That leader.
        leader: NodeId,
    },
    /// We are the leader of this term.
    WeAreLeader,
}

/// Why an AppendEntries was rejected.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AppendRejection {
    /// The leader's term is older than ours (§5.1).
    StaleTerm {
        /// Term in the request.
        leader_term: Term,
        /// Our term.
        our_term: Term,
    },
    /// We have no entry at `prev_log_index` (§5.3 consistency check).
    MissingEntry {
        /// Index asked about.
        prev_log_index: Index,
        /// Our last index.
        our_last_index: Index,
    },
    /// Our entry at `prev_log_index` has another term (§5.3).
    TermMismatch {
        /// Index asked about.
        prev_log_index: Index,
        /// Term the leader has there.
        prev_log_term: Term,
        /// Term we have there.
        our_term: Term,
        /// First index of our conflicting term: the hint to the leader.
        conflict_index: Index,
    },
}

/// Why the leader did not advance its commit index.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CommitHold {
    /// The entry a majority holds is from an earlier term: §5.4.2 forbids
    /// committing it by counting replicas (Figure 8).
    OldTerm {
        /// The majority-held index.
        index: Index,
        /// Its term.
        entry_term: Term,
        /// The leader's term.
        current_term: Term,
        /// Who holds it.
        holders: Vec<NodeId>,
    },
    /// The next entry is not yet held by a majority.
    NoMajority {
        /// The next uncommitted index.
        index: Index,
        /// Who holds it, self included.
        holders: Vec<NodeId>,
        /// How many must hold it.
        needed: usize,
    },
    /// Joint consensus (thesis §4.3): the next entry lacks a majority of one
    /// half (or both).
    NoJointMajority {
        /// The next uncommitted index.
        index: Index,
        /// Who holds it, self included.
        holders: Vec<NodeId>,
        /// The half (or halves) still short.
        short: Vec<ConfigHalf>,
    },
}
