//! Read-outs: what a [`Node`] shows of its state (Figure 2's variables and
//! this implementation's timers and configuration), for the simulation, the
//! checkers and the view. Nothing here changes the node.

use super::Node;
use crate::raft::config::Config;
use crate::raft::kv::KvStore;
use crate::raft::log::RaftLog;
use crate::raft::membership::Membership;
use crate::raft::quorum::JointConfig;
use crate::raft::state::{PersistentState, Progress, Role};
use crate::raft::types::{Index, NodeId, Term};
use crate::vec_map::VecMap;

impl Node {
    /// This node's id.
    pub fn id(&self) -> NodeId {
        self.id
    }
    /// Every member of the configuration in force, voters and learners,
    /// ascending (this node included when it is a member).
    pub fn members(&self) -> &[NodeId] {
        &self.peers
    }
    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }
    /// Current role.
    pub fn role(&self) -> Role {
        self.role
    }
    /// `currentTerm`.
    pub fn term(&self) -> Term {
        self.persistent.current_term
    }
    /// `votedFor`.
    pub fn voted_for(&self) -> Option<NodeId> {
        self.persistent.voted_for
    }
    /// The leader this node follows (itself when leader).
    pub fn leader_id(&self) -> Option<NodeId> {
        self.leader_id
    }
    /// The log.
    pub fn log(&self) -> &RaftLog {
        &self.persistent.log
    }
    /// `commitIndex`.
    pub fn commit_index(&self) -> Index {
        self.commit_index
    }
    /// `lastApplied`.
    pub fn last_applied(&self) -> Index {
        self.kv.last_applied
    }
    /// The state machine.
    pub fn kv(&self) -> &KvStore {
        &self.kv
    }
    /// The persistent state (what survives a crash).
    pub fn persistent(&self) -> &PersistentState {
        &self.persistent
    }
    /// Leader only: nextIndex / matchIndex per follower (empty otherwise).
    pub fn progress(&self) -> &VecMap<NodeId, Progress> {
        &self.progress
    }
    /// (Pre-)candidate only: answers so far, `true` for granted, self included.
    pub fn votes(&self) -> &VecMap<NodeId, bool> {
        &self.votes
    }
    /// Ticks since the election timer was last reset (for a leader, since it
    /// was elected).
    pub fn election_elapsed(&self) -> u32 {
        self.election_elapsed
    }
    /// The randomized length of the current election wait, in ticks.
    pub fn randomized_election_timeout(&self) -> u32 {
        self.randomized_election_timeout
    }
    /// How many voters make a majority (asks [`JointConfig`]).
    pub fn quorum(&self) -> usize {
        self.voter_config().quorum_size()
    }
    /// The configuration this node decides under (thesis §4.3).
    pub fn voter_config(&self) -> JointConfig {
        self.membership.voters.clone()
    }
    /// The configuration in force: the latest in this node's log, committed
    /// or not (thesis §4.1).
    pub fn membership(&self) -> &Membership {
        &self.membership
    }
    /// Index of the entry holding [`Node::membership`] (0: bootstrap).
    pub fn membership_index(&self) -> Index {
        self.membership_index
    }
    /// The configuration before the first log entry (bootstrap or snapshot).
    pub fn base_membership(&self) -> &Membership {
        &self.base_membership
    }
}
