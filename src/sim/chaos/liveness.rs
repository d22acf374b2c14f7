//! After the faults: heal everything, then ask for what Raft promises once
//! the network behaves (§5.6): one leader, every node on the same committed log.

use crate::raft::{Command, NodeId};
use crate::sim::action::{Action, Target};
use crate::sim::config::NetworkConfig;
use crate::sim::history::Simulation;
use crate::sim::world::{NodeStatus, World};

/// Undoes every fault: no loss or duplication, default latency, every link
/// up, every node running, every held message released.
pub fn heal(sim: &mut Simulation) {
    let _ = sim.act(Action::SetManualDelivery(false));
    let _ = sim.act(Action::SetLoss {
        loss: 0,
        duplicate: 0,
    });
    let net = NetworkConfig::default();
    let _ = sim.act(Action::SetLatency {
        min: net.latency_min,
        max: net.latency_max,
    });
    let _ = sim.act(Action::Recover);
    let slots: Vec<(NodeId, NodeStatus)> = sim
        .world()
        .nodes()
        .iter()
        .map(|s| (s.node.id(), s.status))
        .collect();
    for (id, status) in slots {
        let _ = match status {
            NodeStatus::Paused => sim.act(Action::Resume(id)),
            NodeStatus::Crashed => sim.act(Action::Restart(id)),
            NodeStatus::Up => Ok(()),
        };
    }
    let held: Vec<u64> = sim
        .world()
        .network()
        .in_flight()
        .iter()
        .filter(|e| e.held)
        .map(|e| e.id)
        .collect();
    for id in held {
        let _ = sim.act(Action::Release(id));
    }
}

/// What is still unsettled, or `None` when there is exactly one leader and
/// every node has the leader's term, commit index and log up to it, and the
/// leader has committed its whole log including an entry of its own term.
pub fn unsettled(w: &World) -> Option<String> {
    let leaders: Vec<&crate::raft::Node> = w.leaders().map(|s| &s.node).collect();
    let [leader] = leaders[..] else {
        return Some(format!("{} leaders", leaders.len()));
    };
    let log = leader.log();
    if log.last_term() != leader.term() {
        return Some(format!("n{} has no entry of its term yet", leader.id()));
    }
    if leader.commit_index() != log.last_index() {
        return Some(format!(
            "n{} commit {} of {}",
            leader.id(),
            leader.commit_index(),
            log.last_index()
        ));
    }
    let commit = leader.commit_index();
    // Servers outside the leader's configuration were removed (thesis §4.2.2).
    let members = leader.membership();
    for s in w.nodes().iter().filter(|s| members.contains(s.node.id())) {
        let n = &s.node;
        if s.status != NodeStatus::Up
            || n.term() != leader.term()
            || n.commit_index() != leader.commit_index()
            || n.last_applied() != leader.last_applied()
            || !same_committed_log(n.log(), log, commit)
            || n.kv().data != leader.kv().data
        {
            return Some(format!(
                "n{} ({}, term {}, commit {}) differs from leader n{} (term {}, commit {})",
                n.id(),
                s.status.name(),
                n.term(),
                n.commit_index(),
                leader.id(),
                leader.term(),
                leader.commit_index()
            ));
        }
    }
    None
}

/// Steps until [`unsettled`] says all is well, for at most `bound` ticks; a
/// leader with no entry of its own term (no leader no-op) is given a client
/// command, as a client would. Returns the ticks it took.
pub fn await_liveness(sim: &mut Simulation, bound: u64) -> Result<u64, String> {
    let start = sim.tick();
    let mut proposed_in_term = 0;
    loop {
        super::reconfig::tend_membership(sim);
        let w = sim.world();
        let why = match unsettled(w) {
            None => return Ok(sim.tick() - start),
            Some(why) => why,
        };
        if sim.tick() - start >= bound {
            return Err(why);
        }
        if let Some(l) = w.leader() {
            let node = &w.slot(l).map_err(|e| e.to_string())?.node;
            if node.log().last_term() != node.term() && proposed_in_term != node.term() {
                proposed_in_term = node.term();
                let command = Command::Put {
                    key: "live".into(),
                    value: node.term().to_string(),
                };
                let _ = sim.act(Action::Propose(Target::Node(l), command));
            }
        }
        sim.step().map_err(|e| e.to_string())?;
    }
}

/// Whether two logs hold the same entries up to `commit`: the entries both
/// still hold are equal, and they agree on the term at `commit` (with
/// compaction, a prefix may be in a snapshot on either side; thesis §5.1).
fn same_committed_log(a: &crate::raft::RaftLog, b: &crate::raft::RaftLog, commit: u64) -> bool {
    let from = a.first_index().max(b.first_index());
    let held = |l: &crate::raft::RaftLog| -> Vec<crate::raft::Entry> {
        let n = usize::try_from(commit.saturating_add(1).saturating_sub(from)).unwrap_or(0);
        l.slice_from(from, n)
    };
    a.term_at(commit).is_some() && a.term_at(commit) == b.term_at(commit) && held(a) == held(b)
}
