//! How each [`Action`] changes the world: faults on nodes, links and messages.

use super::action::Action;
use super::config::SimError;
use super::network::DropReason;
use super::node_slot::NodeStatus;
use super::trace::{SimEvent, TraceKind};
use super::world::World;
use crate::raft::{Node, NodeId};

impl World {
    /// Applies one action now, then runs the safety checker. The history
    /// calls this and records it. (Defined here, beside the faults, so the
    /// world does not depend on this module: no module cycle.)
    pub fn apply(&mut self, action: &Action) -> Result<(), SimError> {
        apply(self, action)?;
        self.run_checker();
        self.observe_lanes();
        Ok(())
    }
}

/// Applies one action to the world.
fn apply(w: &mut World, action: &Action) -> Result<(), SimError> {
    if super::membership::apply(w, action)? {
        return Ok(());
    }
    match action {
        Action::Campaign(n) => {
            let i = up_node(w, *n)?;
            w.nodes[i].node.force_timeout();
            w.collect(i);
        }
        Action::TickNode(n, count) => {
            let i = up_node(w, *n)?;
            for _ in 0..*count {
                w.nodes[i].node.tick();
                w.collect(i);
            }
        }
        Action::SetTimeout(n, ticks) => {
            let i = w.index_of(*n)?;
            w.nodes[i].node.set_election_timeout_once(*ticks);
        }
        Action::DeliverAll => {
            for id in w.network.deliverable() {
                w.deliver(id);
            }
        }
        Action::Deliver(id) => {
            in_flight(w, *id)?;
            w.deliver(*id);
        }
        Action::Drop(id) => {
            in_flight(w, *id)?;
            if let Some(env) = w.network.take(*id) {
                w.record_drop(&env, DropReason::ByUser);
            }
        }
        Action::Hold(id) => {
            in_flight(w, *id)?;
            let from = set_held(w, *id, true);
            w.record(from, TraceKind::Sim(SimEvent::MessageHeld { id: *id }));
        }
        Action::Release(id) => {
            in_flight(w, *id)?;
            let from = set_held(w, *id, false);
            w.record(from, TraceKind::Sim(SimEvent::MessageReleased { id: *id }));
        }
        Action::Cut(a, b) => links(w, &[(*a, *b), (*b, *a)], false)?,
        Action::CutOneWay(a, b) => links(w, &[(*a, *b)], false)?,
        Action::Connect(a, b) => links(w, &[(*a, *b), (*b, *a)], true)?,
        Action::ConnectOneWay(a, b) => links(w, &[(*a, *b)], true)?,
        Action::Isolate(n) => {
            w.index_of(*n)?;
            let pairs: Vec<(NodeId, NodeId)> = w
                .config
                .ids()
                .into_iter()
                .filter(|&o| o != *n)
                .flat_map(|o| [(*n, o), (o, *n)])
                .collect();
            links(w, &pairs, false)?;
        }
        Action::Partition(groups) => partition(w, groups)?,
        Action::Recover => {
            let cut: Vec<(NodeId, NodeId)> = w.network.cut_links().collect();
            links(w, &cut, true)?;
        }
        Action::Crash(n) => {
            let i = w.index_of(*n)?;
            if w.nodes[i].status == NodeStatus::Crashed {
                return Err(SimError::NodeState {
                    node: *n,
                    status: NodeStatus::Crashed,
                });
            }
            w.nodes[i].status = NodeStatus::Crashed;
            w.record(*n, TraceKind::Sim(SimEvent::Crashed));
        }
        Action::Restart(n) => restart(w, *n)?,
        Action::Pause(n) => {
            let i = up_node(w, *n)?;
            w.nodes[i].status = NodeStatus::Paused;
            w.record(*n, TraceKind::Sim(SimEvent::Paused));
        }
        Action::Resume(n) => {
            let i = w.index_of(*n)?;
            if w.nodes[i].status != NodeStatus::Paused {
                let status = w.nodes[i].status;
                return Err(SimError::NodeState { node: *n, status });
            }
            w.nodes[i].status = NodeStatus::Up;
            w.record(*n, TraceKind::Sim(SimEvent::Resumed));
        }
        Action::Propose(target, command) => {
            if let super::action::Target::Node(n) = target {
                w.index_of(*n)?;
            }
            let i = w.client.new_op(w.tick, *target, command.clone());
            w.attempt(i);
        }
        Action::Read { target, key, mode } => super::client_reads::read(w, *target, key, *mode)?,
        Action::TransferLeader(to) => super::client_reads::transfer(w, *to)?,
        Action::Inject(msg) => {
            super::inject::check_plausible(w, msg).map_err(SimError::Inject)?;
            let tick = w.tick;
            w.network.send((**msg).clone(), tick, tick + 1, None);
        }
        Action::SetLoss { loss, duplicate } => {
            let mut net = w.config.network;
            net.loss_permille = *loss;
            net.duplicate_permille = *duplicate;
            net.validate()?;
            w.config.network = net;
        }
        Action::SetLatency { min, max } => {
            let mut net = w.config.network;
            net.latency_min = *min;
            net.latency_max = *max;
            net.validate()?;
            w.config.network = net;
        }
        Action::SetManualDelivery(on) => w.config.network.manual_delivery = *on,
        Action::AddServer
        | Action::RemoveServer(_)
        | Action::Promote(_)
        | Action::ChangeVoters(_) => unreachable!("handled by membership::apply"),
        Action::SetReplicationMode(mode) => w.set_replication_mode(*mode),
        Action::Compact { node, up_to } => {
            let i = w.index_of(*node)?;
            if w.nodes[i].status == NodeStatus::Crashed {
                return Err(SimError::NodeState {
                    node: *node,
                    status: NodeStatus::Crashed,
                });
            }
            let n = &mut w.nodes[i].node;
            let result = match up_to {
                Some(index) => n.compact_to(*index),
                None => n.compact(),
            };
            result.map_err(|error| SimError::Compact { node: *node, error })?;
            w.collect(i);
        }
        Action::SetCompactThreshold(entries) => {
            let raft = crate::raft::Config {
                compact_threshold: *entries,
                ..w.config.raft.clone()
            };
            raft.validate().map_err(SimError::Raft)?;
            w.config.raft = raft;
            for i in 0..w.nodes.len() {
                w.nodes[i]
                    .node
                    .set_compact_threshold(*entries)
                    .map_err(SimError::Raft)?;
                if w.nodes[i].status != NodeStatus::Crashed {
                    w.nodes[i].node.auto_compact();
                    w.collect(i);
                }
            }
        }
    }
    Ok(())
}

