//! Scenarios from the Raft paper's figures and classic failure stories, run on
//! the in-test network with exact end states.

mod common;

use common::raft_harness::*;
use raftlab::raft::{
    AppendRejection, ApplyResult, CommitHold, Config, Event, NodeId, PreVoteMode, Role, RoleCause,
    Term, UnsafeSwitch, VoteDenial,
};

const T: u32 = 20;

fn heartbeat(net: &mut Network, id: NodeId) {
    let hb = net.node(id).config().heartbeat_interval;
    net.tick(id, hb);
    net.deliver_all();
}

fn backups(events: &[Event], follower: NodeId) -> Vec<(u64, u64)> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::NextIndexBackedUp {
                follower: f,
                from,
                to,
            } if *f == follower => Some((*from, *to)),
            _ => None,
        })
        .collect()
}

fn truncations(events: &[Event]) -> Vec<Vec<(u64, Term)>> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::EntriesTruncated { removed } => Some(removed.clone()),
            _ => None,
        })
        .collect()
}

fn rejections(events: &[Event]) -> Vec<AppendRejection> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::AppendRejected { reason, .. } => Some(reason.clone()),
            _ => None,
        })
        .collect()
}

fn last_commit_hold(events: &[Event]) -> Option<CommitHold> {
    events.iter().rev().find_map(|e| match e {
        Event::CommitHeld { hold } => Some(hold.clone()),
        _ => None,
    })
}

fn commits(events: &[Event]) -> Vec<(u64, u64, Vec<NodeId>)> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::CommitAdvanced { from, to, by } => Some((*from, *to, by.clone())),
            _ => None,
        })
        .collect()
}

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
        .filter(|m| (m.from, m.to) == (1, 2) && m.body.kind() == "append-entries")
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
                candidate_last: (6, 10),
                our_last: (6, 11),
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
                candidate_last: (6, 10),
                our_last: (7, 12),
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
        candidate_last: (3, 2),
        our_last: (4, 3),
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

// ====================================================== dueling candidates

#[test]
fn dueling_candidates_without_pre_vote_the_loser_deposes_the_leader() {
    let mut net = Network::new(&[1, 2, 3], config(true));
    net.cut_link(1, 3);
    net.cut_link(3, 1);
    net.campaign(1);
    net.campaign(3);
    assert_eq!(
        net.roles_terms(),
        vec![
            (1, Role::Leader, 1),
            (2, Role::Follower, 1),
            (3, Role::Candidate, 1)
        ]
    );
    assert!(net.take_events(2).contains(&Event::VoteDenied {
        candidate: 3,
        term: 1,
        pre_vote: false,
        reason: VoteDenial::AlreadyVoted { voted_for: 1 }
    }));
    net.heal();
    net.clear_records();
    // 3 tries again in term 2: its empty log loses, but its term wins.
    net.campaign(3);
    assert_eq!(
        net.roles_terms(),
        vec![
            (1, Role::Follower, 2),
            (2, Role::Follower, 2),
            (3, Role::Candidate, 2)
        ]
    );
    assert_eq!(
        net.take_events(1),
        vec![
            Event::TermAdopted {
                from_term: 1,
                to_term: 2,
                from: 3
            },
            Event::RoleChanged {
                from: Role::Leader,
                to: Role::Follower,
                term: 2,
                cause: RoleCause::SawHigherTerm { from: 3, term: 2 }
            },
            Event::VoteDenied {
                candidate: 3,
                term: 2,
                pre_vote: false,
                reason: VoteDenial::LogBehind {
                    candidate_last: (0, 0),
                    our_last: (1, 1)
                }
            }
        ]
    );
    // The timeouts sort it out. Pin node 2 to time out first: it wins term 3
    // with both votes (3's empty log is behind, not ahead).
    let e = net.node(2).election_elapsed();
    net.node_mut(2).set_election_timeout_once(e + 1);
    net.tick_all(1);
    assert_eq!(
        net.roles_terms(),
        vec![
            (1, Role::Follower, 3),
            (2, Role::Leader, 3),
            (3, Role::Follower, 3)
        ]
    );
    assert!(net.nodes.values().all(|n| log_terms(n) == vec![1, 3]));
}

#[test]
fn dueling_candidates_with_pre_vote_the_loser_cannot_disrupt() {
    // The thesis's PreVote (§9.6): refused while a leader is heard from.
    let cfg = Config {
        pre_vote: true,
        pre_vote_mode: PreVoteMode::Thesis,
        ..config(true)
    };
    let mut net = Network::new(&[1, 2, 3], cfg);
    net.cut_link(1, 3);
    net.cut_link(3, 1);
    net.campaign(1);
    net.campaign(3);
    // 3's pre-vote is denied by 2 (it hears from leader 1); the denial carries
    // term 1, which 3 adopts as a follower.
    assert_eq!(
        net.roles_terms(),
        vec![
            (1, Role::Leader, 1),
            (2, Role::Follower, 1),
            (3, Role::Follower, 1)
        ]
    );
    assert!(net.take_events(2).contains(&Event::VoteDenied {
        candidate: 3,
        term: 1,
        pre_vote: true,
        reason: VoteDenial::LeaderRecentlyHeard { leader: 1 }
    }));
    net.heal();
    net.clear_records();
    net.campaign(3);
    assert_eq!(
        net.roles_terms(),
        vec![
            (1, Role::Leader, 1),
            (2, Role::Follower, 1),
            (3, Role::PreCandidate, 1)
        ]
    );
    assert_eq!(
        net.take_events(1),
        vec![Event::VoteDenied {
            candidate: 3,
            term: 2,
            pre_vote: true,
            reason: VoteDenial::WeAreLeader
        }]
    );
    assert_eq!(
        net.take_events(2),
        vec![Event::VoteDenied {
            candidate: 3,
            term: 2,
            pre_vote: true,
            reason: VoteDenial::LeaderRecentlyHeard { leader: 1 }
        }]
    );
    heartbeat(&mut net, 1);
    assert_eq!(
        net.roles_terms(),
        vec![
            (1, Role::Leader, 1),
            (2, Role::Follower, 1),
            (3, Role::Follower, 1)
        ]
    );
    assert_eq!(net.node(3).leader_id(), Some(1));
    assert_eq!(log_terms(net.node(3)), vec![1]);
}

