//! Leader election (§5.2), the election restriction (§5.4.1) and PreVote
//! (thesis §9.6, in etcd's or the thesis's form: [`PreVoteMode`]).

use super::config::{PreVoteMode, UnsafeSwitch};
use super::event::{ConfigHalf, Event, RoleCause, VoteDenial};
use super::log::EntryData;
use super::message::MessageBody;
use super::node::Node;
use super::quorum::VoteResult;
use super::state::{Progress, Role};
use super::types::{LogPosition, NodeId, Term};
use super::unsafe_rule::UnsafeRule;

impl Node {
    /// The election timer fired: with PreVote, first ask for pre-votes without
    /// raising the term; otherwise start a real election (§5.2).
    pub(super) fn campaign(&mut self, cause: RoleCause) {
        if self.config.pre_vote {
            self.become_pre_candidate(cause);
        } else {
            self.become_candidate(cause);
        }
    }

    fn become_pre_candidate(&mut self, cause: RoleCause) {
        self.abandon_reads();
        self.leader_id = None;
        self.progress.clear();
        self.votes.clear();
        self.votes.insert(self.id, true);
        self.reset_election_timer();
        self.set_role(Role::PreCandidate, cause);
        // Terms stay far below u64::MAX (messages above MAX_TERM are
        // dropped), so this saturation never bites; it only rules out a wrap.
        let term = self.persistent.current_term.saturating_add(1);
        self.request_votes(term, true, false);
        self.check_election_won(true);
    }

    /// §5.2: increment currentTerm, vote for self, reset the election timer,
    /// send RequestVote to all other servers.
    fn become_candidate(&mut self, cause: RoleCause) {
        self.start_election(cause, false);
    }

    /// Leader transfer (thesis §3.10): campaign at once, skipping PreVote,
    /// with votes that pass the leader lease.
    pub(super) fn become_candidate_for_transfer(&mut self, cause: RoleCause) {
        self.start_election(cause, true);
    }

    fn start_election(&mut self, cause: RoleCause, leader_transfer: bool) {
        // No wrap and no second vote in one term: a node whose term cannot
        // grow any more does not campaign (unreachable below MAX_TERM).
        let Some(term) = self.persistent.current_term.checked_add(1) else {
            return;
        };
        self.abandon_reads();
        self.persistent.current_term = term;
        self.persistent.voted_for = Some(self.id);
        self.leader_id = None;
        self.progress.clear();
        self.votes.clear();
        self.votes.insert(self.id, true);
        self.reset_election_timer();
        self.set_role(Role::Candidate, cause);
        let term = self.persistent.current_term;
        self.request_votes(term, false, leader_transfer);
        self.check_election_won(false);
    }

    fn request_votes(&mut self, term: Term, pre_vote: bool, leader_transfer: bool) {
        let body = MessageBody::RequestVote {
            pre_vote,
            last_log: self.persistent.log.last_position(),
            leader_transfer,
        };
        // Only voters are asked (learners do not vote, thesis §4.2.1).
        let voters: Vec<NodeId> = self
            .membership
            .voters
            .voters()
            .into_iter()
            .filter(|&v| v != self.id)
            .collect();
        for peer in voters {
            self.send(peer, term, body.clone());
        }
    }

    /// Leader state on election (Figure 2): nextIndex = last log index + 1,
    /// matchIndex = 0 for every follower; then assert leadership at once.
    fn become_leader(&mut self, votes: Vec<NodeId>) {
        self.abandon_reads();
        self.transfer = None;
        self.leader_id = Some(self.id);
        self.votes.clear();
        self.heartbeat_elapsed = 0;
        self.election_elapsed = 0;
        self.last_hold = None;
        self.reset_contact();
        self.set_role(Role::Leader, RoleCause::WonElection { votes });
        let next_index = self.persistent.log.last_index() + 1;
        let others: Vec<NodeId> = self.others().collect();
        self.progress.clear();
        self.progress.extend(others.into_iter().map(|p| {
            let pr = Progress {
                next_index,
                match_index: 0,
                recent_active: false,
            };
            (p, pr)
        }));
        if self.config.leader_noop {
            // Thesis §6.4 / paper §8: an entry of the new term lets earlier-term
            // entries commit (§5.4.2) without waiting for a client.
            let term = self.persistent.current_term;
            self.persistent.log.append(term, EntryData::Noop);
        }
        self.broadcast_append();
        self.maybe_commit();
    }

    fn check_election_won(&mut self, pre_vote: bool) {
        let won = self
            .voter_config()
            .vote_result(|id| self.votes.get(&id).copied());
        if won != VoteResult::Won {
            return;
        }
        let granted: Vec<NodeId> = self
            .votes
            .iter()
            .filter(|(_, &g)| g)
            .map(|(&n, _)| n)
            .collect();
        if pre_vote {
            self.become_candidate(RoleCause::WonPreVote { votes: granted });
        } else {
            self.become_leader(granted);
        }
    }

