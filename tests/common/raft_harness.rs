//! A tiny in-test network for the Raft core alone, in the style of
//! tikv/raft-rs `harness/src/network.rs`: nodes in a `BTreeMap`, one FIFO queue
//! of messages, links that can be cut, and helpers to build nodes with a given
//! log. Fully deterministic: `BTreeMap` order and `Rng::new(seed).split(id)`.
#![allow(dead_code)]

use raftlab::raft::{
    AppendResponse, Command, Config, Entry, EntryData, Event, Index, LogPosition, Message,
    MessageBody, MessageKind, Node, NodeId, PersistentState, RaftLog, Rng, Role, Term,
};
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// The seed every harness node is split from unless a test says otherwise.
pub const SEED: u64 = 42;

/// The per-node generator the harness uses.
pub fn rng_for(id: NodeId) -> Rng {
    Rng::new(SEED).split(u64::from(id))
}

/// A default config with the no-op switched as asked (most paper tests want it
/// off so that logs are exactly what the test built).
pub fn config(leader_noop: bool) -> Config {
    Config {
        leader_noop,
        ..Config::default()
    }
}

/// A log whose entries have these terms (no-ops), numbered from 1.
pub fn log_with(terms: &[Term]) -> RaftLog {
    let mut log = RaftLog::default();
    for &t in terms {
        log.append(t, EntryData::Noop);
    }
    log
}

/// A fresh node with an empty log in term 0.
pub fn new_node(id: NodeId, members: &[NodeId], config: Config) -> Node {
    Node::new(id, members, config, rng_for(id)).expect("valid config")
}

/// A node restarted from persistent state: `term`, `voted_for`, and a log of
/// no-op entries with these terms.
pub fn node_with_log(
    id: NodeId,
    members: &[NodeId],
    config: Config,
    term: Term,
    voted_for: Option<NodeId>,
    terms: &[Term],
) -> Node {
    let persistent = PersistentState {
        current_term: term,
        voted_for,
        log: log_with(terms),
        ..PersistentState::default()
    };
    Node::restart(id, members, config, rng_for(id), persistent).expect("valid config")
}

/// The terms of a node's log entries, in index order.
pub fn log_terms(node: &Node) -> Vec<Term> {
    node.log().entries().iter().map(|e| e.term).collect()
}

/// No-op entries `(index, term)` for hand-made AppendEntries.
pub fn entries(pairs: &[(Index, Term)]) -> Vec<Entry> {
    pairs
        .iter()
        .map(|&(index, term)| Entry {
            index,
            term,
            data: EntryData::Noop,
        })
        .collect()
}

/// A message.
pub fn msg(from: NodeId, to: NodeId, term: Term, body: MessageBody) -> Message {
    Message {
        from,
        to,
        term,
        body,
    }
}

/// A RequestVote (or pre-vote) request.
pub fn vote_req(
    from: NodeId,
    to: NodeId,
    term: Term,
    pre_vote: bool,
    last_log_term: Term,
    last_log_index: Index,
) -> Message {
    msg(
        from,
        to,
        term,
        MessageBody::RequestVote {
            pre_vote,
            last_log: LogPosition::new(last_log_term, last_log_index),
            leader_transfer: false,
        },
    )
}

/// A RequestVote response.
pub fn vote_resp(from: NodeId, to: NodeId, term: Term, pre_vote: bool, granted: bool) -> Message {
    msg(
        from,
        to,
        term,
        MessageBody::RequestVoteResponse {
            pre_vote,
            vote_granted: granted,
        },
    )
}

/// An AppendEntries request.
pub fn append(
    from: NodeId,
    to: NodeId,
    term: Term,
    prev_log_index: Index,
    prev_log_term: Term,
    entries: Vec<Entry>,
    leader_commit: Index,
) -> Message {
    msg(
        from,
        to,
        term,
        MessageBody::AppendEntries {
            prev_log: LogPosition::new(prev_log_term, prev_log_index),
            entries,
            leader_commit,
            read_ctx: None,
        },
    )
}

/// A successful AppendEntries response.
pub fn append_ok(from: NodeId, to: NodeId, term: Term, match_index: Index) -> Message {
    msg(
        from,
        to,
        term,
        MessageBody::AppendEntriesResponse(AppendResponse::matched(term, match_index)),
    )
}

/// Parses a command, panicking on a typo in the test.
pub fn cmd(text: &str) -> Command {
    Command::parse(text).expect("valid command")
}

