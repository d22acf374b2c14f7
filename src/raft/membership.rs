//! Cluster membership (thesis chapter 4): who votes, who only listens, and the
//! changes a leader may make to that.
//!
//! A [`Membership`] is a configuration: the voters as a [`JointConfig`] (one
//! set, or C_old,new during joint consensus, thesis §4.3) plus the learners —
//! non-voting members that receive the log but count in no quorum and never
//! campaign (thesis §4.2.1). A configuration travels in the log as an entry
//! ([`ConfigEntry`]); a server always uses the latest one in its log, committed
//! or not (thesis §4.1). A snapshot carries the configuration it covers.
//!
//! [`Membership::apply`] is the one place that validates a [`ConfChange`]:
//! every refusal is a [`ConfChangeError`] and leaves everything unchanged.

use super::quorum::{JointConfig, MajorityConfig};
use super::types::{Index, NodeId};
use crate::vec_map::VecSet;
use serde::{Deserialize, Serialize};

/// The most servers a configuration may name (voters and learners): what the
/// cluster view can draw.
pub const MAX_MEMBERS: usize = 9;

/// A cluster configuration: voters (possibly joint) and learners.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Membership {
    /// The voters: C_new alone, or C_old,new during joint consensus.
    pub voters: JointConfig,
    /// Non-voting members (thesis §4.2.1); never also voters.
    pub learners: VecSet<NodeId>,
}

/// A change a leader can propose (thesis §4.2, §4.3).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConfChange {
    /// A new server joins as a learner, to catch up before it votes (§4.2.1).
    AddLearner(NodeId),
    /// A caught-up learner becomes a voter: a single-server addition (§4.2.2).
    Promote(NodeId),
    /// A voter or learner leaves: for a voter, a single-server removal (§4.2.2).
    Remove(NodeId),
    /// Move to these voters through joint consensus C_old,new (§4.3); with the
    /// unsafe `one-step-membership-change` switch, straight to C_new instead.
    ChangeVoters(VecSet<NodeId>),
    /// Leave joint consensus for C_new (appended automatically once C_old,new
    /// commits, §4.3).
    LeaveJoint,
}

impl std::fmt::Display for ConfChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfChange::AddLearner(n) => write!(f, "add learner n{n}"),
            ConfChange::Promote(n) => write!(f, "promote n{n}"),
            ConfChange::Remove(n) => write!(f, "remove n{n}"),
            ConfChange::ChangeVoters(v) => write!(f, "voters → {}", fmt_set(v.iter().copied())),
            ConfChange::LeaveJoint => write!(f, "leave joint"),
        }
    }
}

/// A configuration entry's payload: the change asked for and the whole
/// configuration that results (so a server never needs older entries to know
/// its configuration, and a truncation simply reverts to the previous one).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ConfigEntry {
    /// What was asked.
    pub change: ConfChange,
    /// The configuration in force once this entry is in a log.
    pub membership: Membership,
}

/// Why a configuration change was refused. Nothing changes on a refusal.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConfChangeError {
    /// Only the leader changes the configuration.
    NotLeader {
        /// The leader this node follows, if known.
        leader: Option<NodeId>,
    },
    /// The change would leave no voter (in C_new).
    NoVoterLeft,
    /// A configuration entry is not yet committed: one change at a time
    /// (thesis §4.1, §4.2.2).
    ChangePending {
        /// Index of the uncommitted configuration entry.
        index: Index,
    },
    /// In joint consensus, only leaving it is allowed (§4.3).
    InJointConsensus,
    /// The server is not a member.
    UnknownNode {
        /// The id given.
        node: NodeId,
    },
    /// The server is already a member.
    AlreadyMember {
        /// The id given.
        node: NodeId,
    },
    /// Only a learner can be promoted.
    NotALearner {
        /// The id given.
        node: NodeId,
    },
    /// A voter set may only name current members; new servers join as
    /// learners first (§4.2.1).
    NotAMember {
        /// The id given.
        node: NodeId,
    },
    /// The configuration would name more servers than the view can draw.
    TooManyServers {
        /// The limit.
        max: usize,
    },
    /// The voters asked for are the voters already in force.
    NoChange,
    /// Not in joint consensus, so there is nothing to leave.
    NotJoint,
}

