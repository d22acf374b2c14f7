//! The `data` of a trace file's events: each event written as JSON in
//! exactly the shape its `serde` derive gave it (externally tagged enums,
//! struct variants as objects in field order), by the small codec instead
//! of `serde_json`, so neither is linked into the wasm (issue 15).
//! `tests/json_codec/` compares every event of the built-in scenarios and
//! of chaos runs with what `serde_json` writes.
//!
//! Written only: a trace is re-opened from its config and actions, never
//! from its events.

use super::share::codec::{begin_variant, end_variant, field, newtype, ToJson};
use super::share::json::Writer;
use crate::raft::{
    AppendRejection, ApplyResult, CommitHold, CompactTrigger, ConfigCause, ConfigHalf, Event,
    MessageFault, MessageKind, NoCampaign, ReadFailure, ReadStep, Role, RoleCause, SnapshotIgnore,
    SnapshotInstall, SnapshotReason, TransferEnd, UnsafeRule, VoteDenial,
};
use crate::sim::{AckReason, DropReason, SimEvent, TraceKind};

/// `{"name":{"field":value,…}}`: a struct variant. The fields go through
/// `dyn` so each variant costs a table, not a copy of the writing code.
fn fields(w: &mut Writer, name: &str, fs: &[(&str, &dyn ToJson)]) {
    begin_variant(w, name);
    w.begin_obj();
    for (key, v) in fs {
        field(w, key, *v);
    }
    w.end_obj();
    end_variant(w);
}

/// `ToJson` for an enum, from its variants' names and fields as declared:
/// `Unit`, `Struct { a, b }`, `Newtype(x)`.
macro_rules! write_enum {
    (@body $w:ident, $v:ident) => { $w.str(stringify!($v)) };
    (@body $w:ident, $v:ident { $($f:ident),* }) => {
        fields($w, stringify!($v), &[$((stringify!($f), $f as &dyn ToJson)),*])
    };
    (@body $w:ident, $v:ident ( $p:ident )) => { newtype($w, stringify!($v), $p) };
    ($t:ty { $($v:ident $({ $($f:ident),* $(,)? })? $(( $p:ident ))?),* $(,)? }) => {
        impl ToJson for $t {
            fn to_json(&self, w: &mut Writer) {
                match self {
                    $(Self::$v $({ $($f),* })? $(( $p ))? =>
                        write_enum!(@body w, $v $({ $($f),* })? $(( $p ))?),)*
                }
            }
        }
    };
}

write_enum!(TraceKind { Raft(e), Sim(e) });

write_enum!(Event {
    RoleChanged { from, to, term, cause },
    TermAdopted { from_term, to_term, from },
    VoteGranted { candidate, term, pre_vote },
    VoteDenied { candidate, term, pre_vote, reason },
    VoteCounted { from, granted, pre_vote, granted_total, needed },
    AppendAccepted { leader, prev_log_index, entries, match_index },
    AppendRejected { leader, reason },
    EntriesTruncated { removed },
    NextIndexBackedUp { follower, from, to },
    CommitAdvanced { from, to, by },
    CommitHeld { hold },
    Applied { index, term, command, result },
    StaleIgnored { from, term },
    MessageRejected { from, fault },
    SnapshotTaken { last_included_index, last_included_term, compacted, trigger },
    SnapshotSent { follower, last_included_index, last_included_term, reason },
    SnapshotInstalled { leader, last_included_index, last_included_term, outcome },
    SnapshotIgnored { leader, last_included_index, reason },
    RestoredFromSnapshot { last_included_index, last_included_term },
    ConfigAdopted { index, membership, cause },
    ConfigCommitted { index, membership },
    CampaignSkipped { reason },
    VoteNotCounted { from, pre_vote },
    JointVoteLost { half, granted, needed, pre_vote },
    Read { read_id, step },
    TransferStarted { target, target_match, last_index },
    TimeoutNowSent { target },
    TransferEnded { target, end },
    UnsafeRuleBroken { rule },
});

