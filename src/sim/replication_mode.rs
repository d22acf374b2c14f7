//! When may the leader answer the client? The one home of that rule.
//!
//! The course notes (seed 000/001, "如何避免单点故障") compare primary–backup
//! replication schemes by the moment the primary acknowledges a write:
//! **asynchronous** (as soon as it stored the write itself), **semi-synchronous**
//! (once at least one backup stored it), **fully synchronous** (once every
//! backup stored it), against consensus: **Raft** answers only after the entry
//! is committed by a majority and applied (§5.3, §8).
//!
//! Underneath, replication is always the real Raft core: the leader appends,
//! sends AppendEntries, learns `matchIndex` from the responses and commits on a
//! majority. Only the client-facing answer changes, which is why the rule lives
//! here, in the simulation's server layer around the node (as etcd's server,
//! not its raft package, answers clients). [`acknowledgement`] decides it and
//! returns the reason the trace records ([`super::SimEvent::WriteAcknowledged`]);
//! the client's history for the linearizability check takes the answer at that
//! moment, so a write acknowledged early and then lost is flagged (§8;
//! Herlihy & Wing).

use crate::raft::{ApplyResult, Index, Node, Role, Term};
use serde::{Deserialize, Serialize};

/// When the leader acknowledges a client's command.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum ReplicationMode {
    /// Answer as soon as the leader appended the entry to its own log.
    Async,
    /// Answer once at least one follower stores the entry (with no followers,
    /// at once).
    SemiSync,
    /// Answer once every follower stores the entry.
    Sync,
    /// Answer once the entry is committed by a majority and applied (§5.3, §8).
    #[default]
    Raft,
}

impl ReplicationMode {
    /// Every mode, from weakest to consensus.
    pub const ALL: [ReplicationMode; 4] = [
        ReplicationMode::Async,
        ReplicationMode::SemiSync,
        ReplicationMode::Sync,
        ReplicationMode::Raft,
    ];

    /// The stable name: `async`, `semi-sync`, `sync` or `raft`.
    pub fn name(self) -> &'static str {
        match self {
            ReplicationMode::Async => "async",
            ReplicationMode::SemiSync => "semi-sync",
            ReplicationMode::Sync => "sync",
            ReplicationMode::Raft => "raft",
        }
    }

    /// Parses a name produced by [`ReplicationMode::name`].
    pub fn from_name(name: &str) -> Option<ReplicationMode> {
        Self::ALL.into_iter().find(|m| m.name() == name)
    }

    /// Raft's answer is the applied entry's own result, seen when the leader
    /// applies it (the client watches for that event); the other modes answer
    /// earlier, from [`acknowledgement`].
    pub fn answers_on_apply(self) -> bool {
        self == ReplicationMode::Raft
    }
}

/// Why the leader may acknowledge the write now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AckReason {
    /// Asynchronous: the leader appended it; no follower needs to have it.
    Appended,
    /// Semi-synchronous: this many followers (at least one, or every follower
    /// when there are none) store it.
    FollowerStored {
        /// Followers whose `matchIndex` covers the entry.
        stored: usize,
        /// Followers in all.
        followers: usize,
    },
    /// Fully synchronous: every follower stores it.
    AllStored {
        /// Followers in all.
        followers: usize,
    },
    /// Raft: a majority stores it, the leader committed and applied it.
    Committed {
        /// The leader's commit index.
        commit_index: Index,
    },
}

/// Decides whether `leader`, which appended the client's entry at
/// `(index, term)`, may acknowledge it now under `mode`. `None`: not yet.
///
/// The leader must still lead in the entry's term and hold the entry: once it
/// stepped down, its `matchIndex` values are gone and the client's attempt is
/// handled as crashed, overwritten or timed out instead.
pub fn acknowledgement(
    mode: ReplicationMode,
    leader: &Node,
    index: Index,
    term: Term,
) -> Option<AckReason> {
    if leader.role() != Role::Leader
        || leader.term() != term
        || leader.log().term_at(index) != Some(term)
    {
        return None;
    }
    let followers = leader
        .progress()
        .iter()
        .filter(|(&id, _)| id != leader.id())
        .count();
    let stored = leader
        .progress()
        .iter()
        .filter(|(&id, p)| id != leader.id() && p.match_index >= index)
        .count();
    match mode {
        ReplicationMode::Async => Some(AckReason::Appended),
        ReplicationMode::SemiSync => {
            (stored >= followers.min(1)).then_some(AckReason::FollowerStored { stored, followers })
        }
        ReplicationMode::Sync => {
            (stored == followers).then_some(AckReason::AllStored { followers })
        }
        ReplicationMode::Raft => (leader.last_applied() >= index).then_some(AckReason::Committed {
            commit_index: leader.commit_index(),
        }),
    }
}

/// The answer an early-acknowledging primary gives for an entry it has not
/// applied yet: its state machine as if every entry up to `index` of its own
/// log were applied, as a primary that executes writes locally before
/// replicating them answers. `None` if the entry is already applied (the
/// client kept that result) or the leader's log does not reach `index`.
pub fn local_result(leader: &Node, index: Index) -> Option<ApplyResult> {
    let mut kv = leader.kv().clone();
    let mut result = None;
    let from = kv.last_applied + 1;
    if index < from {
        return None;
    }
    for i in from..=index {
        let entry = leader.log().get(i)?;
        result = Some(kv.apply(i, entry.command()));
    }
    result
}

impl super::world::World {
    /// After node `i` acted: every pending client entry it took is offered to
    /// [`acknowledgement`] under the run's mode; those it allows are answered
    /// now and recorded with their reason. Raft's answers come from the
    /// leader applying the entry ([`super::Client`] watches for it), so in Raft
    /// mode this only runs when the mode was just switched to Raft (an entry
    /// applied while another mode held its answer back is answered then).
    pub(super) fn acknowledge_pending(&mut self, i: usize) {
        let mode = self.client.mode();
        let id = self.nodes[i].node.id();
        for (op_index, node, index, term) in self.client.pending() {
            if node != id {
                continue;
            }
            let leader = &self.nodes[i].node;
            let Some(reason) = acknowledgement(mode, leader, index, term) else {
                continue;
            };
            let result = self
                .client
                .applied_result(op_index)
                .cloned()
                .or_else(|| local_result(leader, index));
            let Some(result) = result else { continue };
            self.client
                .acknowledged(op_index, self.tick, result, reason);
            let op = self.client.ops()[op_index].id;
            let event = super::trace::SimEvent::WriteAcknowledged {
                op,
                index,
                term,
                mode,
                reason,
            };
            self.record(id, super::trace::TraceKind::Sim(event));
        }
    }

    /// Switches the replication mode for answers from now on.
    pub(super) fn set_replication_mode(&mut self, mode: ReplicationMode) {
        self.config.replication_mode = mode;
        self.client.set_mode(mode);
        for i in 0..self.nodes.len() {
            if self.nodes[i].status == super::world::NodeStatus::Up {
                self.acknowledge_pending(i);
            }
        }
    }
}
