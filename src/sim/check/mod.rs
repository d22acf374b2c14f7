//! Raft's safety properties (Figure 3 of the paper), checked after every step
//! of the simulation, one property per file. A violation is data — the
//! property, the tick, the nodes and entries involved — so the UI can
//! highlight it and jump there.

mod election_safety;
mod leader_append_only;
mod leader_completeness;
pub mod linearizability;
mod log_matching;
mod server;
mod state_machine_safety;

pub use server::ServerView;

use super::client::Client;
use super::node_slot::NodeSlot;
use super::trace::TraceKind;
use crate::raft::{Event, Index, NodeId, Term};
use serde::{Deserialize, Serialize};

/// The properties the checker knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Property {
    /// At most one leader can be elected in a given term (§5.2).
    ElectionSafety,
    /// A leader never overwrites or deletes entries in its log; it only appends (§5.3).
    LeaderAppendOnly,
    /// If two logs contain an entry with the same index and term, the logs are
    /// identical in all entries up through that index (§5.3).
    LogMatching,
    /// If an entry is committed in a term, it is present in the logs of the
    /// leaders of all higher terms (§5.4).
    LeaderCompleteness,
    /// No two servers apply different entries at the same index (§5.4.3).
    StateMachineSafety,
    /// Every client operation appears to take effect at one instant between
    /// its invocation and its response (§8, thesis §6.3).
    Linearizability,
}

impl Property {
    /// Every property, in Figure 3's order, then linearizability.
    pub const ALL: [Property; 6] = [
        Property::ElectionSafety,
        Property::LeaderAppendOnly,
        Property::LogMatching,
        Property::LeaderCompleteness,
        Property::StateMachineSafety,
        Property::Linearizability,
    ];

    /// Stable kebab-case name.
    pub fn name(self) -> &'static str {
        match self {
            Property::ElectionSafety => "election-safety",
            Property::LeaderAppendOnly => "leader-append-only",
            Property::LogMatching => "log-matching",
            Property::LeaderCompleteness => "leader-completeness",
            Property::StateMachineSafety => "state-machine-safety",
            Property::Linearizability => "linearizability",
        }
    }

    /// Where the paper states it.
    pub fn citation(self) -> &'static str {
        match self {
            Property::ElectionSafety => "Figure 3, §5.2",
            Property::LeaderAppendOnly => "Figure 3, §5.3",
            Property::LogMatching => "Figure 3, §5.3",
            Property::LeaderCompleteness => "Figure 3, §5.4",
            Property::StateMachineSafety => "Figure 3, §5.4.3",
            Property::Linearizability => "§8; thesis §6.3",
        }
    }
}

/// A broken safety property.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Violation {
    /// Which property.
    pub property: Property,
    /// When it was detected.
    pub tick: u64,
    /// The nodes involved.
    pub nodes: Vec<NodeId>,
    /// The entries involved, as (index, term).
    pub entries: Vec<(Index, Term)>,
    /// The term involved, if one is.
    pub term: Option<Term>,
}

/// How many violations are kept (the first ones matter most).
const MAX_VIOLATIONS: usize = 32;

/// The checker's state; part of the world, so it rewinds with it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checker {
    election: election_safety::ElectionSafety,
    append_only: leader_append_only::LeaderAppendOnly,
    matching: log_matching::LogMatching,
    completeness: leader_completeness::LeaderCompleteness,
    applied: state_machine_safety::StateMachineSafety,
    linear: linearizability::Linearizability,
    violations: Vec<Violation>,
}

impl Checker {
    /// Notes its chunked storage (memory report, `examples/bench.rs`).
    pub fn report_storage(&self, r: &mut crate::chunked::StorageReport) {
        self.matching.report_storage(r);
        self.completeness.report_storage(r);
        self.applied.report_storage(r);
        self.linear.report_storage(r);
    }

    /// Sees one trace event as it happens (for the event-driven properties).
    pub fn observe(&mut self, tick: u64, node: NodeId, kind: &TraceKind) {
        self.linear.observe(kind);
        let TraceKind::Raft(event) = kind else {
            return;
        };
        let found = match event {
            Event::RoleChanged { .. } => self.election.observe(tick, node, event),
            Event::Applied { index, term, .. } => {
                self.completeness.applied(node, *index, *term);
                self.applied.observe(tick, node, event)
            }
            Event::SnapshotInstalled {
                last_included_index,
                last_included_term,
                ..
            }
            | Event::RestoredFromSnapshot {
                last_included_index,
                last_included_term,
            } => self
                .applied
                .snapshot(tick, node, *last_included_index, *last_included_term),
            Event::EntriesTruncated { removed } => {
                self.matching.truncated(node, removed);
                None
            }
            _ => None,
        };
        self.push(found);
    }

    /// Checks the state-based properties against the nodes after a step.
    pub fn check(&mut self, tick: u64, nodes: &[NodeSlot]) {
        let servers: Vec<ServerView> = nodes.iter().map(ServerView::of).collect();
        self.check_servers(tick, &servers);
    }

    /// Checks Leader Append-Only, Log Matching, Leader Completeness and the
    /// state machines (State Machine Safety) against every server's state
    /// after a step (crashed ones included: their logs persist).
    /// [`Checker::check`] calls it with the simulation's nodes; a test calls
    /// it with servers built by hand.
    pub fn check_servers(&mut self, tick: u64, servers: &[ServerView]) {
        let found = self.append_only.check(tick, servers);
        self.push(found);
        let found = self.matching.check(tick, servers);
        self.push(found);
        let found = self.completeness.check(tick, servers);
        self.push(found);
        let found = self.applied.check_states(tick, servers);
        self.push(found);
    }

    /// Checks linearizability of the keys whose client history changed.
    pub fn check_client(&mut self, tick: u64, client: &Client) {
        let found = self.linear.check(tick, client);
        self.push(found);
    }

    /// The node that became leader of `term` in this run, if one did
    /// (injected messages are checked against it, `sim::inject`).
    pub fn leader_of(&self, term: crate::raft::Term) -> Option<NodeId> {
        self.election.leader_of(term)
    }

    /// How many pairs of whole state machines State Machine Safety has
    /// compared (only states not reached entry by entry are).
    pub fn state_comparisons(&self) -> u64 {
        self.applied.full_comparisons()
    }

    /// The linearizability checker (e.g. for the checks it skipped).
    pub fn linearizability(&self) -> &linearizability::Linearizability {
        &self.linear
    }

    /// Records a violation found outside the per-step checks (linearizability).
    pub fn report(&mut self, violation: Violation) {
        self.push(Some(violation));
    }

    fn push(&mut self, found: Option<Violation>) {
        if let Some(v) = found {
            if self.violations.len() < MAX_VIOLATIONS && !self.violations.contains(&v) {
                self.violations.push(v);
            }
        }
    }

    /// Every violation found, first first.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }
}