// ================================================= a partitioned node rejoins

fn partitioned_then_rejoined(pre_vote: bool) -> Network {
    // With PreVote, the thesis's form (§9.6); etcd's is in tests/prevote_modes.rs.
    let cfg = Config {
        pre_vote,
        pre_vote_mode: PreVoteMode::Thesis,
        ..config(true)
    };
    let mut net = Network::new(&[1, 2, 3], cfg);
    net.campaign(1);
    net.isolate(3);
    for _ in 0..3 {
        net.node_mut(3).force_timeout();
    }
    net.propose(1, "put a 1");
    net.heal();
    net.clear_records();
    net
}

#[test]
fn rejoining_node_without_pre_vote_deposes_the_leader_with_its_inflated_term() {
    let mut net = partitioned_then_rejoined(false);
    assert_eq!(
        (net.node(3).role(), net.node(3).term()),
        (Role::Candidate, 4)
    );
    assert_eq!(net.node(1).commit_index(), 2);
    heartbeat(&mut net, 1);
    assert_eq!(
        net.roles_terms(),
        vec![
            (1, Role::Follower, 4),
            (2, Role::Follower, 1),
            (3, Role::Candidate, 4)
        ]
    );
    assert_eq!(
        rejections(&net.take_events(3)),
        vec![AppendRejection::StaleTerm {
            leader_term: 1,
            our_term: 4
        }]
    );
    assert_eq!(
        net.take_events(1)[..2],
        [
            Event::TermAdopted {
                from_term: 1,
                to_term: 4,
                from: 3
            },
            Event::RoleChanged {
                from: Role::Leader,
                to: Role::Follower,
                term: 4,
                cause: RoleCause::SawHigherTerm { from: 3, term: 4 }
            }
        ]
    );
    // 3 cannot win: its log is behind.
    net.campaign(3);
    let behind = VoteDenial::LogBehind {
        candidate_last: (1, 1),
        our_last: (1, 2),
    };
    for id in [1, 2] {
        assert!(net.take_events(id).contains(&Event::VoteDenied {
            candidate: 3,
            term: 5,
            pre_vote: false,
            reason: behind.clone()
        }));
    }
    assert_eq!(net.leader(), None);
    // Pin node 1 to time out next: it wins term 6, and the committed entry stays.
    let e = net.node(1).election_elapsed();
    net.node_mut(1).set_election_timeout_once(e + 1);
    net.clear_records();
    net.tick_all(1);
    assert_eq!(
        net.roles_terms(),
        vec![
            (1, Role::Leader, 6),
            (2, Role::Follower, 6),
            (3, Role::Follower, 6)
        ]
    );
    assert!(net.take_events(3).contains(&Event::VoteGranted {
        candidate: 1,
        term: 6,
        pre_vote: false
    }));
    heartbeat(&mut net, 1);
    for n in net.nodes.values() {
        assert_eq!(log_terms(n), vec![1, 1, 6]);
        assert_eq!(n.commit_index(), 3);
        assert_eq!(n.kv().data.get("a").map(String::as_str), Some("1"));
    }
}

#[test]
fn rejoining_node_with_pre_vote_does_not_disturb_the_leader() {
    let mut net = partitioned_then_rejoined(true);
    assert_eq!(
        (net.node(3).role(), net.node(3).term()),
        (Role::PreCandidate, 1)
    );
    // It times out once more after the heal: both others deny.
    net.campaign(3);
    assert_eq!(net.node(3).role(), Role::PreCandidate);
    heartbeat(&mut net, 1);
    heartbeat(&mut net, 1);
    assert_eq!(
        net.roles_terms(),
        vec![
            (1, Role::Leader, 1),
            (2, Role::Follower, 1),
            (3, Role::Follower, 1)
        ]
    );
    let ev1 = net.take_events(1);
    assert!(!ev1.iter().any(|e| matches!(e, Event::TermAdopted { .. })));
    assert!(ev1.contains(&Event::VoteDenied {
        candidate: 3,
        term: 2,
        pre_vote: true,
        reason: VoteDenial::WeAreLeader
    }));
    assert!(net.take_events(3).contains(&Event::RoleChanged {
        from: Role::PreCandidate,
        to: Role::Follower,
        term: 1,
        cause: RoleCause::DiscoveredLeader { leader: 1 }
    }));
    assert_eq!(log_terms(net.node(3)), vec![1, 1]);
    assert_eq!(net.node(3).commit_index(), 2);
    assert_eq!(
        net.node(3).kv().data.get("a").map(String::as_str),
        Some("1")
    );
}

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
