//! Quorum arithmetic: the one place that answers "is this set a majority?"
//! and "what index has a majority matched?" (§5.2, §5.3; thesis §4.3 for
//! joint configurations). Elections, commit, CheckQuorum and the view all ask
//! here instead of writing `n / 2 + 1` themselves.
//!
//! A [`MajorityConfig`] is one set of voters. A [`JointConfig`] is the
//! configuration a node runs under: an incoming set and, during joint
//! consensus (C_old,new), an outgoing set too; a decision then needs a
//! majority of *both* (thesis §4.3).

use super::types::{Index, NodeId};
use crate::vec_map::VecSet;
use serde::{Deserialize, Serialize};

/// The outcome of counting votes against a configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum VoteResult {
    /// A majority (of every half, if joint) granted.
    Won,
    /// A majority (of some half) can no longer be reached.
    Lost,
    /// Neither yet: some voters have not answered.
    Pending,
}

/// One set of voters; a quorum is any strict majority of it (§5.2).
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct MajorityConfig {
    voters: VecSet<NodeId>,
}

impl MajorityConfig {
    /// A configuration of these voters (duplicates collapse).
    pub fn new(voters: impl IntoIterator<Item = NodeId>) -> MajorityConfig {
        MajorityConfig {
            voters: voters.into_iter().collect(),
        }
    }

    /// The voters, ascending.
    pub fn voters(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.voters.iter().copied()
    }

    /// Whether `id` is a voter here.
    pub fn contains(&self, id: NodeId) -> bool {
        self.voters.contains(&id)
    }

    /// How many voters.
    pub fn len(&self) -> usize {
        self.voters.len()
    }

    /// Whether there are no voters (an empty configuration agrees to
    /// anything, as an absent outgoing half does).
    pub fn is_empty(&self) -> bool {
        self.voters.is_empty()
    }

    /// How many voters make a majority: `len / 2 + 1`, and 0 for no voters.
    pub fn quorum_size(&self) -> usize {
        if self.voters.is_empty() {
            0
        } else {
            self.voters.len() / 2 + 1
        }
    }

    /// Whether the voters for which `yes` holds form a majority.
    pub fn is_quorum(&self, yes: impl Fn(NodeId) -> bool) -> bool {
        self.voters.iter().filter(|&&v| yes(v)).count() >= self.quorum_size()
    }

    /// Counts votes: `vote(id)` is `Some(true)` for granted, `Some(false)` for
    /// denied, `None` for not yet answered. Non-voters are never asked.
    pub fn vote_result(&self, vote: impl Fn(NodeId) -> Option<bool>) -> VoteResult {
        let (mut granted, mut missing) = (0, 0);
        for &v in &self.voters {
            match vote(v) {
                Some(true) => granted += 1,
                None => missing += 1,
                Some(false) => {}
            }
        }
        let q = self.quorum_size();
        if granted >= q {
            VoteResult::Won
        } else if granted + missing >= q {
            VoteResult::Pending
        } else {
            VoteResult::Lost
        }
    }

    /// The highest index that a majority has matched: sort the voters'
    /// matched indexes descending and take the quorum-th (§5.3). A voter with
    /// no known match counts as 0. An empty configuration returns
    /// `Index::MAX` so that it never holds back a joint decision.
    ///
    /// ```
    /// use raftlab::raft::MajorityConfig;
    /// let c = MajorityConfig::new([1, 2, 3, 4, 5]);
    /// let matched = |id| [9, 7, 7, 3, 1].get(id as usize - 1).copied();
    /// assert_eq!(c.committed_index(matched), 7);
    /// ```
    pub fn committed_index(&self, matched: impl Fn(NodeId) -> Option<Index>) -> Index {
        if self.voters.is_empty() {
            return Index::MAX;
        }
        let mut m: Vec<Index> = self
            .voters
            .iter()
            .map(|&v| matched(v).unwrap_or(0))
            .collect();
        crate::sort::sort_by(&mut m, |a, b| b.cmp(a));
        m[self.quorum_size() - 1]
    }
}

