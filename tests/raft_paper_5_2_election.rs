//! Raft paper (Ongaro & Ousterhout 2014) and Ongaro's thesis against the core
//! alone, with exact expectations: roles, terms, votes, log terms, commit
//! indexes, message fields and the reasons carried by events.
//!
//! This file: §5.2, leader election — randomized timeouts, one vote per
//! term, split votes.

mod common;

use common::paper::*;
use common::raft_harness::*;
use raftlab::raft::{
    CommitHold, Config, Entry, EntryData, Event, Node, NodeId, Progress, Role, RoleCause,
    VoteDenial,
};

// ======================================================================== §5.2

#[test]
fn s5_2_election_timeout_is_randomized_in_t_2t_and_redrawn_on_every_reset() {
    // A fresh node draws its first wait in [T, 2T).
    let first: Vec<u32> = (1..=200)
        .map(|id| new_node(id, &[id, id + 1000], Config::default()).randomized_election_timeout())
        .collect();
    assert!(first.iter().all(|&t| (T..2 * T).contains(&t)), "{first:?}");
    let distinct: std::collections::BTreeSet<u32> = first.iter().copied().collect();
    assert!(
        distinct.len() >= 15,
        "draws should spread over [T,2T): {distinct:?}"
    );

    // Every reset (becoming candidate, granting a vote, hearing a leader,
    // stepping down) draws a new wait in [T, 2T) and zeroes the elapsed ticks.
    let mut n = new_node(1, &ids(3), Config::default());
    let mut draws = vec![n.randomized_election_timeout()];
    for round in 0..30u64 {
        n.set_election_timeout_once(3);
        n.tick();
        n.force_timeout(); // reset as candidate
        assert_eq!(n.election_elapsed(), 0);
        draws.push(n.randomized_election_timeout());
        n.set_election_timeout_once(3);
        let term = n.term();
        n.step(append(2, 1, term, 0, 0, vec![], 0)); // reset as follower
        assert_eq!(n.election_elapsed(), 0);
        draws.push(n.randomized_election_timeout());
        n.set_election_timeout_once(3);
        n.tick();
        n.step(vote_req(3, 1, term + 1 + round, false, 0, 0)); // reset by granting
        assert_eq!(n.election_elapsed(), 0);
        draws.push(n.randomized_election_timeout());
    }
    assert!(draws.iter().all(|&t| (T..2 * T).contains(&t)), "{draws:?}");
    let distinct: std::collections::BTreeSet<u32> = draws.iter().copied().collect();
    assert!(distinct.len() >= 10, "each reset redraws: {distinct:?}");

    // With another base T the range follows it.
    let cfg = Config {
        election_timeout: 10,
        heartbeat_interval: 3,
        ..Config::default()
    };
    let mut n = new_node(1, &ids(3), cfg);
    for _ in 0..50 {
        n.force_timeout();
        assert!((10..20).contains(&n.randomized_election_timeout()));
    }
}

#[test]
fn s5_2_election_timer_fires_exactly_at_the_drawn_timeout() {
    let mut n = new_node(1, &ids(3), config(false));
    let r = n.randomized_election_timeout();
    for _ in 0..r - 1 {
        n.tick();
    }
    assert_eq!(n.role(), Role::Follower);
    assert_eq!(n.election_elapsed(), r - 1);
    n.tick();
    assert_eq!((n.role(), n.term()), (Role::Candidate, 1));
    // set_election_timeout_once pins one wait (clamped to at least 1 tick).
    n.set_election_timeout_once(0);
    assert_eq!(n.randomized_election_timeout(), 1);
    n.tick();
    assert_eq!((n.role(), n.term()), (Role::Candidate, 2));
}

#[test]
fn s5_2_follower_times_out_and_becomes_candidate() {
    let mut n = node_with_log(1, &ids(3), config(false), 2, Some(2), &[1, 1, 2]);
    n.set_election_timeout_once(5);
    for _ in 0..4 {
        n.tick();
    }
    assert!(n.take_outbox().is_empty());
    n.tick();
    assert_eq!(n.role(), Role::Candidate);
    assert_eq!(n.term(), 3, "term + 1");
    assert_eq!(n.voted_for(), Some(1), "votes for itself");
    assert_eq!(n.votes().iter().collect::<Vec<_>>(), vec![(&1, &true)]);
    assert_eq!(n.leader_id(), None);
    assert_eq!(
        n.take_events(),
        vec![role_changed(
            Role::Follower,
            Role::Candidate,
            3,
            RoleCause::ElectionTimeout
        )]
    );
    assert_eq!(
        n.take_outbox(),
        vec![
            vote_req(1, 2, 3, false, 2, 3),
            vote_req(1, 3, 3, false, 2, 3)
        ]
    );
}

