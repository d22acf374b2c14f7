//! Membership changes in chaos (thesis chapter 4): servers join as learners,
//! are promoted, removed (and later shut down) and voter sets change through
//! joint consensus; and the Figure 10 pattern — learners on the leader's side
//! of a partition, the rest of C_old on the other, then a change to every
//! member — which joint consensus survives and the unsafe one-step change
//! does not (two leaders in one term).

use super::schedule::Schedule;
use crate::raft::{Membership, NodeId, MAX_MEMBERS};
use crate::sim::action::Action;
use crate::sim::history::Simulation;
use crate::sim::world::{NodeStatus, World};

impl Schedule {
    /// This tick's membership change, if any (only when enabled).
    pub(super) fn membership(&mut self, sim: &mut Simulation) {
        if self.membership_permille == 0
            || !self.member_rng.chance_permille(self.membership_permille)
        {
            return;
        }
        let w = sim.world();
        let Some(leader) = w.leader() else {
            return;
        };
        let Ok(slot) = w.slot(leader) else {
            return;
        };
        let m = slot.node.membership().clone();
        let members: Vec<NodeId> = m.members().into_iter().collect();
        let learners: Vec<NodeId> = m.learners.iter().copied().collect();
        let room = w.nodes().len() < MAX_MEMBERS;
        let tick = w.tick();
        let et = u64::from(w.config().raft.election_timeout);
        let roll = self.member_rng.range(0, 100);
        let actions = match roll {
            0..=24 if room => vec![Action::AddServer],
            25..=44 => self
                .pick_m(&learners)
                .map(Action::Promote)
                .into_iter()
                .collect(),
            45..=59 => {
                let Some(n) = self.pick_m(&members) else {
                    return;
                };
                // Once removed, the operator shuts the server down (§4.2.2).
                let later = tick + self.member_rng.range(2 * et, 6 * et);
                if sim.act(Action::RemoveServer(n)).is_ok() {
                    self.plan(later, Action::Crash(n));
                }
                return;
            }
            60..=74 => {
                let voters: Vec<NodeId> = members
                    .iter()
                    .copied()
                    .filter(|_| self.member_rng.chance_permille(600))
                    .collect();
                vec![Action::ChangeVoters(voters)]
            }
            _ => self.figure_10(w, leader, &m, room),
        };
        for a in actions {
            let _ = sim.act(a);
        }
    }

    fn pick_m(&mut self, xs: &[NodeId]) -> Option<NodeId> {
        (!xs.is_empty()).then(|| xs[self.member_rng.range(0, xs.len() as u64) as usize])
    }

    /// Paper Figure 10: the leader and the learners (C_new's majority) are
    /// cut off from the rest of C_old (C_old's majority), the leader changes
    /// the voters to every member, and each side campaigns. Adds learners
    /// first until there are enough.
    fn figure_10(&mut self, w: &World, leader: NodeId, m: &Membership, room: bool) -> Vec<Action> {
        let old: Vec<NodeId> = m.voters.incoming.voters().collect();
        let learners: Vec<NodeId> = m.learners.iter().copied().collect();
        let (v, l) = (old.len(), learners.len());
        // {leader} ∪ learners must be a majority of C_new = old ∪ learners,
        // and old \ {leader} a majority of C_old.
        let enough = v >= 3 && 1 + l > (v + l) / 2 && v - 1 > v / 2;
        if !enough {
            return if room {
                vec![Action::AddServer]
            } else {
                Vec::new()
            };
        }
        let a: Vec<NodeId> = std::iter::once(leader)
            .chain(learners.iter().copied())
            .collect();
        let b: Vec<NodeId> = old.iter().copied().filter(|&n| n != leader).collect();
        let rest: Vec<NodeId> = w
            .nodes()
            .iter()
            .map(|s| s.node.id())
            .filter(|id| !a.contains(id) && !b.contains(id))
            .collect();
        let tick = w.tick();
        let lat = u64::from(w.config().network.latency_max);
        let et = u64::from(w.config().raft.election_timeout);
        if let Some(c) = self.pick_m(&b) {
            self.plan(tick + 1, Action::Campaign(c));
        }
        if let Some(c) = self.pick_m(&learners) {
            self.plan(tick + 2 * lat + 2, Action::Campaign(c));
        }
        self.plan(tick + 6 * et, Action::Recover);
        let mut groups = vec![a, b];
        if !rest.is_empty() {
            groups.push(rest);
        }
        let all: Vec<NodeId> = m.members().into_iter().collect();
        vec![Action::Partition(groups), Action::ChangeVoters(all)]
    }
}

/// Plays the operator after healing (thesis §4.2.2): shuts down every
/// running server outside the configuration the cluster is moving to, and
/// restarts every crashed member of it. That configuration is the leader's
/// once committed, else (no leader) the latest one in the most up-to-date log
/// (§5.4.1), whose owner is kept running even if it left (it may be needed to
/// commit its removal, §4.2.2). A removed server that missed
/// its removal would otherwise disrupt elections forever unless PreVote or
/// CheckQuorum's lease stops it (§4.2.3).
pub fn tend_membership(sim: &mut Simulation) {
    let w = sim.world();
    let target = match w.leader().and_then(|l| w.slot(l).ok()) {
        Some(l) if l.node.config_change_pending() => return,
        Some(l) => &l.node,
        None => match w
            .nodes()
            .iter()
            .max_by_key(|s| (s.node.log().last_term(), s.node.log().last_index()))
        {
            Some(s) => &s.node,
            None => return,
        },
    };
    let (m, keep) = (target.membership().clone(), target.id());
    let actions: Vec<Action> = w
        .nodes()
        .iter()
        .filter_map(|s| match (s.status, m.contains(s.node.id())) {
            (NodeStatus::Crashed, true) => Some(Action::Restart(s.node.id())),
            (NodeStatus::Up | NodeStatus::Paused, false) if s.node.id() != keep => {
                Some(Action::Crash(s.node.id()))
            }
            _ => None,
        })
        .collect();
    for a in actions {
        let _ = sim.act(a);
    }
}
