//! Randomized fault schedules ("chaos"): a seeded generator of [`Action`]s —
//! crashes and restarts, partitions and one-way cuts, loss, duplication and
//! latency changes, pauses, held, dropped and early-delivered messages, forced
//! elections and client load — applied through [`Simulation`], so every run is
//! an ordinary action log that replays, rewinds and shares like any other.
//! Besides single faults it plays patterns that the rules exist for: contested
//! elections with a voter restarting mid-election (votedFor must persist,
//! Figure 2), leader churn with writes that reach few nodes, Figure 8 as a
//! multi-tick plot (§5.4.2), and AppendEntries held across terms (§5.1).
//! Each seed also draws its own cluster (3, 5 or 7 nodes; PreVote,
//! CheckQuorum and the leader no-op on or off; batch size; latency) and
//! intensities, so the faults meet different protocols.
//!
//! After the faults, [`heal`] undoes them all and [`await_liveness`] asks for
//! what Raft promises once the network behaves (§5.6, timing requirement):
//! exactly one leader, and every node on the same committed log.
//!
//! The generator is deterministic (its own seeded [`Rng`]), reads only the
//! world it acts on, and is shared by `examples/chaos.rs`, the chaos tests and
//! (potentially) the browser.

use super::action::{Action, Target};
use super::check::Violation;
use super::config::{NetworkConfig, SimConfig};
use super::history::Simulation;
use super::world::{NodeStatus, World};
use crate::raft::{Command, Config as RaftConfig, NodeId, Rng, Role, UnsafeSwitch};

/// A multi-tick fault pattern in progress.
#[derive(Clone, Debug)]
struct Plot {
    kind: PlotKind,
    phase: u8,
    deadline: u64,
    /// The nodes it involves, in the order it picked them.
    nodes: Vec<NodeId>,
    /// A message it holds back.
    held: Option<u64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PlotKind {
    /// Figure 8 of the paper.
    Figure8,
    /// An AppendEntries held across terms, against a minority leader's log.
    StaleAppend,
}

/// How a chaos run goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChaosOptions {
    /// Ticks of faults and load.
    pub steps: u64,
    /// An unsafe switch turned on in every node, if any.
    pub unsafe_switch: Option<UnsafeSwitch>,
    /// Ticks allowed, after healing, for one leader and one committed log.
    pub liveness_ticks: u64,
}

impl Default for ChaosOptions {
    fn default() -> Self {
        ChaosOptions {
            steps: 2000,
            unsafe_switch: None,
            liveness_ticks: 2000,
        }
    }
}

/// Why a run failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChaosFailure {
    /// A safety property broke (the first violation).
    Safety(Violation),
    /// After healing, the cluster did not settle in time.
    Liveness {
        /// The tick the wait gave up.
        tick: u64,
        /// What was still wrong.
        reason: String,
    },
}

impl ChaosFailure {
    /// The property's name (`liveness` for a liveness failure).
    pub fn property(&self) -> &'static str {
        match self {
            ChaosFailure::Safety(v) => v.property.name(),
            ChaosFailure::Liveness { .. } => "liveness",
        }
    }
}

impl std::fmt::Display for ChaosFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChaosFailure::Safety(v) => write!(
                f,
                "tick={} property={} nodes={:?} entries={:?} term={:?}",
                v.tick,
                v.property.name(),
                v.nodes,
                v.entries,
                v.term
            ),
            ChaosFailure::Liveness { tick, reason } => {
                write!(f, "tick={tick} property=liveness {reason}")
            }
        }
    }
}

/// The result of one chaos run.
#[derive(Clone, Debug)]
pub struct ChaosOutcome {
    /// The seed.
    pub seed: u64,
    /// Trace events recorded.
    pub events: u64,
    /// Ticks simulated.
    pub ticks: u64,
    /// Ticks from healing to a settled cluster (when it settled).
    pub settle_ticks: Option<u64>,
    /// The first failure, if any.
    pub failure: Option<ChaosFailure>,
    /// The run itself, to replay, rewind or minimise.
    pub sim: Simulation,
}