#[test]
fn s5_2_candidate_times_out_again_into_a_new_term() {
    let mut n = new_node(1, &ids(3), config(false));
    n.force_timeout();
    assert_eq!(
        n.take_events(),
        vec![role_changed(
            Role::Follower,
            Role::Candidate,
            1,
            RoleCause::ForcedTimeout
        )]
    );
    n.take_outbox();
    n.step(vote_response(2, 1, 1, false, false));
    n.take_events();
    let r = n.randomized_election_timeout();
    for _ in 0..r {
        n.tick();
    }
    assert_eq!(
        (n.role(), n.term(), n.voted_for()),
        (Role::Candidate, 2, Some(1))
    );
    assert_eq!(n.votes().len(), 1, "votes are counted afresh");
    // No RoleChanged event for candidate -> candidate.
    assert!(n.take_events().is_empty());
    assert_eq!(n.take_outbox().len(), 2);
}

#[test]
fn s5_2_candidate_with_a_majority_becomes_leader_and_sends_the_noop() {
    let mut n = node_with_log(1, &ids(3), config(true), 1, None, &[1]);
    n.force_timeout();
    n.take_events();
    n.take_outbox();
    n.step(vote_response(2, 1, 2, false, true));
    assert_eq!(n.role(), Role::Leader);
    assert_eq!(n.leader_id(), Some(1));
    assert_eq!(
        n.take_events(),
        vec![
            Event::VoteCounted {
                from: 2,
                granted: true,
                pre_vote: false,
                granted_total: 2,
                needed: 2
            },
            role_changed(
                Role::Candidate,
                Role::Leader,
                2,
                RoleCause::WonElection { votes: vec![1, 2] }
            ),
            Event::CommitHeld {
                hold: CommitHold::NoMajority {
                    index: 1,
                    holders: vec![1],
                    needed: 2
                }
            },
        ]
    );
    // Thesis §6.4: the no-op of the new term, sent at once to everyone.
    assert_eq!(log_terms(&n), vec![1, 2]);
    let noop = Entry {
        index: 2,
        term: 2,
        data: EntryData::Noop,
    };
    assert_eq!(
        n.take_outbox(),
        vec![
            append(1, 2, 2, 1, 1, vec![noop.clone()], 0),
            append(1, 3, 2, 1, 1, vec![noop], 0)
        ]
    );
    // nextIndex = old last + 1, advanced past what was just sent; matchIndex 0.
    // Nobody has answered yet, so nobody counts as heard from (thesis §6.2).
    let pr = Progress {
        next_index: 3,
        match_index: 0,
        recent_active: false,
    };
    assert_eq!(
        n.progress().values().copied().collect::<Vec<_>>(),
        vec![pr, pr]
    );
    // A late vote changes nothing.
    n.step(vote_response(3, 1, 2, false, true));
    assert!(n.take_events().is_empty());
}

#[test]
fn s5_2_new_leader_without_noop_sends_heartbeats() {
    let mut n = node_with_log(1, &ids(3), config(false), 1, None, &[1]);
    n.force_timeout();
    n.take_outbox();
    n.step(vote_response(3, 1, 2, false, true));
    assert_eq!(n.role(), Role::Leader);
    assert_eq!(log_terms(&n), vec![1]);
    let out = n.take_outbox();
    assert_eq!(
        out,
        vec![
            append(1, 2, 2, 1, 1, vec![], 0),
            append(1, 3, 2, 1, 1, vec![], 0)
        ]
    );
    assert!(out.iter().all(|m| m.body.is_heartbeat()));
    // Heartbeats repeat every heartbeat_interval ticks.
    for _ in 0..4 {
        n.tick();
    }
    assert!(n.take_outbox().is_empty());
    n.tick();
    assert_eq!(
        kinds(&n.take_outbox()),
        vec![("append-entries", 2), ("append-entries", 3)]
    );
    // A leader ignores a forced timeout.
    n.force_timeout();
    assert_eq!((n.role(), n.term()), (Role::Leader, 2));
}

