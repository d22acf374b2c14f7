//! Scenarios from the Raft paper's figures and classic failure stories, run on
//! the in-test network with exact end states.
//!
//! This file: Figure 8 (§5.4.2), why old-term entries do not commit by counting.

mod common;

use common::events::{commits, last_commit_hold, truncations};
use common::paper::heartbeat;
use common::raft_harness::*;
use raftlab::raft::LogPosition;
use raftlab::raft::{CommitHold, Config, Event, Role, UnsafeSwitch, VoteDenial};

// ================================================================ Figure 8

/// Figure 8 (c): S1 [1,2], S2 [1,2], S3 [1], S4 [1], S5 [1,3], all in term 3;
/// S4 and S5 are down while S1 is elected in term 4 with S2 and S3, and S1
/// spreads its term-2 entry to S3: it is on a majority.
fn figure8_c(cfg: Config) -> Network {
    let mut net = Network::with_logs(
        cfg,
        &[
            (1, 3, &[1, 2]),
            (2, 3, &[1, 2]),
            (3, 3, &[1]),
            (4, 3, &[1]),
            (5, 3, &[1, 3]),
        ],
    );
    net.isolate(4);
    net.isolate(5);
    net.campaign(1);
    assert_eq!((net.node(1).role(), net.node(1).term()), (Role::Leader, 4));
    for id in 1..=3 {
        assert_eq!(net.node(id).log().term_at(2), Some(2), "S{id}");
    }
    net
}

/// Figure 8 (d): S1 crashes; S5 is elected (term 5, after a failed try in
/// term 4) with S2, S3, S4 and overwrites index 2 everywhere it can.
fn figure8_d(net: &mut Network) {
    net.heal();
    net.isolate(1);
    net.campaign(5);
    assert_eq!(
        (net.node(5).role(), net.node(5).term()),
        (Role::Candidate, 4)
    );
    net.campaign(5);
    assert_eq!((net.node(5).role(), net.node(5).term()), (Role::Leader, 5));
}

#[test]
fn figure8_old_term_entry_on_a_majority_is_not_committed_and_may_be_overwritten() {
    let mut net = figure8_c(config(false));
    let ev1 = net.take_events(1);
    assert_eq!(
        last_commit_hold(&ev1),
        Some(CommitHold::OldTerm {
            index: 2,
            entry_term: 2,
            current_term: 4,
            holders: vec![1, 2, 3]
        })
    );
    assert_eq!(net.node(1).commit_index(), 0);
    assert!(commits(&ev1).is_empty());

    figure8_d(&mut net);
    assert_eq!(log_terms(net.node(1)), vec![1, 2]);
    for id in 2..=5 {
        assert_eq!(log_terms(net.node(id)), vec![1, 3], "S{id}");
    }
    assert_eq!(truncations(&net.take_events(2)), vec![vec![(2, 2)]]);
    assert_eq!(truncations(&net.take_events(3)), vec![vec![(2, 2)]]);
    // No harm done: nobody had committed (2, term 2). S5 cannot commit its
    // term-3 entry by counting either.
    assert!(net.nodes.values().all(|n| n.commit_index() == 0));
    assert_eq!(
        last_commit_hold(&net.take_events(5)),
        Some(CommitHold::OldTerm {
            index: 2,
            entry_term: 3,
            current_term: 5,
            holders: vec![2, 3, 4, 5]
        })
    );
}

#[test]
fn figure8_e_old_term_entry_commits_with_a_current_term_entry_and_then_survives() {
    let mut net = figure8_c(config(false));
    net.clear_records();
    assert_eq!(net.propose(1, "put x 1"), (3, 4));
    assert_eq!(commits(&net.take_events(1)), vec![(0, 3, vec![1, 2, 3])]);
    heartbeat(&mut net, 1);
    assert_eq!([1, 2, 3].map(|id| net.node(id).commit_index()), [3, 3, 3]);
    // S1 crashes. S5 can no longer win: S2 and S3 hold (term 4, index 3).
    net.heal();
    net.isolate(1);
    net.clear_records();
    net.campaign(5);
    net.campaign(5);
    assert_eq!(
        (net.node(5).role(), net.node(5).term()),
        (Role::Candidate, 5)
    );
    let behind = VoteDenial::LogBehind {
        candidate_last: LogPosition::new(3, 2),
        our_last: LogPosition::new(4, 3),
    };
    for id in [2, 3] {
        assert!(net.take_events(id).contains(&Event::VoteDenied {
            candidate: 5,
            term: 5,
            pre_vote: false,
            reason: behind.clone()
        }));
    }
    // S2 is elected instead and the committed entries stay.
    net.campaign(2);
    assert_eq!((net.node(2).role(), net.node(2).term()), (Role::Leader, 6));
    net.propose(2, "put y 2");
    heartbeat(&mut net, 2);
    for id in 2..=5 {
        assert_eq!(log_terms(net.node(id)), vec![1, 2, 4, 6], "S{id}");
        assert_eq!(net.node(id).commit_index(), 4, "S{id}");
    }
    assert_eq!(truncations(&net.take_events(5)), vec![vec![(2, 3)]]);
}

#[test]
fn figure8_with_leader_noop_old_entry_commits_right_after_election() {
    let mut net = figure8_c(config(true));
    assert_eq!(log_terms(net.node(1)), vec![1, 2, 4]);
    assert_eq!(commits(&net.take_events(1)), vec![(0, 3, vec![1, 2, 3])]);
    assert_eq!(net.node(1).commit_index(), 3);
    assert_eq!(net.node(1).last_applied(), 3);
}

#[test]
fn figure8_unsafe_commit_by_counting_loses_a_committed_entry() {
    let cfg = Config {
        unsafe_switches: vec![UnsafeSwitch::CommitOldTermByCounting],
        ..config(false)
    };
    let mut net = figure8_c(cfg);
    assert_eq!(commits(&net.take_events(1)), vec![(0, 2, vec![1, 2, 3])]);
    assert_eq!(net.node(1).commit_index(), 2);
    figure8_d(&mut net);
    net.propose(5, "put y 1");
    heartbeat(&mut net, 5);
    // Two different entries committed at index 2: State Machine Safety broken.
    assert_eq!(net.node(1).log().term_at(2), Some(2));
    assert_eq!(net.node(5).log().term_at(2), Some(3));
    assert!(net.node(5).commit_index() >= 2);
    assert_eq!(net.node(1).last_applied(), 2);
    assert!(net.node(5).last_applied() >= 2);
}
