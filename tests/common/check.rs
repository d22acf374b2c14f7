//! Shared setup of the `check_*` suites: server states and histories built by
//! hand, fed to the safety checker through the path the simulation uses.
//!
//! The world records each trace event with `Checker::observe` and then
//! `Client::observe` (`World::record`), and after every action runs
//! `Checker::check` on the nodes and `Checker::check_client` on the client
//! (`World::run_checker`). [`Rig`] does the same with hand-made
//! [`ServerView`]s, so each property can be shown to fire — and to stay
//! quiet on a legal state of the same shape.
#![allow(dead_code)]

use raftlab::raft::{Command, EntryData, Event, Index, NodeId, RaftLog, Role, RoleCause, Term};
use raftlab::sim::check::ServerView;
use raftlab::sim::{Checker, Client, Property, TraceKind, Violation};

/// A checker and a client, at a tick.
#[derive(Default)]
pub struct Rig {
    /// The checker under test.
    pub checker: Checker,
    /// The client whose history the linearizability check reads.
    pub client: Client,
    /// The tick the next events and step happen at.
    pub tick: u64,
}

impl Rig {
    /// A fresh checker and client at tick 1.
    pub fn new() -> Rig {
        Rig {
            tick: 1,
            ..Rig::default()
        }
    }

    /// Moves to `tick`.
    pub fn at(&mut self, tick: u64) -> &mut Rig {
        self.tick = tick;
        self
    }

    /// A trace event of `node`, seen as `World::record` sees it.
    pub fn record(&mut self, node: NodeId, kind: TraceKind) -> &mut Rig {
        self.checker.observe(self.tick, node, &kind);
        self.client.observe(self.tick, node, &kind);
        self
    }

    /// A core event of `node`.
    pub fn event(&mut self, node: NodeId, event: Event) -> &mut Rig {
        self.record(node, TraceKind::Raft(event))
    }

    /// The end of an action, as `World::run_checker` does it.
    pub fn step(&mut self, servers: &[ServerView]) -> &mut Rig {
        self.checker.check_servers(self.tick, servers);
        self.checker.check_client(self.tick, &self.client);
        self
    }

    /// Every violation found so far.
    pub fn violations(&self) -> &[Violation] {
        self.checker.violations()
    }
}

/// A log of `(term, command)` entries from index 1; `""` is a no-op.
pub fn log(entries: &[(Term, &str)]) -> RaftLog {
    let mut log = RaftLog::default();
    for &(term, command) in entries {
        let data = if command.is_empty() {
            EntryData::Noop
        } else {
            EntryData::Command(cmd(command))
        };
        log.append(term, data);
    }
    log
}

/// A log of no-op entries with these terms.
pub fn terms(terms: &[Term]) -> RaftLog {
    log(&terms.iter().map(|&t| (t, "")).collect::<Vec<_>>())
}

/// A parsed command.
pub fn cmd(text: &str) -> Command {
    Command::parse(text).expect("valid command")
}

/// A running leader.
pub fn leader(id: NodeId, term: Term, commit: Index, log: &RaftLog) -> ServerView<'_> {
    ServerView::new(id, Role::Leader, term, commit, log)
}

/// A running follower.
pub fn follower(id: NodeId, term: Term, commit: Index, log: &RaftLog) -> ServerView<'_> {
    ServerView::new(id, Role::Follower, term, commit, log)
}

/// The event of `term`'s election won.
pub fn became_leader(term: Term, votes: &[NodeId]) -> Event {
    Event::RoleChanged {
        from: Role::Candidate,
        to: Role::Leader,
        term,
        cause: RoleCause::WonElection {
            votes: votes.to_vec(),
        },
    }
}

/// The violation the checker should report.
pub fn violation(
    property: Property,
    tick: u64,
    nodes: &[NodeId],
    entries: &[(Index, Term)],
    term: Option<Term>,
) -> Violation {
    Violation {
        property,
        tick,
        nodes: nodes.to_vec(),
        entries: entries.to_vec(),
        term,
    }
}
