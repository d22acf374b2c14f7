//! Events: every decision a student may ask "why?" about, as data.
//! The UI and the event log explain from these; they never re-derive protocol
//! logic.

//!
//! The [`Event`] catalogue is here; the reasons its variants carry sit beside
//! it (`cause.rs`: elections, replication, commit, configuration; `read.rs`:
//! ReadIndex and lease reads), or beside their rules ([`TransferEnd`] in
//! `transfer.rs`, the snapshot reasons in `snapshot.rs`).
//!
//! The variants' order is part of the derived `Hash`, and so of every trace
//! hash: new variants go last.

mod cause;
mod read;

pub use super::transfer::TransferEnd;
pub use cause::{
    AppendRejection, CommitHold, ConfigCause, ConfigHalf, NoCampaign, RoleCause, VoteDenial,
};
pub use read::{ReadFailure, ReadStep};

use super::kv::{ApplyResult, Command};
use super::membership::Membership;
use super::snapshot::{CompactTrigger, SnapshotIgnore, SnapshotInstall, SnapshotReason};
use super::state::Role;
use super::types::{Index, NodeId, Term};
use super::wellformed::MessageFault;
use serde::{Deserialize, Serialize};

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
