//! What the static layer of the ring shows (issue 15, "the static cluster
//! layer untouched while only messages move"): every node's role, term,
//! vote, tally, commit index and membership, every link's state, the
//! partition groups and the delivery mode — and nothing that moves with the
//! clock. The ring rebuilds these facts every frame (cheap: no strings) and
//! its static layer and the node labels re-render only when they differ.

use super::{partition_groups, role_key, vote_marks, Group, VoteMark};
use crate::raft::{Index, NodeId, Role, Term};
use crate::sim::{NodeStatus, RoleKey, World};
use crate::view::links::LinkState;
use crate::view::membership_view::{cluster_config, member_kind, MemberKind};

/// A (pre-)candidate's tally as the ring draws it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TallyFacts {
    /// One mark per member, in id order.
    pub marks: Vec<VoteMark>,
    /// Votes granted so far.
    pub granted: usize,
    /// Votes needed.
    pub quorum: usize,
    /// Pre-votes rather than votes.
    pub pre_vote: bool,
}

/// One node as the static layer draws it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeFacts {
    /// Its id.
    pub id: NodeId,
    /// Role, or crashed / paused (`data-role`).
    pub key: RoleKey,
    /// The Raft role underneath.
    pub role: Role,
    /// Current term.
    pub term: Term,
    /// Commit index (`None` while crashed).
    pub commit: Option<Index>,
    /// Whom it voted for this term.
    pub voted_for: Option<NodeId>,
    /// The tally, while an up (pre-)candidate.
    pub tally: Option<TallyFacts>,
    /// Voter, learner or outside the configuration shown.
    pub member: MemberKind,
}

/// Everything the static layer shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StaticFacts {
    /// The nodes, in ring order.
    pub nodes: Vec<NodeFacts>,
    /// Every link `a < b`, in the order `(1, 2), (1, 3), …, (n-1, n)`.
    pub links: Vec<LinkState>,
    /// The groups of a split network (empty while whole).
    pub groups: Vec<Group>,
    /// Manual delivery mode.
    pub manual: bool,
}

impl StaticFacts {
    /// The facts of `world` now.
    pub fn of(world: &World) -> StaticFacts {
        let slots = world.nodes();
        let net = world.network();
        let config = cluster_config(world);
        let nodes = slots
            .iter()
            .map(|s| {
                let node = &s.node;
                let role = node.role();
                let up = s.status != NodeStatus::Crashed;
                let tally =
                    (up && matches!(role, Role::PreCandidate | Role::Candidate)).then(|| {
                        let marks = vote_marks(node.members(), node.votes());
                        TallyFacts {
                            granted: marks.iter().filter(|m| **m == VoteMark::Granted).count(),
                            marks,
                            quorum: node.quorum(),
                            pre_vote: role == Role::PreCandidate,
                        }
                    });
                NodeFacts {
                    id: node.id(),
                    key: role_key(s.status, role),
                    role,
                    term: node.term(),
                    commit: s.commit_index(),
                    voted_for: node.voted_for(),
                    tally,
                    member: member_kind(config.as_ref(), node.id()),
                }
            })
            .collect();
        let n = slots.len() as NodeId;
        let mut links = Vec::with_capacity((n as usize) * (n as usize).saturating_sub(1) / 2);
        for a in 1..=n {
            for b in a + 1..=n {
                links.push(LinkState::of(net, a, b));
            }
        }
        let groups = if net.cut_links().next().is_some() {
            let ids: Vec<NodeId> = slots.iter().map(|s| s.node.id()).collect();
            partition_groups(net, &ids)
        } else {
            Vec::new()
        };
        StaticFacts {
            nodes,
            links,
            groups,
            manual: world.config().network.manual_delivery,
        }
    }

    /// The state of link `a–b` (either order); `Up` for a pair it does not hold.
    pub fn link(&self, a: NodeId, b: NodeId) -> LinkState {
        let (a, b) = (a.min(b), a.max(b));
        let n = self.nodes.len() as NodeId;
        if a < 1 || b > n || a == b {
            return LinkState::Up;
        }
        // Links before row `a`: (n-1) + (n-2) + … + (n-a+1).
        let row: NodeId = (1..a).map(|r| n - r).sum();
        self.links
            .get((row + (b - a - 1)) as usize)
            .copied()
            .unwrap_or(LinkState::Up)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{SimConfig, Simulation};

    fn sim(nodes: u32) -> Simulation {
        Simulation::new(SimConfig {
            nodes,
            ..SimConfig::default()
        })
        .unwrap()
    }

    #[test]
    fn link_lookup_matches_every_pair_in_either_order() {
        let mut s = sim(5);
        s.cut(2, 4).unwrap();
        s.cut_one_way(1, 5).unwrap();
        let f = StaticFacts::of(s.world());
        assert_eq!(f.links.len(), 10);
        for a in 1..=5 {
            for b in 1..=5 {
                if a == b {
                    continue;
                }
                let (lo, hi) = (a.min(b), a.max(b));
                assert_eq!(
                    f.link(a, b),
                    LinkState::of(s.world().network(), lo, hi),
                    "{a}-{b}"
                );
            }
        }
        assert_eq!(f.link(2, 4), LinkState::Cut);
        assert_eq!(f.link(5, 1), LinkState::OneWayBA);
        // Pairs it does not hold read as up.
        assert_eq!(f.link(0, 3), LinkState::Up);
        assert_eq!(f.link(3, 9), LinkState::Up);
    }

    #[test]
    fn facts_change_with_what_the_ring_shows_and_not_with_the_clock() {
        let mut s = sim(3);
        s.campaign(1).unwrap();
        s.run(100).unwrap();
        let leader = StaticFacts::of(s.world());
        assert_eq!(leader.nodes[0].key, RoleKey::Leader);
        assert_eq!(leader.nodes[0].term, 1);
        assert_eq!(leader.nodes[1].voted_for, Some(1));
        // Heartbeats come and go (messages in flight differ tick to tick);
        // nothing the static layer draws changes.
        let mut same = 0;
        let mut in_flight = Vec::new();
        for _ in 0..20 {
            s.run(1).unwrap();
            in_flight.push(s.world().network().in_flight().len());
            same += usize::from(StaticFacts::of(s.world()) == leader);
        }
        assert_eq!(same, 20);
        assert!(
            in_flight.iter().any(|&n| n != in_flight[0]),
            "{in_flight:?}"
        );
        // A crash does change them: the role, and the commit index is gone.
        s.crash(2).unwrap();
        let crashed = StaticFacts::of(s.world());
        assert_ne!(crashed, leader);
        assert_eq!(crashed.nodes[1].key, RoleKey::Crashed);
        assert_eq!(crashed.nodes[1].commit, None);
    }

    #[test]
    fn a_candidate_carries_its_tally_and_a_split_its_groups() {
        let mut s = sim(5);
        s.partition(&[&[1, 2], &[3, 4, 5]]).unwrap();
        s.campaign(1).unwrap();
        let f = StaticFacts::of(s.world());
        let t = f.nodes[0].tally.as_ref().expect("n1 campaigns");
        assert_eq!((t.granted, t.quorum, t.pre_vote), (1, 3, false));
        assert_eq!(t.marks.len(), 5);
        assert_eq!(f.groups.len(), 2);
        assert_eq!(f.groups.iter().filter(|g| g.majority).count(), 1);
    }
}
