//! Terms (§5.1): a message with a higher term makes a server a follower of
//! that term; one with a lower term is rejected or ignored. CheckQuorum's
//! lease (thesis §4.2.3) and the unsafe `accept-stale-leader` switch are the
//! two exceptions, and both are decided here.
//!
//! Tested in `tests/raft_paper_5_1_terms.rs` and `tests/raft_paper_check_quorum.rs`.

use super::Node;
use crate::raft::config::UnsafeSwitch;
use crate::raft::event::{AppendRejection, Event, RoleCause, VoteDenial};
use crate::raft::message::{AppendResponse, Message, MessageBody};
use crate::raft::state::Role;
use crate::raft::types::NodeId;
use crate::raft::unsafe_rule::UnsafeRule;

impl Node {
    /// Under CheckQuorum, the leader whose lease is in force: a leader
    /// trusts its own lease (it steps down within an election timeout if it
    /// loses its majority); a follower trusts a leader heard from recently.
    pub(super) fn lease_holder(&self) -> Option<NodeId> {
        if self.role == Role::Leader {
            Some(self.id)
        } else {
            self.heard_from_leader_recently()
        }
    }

    /// §5.1: a message with a higher term makes us a follower of that term; one
    /// with a lower term is rejected or ignored. Returns whether to go on
    /// handling the message.
    pub(super) fn step_term(&mut self, msg: &Message) -> bool {
        let term = self.persistent.current_term;
        if msg.term > term {
            match msg.body {
                MessageBody::RequestVote {
                    pre_vote,
                    leader_transfer,
                    ..
                } => {
                    // CheckQuorum's lease (thesis §4.2.3): ignore disruptive
                    // candidates while a leader is known to be alive — unless
                    // the leader itself asked for this election (§3.10).
                    if self.config.check_quorum && !leader_transfer {
                        if let Some(leader) = self.lease_holder() {
                            self.deny_vote_lease(msg.from, msg.term, pre_vote, leader);
                            return false;
                        }
                    }
                    if pre_vote {
                        return true; // a pre-vote never changes our term (thesis §9.6)
                    }
                }
                MessageBody::RequestVoteResponse {
                    pre_vote: true,
                    vote_granted: true,
                } => return true, // echoes the term we would campaign in
                _ => {}
            }
            let leader = matches!(
                msg.body,
                MessageBody::AppendEntries { .. } | MessageBody::InstallSnapshot { .. }
            )
            .then_some(msg.from);
            self.events.push(Event::TermAdopted {
                from_term: term,
                to_term: msg.term,
                from: msg.from,
            });
            self.become_follower(
                msg.term,
                leader,
                RoleCause::SawHigherTerm {
                    from: msg.from,
                    term: msg.term,
                },
            );
            true
        } else if msg.term < term {
            let accept = self.config.is_unsafe(UnsafeSwitch::AcceptStaleLeader)
                && matches!(msg.body, MessageBody::AppendEntries { .. });
            if accept {
                let rule = UnsafeRule::AcceptedStaleLeader {
                    leader: msg.from,
                    leader_term: msg.term,
                    our_term: term,
                };
                self.events.push(Event::UnsafeRuleBroken { rule });
            } else {
                self.reject_stale(msg);
            }
            accept
        } else {
            true
        }
    }

    /// Figure 2: "if term < currentTerm", reply false; stale answers are dropped.
    pub(super) fn reject_stale(&mut self, msg: &Message) {
        let term = self.persistent.current_term;
        match msg.body {
            MessageBody::RequestVote { pre_vote, .. } => {
                self.deny_vote(
                    msg.from,
                    msg.term,
                    pre_vote,
                    VoteDenial::StaleTerm {
                        candidate_term: msg.term,
                        our_term: term,
                    },
                );
            }
            MessageBody::AppendEntries { prev_log, .. } => {
                self.events.push(Event::AppendRejected {
                    leader: msg.from,
                    reason: AppendRejection::StaleTerm {
                        leader_term: msg.term,
                        our_term: term,
                    },
                });
                self.send(
                    msg.from,
                    term,
                    MessageBody::AppendEntriesResponse(AppendResponse::rejected(
                        msg.term,
                        prev_log.index,
                        None,
                    )),
                );
            }
            MessageBody::InstallSnapshot { ref snapshot } => {
                self.reject_stale_snapshot(msg.from, msg.term, snapshot.last_included_index)
            }
            _ => self.events.push(Event::StaleIgnored {
                from: msg.from,
                term: msg.term,
            }),
        }
    }
}
