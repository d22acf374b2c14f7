//! Log replication (§5.3), the commit rule (§5.4.2, Figure 8) and applying
//! committed entries to the state machine.

use super::config::UnsafeSwitch;
use super::event::{AppendRejection, CommitHold, Event, RoleCause};
use super::log::Entry;
use super::message::MessageBody;
use super::node::Node;
use super::state::Role;
use super::types::{Index, NodeId, Term};

impl Node {
    /// Heartbeat round (§5.2): an AppendEntries to every follower, carrying
    /// whatever entries it still lacks (none makes it a heartbeat).
    pub(super) fn broadcast_append(&mut self) {
        let others: Vec<NodeId> = self.others().collect();
        for peer in others {
            self.send_append_ctx(peer, true, None);
        }
    }

    /// A heartbeat round tagged for ReadIndex (thesis §6.4): each follower
    /// echoes `round` in its answer.
    pub(super) fn broadcast_heartbeat_round(&mut self, round: u64) {
        let others: Vec<NodeId> = self.others().collect();
        for peer in others {
            self.send_append_ctx(peer, true, Some(round));
        }
    }

    /// After a proposal: send the new entries to every follower that is not
    /// already waiting on them; no empty messages.
    pub(super) fn broadcast_append_new_entries(&mut self) {
        let others: Vec<NodeId> = self.others().collect();
        for peer in others {
            self.send_append_ctx(peer, false, None);
        }
    }

    /// One AppendEntries to `peer` from its nextIndex. nextIndex then moves
    /// past what was sent (optimistic pipelining, as etcd's replicate state);
    /// a rejection moves it back (§5.3).
    pub(super) fn send_append(&mut self, peer: NodeId, allow_empty: bool) {
        self.send_append_ctx(peer, allow_empty, None);
    }

    fn send_append_ctx(&mut self, peer: NodeId, allow_empty: bool, read_ctx: Option<u64>) {
        let Some(pr) = self.progress.get(&peer).copied() else {
            return;
        };
        let log = &self.persistent.log;
        let max = self.config.max_entries_per_message as usize;
        let entries = log.slice_from(pr.next_index, max);
        if entries.is_empty() && !allow_empty {
            return;
        }
        let prev_log_index = pr.next_index - 1;
        let prev_log_term = log.term_at(prev_log_index).unwrap_or(0);
        let sent = entries.len() as Index;
        if let Some(p) = self.progress.get_mut(&peer) {
            p.next_index += sent;
        }
        let term = self.persistent.current_term;
        let body = MessageBody::AppendEntries {
            prev_log_index,
            prev_log_term,
            entries,
            leader_commit: self.commit_index,
            read_ctx,
        };
        self.send(peer, term, body);
    }

    /// AppendEntries receiver (Figure 2). Terms were reconciled by `step_term`,
    /// so the sender is the leader of our current term (§5.2).
    pub(super) fn handle_append_entries(
        &mut self,
        leader: NodeId,
        request_term: Term,
        (prev_log_index, prev_log_term): (Index, Term),
        entries: &[Entry],
        leader_commit: Index,
        read_ctx: Option<u64>,
    ) {
        if self.role != Role::Follower {
            let term = self.persistent.current_term;
            self.become_follower(term, Some(leader), RoleCause::DiscoveredLeader { leader });
        }
        self.leader_id = Some(leader);
        self.reset_election_timer();
        // Answers carry the request's term. Safe Raft only gets here when it
        // equals ours; under the unsafe AcceptStaleLeader switch it is older,
        // and the stale leader takes the answer as one of its term.
        let term = request_term;
        let log = &self.persistent.log;
        // Receiver rule 2: reply false if the log has no entry at prevLogIndex
        // whose term matches prevLogTerm (§5.3).
        let rejection = match log.term_at(prev_log_index) {
            None => Some((
                AppendRejection::MissingEntry {
                    prev_log_index,
                    our_last_index: log.last_index(),
                },
                None,
                log.last_index() + 1,
            )),
            Some(t) if t != prev_log_term => {
                let conflict_index = log.first_index_of_term(t).unwrap_or(prev_log_index);
                Some((
                    AppendRejection::TermMismatch {
                        prev_log_index,
                        prev_log_term,
                        our_term: t,
                        conflict_index,
                    },
                    Some(t),
                    conflict_index,
                ))
            }
            Some(_) => None,
        };
        if let Some((reason, conflict_term, conflict_index)) = rejection {
            self.events.push(Event::AppendRejected { leader, reason });
            let body = MessageBody::AppendEntriesResponse {
                request_term: term,
                success: false,
                match_index: 0,
                rejected_prev_index: prev_log_index,
                conflict_term,
                conflict_index,
                read_ctx,
            };
            return self.send(leader, term, body);
        }
        // Rules 3–4: delete conflicting entries, append new ones.
        let removed = self.persistent.log.merge(entries);
        if !removed.is_empty() {
            self.events.push(Event::EntriesTruncated {
                removed: removed.iter().map(|e| (e.index, e.term)).collect(),
            });
        }
        let match_index = prev_log_index + entries.len() as Index;
        self.events.push(Event::AppendAccepted {
            leader,
            prev_log_index,
            entries: entries.len(),
            match_index,
        });
        // Rule 5: commitIndex = min(leaderCommit, index of last new entry).
        let new_commit = leader_commit.min(match_index);
        if new_commit > self.commit_index {
            self.events.push(Event::CommitAdvanced {
                from: self.commit_index,
                to: new_commit,
                by: vec![leader],
            });
            self.commit_index = new_commit;
            self.apply_committed();
        }
        let body = MessageBody::AppendEntriesResponse {
            request_term: term,
            success: true,
            match_index,
            rejected_prev_index: 0,
            conflict_term: None,
            conflict_index: 0,
            read_ctx,
        };
        self.send(leader, term, body);
    }