/// The message kinds' names (`MessageKind::name`, the `data-msg` values)
/// with their receivers, in order.
pub fn kinds(msgs: &[Message]) -> Vec<(&'static str, NodeId)> {
    msgs.iter().map(|m| (m.body.kind().name(), m.to)).collect()
}

/// The in-test network.
#[derive(Debug, Default)]
pub struct Network {
    /// The nodes, by id.
    pub nodes: BTreeMap<NodeId, Node>,
    /// Messages sent and not yet delivered or dropped, oldest first.
    pub queue: VecDeque<Message>,
    /// Directed links that lose every message: (from, to).
    pub cut: BTreeSet<(NodeId, NodeId)>,
    /// Every event each node produced, in order, until taken.
    pub events: BTreeMap<NodeId, Vec<Event>>,
    /// Every message delivered (stepped into its receiver), in order.
    pub delivered: Vec<Message>,
}

impl Network {
    /// `ids.len()` fresh nodes with the same config.
    pub fn new(ids: &[NodeId], config: Config) -> Network {
        Network::from_nodes(ids.iter().map(|&id| new_node(id, ids, config.clone())))
    }

    /// A network of ready-made nodes (e.g. from [`node_with_log`]).
    pub fn from_nodes(nodes: impl IntoIterator<Item = Node>) -> Network {
        let mut net = Network::default();
        for n in nodes {
            net.events.insert(n.id(), Vec::new());
            net.nodes.insert(n.id(), n);
        }
        net.flush();
        net
    }

    /// Nodes built by [`node_with_log`] from `(id, term, log terms)`, all with
    /// the same config and no vote.
    pub fn with_logs(config: Config, specs: &[(NodeId, Term, &[Term])]) -> Network {
        let ids: Vec<NodeId> = specs.iter().map(|s| s.0).collect();
        Network::from_nodes(
            specs.iter().map(|&(id, term, terms)| {
                node_with_log(id, &ids, config.clone(), term, None, terms)
            }),
        )
    }

