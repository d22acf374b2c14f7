//! The external client: submits commands to the leader it knows (following
//! redirects, with retries, as §8 describes) or to one chosen node, and
//! records every operation's invocation and response for the
//! linearizability check.

use super::action::Target;
use super::replication_mode::{AckReason, ReplicationMode};
use super::trace::TraceKind;
use crate::raft::{
    ApplyResult, Command, Event, Index, NodeId, ReadFailure, ReadMode, ReadStep, Term,
};
use serde::{Deserialize, Serialize};

/// How many times a cluster-targeted command is tried before giving up.
pub const MAX_ATTEMPTS: u32 = 8;

/// Why an attempt did not (or may not have) succeeded.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OpFailure {
    /// The chosen node is not the leader (no redirect for a chosen node).
    NotLeader {
        /// The node asked.
        node: NodeId,
        /// The leader it named, if any.
        leader: Option<NodeId>,
    },
    /// The chosen node is crashed or paused.
    NodeDown {
        /// The node.
        node: NodeId,
    },
    /// No leader could be found after every retry.
    NoLeader,
    /// The entry was overwritten in the log of the leader that took it (§5.3).
    /// Another node's copy may still be committed by a later leader (Figure 8),
    /// so unless a different entry is already committed at that index, the
    /// outcome is unknown.
    Overwritten {
        /// Where it was.
        index: Index,
        /// Its term.
        term: Term,
    },
    /// The leader crashed before answering: the entry may or may not commit.
    LeaderCrashed {
        /// The leader.
        node: NodeId,
    },
    /// No answer in time: the entry may or may not commit.
    TimedOut,
    /// The leader is handing over leadership and takes no commands (thesis §3.10).
    LeaderTransferring {
        /// The leader.
        node: NodeId,
        /// The node it hands over to.
        target: NodeId,
    },
    /// A ReadIndex or lease read was abandoned by the node asked.
    ReadAbandoned {
        /// The node.
        node: NodeId,
        /// Why.
        reason: ReadFailure,
    },
}

/// Where an operation stands.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OpStatus {
    /// Waiting to (re)try at a tick.
    Waiting {
        /// When.
        retry_at: u64,
        /// Why the last attempt failed, if one did.
        last: Option<OpFailure>,
    },
    /// Appended by a leader; waiting for it to apply the entry.
    Pending {
        /// The leader that took it.
        node: NodeId,
        /// Its index.
        index: Index,
        /// Its term.
        term: Term,
    },
    /// Committed and applied; the state machine's answer.
    Committed {
        /// The node that answered.
        node: NodeId,
        /// Its index.
        index: Index,
        /// Its term.
        term: Term,
        /// The answer.
        result: ApplyResult,
        /// When.
        at: u64,
    },
    /// Acknowledged before it was applied, under a replication mode other
    /// than Raft: the client has its answer, whatever later happens to the
    /// entry (it may still be lost: the linearizability check judges).
    Acknowledged {
        /// The leader that answered.
        node: NodeId,
        /// Its index.
        index: Index,
        /// Its term.
        term: Term,
        /// The answer given.
        result: ApplyResult,
        /// Why the mode allowed the answer.
        reason: AckReason,
        /// When.
        at: u64,
    },
    /// Given up.
    Failed {
        /// Why.
        reason: OpFailure,
        /// When.
        at: u64,
    },
    /// A ReadIndex or lease read is in progress at a node (thesis §6.4).
    Reading {
        /// The node asked.
        node: NodeId,
        /// The read's id.
        read_id: u64,
    },
    /// A ReadIndex or lease read was answered.
    ReadAnswered {
        /// The node that answered.
        node: NodeId,
        /// The read index it waited for.
        read_index: Index,
        /// The value read.
        value: Option<String>,
        /// When.
        at: u64,
    },
}

