//! Raft paper (Ongaro & Ousterhout 2014) and Ongaro's thesis against the core
//! alone, with exact expectations: roles, terms, votes, log terms, commit
//! indexes, message fields and the reasons carried by events.
//!
//! This file: §5.4, safety — the election restriction (§5.4.1) and
//! committing entries from previous terms (§5.4.2).

mod common;

use common::paper::*;
use common::raft_harness::*;
use raftlab::raft::LogPosition;
use raftlab::raft::{CommitHold, Event, Role, VoteDenial};

// ====================================================================== §5.4.1

#[test]
fn s5_4_1_vote_denied_to_candidate_with_older_last_term() {
    let mut n = node_with_log(1, &ids(3), config(false), 2, None, &[1, 2]);
    n.step(vote_req(2, 1, 3, false, 1, 5));
    assert_eq!(
        n.take_events(),
        vec![
            Event::TermAdopted {
                from_term: 2,
                to_term: 3,
                from: 2
            },
            vote_denied(
                2,
                3,
                false,
                VoteDenial::LogBehind {
                    candidate_last: LogPosition::new(1, 5),
                    our_last: LogPosition::new(2, 2)
                }
            )
        ]
    );
    assert_eq!(
        (n.term(), n.voted_for()),
        (3, None),
        "term adopted, no vote"
    );
    assert_eq!(n.take_outbox(), vec![vote_resp(1, 2, 3, false, false)]);
}

#[test]
fn s5_4_1_vote_denied_to_candidate_with_same_last_term_but_shorter_log() {
    let mut n = node_with_log(1, &ids(3), config(false), 2, None, &[1, 2, 2]);
    n.step(vote_req(2, 1, 3, false, 2, 2));
    assert_eq!(
        n.take_events()[1],
        vote_denied(
            2,
            3,
            false,
            VoteDenial::LogBehind {
                candidate_last: LogPosition::new(2, 2),
                our_last: LogPosition::new(2, 3)
            }
        )
    );
    assert_eq!(n.voted_for(), None);
}

#[test]
fn s5_4_1_vote_granted_to_candidate_at_least_as_up_to_date() {
    // Higher last term wins even with a shorter log.
    let mut n = node_with_log(1, &ids(3), config(false), 2, None, &[1, 2, 2]);
    n.step(vote_req(2, 1, 3, false, 3, 1));
    assert_eq!(n.voted_for(), Some(2));
    // Same last term and same length is enough.
    let mut n = node_with_log(1, &ids(3), config(false), 2, None, &[1, 2, 2]);
    n.step(vote_req(3, 1, 3, false, 2, 3));
    assert_eq!(n.voted_for(), Some(3));
    assert_eq!(
        n.take_events()[1],
        Event::VoteGranted {
            candidate: 3,
            term: 3,
            pre_vote: false
        }
    );
    assert_eq!(n.take_outbox(), vec![vote_resp(1, 3, 3, false, true)]);
}

#[test]
fn s5_4_2_leader_commits_only_current_term_entries_by_counting() {
    // Node 1 holds an entry of term 2 that nobody else has; it is elected in term 3.
    let mut net = Network::with_logs(
        config(false),
        &[(1, 2, &[1, 2]), (2, 2, &[1]), (3, 2, &[1])],
    );
    net.campaign(1);
    assert_eq!((net.node(1).role(), net.node(1).term()), (Role::Leader, 3));
    // The term-2 entry is now on all three, yet not committed.
    assert!(net.nodes.values().all(|n| log_terms(n) == vec![1, 2]));
    assert_eq!(net.node(1).commit_index(), 0);
    let held: Vec<CommitHold> = net
        .take_events(1)
        .into_iter()
        .filter_map(|e| match e {
            Event::CommitHeld { hold } => Some(hold),
            _ => None,
        })
        .collect();
    assert_eq!(
        held,
        vec![
            CommitHold::NoMajority {
                index: 1,
                holders: vec![1],
                needed: 2
            },
            CommitHold::OldTerm {
                index: 2,
                entry_term: 2,
                current_term: 3,
                holders: vec![1, 2]
            },
            CommitHold::OldTerm {
                index: 2,
                entry_term: 2,
                current_term: 3,
                holders: vec![1, 2, 3]
            },
        ]
    );
    // An entry of term 3 on a majority commits it and everything before it.
    let (index, term) = net.propose(1, "put x 1");
    assert_eq!((index, term), (3, 3));
    let ev = net.take_events(1);
    assert!(ev.contains(&Event::CommitAdvanced {
        from: 0,
        to: 3,
        by: vec![1, 2]
    }));
    assert_eq!(net.node(1).commit_index(), 3);
    assert_eq!(net.node(1).last_applied(), 3);
    heartbeat(&mut net, 1);
    assert!(net.nodes.values().all(|n| n.commit_index() == 3));
}

#[test]
fn s5_4_2_commit_held_for_lack_of_a_majority_names_the_holders() {
    let mut net = elected(5, config(true));
    assert_eq!(net.node(1).commit_index(), 1);
    net.isolate(3);
    net.isolate(4);
    net.isolate(5);
    net.propose(1, "put k v");
    // Held by the leader alone, then by the leader and node 2: 2 of 3 needed.
    assert_eq!(
        net.take_events(1),
        vec![
            Event::CommitHeld {
                hold: CommitHold::NoMajority {
                    index: 2,
                    holders: vec![1],
                    needed: 3
                }
            },
            Event::CommitHeld {
                hold: CommitHold::NoMajority {
                    index: 2,
                    holders: vec![1, 2],
                    needed: 3
                }
            }
        ]
    );
    assert_eq!(net.node(1).commit_index(), 1);
    // A repeated heartbeat with the same situation emits nothing new.
    heartbeat(&mut net, 1);
    assert!(net.take_events(1).is_empty());
    net.heal();
    heartbeat(&mut net, 1);
    assert_eq!(net.node(1).commit_index(), 2);
}
