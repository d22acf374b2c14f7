//! The fault-schedule generator: single faults (in `faults.rs`), client
//! load, leader churn and contested elections, one tick at a time.

use super::plots::{Plot, PlotKind};
use crate::raft::{Command, MessageKind, NodeId, ReadMode, Rng};
use crate::sim::action::{Action, Target};
use crate::sim::history::Simulation;
use crate::sim::world::{NodeStatus, World};

/// The fault-schedule generator. Call [`Schedule::act`] once per tick.
#[derive(Clone, Debug)]
pub struct Schedule {
    pub(super) rng: Rng,
    /// Chance per tick of a fault, per mille.
    pub(super) fault_permille: u32,
    /// Chance per tick of a client command, per mille.
    pub(super) client_permille: u32,
    /// Chance per tick of leader churn (Figure 8), per mille.
    pub(super) churn_permille: u32,
    /// Chance per tick of a contested election with a restart, per mille.
    pub(super) contest_permille: u32,
    /// Chance per tick of starting a plot, per mille.
    pub(super) plot_permille: u32,
    /// The plot in progress, if any.
    pub(super) plot: Option<Plot>,
    /// Actions planned for later ticks, in the order planned.
    pub(super) planned: Vec<(u64, Action)>,
    /// Values written so far (each write has a fresh value).
    pub(super) writes: u64,
    /// Serve some `get`s by ReadIndex (thesis §6.4) instead of the log.
    pub(super) reads: bool,
    /// Now and then ask the leader to transfer leadership (thesis §3.10).
    pub(super) transfers: bool,
    /// The draws for reads and transfers, apart from `rng` so that turning
    /// them on leaves every other draw where it was.
    pub(super) extra: Rng,
    /// Chance per tick of a "compact now" on a random node, per mille.
    pub(super) compact_permille: u32,
    /// Chance per tick of a membership change, per mille (0: none).
    pub(super) membership_permille: u32,
    /// The membership changes' own generator, so that runs without them
    /// draw exactly what they drew before.
    pub(super) member_rng: Rng,
}

impl Schedule {
    /// A generator for `seed`; its intensity varies with the seed.
    pub fn new(seed: u64) -> Schedule {
        let mut rng = Rng::new(seed).split(0x5C4E_D01E);
        let fault_permille = [40, 80, 150, 250][rng.range(0, 4) as usize];
        let client_permille = [15, 40, 120, 250][rng.range(0, 4) as usize];
        let churn_permille = [0, 5, 15, 30, 60][rng.range(0, 5) as usize];
        let contest_permille = [0, 5, 15, 30][rng.range(0, 4) as usize];
        let plot_permille = [0, 5, 20][rng.range(0, 3) as usize];
        Schedule {
            rng,
            fault_permille,
            client_permille,
            churn_permille,
            contest_permille,
            plot_permille,
            plot: None,
            planned: Vec::new(),
            writes: 0,
            reads: false,
            transfers: false,
            extra: Rng::new(seed).split(0x2EAD_7A45),
            membership_permille: 0,
            compact_permille: 0,
            member_rng: Rng::new(seed).split(0x3E3B_E125),
        }
    }

    /// Turns membership changes on (thesis chapter 4): one attempt every
    /// 12 to 50 ticks, depending on the seed (many are refused: one change
    /// at a time).
    pub fn with_membership(mut self) -> Schedule {
        self.membership_permille = [20, 40, 80][self.member_rng.range(0, 3) as usize];
        self
    }

    /// The same schedule, plus "compact now" on random nodes (thesis §5.1),
    /// up to their applied index or a random applied index below it.
    pub fn with_compaction(mut self, seed: u64) -> Schedule {
        let mut rng = Rng::new(seed).split(0xC0_4AC8);
        self.compact_permille = [10, 30, 80][rng.range(0, 3) as usize];
        self
    }

    fn compaction(&mut self, w: &World) -> Option<Action> {
        let candidates: Vec<(NodeId, u64, u64)> = w
            .nodes()
            .iter()
            .filter(|x| x.status != NodeStatus::Crashed)
            .map(|x| {
                (
                    x.node.id(),
                    x.node.log().snapshot_index(),
                    x.node.last_applied(),
                )
            })
            .filter(|&(_, snap, applied)| applied > snap)
            .collect();
        let (node, snap, applied) = self.pick(&candidates)?;
        let up_to = self
            .rng
            .chance_permille(500)
            .then(|| self.rng.range(snap + 1, applied + 1));
        Some(Action::Compact { node, up_to })
    }

    pub(super) fn pick<T: Copy>(&mut self, xs: &[T]) -> Option<T> {
        (!xs.is_empty()).then(|| xs[self.rng.range(0, xs.len() as u64) as usize])
    }

