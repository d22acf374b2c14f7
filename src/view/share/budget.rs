//! What replaying a shared run will cost, computed from the link or file
//! alone, before a single step runs. A link is a program: a few kilobytes
//! can ask for hours of work or gigabytes of memory, so every link and file
//! is priced first and refused over [`WORK_BUDGET`] or [`MEMORY_BUDGET`].
//!
//! The price is an upper-bound estimate in *work units* of about 0.3 µs of
//! native release replay each (calibrated with `examples/link_fuzz.rs`):
//!
//! - every tick of every node, weighted by the messages the configuration
//!   makes it send (heartbeats every `heartbeat_interval`, each answered);
//! - every node-local tick (`TickNode`);
//! - every proposal for every tick after it (the client follows each
//!   operation until it is answered);
//! - every action and every injected entry.
//!
//! Memory is estimated from the log entries the run can create (proposals,
//! with retries, injected entries, one no-op per possible election) on every
//! node, plus the network's own bound; checkpoints share unchanged storage
//! with the world ([`crate::chunked`]), so each adds only its own chunk
//! spines and tails and the nodes' small fixed state.

use super::Shared;
use crate::sim::history::max_checkpoints;
use crate::sim::Action;

/// The most work units a link or file may cost (about 3 s of native replay;
/// the browser runs within 1.2× of native). A default 5-node run of about
/// 10 simulated minutes, or a 9-node run of about 5, with a client command
/// every few seconds, fits.
pub const WORK_BUDGET: u64 = 12_000_000;
/// The most memory, in bytes, a link's estimate may reach.
pub const MEMORY_BUDGET: u64 = 256 * 1024 * 1024;
/// Bytes an entry is assumed to take (a command of up to 200 bytes is rare;
/// typical `put k v` entries take about 80).
const ENTRY_BYTES: u64 = 96;
/// Bytes a client operation is assumed to take in the client and checker.
const OP_BYTES: u64 = 256;
/// Prop-ticks per work unit (the client's per-operation bookkeeping).
const PROP_TICKS_PER_UNIT: u64 = 8;
/// Bytes of a node's state that every checkpoint copies whatever the run
/// (terms, progress, timers, the chunk tails of its log and tables).
const CHECKPOINT_NODE_BYTES: u64 = 8 * 1024;

/// The price of replaying a shared run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cost {
    /// Ticks × nodes, up to the furthest tick.
    pub node_ticks: u64,
    /// Ticks advanced by `TickNode` actions.
    pub local_ticks: u64,
    /// Actions in the log.
    pub actions: u64,
    /// Client proposals among them.
    pub proposals: u64,
    /// The total, in work units.
    pub work: u64,
    /// The memory estimate, in bytes.
    pub memory: u64,
}

impl Cost {
    /// Prices `shared` (which need not be valid: only arithmetic, saturating).
    pub fn of(shared: &Shared) -> Cost {
        let c = &shared.config;
        // Servers added by membership changes count from the start (an
        // upper bound, like everything here).
        let added = shared
            .actions
            .iter()
            .filter(|a| a.action == Action::AddServer)
            .count() as u64;
        let most = crate::raft::MAX_MEMBERS as u64;
        let nodes = (u64::from(c.nodes.clamp(1, 9)) + added).min(most.max(9));
        let head = shared.head.max(shared.tick);
        let heartbeat = u64::from(c.raft.heartbeat_interval.max(1));
        let election = u64::from(c.raft.election_timeout.max(1));
        let mut cost = Cost {
            node_ticks: head.saturating_mul(nodes),
            actions: shared.actions.len() as u64,
            ..Cost::default()
        };
        let mut prop_ticks: u64 = 0;
        let mut entries: u64 = 0;
        let mut campaigns: u64 = 0;
        let mut latency = u64::from(c.network.latency_max.clamp(1, 1000));
        let mut manual = c.network.manual_delivery;
        for a in &shared.actions {
            match &a.action {
                Action::TickNode(_, n) => {
                    cost.local_ticks = cost.local_ticks.saturating_add(u64::from(*n));
                    campaigns = campaigns.saturating_add(u64::from(*n) / election + 1);
                }
                Action::Propose(..) => {
                    cost.proposals += 1;
                    prop_ticks = prop_ticks.saturating_add(head.saturating_sub(a.tick) + 1);
                }
                Action::Inject(m) => entries += m.body.entry_count() as u64,
                Action::Campaign(_) => campaigns += 1,
                Action::SetLatency { max, .. } => latency = latency.max(u64::from(*max).min(1000)),
                Action::SetManualDelivery(true) => manual = true,
                _ => {}
            }
        }
        // Messages per tick, in thousandths: a leader's AppendEntries to
        // every follower each heartbeat, and every node's RequestVotes each
        // election timeout, all answered.
        let per_mille =
            2000 * (nodes - 1) * (election + nodes * heartbeat) / (heartbeat * election);
        // Messages in flight: they live up to the longest latency (for ever
        // under manual delivery), up to the network's bound. Delivering one
        // looks through them (one work unit per 32).
        let cap = crate::sim::network::MAX_IN_FLIGHT as u64;
        let in_flight = if manual {
            cap
        } else {
            (per_mille * latency / 1000).min(cap)
        };
        let per_tick_mille = 1000 * nodes + per_mille * (1 + in_flight / 32);
        let clock_ticks = head.saturating_add(cost.local_ticks);
        cost.work = (clock_ticks.saturating_mul(per_tick_mille) / 1000)
            .saturating_add(prop_ticks / PROP_TICKS_PER_UNIT)
            .saturating_add(cost.actions.saturating_mul(16))
            .saturating_add(entries.saturating_mul(nodes));
        // Entries: each proposal (and up to one retry), each injected entry,
        // a no-op for every election that can be won (a winner needs a
        // majority whose timers it reset: at most about one win per
        // election timeout, twice that to be safe, plus forced campaigns).
        campaigns = campaigns.saturating_add(head.saturating_mul(2) / election);
        let log_entries = cost
            .proposals
            .saturating_mul(2)
            .saturating_add(entries)
            .saturating_add(campaigns);
        let world = log_entries
            .saturating_mul(nodes)
            .saturating_mul(ENTRY_BYTES)
            .saturating_add(cost.proposals.saturating_mul(OP_BYTES));
        let network = (crate::sim::network::MAX_IN_FLIGHT_ENTRIES as u64) * ENTRY_BYTES;
        // The current world and the base, and every checkpoint's own part:
        // its chunk spines (a pointer per 32 elements; world / 16 is ample)
        // and each node's fixed state.
        let per_checkpoint =
            (world / 16).saturating_add(nodes.saturating_mul(CHECKPOINT_NODE_BYTES));
        cost.memory = world
            .saturating_mul(2)
            .saturating_add(network)
            .saturating_add(max_checkpoints(head).saturating_mul(per_checkpoint));
        cost
    }

    /// Whether it fits both budgets.
    pub fn fits(&self) -> bool {
        self.work <= WORK_BUDGET && self.memory <= MEMORY_BUDGET
    }
}
