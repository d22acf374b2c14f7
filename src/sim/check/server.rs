//! What the state-based checkers read of one server after a step: its id,
//! role, term, commit index, log, state machine and status (up, paused or
//! crashed). The simulation
//! builds it from each node slot ([`ServerView::of`]); a test can build one
//! by hand ([`ServerView::new`]) and feed it through the same
//! [`Checker::check_servers`](super::Checker::check_servers) path.

use super::super::leadership;
use super::super::node_slot::{NodeSlot, NodeStatus};
use crate::raft::{Index, KvStore, NodeId, RaftLog, Role, Term};

thread_local! {
    /// The state machine of a server built by hand: empty, nothing applied
    /// (one per thread, made once: a state machine's shared strings are not
    /// `Sync`, so it cannot be a plain `static`).
    static EMPTY: &'static KvStore = Box::leak(Box::default());
}

/// One server as the Figure 3 checkers see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ServerView<'a> {
    /// Its id.
    pub id: NodeId,
    /// Its role.
    pub role: Role,
    /// Its current term.
    pub term: Term,
    /// Its commit index (volatile: 0 after a restart).
    pub commit_index: Index,
    /// Its log.
    pub log: &'a RaftLog,
    /// Its state machine, with `lastApplied` (Figure 2).
    pub state: &'a KvStore,
    /// Up, paused or crashed (then only its persistent state — term, vote,
    /// log — means anything).
    pub status: NodeStatus,
}

impl<'a> ServerView<'a> {
    /// A running server with an empty state machine, built by hand.
    pub fn new(
        id: NodeId,
        role: Role,
        term: Term,
        commit_index: Index,
        log: &'a RaftLog,
    ) -> ServerView<'a> {
        ServerView {
            id,
            role,
            term,
            commit_index,
            log,
            state: EMPTY.with(|e| *e),
            status: NodeStatus::Up,
        }
    }

    /// The same server, crashed.
    pub fn crashed(self) -> ServerView<'a> {
        ServerView {
            status: NodeStatus::Crashed,
            ..self
        }
    }

    /// The same server with this state machine.
    pub fn with_state(self, state: &'a KvStore) -> ServerView<'a> {
        ServerView { state, ..self }
    }

    /// The same server, paused.
    pub fn paused(self) -> ServerView<'a> {
        ServerView {
            status: NodeStatus::Paused,
            ..self
        }
    }

    /// What the simulation's node slot shows.
    pub fn of(slot: &'a NodeSlot) -> ServerView<'a> {
        let node = &slot.node;
        ServerView {
            id: node.id(),
            role: node.role(),
            term: node.term(),
            commit_index: node.commit_index(),
            log: node.log(),
            state: node.kv(),
            status: slot.status,
        }
    }

    /// Whether it counts as a leader ([`leadership::is_leader`]: a paused
    /// leader does, a crashed one does not).
    pub fn is_leader(&self) -> bool {
        leadership::is_leader(self.status, self.role)
    }
}
