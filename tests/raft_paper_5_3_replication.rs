//! Raft paper (Ongaro & Ousterhout 2014) and Ongaro's thesis against the core
//! alone, with exact expectations: roles, terms, votes, log terms, commit
//! indexes, message fields and the reasons carried by events.
//!
//! This file: §5.3, log replication — the consistency check, conflict
//! truncation, backing up nextIndex, the follower's commit index.

mod common;

use common::paper::*;
use common::raft_harness::*;
use raftlab::raft::LogPosition;
use raftlab::raft::{AppendRejection, ApplyResult, Event, MessageBody, Node, Role};

// ======================================================================== §5.3

#[test]
fn s5_3_consistency_check_missing_entry() {
    let mut n = node_with_log(1, &ids(3), config(false), 2, None, &[1, 1]);
    n.set_election_timeout_once(1000);
    for _ in 0..3 {
        n.tick();
    }
    n.step(append(2, 1, 2, 5, 2, entries(&[(6, 2)]), 5));
    assert_eq!(
        n.take_events(),
        vec![Event::AppendRejected {
            leader: 2,
            reason: AppendRejection::MissingEntry {
                prev_log_index: 5,
                our_last_index: 2
            }
        }]
    );
    assert_eq!(n.take_outbox(), vec![reject_resp(1, 2, 2, 5, short(2))]);
    assert_eq!(log_terms(&n), vec![1, 1]);
    assert_eq!(n.commit_index(), 0);
    // It is still the leader of our term: followed, timer reset.
    assert_eq!((n.leader_id(), n.election_elapsed()), (Some(2), 0));
}

#[test]
fn s5_3_consistency_check_term_mismatch_with_conflict_hint() {
    let mut n = node_with_log(1, &ids(3), config(false), 3, None, &[1, 2, 2, 2]);
    n.step(append(2, 1, 3, 3, 3, entries(&[(4, 3)]), 0));
    assert_eq!(
        n.take_events(),
        vec![Event::AppendRejected {
            leader: 2,
            reason: AppendRejection::TermMismatch {
                prev_log_index: 3,
                prev_log_term: 3,
                our_term: 2,
                conflict_index: 2
            }
        }]
    );
    assert_eq!(
        n.take_outbox(),
        vec![reject_resp(1, 2, 3, 3, conflict(2, 2))]
    );
    assert_eq!(
        log_terms(&n),
        vec![1, 2, 2, 2],
        "nothing is truncated on rejection"
    );
}

#[test]
fn s5_3_conflicting_suffix_is_truncated_and_replaced() {
    let mut n = node_with_log(1, &ids(3), config(false), 3, None, &[1, 1, 2, 2]);
    n.step(append(2, 1, 3, 2, 1, entries(&[(3, 3)]), 0));
    assert_eq!(
        n.take_events(),
        vec![
            Event::EntriesTruncated {
                removed: vec![(3, 2), (4, 2)]
            },
            Event::AppendAccepted {
                leader: 2,
                prev_log_index: 2,
                entries: 1,
                match_index: 3
            }
        ]
    );
    assert_eq!(log_terms(&n), vec![1, 1, 3]);
    assert_eq!(n.take_outbox(), vec![append_ok(1, 2, 3, 3)]);
}

#[test]
fn s5_3_matching_entries_are_never_truncated_stale_append_is_harmless() {
    let mut n = node_with_log(1, &ids(3), config(false), 1, None, &[1, 1, 1, 1]);
    let stale = append(2, 1, 1, 1, 1, entries(&[(2, 1)]), 0);
    n.step(stale.clone());
    n.step(stale);
    let accepted = Event::AppendAccepted {
        leader: 2,
        prev_log_index: 1,
        entries: 1,
        match_index: 2,
    };
    assert_eq!(n.take_events(), vec![accepted.clone(), accepted]);
    assert_eq!(
        log_terms(&n),
        vec![1, 1, 1, 1],
        "the suffix after a match stays"
    );
    assert_eq!(
        n.take_outbox(),
        vec![append_ok(1, 2, 1, 2), append_ok(1, 2, 1, 2)],
        "the answer only vouches for the prefix it was sent"
    );
}

