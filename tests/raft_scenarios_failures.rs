//! Scenarios from the Raft paper's figures and classic failure stories, run on
//! the in-test network with exact end states.
//!
//! This file: CheckQuorum (thesis §6.2) and restarts (Figure 2's persistent state).

mod common;

use common::paper::{heartbeat, T};
use common::raft_harness::*;
use raftlab::raft::{ApplyResult, Config, Event, Role, RoleCause, UnsafeSwitch, VoteDenial};

// ======================================================== CheckQuorum

#[test]
fn check_quorum_steps_down_an_isolated_leader_and_the_majority_moves_on() {
    let cfg = Config {
        check_quorum: true,
        ..config(true)
    };
    let mut net = Network::new(&[1, 2, 3, 4, 5], cfg);
    net.campaign(1);
    net.tick_all(T - 1); // heartbeats at 5, 10, 15 are answered
    net.isolate(1);
    net.clear_records();
    // The followers last heard from 1 at tick 15. Pin node 3 to time out at
    // tick 35 (exactly T later, when every lease has run out) and the others later.
    for id in [2, 4, 5] {
        net.node_mut(id).set_election_timeout_once(2 * T - 1);
    }
    net.node_mut(3).set_election_timeout_once(T);
    assert!((2..=5).all(|id| net.node(id).election_elapsed() == 4));
    net.tick_all(15); // tick 34: 1 still heard from a majority within T
    assert_eq!(net.in_role(Role::Leader), vec![1]);
    net.tick_all(1); // tick 35: 1's window and the followers' leases end together
    assert_eq!(
        (net.node(1).role(), net.node(1).term()),
        (Role::Follower, 1)
    );
    assert_eq!(
        net.take_events(1),
        vec![Event::RoleChanged {
            from: Role::Leader,
            to: Role::Follower,
            term: 1,
            cause: RoleCause::LostQuorum {
                heard_from: vec![1]
            }
        }]
    );
    assert_eq!(net.in_role(Role::Leader), vec![3]);
    assert_eq!(net.node(3).term(), 2);
    // The old leader rejoins as a follower of the new one.
    net.heal();
    heartbeat(&mut net, 3);
    let old = net.node(1);
    assert_eq!(
        (old.role(), old.term(), old.leader_id()),
        (Role::Follower, 2, Some(3))
    );
    assert!(net.nodes.values().all(|n| log_terms(n) == vec![1, 2]));
    assert_eq!(net.in_role(Role::Leader), vec![3]);
}

// ================================================================ restarts

/// Node 3 votes for 1 in term 1 and restarts; 2 then asks it in term 1.
fn vote_then_restart(forget: bool) -> Network {
    let cfg = Config {
        unsafe_switches: if forget {
            vec![UnsafeSwitch::ForgetVoteOnRestart]
        } else {
            vec![]
        },
        ..config(true)
    };
    let mut net = Network::new(&[1, 2, 3], cfg);
    net.node_mut(1).force_timeout();
    net.deliver_one(1, 3);
    net.deliver_one(3, 1);
    assert_eq!((net.node(1).role(), net.node(1).term()), (Role::Leader, 1));
    net.isolate(1);
    net.restart(3);
    net.clear_records();
    net.campaign(2);
    net
}

#[test]
fn a_vote_survives_restart_so_a_second_candidate_is_refused() {
    let mut net = vote_then_restart(false);
    assert_eq!((net.node(3).term(), net.node(3).voted_for()), (1, Some(1)));
    assert_eq!(
        net.take_events(3),
        vec![Event::VoteDenied {
            candidate: 2,
            term: 1,
            pre_vote: false,
            reason: VoteDenial::AlreadyVoted { voted_for: 1 }
        }]
    );
    assert_eq!(
        (net.node(2).role(), net.node(2).term()),
        (Role::Candidate, 1)
    );
    assert_eq!(net.in_role(Role::Leader), vec![1]);
}

#[test]
fn unsafe_forget_vote_on_restart_elects_two_leaders_in_one_term() {
    let net = vote_then_restart(true);
    assert_eq!(net.node(3).voted_for(), Some(2));
    assert_eq!(net.in_role(Role::Leader), vec![1, 2]);
    assert!(net.nodes.values().all(|n| n.term() == 1));
}

#[test]
fn restarted_leader_loses_commit_index_and_rebuilds_its_state_machine() {
    let mut net = Network::new(&[1, 2, 3], config(true));
    net.campaign(1);
    for c in ["put a 1", "put b 2", "del a"] {
        net.propose(1, c);
    }
    heartbeat(&mut net, 1);
    let kv_before = net.node(1).kv().clone();
    assert_eq!(kv_before.last_applied, 4);
    net.restart(1);
    assert_eq!(
        (net.node(1).role(), net.node(1).commit_index()),
        (Role::Follower, 0)
    );
    assert_eq!(net.node(1).last_applied(), 0);
    assert!(net.node(1).kv().data.is_empty());
    assert_eq!(log_terms(net.node(1)), vec![1, 1, 1, 1]);
    net.clear_records();
    net.campaign(2);
    assert_eq!((net.node(2).role(), net.node(2).term()), (Role::Leader, 2));
    let applied = |events: &[Event]| -> Vec<(u64, ApplyResult)> {
        events
            .iter()
            .filter_map(|e| match e {
                Event::Applied { index, result, .. } => Some((*index, result.clone())),
                _ => None,
            })
            .collect()
    };
    let ev = net.take_events(1);
    assert_eq!(
        ev[..4],
        [
            Event::TermAdopted {
                from_term: 1,
                to_term: 2,
                from: 2
            },
            Event::VoteGranted {
                candidate: 2,
                term: 2,
                pre_vote: false
            },
            Event::AppendAccepted {
                leader: 2,
                prev_log_index: 4,
                entries: 1,
                match_index: 5
            },
            Event::CommitAdvanced {
                from: 0,
                to: 4,
                by: vec![2]
            },
        ]
    );
    assert_eq!(
        applied(&ev),
        vec![
            (1, ApplyResult::Noop),
            (2, ApplyResult::Written { previous: None }),
            (3, ApplyResult::Written { previous: None }),
            (
                4,
                ApplyResult::Written {
                    previous: Some("1".into())
                }
            ),
        ]
    );
    assert_eq!(net.node(1).kv(), &kv_before);
    heartbeat(&mut net, 2);
    assert_eq!(applied(&net.take_events(1)), vec![(5, ApplyResult::Noop)]);
    assert!(net
        .nodes
        .values()
        .all(|n| n.commit_index() == 5 && n.last_applied() == 5));
}