#[test]
fn s5_2_one_vote_per_term_first_come_first_served() {
    let mut n = new_node(1, &ids(3), config(false));
    n.step(vote_req(2, 1, 2, false, 0, 0));
    assert_eq!(n.voted_for(), Some(2));
    n.step(vote_req(3, 1, 2, false, 0, 0));
    n.step(vote_req(2, 1, 2, false, 0, 0)); // a retry from the same candidate
    let ev = n.take_events();
    assert_eq!(
        ev[1..],
        [
            Event::VoteGranted {
                candidate: 2,
                term: 2,
                pre_vote: false
            },
            vote_denied(3, 2, false, VoteDenial::AlreadyVoted { voted_for: 2 }),
            Event::VoteGranted {
                candidate: 2,
                term: 2,
                pre_vote: false
            },
        ]
    );
    assert_eq!(
        n.take_outbox(),
        vec![
            vote_resp(1, 2, 2, false, true),
            vote_resp(1, 3, 2, false, false),
            vote_resp(1, 2, 2, false, true)
        ]
    );
    // A candidate has voted for itself; a leader too.
    let mut c = new_node(1, &ids(3), config(false));
    c.force_timeout();
    c.take_events();
    c.step(vote_req(2, 1, 1, false, 0, 0));
    assert_eq!(
        c.take_events(),
        vec![vote_denied(
            2,
            1,
            false,
            VoteDenial::AlreadyVoted { voted_for: 1 }
        )]
    );
}

#[test]
fn s5_2_denying_a_vote_does_not_reset_the_timer_granting_does() {
    let mut n = node_with_log(1, &ids(3), config(false), 1, None, &[1]);
    n.set_election_timeout_once(1000);
    for _ in 0..7 {
        n.tick();
    }
    n.step(vote_req(2, 1, 1, false, 0, 0)); // behind: denied
    assert_eq!(n.election_elapsed(), 7);
    n.step(vote_req(3, 1, 1, false, 1, 1)); // granted
    assert_eq!(n.election_elapsed(), 0);
}

#[test]
fn s5_2_candidate_yields_to_append_entries_of_its_own_term() {
    let mut n = new_node(1, &ids(3), config(false));
    n.force_timeout();
    n.force_timeout(); // term 2
    n.take_events();
    n.take_outbox();
    n.step(append(2, 1, 2, 0, 0, vec![], 0));
    assert_eq!(
        n.take_events(),
        vec![
            role_changed(
                Role::Candidate,
                Role::Follower,
                2,
                RoleCause::DiscoveredLeader { leader: 2 }
            ),
            Event::AppendAccepted {
                leader: 2,
                prev_log_index: 0,
                entries: 0,
                match_index: 0
            }
        ]
    );
    assert_eq!(n.role(), Role::Follower);
    assert_eq!(n.term(), 2, "no new term");
    assert_eq!(n.voted_for(), Some(1), "its vote in this term stays");
    assert_eq!(n.leader_id(), Some(2));
    assert!(n.votes().is_empty());
}

#[test]
fn s5_2_split_vote_resolves_by_timeout_in_a_new_term() {
    let mut net = Network::new(&ids(4), config(true));
    net.node_mut(1).force_timeout();
    net.node_mut(3).force_timeout();
    // 2 hears from 1 first, 4 from 3 first: two votes each, three needed.
    net.deliver_one(1, 2);
    net.deliver_one(3, 4);
    net.deliver_all();
    assert_eq!(
        net.roles_terms(),
        vec![
            (1, Role::Candidate, 1),
            (2, Role::Follower, 1),
            (3, Role::Candidate, 1),
            (4, Role::Follower, 1)
        ]
    );
    assert_eq!(net.node(2).voted_for(), Some(1));
    assert_eq!(net.node(4).voted_for(), Some(3));
    let granted = |n: &Node| n.votes().values().filter(|&&g| g).count();
    assert_eq!((granted(net.node(1)), granted(net.node(3))), (2, 2));
    // Whoever drew the shortest wait times out first, in term 2, and wins.
    let waits: Vec<(u32, NodeId)> = net
        .nodes
        .values()
        .map(|n| {
            (
                n.randomized_election_timeout() - n.election_elapsed(),
                n.id(),
            )
        })
        .collect();
    let (min_wait, first) = *waits.iter().min().unwrap();
    assert_eq!(
        waits.iter().filter(|w| w.0 == min_wait).count(),
        1,
        "{waits:?}"
    );
    net.tick_all(min_wait - 1);
    assert_eq!(net.leader(), None);
    net.tick_all(1);
    assert_eq!(net.leader(), Some(first));
    assert_eq!(net.node(first).term(), 2);
    assert_eq!(net.in_role(Role::Leader), vec![first]);
    assert!(net.nodes.values().all(|n| n.term() == 2));
}
