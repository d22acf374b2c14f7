//! Scenarios through the scripting API only: every step is a recorded action
//! (`campaign`, `tick_all`, `partition`, `crash`, `propose_to`, …) and every
//! check reads nodes through `node(id)`. Sections cite the Raft paper (Ongaro
//! & Ousterhout 2014) and Ongaro's thesis.
//!
//! Default cluster unless said otherwise: 5 nodes, election timeout 20 ticks
//! (each wait drawn from [20, 40)), heartbeats every 5, latency 2–4 ticks, a
//! no-op entry from every new leader (thesis §6.4).
//!
//! This file: elections, crashes, partitions, PreVote and CheckQuorum.

mod common;

use common::sim::{cluster, commits, elected_n1, kv, roles, terms};
use raftlab::raft::Config as RaftConfig;
use raftlab::sim::RoleKey;
use raftlab::sim::{OpFailure, OpStatus};

/// §5.2: a candidate that wins votes from a majority becomes leader; the others
/// learn of it from its AppendEntries and stay followers in its term.
#[test]
fn leader_election_in_a_five_node_cluster() {
    let mut sim = cluster(RaftConfig::default());
    sim.campaign(1).unwrap();
    assert_eq!(sim.node(1).unwrap().role, RoleKey::Candidate);
    assert_eq!(sim.node(1).unwrap().voted_for, Some(1));
    sim.tick_all(15).unwrap();
    assert_eq!(
        roles(&sim),
        [
            RoleKey::Leader,
            RoleKey::Follower,
            RoleKey::Follower,
            RoleKey::Follower,
            RoleKey::Follower
        ]
    );
    assert_eq!(terms(&sim), [1; 5]);
    for n in sim.nodes() {
        assert_eq!(n.voted_for, Some(1), "n{} voted for n1 (§5.2)", n.id);
        assert_eq!(n.leader, Some(1));
        assert_eq!(n.log_terms(), [1], "the leader's no-op (thesis §6.4)");
    }
    // The no-op committed on the leader and, one heartbeat later, everywhere.
    sim.tick_all(10).unwrap();
    assert_eq!(commits(&sim), [1; 5]);
    let leader = sim.node(1).unwrap();
    assert_eq!(leader.progress.len(), 4);
    assert!(leader
        .progress
        .values()
        .all(|&(next, matched)| (next, matched) == (2, 1)));
}

/// §5.2: followers that stop hearing from the leader time out and elect a new
/// one in a higher term; §5.4.1 the winner holds every committed entry.
#[test]
fn leader_crash_and_re_election_with_a_higher_term() {
    let mut sim = elected_n1(RaftConfig::default());
    sim.propose_to(1, "put x 1").unwrap();
    sim.tick_all(15).unwrap();
    assert_eq!(commits(&sim), [2; 5]);
    sim.crash(1).unwrap();
    // Let the last heartbeats land (each resets a timer), then pin n3's
    // election timer to fire first.
    sim.tick_all(5).unwrap();
    sim.set_timeout(3, 21).unwrap();
    for n in [2, 4, 5] {
        sim.set_timeout(n, 39).unwrap();
    }
    sim.tick_all(30).unwrap();
    assert_eq!(sim.node(3).unwrap().role, RoleKey::Leader);
    sim.tick_all(15).unwrap();
    assert_eq!(
        roles(&sim),
        [
            RoleKey::Crashed,
            RoleKey::Follower,
            RoleKey::Leader,
            RoleKey::Follower,
            RoleKey::Follower
        ]
    );
    assert_eq!(terms(&sim), [1, 2, 2, 2, 2]);
    for id in 2..=5 {
        let n = sim.node(id).unwrap();
        assert_eq!(n.log_terms(), [1, 1, 2], "n{id}");
        assert_eq!(n.commit, 3, "n{id}");
        assert_eq!(kv(&sim, id, "x").as_deref(), Some("1"));
    }
    // The crashed node kept only its persistent state (Figure 2).
    let n1 = sim.node(1).unwrap();
    assert_eq!(
        (n1.term, n1.voted_for, n1.log_terms()),
        (1, Some(1), vec![1, 1])
    );
    // Restarted, it rejoins as a follower of term 2 and catches up.
    sim.restart(1).unwrap();
    sim.tick_all(15).unwrap();
    let n1 = sim.node(1).unwrap();
    assert_eq!((n1.role, n1.term, n1.commit), (RoleKey::Follower, 2, 3));
    assert_eq!(n1.log_terms(), [1, 1, 2]);
    assert_eq!(kv(&sim, 1, "x").as_deref(), Some("1"));
}

