//! Raft paper (Ongaro & Ousterhout 2014) and Ongaro's thesis against the core
//! alone, with exact expectations: roles, terms, votes, log terms, commit
//! indexes, message fields and the reasons carried by events.
//!
//! This file: CheckQuorum (thesis §6.2) and the leader lease (thesis §4.2.3).

mod common;

use common::paper::*;
use common::raft_harness::*;
use raftlab::raft::{Event, Role, RoleCause, VoteDenial};

// ========================================================= CheckQuorum (thesis §6.2)

#[test]
fn thesis_6_2_isolated_leader_steps_down_one_election_timeout_after_it_last_heard_from_a_majority()
{
    let mut net = elected(3, check_quorum_cfg());
    net.tick_all(T - 1); // heartbeats at 5, 10, 15 are answered at once
    net.isolate(1);
    net.clear_records();
    // Last heard at tick 15: the window (15, 15 + T) still holds a majority.
    net.tick(1, 15);
    assert_eq!(net.node(1).role(), Role::Leader);
    assert_eq!(net.node(1).heard_within_window(), vec![1, 2, 3]);
    net.tick(1, 1); // tick 35 = 15 + T: a whole timeout without a majority
    assert_eq!(
        net.take_events(1),
        vec![role_changed(
            Role::Leader,
            Role::Follower,
            1,
            RoleCause::LostQuorum {
                heard_from: vec![1]
            }
        )]
    );
    let l = net.node(1);
    assert_eq!(
        (l.role(), l.term(), l.leader_id()),
        (Role::Follower, 1, None)
    );
    assert!(l.progress().is_empty());
}

#[test]
fn thesis_6_2_leader_hearing_from_a_majority_stays() {
    // 1 cannot reach 3, but hears from 2: with itself that is a majority.
    let mut net = elected(3, check_quorum_cfg());
    net.cut_link(1, 3);
    net.cut_link(3, 1);
    net.tick_all(5 * T);
    assert_eq!((net.node(1).role(), net.node(1).term()), (Role::Leader, 1));
    // 2's lease keeps it from following 3's ever-higher terms.
    assert_eq!(
        (net.node(2).role(), net.node(2).term()),
        (Role::Follower, 1)
    );
    assert_eq!(net.node(3).role(), Role::Candidate);
    assert!(net.node(3).term() > 2);
}

#[test]
fn thesis_6_2_without_check_quorum_an_isolated_leader_stays_leader() {
    let mut net = elected(3, config(true));
    net.isolate(1);
    net.tick(1, 10 * T);
    assert_eq!((net.node(1).role(), net.node(1).term()), (Role::Leader, 1));
}

#[test]
fn thesis_4_2_3_follower_lease_denies_a_disruptive_vote_without_changing_term() {
    let mut v = node_with_log(2, &ids(3), check_quorum_cfg(), 1, Some(1), &[1]);
    v.step(append(1, 2, 1, 1, 1, vec![], 1));
    v.set_election_timeout_once(1000);
    v.take_events();
    v.take_outbox();
    v.step(vote_req(3, 2, 5, false, 1, 1));
    assert_eq!(
        v.take_events(),
        vec![vote_denied(
            3,
            5,
            false,
            VoteDenial::LeaderRecentlyHeard { leader: 1 }
        )]
    );
    assert_eq!(
        v.take_outbox(),
        vec![vote_resp(2, 3, 1, false, false)],
        "the denial carries our older term"
    );
    assert_eq!(
        (v.term(), v.voted_for(), v.leader_id()),
        (1, Some(1), Some(1))
    );
    // After an election timeout without the leader, the lease is over.
    for _ in 0..T {
        v.tick();
    }
    v.step(vote_req(3, 2, 5, false, 1, 1));
    assert_eq!(
        v.take_events(),
        vec![
            Event::TermAdopted {
                from_term: 1,
                to_term: 5,
                from: 3
            },
            Event::VoteGranted {
                candidate: 3,
                term: 5,
                pre_vote: false
            }
        ]
    );
    assert_eq!((v.term(), v.voted_for()), (5, Some(3)));
}

/// Thesis §4.2.3 / etcd `inLease`: with CheckQuorum, a server that has heard
/// from a current leader within the election timeout neither updates its term
/// nor votes. etcd applies this to the leader itself (its `lead` is itself);
/// this core applies it to followers only, so a disruptive RequestVote still
/// deposes the leader.
#[test]
fn thesis_4_2_3_leader_also_ignores_a_disruptive_vote_within_its_lease() {
    let mut net = elected(3, check_quorum_cfg());
    let mut l = net.nodes.remove(&1).unwrap();
    l.step(vote_req(3, 1, 5, false, 1, 1));
    assert_eq!((l.role(), l.term()), (Role::Leader, 1));
    let ev = l.take_events();
    assert!(
        !ev.iter().any(|e| matches!(e, Event::TermAdopted { .. })),
        "{ev:?}"
    );
    assert!(
        matches!(
            ev[..],
            [Event::VoteDenied {
                candidate: 3,
                term: 5,
                ..
            }]
        ),
        "{ev:?}"
    );
}
