//! Membership change on a node (thesis chapter 4): proposing a configuration
//! entry, adopting the latest configuration in the log (§4.1), keeping the
//! leader's replication targets in step, leaving joint consensus (§4.3) and a
//! removed leader stepping down (§4.2.2). The arithmetic of who counts is in
//! `quorum.rs`; what a change leads to, and whether it is allowed, in
//! `membership.rs`.

use super::config::UnsafeSwitch;
use super::event::{ConfigCause, Event, NoCampaign, RoleCause};
use super::log::EntryData;
use super::membership::{ConfChange, ConfChangeError, ConfigEntry, Membership};
use super::node::Node;
use super::state::{Progress, Role};
use super::types::{Index, Term};
use super::unsafe_rule::UnsafeRule;

impl Node {
    /// A configuration change (thesis §4.2, §4.3): the leader validates it,
    /// appends the resulting configuration as an entry, uses it at once
    /// (§4.1) and replicates it. One change at a time: while the latest
    /// configuration entry is uncommitted every change is refused. On any
    /// refusal nothing changes.
    pub fn propose_conf_change(
        &mut self,
        change: ConfChange,
    ) -> Result<(Index, Term), ConfChangeError> {
        self.check_conf_change(&change).map(|next| {
            if matches!(change, ConfChange::ChangeVoters(_)) && !next.is_joint() {
                // Only the unsafe switch skips C_old,new for a voter change.
                let rule = UnsafeRule::OneStepMembershipChange {
                    from: self.membership.voters.incoming.voters().collect(),
                    to: next.voters.incoming.voters().collect(),
                };
                self.events.push(Event::UnsafeRuleBroken { rule });
            }
            let cause = ConfigCause::Proposed(change.clone());
            self.append_config(change, next, cause)
        })
    }

    /// What [`Node::propose_conf_change`] would do, without doing it: the
    /// resulting configuration, or why it is refused.
    pub fn check_conf_change(&self, change: &ConfChange) -> Result<Membership, ConfChangeError> {
        if self.role != Role::Leader {
            return Err(ConfChangeError::NotLeader {
                leader: self.leader_id,
            });
        }
        if self.membership_index > self.commit_index {
            return Err(ConfChangeError::ChangePending {
                index: self.membership_index,
            });
        }
        let one_step = self.config.is_unsafe(UnsafeSwitch::OneStepMembershipChange);
        self.membership.apply(change, one_step)
    }

    /// Whether the latest configuration entry is not yet committed here.
    pub fn config_change_pending(&self) -> bool {
        self.membership_index > self.commit_index
    }

    fn append_config(
        &mut self,
        change: ConfChange,
        membership: Membership,
        cause: ConfigCause,
    ) -> (Index, Term) {
        let term = self.persistent.current_term;
        let entry = ConfigEntry {
            change,
            membership: membership.clone(),
        };
        let index = self.persistent.log.append(term, EntryData::from(entry));
        self.adopt(index, membership, cause);
        self.broadcast_append_new_entries();
        self.maybe_commit();
        (index, term)
    }

    /// Re-reads the configuration in force from the log (after entries were
    /// appended or truncated): the latest configuration entry, or, when the
    /// log holds none, the snapshot's or the base configuration (thesis §4.1).
    pub(super) fn refresh_membership(&mut self, cause: Option<ConfigCause>) {
        let (index, membership) = match self.persistent.log.last_config() {
            Some((i, c)) => (i, c.membership.clone()),
            None => self.compacted_membership(), // thesis §5.1: the snapshot's
        };
        if index == self.membership_index && membership == self.membership {
            return;
        }
        let cause = cause.unwrap_or(if index < self.membership_index {
            ConfigCause::Reverted
        } else {
            ConfigCause::Replicated
        });
        self.adopt(index, membership, cause);
    }

    fn adopt(&mut self, index: Index, membership: Membership, cause: ConfigCause) {
        self.peers = membership.members().into_iter().collect();
        self.membership = membership.clone();
        self.membership_index = index;
        self.events.push(Event::ConfigAdopted {
            index,
            membership,
            cause,
        });
        if self.role == Role::Leader {
            self.sync_progress();
        }
    }

    /// The leader replicates to every member of the configuration in force;
    /// a server that left keeps receiving entries until the configuration
    /// without it commits, so that it learns it was removed (§4.2.2).
    pub(super) fn sync_progress(&mut self) {
        let next_index = self.persistent.log.last_index() + 1;
        let new: Vec<_> = self
            .others()
            .filter(|p| !self.progress.contains_key(p))
            .collect();
        for &peer in &new {
            self.progress.insert(
                peer,
                Progress {
                    next_index,
                    match_index: 0,
                    recent_active: true,
                },
            );
            // Probe at once: the answer tells where the new member's log ends.
            self.send_append(peer, true);
        }
        if self.commit_index >= self.membership_index {
            let membership = &self.membership;
            self.progress.retain(|&p, _| membership.contains(p));
        }
    }

    /// Leader duties once the commit index moved: when the configuration in
    /// force has committed, leave joint consensus (thesis §4.3), or step down
    /// if this leader is not one of its voters (§4.2.2).
    pub(super) fn after_commit(&mut self) {
        if self.role != Role::Leader || self.commit_index < self.membership_index {
            return;
        }
        self.sync_progress();
        if self.membership.is_joint() {
            if let Ok(next) = self.membership.apply(&ConfChange::LeaveJoint, false) {
                self.append_config(ConfChange::LeaveJoint, next, ConfigCause::AutoLeaveJoint);
            }
        } else if !self.membership.is_voter(self.id) && self.membership_index > 0 {
            // Tell the remaining servers the commit index before leaving.
            self.broadcast_append();
            let term = self.persistent.current_term;
            let index = self.membership_index;
            self.become_follower(term, None, RoleCause::RemovedFromConfig { index });
        }
    }

    /// Whether this server may campaign: voters of its configuration do,
    /// learners never (thesis §4.2.1). A server left out of its latest
    /// configuration still campaigns while that configuration is not known
    /// to be committed, since it may be needed to commit it (thesis §4.2.2);
    /// its own vote then does not count. If not, the timer is reset and the
    /// reason recorded.
    pub(super) fn may_campaign(&mut self) -> bool {
        let uncommitted = self.membership_index > self.commit_index;
        if self.membership.is_voter(self.id)
            || (uncommitted && !self.membership.is_learner(self.id))
        {
            return true;
        }
        let reason = if self.membership.is_learner(self.id) {
            NoCampaign::Learner
        } else {
            NoCampaign::NotAVoter
        };
        self.reset_election_timer();
        self.events.push(Event::CampaignSkipped { reason });
        false
    }
}
