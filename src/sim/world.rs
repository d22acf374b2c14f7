//! The world: nodes, network, client, checker and trace at one tick. A `World`
//! is a value: cloning it is how the history takes checkpoints.

use super::cause::{Cause, CauseLog};
use super::check::{Checker, Violation};
use super::client::Client;
use super::config::{SimConfig, SimError};
use super::lanes::LaneLog;
use super::msglog::{MessageLog, MsgFate, MsgSummary};
use super::network::{DropReason, Envelope, MsgId, Network};
pub use super::node_slot::{NodeSlot, NodeStatus};
use super::trace::{SimEvent, Trace, TraceEvent, TraceKind};
use crate::raft::{Message, Node, NodeId, Rng};
use serde::{Deserialize, Serialize};

/// Everything that changes as a run goes on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct World {
    pub(super) config: SimConfig,
    pub(super) tick: u64,
    pub(super) rng: Rng,
    pub(super) nodes: Vec<NodeSlot>,
    pub(super) network: Network,
    pub(super) client: Client,
    pub(super) checker: Checker,
    pub(super) trace: Trace,
    /// Recent messages' lives, for the space-time diagram (rebuilt by replay).
    #[serde(skip)]
    pub(super) msglog: MessageLog,
    /// Recent node states, for the space-time diagram's lifelines.
    #[serde(skip)]
    pub(super) lanes: LaneLog,
    /// Rules broken by unsafe switches, the causes of violations.
    #[serde(skip)]
    pub(super) causes: CauseLog,
}

impl World {
    /// A fresh cluster at tick 0: every node a follower in term 0, or
    /// restarted from the configuration's starting state if it gives one.
    pub fn new(config: SimConfig) -> Result<World, SimError> {
        config.validate()?;
        let root = Rng::new(config.seed);
        let ids = config.ids();
        let mode = config.replication_mode;
        let nodes = ids
            .iter()
            .map(|&id| {
                let rng = root.split(u64::from(id));
                let node = match config.initial.get(id as usize - 1) {
                    Some(start) => {
                        Node::restart(id, &ids, config.raft.clone(), rng, start.persistent())
                    }
                    None => Node::new(id, &ids, config.raft.clone(), rng),
                }
                .map_err(SimError::Raft)?;
                Ok(NodeSlot {
                    node,
                    status: NodeStatus::Up,
                    restarts: 0,
                })
            })
            .collect::<Result<Vec<_>, SimError>>()?;
        Ok(World {
            rng: root.split(0),
            config,
            tick: 0,
            nodes,
            network: Network::default(),
            client: Client::with_mode(mode),
            checker: Checker::default(),
            trace: Trace::default(),
            msglog: MessageLog::default(),
            lanes: LaneLog::default(),
            causes: CauseLog::default(),
        })
        .map(|mut w: World| {
            w.observe_lanes();
            w
        })
    }

    // -------------------------------------------------------------- read-outs

