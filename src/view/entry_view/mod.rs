//! The entry card: for one log entry, who holds it, whether it is committed
//! and — above all — *why not yet*, by the leader's own rule (§5.3, §5.4.2).
//! Works on plain facts about the nodes so it is tested without a browser.

use crate::raft::{
    CommitRule, CommitStatus, Index, JointConfig, NodeId, Progress, RaftLog, Role, Term,
};
use crate::sim::leadership::newest_leader;
use crate::sim::{NodeStatus, World};
use crate::vec_map::VecMap;

/// What the card needs to know about one node.
#[derive(Clone, Debug)]
pub struct NodeFacts<'a> {
    /// Its id.
    pub id: NodeId,
    /// Up, crashed or paused.
    pub status: NodeStatus,
    /// Its role (meaningless while crashed).
    pub role: Role,
    /// currentTerm.
    pub term: Term,
    /// The log (persistent: a crashed node still has it).
    pub log: &'a RaftLog,
    /// commitIndex (for a crashed node: what it knew when it crashed).
    pub commit: Index,
    /// lastApplied.
    pub applied: Index,
    /// Leader only: nextIndex / matchIndex per follower.
    pub progress: &'a VecMap<NodeId, Progress>,
    /// The configuration it counts majorities against (thesis §4.3).
    pub voters: JointConfig,
}

impl NodeFacts<'_> {
    /// The core's commit rule as this node, as leader, applies it
    /// ([`CommitRule`]); `count_old` is the unsafe switch.
    pub fn commit_rule(&self, count_old: bool) -> CommitRule<'_> {
        CommitRule {
            leader: self.id,
            voters: self.voters.clone(),
            log: self.log,
            progress: self.progress,
            commit_index: self.commit,
            current_term: self.term,
            count_old_terms: count_old,
        }
    }
}

/// The facts of every node of a world.
pub fn facts(world: &World) -> Vec<NodeFacts<'_>> {
    world
        .nodes()
        .iter()
        .map(|s| NodeFacts {
            id: s.node.id(),
            status: s.status,
            role: s.node.role(),
            term: s.node.term(),
            log: s.node.log(),
            commit: s.node.commit_index(),
            applied: s.node.last_applied(),
            progress: s.node.progress(),
            voters: s.node.voter_config(),
        })
        .collect()
}

/// The leader as the simulation defines it ([`newest_leader`]: the leader
/// of the newest term, paused or not, never crashed).
pub fn leader_of<'f, 'a>(facts: &'f [NodeFacts<'a>]) -> Option<&'f NodeFacts<'a>> {
    let id = newest_leader(facts.iter().map(|f| (f.id, f.status, f.role, f.term)))?;
    facts.iter().find(|f| f.id == id)
}

/// Why a node does not hold the entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lack {
    /// It is crashed.
    Crashed,
    /// It is paused.
    Paused,
    /// The link between it and the leader is cut (either way).
    CutOff,
    /// It has another entry at that index.
    Conflict(Term),
    /// Its log is shorter; the leader will send it (nextIndex, if known).
    Behind(Option<Index>),
}

/// Where one node stands with respect to the entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    /// It holds the same index and term.
    Holds {
        /// Its commitIndex covers it.
        committed: bool,
        /// It applied it.
        applied: bool,
    },
    /// It does not.
    Lacks(Lack),
}

/// The entry's state, by the leader's rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Committed: a node that holds it knows so.
    Committed,
    /// The selected node has no entry at that index.
    Missing,
    /// No leader: nothing commits until an election completes.
    NoLeader,
    /// The leader does not hold it: it will be overwritten.
    LeaderLacks {
        /// The leader.
        leader: NodeId,
        /// Its term.
        leader_term: Term,
        /// The term of the leader's own entry there, if it has one.
        theirs: Option<Term>,
    },
    /// Fewer than a majority hold it, as far as the leader knows.
    NeedsMajority {
        /// The leader.
        leader: NodeId,
        /// Who the leader knows holds it (matchIndex ≥ index), itself included.
        acked: Vec<NodeId>,
        /// The leader's term, when the entry is older (it then also needs Figure 8's rule).
        older_than: Option<Term>,
    },
    /// A majority holds it but it is from an older term (§5.4.2, Figure 8).
    OldTerm {
        /// The leader.
        leader: NodeId,
        /// The entry's term.
        entry_term: Term,
        /// The leader's term.
        current_term: Term,
        /// The leader's first entry of its own term above this index.
        newer: Option<Index>,
    },
    /// A majority of the current term holds it: the leader commits it now.
    AboutToCommit {
        /// The leader.
        leader: NodeId,
    },
}

impl EntryReport {
    /// The leader that will overwrite this entry where it is held: the
    /// verdict [`Verdict::LeaderLacks`], decided by
    /// [`crate::sim::leadership::overwrites`].
    pub fn overwritten_by(&self) -> Option<NodeId> {
        match self.verdict {
            Verdict::LeaderLacks { leader, .. } => Some(leader),
            _ => None,
        }
    }
}

