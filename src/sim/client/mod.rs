//! The external client: submits commands to the leader it knows (following
//! redirects, with retries, as §8 describes) or to one chosen node, and
//! records every operation's invocation and response for the
//! linearizability check.

use super::action::Target;
use super::replication_mode::{AckReason, ReplicationMode};
use super::trace::TraceKind;
use crate::chunked::Chunked;
use crate::raft::{ApplyResult, Command, Event, Index, NodeId, ReadMode, ReadStep, Term};
use serde::{Deserialize, Serialize};

mod index;
mod status;

use crate::vec_map::{VecMap, VecSet};
pub use status::{OpFailure, OpStatus};

/// How many times a cluster-targeted command is tried before giving up.
pub const MAX_ATTEMPTS: u32 = 8;

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
    /// The client operation this attempt belongs to (its id; 0 if unknown).
    #[serde(default)]
    pub op: u64,
}

/// The client.
///
/// Operations and history only grow, so they are [`Chunked`]: checkpoints
/// share them. The waiting and pending operations are indexed, so a tick
/// costs the same however many operations the run holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Client {
    pub(super) ops: Chunked<ClientOp>,
    pub(super) history: Chunked<HistoryOp>,
    pub(super) clock: u64,
    known_leader: Option<NodeId>,
    /// When the leader answers (set by the world from its configuration).
    #[serde(default)]
    mode: ReplicationMode,
    /// `Waiting` ops as (retry_at, op index).
    waiting: VecSet<(u64, usize)>,
    /// `Pending` ops as (op index, node, index, term), in op order.
    pending: VecSet<(usize, NodeId, Index, Term)>,
    /// The same, keyed by the entry: (node, index, term, op index).
    pending_by_entry: VecSet<(NodeId, Index, Term, usize)>,
    /// `Reading` ops as read id → op index (thesis §6.4 reads in progress).
    #[serde(default)]
    reading: VecMap<u64, usize>,
    /// How many ops are in each status (waiting, pending, committed,
    /// failed, acknowledged, reading, read answered).
    counts: [usize; 7],
}

impl Client {
    /// Notes its chunked storage (memory report, `examples/bench.rs`).
    pub fn report_storage(&self, r: &mut crate::chunked::StorageReport) {
        r.add("client.ops", &self.ops);
        r.add("client.history", &self.history);
    }

    /// Every operation, oldest first.
    pub fn ops(&self) -> &Chunked<ClientOp> {
        &self.ops
    }
    /// Every attempt that reached a log, for the linearizability check.
    pub fn history(&self) -> &Chunked<HistoryOp> {
        &self.history
    }
    /// Op `i`, to change what is not its status.
    pub(super) fn op_mut(&mut self, i: usize) -> Option<&mut ClientOp> {
        self.ops.get_mut(i)
    }
    /// Whether history record `slot` is the attempt in progress of its
    /// operation: it may still be answered or found void. Any other record
    /// is final (answered, void, or given up with its outcome unknown), which
    /// the linearizability checker's quiescent cut relies on.
    pub fn in_progress(&self, slot: usize) -> bool {
        self.history
            .get(slot)
            .and_then(|h| self.ops.get(h.op.wrapping_sub(1) as usize))
            .is_some_and(|o| o.history_slot == Some(slot))
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
        let status = OpStatus::Waiting {
            retry_at: tick,
            last: None,
        };
        self.ops.push(ClientOp {
            id,
            target,
            command,
            invoked_at: tick,
            attempts: 0,
            attempt_at: tick,
            status: status.clone(),
            history_slot: None,
            read_mode: ReadMode::Log,
            read_steps: Vec::new(),
            applied: None,
        });
        let i = self.ops.len() - 1;
        self.index_status(i, &status);
        i
    }

    /// Counts one more attempt of op `i`.
    pub(super) fn count_attempt(&mut self, i: usize) {
        if let Some(op) = self.ops.get_mut(i) {
            op.attempts += 1;
        }
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
        if let Some(slot) = self.ops.get_mut(i).and_then(|op| op.history_slot.take()) {
            if let Some(h) = self.history.get_mut(slot) {
                h.ret = Some((self.clock, output(&result)));
            }
        }
        if let Some(op) = self.ops.get_mut(i) {
            op.applied = None;
        }
        self.set_status(
            i,
            OpStatus::Acknowledged {
                node,
                index,
                term,
                result,
                reason,
                at: tick,
            },
        );
    }

    /// An attempt of op `i` reached the log of leader `node` at (index, term):
    /// its invocation enters the history.
    pub fn appended(&mut self, i: usize, tick: u64, node: NodeId, index: Index, term: Term) {
        self.invoke_attempt(i, tick);
        self.set_status(i, OpStatus::Pending { node, index, term });
        self.known_leader = Some(node);
    }

    /// An attempt of op `i` begins at `tick`: its invocation enters the
    /// history (for the linearizability checker) and the op points at it.
    pub(super) fn invoke_attempt(&mut self, i: usize, tick: u64) {
        let Some(o) = self.ops.get(i) else {
            return;
        };
        self.clock += 1;
        let attempt = HistoryOp {
            command: o.command.clone(),
            call: self.clock,
            ret: None,
            void: false,
            op: o.id,
        };
        self.history.push(attempt);
        let slot = self.history.len() - 1;
        if let Some(op) = self.ops.get_mut(i) {
            op.history_slot = Some(slot);
            op.attempt_at = tick;
        }
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
        let Some(op) = self.ops.get_mut(i) else {
            return;
        };
        if let Some(slot) = op.history_slot.take() {
            if let Some(h) = self.history.get_mut(slot) {
                h.void = void;
            }
        }
        op.applied = None;
        let op = &self.ops[i];
        let retry = op.target == Target::Cluster && op.attempts < MAX_ATTEMPTS;
        let status = if retry {
            OpStatus::Waiting {
                retry_at: tick + retry_delay,
                last: Some(reason),
            }
        } else {
            OpStatus::Failed { reason, at: tick }
        };
        self.set_status(i, status);
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
            let entry = (node, *index, *term);
            let answered: Vec<usize> = self
                .pending_by_entry
                .between(
                    &(entry.0, entry.1, entry.2, 0),
                    &(entry.0, entry.1, entry.2, usize::MAX),
                )
                .iter()
                .map(|&(.., i)| i)
                .collect();
            for i in answered {
                if !self.mode.answers_on_apply() {
                    if let Some(op) = self.ops.get_mut(i) {
                        op.applied = Some(result.clone());
                    }
                    continue;
                }
                self.clock += 1;
                let slot = self.ops.get_mut(i).and_then(|op| op.history_slot.take());
                if let Some(h) = slot.and_then(|slot| self.history.get_mut(slot)) {
                    h.ret = Some((self.clock, output(result)));
                }
                self.set_status(
                    i,
                    OpStatus::Committed {
                        node,
                        index: *index,
                        term: *term,
                        result: result.clone(),
                        at: tick,
                    },
                );
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