    /// A node.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[&id]
    }

    /// A node, mutably (call [`Network::flush`] after feeding it inputs).
    pub fn node_mut(&mut self, id: NodeId) -> &mut Node {
        self.nodes.get_mut(&id).expect("no such node")
    }

    /// Moves every outbox into the queue (dropping messages on cut links) and
    /// every node's new events into [`Network::events`].
    pub fn flush(&mut self) {
        for (&id, node) in self.nodes.iter_mut() {
            for m in node.take_outbox() {
                if !self.cut.contains(&(m.from, m.to)) {
                    self.queue.push_back(m);
                }
            }
            self.events
                .entry(id)
                .or_default()
                .extend(node.take_events());
        }
    }

    /// Steps one message into its receiver (if it exists and the link is up).
    fn step(&mut self, m: Message) {
        if self.cut.contains(&(m.from, m.to)) {
            return;
        }
        if let Some(node) = self.nodes.get_mut(&m.to) {
            self.delivered.push(m.clone());
            node.step(m);
        }
        self.flush();
    }

    /// Delivers queued messages, and those they cause, until none are left.
    /// Returns how many were delivered.
    pub fn deliver_all(&mut self) -> usize {
        self.flush();
        let mut n = 0;
        while let Some(m) = self.queue.pop_front() {
            self.step(m);
            n += 1;
            assert!(n < 100_000, "message storm: the network does not quiesce");
        }
        n
    }

    /// Delivers the oldest queued message from `from` to `to`; returns it.
    pub fn deliver_one(&mut self, from: NodeId, to: NodeId) -> Option<Message> {
        self.flush();
        let pos = self
            .queue
            .iter()
            .position(|m| m.from == from && m.to == to)?;
        let m = self.queue.remove(pos).expect("position is valid");
        self.step(m.clone());
        Some(m)
    }

    /// Removes and returns every queued message (nothing is delivered).
    pub fn take_queue(&mut self) -> Vec<Message> {
        self.flush();
        self.queue.drain(..).collect()
    }

    /// Queued messages, oldest first (after a flush).
    pub fn peek_queue(&mut self) -> Vec<Message> {
        self.flush();
        self.queue.iter().cloned().collect()
    }

    /// Drops every queued message addressed to `node`.
    pub fn drop_to(&mut self, node: NodeId) {
        self.flush();
        self.queue.retain(|m| m.to != node);
    }

    /// Cuts one directed link.
    pub fn cut_link(&mut self, from: NodeId, to: NodeId) {
        self.cut.insert((from, to));
    }

    /// Cuts every link to and from `node`, and drops what is queued on them.
    pub fn isolate(&mut self, node: NodeId) {
        self.flush();
        let ids: Vec<NodeId> = self.nodes.keys().copied().collect();
        for other in ids {
            if other != node {
                self.cut.insert((node, other));
                self.cut.insert((other, node));
            }
        }
        self.queue.retain(|m| m.to != node && m.from != node);
    }

    /// Splits the nodes into groups that cannot talk to each other.
    pub fn partition(&mut self, groups: &[&[NodeId]]) {
        self.flush();
        for (i, a) in groups.iter().enumerate() {
            for (j, b) in groups.iter().enumerate() {
                if i != j {
                    for &x in a.iter() {
                        for &y in b.iter() {
                            self.cut.insert((x, y));
                        }
                    }
                }
            }
        }
        let cut = self.cut.clone();
        self.queue.retain(|m| !cut.contains(&(m.from, m.to)));
    }

    /// Restores every link.
    pub fn heal(&mut self) {
        self.cut.clear();
    }

    /// Times `node` out now (force_timeout) and delivers everything.
    pub fn campaign(&mut self, node: NodeId) {
        self.node_mut(node).force_timeout();
        self.deliver_all();
    }

    /// Ticks one node `n` times without delivering anything.
    pub fn tick(&mut self, node: NodeId, n: u32) {
        for _ in 0..n {
            self.node_mut(node).tick();
        }
        self.flush();
    }

    /// `n` rounds of: tick every node once, then deliver everything.
    pub fn tick_all(&mut self, n: u32) {
        for _ in 0..n {
            for node in self.nodes.values_mut() {
                node.tick();
            }
            self.deliver_all();
        }
    }

    /// Proposes a command at `node` and delivers everything; panics if `node`
    /// is not the leader. Returns (index, term).
    pub fn propose(&mut self, node: NodeId, text: &str) -> (Index, Term) {
        let r = self
            .node_mut(node)
            .propose(cmd(text))
            .expect("proposal at the leader");
        self.deliver_all();
        r
    }

    /// Crashes `node` and brings it back with only its persistent state.
    pub fn restart(&mut self, node: NodeId) {
        self.restart_with(node, None);
    }

    /// Like [`Network::restart`], optionally with a new config.
    pub fn restart_with(&mut self, node: NodeId, config: Option<Config>) {
        self.flush();
        let old = self.nodes.remove(&node).expect("no such node");
        let config = config.unwrap_or_else(|| old.config().clone());
        let fresh = Node::restart(
            node,
            old.members(),
            config,
            Rng::new(SEED ^ 0xDEAD).split(u64::from(node)),
            old.persistent().clone(),
        )
        .expect("valid config");
        self.queue.retain(|m| m.to != node);
        self.nodes.insert(node, fresh);
    }

    /// Takes the events `node` produced since the last take.
    pub fn take_events(&mut self, node: NodeId) -> Vec<Event> {
        self.flush();
        std::mem::take(self.events.entry(node).or_default())
    }

    /// Discards every recorded event and delivered message.
    pub fn clear_records(&mut self) {
        self.flush();
        for v in self.events.values_mut() {
            v.clear();
        }
        self.delivered.clear();
    }

    /// The ids in a role, in order.
    pub fn in_role(&self, role: Role) -> Vec<NodeId> {
        self.nodes
            .values()
            .filter(|n| n.role() == role)
            .map(|n| n.id())
            .collect()
    }

    /// The single leader with the highest term, if any.
    pub fn leader(&self) -> Option<NodeId> {
        self.nodes
            .values()
            .filter(|n| n.role() == Role::Leader)
            .max_by_key(|n| n.term())
            .map(|n| n.id())
    }

    /// Every node's (role, term), in id order.
    pub fn roles_terms(&self) -> Vec<(NodeId, Role, Term)> {
        self.nodes
            .values()
            .map(|n| (n.id(), n.role(), n.term()))
            .collect()
    }

    /// Delivered messages of a kind, as (from, to).
    pub fn delivered_of_kind(&self, kind: MessageKind) -> Vec<(NodeId, NodeId)> {
        self.delivered
            .iter()
            .filter(|m| m.body.kind() == kind)
            .map(|m| (m.from, m.to))
            .collect()
    }
}