/// The configuration a node decides under: `incoming` always, and during
/// joint consensus `outgoing` as well (thesis §4.3: C_old,new).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct JointConfig {
    /// C_new (or the only configuration outside joint consensus).
    pub incoming: MajorityConfig,
    /// C_old during joint consensus; empty otherwise.
    pub outgoing: MajorityConfig,
}

impl JointConfig {
    /// A simple (non-joint) configuration of these voters.
    pub fn simple(voters: impl IntoIterator<Item = NodeId>) -> JointConfig {
        JointConfig {
            incoming: MajorityConfig::new(voters),
            outgoing: MajorityConfig::default(),
        }
    }

    /// Whether this is a joint configuration (C_old,new).
    pub fn is_joint(&self) -> bool {
        !self.outgoing.is_empty()
    }

    /// Every voter of either half, ascending, once each.
    pub fn voters(&self) -> VecSet<NodeId> {
        self.incoming
            .voters()
            .chain(self.outgoing.voters())
            .collect()
    }

    /// Whether `id` votes in either half.
    pub fn contains(&self, id: NodeId) -> bool {
        self.incoming.contains(id) || self.outgoing.contains(id)
    }

    /// Whether the set for which `yes` holds is a majority of every half.
    pub fn is_quorum(&self, yes: impl Fn(NodeId) -> bool) -> bool {
        self.incoming.is_quorum(&yes) && self.outgoing.is_quorum(&yes)
    }

    /// Votes counted in both halves: won only if won in both, lost if lost in
    /// either (thesis §4.3).
    pub fn vote_result(&self, vote: impl Fn(NodeId) -> Option<bool>) -> VoteResult {
        match (
            self.incoming.vote_result(&vote),
            self.outgoing.vote_result(&vote),
        ) {
            (VoteResult::Won, VoteResult::Won) => VoteResult::Won,
            (VoteResult::Lost, _) | (_, VoteResult::Lost) => VoteResult::Lost,
            _ => VoteResult::Pending,
        }
    }

    /// The highest index matched by a majority of both halves: the smaller
    /// of the two halves' answers.
    pub fn committed_index(&self, matched: impl Fn(NodeId) -> Option<Index>) -> Index {
        self.incoming
            .committed_index(&matched)
            .min(self.outgoing.committed_index(&matched))
    }

    /// The quorum size of the incoming half (what a simple configuration
    /// needs; during joint consensus both halves' sizes matter, see
    /// [`JointConfig::outgoing`]).
    pub fn quorum_size(&self) -> usize {
        self.incoming.quorum_size()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn majority_sizes() {
        for (n, q) in [(0, 0), (1, 1), (2, 2), (3, 2), (4, 3), (5, 3), (9, 5)] {
            assert_eq!(
                MajorityConfig::new(1..=n).quorum_size(),
                q as usize,
                "n={n}"
            );
        }
    }

    #[test]
    fn vote_result_counts_only_voters() {
        let c = MajorityConfig::new([1, 2, 3]);
        let votes = |id| match id {
            1 => Some(true),
            4 => Some(true), // a learner's or stranger's vote never counts
            _ => None,
        };
        assert_eq!(c.vote_result(votes), VoteResult::Pending);
        assert_eq!(c.vote_result(|id| Some(id <= 2)), VoteResult::Won);
        assert_eq!(c.vote_result(|id| Some(id == 1)), VoteResult::Lost);
    }

    #[test]
    fn joint_needs_both_halves() {
        let j = JointConfig {
            incoming: MajorityConfig::new([3, 4, 5]),
            outgoing: MajorityConfig::new([1, 2, 3]),
        };
        // {1,2,3} is a majority of C_old but holds only n3 of C_new.
        assert!(!j.is_quorum(|id| id <= 3));
        assert!(j.is_quorum(|id| (2..=4).contains(&id)));
        assert_eq!(j.vote_result(|id| Some(id <= 3)), VoteResult::Lost);
        let matched = |id: NodeId| Some([9, 9, 5, 4, 1][id as usize - 1]);
        assert_eq!(j.committed_index(matched), 4);
        assert_eq!(JointConfig::simple([1, 2, 3]).committed_index(matched), 9);
    }
}