/// One command a user or script submitted.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ClientOp {
    /// Sequential id.
    pub id: u64,
    /// Where it was sent.
    pub target: Target,
    /// The command.
    pub command: Command,
    /// Tick it was submitted.
    pub invoked_at: u64,
    /// Attempts so far.
    pub attempts: u32,
    /// Tick the attempt in progress reached a leader.
    pub attempt_at: u64,
    /// Where it stands.
    pub status: OpStatus,
    /// The history record of the attempt in progress.
    pub(super) history_slot: Option<usize>,
    /// How a `get` is served: through the log, ReadIndex or lease.
    #[serde(default)]
    pub read_mode: ReadMode,
    /// The current read attempt's steps at every node, in order (its round
    /// trip: forwarded, index recorded, confirmed by whom, answered).
    #[serde(default)]
    pub read_steps: Vec<(NodeId, ReadStep)>,
    /// The result the leader applied for the pending entry, kept for an
    /// acknowledgement that comes after the apply (fully synchronous).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    applied: Option<ApplyResult>,
}

/// One attempt that reached a leader's log, as the linearizability checker
/// sees it. Times are positions in a global order of invocations and responses.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct HistoryOp {
    /// The command.
    pub command: Command,
    /// Invocation time.
    pub call: u64,
    /// Response time and output (previous value for put/del, value for get);
    /// `None` while unknown: it may take effect at any time after `call`.
    pub ret: Option<(u64, Option<String>)>,
    /// The attempt certainly never took effect (its entry was overwritten).
    pub void: bool,
}

/// The client.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Client {
    pub(super) ops: Vec<ClientOp>,
    pub(super) history: Vec<HistoryOp>,
    pub(super) clock: u64,
    known_leader: Option<NodeId>,
    /// When the leader answers (set by the world from its configuration).
    #[serde(default)]
    mode: ReplicationMode,
}

impl Client {
    /// Every operation, oldest first.
    pub fn ops(&self) -> &[ClientOp] {
        &self.ops
    }
    /// Every attempt that reached a log, for the linearizability check.
    pub fn history(&self) -> &[HistoryOp] {
        &self.history
    }
    /// The leader the client currently believes in.
    pub fn known_leader(&self) -> Option<NodeId> {
        self.known_leader
    }

    /// A user or script submits `command` at `tick`; returns its position in
    /// [`Client::ops`]. The world calls this for `Action::Propose`; a test of
    /// the linearizability check may build a history by hand with it.
    pub fn new_op(&mut self, tick: u64, target: Target, command: Command) -> usize {
        let id = self.ops.len() as u64 + 1;
        self.ops.push(ClientOp {
            id,
            target,
            command,
            invoked_at: tick,
            attempts: 0,
            attempt_at: tick,
            status: OpStatus::Waiting {
                retry_at: tick,
                last: None,
            },
            history_slot: None,
            read_mode: ReadMode::Log,
            read_steps: Vec::new(),
            applied: None,
        });
        self.ops.len() - 1
    }

    pub(super) fn op_mut(&mut self, i: usize) -> &mut ClientOp {
        &mut self.ops[i]
    }

    pub(super) fn set_known_leader(&mut self, leader: Option<NodeId>) {
        if leader.is_some() {
            self.known_leader = leader;
        }
    }

    /// A client whose answers follow `mode`.
    pub fn with_mode(mode: ReplicationMode) -> Client {
        Client {
            mode,
            ..Client::default()
        }
    }

    /// The replication mode the client's answers follow.
    pub fn mode(&self) -> ReplicationMode {
        self.mode
    }

    pub(super) fn set_mode(&mut self, mode: ReplicationMode) {
        self.mode = mode;
    }

    /// The result kept from the leader applying op `i`'s pending entry.
    pub(super) fn applied_result(&self, i: usize) -> Option<&ApplyResult> {
        self.ops[i].applied.as_ref()
    }