fn up_node(w: &World, n: NodeId) -> Result<usize, SimError> {
    let i = w.index_of(n)?;
    match w.nodes[i].status {
        NodeStatus::Up => Ok(i),
        status => Err(SimError::NodeState { node: n, status }),
    }
}

fn in_flight(w: &World, id: u64) -> Result<(), SimError> {
    if w.network.in_flight().iter().any(|e| e.id == id) {
        Ok(())
    } else {
        Err(SimError::NoSuchMessage { id })
    }
}

fn set_held(w: &mut World, id: u64, held: bool) -> NodeId {
    let tick = w.tick;
    let env = w.network.get_mut(id).expect("checked by in_flight");
    env.held = held;
    if !held {
        env.deliver_at = env.deliver_at.max(tick + 1);
    }
    env.msg.from
}

fn links(w: &mut World, pairs: &[(NodeId, NodeId)], up: bool) -> Result<(), SimError> {
    for &(a, b) in pairs {
        w.index_of(a)?;
        w.index_of(b)?;
    }
    for &(from, to) in pairs {
        if from != to && w.network.is_up(from, to) != up {
            w.network.set_link(from, to, up);
            w.record(from, TraceKind::Sim(SimEvent::LinkChanged { from, to, up }));
        }
    }
    Ok(())
}

fn partition(w: &mut World, groups: &[Vec<NodeId>]) -> Result<(), SimError> {
    let mut named: Vec<NodeId> = groups.iter().flatten().copied().collect();
    crate::sort::sort(&mut named);
    if named != w.config.ids() {
        return Err(SimError::BadPartition);
    }
    let group_of = |n: NodeId| groups.iter().position(|g| g.contains(&n));
    let ids = w.config.ids();
    let mut cut = Vec::new();
    let mut join = Vec::new();
    for &a in &ids {
        for &b in &ids {
            if a != b {
                if group_of(a) == group_of(b) {
                    join.push((a, b));
                } else {
                    cut.push((a, b));
                }
            }
        }
    }
    links(w, &join, true)?;
    links(w, &cut, false)
}

/// A crashed node comes back with exactly its persistent state (Figure 2).
fn restart(w: &mut World, n: NodeId) -> Result<(), SimError> {
    let i = w.index_of(n)?;
    if w.nodes[i].status != NodeStatus::Crashed {
        let status = w.nodes[i].status;
        return Err(SimError::NodeState { node: n, status });
    }
    let slot = &w.nodes[i];
    let restarts = slot.restarts + 1;
    let rng = crate::raft::Rng::new(w.config.seed).split(u64::from(n) + (restarts << 8));
    // The bootstrap configuration; the one in force is re-read from the log.
    let base: Vec<NodeId> = slot
        .node
        .base_membership()
        .voters
        .voters()
        .into_iter()
        .collect();
    let node = Node::restart(
        n,
        &base,
        slot.node.config().clone(),
        rng,
        slot.node.persistent().clone(),
    )
    .map_err(SimError::Raft)?;
    w.nodes[i].node = node;
    w.nodes[i].status = NodeStatus::Up;
    w.nodes[i].restarts = restarts;
    w.record(n, TraceKind::Sim(SimEvent::Restarted));
    Ok(())
}