/// The cluster a seed runs: size, PreVote, CheckQuorum, the leader's no-op,
/// batch size and latency all vary, so the faults meet different protocols.
pub fn config_for(seed: u64, unsafe_switch: Option<UnsafeSwitch>) -> SimConfig {
    let mut rng = Rng::new(seed).split(0xC0F1_6000);
    let nodes = [3, 3, 5, 5, 5, 7][rng.range(0, 6) as usize];
    let (election_timeout, heartbeat_interval) =
        [(20, 5), (20, 5), (12, 3), (30, 6)][rng.range(0, 4) as usize];
    let raft = RaftConfig {
        election_timeout,
        heartbeat_interval,
        pre_vote: rng.chance_permille(400),
        check_quorum: rng.chance_permille(400),
        leader_noop: rng.chance_permille(600),
        max_entries_per_message: [1, 2, 8][rng.range(0, 3) as usize],
        unsafe_switches: unsafe_switch.into_iter().collect(),
    };
    let latency_min = rng.range(1, 3) as u32;
    let network = NetworkConfig {
        latency_min,
        latency_max: latency_min + rng.range(0, 4) as u32,
        ..NetworkConfig::default()
    };
    SimConfig {
        nodes,
        seed,
        raft,
        network,
    }
}

/// The fault-schedule generator. Call [`Schedule::act`] once per tick.
#[derive(Clone, Debug)]
pub struct Schedule {
    rng: Rng,
    /// Chance per tick of a fault, per mille.
    fault_permille: u32,
    /// Chance per tick of a client command, per mille.
    client_permille: u32,
    /// Chance per tick of leader churn (Figure 8), per mille.
    churn_permille: u32,
    /// Chance per tick of a contested election with a restart, per mille.
    contest_permille: u32,
    /// Chance per tick of starting a plot, per mille.
    plot_permille: u32,
    /// The plot in progress, if any.
    plot: Option<Plot>,
    /// Actions planned for later ticks, in the order planned.
    planned: Vec<(u64, Action)>,
    /// Values written so far (each write has a fresh value).
    writes: u64,
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
        }
    }

    fn pick<T: Copy>(&mut self, xs: &[T]) -> Option<T> {
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
            let _ = sim.act(action);
        }
        let mut actions = Vec::new();
        if self.rng.chance_permille(self.fault_permille) {
            actions.extend(self.fault(sim.world()));
        }
        if self.rng.chance_permille(self.churn_permille) {
            actions.extend(self.churn(sim.world()));
        }
        for action in actions {
            let _ = sim.act(action);
        }
        if self.rng.chance_permille(self.contest_permille) {
            self.contest(sim);
        }
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

    /// An AppendEntries of one term delivered in a later one (§5.1): a
    /// leader's message to a follower is held; another node leads for a
    /// term, cut off with that follower alone, and takes writes that reach
    /// only it; the first leader wins again; the held message is released.
    /// The follower's stale-term reply must not mislead the re-elected
    /// leader, nor may the follower commit entries the leader does not have
    /// (Figure 2, AppendEntries rule 5).
    fn advance_stale_append(&mut self, sim: &mut Simulation, mut plot: Plot) {
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
                if let Some(id) = sim.find_message(l, f, "append-entries") {
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
    fn isolated_write(&mut self, sim: &mut Simulation, node: NodeId) {
        let _ = sim.act(Action::Isolate(node));
        let _ = sim.act(Action::Propose(Target::Node(node), self.write()));
        let _ = sim.act(Action::Crash(node));
        let _ = sim.act(Action::Recover);
    }

    fn plan(&mut self, at: u64, action: Action) {
        self.planned.push((at, action));
    }

    /// Figure 8 of the paper, as a plot over several ticks: a leader takes a
    /// write that reaches no one and crashes; the next leader does the same;
    /// the first comes back and leads again, and crashes soon after; the
    /// second comes back and campaigns. Under the real commit rule (§5.4.2)
    /// this is harmless.
    fn advance_plot(&mut self, sim: &mut Simulation) {
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

    fn up_and_leaders(w: &World) -> (Vec<NodeId>, Vec<NodeId>) {
        let up = w.nodes().iter().filter(|x| x.status == NodeStatus::Up);
        (
            up.clone().map(|x| x.node.id()).collect(),
            up.filter(|x| x.node.role() == Role::Leader)
                .map(|x| x.node.id())
                .collect(),
        )
    }

    /// A contested election: two candidates at once, and a third node
    /// crashes and restarts between their requests (one of which is held
    /// meanwhile): its vote must survive the restart (Figure 2).
    fn contest(&mut self, sim: &mut Simulation) {
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
        let held = sim.find_message(b, c, "request-vote");
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
    fn churn(&mut self, w: &World) -> Vec<Action> {
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
    fn put(&mut self, key: String) -> Command {
        self.writes += 1;
        Command::Put {
            key,
            value: self.writes.to_string(),
        }
    }

    fn write(&mut self) -> Command {
        let key = ["x", "y", "z"][self.rng.range(0, 3) as usize].to_string();
        self.put(key)
    }

    fn client_action(&mut self, w: &World) -> Action {
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

    fn fault(&mut self, w: &World) -> Vec<Action> {
        let tick = w.tick();
        let n = w.config().nodes;
        let ids: Vec<NodeId> = (1..=n).collect();
        let with = |s: NodeStatus| -> Vec<NodeId> {
            w.nodes()
                .iter()
                .filter(|x| x.status == s)
                .map(|x| x.node.id())
                .collect()
        };
        let (up, crashed, paused) = (
            with(NodeStatus::Up),
            with(NodeStatus::Crashed),
            with(NodeStatus::Paused),
        );
        let leaders: Vec<NodeId> = w
            .nodes()
            .iter()
            .filter(|x| x.status == NodeStatus::Up && x.node.role() == Role::Leader)
            .map(|x| x.node.id())
            .collect();
        let in_flight: Vec<u64> = w.network().in_flight().iter().map(|e| e.id).collect();
        let held: Vec<u64> = w
            .network()
            .in_flight()
            .iter()
            .filter(|e| e.held)
            .map(|e| e.id)
            .collect();
        let r = self.rng.range(0, 100);
        let mut out = Vec::new();
        match r {
            // Crash, mostly a leader; sometimes restart it a few ticks later.
            0..=11 => {
                let victim = if self.rng.chance_permille(600) {
                    self.pick(&leaders)
                } else {
                    None
                }
                .or_else(|| self.pick(&up));
                if let Some(v) = victim {
                    out.push(Action::Crash(v));
                    if self.rng.chance_permille(500) {
                        let later = self
                            .rng
                            .range(0, 4 * u64::from(w.config().raft.election_timeout));
                        self.planned.push((tick + later, Action::Restart(v)));
                    }
                }
            }
            // A crash-restart blip: volatile state lost, back at once.
            12..=17 => {
                if let Some(v) = self.pick(&up) {
                    out.push(Action::Crash(v));
                    out.push(Action::Restart(v));
                }
            }
            18..=27 => {
                if let Some(v) = self.pick(&crashed) {
                    out.push(Action::Restart(v));
                }
            }
            // Forced elections, sometimes two at once (split votes).
            28..=39 => {
                if let Some(a) = self.pick(&up) {
                    out.push(Action::Campaign(a));
                    if self.rng.chance_permille(500) {
                        if let Some(b) = self.pick(&up) {
                            out.push(Action::Campaign(b));
                        }
                    }
                }
            }
            40..=47 => {
                let mut groups: Vec<Vec<NodeId>> = vec![Vec::new(), Vec::new()];
                for &id in &ids {
                    groups[self.rng.range(0, 2) as usize].push(id);
                }
                groups.retain(|g| !g.is_empty());
                out.push(Action::Partition(groups));
            }
            48..=50 => {
                if let Some(v) = self.pick(&ids) {
                    out.push(Action::Isolate(v));
                }
            }
            51..=55 => {
                let a = self.pick(&ids).unwrap_or(1);
                let b = self.pick(&ids).unwrap_or(1);
                if self.rng.chance_permille(600) {
                    out.push(Action::CutOneWay(a, b));
                } else {
                    out.push(Action::Cut(a, b));
                }
            }
            56..=63 => out.push(Action::Recover),
            64..=67 => {
                let loss = [0, 50, 150, 300][self.rng.range(0, 4) as usize];
                let duplicate = [0, 50, 150][self.rng.range(0, 3) as usize];
                out.push(Action::SetLoss { loss, duplicate });
            }
            68..=70 => {
                let min = self.rng.range(1, 4) as u32;
                let max = min + self.rng.range(0, 8) as u32;
                out.push(Action::SetLatency { min, max });
            }
            71..=74 => {
                if let Some(v) = self.pick(&up) {
                    out.push(Action::Pause(v));
                }
            }
            75..=80 => {
                if let Some(v) = self.pick(&paused) {
                    out.push(Action::Resume(v));
                }
            }
            81..=86 => {
                if let Some(m) = self.pick(&in_flight) {
                    out.push(Action::Hold(m));
                }
            }
            87..=92 => {
                if let Some(m) = self.pick(&held) {
                    out.push(Action::Release(m));
                }
            }
            93..=96 => {
                if let Some(m) = self.pick(&in_flight) {
                    out.push(Action::Drop(m));
                }
            }
            _ => {}
        }
        out
    }
}

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
    let leaders: Vec<&crate::raft::Node> = w
        .nodes()
        .iter()
        .filter(|s| s.status == NodeStatus::Up && s.node.role() == Role::Leader)
        .map(|s| &s.node)
        .collect();
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
    let commit = leader.commit_index() as usize;
    for s in w.nodes() {
        let n = &s.node;
        if s.status != NodeStatus::Up
            || n.term() != leader.term()
            || n.commit_index() != leader.commit_index()
            || n.last_applied() != leader.last_applied()
            || n.log().entries().get(..commit) != log.entries().get(..commit)
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

/// One chaos run: faults and load for `opts.steps` ticks with the checker
/// after every step, then heal and wait for liveness. Stops at the first
/// safety violation.
pub fn run(seed: u64, opts: &ChaosOptions) -> ChaosOutcome {
    let config = config_for(seed, opts.unsafe_switch);
    let mut sim = Simulation::new(config).expect("chaos configs are valid");
    let mut schedule = Schedule::new(seed);
    let first = |sim: &Simulation| sim.world().violations().first().cloned();
    let mut failure = None;
    let mut settle_ticks = None;
    for _ in 0..opts.steps {
        schedule.act(&mut sim);
        if let Err(e) = sim.step() {
            failure = Some(ChaosFailure::Liveness {
                tick: sim.tick(),
                reason: e.to_string(),
            });
            break;
        }
        if let Some(v) = first(&sim) {
            failure = Some(ChaosFailure::Safety(v));
            break;
        }
    }
    if failure.is_none() {
        heal(&mut sim);
        let result = await_liveness(&mut sim, opts.liveness_ticks);
        failure = match (first(&sim), result) {
            (Some(v), _) => Some(ChaosFailure::Safety(v)),
            (None, Ok(t)) => {
                settle_ticks = Some(t);
                None
            }
            (None, Err(reason)) => Some(ChaosFailure::Liveness {
                tick: sim.tick(),
                reason,
            }),
        };
    }
    ChaosOutcome {
        seed,
        events: sim.world().trace().total(),
        ticks: sim.tick(),
        settle_ticks,
        failure,
        sim,
    }
}