    /// The leader acknowledged op `i`'s pending entry early (not Raft): the
    /// answer goes into the history now.
    pub(super) fn acknowledged(
        &mut self,
        i: usize,
        tick: u64,
        result: ApplyResult,
        reason: AckReason,
    ) {
        let OpStatus::Pending { node, index, term } = self.ops[i].status else {
            return;
        };
        self.clock += 1;
        if let Some(slot) = self.ops[i].history_slot.take() {
            self.history[slot].ret = Some((self.clock, output(&result)));
        }
        let op = &mut self.ops[i];
        op.applied = None;
        op.status = OpStatus::Acknowledged {
            node,
            index,
            term,
            result,
            reason,
            at: tick,
        };
    }

    /// Ops whose retry time has come.
    pub(super) fn due(&self, tick: u64) -> Vec<usize> {
        (0..self.ops.len())
            .filter(|&i| matches!(self.ops[i].status, OpStatus::Waiting { retry_at, .. } if retry_at <= tick))
            .collect()
    }

    /// Pending ops, with (node, index, term).
    pub(super) fn pending(&self) -> Vec<(usize, NodeId, Index, Term)> {
        self.ops
            .iter()
            .enumerate()
            .filter_map(|(i, op)| match op.status {
                OpStatus::Pending { node, index, term } => Some((i, node, index, term)),
                _ => None,
            })
            .collect()
    }

    /// An attempt of op `i` reached the log of leader `node` at (index, term):
    /// its invocation enters the history.
    pub fn appended(&mut self, i: usize, tick: u64, node: NodeId, index: Index, term: Term) {
        self.clock += 1;
        self.history.push(HistoryOp {
            command: self.ops[i].command.clone(),
            call: self.clock,
            ret: None,
            void: false,
        });
        let op = &mut self.ops[i];
        op.history_slot = Some(self.history.len() - 1);
        op.attempt_at = tick;
        op.status = OpStatus::Pending { node, index, term };
        self.known_leader = Some(node);
    }

    /// The attempt in progress ended without an answer: retry a cluster op
    /// later, or give up. `void` says the entry certainly never takes effect.
    pub fn attempt_failed(
        &mut self,
        i: usize,
        tick: u64,
        reason: OpFailure,
        void: bool,
        retry_delay: u64,
    ) {
        if let Some(slot) = self.ops[i].history_slot.take() {
            self.history[slot].void = void;
        }
        let op = &mut self.ops[i];
        op.applied = None;
        let retry = op.target == Target::Cluster && op.attempts < MAX_ATTEMPTS;
        op.status = if retry {
            OpStatus::Waiting {
                retry_at: tick + retry_delay,
                last: Some(reason),
            }
        } else {
            OpStatus::Failed { reason, at: tick }
        };
    }

    /// Watches the trace for the answer to a pending op: the leader that took
    /// it applying that very entry, or the entry being overwritten.
    pub fn observe(&mut self, tick: u64, node: NodeId, kind: &TraceKind) {
        let TraceKind::Raft(event) = kind else {
            return;
        };
        if let Event::Read { read_id, step } = event {
            return self.observe_read(tick, node, *read_id, step);
        }
        if let Event::Applied {
            index,
            term,
            result,
            ..
        } = event
        {
            for i in 0..self.ops.len() {
                let op = &self.ops[i];
                if op.status
                    != (OpStatus::Pending {
                        node,
                        index: *index,
                        term: *term,
                    })
                {
                    continue;
                }
                if !self.mode.answers_on_apply() {
                    self.ops[i].applied = Some(result.clone());
                    continue;
                }
                self.clock += 1;
                if let Some(slot) = self.ops[i].history_slot.take() {
                    self.history[slot].ret = Some((self.clock, output(result)));
                }
                self.ops[i].status = OpStatus::Committed {
                    node,
                    index: *index,
                    term: *term,
                    result: result.clone(),
                    at: tick,
                };
            }
        }
    }
}

/// The output the linearizability model compares: the previous value for a
/// write, the value for a read.
pub fn output(result: &ApplyResult) -> Option<String> {
    match result {
        ApplyResult::Written { previous } => previous.clone(),
        ApplyResult::Read { value } => value.clone(),
        ApplyResult::Noop => None,
    }
}
