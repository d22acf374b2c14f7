//! CheckQuorum (thesis §6.2) as a sliding window: a leader steps down as soon
//! as one election timeout has passed in which it heard from no majority of
//! its configuration. The window starts when it becomes leader, so a leader
//! elected a moment ago is held to the same rule as an old one (etcd checks
//! in rounds and lets a new leader count everyone as heard in its first
//! round, which can keep an isolated leader for almost two timeouts).

use super::event::RoleCause;
use super::node::Node;
use super::types::NodeId;
use crate::vec_map::VecMap;
use serde::{Deserialize, Serialize};

/// When the leader last heard from each follower, in ticks of its own clock.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// The tick this node became leader (the window's earliest start).
    pub(super) elected_at: u64,
    /// Per follower, the tick of its latest answer in the current term.
    pub(super) heard_at: VecMap<NodeId, u64>,
}

impl Node {
    /// A leader's clock starts a fresh window: nobody heard from yet.
    pub(super) fn reset_contact(&mut self) {
        self.contact = Contact {
            elected_at: self.clock,
            heard_at: VecMap::new(),
        };
    }

    /// A current-term answer from `peer` reached the leader.
    pub(super) fn heard_from(&mut self, peer: NodeId) {
        self.contact.heard_at.insert(peer, self.clock);
        if let Some(pr) = self.progress.get_mut(&peer) {
            pr.recent_active = true;
        }
    }

    /// The voters heard from within the last election timeout, self included
    /// (sorted).
    pub fn heard_within_window(&self) -> Vec<NodeId> {
        let window = u64::from(self.config.election_timeout);
        let mut heard: Vec<NodeId> = self
            .contact
            .heard_at
            .iter()
            .filter(|&(_, &at)| self.clock - at < window)
            .map(|(&p, _)| p)
            .collect();
        heard.push(self.id);
        crate::sort::sort(&mut heard);
        heard
    }

    /// Ticks since the leader's window could first be judged: a leader is
    /// only checked once it has led for a whole election timeout.
    pub fn ticks_as_leader(&self) -> u64 {
        self.clock - self.contact.elected_at
    }

    /// Thesis §6.2, checked every leader tick: returns false if the leader
    /// stepped down because no majority was heard from in the window.
    pub(super) fn check_quorum_window(&mut self) -> bool {
        let heard = self.heard_within_window();
        for (peer, pr) in self.progress.iter_mut() {
            pr.recent_active = heard.contains(peer);
        }
        if self.ticks_as_leader() < u64::from(self.config.election_timeout)
            || self.voter_config().is_quorum(|id| heard.contains(&id))
        {
            return true;
        }
        let term = self.persistent.current_term;
        self.become_follower(term, None, RoleCause::LostQuorum { heard_from: heard });
        false
    }
}
