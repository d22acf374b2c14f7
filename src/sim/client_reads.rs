//! The simulation's side of ReadIndex and lease reads (thesis §6.4) and of
//! leadership transfer (thesis §3.10): the `Read` and `TransferLeader`
//! actions, the client's read attempts, and what it observes of their round
//! trip. Reads enter the client history like every other operation, so the
//! linearizability checker sees them.

use super::action::Target;
use super::client::{Client, OpFailure, OpStatus};
use super::config::SimError;
use super::trace::{SimEvent, TraceKind};
use super::world::{NodeStatus, World};
use crate::raft::{Command, NodeId, ProposeError, ReadError, ReadMode, ReadStep, Role};

/// The `Read` action: validated before anything changes.
pub(super) fn read(
    w: &mut World,
    target: Target,
    key: &str,
    mode: ReadMode,
) -> Result<(), SimError> {
    if key.is_empty() || key.len() > 64 || key.chars().any(char::is_whitespace) {
        return Err(SimError::BadReadKey);
    }
    if mode == ReadMode::Lease && !w.config.raft.check_quorum {
        return Err(SimError::LeaseNeedsCheckQuorum);
    }
    if let Target::Node(n) = target {
        w.index_of(n)?;
    }
    let command = Command::Get {
        key: key.to_string(),
    };
    let i = w.client.new_op(w.tick, target, command);
    if let Some(op) = w.client.op_mut(i) {
        op.read_mode = mode;
    }
    w.attempt(i);
    Ok(())
}

/// The `TransferLeader` action: the running leader hands over to `to`.
pub(super) fn transfer(w: &mut World, to: NodeId) -> Result<(), SimError> {
    w.index_of(to)?;
    let leader = w
        .nodes
        .iter()
        .position(|s| s.status == NodeStatus::Up && s.node.role() == Role::Leader)
        .ok_or(SimError::NoLeader)?;
    w.nodes[leader]
        .node
        .transfer_leader(to)
        .map_err(SimError::Transfer)?;
    w.collect(leader);
    Ok(())
}

/// What a node did with an attempt.
pub(super) enum Offer {
    /// Appended (a write or log read) or taken (a ReadIndex/lease read).
    Taken,
    /// Not the leader; it named this one, if any.
    NotLeader(Option<NodeId>),
    /// The leader is transferring leadership to this node.
    Transferring(NodeId),
}

impl World {
    /// Offers op `i` to the node in slot `slot_index`.
    pub(super) fn offer(&mut self, i: usize, slot_index: usize) -> Offer {
        let tick = self.tick;
        let id = self.nodes[slot_index].node.id();
        let op = &self.client.ops()[i];
        let (mode, command, op_id, attempts) =
            (op.read_mode, op.command.clone(), op.id, op.attempts);
        if mode == ReadMode::Log {
            let result = self.nodes[slot_index].node.propose(command);
            if let Ok((index, term)) = result {
                // Pending before the node's events are seen: a single-node
                // cluster commits and applies inside `propose` (its own
                // majority, §5.3), and the client must recognise that answer.
                self.client.appended(i, tick, id, index, term);
            }
            self.collect(slot_index);
            return match result {
                Ok(_) => {
                    // Replication modes that answer before the apply.
                    if !self.client.mode().answers_on_apply() {
                        self.acknowledge_pending(slot_index);
                    }
                    Offer::Taken
                }
                Err(ProposeError::NotLeader { leader }) => Offer::NotLeader(leader),
                Err(ProposeError::TransferInProgress { target }) => Offer::Transferring(target),
            };
        }
        let Command::Get { key } = command else {
            return Offer::NotLeader(None);
        };
        let read_id = op_id * 16 + u64::from(attempts);
        match self.nodes[slot_index].node.read(read_id, &key, mode) {
            Ok(()) => {
                // Mark the attempt before its events are seen: a lease read
                // may be answered at once.
                self.client.reading(i, tick, id, read_id);
                self.collect(slot_index);
                Offer::Taken
            }
            Err(ReadError::NotLeader { leader }) => Offer::NotLeader(leader),
            Err(_) => Offer::NotLeader(None),
        }
    }

    /// Each tick: reads whose node crashed, abandoned them, or took too long.
    pub(super) fn reads_tick(&mut self, answer_timeout: u64, delay: u64) {
        let tick = self.tick;
        for i in self.client.reading_ops() {
            let op = &self.client.ops()[i];
            let OpStatus::Reading { node, .. } = op.status else {
                continue;
            };
            let crashed = self
                .slot(node)
                .is_ok_and(|s| s.status == NodeStatus::Crashed);
            let abandoned = op.read_steps.iter().rev().find_map(|(n, s)| match s {
                ReadStep::Failed { reason } if *n == node => Some(reason.clone()),
                _ => None,
            });
            let failure = if crashed {
                Some(OpFailure::NodeDown { node })
            } else if let Some(reason) = abandoned {
                Some(OpFailure::ReadAbandoned { node, reason })
            } else if tick.saturating_sub(op.attempt_at) > answer_timeout {
                Some(OpFailure::TimedOut)
            } else {
                None
            };
            if let Some(reason) = failure {
                // A read that was not answered changed nothing: void.
                self.client.attempt_failed(i, tick, reason, true, delay);
                let op = self.client.ops()[i].id;
                self.record(
                    node,
                    TraceKind::Sim(SimEvent::ClientOutcome { op, ok: false }),
                );
            }
        }
    }
}

impl Client {
    /// A read attempt was taken by `node`.
    pub(super) fn reading(&mut self, i: usize, tick: u64, node: NodeId, read_id: u64) {
        self.invoke_attempt(i, tick);
        if let Some(op) = self.ops.get_mut(i) {
            op.read_steps.clear();
        }
        self.set_status(i, OpStatus::Reading { node, read_id });
    }

    /// A step of some read at `node`: recorded on its op; the asked node's
    /// answer settles it.
    pub(super) fn observe_read(&mut self, tick: u64, node: NodeId, read_id: u64, step: &ReadStep) {
        let Some(i) = self.reading_op(read_id) else {
            return;
        };
        let Some(op) = self.ops.get_mut(i) else {
            return;
        };
        op.read_steps.push((node, step.clone()));
        let OpStatus::Reading { node: asked, .. } = self.ops[i].status else {
            return;
        };
        if let (
            ReadStep::Answered {
                read_index, value, ..
            },
            true,
        ) = (step, node == asked)
        {
            self.clock += 1;
            if let Some(slot) = self.ops.get_mut(i).and_then(|op| op.history_slot.take()) {
                if let Some(h) = self.history.get_mut(slot) {
                    h.ret = Some((self.clock, value.clone()));
                }
            }
            self.set_status(
                i,
                OpStatus::ReadAnswered {
                    node,
                    read_index: *read_index,
                    value: value.clone(),
                    at: tick,
                },
            );
        }
    }
}
