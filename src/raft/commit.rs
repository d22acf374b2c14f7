//! The commit rule (§5.3, §5.4.2, Figure 8) as one pure function: "is index
//! `i` committed, and if not, why?", answered from a leader's point of view.
//! The leader's own commit decision ([`Node`]'s `maybe_commit`) and the view's
//! entry card both ask [`CommitRule::status`]; neither re-derives the rule.
//!
//! Tested in this module and, through the node, in
//! `tests/raft_paper_5_4_safety.rs` and `tests/raft_scenarios_figure8.rs`.

use super::config::UnsafeSwitch;
use super::log::RaftLog;
use super::node::Node;
use super::quorum::JointConfig;
use super::state::{Progress, Role};
use super::types::{Index, NodeId, Term};
use crate::vec_map::VecMap;

/// Where one index stands by the leader's commit rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommitStatus {
    /// Covered by the leader's commitIndex.
    Committed,
    /// Not in the leader's log: nothing the leader does commits it.
    NotInLog,
    /// A majority holds the entry and the entry of the highest index a
    /// majority holds is of the current term: the leader commits it now, and
    /// everything before it with it (Log Matching Property, §5.3).
    Committable {
        /// Who holds it (matchIndex ≥ index, the leader included), ascending.
        holders: Vec<NodeId>,
    },
    /// A majority holds it, but the highest majority-held entry is from an
    /// earlier term: §5.4.2 forbids committing it by counting replicas
    /// (Figure 8). It commits once an entry of the current term above it does.
    OldTerm {
        /// The term of the entry at this index.
        entry_term: Term,
        /// The leader's term.
        current_term: Term,
        /// Who holds it, ascending.
        holders: Vec<NodeId>,
        /// The leader's first entry of its own term above this index, if any:
        /// the one whose commit would carry this one.
        newer: Option<Index>,
    },
    /// Fewer than a majority hold it, as far as the leader knows.
    NoMajority {
        /// Who holds it, ascending.
        holders: Vec<NodeId>,
        /// How many must hold it.
        needed: usize,
        /// `Some(current term)` when the entry is from an earlier term, so a
        /// majority alone will not be enough either (§5.4.2); `None` under the
        /// unsafe switch that commits old terms by counting.
        older_than: Option<Term>,
    },
}

impl CommitStatus {
    /// Who holds the entry, as far as the leader knows (empty when committed
    /// or not in the log: the rule did not need to count).
    pub fn holders(&self) -> &[NodeId] {
        match self {
            CommitStatus::Committable { holders }
            | CommitStatus::OldTerm { holders, .. }
            | CommitStatus::NoMajority { holders, .. } => holders,
            CommitStatus::Committed | CommitStatus::NotInLog => &[],
        }
    }
}

/// What the commit rule reads: a leader's log, term, commit index and
/// matchIndex per follower, and the configuration it counts against.
#[derive(Clone, Debug)]
pub struct CommitRule<'a> {
    /// The leader.
    pub leader: NodeId,
    /// Its configuration (thesis §4.3: both halves when joint).
    pub voters: JointConfig,
    /// Its log (it matches itself up to its last index).
    pub log: &'a RaftLog,
    /// Its matchIndex per follower.
    pub progress: &'a VecMap<NodeId, Progress>,
    /// Its commitIndex.
    pub commit_index: Index,
    /// Its currentTerm.
    pub current_term: Term,
    /// The unsafe switch [`UnsafeSwitch::CommitOldTermByCounting`]: count
    /// replicas of any term (the Figure 8 bug).
    pub count_old_terms: bool,
}

impl CommitRule<'_> {
    /// How far the leader knows `id`'s log matches its own.
    fn matched(&self, id: NodeId) -> Option<Index> {
        if id == self.leader {
            Some(self.log.last_index())
        } else {
            self.progress.get(&id).map(|p| p.match_index)
        }
    }

    /// The highest index a majority (of every half) has matched (§5.3).
    pub fn majority_index(&self) -> Index {
        self.voters.committed_index(|id| self.matched(id))
    }

    /// Who the leader knows holds `index`, ascending (the leader itself and
    /// every follower with matchIndex ≥ `index`).
    pub fn holders(&self, index: Index) -> Vec<NodeId> {
        let mut h: Vec<NodeId> = std::iter::once(self.leader)
            .chain(self.progress.keys().copied())
            .filter(|&id| self.matched(id).is_some_and(|m| m >= index))
            .collect();
        crate::sort::sort(&mut h);
        h
    }

    /// "Is `index` committed, and if not, why?" (§5.3, §5.4.2).
    pub fn status(&self, index: Index) -> CommitStatus {
        if index <= self.commit_index {
            return CommitStatus::Committed;
        }
        let Some(entry_term) = self.log.term_at(index) else {
            return CommitStatus::NotInLog;
        };
        let holders = self.holders(index);
        let majority = self.majority_index();
        let old = |term: Term| term < self.current_term && !self.count_old_terms;
        if index > majority {
            return CommitStatus::NoMajority {
                holders,
                needed: self.voters.quorum_size(),
                older_than: old(entry_term).then_some(self.current_term),
            };
        }
        // Terms never decrease along a log, so the highest majority-held entry
        // decides: if it is of the current term, it and all before it commit.
        let top_term = self.log.term_at(majority).unwrap_or(0);
        if !old(top_term) {
            return CommitStatus::Committable { holders };
        }
        let newer = self
            .log
            .iter_from(index + 1)
            .find(|e| e.index > index && e.term == self.current_term)
            .map(|e| e.index);
        CommitStatus::OldTerm {
            entry_term,
            current_term: self.current_term,
            holders,
            newer,
        }
    }
}

