//! The node: Figure 2's state and rules, driven by `tick`, `step` and `propose`.
//! Elections live in `election.rs`, replication and commit in `replication.rs`;
//! here, the node's state and its inputs and outputs, with the term rules
//! (§5.1) in `term.rs`, client commands in `propose.rs` and the read-outs in
//! `readout.rs`.

mod propose;
mod readout;
mod term;

pub use propose::ProposeError;

use super::check_quorum::Contact;
use super::config::{Config, ConfigError, UnsafeSwitch};
use super::event::{CommitHold, Event, RoleCause};
use super::kv::KvStore;
use super::membership::Membership;
use super::message::{Message, MessageBody};
use super::read_index::Reads;
use super::rng::Rng;
use super::state::{PersistentState, Progress, Role};
use super::transfer::Transfer;
use super::types::{Index, NodeId, Term};
use super::unsafe_rule::UnsafeRule;
use crate::vec_map::VecMap;
use serde::{Deserialize, Serialize};

/// One Raft server. Pure and deterministic: the same inputs in the same order
/// give the same outputs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    pub(super) id: NodeId,
    /// Every member of `membership` (voters and learners), ascending.
    pub(super) peers: Vec<NodeId>,
    /// The configuration before the log's first entry: the bootstrap one
    /// (or, once compacted, the snapshot's).
    pub(super) base_membership: Membership,
    /// The configuration in force: the latest in the log (thesis §4.1).
    pub(super) membership: Membership,
    /// Index of the entry that holds `membership` (0: `base_membership`).
    pub(super) membership_index: Index,
    pub(super) config: Config,
    pub(super) persistent: PersistentState,
    // ---- volatile state: lost on a crash ----
    pub(super) role: Role,
    pub(super) leader_id: Option<NodeId>,
    pub(super) commit_index: Index,
    pub(super) kv: KvStore,
    pub(super) progress: VecMap<NodeId, Progress>,
    pub(super) votes: VecMap<NodeId, bool>,
    pub(super) election_elapsed: u32,
    pub(super) heartbeat_elapsed: u32,
    pub(super) randomized_election_timeout: u32,
    pub(super) last_hold: Option<CommitHold>,
    /// Ticks this node has been given since it (re)started: its own clock.
    pub(super) clock: u64,
    /// Leader only: when each follower was last heard from (CheckQuorum).
    pub(super) contact: Contact,
    /// ReadIndex and lease reads in progress.
    pub(super) reads: Reads,
    /// Leader only: a leadership transfer in progress.
    pub(super) transfer: Option<Transfer>,
    pub(super) rng: Rng,
    pub(super) outbox: Vec<Message>,
    pub(super) events: Vec<Event>,
}

impl Node {
    /// A fresh node with an empty log, a follower in term 0. `members` lists
    /// every voter of the bootstrap configuration, this node included; an
    /// empty list makes a server with no configuration yet, which waits to
    /// be added (it learns its configuration from the leader's log, thesis
    /// §4.2.1).
    pub fn new(
        id: NodeId,
        members: &[NodeId],
        config: Config,
        rng: Rng,
    ) -> Result<Node, ConfigError> {
        Node::restart(id, members, config, rng, PersistentState::default())
    }

