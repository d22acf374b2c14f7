//! Scenarios from the Raft paper's figures and classic failure stories, run on
//! the in-test network with exact end states.
//!
//! This file: Figure 7 (§5.3), a new leader repairs each follower (a)–(f).

mod common;

use common::events::{backups, rejections, truncations};
use common::paper::heartbeat;
use common::raft_harness::*;
use raftlab::raft::LogPosition;
use raftlab::raft::MessageKind;
use raftlab::raft::{AppendRejection, Event, Role, Term, VoteDenial};

// ================================================================ Figure 7

const FIG7_LEADER: [Term; 10] = [1, 1, 1, 4, 4, 5, 5, 6, 6, 6];
/// The leader's log once it has appended its term-8 no-op (thesis §6.4).
const FIG7_FINAL: [Term; 11] = [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 8];

struct Fig7 {
    /// Node 2's answer to the term-8 RequestVote (None: granted).
    vote_denial: Option<VoteDenial>,
    /// (from, to) of each NextIndexBackedUp for node 2.
    backups: Vec<(u64, u64)>,
    /// AppendEntries delivered from the leader to node 2 until repaired.
    round_trips: usize,
    /// Node 2's rejections, in order.
    rejections: Vec<AppendRejection>,
    /// Entries node 2 deleted.
    truncated: Vec<Vec<(u64, Term)>>,
}

/// Figure 7: the leader of term 8 (node 1) meets follower `follower` (node 2);
/// node 3 holds the leader's log and gives the second vote. Every node is in
/// term 7 before the election.
fn figure7(follower: &[Term], want: Fig7) {
    let mut net = Network::with_logs(
        config(true),
        &[(1, 7, &FIG7_LEADER), (2, 7, follower), (3, 7, &FIG7_LEADER)],
    );
    net.campaign(1);
    assert_eq!((net.node(1).role(), net.node(1).term()), (Role::Leader, 8));
    let ev2 = net.take_events(2);
    let denial = ev2.iter().find_map(|e| match e {
        Event::VoteDenied { reason, .. } => Some(reason.clone()),
        _ => None,
    });
    assert_eq!(denial, want.vote_denial);
    // Repaired: node 2's log is exactly the leader's.
    assert_eq!(log_terms(net.node(1)), FIG7_FINAL.to_vec());
    assert_eq!(log_terms(net.node(2)), FIG7_FINAL.to_vec());
    let ev1 = net.take_events(1);
    assert_eq!(backups(&ev1, 2), want.backups);
    let to2 = net
        .delivered
        .iter()
        .filter(|m| (m.from, m.to) == (1, 2) && m.body.kind() == MessageKind::AppendEntries)
        .count();
    assert_eq!(to2, want.round_trips, "round trips");
    assert_eq!(rejections(&ev2), want.rejections);
    assert_eq!(truncations(&ev2), want.truncated);
    assert_eq!(net.node(1).progress()[&2].match_index, 11);
    // The no-op of term 8 commits, and with it the whole Figure 7 prefix.
    assert_eq!(net.node(1).commit_index(), 11);
    heartbeat(&mut net, 1);
    assert_eq!(net.node(2).commit_index(), 11);
}

#[test]
fn figure7_a_follower_missing_one_entry() {
    figure7(
        &[1, 1, 1, 4, 4, 5, 5, 6, 6],
        Fig7 {
            vote_denial: None,
            backups: vec![(12, 10)],
            round_trips: 2,
            rejections: vec![AppendRejection::MissingEntry {
                prev_log_index: 10,
                our_last_index: 9,
            }],
            truncated: vec![],
        },
    );
}

#[test]
fn figure7_b_follower_missing_many_entries() {
    figure7(
        &[1, 1, 1, 4],
        Fig7 {
            vote_denial: None,
            backups: vec![(12, 5)],
            round_trips: 2,
            rejections: vec![AppendRejection::MissingEntry {
                prev_log_index: 10,
                our_last_index: 4,
            }],
            truncated: vec![],
        },
    );
}

#[test]
fn figure7_c_follower_with_an_extra_uncommitted_entry() {
    figure7(
        &[1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6],
        Fig7 {
            vote_denial: Some(VoteDenial::LogBehind {
                candidate_last: LogPosition::new(6, 10),
                our_last: LogPosition::new(6, 11),
            }),
            backups: vec![],
            round_trips: 1,
            rejections: vec![],
            truncated: vec![vec![(11, 6)]],
        },
    );
}

#[test]
fn figure7_d_follower_with_extra_entries_of_a_later_term() {
    figure7(
        &[1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7],
        Fig7 {
            vote_denial: Some(VoteDenial::LogBehind {
                candidate_last: LogPosition::new(6, 10),
                our_last: LogPosition::new(7, 12),
            }),
            backups: vec![],
            round_trips: 1,
            rejections: vec![],
            truncated: vec![vec![(11, 7), (12, 7)]],
        },
    );
}

#[test]
fn figure7_e_follower_missing_entries_and_with_extra_ones() {
    figure7(
        &[1, 1, 1, 4, 4, 4, 4],
        Fig7 {
            vote_denial: None,
            // Past the end (8), then past the leader's last term-4 entry (6).
            backups: vec![(12, 8), (12, 6)],
            round_trips: 3,
            rejections: vec![
                AppendRejection::MissingEntry {
                    prev_log_index: 10,
                    our_last_index: 7,
                },
                AppendRejection::TermMismatch {
                    prev_log_index: 7,
                    prev_log_term: 5,
                    our_term: 4,
                    conflict_index: 4,
                },
            ],
            truncated: vec![vec![(6, 4), (7, 4)]],
        },
    );
}

#[test]
fn figure7_f_follower_with_many_entries_of_terms_the_leader_never_had() {
    figure7(
        &[1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3],
        Fig7 {
            vote_denial: None,
            // A whole term per rejection: all of term 3, then all of term 2.
            backups: vec![(12, 7), (12, 4)],
            round_trips: 3,
            rejections: vec![
                AppendRejection::TermMismatch {
                    prev_log_index: 10,
                    prev_log_term: 6,
                    our_term: 3,
                    conflict_index: 7,
                },
                AppendRejection::TermMismatch {
                    prev_log_index: 6,
                    prev_log_term: 5,
                    our_term: 2,
                    conflict_index: 4,
                },
            ],
            truncated: vec![vec![
                (4, 2),
                (5, 2),
                (6, 2),
                (7, 3),
                (8, 3),
                (9, 3),
                (10, 3),
                (11, 3),
            ]],
        },
    );
}
