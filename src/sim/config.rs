//! The simulation's configuration, validated up front.

use crate::raft::{
    CompactError, ConfChangeError, Config as RaftConfig, ConfigError, TransferError,
};
use serde::{Deserialize, Serialize};

/// Everything that fixes a run, together with the seed and the action list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SimConfig {
    /// Number of nodes, 1 to 9; ids are `1..=nodes`.
    pub nodes: u32,
    /// The cluster seed: every random choice of the run comes from it.
    pub seed: u64,
    /// The Raft configuration every node runs.
    pub raft: RaftConfig,
    /// The network's behaviour.
    pub network: NetworkConfig,
    /// When the leader answers a client (course notes: async, semi-sync, full
    /// sync, against Raft's majority commit). Raft unless a link says otherwise.
    #[serde(default)]
    pub replication_mode: super::replication_mode::ReplicationMode,
    /// Each node's persistent state at tick 0, n1 first, as if restarted from
    /// disk (Figure 7 starts so); empty: fresh nodes in term 0.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub initial: Vec<super::initial::InitialNode>,
}

/// Latency, loss and duplication, all drawn from the seeded generator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkConfig {
    /// Fewest ticks a message spends in flight (at least 1).
    pub latency_min: u32,
    /// Most ticks a message spends in flight.
    pub latency_max: u32,
    /// Chance in 1000 that a message is lost.
    pub loss_permille: u32,
    /// Chance in 1000 that a message is delivered twice.
    pub duplicate_permille: u32,
    /// Manual delivery: messages wait until delivered one by one or all at once.
    pub manual_delivery: bool,
}

impl Default for NetworkConfig {
    fn default() -> Self {
        NetworkConfig {
            latency_min: 2,
            latency_max: 4,
            loss_permille: 0,
            duplicate_permille: 0,
            manual_delivery: false,
        }
    }
}

impl Default for SimConfig {
    fn default() -> Self {
        SimConfig {
            nodes: 5,
            seed: 1,
            raft: RaftConfig::default(),
            network: NetworkConfig::default(),
            replication_mode: Default::default(),
            initial: Vec::new(),
        }
    }
}

/// Why a configuration or an action was refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SimError {
    /// Cluster size outside 1..=9.
    NodeCountOutOfRange {
        /// The count given.
        nodes: u32,
    },
    /// The Raft configuration is invalid.
    Raft(ConfigError),
    /// Latency must satisfy 1 <= min <= max <= 1000.
    LatencyOutOfRange {
        /// Given minimum.
        min: u32,
        /// Given maximum.
        max: u32,
    },
    /// A probability above 1000 per mille.
    ProbabilityOutOfRange {
        /// The value given.
        permille: u32,
    },
    /// No node has this id.
    NoSuchNode {
        /// The id given.
        node: u32,
    },
    /// No message in flight has this id.
    NoSuchMessage {
        /// The id given.
        id: u64,
    },
    /// The action does not apply to the node in its current state (e.g.
    /// restarting a node that is up).
    NodeState {
        /// The node.
        node: u32,
        /// Its state.
        status: crate::sim::NodeStatus,
    },
    /// A partition must name every node exactly once.
    BadPartition,
    /// A hand-written message was refused (see [`super::inject`]).
    Inject(super::inject::InjectError),
    /// A membership change or a leadership transfer needs a leader, and no
    /// running node leads.
    NoLeader,
    /// The leader refused the membership change (thesis chapter 4).
    Membership(ConfChangeError),
    /// A starting state is not one a server could have: its count differs from
    /// the nodes', or its log's terms decrease or exceed its current term.
    BadInitialState {
        /// The node (0: the count is wrong).
        node: u32,
    },
    /// A node refused to compact its log; nothing changed.
    Compact {
        /// The node.
        node: u32,
        /// Why.
        error: CompactError,
    },
    /// An action log whose ticks go backwards (a replay needs tick order).
    UnorderedActions {
        /// The position of the first action out of order (0-based).
        index: usize,
        /// Its tick.
        tick: u64,
        /// The tick of the action before it.
        previous: u64,
    },
    /// A tick beyond what the run has reached was asked for.
    TickOutOfRange {
        /// The tick asked for.
        tick: u64,
        /// The furthest tick known.
        head: u64,
    },
    /// A lease read needs CheckQuorum (thesis §6.4.1).
    LeaseNeedsCheckQuorum,
    /// A read by ReadIndex or lease must name a key (1 to 64 characters, no spaces).
    BadReadKey,
    /// The leader refused the transfer.
    Transfer(TransferError),
}

