//! Every way to act on a run. The UI, scenario scripts, share links and tests
//! all go through these, and the history records them, so that
//! `(config, actions)` replays the exact same run.

use super::network::MsgId;
use crate::raft::{Command, Index, Message, NodeId, ReadMode};
use serde::{Deserialize, Serialize};

impl Action {
    /// [`Action::Inject`] of `msg`.
    pub fn inject(msg: Message) -> Action {
        Action::Inject(Box::new(msg))
    }
}

/// Where a client sends a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Target {
    /// To the leader the client knows, following redirects, with retries.
    Cluster,
    /// To this node only: no redirect is followed.
    Node(NodeId),
}

/// One action on the simulation.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Action {
    /// The node's election timer fires now (it campaigns).
    Campaign(NodeId),
    /// Only this node's clock advances, `n` ticks.
    TickNode(NodeId, u32),
    /// Pin the node's current randomized election wait to `ticks` in total.
    SetTimeout(NodeId, u32),
    /// Deliver every message in flight that is not held, now.
    DeliverAll,
    /// Deliver this message now.
    Deliver(MsgId),
    /// Drop this message.
    Drop(MsgId),
    /// Hold this message until released.
    Hold(MsgId),
    /// Release a held message; it arrives on the next tick.
    Release(MsgId),
    /// Cut both directions between two nodes.
    Cut(NodeId, NodeId),
    /// Cut only messages from the first node to the second.
    CutOneWay(NodeId, NodeId),
    /// Restore both directions between two nodes.
    Connect(NodeId, NodeId),
    /// Restore only messages from the first node to the second.
    ConnectOneWay(NodeId, NodeId),
    /// Cut every link to and from the node.
    Isolate(NodeId),
    /// Split the cluster into groups; links between groups are cut.
    Partition(Vec<Vec<NodeId>>),
    /// Heal every link.
    Recover,
    /// Crash the node: it loses its volatile state.
    Crash(NodeId),
    /// Restart a crashed node from its persistent state.
    Restart(NodeId),
    /// Freeze the node's timers and queue its inbox.
    Pause(NodeId),
    /// Unfreeze a paused node.
    Resume(NodeId),
    /// A client submits a command.
    Propose(Target, Command),
    /// Put a hand-written message in flight, due next tick. Boxed: it is
    /// rare and large, and every action in the log is as big as the
    /// largest variant (a `Box` hashes and serializes as its contents).
    Inject(Box<Message>),
    /// Change loss and duplication, per mille.
    SetLoss {
        /// Chance in 1000 a message is lost.
        loss: u32,
        /// Chance in 1000 a message is duplicated.
        duplicate: u32,
    },
    /// Change the latency range, in ticks.
    SetLatency {
        /// Fewest ticks.
        min: u32,
        /// Most ticks.
        max: u32,
    },
    /// Switch manual delivery on or off.
    SetManualDelivery(bool),
    /// A new server (the next free id, a fresh empty log) joins the world and
    /// the leader adds it as a learner (thesis §4.2.1).
    AddServer,
    /// The leader removes this voter or learner (thesis §4.2.2).
    RemoveServer(NodeId),
    /// The leader promotes this caught-up learner to voter (thesis §4.2.1).
    Promote(NodeId),
    /// The leader moves to these voters through joint consensus (thesis
    /// §4.3), or in one step under the unsafe `one-step-membership-change`.
    ChangeVoters(Vec<NodeId>),
    /// Change when the leader answers clients (from the next answer on).
    SetReplicationMode(super::replication_mode::ReplicationMode),
    /// "Compact now" (thesis §5.1): the node snapshots its log up to
    /// `up_to`, or up to its last applied index when `None`.
    Compact {
        /// The node.
        node: NodeId,
        /// The last index to put in the snapshot (`None`: everything applied).
        up_to: Option<Index>,
    },
    /// Set every node's automatic compaction threshold, in applied entries
    /// outside the snapshot (0 turns it off).
    SetCompactThreshold(u32),
    /// A client reads `key` by ReadIndex or lease (thesis §6.4); `log`
    /// reads are `Propose` of a `get`.
    Read {
        /// Where the read is sent.
        target: Target,
        /// The key.
        key: String,
        /// ReadIndex or lease.
        mode: ReadMode,
    },
    /// The leader hands leadership to this node (thesis §3.10).
    TransferLeader(NodeId),
}