#[test]
fn s5_3_leader_backs_up_a_whole_term_per_rejection() {
    // Leader [1,1,1,4,4,5,5] in term 6.
    let mut net = Network::with_logs(
        config(false),
        &[
            (1, 5, &[1, 1, 1, 4, 4, 5, 5]),
            (2, 5, &[1, 1, 1, 4, 4, 5, 5]),
            (3, 5, &[]),
        ],
    );
    net.node_mut(1).force_timeout();
    net.deliver_one(1, 2);
    net.deliver_one(2, 1);
    assert_eq!(net.node(1).role(), Role::Leader);
    net.take_queue();
    let mut l = net.nodes.remove(&1).unwrap();
    l.take_events();
    let next = |l: &Node| l.progress()[&3].next_index;
    assert_eq!(next(&l), 8);

    // The follower has term 4 from index 4 but the leader's term 4 ends at 5:
    // skip to 6, the first index after the leader's entries of that term.
    l.step(reject_resp(3, 1, 6, 7, conflict(4, 4)));
    assert_eq!(
        l.take_events(),
        vec![Event::NextIndexBackedUp {
            follower: 3,
            from: 8,
            to: 6
        }]
    );
    let out = l.take_outbox();
    assert_eq!(out.len(), 1);
    assert!(matches!(
        &out[0].body,
        MessageBody::AppendEntries { prev_log: LogPosition { term: 4, index: 5 }, entries, .. }
            if entries.iter().map(|e| e.index).collect::<Vec<_>>() == vec![6, 7]
    ));
    assert_eq!(next(&l), 8, "pipelined past what was sent");

    // A term the leader does not have at all: go to the follower's first index of it.
    l.step(reject_resp(3, 1, 6, 7, conflict(3, 2)));
    assert_eq!(
        l.take_events(),
        vec![Event::NextIndexBackedUp {
            follower: 3,
            from: 8,
            to: 2
        }]
    );
    assert_eq!(l.take_outbox()[0].body.entry_count(), 6);

    // No entry there at all: to just past the follower's last entry.
    l.step(reject_resp(3, 1, 6, 7, short(2)));
    assert_eq!(
        l.take_events(),
        vec![Event::NextIndexBackedUp {
            follower: 3,
            from: 8,
            to: 3
        }]
    );
    // The hint never goes past the rejected prev index.
    l.take_outbox();
    l.step(reject_resp(3, 1, 6, 2, short(8)));
    assert_eq!(
        l.take_events(),
        vec![Event::NextIndexBackedUp {
            follower: 3,
            from: 8,
            to: 2
        }]
    );
}

#[test]
fn s5_3_stale_rejection_below_match_index_is_ignored() {
    let mut net = elected(3, config(true));
    net.propose(1, "put a 1");
    let mut l = net.nodes.remove(&1).unwrap();
    assert_eq!(l.progress()[&2].match_index, 2);
    l.step(reject_resp(2, 1, 1, 1, short(0)));
    assert!(l.take_events().is_empty());
    assert!(l.take_outbox().is_empty());
    assert_eq!(l.progress()[&2].next_index, 3);
}

/// A rejection of exactly `prev_log_index == matchIndex` is stale too: the leader
/// already knows the logs match there (raft-rs `maybe_decr_to` uses `<=`).
#[test]
fn s5_3_stale_rejection_at_match_index_is_ignored() {
    let mut net = elected(3, config(true));
    net.propose(1, "put a 1");
    let mut l = net.nodes.remove(&1).unwrap();
    assert_eq!(l.progress()[&2].match_index, 2);
    l.step(reject_resp(2, 1, 1, 2, short(1)));
    assert_eq!(
        l.take_events(),
        vec![],
        "a stale rejection must not move nextIndex"
    );
    assert!(l.take_outbox().is_empty());
    assert_eq!(l.progress()[&2].next_index, 3);
}

#[test]
fn s5_3_follower_commit_is_min_of_leader_commit_and_last_new_entry_and_never_decreases() {
    let mut n = node_with_log(1, &ids(3), config(false), 1, None, &[1, 1, 1, 1, 1]);
    n.step(append(2, 1, 1, 1, 1, entries(&[(2, 1)]), 5));
    assert_eq!(n.commit_index(), 2, "min(leaderCommit 5, last new entry 2)");
    let ev = n.take_events();
    assert_eq!(
        ev[1..],
        [
            Event::CommitAdvanced {
                from: 0,
                to: 2,
                by: vec![2]
            },
            Event::Applied {
                index: 1,
                term: 1,
                command: None,
                result: ApplyResult::Noop
            },
            Event::Applied {
                index: 2,
                term: 1,
                command: None,
                result: ApplyResult::Noop
            },
        ]
    );
    assert_eq!(n.last_applied(), 2);
    // A heartbeat vouching only for index 1 does not lower it.
    n.step(append(2, 1, 1, 1, 1, vec![], 5));
    assert_eq!(n.commit_index(), 2);
    // Nor does a smaller leaderCommit.
    n.step(append(2, 1, 1, 5, 1, vec![], 1));
    assert_eq!(n.commit_index(), 2);
    n.step(append(2, 1, 1, 5, 1, vec![], 4));
    assert_eq!(n.commit_index(), 4);
    assert_eq!(n.last_applied(), 4);
}
