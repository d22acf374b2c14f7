//! Raft paper (Ongaro & Ousterhout 2014) and Ongaro's thesis against the core
//! alone, with exact expectations: roles, terms, votes, log terms, commit
//! indexes, message fields and the reasons carried by events.
//!
//! This file: PreVote (thesis §9.6).

mod common;

use common::paper::*;
use common::raft_harness::*;
use raftlab::raft::LogPosition;
use raftlab::raft::{Event, Role, RoleCause, VoteDenial};

// ============================================================ PreVote (thesis §9.6)

#[test]
fn thesis_9_6_pre_candidate_keeps_its_term_and_asks_with_term_plus_one() {
    let mut n = node_with_log(1, &ids(3), pre_vote_cfg(), 2, Some(3), &[1, 2]);
    n.force_timeout();
    assert_eq!(n.role(), Role::PreCandidate);
    assert_eq!(n.term(), 2, "the term is not raised");
    assert_eq!(
        n.voted_for(),
        Some(3),
        "nor is the vote of this term changed"
    );
    assert_eq!(n.votes().iter().collect::<Vec<_>>(), vec![(&1, &true)]);
    assert_eq!(
        n.take_events(),
        vec![role_changed(
            Role::Follower,
            Role::PreCandidate,
            2,
            RoleCause::ForcedTimeout
        )]
    );
    let out = n.take_outbox();
    assert_eq!(
        out,
        vec![vote_req(1, 2, 3, true, 2, 2), vote_req(1, 3, 3, true, 2, 2)]
    );
    assert_eq!(kinds(&out), vec![("pre-vote", 2), ("pre-vote", 3)]);
    // Timing out again asks again, still without raising the term.
    let r = n.randomized_election_timeout();
    for _ in 0..r {
        n.tick();
    }
    assert_eq!((n.role(), n.term()), (Role::PreCandidate, 2));
    assert!(n.take_events().is_empty(), "no role change pre -> pre");
    assert_eq!(n.take_outbox().len(), 2);
}

#[test]
fn thesis_9_6_pre_vote_is_granted_without_changing_the_voters_term_vote_or_timer() {
    let mut v = node_with_log(2, &ids(3), pre_vote_cfg(), 2, Some(3), &[1, 2]);
    v.set_election_timeout_once(1000);
    for _ in 0..3 {
        v.tick();
    }
    v.step(vote_req(1, 2, 3, true, 2, 2));
    assert_eq!(
        v.take_events(),
        vec![Event::VoteGranted {
            candidate: 1,
            term: 3,
            pre_vote: true
        }]
    );
    assert_eq!(
        v.take_outbox(),
        vec![vote_resp(2, 1, 3, true, true)],
        "a granted pre-vote echoes the term asked for"
    );
    assert_eq!(
        (v.term(), v.voted_for(), v.election_elapsed()),
        (2, Some(3), 3)
    );
    // The election restriction applies to pre-votes too; a denial carries our term.
    v.step(vote_req(1, 2, 3, true, 1, 9));
    assert_eq!(
        v.take_events(),
        vec![vote_denied(
            1,
            3,
            true,
            VoteDenial::LogBehind {
                candidate_last: LogPosition::new(1, 9),
                our_last: LogPosition::new(2, 2)
            }
        )]
    );
    assert_eq!(v.take_outbox(), vec![vote_resp(2, 1, 2, true, false)]);
    // A pre-vote for our own term is bound by our vote in it.
    v.step(vote_req(1, 2, 2, true, 2, 2));
    assert_eq!(
        v.take_events(),
        vec![vote_denied(
            1,
            2,
            true,
            VoteDenial::AlreadyVoted { voted_for: 3 }
        )]
    );
    assert_eq!(v.term(), 2);
}

#[test]
fn thesis_9_6_pre_vote_denied_when_the_voter_heard_from_a_leader_recently() {
    let mut v = node_with_log(2, &ids(3), thesis_pre_vote_cfg(), 2, None, &[1]);
    v.step(append(3, 2, 2, 1, 1, vec![], 0));
    v.set_election_timeout_once(1000);
    v.take_events();
    v.take_outbox();
    for _ in 0..T - 1 {
        v.tick();
    }
    v.step(vote_req(1, 2, 3, true, 1, 1));
    assert_eq!(
        v.take_events(),
        vec![vote_denied(
            1,
            3,
            true,
            VoteDenial::LeaderRecentlyHeard { leader: 3 }
        )]
    );
    assert_eq!(v.take_outbox(), vec![vote_resp(2, 1, 2, true, false)]);
    // Once a whole election timeout has passed without the leader: granted.
    v.tick();
    v.step(vote_req(1, 2, 3, true, 1, 1));
    assert_eq!(
        v.take_events(),
        vec![Event::VoteGranted {
            candidate: 1,
            term: 3,
            pre_vote: true
        }]
    );
    assert_eq!(v.term(), 2);
}