impl Node {
    /// The commit rule as this node would apply it, if it is the leader.
    pub fn commit_rule(&self) -> Option<CommitRule<'_>> {
        (self.role == Role::Leader).then(|| CommitRule {
            leader: self.id,
            voters: self.voter_config(),
            log: &self.persistent.log,
            progress: &self.progress,
            commit_index: self.commit_index,
            current_term: self.persistent.current_term,
            count_old_terms: self.config.is_unsafe(UnsafeSwitch::CommitOldTermByCounting),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raft::EntryData;

    fn log(terms: &[Term]) -> RaftLog {
        let mut l = RaftLog::default();
        for &t in terms {
            l.append(t, EntryData::Noop);
        }
        l
    }

    fn progress(matches: &[(NodeId, Index)]) -> VecMap<NodeId, Progress> {
        matches
            .iter()
            .map(|&(id, m)| {
                let p = Progress {
                    next_index: m + 1,
                    match_index: m,
                    recent_active: true,
                };
                (id, p)
            })
            .collect()
    }

    /// Figure 8 (c)–(e): S1 leads term 4 with [1, 2, 4]; S2 and S3 hold
    /// index 2 (term 2), only S1 holds index 3.
    #[test]
    fn figure_8_old_term_majority_does_not_commit_by_counting() {
        let voters = JointConfig::simple(1..=5);
        let (l, p) = (log(&[1, 2, 4]), progress(&[(2, 2), (3, 2), (4, 1), (5, 1)]));
        let mut rule = CommitRule {
            leader: 1,
            voters: voters.clone(),
            log: &l,
            progress: &p,
            commit_index: 1,
            current_term: 4,
            count_old_terms: false,
        };
        assert_eq!(rule.majority_index(), 2);
        assert_eq!(rule.status(1), CommitStatus::Committed);
        assert_eq!(
            rule.status(2),
            CommitStatus::OldTerm {
                entry_term: 2,
                current_term: 4,
                holders: vec![1, 2, 3],
                newer: Some(3),
            }
        );
        assert_eq!(
            rule.status(3),
            CommitStatus::NoMajority {
                holders: vec![1],
                needed: 3,
                older_than: None,
            }
        );
        assert_eq!(rule.status(4), CommitStatus::NotInLog);
        // The unsafe switch counts replicas of any term: index 2 commits.
        rule.count_old_terms = true;
        assert_eq!(
            rule.status(2),
            CommitStatus::Committable {
                holders: vec![1, 2, 3]
            }
        );
    }

    #[test]
    fn a_current_term_majority_carries_earlier_entries() {
        let voters = JointConfig::simple(1..=3);
        let (l, p) = (log(&[1, 2, 3]), progress(&[(2, 3), (3, 0)]));
        let rule = CommitRule {
            leader: 1,
            voters: voters.clone(),
            log: &l,
            progress: &p,
            commit_index: 0,
            current_term: 3,
            count_old_terms: false,
        };
        // Index 1 is of term 1, but index 3 (term 3) is majority-held: both commit.
        for i in 1..=3 {
            assert_eq!(
                rule.status(i),
                CommitStatus::Committable {
                    holders: vec![1, 2]
                },
                "index {i}"
            );
        }
        let old = RaftLog::default();
        let short = CommitRule {
            log: &old,
            ..rule.clone()
        };
        assert_eq!(
            short.status(1),
            CommitStatus::NotInLog,
            "an index past the log is not the leader's to commit"
        );
    }

    #[test]
    fn no_majority_names_the_old_term_too() {
        let voters = JointConfig::simple(1..=3);
        let (l, p) = (log(&[1, 1, 2]), progress(&[(2, 0), (3, 0)]));
        let rule = CommitRule {
            leader: 1,
            voters: voters.clone(),
            log: &l,
            progress: &p,
            commit_index: 0,
            current_term: 2,
            count_old_terms: false,
        };
        assert_eq!(
            rule.status(1),
            CommitStatus::NoMajority {
                holders: vec![1],
                needed: 2,
                older_than: Some(2),
            }
        );
    }
}
