//! The scripting API: one call per thing a scenario, a test or the UI wants to
//! do, and read-outs of every node. Each call records an [`Action`], so a
//! script's run can be replayed, rewound and shared like any other.
//!
//! ```
//! use raftlab::sim::{SimConfig, Simulation};
//! use raftlab::raft::Role;
//! let mut sim = Simulation::new(SimConfig { nodes: 3, ..SimConfig::default() }).unwrap();
//! sim.campaign(1).unwrap();          // n1's election timer fires now
//! sim.run(10).unwrap();              // votes travel and come back
//! assert_eq!(sim.node(1).unwrap().role, raftlab::sim::RoleKey::Leader);
//! sim.propose_to(1, "put x 1").unwrap();
//! sim.run(20).unwrap();
//! assert_eq!(sim.node(3).unwrap().kv.get("x").map(String::as_str), Some("1"));
//! ```

use super::action::{Action, Target};
use super::config::SimError;
use super::history::Simulation;
use super::network::MsgId;
use super::role_key::RoleKey;
use crate::raft::{
    Command, CommandError, EntryData, Index, Membership, Message, MessageKind, NodeId, ReadMode,
    Term,
};
use crate::vec_map::VecMap;

/// Why a scripted proposal failed before reaching the cluster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProposeScriptError {
    /// The command text did not parse.
    Command(CommandError),
    /// The simulation refused the action.
    Sim(SimError),
}

impl std::fmt::Display for ProposeScriptError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProposeScriptError::Command(e) => write!(f, "{e}"),
            ProposeScriptError::Sim(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ProposeScriptError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ProposeScriptError::Command(e) => Some(e),
            ProposeScriptError::Sim(e) => Some(e),
        }
    }
}

/// Everything about one node, read out for tests and views.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeReadout {
    /// The id.
    pub id: NodeId,
    /// `follower`, `precandidate`, `candidate`, `leader`, `crashed` or `paused`.
    pub role: RoleKey,
    /// currentTerm.
    pub term: Term,
    /// votedFor.
    pub voted_for: Option<NodeId>,
    /// The leader it follows.
    pub leader: Option<NodeId>,
    /// The log as (index, term, command text; `noop` for a no-op).
    pub log: Vec<(Index, Term, String)>,
    /// commitIndex.
    pub commit: Index,
    /// lastApplied.
    pub applied: Index,
    /// The state machine.
    pub kv: VecMap<String, String>,
    /// Leader only: follower → (nextIndex, matchIndex).
    pub progress: VecMap<NodeId, (Index, Index)>,
    /// The configuration in force on this node (thesis §4.1).
    pub membership: Membership,
    /// The snapshot's last included (index, term); (0, 0) if never compacted.
    pub snapshot: (Index, Term),
}

impl NodeReadout {
    /// Just the terms of the log, in order.
    pub fn log_terms(&self) -> Vec<Term> {
        self.log.iter().map(|e| e.1).collect()
    }
}

