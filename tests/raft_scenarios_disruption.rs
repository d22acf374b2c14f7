//! Scenarios from the Raft paper's figures and classic failure stories, run on
//! the in-test network with exact end states.
//!
//! This file: dueling candidates and a partitioned node that rejoins, with and
//! without PreVote (thesis §9.6).

mod common;

use common::events::rejections;
use common::paper::heartbeat;
use common::raft_harness::*;
use raftlab::raft::LogPosition;
use raftlab::raft::{AppendRejection, Config, Event, PreVoteMode, Role, RoleCause, VoteDenial};

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
                    candidate_last: LogPosition::new(0, 0),
                    our_last: LogPosition::new(1, 1)
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
        candidate_last: LogPosition::new(1, 1),
        our_last: LogPosition::new(1, 2),
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
        assert_eq!(n.kv().data.get("a").map(|v| &**v), Some("1"));
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
    assert_eq!(net.node(3).kv().data.get("a").map(|v| &**v), Some("1"));
}