impl std::fmt::Display for ConfChangeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfChangeError::NotLeader { leader: Some(l) } => {
                write!(f, "only the leader changes the configuration; try n{l}")
            }
            ConfChangeError::NotLeader { leader: None } => {
                write!(f, "only the leader changes the configuration; no leader known")
            }
            ConfChangeError::NoVoterLeft => write!(f, "the change would leave no voter"),
            ConfChangeError::ChangePending { index } => write!(
                f,
                "the configuration change at index {index} is not committed yet: one change at a time"
            ),
            ConfChangeError::InJointConsensus => {
                write!(f, "in joint consensus: wait until C_new is in force")
            }
            ConfChangeError::UnknownNode { node } => write!(f, "n{node} is not a member"),
            ConfChangeError::AlreadyMember { node } => write!(f, "n{node} is already a member"),
            ConfChangeError::NotALearner { node } => write!(f, "n{node} is not a learner"),
            ConfChangeError::NotAMember { node } => {
                write!(f, "n{node} must join as a learner before it can vote")
            }
            ConfChangeError::TooManyServers { max } => {
                write!(f, "a cluster has at most {max} servers")
            }
            ConfChangeError::NoChange => write!(f, "those are already the voters"),
            ConfChangeError::NotJoint => write!(f, "not in joint consensus"),
        }
    }
}

impl std::error::Error for ConfChangeError {}

/// Formats ids as `{n1, n2}`.
pub fn fmt_set(ids: impl Iterator<Item = NodeId>) -> String {
    let names: Vec<String> = ids.map(|n| format!("n{n}")).collect();
    format!("{{{}}}", names.join(", "))
}

impl Membership {
    /// A simple configuration of these voters, no learners.
    pub fn simple(voters: impl IntoIterator<Item = NodeId>) -> Membership {
        Membership {
            voters: JointConfig::simple(voters),
            learners: VecSet::new(),
        }
    }

    /// Whether this is C_old,new (thesis §4.3).
    pub fn is_joint(&self) -> bool {
        self.voters.is_joint()
    }

    /// Whether `id` votes (in either half).
    pub fn is_voter(&self, id: NodeId) -> bool {
        self.voters.contains(id)
    }

    /// Whether `id` is a learner.
    pub fn is_learner(&self, id: NodeId) -> bool {
        self.learners.contains(&id)
    }

    /// Whether `id` is a member at all.
    pub fn contains(&self, id: NodeId) -> bool {
        self.is_voter(id) || self.is_learner(id)
    }

    /// Every member, voters and learners, ascending.
    pub fn members(&self) -> VecSet<NodeId> {
        let mut all = self.voters.voters();
        all.extend(self.learners.iter().copied());
        all
    }

    /// The configuration that `change` leads to, or why it is refused.
    /// `one_step` is the unsafe teaching switch: a voter change then skips
    /// joint consensus. (Whether a change is already pending is the leader's
    /// question, see `Node::propose_conf_change`.)
    pub fn apply(
        &self,
        change: &ConfChange,
        one_step: bool,
    ) -> Result<Membership, ConfChangeError> {
        if self.is_joint() && *change != ConfChange::LeaveJoint {
            return Err(ConfChangeError::InJointConsensus);
        }
        let mut next = self.clone();
        match change {
            ConfChange::AddLearner(n) => {
                if self.contains(*n) {
                    return Err(ConfChangeError::AlreadyMember { node: *n });
                }
                if self.members().len() >= MAX_MEMBERS {
                    return Err(ConfChangeError::TooManyServers { max: MAX_MEMBERS });
                }
                next.learners.insert(*n);
            }
            ConfChange::Promote(n) => {
                if !self.is_learner(*n) {
                    return Err(if self.is_voter(*n) {
                        ConfChangeError::NotALearner { node: *n }
                    } else {
                        ConfChangeError::UnknownNode { node: *n }
                    });
                }
                next.learners.remove(n);
                let voters = self.voters.incoming.voters().chain([*n]);
                next.voters = JointConfig::simple(voters);
            }
            ConfChange::Remove(n) => {
                if !self.contains(*n) {
                    return Err(ConfChangeError::UnknownNode { node: *n });
                }
                next.learners.remove(n);
                let voters = self.voters.incoming.voters().filter(|v| v != n);
                next.voters = JointConfig::simple(voters);
                if next.voters.incoming.is_empty() {
                    return Err(ConfChangeError::NoVoterLeft);
                }
            }
            ConfChange::ChangeVoters(voters) => {
                if voters.is_empty() {
                    return Err(ConfChangeError::NoVoterLeft);
                }
                if let Some(&n) = voters.iter().find(|&&n| !self.contains(n)) {
                    return Err(ConfChangeError::NotAMember { node: n });
                }
                let incoming = MajorityConfig::new(voters.iter().copied());
                if incoming == self.voters.incoming {
                    return Err(ConfChangeError::NoChange);
                }
                // Former voters leaving C_new stay as learners only if they
                // were learners; they simply leave. New voters stop being learners.
                next.learners.retain(|l| !voters.contains(l));
                next.voters = JointConfig {
                    incoming,
                    outgoing: if one_step {
                        MajorityConfig::default()
                    } else {
                        self.voters.incoming.clone()
                    },
                };
            }
            ConfChange::LeaveJoint => {
                if !self.is_joint() {
                    return Err(ConfChangeError::NotJoint);
                }
                next.voters.outgoing = MajorityConfig::default();
            }
        }
        Ok(next)
    }
}

