//! Linearizable reads without writing to the log (thesis §6.4; etcd
//! `read_only.go`).
//!
//! **ReadIndex** (§6.4): the leader (1) has committed an entry of its own
//! term, (2) records its commit index as the read index, (3) sends a round of
//! heartbeats tagged with a context and waits until a majority of its
//! configuration (itself included) have echoed it — proof that it was still
//! leader when the read arrived — and (4) answers once it has applied up to
//! the read index. A follower forwards the read to its leader, gets the read
//! index back, and answers once it has applied up to it itself.
//!
//! **Lease read** (§6.4.1, only with CheckQuorum): a confirmed round that
//! started at tick `s` gives the leader a lease until `s + T`, because a
//! follower that answered it heard from the leader at or after `s` and will
//! not vote for anyone else until a whole election timeout later (the lease
//! of §4.2.3). Within the lease a read is answered at once, without a round
//! trip. This trusts clocks: if the leader's clock runs slow — or the leader
//! is paused, as a GC pause does — it may answer after a new leader was
//! elected. The simulation shows exactly that with a paused leader.
//!
//! The leader's confirmation (steps 1–3 and the lease) is in `confirm.rs`;
//! here are the types, the entry point, answering (step 4), forwarding and
//! abandoning. Tested in `tests/read_index.rs`.

mod confirm;

use super::event::{Event, ReadFailure, ReadStep};
use super::message::MessageBody;
use super::node::Node;
use super::state::Role;
use super::types::{Index, NodeId};
use crate::vec_map::VecMap;
use serde::{Deserialize, Serialize};

/// How a client's `get` is served.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum ReadMode {
    /// As a command through the log (§8): committed, applied, answered.
    #[default]
    Log,
    /// ReadIndex (thesis §6.4): a heartbeat round confirms leadership.
    ReadIndex,
    /// Lease read (thesis §6.4.1): answered within the leader's lease,
    /// without a round trip; needs CheckQuorum.
    Lease,
}

impl ReadMode {
    /// Every mode, in the client panel's order.
    pub const ALL: [ReadMode; 3] = [ReadMode::Log, ReadMode::ReadIndex, ReadMode::Lease];

    /// `log`, `read-index` or `lease` (the UI's `data-input="read-mode"` values).
    pub fn name(self) -> &'static str {
        match self {
            ReadMode::Log => "log",
            ReadMode::ReadIndex => "read-index",
            ReadMode::Lease => "lease",
        }
    }

    /// Parses a name produced by [`ReadMode::name`].
    pub fn from_name(name: &str) -> Option<ReadMode> {
        Self::ALL.into_iter().find(|m| m.name() == name)
    }
}

/// Why a read could not even start.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReadError {
    /// A lease read needs CheckQuorum: without it nothing makes the other
    /// servers respect the leader's lease (thesis §6.4.1).
    LeaseNeedsCheckQuorum,
    /// `log` reads go through [`Node::propose`], not [`Node::read`].
    LogReadIsAProposal,
    /// Neither leader nor a follower that knows one (candidates and
    /// pre-candidates have no leader to forward to).
    NotLeader {
        /// The leader this node knows of, if any.
        leader: Option<NodeId>,
    },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::LeaseNeedsCheckQuorum => {
                write!(f, "a lease read needs CheckQuorum (thesis §6.4.1)")
            }
            ReadError::LogReadIsAProposal => write!(f, "a log read is proposed as a command"),
            ReadError::NotLeader { leader: Some(l) } => write!(f, "not the leader; try n{l}"),
            ReadError::NotLeader { leader: None } => write!(f, "no leader known"),
        }
    }
}

impl std::error::Error for ReadError {}

/// A read the leader has taken and not yet confirmed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct PendingRead {
    read_id: u64,
    /// `None` when the read was forwarded by a follower.
    key: Option<String>,
    /// The follower that forwarded it, if any.
    from: Option<NodeId>,
    /// `None` until the leader has committed an entry of its term.
    read_index: Option<Index>,
    /// The heartbeat round that confirms it.
    round: u64,
}

/// A confirmed read waiting for the state machine to reach its index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct ConfirmedRead {
    read_id: u64,
    key: String,
    read_index: Index,
}

/// One node's reads in progress (volatile: a crash forgets them).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reads {
    /// Leader: the last heartbeat round started for reads.
    round: u64,
    /// Leader: the tick each recent round started (for the lease).
    round_started: VecMap<u64, u64>,
    /// Leader: the highest round each follower echoed in this term.
    acked: VecMap<NodeId, u64>,
    /// Leader: reads waiting for a commit in this term or for their round.
    pending: Vec<PendingRead>,
    /// Follower: reads forwarded to the leader, by id, with their key.
    forwarded: VecMap<u64, String>,
    /// Reads confirmed, waiting to be applied up to their index.
    confirmed: Vec<ConfirmedRead>,
    /// Leader: no lease reads for the rest of this term (TimeoutNow was
    /// sent: the target campaigns ignoring the lease, thesis §3.10).
    lease_revoked: bool,
}

