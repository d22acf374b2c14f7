//! The world's side of the client: making attempts at nodes, following
//! redirects (§8), noticing crashes, overwrites and time-outs.

use super::action::Target;
use super::client::OpFailure;
use super::client_reads::Offer;
use super::node_slot::NodeStatus;
use super::trace::{SimEvent, TraceKind};
use super::world::World;
use crate::raft::NodeId;

impl World {
    fn retry_delay(&self) -> u64 {
        u64::from(self.config.raft.election_timeout / 2).max(1)
    }

    /// Ticks an attempt may stay pending before the client stops waiting.
    fn answer_timeout(&self) -> u64 {
        10 * u64::from(self.config.raft.election_timeout)
    }

    /// One attempt for op `i`: to the chosen node, or to the leader the client
    /// knows, following at most one redirect per node.
    pub(super) fn attempt(&mut self, i: usize) {
        let tick = self.tick;
        let delay = self.retry_delay();
        let target = self.client.ops()[i].target;
        self.client.count_attempt(i);
        let mut node = match target {
            Target::Node(n) => n,
            Target::Cluster => self.client.known_leader().unwrap_or(1),
        };
        let mut tried: Vec<NodeId> = Vec::new();
        loop {
            tried.push(node);
            let Ok(slot_index) = self.index_of(node) else {
                return self
                    .client
                    .attempt_failed(i, tick, OpFailure::NoLeader, true, delay);
            };
            if self.nodes[slot_index].status != NodeStatus::Up {
                if target == Target::Cluster {
                    if let Some(next) = self.next_untried(&tried) {
                        node = next;
                        continue;
                    }
                }
                return self.client.attempt_failed(
                    i,
                    tick,
                    OpFailure::NodeDown { node },
                    true,
                    delay,
                );
            }
            match self.offer(i, slot_index) {
                Offer::Taken => return,
                Offer::Transferring(to) => {
                    let reason = OpFailure::LeaderTransferring { node, target: to };
                    return self.client.attempt_failed(i, tick, reason, true, delay);
                }
                Offer::NotLeader(leader) => {
                    self.client.set_known_leader(leader);
                    let redirect = leader.filter(|l| !tried.contains(l));
                    match (target, redirect) {
                        (Target::Cluster, Some(l)) => node = l,
                        (Target::Cluster, None) => {
                            return self.client.attempt_failed(
                                i,
                                tick,
                                OpFailure::NoLeader,
                                true,
                                delay,
                            )
                        }
                        (Target::Node(_), _) => {
                            let reason = OpFailure::NotLeader { node, leader };
                            return self.client.attempt_failed(i, tick, reason, true, delay);
                        }
                    }
                }
            }
        }
    }

    fn next_untried(&self, tried: &[NodeId]) -> Option<NodeId> {
        self.nodes.iter().map(|s| s.node.id()).find(|id| {
            !tried.contains(id) && self.slot(*id).is_ok_and(|s| s.status == NodeStatus::Up)
        })
    }

    /// Each tick: retries that are due, and pending attempts whose leader
    /// crashed, whose entry was overwritten, or that waited too long.
    pub(super) fn client_tick(&mut self) {
        let tick = self.tick;
        let delay = self.retry_delay();
        for (i, node, index, term) in self.client.pending() {
            let Ok(slot) = self.slot(node) else { continue };
            let failure = if slot.status == NodeStatus::Crashed {
                Some((OpFailure::LeaderCrashed { node }, false))
            } else if slot.node.log().term_at(index).is_some_and(|t| t != term)
                || slot.node.log().last_index() < index
            {
                // Gone from the leader that took it, but another node's copy
                // may still be committed by a later leader (Figure 8): only a
                // different entry already committed at that index proves it
                // never takes effect (State Machine Safety).
                let void = self.nodes.iter().any(|s| {
                    s.node.commit_index() >= index
                        && s.node.log().term_at(index).is_some_and(|t| t != term)
                });
                Some((OpFailure::Overwritten { index, term }, void))
            } else if tick.saturating_sub(self.client.ops()[i].attempt_at) > self.answer_timeout() {
                Some((OpFailure::TimedOut, false))
            } else {
                None
            };
            if let Some((reason, void)) = failure {
                self.client.attempt_failed(i, tick, reason, void, delay);
                let op = self.client.ops()[i].id;
                self.record(
                    node,
                    TraceKind::Sim(SimEvent::ClientOutcome { op, ok: false }),
                );
            }
        }
        let timeout = self.answer_timeout();
        self.reads_tick(timeout, delay);
        for i in self.client.due(tick) {
            self.attempt(i);
        }
    }
}