impl Verdict {
    /// A stable name (`data-verdict`).
    pub fn name(&self) -> &'static str {
        match self {
            Verdict::Committed => "committed",
            Verdict::Missing => "missing",
            Verdict::NoLeader => "no-leader",
            Verdict::LeaderLacks { .. } => "leader-lacks",
            Verdict::NeedsMajority { .. } => "needs-majority",
            Verdict::OldTerm { .. } => "old-term",
            Verdict::AboutToCommit { .. } => "about-to-commit",
        }
    }
}

/// Everything the card shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryReport {
    /// The node whose cell was clicked.
    pub node: NodeId,
    /// The index.
    pub index: Index,
    /// The entry's term there, if the node has one.
    pub term: Option<Term>,
    /// Its command (`None`: no-op; unset when missing).
    pub command: Option<Option<crate::raft::Command>>,
    /// Every node's presence, in id order.
    pub presence: Vec<(NodeId, Presence)>,
    /// Nodes holding the same index and term.
    pub holders: Vec<NodeId>,
    /// Cluster size.
    pub cluster: usize,
    /// Majority size.
    pub quorum: usize,
    /// The verdict.
    pub verdict: Verdict,
}

/// Analyses entry `index` of node `node`. `link_up(a, b)` says whether
/// messages from a reach b; `count_old` is the unsafe switch that lets a
/// leader commit old-term entries by counting.
pub fn analyse(
    facts: &[NodeFacts],
    node: NodeId,
    index: Index,
    link_up: impl Fn(NodeId, NodeId) -> bool,
    count_old: bool,
) -> EntryReport {
    let cluster = facts.len();
    let leader = leader_of(facts);
    let quorum = leader
        .or_else(|| facts.iter().find(|f| f.id == node))
        .map_or(0, |f| f.voters.quorum_size());
    let term = facts
        .iter()
        .find(|f| f.id == node)
        .and_then(|f| f.log.get(index))
        .map(|e| e.term);
    let command = facts
        .iter()
        .find(|f| f.id == node)
        .and_then(|f| f.log.get(index))
        .map(|e| e.command().cloned());
    // A node whose snapshot covers the index holds the entry if the selected
    // log matches at that snapshot's boundary (Log Matching; thesis §5.1).
    let selected_log = facts.iter().find(|f| f.id == node).map(|f| f.log);
    let in_snapshot = |f: &NodeFacts| {
        let boundary = f.log.snapshot_index();
        index <= boundary
            && selected_log.and_then(|l| l.term_at(boundary)) == Some(f.log.snapshot_term())
    };
    let holds = |f: &NodeFacts| {
        term.is_some() && (f.log.get(index).map(|e| e.term) == term || in_snapshot(f))
    };
    let presence: Vec<(NodeId, Presence)> = facts
        .iter()
        .map(|f| {
            let p = if holds(f) {
                let up = f.status != NodeStatus::Crashed;
                Presence::Holds {
                    committed: up && f.commit >= index,
                    applied: up && f.applied >= index,
                }
            } else if f.status == NodeStatus::Crashed {
                Presence::Lacks(Lack::Crashed)
            } else if f.status == NodeStatus::Paused {
                Presence::Lacks(Lack::Paused)
            } else if let Some(t) = f.log.get(index).map(|e| e.term) {
                Presence::Lacks(Lack::Conflict(t))
            } else if leader
                .is_some_and(|l| l.id != f.id && (!link_up(l.id, f.id) || !link_up(f.id, l.id)))
            {
                Presence::Lacks(Lack::CutOff)
            } else {
                let next = leader
                    .and_then(|l| l.progress.get(&f.id))
                    .map(|p| p.next_index);
                Presence::Lacks(Lack::Behind(next))
            };
            (f.id, p)
        })
        .collect();
    let holders: Vec<NodeId> = facts.iter().filter(|f| holds(f)).map(|f| f.id).collect();
    let committed = facts.iter().any(|f| holds(f) && f.commit >= index);
    let verdict = match (term, leader) {
        (None, _) => Verdict::Missing,
        _ if committed => Verdict::Committed,
        (_, None) => Verdict::NoLeader,
        (Some(t), Some(l)) => {
            let theirs = l.log.get(index).map(|e| e.term);
            let lacks = Verdict::LeaderLacks {
                leader: l.id,
                leader_term: l.term,
                theirs,
            };
            if crate::sim::leadership::overwrites(l.log, index, t) {
                lacks
            } else {
                // The leader's own rule answers (§5.3, §5.4.2).
                match l.commit_rule(count_old).status(index) {
                    CommitStatus::Committed => Verdict::Committed,
                    CommitStatus::NotInLog => lacks,
                    CommitStatus::Committable { .. } => Verdict::AboutToCommit { leader: l.id },
                    CommitStatus::NoMajority {
                        holders,
                        older_than,
                        ..
                    } => Verdict::NeedsMajority {
                        leader: l.id,
                        acked: holders,
                        older_than,
                    },
                    CommitStatus::OldTerm {
                        entry_term,
                        current_term,
                        newer,
                        ..
                    } => Verdict::OldTerm {
                        leader: l.id,
                        entry_term,
                        current_term,
                        newer,
                    },
                }
            }
        }
    };
    EntryReport {
        node,
        index,
        term,
        command,
        presence,
        holders,
        cluster,
        quorum,
        verdict,
    }
}

mod text;

#[cfg(test)]
mod tests;