    /// A node coming back from a crash: it keeps exactly the persistent state
    /// (Figure 2) and rebuilds the rest — commit index 0, empty state machine —
    /// from what the leader tells it. `members` is the bootstrap configuration
    /// as for [`Node::new`]; the configuration in force is the latest in the
    /// log (thesis §4.1).
    pub fn restart(
        id: NodeId,
        members: &[NodeId],
        config: Config,
        rng: Rng,
        mut persistent: PersistentState,
    ) -> Result<Node, ConfigError> {
        config.validate()?;
        let forgotten = match persistent.voted_for {
            Some(v) if config.is_unsafe(UnsafeSwitch::ForgetVoteOnRestart) => {
                persistent.voted_for = None;
                Some(UnsafeRule::ForgotVote {
                    term: persistent.current_term,
                    voted_for: v,
                })
            }
            _ => None,
        };
        let base = if members.is_empty() {
            Membership::default()
        } else {
            // A bootstrapped node always counts itself among the voters.
            Membership::simple(members.iter().copied().chain([id]))
        };
        // The snapshot is persistent (thesis §5.1): the state machine restarts
        // from it, and everything it covers is known committed. A snapshot
        // that does not sit at the log's boundary is not trusted.
        let restored = persistent.snapshot.last_included_index > 0
            && persistent.snapshot.last_included_index == persistent.log.snapshot_index()
            && persistent.snapshot.last_included_term == persistent.log.snapshot_term();
        let (commit_index, kv) = if restored {
            (
                persistent.snapshot.last_included_index,
                persistent.snapshot.state.clone(),
            )
        } else {
            (0, KvStore::default())
        };
        let mut node = Node {
            id,
            peers: base.members().into_iter().collect(),
            membership: base.clone(),
            base_membership: base,
            membership_index: 0,
            randomized_election_timeout: config.election_timeout,
            config,
            persistent,
            role: Role::Follower,
            leader_id: None,
            commit_index,
            kv,
            progress: VecMap::new(),
            votes: VecMap::new(),
            election_elapsed: 0,
            heartbeat_elapsed: 0,
            last_hold: None,
            clock: 0,
            contact: Contact::default(),
            reads: Reads::default(),
            transfer: None,
            rng,
            outbox: Vec::new(),
            events: Vec::new(),
        };
        node.reset_election_timer();
        node.refresh_membership(None);
        node.events.clear(); // the configuration read at start-up is not news
        if let Some(rule) = forgotten {
            node.events.push(Event::UnsafeRuleBroken { rule });
        }
        if restored {
            let s = &node.persistent.snapshot;
            let event = Event::RestoredFromSnapshot {
                last_included_index: s.last_included_index,
                last_included_term: s.last_included_term,
            };
            node.events.push(event);
        }
        Ok(node)
    }

    // ---------------------------------------------------------------- inputs

    /// Advances this node's clock by one tick: a follower or candidate whose
    /// election timer runs out starts an election (§5.2); a leader sends
    /// heartbeats every `heartbeat_interval` and, with CheckQuorum, steps down
    /// if it has not heard from a majority within an election timeout.
    pub fn tick(&mut self) {
        self.clock += 1;
        self.election_elapsed = self.election_elapsed.saturating_add(1);
        if self.role == Role::Leader {
            self.heartbeat_elapsed += 1;
            if self.config.check_quorum && !self.check_quorum_window() {
                return;
            }
            self.tick_transfer();
            if self.heartbeat_elapsed >= self.config.heartbeat_interval {
                self.heartbeat_elapsed = 0;
                self.broadcast_append();
            }
        } else if self.election_elapsed >= self.randomized_election_timeout && self.may_campaign() {
            self.campaign(RoleCause::ElectionTimeout);
        }
    }

    /// Makes this node's election timer fire now (a "force timeout" control).
    /// A leader ignores it.
    pub fn force_timeout(&mut self) {
        if self.role != Role::Leader && self.may_campaign() {
            self.campaign(RoleCause::ForcedTimeout);
        }
    }

    /// Sets how many ticks the current election wait lasts in total (pins the
    /// randomized timeout once, for scripted scenarios). Clamped to at least 1.
    pub fn set_election_timeout_once(&mut self, ticks: u32) {
        self.randomized_election_timeout = ticks.max(1);
    }

    /// Changes the automatic compaction threshold (0 turns it off). It takes
    /// effect at the next applied entry, or at once through
    /// [`Node::auto_compact`].
    pub fn set_compact_threshold(&mut self, entries: u32) -> Result<(), ConfigError> {
        let config = Config {
            compact_threshold: entries,
            ..self.config.clone()
        };
        config.validate()?;
        self.config = config;
        Ok(())
    }

    /// Compacts now if the automatic threshold is on and reached.
    pub fn auto_compact(&mut self) {
        self.maybe_auto_compact();
    }