impl std::fmt::Display for Membership {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_joint() {
            write!(
                f,
                "C_old,new = {} + {}",
                fmt_set(self.voters.outgoing.voters()),
                fmt_set(self.voters.incoming.voters())
            )?;
        } else {
            write!(f, "voters {}", fmt_set(self.voters.incoming.voters()))?;
        }
        if !self.learners.is_empty() {
            write!(f, ", learners {}", fmt_set(self.learners.iter().copied()))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(ids: &[NodeId]) -> VecSet<NodeId> {
        ids.iter().copied().collect()
    }

    #[test]
    fn learner_then_promote_then_remove() {
        let m = Membership::simple([1, 2, 3]);
        let m = m.apply(&ConfChange::AddLearner(4), false).unwrap();
        assert!(m.is_learner(4) && !m.is_voter(4));
        let m = m.apply(&ConfChange::Promote(4), false).unwrap();
        assert_eq!(m, Membership::simple([1, 2, 3, 4]));
        let m = m.apply(&ConfChange::Remove(1), false).unwrap();
        assert_eq!(m, Membership::simple([2, 3, 4]));
    }

    #[test]
    fn refusals_are_typed() {
        let m = Membership::simple([1]);
        assert_eq!(
            m.apply(&ConfChange::Remove(1), false),
            Err(ConfChangeError::NoVoterLeft)
        );
        assert_eq!(
            m.apply(&ConfChange::Remove(7), false),
            Err(ConfChangeError::UnknownNode { node: 7 })
        );
        assert_eq!(
            m.apply(&ConfChange::AddLearner(1), false),
            Err(ConfChangeError::AlreadyMember { node: 1 })
        );
        assert_eq!(
            m.apply(&ConfChange::Promote(1), false),
            Err(ConfChangeError::NotALearner { node: 1 })
        );
        assert_eq!(
            m.apply(&ConfChange::ChangeVoters(set(&[1, 2])), false),
            Err(ConfChangeError::NotAMember { node: 2 })
        );
        let full = Membership::simple(1..=9);
        assert_eq!(
            full.apply(&ConfChange::AddLearner(10), false),
            Err(ConfChangeError::TooManyServers { max: 9 })
        );
        assert!(ConfChangeError::NoVoterLeft
            .to_string()
            .contains("no voter"));
    }

    #[test]
    fn joint_then_leave_section_4_3() {
        let m = Membership::simple([1, 2, 3])
            .apply(&ConfChange::AddLearner(4), false)
            .unwrap()
            .apply(&ConfChange::AddLearner(5), false)
            .unwrap();
        let joint = m
            .apply(&ConfChange::ChangeVoters(set(&[3, 4, 5])), false)
            .unwrap();
        assert!(joint.is_joint());
        assert_eq!(joint.voters.outgoing, MajorityConfig::new([1, 2, 3]));
        assert!(joint.learners.is_empty());
        assert_eq!(
            joint.apply(&ConfChange::Promote(4), false),
            Err(ConfChangeError::InJointConsensus)
        );
        let new = joint.apply(&ConfChange::LeaveJoint, false).unwrap();
        assert_eq!(new, Membership::simple([3, 4, 5]));
        assert_eq!(
            new.apply(&ConfChange::LeaveJoint, false),
            Err(ConfChangeError::NotJoint)
        );
        // The unsafe switch goes straight to C_new.
        let one = m
            .apply(&ConfChange::ChangeVoters(set(&[1, 2, 3, 4, 5])), true)
            .unwrap();
        assert_eq!(one, Membership::simple([1, 2, 3, 4, 5]));
        assert_eq!(one.to_string(), "voters {n1, n2, n3, n4, n5}");
        assert_eq!(joint.to_string(), "C_old,new = {n1, n2, n3} + {n3, n4, n5}");
    }
}
