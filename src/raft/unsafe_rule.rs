//! When an unsafe teaching switch changes a decision, the node says so: an
//! [`UnsafeRule`] event names the rule it broke and with what. A safety
//! violation later in the run is explained by pointing back at these
//! ("show the cause"): the view never guesses which decision was wrong.

use super::config::UnsafeSwitch;
use super::types::{Index, LogPosition, NodeId, Term};
use serde::{Deserialize, Serialize};

/// A rule a node broke because an unsafe switch told it to.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UnsafeRule {
    /// Granted a vote (or pre-vote) to a candidate whose log is not at least
    /// as up-to-date as ours (breaks §5.4.1).
    VotedWithoutLogCheck {
        /// The candidate.
        candidate: NodeId,
        /// The election's term.
        term: Term,
        /// The candidate's last entry.
        candidate_last: LogPosition,
        /// Ours, which is more up-to-date.
        our_last: LogPosition,
    },
    /// Committed an entry of an earlier term by counting replicas (breaks
    /// §5.4.2, Figure 8).
    CommittedOldTermByCounting {
        /// The entry committed.
        index: Index,
        /// Its term.
        entry_term: Term,
        /// The leader's term.
        current_term: Term,
    },
    /// Lost the vote cast in `term` on restart (breaks Figure 2: votedFor is
    /// persistent).
    ForgotVote {
        /// The term of the vote.
        term: Term,
        /// Who had the vote.
        voted_for: NodeId,
    },
    /// Accepted AppendEntries from a leader of an older term (breaks §5.1).
    AcceptedStaleLeader {
        /// The stale leader.
        leader: NodeId,
        /// Its term.
        leader_term: Term,
        /// Ours.
        our_term: Term,
    },
    /// Changed several voters in one step, without joint consensus (breaks
    /// thesis §4.3; paper Figure 10).
    OneStepMembershipChange {
        /// Voters before.
        from: Vec<NodeId>,
        /// Voters after.
        to: Vec<NodeId>,
    },
    /// Answered a read from its own state without confirming it is still
    /// the leader (breaks thesis §6.4, paper §8: a deposed leader may serve
    /// stale data).
    ReadWithoutConfirmingLeadership {
        /// The read.
        read_id: u64,
        /// The term the node believes it leads.
        term: Term,
        /// The commit index it answered at.
        read_index: Index,
    },
}

impl UnsafeRule {
    /// The switch that allowed it.
    pub fn switch(&self) -> UnsafeSwitch {
        match self {
            UnsafeRule::VotedWithoutLogCheck { .. } => UnsafeSwitch::VoteWithoutLogCheck,
            UnsafeRule::CommittedOldTermByCounting { .. } => UnsafeSwitch::CommitOldTermByCounting,
            UnsafeRule::ForgotVote { .. } => UnsafeSwitch::ForgetVoteOnRestart,
            UnsafeRule::AcceptedStaleLeader { .. } => UnsafeSwitch::AcceptStaleLeader,
            UnsafeRule::OneStepMembershipChange { .. } => UnsafeSwitch::OneStepMembershipChange,
            UnsafeRule::ReadWithoutConfirmingLeadership { .. } => UnsafeSwitch::StaleLeaderRead,
        }
    }

    /// The other nodes the broken rule involved (besides the node itself).
    pub fn others(&self) -> Vec<NodeId> {
        match self {
            UnsafeRule::VotedWithoutLogCheck { candidate, .. } => vec![*candidate],
            UnsafeRule::ForgotVote { voted_for, .. } => vec![*voted_for],
            UnsafeRule::AcceptedStaleLeader { leader, .. } => vec![*leader],
            UnsafeRule::OneStepMembershipChange { from, to } => {
                let mut all: Vec<NodeId> = from.iter().chain(to).copied().collect();
                crate::sort::sort(&mut all);
                all.dedup();
                all
            }
            UnsafeRule::CommittedOldTermByCounting { .. }
            | UnsafeRule::ReadWithoutConfirmingLeadership { .. } => Vec::new(),
        }
    }
}