    /// The configuration.
    pub fn config(&self) -> &SimConfig {
        &self.config
    }
    /// The current tick.
    pub fn tick(&self) -> u64 {
        self.tick
    }
    /// Every node, by id order (`nodes()[0]` is n1).
    pub fn nodes(&self) -> &[NodeSlot] {
        &self.nodes
    }
    /// One node.
    pub fn slot(&self, id: NodeId) -> Result<&NodeSlot, SimError> {
        self.index_of(id).map(|i| &self.nodes[i])
    }
    /// The network.
    pub fn network(&self) -> &Network {
        &self.network
    }
    /// The client and its operations.
    pub fn client(&self) -> &Client {
        &self.client
    }
    /// The trace.
    pub fn trace(&self) -> &Trace {
        &self.trace
    }
    /// Recent messages' lives (sent, delivered, dropped, held).
    pub fn message_log(&self) -> &MessageLog {
        &self.msglog
    }
    /// The broken rule that made violation `v` possible (unsafe switches).
    pub fn cause_of(&self, v: &Violation) -> Option<&Cause> {
        self.causes.cause_of(v)
    }
    /// Recent node states as segments per node.
    pub fn lane_log(&self) -> &LaneLog {
        &self.lanes
    }
    /// Safety violations found so far (empty while every property holds).
    pub fn violations(&self) -> &[Violation] {
        self.checker.violations()
    }
    /// The safety checker (e.g. for linearizability checks it skipped).
    pub fn checker(&self) -> &Checker {
        &self.checker
    }
    /// Notes the chunked storage of every part (memory report,
    /// `examples/bench.rs`).
    pub fn report_storage(&self, r: &mut crate::chunked::StorageReport) {
        for s in &self.nodes {
            s.node.log().report_storage(r);
        }
        self.client.report_storage(r);
        self.checker.report_storage(r);
        self.trace.report_storage(r);
        self.msglog.report_storage(r);
    }
    /// The leader: the leader of the newest term, paused or not (see
    /// [`leadership`](super::leadership)).
    pub fn leader(&self) -> Option<NodeId> {
        super::leadership::newest_leader(self.nodes.iter().map(|s| {
            let n = &s.node;
            (n.id(), s.status, n.role(), n.term())
        }))
    }
    /// The leader that will overwrite the entry `(index, term)` where other
    /// nodes hold it: [`Self::leader`], when it does not hold the entry
    /// ([`super::leadership::overwrites`], §5.3).
    pub fn overwritten_by(
        &self,
        index: crate::raft::Index,
        term: crate::raft::Term,
    ) -> Option<NodeId> {
        let id = self.leader()?;
        let slot = self.nodes.iter().find(|s| s.node.id() == id)?;
        super::leadership::overwrites(slot.node.log(), index, term).then_some(id)
    }
    /// Every node that counts as a leader (usually one; more for a moment
    /// after a partition heals), in id order.
    pub fn leaders(&self) -> impl Iterator<Item = &NodeSlot> + '_ {
        self.nodes.iter().filter(|s| s.is_leader())
    }

    pub(super) fn index_of(&self, id: NodeId) -> Result<usize, SimError> {
        let i = (id as usize).wrapping_sub(1);
        if i < self.nodes.len() {
            Ok(i)
        } else {
            Err(SimError::NoSuchNode { node: id })
        }
    }

    // ------------------------------------------------------------- stepping

    /// One tick of the global clock: due messages are delivered (unless in
    /// manual mode), then every running node's clock advances, then the
    /// client and the checker look at what happened.
    pub fn step(&mut self) {
        self.tick += 1;
        if !self.config.network.manual_delivery {
            for id in self.network.due(self.tick) {
                self.deliver(id);
            }
        }
        for i in 0..self.nodes.len() {
            if self.nodes[i].status == NodeStatus::Up {
                self.nodes[i].node.tick();
                self.collect(i);
            }
        }
        self.client_tick();
        self.run_checker();
        self.observe_lanes();
    }

    /// Notes every node's (role, term, status) in the lane log.
    pub(super) fn observe_lanes(&mut self) {
        let tick = self.tick;
        for s in &self.nodes {
            let n = &s.node;
            self.lanes
                .observe(n.id(), tick, n.role(), n.term(), s.status);
        }
        self.lanes.observe_cuts(tick, self.network.cut_links());
    }

    /// Delivers one message now, if its receiver can take it. A paused
    /// receiver leaves it queued; a crashed one loses it.
    pub(super) fn deliver(&mut self, id: MsgId) -> bool {
        let Some(env) = self.network.in_flight().iter().find(|e| e.id == id) else {
            return false;
        };
        let (from, to) = (env.msg.from, env.msg.to);
        let Ok(i) = self.index_of(to) else {
            self.network.take(id);
            return false;
        };
        let reason = match self.nodes[i].status {
            NodeStatus::Paused => return false,
            NodeStatus::Crashed => Some(DropReason::ReceiverDown),
            NodeStatus::Up if !self.network.is_up(from, to) => Some(DropReason::LinkCut),
            NodeStatus::Up => None,
        };
        let Some(env) = self.network.take(id) else {
            return false;
        };
        if let Some(reason) = reason {
            self.record_drop(&env, reason);
            return false;
        }
        self.msglog.set_fate(id, MsgFate::Delivered(self.tick));
        let heartbeat_from = env.msg.body.is_heartbeat().then_some(from);
        self.nodes[i].node.step(env.msg);
        self.collect_replying(i, heartbeat_from);
        true
    }

    pub(super) fn record_drop(&mut self, env: &Envelope, reason: DropReason) {
        let event = SimEvent::MessageDropped {
            id: env.id,
            kind: env.msg.body.kind(),
            to: env.msg.to,
            reason,
        };
        self.record(env.msg.from, TraceKind::Sim(event));
    }

    pub(super) fn record(&mut self, node: NodeId, kind: TraceKind) {
        let tick = self.tick;
        match &kind {
            TraceKind::Sim(SimEvent::MessageDropped { id, reason, .. }) => {
                self.msglog.set_fate(*id, MsgFate::Dropped(tick, *reason))
            }
            TraceKind::Raft(crate::raft::Event::UnsafeRuleBroken { rule }) => {
                self.causes.push(tick, node, rule.clone())
            }
            TraceKind::Sim(SimEvent::MessageHeld { id }) => {
                self.msglog.set_fate(*id, MsgFate::Held)
            }
            TraceKind::Sim(SimEvent::MessageReleased { id }) => {
                self.msglog.set_fate(*id, MsgFate::InFlight)
            }
            _ => {}
        }
        self.checker.observe(tick, node, &kind);
        self.client.observe(tick, node, &kind);
        self.trace.record(TraceEvent { tick, node, kind });
    }

    /// Moves node `i`'s outbox into the network and its events into the trace.
    pub(super) fn collect(&mut self, i: usize) {
        self.collect_replying(i, None);
    }

    /// As [`World::collect`], after node `i` handled a heartbeat from
    /// `heartbeat_from`: its answers to that node are heartbeat replies.
    fn collect_replying(&mut self, i: usize, heartbeat_from: Option<NodeId>) {
        let id = self.nodes[i].node.id();
        for event in self.nodes[i].node.take_events() {
            self.record(id, TraceKind::Raft(event));
        }
        for msg in self.nodes[i].node.take_outbox() {
            let reply = heartbeat_from == Some(msg.to) && msg.body.granted().is_some();
            self.transmit(msg, reply);
        }
        if !self.client.mode().answers_on_apply() {
            self.acknowledge_pending(i);
        }
    }

    /// The network's treatment of a new message: cut links and loss drop it,
    /// latency is drawn, and it may be duplicated.
    pub(super) fn transmit(&mut self, msg: Message, heartbeat_reply: bool) {
        let summary = MsgSummary::of(&msg, heartbeat_reply);
        let net = self.config.network;
        let (from, to) = (msg.from, msg.to);
        let lost = self.rng.chance_permille(net.loss_permille);
        let duplicated = self.rng.chance_permille(net.duplicate_permille);
        let latency = self
            .rng
            .range(u64::from(net.latency_min), u64::from(net.latency_max) + 1);
        let entries = msg.body.entry_count() * (1 + usize::from(duplicated));
        let full = !self.network.has_room(entries);
        if !self.network.is_up(from, to) || lost || full {
            let id = self.network.burn_id();
            let reason = if lost {
                DropReason::Lost
            } else if full && self.network.is_up(from, to) {
                DropReason::Overflow
            } else {
                DropReason::LinkCut
            };
            let env = Envelope {
                id,
                msg,
                sent_at: self.tick,
                deliver_at: self.tick,
                held: false,
                duplicate_of: None,
            };
            self.msglog.sent(id, &summary, self.tick, self.tick);
            return self.record_drop(&env, reason);
        }
        let copy = duplicated.then(|| msg.clone());
        let id = self.network.send(msg, self.tick, self.tick + latency, None);
        self.msglog
            .sent(id, &summary, self.tick, self.tick + latency);
        if let Some(copy) = copy {
            let extra = self
                .rng
                .range(u64::from(net.latency_min), u64::from(net.latency_max) + 1);
            let dup = self
                .network
                .send(copy, self.tick, self.tick + extra, Some(id));
            self.msglog
                .sent(dup, &summary, self.tick, self.tick + extra);
            self.msglog.mark_duplicate(dup);
            self.record(from, TraceKind::Sim(SimEvent::MessageDuplicated { id }));
        }
    }

    pub(super) fn run_checker(&mut self) {
        let tick = self.tick;
        self.checker.check(tick, &self.nodes);
        self.checker.check_client(tick, &self.client);
    }
}