    /// Chooses this tick's actions and applies them to `sim`. Actions the
    /// simulation refuses are skipped (nothing is recorded for them).
    pub fn act(&mut self, sim: &mut Simulation) {
        let tick = sim.tick();
        let due: Vec<Action> = self
            .planned
            .iter()
            .filter(|p| p.0 <= tick)
            .map(|p| p.1.clone())
            .collect();
        self.planned.retain(|p| p.0 > tick);
        for action in due {
            let _ = sim.act(action);
        }
        if self.plot.is_some() {
            // A plot runs alone: no other faults or writes in its way.
            return self.advance_plot(sim);
        }
        if self.rng.chance_permille(self.client_permille) {
            let action = self.client_action(sim.world());
            let _ = sim.act(self.read_instead(action));
        }
        if self.transfers && self.extra.chance_permille(8) {
            let to = self.extra.range(1, u64::from(sim.config().nodes) + 1) as NodeId;
            let _ = sim.act(Action::TransferLeader(to));
        }
        let mut actions = Vec::new();
        if self.rng.chance_permille(self.fault_permille) {
            actions.extend(self.fault(sim.world()));
        }
        if self.rng.chance_permille(self.churn_permille) {
            actions.extend(self.churn(sim.world()));
        }
        if self.compact_permille > 0 && self.rng.chance_permille(self.compact_permille) {
            actions.extend(self.compaction(sim.world()));
        }
        for action in actions {
            let _ = sim.act(action);
        }
        if self.rng.chance_permille(self.contest_permille) {
            self.contest(sim);
        }
        self.membership(sim);
        if self.rng.chance_permille(self.plot_permille) {
            let kind = if self.rng.chance_permille(500) {
                PlotKind::Figure8
            } else {
                PlotKind::StaleAppend
            };
            self.plot = Some(Plot {
                kind,
                phase: 0,
                deadline: tick + 20 * u64::from(sim.config().raft.election_timeout),
                nodes: Vec::new(),
                held: None,
            });
            self.advance_plot(sim);
        }
    }

    /// With reads on, most `get`s go by ReadIndex instead of the log.
    fn read_instead(&mut self, action: Action) -> Action {
        match action {
            Action::Propose(target, Command::Get { key })
                if self.reads && self.extra.chance_permille(700) =>
            {
                Action::Read {
                    target,
                    key,
                    mode: ReadMode::ReadIndex,
                }
            }
            other => other,
        }
    }

    pub(super) fn plan(&mut self, at: u64, action: Action) {
        self.planned.push((at, action));
    }

    pub(super) fn up_and_leaders(w: &World) -> (Vec<NodeId>, Vec<NodeId>) {
        let up = w.nodes().iter().filter(|x| x.status == NodeStatus::Up);
        (
            up.clone().map(|x| x.node.id()).collect(),
            up.filter(|x| x.is_leader()).map(|x| x.node.id()).collect(),
        )
    }

    /// A contested election: two candidates at once, and a third node
    /// crashes and restarts between their requests (one of which is held
    /// meanwhile): its vote must survive the restart (Figure 2).
    pub(super) fn contest(&mut self, sim: &mut Simulation) {
        let tick = sim.tick();
        let (up, _) = Self::up_and_leaders(sim.world());
        let a = self.pick(&up);
        let b = self.pick(&up).filter(|&b| Some(b) != a);
        let (Some(a), Some(b)) = (a, b) else {
            return;
        };
        let _ = sim.act(Action::Campaign(a));
        let _ = sim.act(Action::Campaign(b));
        let others: Vec<NodeId> = up.iter().copied().filter(|&c| c != a && c != b).collect();
        let Some(c) = self.pick(&others) else {
            return;
        };
        let max = u64::from(sim.config().network.latency_max);
        let at = tick + self.rng.range(1, max + 2);
        let held = sim.find_message(b, c, MessageKind::RequestVote);
        if let Some(id) = held {
            let _ = sim.act(Action::Hold(id));
        }
        self.plan(at, Action::Crash(c));
        self.plan(at, Action::Restart(c));
        if let Some(id) = held {
            self.plan(at, Action::Release(id));
        }
    }

    /// Leader churn (Figure 8): the leader crashes — sometimes just after
    /// taking a write, which then lives on few nodes — another node
    /// campaigns, and the old leader comes back a little later.
    pub(super) fn churn(&mut self, w: &World) -> Vec<Action> {
        let tick = w.tick();
        let (up, leaders) = Self::up_and_leaders(w);
        let mut out = Vec::new();
        if let Some(l) = self.pick(&leaders) {
            let max = u64::from(w.config().network.latency_max);
            let crash_at = if self.rng.chance_permille(500) {
                let command = self.write();
                out.push(Action::Propose(Target::Node(l), command));
                tick + self.rng.range(0, max + 1)
            } else {
                tick
            };
            self.planned.push((crash_at, Action::Crash(l)));
            let et = u64::from(w.config().raft.election_timeout);
            let at = crash_at + self.rng.range(et / 2, 3 * et);
            self.planned.push((at, Action::Restart(l)));
            let others: Vec<NodeId> = up.iter().copied().filter(|&c| c != l).collect();
            if let Some(c) = self.pick(&others) {
                out.push(Action::Campaign(c));
            }
        }
        out
    }

    /// A put of a fresh value (so reads tell writes apart).
    pub(super) fn put(&mut self, key: String) -> Command {
        self.writes += 1;
        Command::Put {
            key,
            value: self.writes.to_string(),
        }
    }

    pub(super) fn write(&mut self) -> Command {
        let key = ["x", "y", "z"][self.rng.range(0, 3) as usize].to_string();
        self.put(key)
    }

    pub(super) fn client_action(&mut self, w: &World) -> Action {
        let key = ["x", "y", "z"][self.rng.range(0, 3) as usize].to_string();
        let roll = self.rng.range(0, 100);
        let command = if roll < 55 {
            self.put(key)
        } else if roll < 65 {
            Command::Del { key }
        } else {
            Command::Get { key }
        };
        let target = if self.rng.chance_permille(150) {
            Target::Node(self.rng.range(1, u64::from(w.config().nodes) + 1) as NodeId)
        } else {
            Target::Cluster
        };
        Action::Propose(target, command)
    }
}
