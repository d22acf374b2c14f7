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

mod faults;
mod liveness;
mod plots;
mod reconfig;
mod schedule;

pub use liveness::{await_liveness, heal, unsettled};
pub use reconfig::tend_membership;
pub use schedule::Schedule;

use super::check::Violation;
use super::config::{NetworkConfig, SimConfig};
use super::history::Simulation;
use crate::raft::{Config as RaftConfig, PreVoteMode, Rng, UnsafeSwitch};

/// How a chaos run goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChaosOptions {
    /// Ticks of faults and load.
    pub steps: u64,
    /// An unsafe switch turned on in every node, if any.
    pub unsafe_switch: Option<UnsafeSwitch>,
    /// Ticks allowed, after healing, for one leader and one committed log.
    pub liveness_ticks: u64,
    /// The cluster size for every seed (1 to 9), instead of the seed's own
    /// draw of 3, 5 or 7.
    pub nodes: Option<u32>,
    /// Serve most `get`s by ReadIndex (thesis §6.4); always on with the
    /// `stale-leader-read` switch.
    pub reads: bool,
    /// Ask for leadership transfers now and then (thesis §3.10).
    pub transfers: bool,
    /// Log compaction (thesis §5.1): each seed draws an automatic threshold
    /// (sometimes off) and the schedule adds "compact now" on random nodes.
    pub compaction: bool,
    /// Membership changes among the faults (thesis chapter 4); always on
    /// with the `one-step-membership-change` switch, which needs them.
    pub membership: bool,
}

impl Default for ChaosOptions {
    fn default() -> Self {
        ChaosOptions {
            steps: 2000,
            unsafe_switch: None,
            liveness_ticks: 2000,
            nodes: None,
            reads: false,
            transfers: false,
            compaction: false,
            membership: false,
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
    /// Snapshots taken (compactions) and installed (InstallSnapshot) in the run.
    pub snapshots: (u64, u64),
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
        // From its own stream, so the draws below stay what they were.
        pre_vote_mode: if Rng::new(seed).split(0xC0F1_6001).chance_permille(500) {
            PreVoteMode::Thesis
        } else {
            PreVoteMode::Etcd
        },
        check_quorum: rng.chance_permille(400),
        leader_noop: rng.chance_permille(600),
        max_entries_per_message: [1, 2, 8][rng.range(0, 3) as usize],
        unsafe_switches: unsafe_switch.into_iter().collect(),
        compact_threshold: 0,
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
        replication_mode: Default::default(),
        initial: Vec::new(),
    }
}

/// The automatic compaction threshold a seed draws when compaction is on:
/// off, or a snapshot every 2 to 20 applied entries.
pub fn compact_threshold_for(seed: u64) -> u32 {
    let mut rng = Rng::new(seed).split(0xC0_4AC7);
    [0, 2, 3, 5, 10, 20][rng.range(0, 6) as usize]
}

/// One chaos run: faults and load for `opts.steps` ticks with the checker
/// after every step, then heal and wait for liveness. Stops at the first
/// safety violation.
pub fn run(seed: u64, opts: &ChaosOptions) -> ChaosOutcome {
    let mut config = config_for(seed, opts.unsafe_switch);
    if let Some(nodes) = opts.nodes {
        // The example checks 1..=9; anything else keeps the seed's own size.
        if (1..=9).contains(&nodes) {
            config.nodes = nodes;
        }
    }
    let mut schedule = Schedule::new(seed);
    schedule.reads = opts.reads || opts.unsafe_switch == Some(UnsafeSwitch::StaleLeaderRead);
    schedule.transfers = opts.transfers;
    if opts.compaction {
        config.raft.compact_threshold = compact_threshold_for(seed);
        schedule = schedule.with_compaction(seed);
    }
    if opts.membership || opts.unsafe_switch == Some(UnsafeSwitch::OneStepMembershipChange) {
        schedule = schedule.with_membership();
    }
    let mut sim = Simulation::new(config).expect("chaos configs are valid");
    let first = |sim: &Simulation| sim.world().violations().first().cloned();
    let mut failure = None;
    let mut settle_ticks = None;
    let mut snapshots = (0, 0);
    let mut seen = 0;
    for _ in 0..opts.steps {
        schedule.act(&mut sim);
        if let Err(e) = sim.step() {
            failure = Some(ChaosFailure::Liveness {
                tick: sim.tick(),
                reason: e.to_string(),
            });
            break;
        }
        if opts.compaction {
            count_snapshots(&sim, &mut seen, &mut snapshots);
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
        snapshots,
        sim,
    }
}

/// Adds the snapshots taken and installed since `seen` trace events.
fn count_snapshots(sim: &Simulation, seen: &mut u64, counts: &mut (u64, u64)) {
    use crate::raft::Event;
    use crate::sim::trace::TraceKind;
    let trace = sim.world().trace();
    let new = usize::try_from(trace.total().saturating_sub(*seen)).unwrap_or(usize::MAX);
    *seen = trace.total();
    for e in trace.recent().rev().take(new) {
        match &e.kind {
            TraceKind::Raft(Event::SnapshotTaken { .. }) => counts.0 += 1,
            TraceKind::Raft(Event::SnapshotInstalled { .. }) => counts.1 += 1,
            _ => {}
        }
    }
}
