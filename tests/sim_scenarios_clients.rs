//! Scenarios through the scripting API only: every step is a recorded action
//! (`campaign`, `tick_all`, `partition`, `crash`, `propose_to`, …) and every
//! check reads nodes through `node(id)`. Sections cite the Raft paper (Ongaro
//! & Ousterhout 2014) and Ongaro's thesis.
//!
//! Default cluster unless said otherwise: 5 nodes, election timeout 20 ticks
//! (each wait drawn from [20, 40)), heartbeats every 5, latency 2–4 ticks, a
//! no-op entry from every new leader (thesis §6.4).
//!
//! This file: what a client sees (§8).

mod common;

use common::sim::{cluster, elected_n1};
use raftlab::raft::MessageKind;
use raftlab::raft::{ApplyResult, Config as RaftConfig};
use raftlab::sim::RoleKey;
use raftlab::sim::{Action, OpFailure, OpStatus};

/// §8: a client that reaches a follower is redirected to the leader.
#[test]
fn client_is_redirected_to_the_leader() {
    let mut sim = cluster(RaftConfig::default());
    sim.campaign(4).unwrap();
    sim.tick_all(15).unwrap();
    assert_eq!(sim.node(4).unwrap().role, RoleKey::Leader);
    // The client knows no leader yet and asks n1, which names n4.
    assert_eq!(sim.world().client().known_leader(), None);
    sim.propose_cluster("put x 1").unwrap();
    assert_eq!(sim.world().client().known_leader(), Some(4));
    sim.tick_all(10).unwrap();
    let op = &sim.world().client().ops()[0];
    assert!(matches!(
        op.status,
        OpStatus::Committed {
            node: 4,
            index: 2,
            term: 1,
            ..
        }
    ));
    // A command sent to one follower only is not redirected.
    sim.propose_to(2, "put y 1").unwrap();
    assert!(matches!(
        sim.world().client().ops()[1].status,
        OpStatus::Failed {
            reason: OpFailure::NotLeader {
                node: 2,
                leader: Some(4)
            },
            ..
        }
    ));
}

/// §8: outcomes a client sees — committed with the state machine's answer;
/// overwritten (§5.3); the leader crashed before answering (outcome unknown).
#[test]
fn client_op_outcomes() {
    let mut sim = elected_n1(RaftConfig::default());
    sim.propose_cluster("put x 1").unwrap();
    sim.tick_all(10).unwrap();
    sim.propose_cluster("get x").unwrap();
    sim.tick_all(10).unwrap();
    sim.propose_cluster("put x 2").unwrap();
    sim.tick_all(10).unwrap();
    let results: Vec<ApplyResult> = sim
        .world()
        .client()
        .ops()
        .iter()
        .map(|op| match &op.status {
            OpStatus::Committed { result, .. } => result.clone(),
            other => panic!("not committed: {other:?}"),
        })
        .collect();
    assert_eq!(
        results,
        [
            ApplyResult::Written { previous: None },
            ApplyResult::Read {
                value: Some("1".into())
            },
            ApplyResult::Written {
                previous: Some("1".into())
            },
        ]
    );
    // The leader crashes right after taking a write: the outcome is unknown.
    sim.propose_to(1, "put x 3").unwrap();
    sim.crash(1).unwrap();
    sim.tick_all(1).unwrap();
    assert!(matches!(
        sim.world().client().ops()[3].status,
        OpStatus::Failed {
            reason: OpFailure::LeaderCrashed { node: 1 },
            ..
        }
    ));
    let history = sim.world().client().history();
    assert_eq!(history[3].ret, None);
    assert!(!history[3].void, "it may still commit");
    assert!(sim.world().violations().is_empty());
}

/// Figure 8's lesson for clients: an entry overwritten in the log of the
/// leader that took it may still be committed from another node's copy by a
/// later leader (§5.4.2). The client reports the attempt as overwritten, but
/// must not record it as "never took effect": a later read sees it, and the
/// history stays linearizable.
#[test]
fn an_overwritten_entry_can_still_commit_from_another_copy() {
    let mut sim = elected_n1(RaftConfig::default());
    sim.act(Action::SetManualDelivery(true)).unwrap();
    sim.deliver_all().unwrap();
    sim.deliver_all().unwrap();
    // n1 takes the write; only n2 receives it, and n1 never hears back.
    sim.propose_to(1, "put x 1").unwrap();
    sim.deliver(sim.find_message(1, 2, MessageKind::AppendEntries).unwrap())
        .unwrap();
    sim.drop_message(
        sim.find_message(2, 1, MessageKind::AppendEntriesResponse)
            .unwrap(),
    )
    .unwrap();
    for to in 3..=5 {
        sim.drop_message(sim.find_message(1, to, MessageKind::AppendEntries).unwrap())
            .unwrap();
    }
    // n3 wins term 2 with n4 and n5; its no-op reaches n1 only, overwriting
    // n1's copy of the write at index 2.
    sim.campaign(3).unwrap();
    for voter in [4, 5] {
        sim.deliver(
            sim.find_message(3, voter, MessageKind::RequestVote)
                .unwrap(),
        )
        .unwrap();
        sim.deliver(
            sim.find_message(voter, 3, MessageKind::RequestVoteResponse)
                .unwrap(),
        )
        .unwrap();
    }
    assert_eq!(sim.node(3).unwrap().role, RoleKey::Leader);
    sim.deliver(sim.find_message(3, 1, MessageKind::AppendEntries).unwrap())
        .unwrap();
    assert_eq!(sim.node(1).unwrap().log_terms(), [1, 2]);
    for to in [2, 4, 5] {
        sim.drop_message(sim.find_message(3, to, MessageKind::AppendEntries).unwrap())
            .unwrap();
    }
    // n2 hears of term 2 (and denies n3: its log is more up to date, §5.4.1).
    sim.deliver(sim.find_message(3, 2, MessageKind::RequestVote).unwrap())
        .unwrap();
    assert_eq!(sim.node(2).unwrap().voted_for, None);
    sim.tick_all(1).unwrap();
    let op = &sim.world().client().ops()[0];
    assert!(matches!(
        op.status,
        OpStatus::Failed {
            reason: OpFailure::Overwritten { index: 2, term: 1 },
            ..
        }
    ));
    assert!(!sim.world().client().history()[0].void, "n2 still holds it");
    // n2 (last entry (2, 1)) wins term 3 with n4 and n5 and commits it.
    sim.campaign(2).unwrap();
    for voter in [4, 5] {
        sim.deliver(
            sim.find_message(2, voter, MessageKind::RequestVote)
                .unwrap(),
        )
        .unwrap();
        sim.deliver(
            sim.find_message(voter, 2, MessageKind::RequestVoteResponse)
                .unwrap(),
        )
        .unwrap();
    }
    assert_eq!(sim.node(2).unwrap().role, RoleKey::Leader);
    sim.act(Action::SetManualDelivery(false)).unwrap();
    sim.tick_all(60).unwrap();
    sim.propose_cluster("get x").unwrap();
    sim.tick_all(20).unwrap();
    for n in sim.nodes() {
        assert_eq!(
            n.log_terms(),
            [1, 1, 3, 3],
            "n{}: the write, a no-op, the read",
            n.id
        );
        assert_eq!(n.kv.get("x").map(String::as_str), Some("1"));
    }
    assert!(matches!(
        &sim.world().client().ops()[1].status,
        OpStatus::Committed { result: ApplyResult::Read { value: Some(v) }, .. } if v == "1"
    ));
    assert!(
        sim.world().violations().is_empty(),
        "{:?}",
        sim.world().violations()
    );
}