#[test]
fn thesis_9_6_leader_denies_pre_votes() {
    let mut net = elected(3, thesis_pre_vote_cfg());
    let mut l = net.nodes.remove(&1).unwrap();
    l.step(vote_req(3, 1, 2, true, 1, 5));
    assert_eq!(
        l.take_events(),
        vec![vote_denied(3, 2, true, VoteDenial::WeAreLeader)]
    );
    assert_eq!(l.take_outbox(), vec![vote_resp(1, 3, 1, true, false)]);
    assert_eq!((l.role(), l.term()), (Role::Leader, 1));
}

#[test]
fn thesis_9_6_pre_candidate_becomes_candidate_only_on_a_majority_of_pre_votes() {
    let mut n = node_with_log(1, &ids(5), pre_vote_cfg(), 2, None, &[1, 2]);
    n.force_timeout();
    n.take_events();
    assert_eq!(n.take_outbox().len(), 4);
    n.step(vote_response(2, 1, 3, true, true));
    n.step(vote_response(3, 1, 2, true, false)); // denial with the voter's (our) term
    n.step(vote_response(5, 1, 4, true, true)); // wrong term: not counted
    n.step(vote_response(5, 1, 2, false, true)); // not a pre-vote answer: not counted
    assert_eq!((n.role(), n.term()), (Role::PreCandidate, 2));
    assert_eq!(
        n.take_events(),
        vec![
            Event::VoteCounted {
                from: 2,
                granted: true,
                pre_vote: true,
                granted_total: 2,
                needed: 3
            },
            Event::VoteCounted {
                from: 3,
                granted: false,
                pre_vote: true,
                granted_total: 2,
                needed: 3
            },
        ]
    );
    n.step(vote_response(4, 1, 3, true, true));
    assert_eq!(
        n.take_events(),
        vec![
            Event::VoteCounted {
                from: 4,
                granted: true,
                pre_vote: true,
                granted_total: 3,
                needed: 3
            },
            role_changed(
                Role::PreCandidate,
                Role::Candidate,
                3,
                RoleCause::WonPreVote {
                    votes: vec![1, 2, 4]
                }
            ),
        ]
    );
    assert_eq!(
        (n.role(), n.term(), n.voted_for()),
        (Role::Candidate, 3, Some(1))
    );
    let out = n.take_outbox();
    assert_eq!(
        out,
        (2..=5)
            .map(|to| vote_req(1, to, 3, false, 2, 2))
            .collect::<Vec<_>>()
    );
    // A late pre-vote answer no longer counts.
    n.step(vote_response(5, 1, 3, true, true));
    assert!(n.take_events().is_empty());
}

#[test]
fn thesis_9_6_pre_candidate_steps_down_on_higher_term_denial_or_leader_of_its_term() {
    let mut n = node_with_log(1, &ids(3), pre_vote_cfg(), 2, None, &[1]);
    n.force_timeout();
    n.take_events();
    n.step(vote_response(2, 1, 5, true, false));
    assert_eq!(
        n.take_events(),
        vec![
            Event::TermAdopted {
                from_term: 2,
                to_term: 5,
                from: 2
            },
            role_changed(
                Role::PreCandidate,
                Role::Follower,
                5,
                RoleCause::SawHigherTerm { from: 2, term: 5 }
            )
        ]
    );
    let mut n = node_with_log(1, &ids(3), pre_vote_cfg(), 2, None, &[1]);
    n.force_timeout();
    n.take_events();
    n.step(append(3, 1, 2, 1, 1, vec![], 0));
    assert_eq!(
        n.take_events()[0],
        role_changed(
            Role::PreCandidate,
            Role::Follower,
            2,
            RoleCause::DiscoveredLeader { leader: 3 }
        )
    );
    assert_eq!((n.term(), n.leader_id()), (2, Some(3)));
}

#[test]
fn thesis_9_6_single_node_pre_vote_goes_straight_to_leader() {
    let mut n = new_node(1, &[1], pre_vote_cfg());
    n.force_timeout();
    let ev = n.take_events();
    assert_eq!(
        ev,
        vec![
            role_changed(
                Role::Follower,
                Role::PreCandidate,
                0,
                RoleCause::ForcedTimeout
            ),
            role_changed(
                Role::PreCandidate,
                Role::Candidate,
                1,
                RoleCause::WonPreVote { votes: vec![1] }
            ),
            role_changed(
                Role::Candidate,
                Role::Leader,
                1,
                RoleCause::WonElection { votes: vec![1] }
            ),
        ]
    );
    assert!(n.take_outbox().is_empty());
}
