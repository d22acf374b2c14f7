//! Raft paper (Ongaro & Ousterhout 2014) and Ongaro's thesis against the core
//! alone, with exact expectations: roles, terms, votes, log terms, commit
//! indexes, message fields and the reasons carried by events.
//!
//! This file: §5.1, terms — stale terms are rejected, higher terms adopted.

mod common;

use common::paper::*;
use common::raft_harness::*;
use raftlab::raft::{AppendRejection, Event, MessageBody, Role, RoleCause, VoteDenial};

// ======================================================================== §5.1

#[test]
fn s5_1_leader_seeing_higher_term_becomes_follower_and_adopts_it() {
    let mut net = elected(3, config(false));
    let mut n1 = net.nodes.remove(&1).unwrap();
    assert_eq!((n1.term(), n1.voted_for()), (1, Some(1)));
    n1.step(append_ok(2, 1, 5, 0));
    assert_eq!(
        n1.take_events(),
        vec![
            Event::TermAdopted {
                from_term: 1,
                to_term: 5,
                from: 2
            },
            role_changed(
                Role::Leader,
                Role::Follower,
                5,
                RoleCause::SawHigherTerm { from: 2, term: 5 }
            ),
        ]
    );
    assert_eq!(n1.role(), Role::Follower);
    assert_eq!(n1.term(), 5);
    assert_eq!(n1.voted_for(), None, "a new term clears votedFor");
    assert_eq!(n1.leader_id(), None);
    assert!(n1.progress().is_empty());
    assert!(n1.take_outbox().is_empty());
}

#[test]
fn s5_1_candidate_seeing_higher_term_append_entries_follows_its_sender() {
    let mut n = new_node(1, &ids(3), config(false));
    n.force_timeout();
    n.take_events();
    n.take_outbox();
    n.step(append(2, 1, 3, 0, 0, vec![], 0));
    assert_eq!(
        n.take_events(),
        vec![
            Event::TermAdopted {
                from_term: 1,
                to_term: 3,
                from: 2
            },
            role_changed(
                Role::Candidate,
                Role::Follower,
                3,
                RoleCause::SawHigherTerm { from: 2, term: 3 }
            ),
            Event::AppendAccepted {
                leader: 2,
                prev_log_index: 0,
                entries: 0,
                match_index: 0
            },
        ]
    );
    assert_eq!(
        (n.role(), n.term(), n.leader_id()),
        (Role::Follower, 3, Some(2))
    );
    assert_eq!(n.take_outbox(), vec![append_ok(1, 2, 3, 0)]);
}

#[test]
fn s5_1_stale_request_vote_is_rejected_with_our_term() {
    let mut n = node_with_log(1, &ids(3), config(false), 3, Some(3), &[1, 3]);
    n.step(vote_req(2, 1, 2, false, 2, 9)); // well formed: last log term ≤ term
    assert_eq!(
        n.take_events(),
        vec![vote_denied(
            2,
            2,
            false,
            VoteDenial::StaleTerm {
                candidate_term: 2,
                our_term: 3
            }
        )]
    );
    assert_eq!(n.take_outbox(), vec![vote_resp(1, 2, 3, false, false)]);
    assert_eq!((n.term(), n.voted_for()), (3, Some(3)));
}

#[test]
fn s5_1_stale_append_entries_is_rejected_with_our_term_and_does_not_reset_timer() {
    let mut n = node_with_log(1, &ids(3), config(false), 3, None, &[1]);
    n.set_election_timeout_once(1000);
    for _ in 0..4 {
        n.tick();
    }
    n.step(append(2, 1, 2, 1, 1, entries(&[(2, 2)]), 1));
    assert_eq!(
        n.take_events(),
        vec![Event::AppendRejected {
            leader: 2,
            reason: AppendRejection::StaleTerm {
                leader_term: 2,
                our_term: 3
            }
        }]
    );
    // The answer carries our term 3 and names the request's term 2, so a
    // leader re-elected in term 3 would not mistake it for its own.
    let mut expected = reject_resp(1, 2, 3, 1, None);
    if let MessageBody::AppendEntriesResponse(r) = &mut expected.body {
        r.request_term = 2;
    }
    assert_eq!(n.take_outbox(), vec![expected]);
    assert_eq!(n.leader_id(), None, "a stale leader is not followed");
    assert_eq!(
        n.election_elapsed(),
        4,
        "nor does it reset the election timer"
    );
    assert_eq!(log_terms(&n), vec![1]);
}

#[test]
fn s5_1_stale_responses_are_ignored() {
    let mut n = node_with_log(1, &ids(3), config(false), 3, None, &[]);
    n.step(vote_response(2, 1, 2, false, true));
    n.step(append_ok(3, 1, 1, 7));
    assert_eq!(
        n.take_events(),
        vec![
            Event::StaleIgnored { from: 2, term: 2 },
            Event::StaleIgnored { from: 3, term: 1 }
        ]
    );
    assert!(n.take_outbox().is_empty());
    assert_eq!((n.role(), n.term()), (Role::Follower, 3));
}

#[test]
fn messages_from_self_or_for_others_are_ignored() {
    // (A stranger's RPC is answered, thesis §4.1: tests/membership_rules.rs.)
    let mut n = new_node(1, &ids(3), config(false));
    n.step(vote_req(1, 1, 5, false, 0, 0)); // from itself
    n.step(vote_req(2, 3, 5, false, 0, 0)); // addressed to another node
    assert!(n.take_events().is_empty());
    assert!(n.take_outbox().is_empty());
    assert_eq!(n.term(), 0);
}