    /// The leader's side of an AppendEntries answer (§5.3).
    pub(super) fn handle_append_response(&mut self, from: NodeId, response: &MessageBody) {
        let MessageBody::AppendEntriesResponse {
            request_term,
            success,
            match_index,
            rejected_prev_index,
            conflict_term,
            conflict_index,
            read_ctx,
        } = *response
        else {
            return;
        };
        if self.role != Role::Leader || request_term != self.persistent.current_term {
            return;
        }
        let last_index = self.persistent.log.last_index();
        if !self.progress.contains_key(&from) {
            return;
        }
        self.heard_from(from);
        self.read_acked(from, read_ctx);
        let Some(pr) = self.progress.get_mut(&from) else {
            return;
        };
        if success {
            pr.match_index = pr.match_index.max(match_index.min(last_index));
            pr.next_index = pr.next_index.max(pr.match_index + 1);
            self.maybe_commit();
            self.send_append(from, false);
            self.transfer_progress(from);
            return;
        }
        if rejected_prev_index <= pr.match_index {
            return; // stale: we already know the logs match at or past that index
        }
        // Back up one term at a time (§5.3, last paragraphs): skip every entry
        // of the follower's conflicting term, or to just past its log's end.
        let hinted = match conflict_term {
            Some(t) => match self.persistent.log.last_index_of_term(t) {
                Some(i) => i + 1,
                None => conflict_index,
            },
            None => conflict_index,
        };
        let old = pr.next_index;
        let new = hinted
            .min(rejected_prev_index)
            .max(pr.match_index + 1)
            .max(1);
        pr.next_index = new;
        self.events.push(Event::NextIndexBackedUp {
            follower: from,
            from: old,
            to: new,
        });
        self.send_append(from, true);
    }

    /// §5.3/§5.4.2: commit the highest index held by a majority — only if its
    /// entry is from the current term (Figure 8); earlier entries then commit
    /// with it by the Log Matching Property.
    pub(super) fn maybe_commit(&mut self) {
        if self.role != Role::Leader {
            return;
        }
        let log = &self.persistent.log;
        let mut held: Vec<(Index, NodeId)> = self
            .progress
            .iter()
            .map(|(&p, pr)| (pr.match_index, p))
            .collect();
        held.push((log.last_index(), self.id));
        let quorum = self.quorum();
        let majority_index = self
            .voter_config()
            .committed_index(|id| held.iter().find(|&&(_, p)| p == id).map(|&(m, _)| m));
        let term = self.persistent.current_term;
        let holders_of = |index: Index| -> Vec<NodeId> {
            let mut h: Vec<NodeId> = held
                .iter()
                .filter(|(m, _)| *m >= index)
                .map(|&(_, p)| p)
                .collect();
            h.sort_unstable();
            h
        };
        let hold = if majority_index > self.commit_index {
            let entry_term = log.term_at(majority_index).unwrap_or(0);
            if entry_term == term || self.config.is_unsafe(UnsafeSwitch::CommitOldTermByCounting) {
                let by = holders_of(majority_index);
                self.events.push(Event::CommitAdvanced {
                    from: self.commit_index,
                    to: majority_index,
                    by,
                });
                self.commit_index = majority_index;
                self.last_hold = None;
                self.apply_committed();
                return;
            }
            CommitHold::OldTerm {
                index: majority_index,
                entry_term,
                current_term: term,
                holders: holders_of(majority_index),
            }
        } else if log.last_index() > self.commit_index {
            let index = self.commit_index + 1;
            CommitHold::NoMajority {
                index,
                holders: holders_of(index),
                needed: quorum,
            }
        } else {
            return;
        };
        if self.last_hold.as_ref() != Some(&hold) {
            self.last_hold = Some(hold.clone());
            self.events.push(Event::CommitHeld { hold });
        }
    }

    /// Figure 2, all servers: apply entries up to commitIndex, in order.
    pub(super) fn apply_committed(&mut self) {
        while self.kv.last_applied < self.commit_index {
            let index = self.kv.last_applied + 1;
            let Some(entry) = self.persistent.log.get(index) else {
                break;
            };
            let (term, command) = (entry.term, entry.command().cloned());
            let result = self.kv.apply(index, command.as_ref());
            self.events.push(Event::Applied {
                index,
                term,
                command,
                result,
            });
        }
        self.answer_reads();
    }
}
