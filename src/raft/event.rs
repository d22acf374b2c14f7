//! Events: every decision a student may ask "why?" about, as data.
//! The UI and the event log explain from these; they never re-derive protocol
//! logic.

use super::kv::{ApplyResult, Command};
use super::membership::{ConfChange, Membership};
use super::snapshot::{CompactTrigger, SnapshotIgnore, SnapshotInstall, SnapshotReason};
use super::state::Role;
use super::types::{Index, LogPosition, NodeId, Term};
use super::wellformed::MessageFault;
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

/// Something a node decided, and why.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Event {
    /// Follower / pre-candidate / candidate / leader transition.
    RoleChanged {
        /// Old role.
        from: Role,
        /// New role.
        to: Role,
        /// Term after the change.
        term: Term,
        /// Why.
        cause: RoleCause,
    },
    /// Our term rose to match a message (§5.1).
    TermAdopted {
        /// Old term.
        from_term: Term,
        /// New term.
        to_term: Term,
        /// Sender of the message.
        from: NodeId,
    },
    /// We granted a (pre-)vote.
    VoteGranted {
        /// To whom.
        candidate: NodeId,
        /// For which term.
        term: Term,
        /// A pre-vote?
        pre_vote: bool,
    },
    /// We denied a (pre-)vote.
    VoteDenied {
        /// To whom.
        candidate: NodeId,
        /// For which term.
        term: Term,
        /// A pre-vote?
        pre_vote: bool,
        /// Why.
        reason: VoteDenial,
    },
    /// As (pre-)candidate we counted an answer.
    VoteCounted {
        /// From whom.
        from: NodeId,
        /// Granted?
        granted: bool,
        /// A pre-vote?
        pre_vote: bool,
        /// Granted so far, self included.
        granted_total: usize,
        /// Granted needed for a majority.
        needed: usize,
    },
    /// We accepted an AppendEntries.
    AppendAccepted {
        /// From which leader.
        leader: NodeId,
        /// Its `prev_log_index`.
        prev_log_index: Index,
        /// Entries it carried.
        entries: usize,
        /// Our last index now known to match the leader.
        match_index: Index,
    },
    /// We rejected an AppendEntries.
    AppendRejected {
        /// From which leader.
        leader: NodeId,
        /// Why.
        reason: AppendRejection,
    },
    /// Conflicting entries were deleted from our log (Figure 2, receiver rule 3).
    EntriesTruncated {
        /// (index, term) of each removed entry.
        removed: Vec<(Index, Term)>,
    },
    /// As leader, a follower's rejection moved its nextIndex back (§5.3).
    NextIndexBackedUp {
        /// The follower.
        follower: NodeId,
        /// Old nextIndex.
        from: Index,
        /// New nextIndex.
        to: Index,
    },
    /// The commit index advanced.
    CommitAdvanced {
        /// Old commit index.
        from: Index,
        /// New commit index.
        to: Index,
        /// Leader: the majority holding `to`. Follower: the leader that told us.
        by: Vec<NodeId>,
    },
    /// As leader, the commit index could not advance (emitted when the reason changes).
    CommitHeld {
        /// Why.
        hold: CommitHold,
    },
    /// A committed entry was applied to the state machine.
    Applied {
        /// Its index.
        index: Index,
        /// Its term.
        term: Term,
        /// Its command (`None` for a no-op).
        command: Option<Command>,
        /// What the state machine returned.
        result: ApplyResult,
    },
    /// A message was ignored because its term is older than ours and it needs no answer.
    StaleIgnored {
        /// Its sender.
        from: NodeId,
        /// Its term.
        term: Term,
    },
    /// A message no correct server could send was dropped unread (a forged
    /// or corrupted message; see [`crate::raft::MessageFault`]).
    MessageRejected {
        /// Its claimed sender.
        from: NodeId,
        /// What was wrong with it.
        fault: MessageFault,
    },
    /// This node compacted its log into a snapshot (thesis §5.1).
    SnapshotTaken {
        /// The snapshot's last included index.
        last_included_index: Index,
        /// Its term.
        last_included_term: Term,
        /// Entries dropped from the log.
        compacted: usize,
        /// Asked for, or the automatic threshold.
        trigger: CompactTrigger,
    },
    /// As leader, sent InstallSnapshot instead of AppendEntries (thesis §5.1).
    SnapshotSent {
        /// The follower.
        follower: NodeId,
        /// The snapshot's last included index.
        last_included_index: Index,
        /// Its term.
        last_included_term: Term,
        /// Why not AppendEntries.
        reason: SnapshotReason,
    },
    /// Installed a leader's snapshot (thesis Figure 5.3).
    SnapshotInstalled {
        /// From which leader.
        leader: NodeId,
        /// Its last included index.
        last_included_index: Index,
        /// Its term.
        last_included_term: Term,
        /// Whether a matching suffix of our log was kept.
        outcome: SnapshotInstall,
    },
    /// Ignored an InstallSnapshot.
    SnapshotIgnored {
        /// From which leader.
        leader: NodeId,
        /// Its last included index.
        last_included_index: Index,
        /// Why.
        reason: SnapshotIgnore,
    },
    /// A restart rebuilt the state machine from the persisted snapshot
    /// (thesis §5.1); the log after it is applied as it commits again.
    RestoredFromSnapshot {
        /// The snapshot's last included index (the commit index restarts there).
        last_included_index: Index,
        /// Its term.
        last_included_term: Term,
    },
    /// A new configuration is in force on this server (thesis §4.1).
    ConfigAdopted {
        /// The configuration entry's index (0: the bootstrap configuration).
        index: Index,
        /// The configuration now in force.
        membership: Membership,
        /// Why.
        cause: ConfigCause,
    },
    /// A configuration entry committed (applied) on this server.
    ConfigCommitted {
        /// Its index.
        index: Index,
        /// The configuration.
        membership: Membership,
    },
    /// The election timer fired but this server may not campaign.
    CampaignSkipped {
        /// Why.
        reason: NoCampaign,
    },
    /// A vote answer from a server that does not vote in our configuration
    /// (a learner, thesis §4.2.1): not counted.
    VoteNotCounted {
        /// From whom.
        from: NodeId,
        /// A pre-vote?
        pre_vote: bool,
    },
    /// Joint consensus: one half has denied a majority, so this election is
    /// lost even if the other half granted (thesis §4.3).
    JointVoteLost {
        /// The half that denied.
        half: ConfigHalf,
        /// Granted in that half.
        granted: usize,
        /// Needed in that half.
        needed: usize,
        /// A pre-vote?
        pre_vote: bool,
    },
    /// A step of a ReadIndex or lease read (thesis §6.4).
    Read {
        /// The read's id, chosen by the client.
        read_id: u64,
        /// What happened.
        step: ReadStep,
    },
    /// As leader, a leadership transfer began (thesis §3.10): no more client
    /// commands until it ends.
    TransferStarted {
        /// The node to hand over to.
        target: NodeId,
        /// Its matchIndex then.
        target_match: Index,
        /// Our last index: the target must reach it first.
        last_index: Index,
    },
    /// As leader, the target is up to date: TimeoutNow sent.
    TimeoutNowSent {
        /// The target.
        target: NodeId,
    },
    /// As (former) leader, the transfer is over.
    TransferEnded {
        /// The target.
        target: NodeId,
        /// How.
        end: TransferEnd,
    },
    /// An unsafe teaching switch made this node break a rule (the cause a
    /// later safety violation points back to).
    UnsafeRuleBroken {
        /// The rule broken, with what.
        rule: super::unsafe_rule::UnsafeRule,
    },
}

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

/// How a leadership transfer ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TransferEnd {
    /// No new leader within an election timeout: aborted, commands accepted again.
    TimedOut,
    /// The leader stepped down (normally: the target won and told us).
    SteppedDown,
}