impl Node {
    /// A client's `get key` by ReadIndex or lease (thesis §6.4). The answer
    /// comes later as [`Event::Read`] with [`ReadStep::Answered`] (or
    /// [`ReadStep::Failed`]) for `read_id`.
    pub fn read(&mut self, read_id: u64, key: &str, mode: ReadMode) -> Result<(), ReadError> {
        match mode {
            ReadMode::Log => return Err(ReadError::LogReadIsAProposal),
            ReadMode::Lease if !self.config.check_quorum => {
                return Err(ReadError::LeaseNeedsCheckQuorum)
            }
            _ => {}
        }
        match self.role {
            Role::Leader => {
                self.leader_read(read_id, Some(key.to_string()), None, mode);
                Ok(())
            }
            Role::Follower => match self.leader_id {
                Some(leader) => {
                    self.reads.forwarded.insert(read_id, key.to_string());
                    self.read_event(read_id, ReadStep::Forwarded { leader });
                    let term = self.persistent.current_term;
                    self.send(leader, term, MessageBody::ReadIndex { read_id });
                    Ok(())
                }
                None => Err(ReadError::NotLeader { leader: None }),
            },
            _ => Err(ReadError::NotLeader {
                leader: self.leader_id,
            }),
        }
    }

    /// The lease in force: the tick until which this leader may answer
    /// reads without a round trip, if any (thesis §6.4.1).
    pub fn lease_until(&self) -> Option<u64> {
        if self.role != Role::Leader || !self.config.check_quorum || self.reads.lease_revoked {
            return None;
        }
        let round = self.voter_config().committed_index(|id| {
            if id == self.id {
                Some(self.reads.round)
            } else {
                self.reads.acked.get(&id).copied()
            }
        });
        let start = self.reads.round_started.get(&round)?;
        let until = start + u64::from(self.config.election_timeout);
        (until > self.clock).then_some(until)
    }

    /// This node's own clock, in ticks since it (re)started.
    pub fn clock(&self) -> u64 {
        self.clock
    }

    fn read_event(&mut self, read_id: u64, step: ReadStep) {
        self.events.push(Event::Read { read_id, step });
    }

    fn committed_in_term(&self) -> bool {
        self.persistent.log.term_at(self.commit_index) == Some(self.persistent.current_term)
    }
    /// Answers every confirmed read whose index has been applied, and starts
    /// the reads that waited for a commit in this term. Called after applying.
    pub(super) fn answer_reads(&mut self) {
        let applied = self.kv.last_applied;
        let confirmed = std::mem::take(&mut self.reads.confirmed);
        let (ready, waiting): (Vec<_>, Vec<_>) =
            confirmed.into_iter().partition(|c| c.read_index <= applied);
        self.reads.confirmed = waiting;
        for c in ready {
            let value = self.kv.data.get(c.key.as_str()).map(|v| v.to_string());
            self.read_event(
                c.read_id,
                ReadStep::Answered {
                    read_index: c.read_index,
                    key: c.key,
                    value,
                },
            );
        }
        if self.role == Role::Leader
            && self.committed_in_term()
            && self.reads.pending.iter().any(|p| p.read_index.is_none())
        {
            let pending = std::mem::take(&mut self.reads.pending);
            for p in pending {
                if p.read_index.is_some() {
                    self.reads.pending.push(p);
                } else {
                    let read_index = self.commit_index;
                    self.start_read_round(p.read_id, p.key, p.from, read_index);
                }
            }
        }
    }

    /// Leader: a follower forwarded a read.
    pub(super) fn handle_read_index(&mut self, from: NodeId, read_id: u64) {
        if self.role != Role::Leader {
            let term = self.persistent.current_term;
            return self.send(
                from,
                term,
                MessageBody::ReadIndexResponse {
                    read_id,
                    read_index: None,
                },
            );
        }
        self.leader_read(read_id, None, Some(from), ReadMode::ReadIndex);
    }

    /// Follower: the leader's answer to a forwarded read.
    pub(super) fn handle_read_index_response(
        &mut self,
        from: NodeId,
        read_id: u64,
        read_index: Option<Index>,
    ) {
        let Some(key) = self.reads.forwarded.remove(&read_id) else {
            return;
        };
        match read_index {
            Some(read_index) => {
                self.read_event(
                    read_id,
                    ReadStep::IndexReceived {
                        leader: from,
                        read_index,
                    },
                );
                self.reads.confirmed.push(ConfirmedRead {
                    read_id,
                    key,
                    read_index,
                });
                self.answer_reads();
            }
            None => self.read_event(
                read_id,
                ReadStep::Failed {
                    reason: ReadFailure::LeaderRefused { leader: from },
                },
            ),
        }
    }

    /// On any change of role or term: reads not yet confirmed fail (the
    /// client retries); confirmed ones stay valid, their index is committed.
    pub(super) fn abandon_reads(&mut self) {
        let pending = std::mem::take(&mut self.reads.pending);
        let forwarded = std::mem::take(&mut self.reads.forwarded);
        let term = self.persistent.current_term;
        for p in pending {
            match p.from {
                Some(follower) => self.send(
                    follower,
                    term,
                    MessageBody::ReadIndexResponse {
                        read_id: p.read_id,
                        read_index: None,
                    },
                ),
                None => self.read_event(
                    p.read_id,
                    ReadStep::Failed {
                        reason: ReadFailure::NoLongerLeader,
                    },
                ),
            }
        }
        for (read_id, _) in forwarded {
            self.read_event(
                read_id,
                ReadStep::Failed {
                    reason: ReadFailure::LeaderChanged,
                },
            );
        }
        self.reads.round = 0;
        self.reads.round_started.clear();
        self.reads.acked.clear();
        self.reads.lease_revoked = false;
    }

    /// Leader transfer sent TimeoutNow: no more lease reads this term.
    pub(super) fn revoke_lease(&mut self) {
        self.reads.lease_revoked = true;
    }
}
