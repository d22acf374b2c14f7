//! One node of the world and whether it runs. Its own module so that the
//! checker, the faults and the world all depend on it and not on each
//! other (no module cycles).

use crate::raft::{Index, Node};
use serde::{Deserialize, Serialize};

/// Whether a node is running.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NodeStatus {
    /// Running.
    Up,
    /// Crashed: only its persistent state remains.
    Crashed,
    /// Paused: timers frozen, inbox queued.
    Paused,
}

impl NodeStatus {
    /// `up`, `crashed` or `paused`.
    pub fn name(self) -> &'static str {
        match self {
            NodeStatus::Up => "up",
            NodeStatus::Crashed => "crashed",
            NodeStatus::Paused => "paused",
        }
    }
}

/// One node and its status. For a crashed node, `node` still holds the state
/// it had when it crashed, of which only the persistent part means anything.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NodeSlot {
    /// The Raft node.
    pub node: Node,
    /// Up, crashed or paused.
    pub status: NodeStatus,
    /// How many times it restarted (seeds its fresh generator).
    pub restarts: u64,
}

impl NodeSlot {
    /// commitIndex as the node knows it; `None` while it is crashed:
    /// commitIndex is volatile state (Figure 2), lost in the crash and
    /// rebuilt after the restart. Every view of a node's commit index asks
    /// here, so a crashed node shows one answer everywhere.
    pub fn commit_index(&self) -> Option<Index> {
        (self.status != NodeStatus::Crashed).then(|| self.node.commit_index())
    }

    /// lastApplied, `None` while crashed (volatile, like commitIndex).
    pub fn last_applied(&self) -> Option<Index> {
        (self.status != NodeStatus::Crashed).then(|| self.node.last_applied())
    }
}