    /// Handles one incoming message (Figure 2, "Rules for Servers").
    pub fn step(&mut self, msg: Message) {
        // Servers answer RPCs without consulting their configuration (thesis
        // §4.1): a new server must accept its first AppendEntries.
        if msg.to != self.id || msg.from == self.id {
            return;
        }
        if let Err(fault) = msg.check() {
            let from = msg.from;
            return self.events.push(Event::MessageRejected { from, fault });
        }
        if !self.step_term(&msg) {
            return;
        }
        match msg.body {
            MessageBody::RequestVote {
                pre_vote, last_log, ..
            } => self.handle_request_vote(msg.from, msg.term, pre_vote, last_log),
            MessageBody::RequestVoteResponse {
                pre_vote,
                vote_granted,
            } => self.handle_vote_response(msg.from, msg.term, pre_vote, vote_granted),
            MessageBody::AppendEntries {
                prev_log,
                entries,
                leader_commit,
                read_ctx,
            } => self.handle_append_entries(
                msg.from,
                msg.term,
                prev_log,
                &entries,
                leader_commit,
                read_ctx,
            ),
            MessageBody::AppendEntriesResponse(response) => {
                self.handle_append_response(msg.from, response)
            }
            MessageBody::InstallSnapshot { snapshot } => {
                self.handle_install_snapshot(msg.from, snapshot)
            }
            MessageBody::InstallSnapshotResponse {
                request_term,
                match_index,
                ..
            } => self.handle_snapshot_response(msg.from, request_term, match_index),
            MessageBody::ReadIndex { read_id } => self.handle_read_index(msg.from, read_id),
            MessageBody::ReadIndexResponse {
                read_id,
                read_index,
            } => self.handle_read_index_response(msg.from, read_id, read_index),
            MessageBody::TimeoutNow => self.handle_timeout_now(msg.from),
        }
    }

    // --------------------------------------------------------------- outputs

    /// Messages produced since the last call.
    pub fn take_outbox(&mut self) -> Vec<Message> {
        std::mem::take(&mut self.outbox)
    }

    /// Events produced since the last call.
    pub fn take_events(&mut self) -> Vec<Event> {
        std::mem::take(&mut self.events)
    }

    // ------------------------------------------------------------ internals

    pub(super) fn others(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.peers.iter().copied().filter(move |&p| p != self.id)
    }

    pub(super) fn send(&mut self, to: NodeId, term: Term, body: MessageBody) {
        self.outbox.push(Message {
            from: self.id,
            to,
            term,
            body,
        });
    }

    pub(super) fn reset_election_timer(&mut self) {
        self.election_elapsed = 0;
        let t = u64::from(self.config.election_timeout);
        self.randomized_election_timeout = self.rng.range(t, 2 * t) as u32;
    }

    /// Whether this follower has heard from a live leader within the (base)
    /// election timeout: the condition for the leader lease (thesis §4.2.3).
    pub(super) fn heard_from_leader_recently(&self) -> Option<NodeId> {
        match self.leader_id {
            Some(l) if l != self.id && self.election_elapsed < self.config.election_timeout => {
                Some(l)
            }
            _ => None,
        }
    }

    pub(super) fn set_role(&mut self, to: Role, cause: RoleCause) {
        let from = self.role;
        self.role = to;
        if from != to {
            self.events.push(Event::RoleChanged {
                from,
                to,
                term: self.persistent.current_term,
                cause,
            });
        }
    }

    /// Become (or stay) a follower in `term`, following `leader` if known.
    pub(super) fn become_follower(&mut self, term: Term, leader: Option<NodeId>, cause: RoleCause) {
        let changed = term > self.persistent.current_term
            || self.role != Role::Follower
            || leader != self.leader_id;
        if term > self.persistent.current_term {
            self.persistent.current_term = term;
            self.persistent.voted_for = None;
        }
        if self.role == Role::Leader {
            self.end_transfer_on_step_down();
        }
        if changed {
            self.abandon_reads(); // reads not yet confirmed fail; the client retries
        }
        self.leader_id = leader;
        self.progress.clear();
        self.votes.clear();
        self.last_hold = None;
        self.reset_election_timer();
        self.set_role(Role::Follower, cause);
    }
}
