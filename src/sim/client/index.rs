//! The client's status indexes: the waiting operations by retry time, the
//! pending ones by op and by log entry, the reads in progress by read id, and
//! a count per status. Every status change goes through
//! [`Client::set_status`], which keeps them in step, so a tick costs the same
//! however many operations the run holds.

use super::{Client, OpStatus};
use crate::raft::{Index, NodeId, Term};

/// Which of the seven statuses, as an index into the counts.
fn status_slot(status: &OpStatus) -> usize {
    match status {
        OpStatus::Waiting { .. } => 0,
        OpStatus::Pending { .. } => 1,
        OpStatus::Committed { .. } => 2,
        OpStatus::Failed { .. } => 3,
        OpStatus::Acknowledged { .. } => 4,
        OpStatus::Reading { .. } => 5,
        OpStatus::ReadAnswered { .. } => 6,
    }
}

impl Client {
    /// How many operations are (waiting, pending, committed, failed,
    /// acknowledged, reading, read answered).
    pub fn status_counts(&self) -> [usize; 7] {
        self.counts
    }

    /// Changes op `i`'s status, keeping the indexes in step.
    pub(in crate::sim) fn set_status(&mut self, i: usize, status: OpStatus) {
        let op = &mut self.ops.get_mut(i).expect("a known op");
        let old = std::mem::replace(&mut op.status, status.clone());
        self.counts[status_slot(&old)] -= 1;
        match old {
            OpStatus::Waiting { retry_at, .. } => {
                self.waiting.remove(&(retry_at, i));
            }
            OpStatus::Pending { node, index, term } => {
                self.pending.remove(&(i, node, index, term));
                self.pending_by_entry.remove(&(node, index, term, i));
            }
            OpStatus::Reading { read_id, .. } => {
                self.reading.remove(&read_id);
            }
            _ => {}
        }
        self.index_status(i, &status);
    }

    pub(super) fn index_status(&mut self, i: usize, status: &OpStatus) {
        self.counts[status_slot(status)] += 1;
        match *status {
            OpStatus::Waiting { retry_at, .. } => {
                self.waiting.insert((retry_at, i));
            }
            OpStatus::Pending { node, index, term } => {
                self.pending.insert((i, node, index, term));
                self.pending_by_entry.insert((node, index, term, i));
            }
            OpStatus::Reading { read_id, .. } => {
                self.reading.insert(read_id, i);
            }
            _ => {}
        }
    }

    /// Reads in progress: op indexes, in op order.
    pub(in crate::sim) fn reading_ops(&self) -> Vec<usize> {
        let mut ops: Vec<usize> = self.reading.values().copied().collect();
        crate::sort::sort(&mut ops);
        ops
    }

    /// The op reading with `read_id`, if one is.
    pub(in crate::sim) fn reading_op(&self, read_id: u64) -> Option<usize> {
        self.reading.get(&read_id).copied()
    }

    /// Ops whose retry time has come, in op order.
    pub(in crate::sim) fn due(&self, tick: u64) -> Vec<usize> {
        let mut due: Vec<usize> = self
            .waiting
            .below(&(tick.saturating_add(1), 0))
            .iter()
            .map(|&(_, i)| i)
            .collect();
        crate::sort::sort(&mut due);
        due
    }

    /// Pending ops, with (node, index, term), in op order.
    pub(in crate::sim) fn pending(&self) -> Vec<(usize, NodeId, Index, Term)> {
        self.pending.iter().copied().collect()
    }
}
