//! What a node *is*, as the view and scenario conditions see it: its status
//! wins over its Raft role (a crashed node has no role worth showing; a
//! paused one keeps its role underneath). A typed key: the only strings are
//! [`RoleKey::name`] (the `data-role` value) and the translations in
//! `view::i18n`.

use super::node_slot::NodeStatus;
use crate::raft::Role;
use serde::{Deserialize, Serialize};

/// A node's role key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RoleKey {
    /// Up, following.
    Follower,
    /// Up, asking for pre-votes (thesis §9.6).
    PreCandidate,
    /// Up, campaigning (§5.2).
    Candidate,
    /// Up, leading.
    Leader,
    /// Crashed.
    Crashed,
    /// Paused (its Raft role is kept underneath).
    Paused,
}

impl RoleKey {
    /// Every key, in the legend's order.
    pub const ALL: [RoleKey; 6] = [
        RoleKey::Follower,
        RoleKey::PreCandidate,
        RoleKey::Candidate,
        RoleKey::Leader,
        RoleKey::Crashed,
        RoleKey::Paused,
    ];

    /// The key of a node in `status` with Raft role `role`.
    pub fn of(status: NodeStatus, role: Role) -> RoleKey {
        match status {
            NodeStatus::Crashed => RoleKey::Crashed,
            NodeStatus::Paused => RoleKey::Paused,
            NodeStatus::Up => RoleKey::from(role),
        }
    }

    /// The stable name (`data-role`; part of the automation contract):
    /// `follower`, `precandidate`, `candidate`, `leader` (as
    /// [`Role::name`]), `crashed`, `paused` (as [`NodeStatus::name`]).
    pub fn name(self) -> &'static str {
        match self {
            RoleKey::Follower => Role::Follower.name(),
            RoleKey::PreCandidate => Role::PreCandidate.name(),
            RoleKey::Candidate => Role::Candidate.name(),
            RoleKey::Leader => Role::Leader.name(),
            RoleKey::Crashed => NodeStatus::Crashed.name(),
            RoleKey::Paused => NodeStatus::Paused.name(),
        }
    }
}

impl From<Role> for RoleKey {
    fn from(role: Role) -> RoleKey {
        match role {
            Role::Follower => RoleKey::Follower,
            Role::PreCandidate => RoleKey::PreCandidate,
            Role::Candidate => RoleKey::Candidate,
            Role::Leader => RoleKey::Leader,
        }
    }
}

impl std::fmt::Display for RoleKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_wins_over_role_and_names_are_the_data_role_values() {
        assert_eq!(RoleKey::of(NodeStatus::Up, Role::Leader), RoleKey::Leader);
        assert_eq!(
            RoleKey::of(NodeStatus::Paused, Role::Leader),
            RoleKey::Paused
        );
        assert_eq!(
            RoleKey::of(NodeStatus::Crashed, Role::Candidate),
            RoleKey::Crashed
        );
        let names: Vec<&str> = RoleKey::ALL.iter().map(|k| k.name()).collect();
        assert_eq!(
            names,
            [
                "follower",
                "precandidate",
                "candidate",
                "leader",
                "crashed",
                "paused"
            ]
        );
    }
}
