//! InstallSnapshot (paper §7, Figure 13; thesis §5.1, Figure 5.3): the
//! leader sends its snapshot to a follower that needs an entry it has
//! compacted; the follower installs it (keeping a matching suffix, step 6,
//! or discarding its log, step 7) and answers; the leader moves the
//! follower's matchIndex past it. Tested in `tests/snapshot_rules/`.

use super::{Snapshot, SnapshotIgnore, SnapshotInstall, SnapshotReason};
use crate::raft::event::{ConfigCause, Event, RoleCause};
use crate::raft::message::MessageBody;
use crate::raft::node::Node;
use crate::raft::state::Role;
use crate::raft::types::{Index, NodeId, Term};

impl Node {
    /// The leader's side (thesis §5.1): `peer` needs entry `next_index`, which
    /// this leader no longer holds, so it sends its snapshot. nextIndex moves
    /// past the snapshot, as it moves past sent entries; a rejection of the
    /// next AppendEntries brings it back.
    pub(in crate::raft) fn send_snapshot(&mut self, peer: NodeId, next_index: Index) {
        let snapshot = self.persistent.snapshot.clone();
        let after = snapshot.last_included_index.saturating_add(1);
        if let Some(pr) = self.progress.get_mut(&peer) {
            pr.next_index = pr.next_index.max(after);
        }
        self.events.push(Event::SnapshotSent {
            follower: peer,
            last_included_index: snapshot.last_included_index,
            last_included_term: snapshot.last_included_term,
            reason: SnapshotReason::EntryCompacted {
                next_index,
                first_index: self.persistent.log.first_index(),
            },
        });
        let term = self.persistent.current_term;
        self.send(peer, term, MessageBody::InstallSnapshot { snapshot });
    }

    /// InstallSnapshot receiver (thesis Figure 5.3; terms were reconciled by
    /// `step_term`, so the sender leads our term). Sent whole, in one message
    /// (the figure's offset/done chunking is not simulated).
    pub(in crate::raft) fn handle_install_snapshot(&mut self, leader: NodeId, snapshot: Snapshot) {
        if self.role != Role::Follower {
            let term = self.persistent.current_term;
            self.become_follower(term, Some(leader), RoleCause::DiscoveredLeader { leader });
        }
        self.leader_id = Some(leader);
        self.reset_election_timer();
        let term = self.persistent.current_term;
        let (index, last_term) = (snapshot.last_included_index, snapshot.last_included_term);
        if index <= self.commit_index {
            self.events.push(Event::SnapshotIgnored {
                leader,
                last_included_index: index,
                reason: SnapshotIgnore::StaleSnapshot {
                    last_included_index: index,
                    commit_index: self.commit_index,
                },
            });
            // Committed entries match the leader's log (Leader Completeness).
            let match_index = self.commit_index;
            let body = MessageBody::InstallSnapshotResponse {
                request_term: term,
                installed: false,
                match_index,
            };
            return self.send(leader, term, body);
        }
        let log = &mut self.persistent.log;
        // Step 6: an entry with the same index and term as the last included
        // one means the log matches through it: keep what follows.
        let outcome = if log.term_at(index) == Some(last_term) {
            log.compact_to(index);
            SnapshotInstall::KeptSuffix {
                kept: usize::try_from(log.last_index() - index).unwrap_or(usize::MAX),
            }
        } else {
            // Step 7: discard the entire log.
            let discarded = log.reset_to(index, last_term);
            let removed: Vec<(Index, Term)> = discarded
                .iter()
                .filter(|e| e.index > index)
                .map(|e| (e.index, e.term))
                .collect();
            if !removed.is_empty() {
                self.events.push(Event::EntriesTruncated { removed });
            }
            SnapshotInstall::DiscardedLog {
                discarded: discarded.len(),
            }
        };
        // Step 8: reset the state machine from the snapshot and load its
        // configuration, unless a kept entry holds a newer one.
        self.kv = snapshot.state.clone();
        self.persistent.snapshot = snapshot;
        self.refresh_membership(Some(ConfigCause::Snapshot));
        self.events.push(Event::SnapshotInstalled {
            leader,
            last_included_index: index,
            last_included_term: last_term,
            outcome,
        });
        self.events.push(Event::CommitAdvanced {
            from: self.commit_index,
            to: index,
            by: vec![leader],
        });
        self.commit_index = index;
        self.maybe_auto_compact();
        let body = MessageBody::InstallSnapshotResponse {
            request_term: term,
            installed: true,
            match_index: index,
        };
        self.send(leader, term, body);
    }

    /// The leader's side of an InstallSnapshot answer: the follower now
    /// matches through `match_index`; replication continues from there.
    pub(in crate::raft) fn handle_snapshot_response(
        &mut self,
        from: NodeId,
        request_term: Term,
        match_index: Index,
    ) {
        if self.role != Role::Leader || request_term != self.persistent.current_term {
            return;
        }
        let last_index = self.persistent.log.last_index();
        let Some(pr) = self.progress.get_mut(&from) else {
            return;
        };
        pr.recent_active = true;
        pr.match_index = pr.match_index.max(match_index.min(last_index));
        pr.next_index = pr.next_index.max(pr.match_index.saturating_add(1));
        self.maybe_commit();
        self.send_append(from, false);
    }

    /// A stale-term InstallSnapshot (Figure 5.3 step 1: reply immediately if
    /// term < currentTerm): answered with our term so the sender steps down.
    pub(in crate::raft) fn reject_stale_snapshot(
        &mut self,
        from: NodeId,
        leader_term: Term,
        index: Index,
    ) {
        let our_term = self.persistent.current_term;
        self.events.push(Event::SnapshotIgnored {
            leader: from,
            last_included_index: index,
            reason: SnapshotIgnore::StaleTerm {
                leader_term,
                our_term,
            },
        });
        let body = MessageBody::InstallSnapshotResponse {
            request_term: leader_term,
            installed: false,
            match_index: 0,
        };
        self.send(from, our_term, body);
    }
}
