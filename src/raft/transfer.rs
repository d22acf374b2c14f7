//! Leadership transfer (thesis §3.10; etcd `raft.go`, MsgTransferLeader and
//! MsgTimeoutNow). The leader (1) stops accepting client commands, (2) brings
//! the target's log up to date, (3) sends it TimeoutNow; the target starts an
//! election at once — no PreVote, and voters answer even under the leader
//! lease — and, its log being up to date, wins it. If no new leader has
//! taken over within an election timeout, the leader aborts and accepts
//! commands again.

use super::event::{Event, RoleCause};
use super::message::MessageBody;
use super::node::Node;
use super::state::Role;
use super::types::NodeId;
use serde::{Deserialize, Serialize};

/// A transfer in progress.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transfer {
    /// The node that should become leader.
    pub target: NodeId,
    /// Ticks since the transfer began (it aborts at one election timeout).
    pub elapsed: u32,
    /// Whether TimeoutNow has been sent.
    pub timeout_now_sent: bool,
}

/// How a leadership transfer ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TransferEnd {
    /// No new leader within an election timeout: aborted, commands accepted again.
    TimedOut,
    /// The leader stepped down (normally: the target won and told us).
    SteppedDown,
}

/// Why a transfer cannot start.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TransferError {
    /// Only a leader transfers its leadership.
    NotLeader {
        /// The leader this node knows of, if any.
        leader: Option<NodeId>,
    },
    /// The target is not a voter of this configuration (an unknown node, or
    /// a learner, which may not lead, thesis §4.2.1).
    UnknownNode {
        /// The id given.
        node: NodeId,
    },
    /// The target is the leader itself.
    ToSelf,
    /// A transfer is already under way.
    AlreadyTransferring {
        /// To whom.
        target: NodeId,
    },
}

impl std::fmt::Display for TransferError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TransferError::NotLeader { leader: Some(l) } => {
                write!(
                    f,
                    "only the leader transfers leadership; the leader is n{l}"
                )
            }
            TransferError::NotLeader { leader: None } => {
                write!(f, "only the leader transfers leadership; no leader known")
            }
            TransferError::UnknownNode { node } => write!(f, "n{node} is not a voting member"),
            TransferError::ToSelf => write!(f, "the target is already the leader"),
            TransferError::AlreadyTransferring { target } => {
                write!(f, "a transfer to n{target} is already under way")
            }
        }
    }
}

impl std::error::Error for TransferError {}

impl Node {
    /// Starts handing leadership to `target` (thesis §3.10).
    pub fn transfer_leader(&mut self, target: NodeId) -> Result<(), TransferError> {
        if self.role != Role::Leader {
            return Err(TransferError::NotLeader {
                leader: self.leader_id,
            });
        }
        if !self.membership.voters.voters().contains(&target) {
            return Err(TransferError::UnknownNode { node: target });
        }
        if target == self.id {
            return Err(TransferError::ToSelf);
        }
        if let Some(t) = self.transfer {
            return Err(TransferError::AlreadyTransferring { target: t.target });
        }
        let last_index = self.persistent.log.last_index();
        let target_match = self.progress.get(&target).map_or(0, |p| p.match_index);
        self.transfer = Some(Transfer {
            target,
            elapsed: 0,
            timeout_now_sent: false,
        });
        self.events.push(Event::TransferStarted {
            target,
            target_match,
            last_index,
        });
        if target_match >= last_index {
            self.send_timeout_now();
        } else {
            self.send_append(target, true); // catch it up first
        }
        Ok(())
    }

    /// The transfer in progress, if any.
    pub fn transfer(&self) -> Option<Transfer> {
        self.transfer
    }

    fn send_timeout_now(&mut self) {
        let Some(t) = self.transfer.as_mut() else {
            return;
        };
        t.timeout_now_sent = true;
        let target = t.target;
        self.revoke_lease();
        self.events.push(Event::TimeoutNowSent { target });
        let term = self.persistent.current_term;
        self.send(target, term, MessageBody::TimeoutNow);
    }

    /// After a successful AppendEntries answer: is the target caught up now?
    pub(super) fn transfer_progress(&mut self, from: NodeId) {
        let Some(t) = self.transfer else { return };
        if t.target != from || t.timeout_now_sent {
            return;
        }
        let caught_up = self
            .progress
            .get(&from)
            .is_some_and(|p| p.match_index >= self.persistent.log.last_index());
        if caught_up {
            self.send_timeout_now();
        }
    }

    /// Each leader tick: abort after an election timeout.
    pub(super) fn tick_transfer(&mut self) {
        let Some(t) = self.transfer.as_mut() else {
            return;
        };
        t.elapsed += 1;
        if t.elapsed >= self.config.election_timeout {
            let target = t.target;
            self.transfer = None;
            self.events.push(Event::TransferEnded {
                target,
                end: TransferEnd::TimedOut,
            });
        }
    }

    /// Leaving leadership ends a transfer (usually because it worked).
    pub(super) fn end_transfer_on_step_down(&mut self) {
        if let Some(t) = self.transfer.take() {
            self.events.push(Event::TransferEnded {
                target: t.target,
                end: TransferEnd::SteppedDown,
            });
        }
    }

    /// The target's side: campaign now, skipping PreVote (thesis §3.10).
    pub(super) fn handle_timeout_now(&mut self, from: NodeId) {
        if self.role == Role::Leader {
            return;
        }
        self.become_candidate_for_transfer(RoleCause::TimeoutNow { from });
    }
}