impl std::fmt::Display for SimError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SimError::NodeCountOutOfRange { nodes } => {
                write!(f, "a cluster has 1 to 9 nodes, not {nodes}")
            }
            SimError::Raft(e) => write!(f, "{e}"),
            SimError::LatencyOutOfRange { min, max } => {
                write!(
                    f,
                    "latency must satisfy 1 ≤ min ≤ max ≤ 1000 (got {min}..{max})"
                )
            }
            SimError::ProbabilityOutOfRange { permille } => {
                write!(f, "a probability is 0 to 1000 per mille, not {permille}")
            }
            SimError::NoSuchNode { node } => write!(f, "there is no node n{node}"),
            SimError::NoSuchMessage { id } => write!(f, "message #{id} is not in flight"),
            SimError::NodeState { node, status } => write!(f, "n{node} is {}", status.name()),
            SimError::BadPartition => write!(f, "a partition must name every node exactly once"),
            SimError::NoLeader => write!(f, "there is no leader right now: wait for an election"),
            SimError::Membership(e) => write!(f, "{e}"),
            SimError::BadInitialState { node: 0 } => {
                write!(f, "the starting states must name every node once")
            }
            SimError::BadInitialState { node } => write!(
                f,
                "n{node}'s starting log must have terms from 1 up that never decrease and do not exceed its current term"
            ),
            SimError::Compact { node, error } => write!(f, "n{node}: {error}"),
            SimError::UnorderedActions {
                index,
                tick,
                previous,
            } => write!(
                f,
                "action {} at tick {tick} comes after one at tick {previous}: actions must be in tick order",
                index + 1
            ),
            SimError::TickOutOfRange { tick, head } => {
                write!(f, "tick {tick} is beyond the run's last tick {head}")
            }
            SimError::Inject(e) => write!(f, "{e}"),
            SimError::LeaseNeedsCheckQuorum => write!(
                f,
                "a lease read needs CheckQuorum: switch it on in the settings (thesis §6.4.1)"
            ),
            SimError::BadReadKey => {
                write!(f, "a read names one key: 1 to 64 characters, no spaces")
            }
            SimError::Transfer(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for SimError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SimError::Raft(e) => Some(e),
            SimError::Compact { error, .. } => Some(error),
            _ => None,
        }
    }
}

impl NetworkConfig {
    /// Checks latency bounds and probabilities.
    pub fn validate(&self) -> Result<(), SimError> {
        if self.latency_min < 1 || self.latency_min > self.latency_max || self.latency_max > 1000 {
            return Err(SimError::LatencyOutOfRange {
                min: self.latency_min,
                max: self.latency_max,
            });
        }
        for permille in [self.loss_permille, self.duplicate_permille] {
            if permille > 1000 {
                return Err(SimError::ProbabilityOutOfRange { permille });
            }
        }
        Ok(())
    }
}

impl SimConfig {
    /// Checks every setting.
    pub fn validate(&self) -> Result<(), SimError> {
        if !(1..=9).contains(&self.nodes) {
            return Err(SimError::NodeCountOutOfRange { nodes: self.nodes });
        }
        self.raft.validate().map_err(SimError::Raft)?;
        if !self.initial.is_empty() && self.initial.len() != self.nodes as usize {
            return Err(SimError::BadInitialState { node: 0 });
        }
        for (i, start) in self.initial.iter().enumerate() {
            start.validate(i as u32 + 1)?;
        }
        self.network.validate()
    }

    /// The node ids, `1..=nodes`.
    pub fn ids(&self) -> Vec<u32> {
        (1..=self.nodes).collect()
    }
}