impl Simulation {
    /// The node's election timer fires now.
    pub fn campaign(&mut self, node: NodeId) -> Result<(), SimError> {
        self.act(Action::Campaign(node))
    }
    /// Advances only this node's clock `n` ticks.
    pub fn tick_node(&mut self, node: NodeId, n: u32) -> Result<(), SimError> {
        self.act(Action::TickNode(node, n))
    }
    /// Advances the global clock `n` ticks (alias of [`Simulation::run`]).
    pub fn tick_all(&mut self, n: u64) -> Result<(), SimError> {
        self.run(n)
    }
    /// Pins the node's current election wait to `ticks` in total.
    pub fn set_timeout(&mut self, node: NodeId, ticks: u32) -> Result<(), SimError> {
        self.act(Action::SetTimeout(node, ticks))
    }
    /// Delivers every message not held, now.
    pub fn deliver_all(&mut self) -> Result<(), SimError> {
        self.act(Action::DeliverAll)
    }
    /// Delivers one message now.
    pub fn deliver(&mut self, id: MsgId) -> Result<(), SimError> {
        self.act(Action::Deliver(id))
    }
    /// Drops one message.
    pub fn drop_message(&mut self, id: MsgId) -> Result<(), SimError> {
        self.act(Action::Drop(id))
    }
    /// Holds one message until released.
    pub fn hold(&mut self, id: MsgId) -> Result<(), SimError> {
        self.act(Action::Hold(id))
    }
    /// Releases a held message (it arrives next tick).
    pub fn release(&mut self, id: MsgId) -> Result<(), SimError> {
        self.act(Action::Release(id))
    }
    /// Cuts both directions between `a` and `b`.
    pub fn cut(&mut self, a: NodeId, b: NodeId) -> Result<(), SimError> {
        self.act(Action::Cut(a, b))
    }
    /// Cuts messages from `from` to `to` only.
    pub fn cut_one_way(&mut self, from: NodeId, to: NodeId) -> Result<(), SimError> {
        self.act(Action::CutOneWay(from, to))
    }
    /// Cuts every link of `node`.
    pub fn isolate(&mut self, node: NodeId) -> Result<(), SimError> {
        self.act(Action::Isolate(node))
    }
    /// Splits the cluster into groups.
    pub fn partition(&mut self, groups: &[&[NodeId]]) -> Result<(), SimError> {
        self.act(Action::Partition(
            groups.iter().map(|g| g.to_vec()).collect(),
        ))
    }
    /// Heals every link.
    pub fn recover(&mut self) -> Result<(), SimError> {
        self.act(Action::Recover)
    }
    /// Crashes a node.
    pub fn crash(&mut self, node: NodeId) -> Result<(), SimError> {
        self.act(Action::Crash(node))
    }
    /// Restarts a crashed node.
    pub fn restart(&mut self, node: NodeId) -> Result<(), SimError> {
        self.act(Action::Restart(node))
    }
    /// Pauses a node.
    pub fn pause(&mut self, node: NodeId) -> Result<(), SimError> {
        self.act(Action::Pause(node))
    }
    /// Resumes a paused node.
    pub fn resume(&mut self, node: NodeId) -> Result<(), SimError> {
        self.act(Action::Resume(node))
    }
    /// Submits `text` to one node (no redirect).
    pub fn propose_to(&mut self, node: NodeId, text: &str) -> Result<(), ProposeScriptError> {
        self.propose(Target::Node(node), text)
    }
    /// Submits `text` through the client to the cluster (redirects, retries).
    pub fn propose_cluster(&mut self, text: &str) -> Result<(), ProposeScriptError> {
        self.propose(Target::Cluster, text)
    }
    fn propose(&mut self, target: Target, text: &str) -> Result<(), ProposeScriptError> {
        let command = Command::parse(text).map_err(ProposeScriptError::Command)?;
        self.act(Action::Propose(target, command))
            .map_err(ProposeScriptError::Sim)
    }
    /// A client reads `key` by ReadIndex or lease (thesis §6.4) — or through
    /// the log, as a proposed `get`.
    pub fn read(&mut self, target: Target, key: &str, mode: ReadMode) -> Result<(), SimError> {
        self.act(Action::Read {
            target,
            key: key.to_string(),
            mode,
        })
    }
    /// The running leader hands leadership to `to` (thesis §3.10).
    pub fn transfer_leader(&mut self, to: NodeId) -> Result<(), SimError> {
        self.act(Action::TransferLeader(to))
    }
    /// A new server joins with an empty log; the leader adds it as a learner
    /// (thesis §4.2.1). Returns its id.
    pub fn add_server(&mut self) -> Result<NodeId, SimError> {
        let id = super::membership::next_server_id(self.world());
        self.act(Action::AddServer).map(|_| id)
    }
    /// The leader removes a voter or learner (thesis §4.2.2).
    pub fn remove_server(&mut self, node: NodeId) -> Result<(), SimError> {
        self.act(Action::RemoveServer(node))
    }
    /// The leader promotes a learner to voter (thesis §4.2.1).
    pub fn promote(&mut self, node: NodeId) -> Result<(), SimError> {
        self.act(Action::Promote(node))
    }
    /// The leader moves to these voters through joint consensus (thesis §4.3).
    pub fn change_voters(&mut self, voters: &[NodeId]) -> Result<(), SimError> {
        self.act(Action::ChangeVoters(voters.to_vec()))
    }
    /// Puts a hand-written message in flight, due next tick.
    pub fn inject(&mut self, msg: Message) -> Result<(), SimError> {
        self.act(Action::Inject(Box::new(msg)))
    }

    /// The id of the oldest message in flight from `from` to `to` whose kind
    /// (`append-entries`, `request-vote-resp`, …) is `kind`.
    pub fn find_message(&self, from: NodeId, to: NodeId, kind: MessageKind) -> Option<MsgId> {
        self.world()
            .network()
            .in_flight()
            .iter()
            .find(|e| e.msg.from == from && e.msg.to == to && e.msg.body.kind() == kind)
            .map(|e| e.id)
    }

    /// "Compact now": the node snapshots its log up to its last applied
    /// index (thesis §5.1).
    pub fn compact(&mut self, node: NodeId) -> Result<(), SimError> {
        self.act(Action::Compact { node, up_to: None })
    }

    /// The node snapshots its log up to `index`, which must be applied and
    /// not yet compacted.
    pub fn compact_to(&mut self, node: NodeId, index: Index) -> Result<(), SimError> {
        self.act(Action::Compact {
            node,
            up_to: Some(index),
        })
    }

    /// Every node compacts automatically once `entries` applied entries are
    /// outside its snapshot (0 turns it off).
    pub fn set_compact_threshold(&mut self, entries: u32) -> Result<(), SimError> {
        self.act(Action::SetCompactThreshold(entries))
    }

    /// Reads out one node.
    pub fn node(&self, id: NodeId) -> Result<NodeReadout, SimError> {
        let slot = self.world().slot(id)?;
        let n = &slot.node;
        let role = RoleKey::of(slot.status, n.role());
        Ok(NodeReadout {
            id,
            role,
            term: n.term(),
            voted_for: n.voted_for(),
            leader: n.leader_id(),
            log: n
                .log()
                .entries()
                .iter()
                .map(|e| {
                    let text = match &e.data {
                        EntryData::Noop => "noop".to_string(),
                        EntryData::Command(c) => c.to_string(),
                        EntryData::Config(c) => format!("config: {}", c.change),
                    };
                    (e.index, e.term, text)
                })
                .collect(),
            commit: n.commit_index(),
            applied: n.last_applied(),
            kv: n
                .kv()
                .data
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            progress: n
                .progress()
                .iter()
                .map(|(&p, pr)| (p, (pr.next_index, pr.match_index)))
                .collect(),
            membership: n.membership().clone(),
            snapshot: (n.log().snapshot_index(), n.log().snapshot_term()),
        })
    }

    /// Reads out every node, by id.
    pub fn nodes(&self) -> Vec<NodeReadout> {
        self.world()
            .config()
            .ids()
            .into_iter()
            .filter_map(|id| self.node(id).ok())
            .collect()
    }
}