    /// RequestVote receiver (Figure 2; §5.2, §5.4.1; pre-votes per thesis §9.6).
    /// Terms were already reconciled by `step_term`.
    pub(super) fn handle_request_vote(
        &mut self,
        candidate: NodeId,
        term: Term,
        pre_vote: bool,
        last_log: LogPosition,
    ) {
        let our_term = self.persistent.current_term;
        // The thesis's PreVote also refuses while a leader is alive (§9.6);
        // etcd's grants on term and log alone and leaves that to CheckQuorum.
        if pre_vote && self.config.pre_vote_mode == PreVoteMode::Thesis {
            if self.role == Role::Leader {
                return self.deny_vote(candidate, term, true, VoteDenial::WeAreLeader);
            }
            if let Some(leader) = self.heard_from_leader_recently() {
                return self.deny_vote(
                    candidate,
                    term,
                    true,
                    VoteDenial::LeaderRecentlyHeard { leader },
                );
            }
        }
        // One vote per term, first come first served (§5.2). A pre-vote for a
        // later term than ours is not bound by our vote in this one.
        let free = match self.persistent.voted_for {
            None => true,
            Some(v) => v == candidate,
        };
        if !(free || (pre_vote && term > our_term)) {
            let voted_for = self.persistent.voted_for.unwrap_or(self.id);
            return self.deny_vote(
                candidate,
                term,
                pre_vote,
                VoteDenial::AlreadyVoted { voted_for },
            );
        }
        let log = &self.persistent.log;
        let log_ok = log.is_up_to_date(last_log);
        let up_to_date = self.config.is_unsafe(UnsafeSwitch::VoteWithoutLogCheck) || log_ok;
        if up_to_date && !log_ok {
            let rule = UnsafeRule::VotedWithoutLogCheck {
                candidate,
                term,
                candidate_last: last_log,
                our_last: log.last_position(),
            };
            self.events.push(Event::UnsafeRuleBroken { rule });
        }
        if !up_to_date {
            let reason = VoteDenial::LogBehind {
                candidate_last: last_log,
                our_last: log.last_position(),
            };
            return self.deny_vote(candidate, term, pre_vote, reason);
        }
        if !pre_vote {
            // Persisted before answering (Figure 2); granting resets the timer (§5.2).
            self.persistent.voted_for = Some(candidate);
            self.reset_election_timer();
        }
        self.events.push(Event::VoteGranted {
            candidate,
            term,
            pre_vote,
        });
        // A granted pre-vote echoes the term asked for, as in etcd.
        let reply_term = if pre_vote { term } else { our_term };
        self.send(
            candidate,
            reply_term,
            MessageBody::RequestVoteResponse {
                pre_vote,
                vote_granted: true,
            },
        );
    }

    pub(super) fn deny_vote(
        &mut self,
        candidate: NodeId,
        term: Term,
        pre_vote: bool,
        reason: VoteDenial,
    ) {
        self.events.push(Event::VoteDenied {
            candidate,
            term,
            pre_vote,
            reason,
        });
        let our_term = self.persistent.current_term;
        self.send(
            candidate,
            our_term,
            MessageBody::RequestVoteResponse {
                pre_vote,
                vote_granted: false,
            },
        );
    }

    /// Denial under the leader lease: our term is left alone, so the answer
    /// carries our (older) term and the candidate will disregard it.
    pub(super) fn deny_vote_lease(
        &mut self,
        candidate: NodeId,
        term: Term,
        pre_vote: bool,
        leader: NodeId,
    ) {
        self.deny_vote(
            candidate,
            term,
            pre_vote,
            VoteDenial::LeaderRecentlyHeard { leader },
        );
    }

    /// Joint consensus (thesis §4.3): say which half has denied a majority,
    /// the first time it does in this election.
    fn note_joint_loss(&mut self, from: NodeId, pre_vote: bool) {
        let voters = self.membership.voters.clone();
        for (half, config) in [
            (ConfigHalf::Outgoing, &voters.outgoing),
            (ConfigHalf::Incoming, &voters.incoming),
        ] {
            let vote = |id| self.votes.get(&id).copied();
            let denied = config.voters().filter(|&v| vote(v) == Some(false)).count();
            // Lost exactly now: this denial is the one that tipped it.
            let lost = config.vote_result(vote) == VoteResult::Lost;
            if lost && config.contains(from) && config.len() - denied + 1 == config.quorum_size() {
                let granted = config.voters().filter(|&v| vote(v) == Some(true)).count();
                self.events.push(Event::JointVoteLost {
                    half,
                    granted,
                    needed: config.quorum_size(),
                    pre_vote,
                });
            }
        }
    }

    /// A (pre-)candidate counts an answer; a majority wins (§5.2).
    pub(super) fn handle_vote_response(
        &mut self,
        from: NodeId,
        term: Term,
        pre_vote: bool,
        granted: bool,
    ) {
        let expected_role = if pre_vote {
            Role::PreCandidate
        } else {
            Role::Candidate
        };
        let our_term = self.persistent.current_term;
        let term_ok = if pre_vote {
            Some(term) == our_term.checked_add(1) || (!granted && term == our_term)
        } else {
            term == our_term
        };
        if self.role != expected_role || !term_ok {
            return;
        }
        if !self.membership.is_voter(from) {
            // A learner (or a server outside our configuration) may answer,
            // but only voters count (thesis §4.2.1).
            self.events.push(Event::VoteNotCounted { from, pre_vote });
            return;
        }
        self.votes.insert(from, granted);
        if self.membership.is_joint() && !granted {
            self.note_joint_loss(from, pre_vote);
        }
        let granted_total = self.votes.values().filter(|&&g| g).count();
        self.events.push(Event::VoteCounted {
            from,
            granted,
            pre_vote,
            granted_total,
            needed: self.quorum(),
        });
        self.check_election_won(pre_vote);
    }
}
