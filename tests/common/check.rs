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

use raftlab::raft::{
    ApplyResult, Command, EntryData, Event, Index, NodeId, RaftLog, Role, RoleCause, Term,
};
use raftlab::sim::check::ServerView;
use raftlab::sim::{Checker, Client, OpFailure, Property, SimEvent, Target, TraceKind, Violation};

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

    /// A step in which `nodes[0]` leads `term` and every one of `nodes`
    /// holds `log` and has committed it to its end: the usual first state
    /// a later step breaks a rule against.
    pub fn committed(&mut self, term: Term, log: &RaftLog, nodes: &[NodeId]) -> &mut Rig {
        let commit = log.last_index();
        let servers: Vec<ServerView> = nodes
            .iter()
            .enumerate()
            .map(|(k, &id)| match k {
                0 => leader(id, term, commit, log),
                _ => follower(id, term, commit, log),
            })
            .collect();
        self.step(&servers)
    }

    /// Every violation found so far.
    pub fn violations(&self) -> &[Violation] {
        self.checker.violations()
    }

    /// Asserts that the checker found exactly one violation, and that it is
    /// [`violation`]`(property, tick, nodes, entries, term)`.
    #[track_caller]
    pub fn assert_only(
        &self,
        property: Property,
        tick: u64,
        nodes: &[NodeId],
        entries: &[(Index, Term)],
        term: Option<Term>,
    ) {
        let expected = violation(property, tick, nodes, entries, term);
        assert_eq!(self.violations(), [expected]);
    }

    /// Asserts that the checker found nothing.
    #[track_caller]
    pub fn assert_clean(&self) {
        assert_eq!(self.violations(), []);
    }

    /// A client command submitted at this tick, which leader `node` appends
    /// at (index, term) at once (`Client::new_op`, then `Client::appended`,
    /// as the world calls them); returns the op's position.
    pub fn propose(&mut self, node: NodeId, index: Index, term: Term, command: &str) -> usize {
        let tick = self.tick;
        let i = self.client.new_op(tick, Target::Cluster, cmd(command));
        self.client.appended(i, tick, node, index, term);
        i
    }

    /// `node` applies (index, term) holding `command` with this result, and
    /// the step ends.
    pub fn apply(
        &mut self,
        node: NodeId,
        index: Index,
        term: Term,
        command: &str,
        result: ApplyResult,
    ) -> &mut Rig {
        let event = applied_with(index, term, command, result);
        self.event(node, event).step(&[])
    }

    /// Op `op`'s attempt at leader `node` ends without an answer at this
    /// tick (`void`: its entry certainly never takes effect); the outcome is
    /// recorded as the world records it, and the step ends.
    pub fn attempt_failed(
        &mut self,
        node: NodeId,
        op: usize,
        reason: OpFailure,
        void: bool,
    ) -> &mut Rig {
        let tick = self.tick;
        self.client.attempt_failed(op, tick, reason, void, 10);
        let id = self.client.ops()[op].id;
        let outcome = SimEvent::ClientOutcome { op: id, ok: false };
        self.record(node, TraceKind::Sim(outcome)).step(&[])
    }
}

/// A log of `(term, command)` entries from index 1; `""` is a no-op.
pub fn log(entries: &[(Term, &str)]) -> RaftLog {
    let mut log = RaftLog::default();
    for &(term, command) in entries {
        let data = if command.is_empty() {
            EntryData::Noop
        } else {
            EntryData::from(cmd(command))
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

/// `Applied` of (index, term) holding `command` (`""`: a no-op), with the
/// state machine's `result`.
pub fn applied_with(index: Index, term: Term, command: &str, result: ApplyResult) -> Event {
    Event::Applied {
        index,
        term,
        command: (!command.is_empty()).then(|| cmd(command)),
        result,
    }
}

/// A put's answer: the value it replaced.
pub fn written(previous: Option<&str>) -> ApplyResult {
    ApplyResult::Written {
        previous: previous.map(str::to_string),
    }
}

/// A get's answer: the value read.
pub fn read(value: Option<&str>) -> ApplyResult {
    ApplyResult::Read {
        value: value.map(str::to_string),
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