write_enum!(SimEvent {
    Crashed,
    Restarted,
    Paused,
    Resumed,
    LinkChanged { from, to, up },
    MessageDropped { id, kind, to, reason },
    MessageDuplicated { id },
    MessageHeld { id },
    MessageReleased { id },
    ClientOutcome { op, ok },
    ServerAdded { leader },
    WriteAcknowledged { op, index, term, mode, reason },
});

write_enum!(Role {
    Follower,
    PreCandidate,
    Candidate,
    Leader
});

write_enum!(RoleCause {
    ElectionTimeout,
    ForcedTimeout,
    WonPreVote { votes },
    WonElection { votes },
    SawHigherTerm { from, term },
    DiscoveredLeader { leader },
    LostQuorum { heard_from },
    RemovedFromConfig { index },
    TimeoutNow { from },
});

write_enum!(ConfigHalf { Incoming, Outgoing });
write_enum!(NoCampaign { Learner, NotAVoter });

write_enum!(ConfigCause {
    Proposed(change),
    AutoLeaveJoint,
    Replicated,
    Reverted,
    Snapshot,
});

write_enum!(VoteDenial {
    StaleTerm { candidate_term, our_term },
    AlreadyVoted { voted_for },
    LogBehind { candidate_last, our_last },
    LeaderRecentlyHeard { leader },
    WeAreLeader,
});

write_enum!(AppendRejection {
    StaleTerm { leader_term, our_term },
    MissingEntry { prev_log_index, our_last_index },
    TermMismatch { prev_log_index, prev_log_term, our_term, conflict_index },
});

write_enum!(CommitHold {
    OldTerm { index, entry_term, current_term, holders },
    NoMajority { index, holders, needed },
    NoJointMajority { index, holders, short },
});

write_enum!(ReadStep {
    WaitingForCommitInTerm,
    IndexRecorded { read_index, round },
    Confirmed { read_index, acks },
    ServedByLease { read_index, lease_left },
    LeaseExpired,
    Forwarded { leader },
    IndexReceived { leader, read_index },
    Unconfirmed { read_index },
    Answered { read_index, key, value },
    Failed { reason },
});

write_enum!(ReadFailure {
    NoLongerLeader,
    LeaderChanged,
    LeaderRefused { leader },
});

write_enum!(ApplyResult {
    Written { previous },
    Read { value },
    Noop,
});

write_enum!(MessageFault {
    SelfAddressed,
    TermTooLarge,
    IndexTooLarge,
    TooManyEntries,
    NotContiguous { at },
    EntryTermOutOfOrder { at },
    LogTermAboveTerm,
    CommandTooLong,
});

write_enum!(CompactTrigger {
    Manual,
    Threshold { entries },
});
write_enum!(SnapshotReason {
    EntryCompacted { next_index, first_index },
});
write_enum!(SnapshotInstall {
    KeptSuffix { kept },
    DiscardedLog { discarded },
});
write_enum!(SnapshotIgnore {
    StaleTerm { leader_term, our_term },
    StaleSnapshot { last_included_index, commit_index },
});
write_enum!(TransferEnd {
    TimedOut,
    SteppedDown
});

write_enum!(UnsafeRule {
    VotedWithoutLogCheck { candidate, term, candidate_last, our_last },
    CommittedOldTermByCounting { index, entry_term, current_term },
    ForgotVote { term, voted_for },
    AcceptedStaleLeader { leader, leader_term, our_term },
    OneStepMembershipChange { from, to },
    ReadWithoutConfirmingLeadership { read_id, term, read_index },
});

write_enum!(DropReason {
    Lost,
    LinkCut,
    ReceiverDown,
    ByUser,
    Overflow
});
write_enum!(AckReason {
    Appended,
    FollowerStored { stored, followers },
    AllStored { followers },
    Committed { commit_index },
});

write_enum!(MessageKind {
    PreVote,
    PreVoteResponse,
    RequestVote,
    RequestVoteResponse,
    AppendEntries,
    AppendEntriesResponse,
    InstallSnapshot,
    InstallSnapshotResponse,
    ReadIndex,
    ReadIndexResponse,
    TimeoutNow,
});
