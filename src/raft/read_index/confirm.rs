//! The leader's side of a read (thesis §6.4): it waits until it has
//! committed an entry of its term (step 1), records its commit index as the
//! read index (step 2), and confirms it still leads with a heartbeat round a
//! majority of its configuration echoes (step 3) — or, for a lease read
//! within its lease, answers without the round (§6.4.1). A confirmed read is
//! handed back to the follower that forwarded it or waits to be applied
//! (step 4, in the parent module). Tested in `tests/read_index.rs`.

use super::{ConfirmedRead, PendingRead, ReadMode};
use crate::raft::config::UnsafeSwitch;
use crate::raft::event::{Event, ReadStep};
use crate::raft::message::MessageBody;
use crate::raft::node::Node;
use crate::raft::types::{Index, NodeId};
use crate::raft::unsafe_rule::UnsafeRule;

impl Node {
    /// The leader's side of a read, local (`key`) or forwarded (`from`).
    pub(super) fn leader_read(
        &mut self,
        read_id: u64,
        key: Option<String>,
        from: Option<NodeId>,
        mode: ReadMode,
    ) {
        if self.config.is_unsafe(UnsafeSwitch::StaleLeaderRead) {
            // Unsafe: answer from local state, leadership unconfirmed
            // (the rule of thesis §6.4 broken, announced for "show the cause").
            let read_index = self.commit_index;
            self.read_event(read_id, ReadStep::Unconfirmed { read_index });
            let rule = UnsafeRule::ReadWithoutConfirmingLeadership {
                read_id,
                term: self.persistent.current_term,
                read_index,
            };
            self.events.push(Event::UnsafeRuleBroken { rule });
            return self.read_ready(read_id, key, from, read_index);
        }
        if !self.committed_in_term() {
            self.read_event(read_id, ReadStep::WaitingForCommitInTerm);
            self.reads.pending.push(PendingRead {
                read_id,
                key,
                from,
                read_index: None,
                round: 0,
            });
            return;
        }
        let read_index = self.commit_index;
        if mode == ReadMode::Lease {
            if let Some(until) = self.lease_until() {
                self.read_event(
                    read_id,
                    ReadStep::ServedByLease {
                        read_index,
                        lease_left: until - self.clock,
                    },
                );
                return self.read_ready(read_id, key, from, read_index);
            }
            self.read_event(read_id, ReadStep::LeaseExpired);
        }
        self.start_read_round(read_id, key, from, read_index);
    }

    pub(super) fn start_read_round(
        &mut self,
        read_id: u64,
        key: Option<String>,
        from: Option<NodeId>,
        read_index: Index,
    ) {
        self.reads.round += 1;
        let round = self.reads.round;
        self.reads.round_started.insert(round, self.clock);
        self.read_event(read_id, ReadStep::IndexRecorded { read_index, round });
        self.reads.pending.push(PendingRead {
            read_id,
            key,
            from,
            read_index: Some(read_index),
            round,
        });
        self.broadcast_heartbeat_round(round);
        self.confirm_reads();
    }

    /// A follower's echo of round `ctx` (any current-term answer counts).
    pub(in crate::raft) fn read_acked(&mut self, from: NodeId, ctx: Option<u64>) {
        let Some(round) = ctx else { return };
        let acked = self.reads.acked.get_or_insert_with(from, || 0);
        *acked = (*acked).max(round);
        self.confirm_reads();
    }

    /// Reads whose round a majority has echoed are confirmed (step 3).
    fn confirm_reads(&mut self) {
        let pending = std::mem::take(&mut self.reads.pending);
        let mut still = Vec::new();
        for p in pending {
            let Some(read_index) = p.read_index else {
                still.push(p);
                continue;
            };
            let mut acks: Vec<NodeId> = self
                .reads
                .acked
                .iter()
                .filter(|&(_, &r)| r >= p.round)
                .map(|(&n, _)| n)
                .collect();
            acks.push(self.id);
            crate::sort::sort(&mut acks);
            if self.voter_config().is_quorum(|id| acks.contains(&id)) {
                self.read_event(p.read_id, ReadStep::Confirmed { read_index, acks });
                self.read_ready(p.read_id, p.key, p.from, read_index);
            } else {
                still.push(p);
            }
        }
        self.reads.pending.extend(still);
        self.prune_rounds();
    }

    fn prune_rounds(&mut self) {
        let keep_from = self
            .clock
            .saturating_sub(2 * u64::from(self.config.election_timeout));
        let oldest_pending = self.reads.pending.iter().map(|p| p.round).min();
        let round = self.reads.round;
        self.reads.round_started.retain(|&r, &mut at| {
            r == round || at >= keep_from || oldest_pending.is_some_and(|o| r >= o)
        });
    }

    /// Confirmed: a forwarded read gets its index back; a local one waits
    /// for the state machine (step 4).
    fn read_ready(
        &mut self,
        read_id: u64,
        key: Option<String>,
        from: Option<NodeId>,
        read_index: Index,
    ) {
        match (key, from) {
            (_, Some(follower)) => {
                let term = self.persistent.current_term;
                self.send(
                    follower,
                    term,
                    MessageBody::ReadIndexResponse {
                        read_id,
                        read_index: Some(read_index),
                    },
                );
            }
            (Some(key), None) => {
                self.reads.confirmed.push(ConfirmedRead {
                    read_id,
                    key,
                    read_index,
                });
                self.answer_reads();
            }
            (None, None) => {}
        }
    }
}
