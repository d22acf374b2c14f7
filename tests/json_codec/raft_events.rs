//! One raft `Event` of every variant the built-in scenarios do not all reach,
//! down to the reasons they carry.

use crate::samples::membership;
use raftlab::raft::*;

/// The raft events, each reason enum's variants in turn.
pub fn raft_events() -> Vec<Event> {
    let pos = |term, index| LogPosition { term, index };
    let role = |from, to, cause| Event::RoleChanged {
        from,
        to,
        term: 3,
        cause,
    };
    let mut raft = vec![
        role(
            Role::Follower,
            Role::PreCandidate,
            RoleCause::ElectionTimeout,
        ),
        role(Role::Follower, Role::Candidate, RoleCause::ForcedTimeout),
        role(
            Role::PreCandidate,
            Role::Candidate,
            RoleCause::WonPreVote { votes: vec![1, 2] },
        ),
        role(
            Role::Candidate,
            Role::Leader,
            RoleCause::WonElection { votes: vec![] },
        ),
        role(
            Role::Leader,
            Role::Follower,
            RoleCause::SawHigherTerm { from: 2, term: 4 },
        ),
        role(
            Role::Candidate,
            Role::Follower,
            RoleCause::DiscoveredLeader { leader: 1 },
        ),
        role(
            Role::Leader,
            Role::Follower,
            RoleCause::LostQuorum {
                heard_from: vec![1],
            },
        ),
        role(
            Role::Leader,
            Role::Follower,
            RoleCause::RemovedFromConfig { index: 9 },
        ),
        role(
            Role::Follower,
            Role::Candidate,
            RoleCause::TimeoutNow { from: 3 },
        ),
        Event::MessageRejected {
            from: 2,
            fault: MessageFault::SelfAddressed,
        },
        Event::SnapshotIgnored {
            leader: 1,
            last_included_index: 4,
            reason: SnapshotIgnore::StaleTerm {
                leader_term: 1,
                our_term: 2,
            },
        },
        Event::SnapshotIgnored {
            leader: 1,
            last_included_index: 4,
            reason: SnapshotIgnore::StaleSnapshot {
                last_included_index: 4,
                commit_index: 6,
            },
        },
        Event::RestoredFromSnapshot {
            last_included_index: 4,
            last_included_term: 2,
        },
        Event::CampaignSkipped {
            reason: NoCampaign::Learner,
        },
        Event::CampaignSkipped {
            reason: NoCampaign::NotAVoter,
        },
        Event::VoteNotCounted {
            from: 4,
            pre_vote: true,
        },
        Event::JointVoteLost {
            half: ConfigHalf::Incoming,
            granted: 1,
            needed: 2,
            pre_vote: false,
        },
        Event::CommitHeld {
            hold: CommitHold::NoJointMajority {
                index: 3,
                holders: vec![1],
                short: vec![ConfigHalf::Outgoing],
            },
        },
        Event::CommitHeld {
            hold: CommitHold::NoMajority {
                index: 3,
                holders: vec![1],
                needed: 2,
            },
        },
        Event::CommitHeld {
            hold: CommitHold::OldTerm {
                index: 3,
                entry_term: 1,
                current_term: 2,
                holders: vec![1, 2],
            },
        },
        Event::SnapshotTaken {
            last_included_index: 4,
            last_included_term: 2,
            compacted: 3,
            trigger: CompactTrigger::Threshold { entries: 3 },
        },
        Event::SnapshotTaken {
            last_included_index: 4,
            last_included_term: 2,
            compacted: 3,
            trigger: CompactTrigger::Manual,
        },
        Event::SnapshotInstalled {
            leader: 1,
            last_included_index: 4,
            last_included_term: 2,
            outcome: SnapshotInstall::KeptSuffix { kept: 2 },
        },
        Event::SnapshotInstalled {
            leader: 1,
            last_included_index: 4,
            last_included_term: 2,
            outcome: SnapshotInstall::DiscardedLog { discarded: 2 },
        },
        Event::TransferEnded {
            target: 2,
            end: TransferEnd::TimedOut,
        },
        Event::TransferEnded {
            target: 2,
            end: TransferEnd::SteppedDown,
        },
        Event::Applied {
            index: 1,
            term: 1,
            command: None,
            result: ApplyResult::Noop,
        },
        Event::Applied {
            index: 2,
            term: 1,
            command: Some(Command::Get {
                key: "k\u{1}".into(),
            }),
            result: ApplyResult::Read {
                value: Some("値 \"v\"".into()),
            },
        },
        Event::Applied {
            index: 3,
            term: 1,
            command: Some(Command::Put {
                key: "k".into(),
                value: "v".into(),
            }),
            result: ApplyResult::Written { previous: None },
        },
        Event::ConfigAdopted {
            index: 5,
            membership: membership(),
            cause: ConfigCause::Proposed(ConfChange::Remove(3)),
        },
        Event::ConfigAdopted {
            index: 5,
            membership: membership(),
            cause: ConfigCause::AutoLeaveJoint,
        },
        Event::ConfigAdopted {
            index: 5,
            membership: membership(),
            cause: ConfigCause::Replicated,
        },
        Event::ConfigAdopted {
            index: 5,
            membership: membership(),
            cause: ConfigCause::Reverted,
        },
        Event::ConfigAdopted {
            index: 5,
            membership: membership(),
            cause: ConfigCause::Snapshot,
        },
        Event::VoteDenied {
            candidate: 2,
            term: 3,
            pre_vote: false,
            reason: VoteDenial::StaleTerm {
                candidate_term: 1,
                our_term: 3,
            },
        },
        Event::VoteDenied {
            candidate: 2,
            term: 3,
            pre_vote: false,
            reason: VoteDenial::AlreadyVoted { voted_for: 1 },
        },
        Event::VoteDenied {
            candidate: 2,
            term: 3,
            pre_vote: true,
            reason: VoteDenial::LogBehind {
                candidate_last: pos(1, 2),
                our_last: pos(2, 3),
            },
        },
        Event::VoteDenied {
            candidate: 2,
            term: 3,
            pre_vote: true,
            reason: VoteDenial::LeaderRecentlyHeard { leader: 1 },
        },
        Event::VoteDenied {
            candidate: 2,
            term: 3,
            pre_vote: true,
            reason: VoteDenial::WeAreLeader,
        },
        Event::AppendRejected {
            leader: 1,
            reason: AppendRejection::StaleTerm {
                leader_term: 1,
                our_term: 2,
            },
        },
        Event::AppendRejected {
            leader: 1,
            reason: AppendRejection::MissingEntry {
                prev_log_index: 5,
                our_last_index: 3,
            },
        },
        Event::AppendRejected {
            leader: 1,
            reason: AppendRejection::TermMismatch {
                prev_log_index: 5,
                prev_log_term: 2,
                our_term: 1,
                conflict_index: 4,
            },
        },
        Event::UnsafeRuleBroken {
            rule: UnsafeRule::VotedWithoutLogCheck {
                candidate: 2,
                term: 3,
                candidate_last: pos(1, 1),
                our_last: pos(2, 2),
            },
        },
        Event::UnsafeRuleBroken {
            rule: UnsafeRule::CommittedOldTermByCounting {
                index: 2,
                entry_term: 1,
                current_term: 3,
            },
        },
        Event::UnsafeRuleBroken {
            rule: UnsafeRule::ForgotVote {
                term: 2,
                voted_for: 1,
            },
        },
        Event::UnsafeRuleBroken {
            rule: UnsafeRule::AcceptedStaleLeader {
                leader: 1,
                leader_term: 1,
                our_term: 2,
            },
        },
        Event::UnsafeRuleBroken {
            rule: UnsafeRule::OneStepMembershipChange {
                from: vec![1, 2, 3],
                to: vec![1, 4],
            },
        },
        Event::UnsafeRuleBroken {
            rule: UnsafeRule::ReadWithoutConfirmingLeadership {
                read_id: 1,
                term: 2,
                read_index: 3,
            },
        },
    ];
    let faults = [
        MessageFault::TermTooLarge,
        MessageFault::IndexTooLarge,
        MessageFault::TooManyEntries,
        MessageFault::NotContiguous { at: 1 },
        MessageFault::EntryTermOutOfOrder { at: 2 },
        MessageFault::LogTermAboveTerm,
        MessageFault::CommandTooLong,
    ];
    raft.extend(faults.map(|fault| Event::MessageRejected { from: 2, fault }));
    let steps = [
        ReadStep::WaitingForCommitInTerm,
        ReadStep::IndexRecorded {
            read_index: 3,
            round: 2,
        },
        ReadStep::Confirmed {
            read_index: 3,
            acks: vec![1, 2],
        },
        ReadStep::ServedByLease {
            read_index: 3,
            lease_left: 7,
        },
        ReadStep::LeaseExpired,
        ReadStep::Forwarded { leader: 1 },
        ReadStep::IndexReceived {
            leader: 1,
            read_index: 3,
        },
        ReadStep::Unconfirmed { read_index: 3 },
        ReadStep::Answered {
            read_index: 3,
            key: "x".into(),
            value: None,
        },
        ReadStep::Failed {
            reason: ReadFailure::NoLongerLeader,
        },
        ReadStep::Failed {
            reason: ReadFailure::LeaderChanged,
        },
        ReadStep::Failed {
            reason: ReadFailure::LeaderRefused { leader: 2 },
        },
    ];
    raft.extend(steps.map(|step| Event::Read { read_id: 4, step }));
    raft
}