/// §5.3–5.4: a leader cut off in a minority cannot commit; the majority elects
/// a new leader and goes on; on healing the old leader sees the higher term,
/// steps down (§5.1), and its uncommitted entry is replaced (§5.3).
#[test]
fn minority_leader_cannot_commit_and_is_replaced_on_heal() {
    let mut sim = elected_n1(RaftConfig::default());
    sim.partition(&[&[1, 2], &[3, 4, 5]]).unwrap();
    sim.propose_to(1, "put x 1").unwrap();
    sim.tick_all(10).unwrap();
    let (n1, n2) = (sim.node(1).unwrap(), sim.node(2).unwrap());
    assert_eq!(
        (n1.role, n1.log_terms(), n1.commit),
        (RoleKey::Leader, vec![1, 1], 1)
    );
    assert_eq!((n2.log_terms(), n2.commit), (vec![1, 1], 1));
    // The majority side elects n3 in term 2 and commits a write.
    sim.campaign(3).unwrap();
    sim.tick_all(10).unwrap();
    sim.propose_to(3, "put x 2").unwrap();
    sim.tick_all(20).unwrap();
    assert_eq!(
        roles(&sim),
        [
            RoleKey::Leader,
            RoleKey::Follower,
            RoleKey::Leader,
            RoleKey::Follower,
            RoleKey::Follower
        ]
    );
    assert_eq!(terms(&sim), [1, 1, 2, 2, 2]);
    for id in 3..=5 {
        assert_eq!(sim.node(id).unwrap().log_terms(), [1, 2, 2]);
        assert_eq!(sim.node(id).unwrap().commit, 3);
    }
    // n1 is still leader of term 1 and still cannot commit index 2.
    assert_eq!(sim.node(1).unwrap().commit, 1);
    sim.recover().unwrap();
    sim.tick_all(40).unwrap();
    assert_eq!(
        roles(&sim),
        [
            RoleKey::Follower,
            RoleKey::Follower,
            RoleKey::Leader,
            RoleKey::Follower,
            RoleKey::Follower
        ]
    );
    assert_eq!(terms(&sim), [2; 5]);
    for n in sim.nodes() {
        assert_eq!(n.log_terms(), [1, 2, 2], "n{}: (2, 1) replaced", n.id);
        assert_eq!(n.commit, 3);
        assert_eq!(n.kv.get("x").map(String::as_str), Some("2"));
    }
    // The client learns its first write was overwritten (no retry: sent to n1).
    let ops = sim.world().client().ops();
    assert!(matches!(
        ops[0].status,
        OpStatus::Failed {
            reason: OpFailure::Overwritten { index: 2, term: 1 },
            ..
        }
    ));
}

/// Thesis §9.6: without PreVote an isolated node's timeouts inflate its term,
/// and on rejoining that term deposes the working leader; with PreVote it
/// never wins a pre-vote while isolated, its term stays, and the leader stays.
#[test]
fn prevote_keeps_a_rejoining_node_from_deposing_the_leader() {
    for pre_vote in [false, true] {
        let mut sim = elected_n1(RaftConfig {
            pre_vote,
            ..RaftConfig::default()
        });
        sim.isolate(5).unwrap();
        sim.tick_all(200).unwrap();
        let isolated = sim.node(5).unwrap();
        sim.recover().unwrap();
        sim.tick_all(100).unwrap();
        if pre_vote {
            assert_eq!(isolated.term, 1, "no pre-vote won, no term raised");
            assert_eq!(isolated.role, RoleKey::PreCandidate);
            assert_eq!(
                roles(&sim),
                [
                    RoleKey::Leader,
                    RoleKey::Follower,
                    RoleKey::Follower,
                    RoleKey::Follower,
                    RoleKey::Follower
                ]
            );
            assert_eq!(terms(&sim), [1; 5]);
        } else {
            assert!(isolated.term >= 5, "term inflated to {}", isolated.term);
            assert_eq!(isolated.role, RoleKey::Candidate);
            let leaders: Vec<_> = sim
                .nodes()
                .into_iter()
                .filter(|n| n.role == RoleKey::Leader)
                .collect();
            assert_eq!(leaders.len(), 1);
            assert!(
                leaders[0].term > isolated.term,
                "the old leader was deposed; new term {} > {}",
                leaders[0].term,
                isolated.term
            );
            // n5's log was behind (no no-op of term 1? it has it) — whoever
            // won, every node agrees on the committed prefix.
            let first = sim.node(1).unwrap().log_terms();
            assert!(sim.nodes().iter().all(|n| n.log_terms() == first));
        }
    }
}

/// Thesis §6.2 (CheckQuorum): a leader that can send but not receive hears
/// from no majority within an election timeout and steps down; the others,
/// no longer hearing heartbeats, elect a leader among themselves.
#[test]
fn one_way_link_leader_steps_down_under_check_quorum() {
    let mut sim = elected_n1(RaftConfig {
        check_quorum: true,
        ..RaftConfig::default()
    });
    for peer in 2..=5 {
        sim.cut_one_way(peer, 1).unwrap();
    }
    sim.tick_all(45).unwrap();
    assert_ne!(
        sim.node(1).unwrap().role,
        RoleKey::Leader,
        "stepped down (thesis §6.2)"
    );
    sim.tick_all(100).unwrap();
    let leaders: Vec<_> = sim
        .nodes()
        .into_iter()
        .filter(|n| n.role == RoleKey::Leader)
        .collect();
    assert_eq!(leaders.len(), 1);
    assert_ne!(leaders[0].id, 1);
    assert!(leaders[0].term >= 2);
    // The others' logs move on; n1 receives nothing and is left behind.
    assert!(sim.node(1).unwrap().log_terms().len() < leaders[0].log_terms().len());
}
