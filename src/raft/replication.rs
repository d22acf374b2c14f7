//! Log replication (§5.3), the commit rule (§5.4.2, Figure 8) and applying
//! committed entries to the state machine.

use super::commit::CommitStatus;
use super::event::{AppendRejection, CommitHold, ConfigHalf, Event, RoleCause};
use super::log::{Entry, RaftLog};
use super::message::{AppendOutcome, AppendResponse, ConflictHint, MessageBody};
use super::node::Node;
use super::state::Role;
use super::types::{Index, LogPosition, NodeId, Term};
use super::unsafe_rule::UnsafeRule;

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
        // Thesis §5.1: the entry the follower needs next is compacted away,
        // so only the snapshot can bring it up to date.
        if pr.next_index < self.persistent.log.first_index() {
            return self.send_snapshot(peer, pr.next_index);
        }
        let log = &self.persistent.log;
        let max = self.config.max_entries_per_message as usize;
        let entries = log.slice_from(pr.next_index, max);
        if entries.is_empty() && !allow_empty {
            return;
        }
        let prev_log_index = pr.next_index.saturating_sub(1);
        let prev_log = LogPosition::new(log.term_at(prev_log_index).unwrap_or(0), prev_log_index);
        let sent = entries.len() as Index;
        if let Some(p) = self.progress.get_mut(&peer) {
            p.next_index = p.next_index.saturating_add(sent);
        }
        let term = self.persistent.current_term;
        let body = MessageBody::AppendEntries {
            prev_log,
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
        prev_log: LogPosition,
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
        // Below our snapshot: everything it covers is committed, so it matches
        // the leader's log (Leader Completeness); check from its boundary on.
        let snapshot_index = log.snapshot_index();
        let (prev_log, entries) = if prev_log.index < snapshot_index {
            let skip = usize::try_from(snapshot_index - prev_log.index).unwrap_or(usize::MAX);
            match entries.get(skip.saturating_sub(1)..) {
                Some(rest) if !rest.is_empty() => (
                    LogPosition::new(rest[0].term, snapshot_index),
                    rest.get(1..).unwrap_or(&[]),
                ),
                _ => (
                    LogPosition::new(log.snapshot_term(), snapshot_index),
                    &[][..],
                ),
            }
        } else {
            (prev_log, entries)
        };
        let prev_log_index = prev_log.index;
        // Receiver rule 2: reply false if the log has no entry at prevLogIndex
        // whose term matches prevLogTerm (§5.3).
        let rejection = match log.term_at(prev_log_index) {
            None => Some((
                AppendRejection::MissingEntry {
                    prev_log_index,
                    our_last_index: log.last_index(),
                },
                ConflictHint::LogTooShort {
                    last_index: log.last_index(),
                },
            )),
            Some(t) if t != prev_log.term => {
                let conflict_index = log.first_index_of_term(t).unwrap_or(prev_log_index);
                Some((
                    AppendRejection::TermMismatch {
                        prev_log_index,
                        prev_log_term: prev_log.term,
                        our_term: t,
                        conflict_index,
                    },
                    ConflictHint::TermConflict {
                        first: LogPosition::new(t, conflict_index),
                    },
                ))
            }
            Some(_) => None,
        };
        if let Some((reason, hint)) = rejection {
            self.events.push(Event::AppendRejected { leader, reason });
            let response =
                AppendResponse::rejected(term, prev_log_index, Some(hint)).echoing(read_ctx);
            return self.send(leader, term, MessageBody::AppendEntriesResponse(response));
        }
        // Rules 3–4: delete conflicting entries, append new ones.
        let removed = self.persistent.log.merge(entries);
        if !removed.is_empty() {
            self.events.push(Event::EntriesTruncated {
                removed: removed.iter().map(|e| (e.index, e.term)).collect(),
            });
        }
        // Thesis §4.1: the latest configuration in the log is in force at
        // once, and a truncated one gives way to the one before it.
        if !removed.is_empty() || entries.iter().any(|e| RaftLog::config_of(e).is_some()) {
            self.refresh_membership(None);
        }
        let match_index = prev_log_index.saturating_add(entries.len() as Index);
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
        let response = AppendResponse::matched(term, match_index).echoing(read_ctx);
        self.send(leader, term, MessageBody::AppendEntriesResponse(response));
    }

    /// The leader's side of an AppendEntries answer (§5.3).
    pub(super) fn handle_append_response(&mut self, from: NodeId, response: AppendResponse) {
        if self.role != Role::Leader || response.request_term != self.persistent.current_term {
            return;
        }
        let last_index = self.persistent.log.last_index();
        if !self.progress.contains_key(&from) {
            return;
        }
        self.heard_from(from);
        self.read_acked(from, response.read_ctx);
        let Some(pr) = self.progress.get_mut(&from) else {
            return;
        };
        let (rejected_prev_index, hint) = match response.outcome {
            AppendOutcome::Matched { match_index } => {
                pr.match_index = pr.match_index.max(match_index.min(last_index));
                pr.next_index = pr.next_index.max(pr.match_index.saturating_add(1));
                self.maybe_commit();
                self.send_append(from, false);
                self.transfer_progress(from);
                return;
            }
            AppendOutcome::Rejected {
                prev_log_index,
                hint,
            } => (prev_log_index, hint),
        };
        if rejected_prev_index <= pr.match_index {
            return; // stale: we already know the logs match at or past that index
        }
        // Back up one term at a time (§5.3, last paragraphs): skip every entry
        // of the follower's conflicting term, or to just past its log's end.
        let hinted = match hint {
            Some(h) => match h
                .conflict_term()
                .and_then(|t| self.persistent.log.last_index_of_term(t))
            {
                Some(i) => i.saturating_add(1),
                None => h.retry_index(),
            },
            None => 0,
        };
        let old = pr.next_index;
        let new = hinted
            .min(rejected_prev_index)
            .max(pr.match_index.saturating_add(1))
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
    /// with it by the Log Matching Property. The rule itself is
    /// [`CommitRule::status`](super::commit::CommitRule::status); this acts on
    /// its answer and explains a hold once per change of reason.
    pub(super) fn maybe_commit(&mut self) {
        let Some(rule) = self.commit_rule() else {
            return;
        };
        let majority_index = rule.majority_index();
        let index = if majority_index > self.commit_index {
            majority_index
        } else if self.persistent.log.last_index() > self.commit_index {
            self.commit_index.saturating_add(1)
        } else {
            return;
        };
        let hold = match rule.status(index) {
            CommitStatus::Committable { holders } => {
                let entry_term = self.persistent.log.term_at(index).unwrap_or(0);
                let current_term = self.persistent.current_term;
                if entry_term != current_term {
                    // Only the unsafe switch lets an old-term entry commit by counting.
                    let rule = UnsafeRule::CommittedOldTermByCounting {
                        index,
                        entry_term,
                        current_term,
                    };
                    self.events.push(Event::UnsafeRuleBroken { rule });
                }
                self.events.push(Event::CommitAdvanced {
                    from: self.commit_index,
                    to: index,
                    by: holders,
                });
                self.commit_index = index;
                self.last_hold = None;
                self.apply_committed();
                self.after_commit();
                return;
            }
            CommitStatus::OldTerm {
                entry_term,
                current_term,
                holders,
                ..
            } => CommitHold::OldTerm {
                index,
                entry_term,
                current_term,
                holders,
            },
            CommitStatus::NoMajority { holders, .. } if self.membership.is_joint() => {
                let voters = &self.membership.voters;
                let short = [
                    (ConfigHalf::Incoming, &voters.incoming),
                    (ConfigHalf::Outgoing, &voters.outgoing),
                ]
                .into_iter()
                .filter(|(_, c)| !c.is_quorum(|id| holders.contains(&id)))
                .map(|(h, _)| h)
                .collect();
                CommitHold::NoJointMajority {
                    index,
                    holders,
                    short,
                }
            }
            CommitStatus::NoMajority {
                holders, needed, ..
            } => CommitHold::NoMajority {
                index,
                holders,
                needed,
            },
            CommitStatus::Committed | CommitStatus::NotInLog => return,
        };
        if self.last_hold.as_ref() != Some(&hold) {
            self.last_hold = Some(hold.clone());
            self.events.push(Event::CommitHeld { hold });
        }
    }

    /// Figure 2, all servers: apply entries up to commitIndex, in order.
    pub(super) fn apply_committed(&mut self) {
        while self.kv.last_applied < self.commit_index {
            let index = self.kv.last_applied.saturating_add(1);
            let Some(entry) = self.persistent.log.get(index) else {
                break;
            };
            let (term, command) = (entry.term, entry.command().cloned());
            let config = RaftLog::config_of(entry).map(|c| c.membership.clone());
            let result = self.kv.apply(index, command.as_ref());
            self.events.push(Event::Applied {
                index,
                term,
                command,
                result,
            });
            if let Some(membership) = config {
                self.events
                    .push(Event::ConfigCommitted { index, membership });
            }
        }
        self.answer_reads();
        self.maybe_auto_compact();
    }
}
