//! Multi-tick fault patterns ("plots"): Figure 8 (§5.4.2) and an
//! AppendEntries held across terms (§5.1).

use super::schedule::Schedule;
use crate::raft::{MessageKind, NodeId};
use crate::sim::action::{Action, Target};
use crate::sim::history::Simulation;
use crate::sim::node_slot::NodeStatus;

/// A multi-tick fault pattern in progress.
#[derive(Clone, Debug)]
pub(super) struct Plot {
    pub(super) kind: PlotKind,
    pub(super) phase: u8,
    pub(super) deadline: u64,
    /// The nodes it involves, in the order it picked them.
    pub(super) nodes: Vec<NodeId>,
    /// A message it holds back.
    pub(super) held: Option<u64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum PlotKind {
    /// Figure 8 of the paper.
    Figure8,
    /// An AppendEntries held across terms, against a minority leader's log.
    StaleAppend,
}

impl Schedule {
    /// An AppendEntries of one term delivered in a later one (§5.1): a
    /// leader's message to a follower is held; another node leads for a
    /// term, cut off with that follower alone, and takes writes that reach
    /// only it; the first leader wins again; the held message is released.
    /// The follower's stale-term reply must not mislead the re-elected
    /// leader, nor may the follower commit entries the leader does not have
    /// (Figure 2, AppendEntries rule 5).
    pub(super) fn advance_stale_append(&mut self, sim: &mut Simulation, mut plot: Plot) {
        let w = sim.world();
        let tick = w.tick();
        let leader = w.leader();
        let (up, _) = Self::up_and_leaders(w);
        let lat = u64::from(w.config().network.latency_max);
        let et = u64::from(w.config().raft.election_timeout);
        if tick > plot.deadline {
            let _ = sim.act(Action::Recover);
            if let Some(id) = plot.held {
                let _ = sim.act(Action::Release(id));
            }
            return;
        }
        match (plot.phase, leader) {
            (0, Some(l)) => {
                let others: Vec<NodeId> = up.iter().copied().filter(|&n| n != l).collect();
                let Some(f) = self.pick(&others) else {
                    return;
                };
                if let Some(id) = sim.find_message(l, f, MessageKind::AppendEntries) {
                    let _ = sim.act(Action::Hold(id));
                    plot.held = Some(id);
                    plot.nodes = vec![l, f];
                    plot.phase = 1;
                }
            }
            (1, _) => {
                let others: Vec<NodeId> = up
                    .iter()
                    .copied()
                    .filter(|n| !plot.nodes.contains(n))
                    .collect();
                if let Some(x) = self.pick(&others) {
                    let _ = sim.act(Action::Campaign(x));
                    plot.nodes.push(x);
                    plot.phase = 2;
                }
            }
            (2, Some(x)) if x == plot.nodes[2] => {
                let f = plot.nodes[1];
                let _ = sim.act(Action::Isolate(x));
                let _ = sim.act(Action::Connect(x, f));
                for _ in 0..self.rng.range(1, 4) {
                    let _ = sim.act(Action::Propose(Target::Node(x), self.write()));
                }
                plot.phase = 3;
                plot.deadline = plot.deadline.max(tick + 10);
            }
            (3, _) => {
                // Give the writes time to reach the follower, then campaign.
                let l = plot.nodes[0];
                self.plan(tick + 2 * lat + 2, Action::Campaign(l));
                plot.phase = 4;
            }
            (4, Some(l)) if l == plot.nodes[0] => {
                if let Some(id) = plot.held.take() {
                    let _ = sim.act(Action::Release(id));
                }
                self.plan(tick + 2 * et, Action::Recover);
                return; // done
            }
            _ => {}
        }
        self.plot = Some(plot);
    }

    /// The node takes a write that reaches no one, and crashes.
    pub(super) fn isolated_write(&mut self, sim: &mut Simulation, node: NodeId) {
        let _ = sim.act(Action::Isolate(node));
        let _ = sim.act(Action::Propose(Target::Node(node), self.write()));
        let _ = sim.act(Action::Crash(node));
        let _ = sim.act(Action::Recover);
    }

    /// Figure 8 of the paper, as a plot over several ticks: a leader takes a
    /// write that reaches no one and crashes; the next leader does the same;
    /// the first comes back and leads again, and crashes soon after; the
    /// second comes back and campaigns. Under the real commit rule (§5.4.2)
    /// this is harmless.
    pub(super) fn advance_plot(&mut self, sim: &mut Simulation) {
        let Some(mut plot) = self.plot.take() else {
            return;
        };
        if plot.kind == PlotKind::StaleAppend {
            return self.advance_stale_append(sim, plot);
        }
        let w = sim.world();
        let tick = w.tick();
        let et = u64::from(w.config().raft.election_timeout);
        let lat = u64::from(w.config().network.latency_max);
        let leader = w.leader();
        let crashed = |n: NodeId| w.slot(n).is_ok_and(|s| s.status == NodeStatus::Crashed);
        if tick > plot.deadline {
            for &n in &plot.nodes {
                self.plan(tick, Action::Restart(n));
            }
            return;
        }
        match (plot.phase, leader) {
            (0, Some(l1)) => {
                self.isolated_write(sim, l1);
                plot.nodes.push(l1);
                plot.phase = 1;
            }
            (1, Some(l2)) if !plot.nodes.contains(&l2) => {
                self.isolated_write(sim, l2);
                let l1 = plot.nodes[0];
                let _ = sim.act(Action::Restart(l1));
                let _ = sim.act(Action::Campaign(l1));
                plot.nodes.push(l2);
                plot.phase = 2;
            }
            (2, Some(l3)) => {
                let at = tick + self.rng.range(2, 2 * lat + 3);
                self.plan(at, Action::Crash(l3));
                if !plot.nodes.contains(&l3) {
                    plot.nodes.push(l3);
                }
                plot.phase = 3;
            }
            (3, _) if plot.nodes.iter().filter(|&&n| crashed(n)).count() >= 2 => {
                let l2 = plot.nodes[1];
                let _ = sim.act(Action::Restart(l2));
                let _ = sim.act(Action::Campaign(l2));
                for k in 1..4 {
                    self.plan(tick + k * (2 * lat + 2), Action::Campaign(l2));
                }
                for &n in &plot.nodes {
                    if n != l2 {
                        self.plan(tick + 3 * et, Action::Restart(n));
                    }
                }
                return; // done
            }
            _ => {}
        }
        self.plot = Some(plot);
    }
}
