//! Scenarios through the scripting API only: every step is a recorded action
//! (`campaign`, `tick_all`, `partition`, `crash`, `propose_to`, …) and every
//! check reads nodes through `node(id)`. Sections cite the Raft paper (Ongaro
//! & Ousterhout 2014) and Ongaro's thesis.
//!
//! Default cluster unless said otherwise: 5 nodes, election timeout 20 ticks
//! (each wait drawn from [20, 40)), heartbeats every 5, latency 2–4 ticks, a
//! no-op entry from every new leader (thesis §6.4).

use raftlab::raft::{ApplyResult, Config as RaftConfig};
use raftlab::sim::{Action, OpFailure, OpStatus, SimConfig, Simulation};

fn cluster(raft: RaftConfig) -> Simulation {
    Simulation::new(SimConfig {
        nodes: 5,
        seed: 7,
        raft,
        ..SimConfig::default()
    })
    .unwrap()
}

fn roles(sim: &Simulation) -> Vec<&'static str> {
    sim.nodes().iter().map(|n| n.role).collect()
}

fn terms(sim: &Simulation) -> Vec<u64> {
    sim.nodes().iter().map(|n| n.term).collect()
}

fn commits(sim: &Simulation) -> Vec<u64> {
    sim.nodes().iter().map(|n| n.commit).collect()
}

fn kv(sim: &Simulation, id: u32, key: &str) -> Option<String> {
    sim.node(id).unwrap().kv.get(key).cloned()
}

/// n1 campaigns at tick 0 and wins term 1; its no-op commits everywhere.
fn elected_n1(raft: RaftConfig) -> Simulation {
    let mut sim = cluster(raft);
    sim.campaign(1).unwrap();
    sim.tick_all(40).unwrap();
    assert_eq!(commits(&sim), [1; 5]);
    sim
}

/// §5.2: a candidate that wins votes from a majority becomes leader; the others
/// learn of it from its AppendEntries and stay followers in its term.
#[test]
fn leader_election_in_a_five_node_cluster() {
    let mut sim = cluster(RaftConfig::default());
    sim.campaign(1).unwrap();
    assert_eq!(sim.node(1).unwrap().role, "candidate");
    assert_eq!(sim.node(1).unwrap().voted_for, Some(1));
    sim.tick_all(15).unwrap();
    assert_eq!(
        roles(&sim),
        ["leader", "follower", "follower", "follower", "follower"]
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
    assert_eq!(sim.node(3).unwrap().role, "leader");
    sim.tick_all(15).unwrap();
    assert_eq!(
        roles(&sim),
        ["crashed", "follower", "leader", "follower", "follower"]
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
    assert_eq!((n1.role, n1.term, n1.commit), ("follower", 2, 3));
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
        ("leader", vec![1, 1], 1)
    );
    assert_eq!((n2.log_terms(), n2.commit), (vec![1, 1], 1));
    // The majority side elects n3 in term 2 and commits a write.
    sim.campaign(3).unwrap();
    sim.tick_all(10).unwrap();
    sim.propose_to(3, "put x 2").unwrap();
    sim.tick_all(20).unwrap();
    assert_eq!(
        roles(&sim),
        ["leader", "follower", "leader", "follower", "follower"]
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
        ["follower", "follower", "leader", "follower", "follower"]
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
            assert_eq!(isolated.role, "precandidate");
            assert_eq!(
                roles(&sim),
                ["leader", "follower", "follower", "follower", "follower"]
            );
            assert_eq!(terms(&sim), [1; 5]);
        } else {
            assert!(isolated.term >= 5, "term inflated to {}", isolated.term);
            assert_eq!(isolated.role, "candidate");
            let leaders: Vec<_> = sim
                .nodes()
                .into_iter()
                .filter(|n| n.role == "leader")
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
        "leader",
        "stepped down (thesis §6.2)"
    );
    sim.tick_all(100).unwrap();
    let leaders: Vec<_> = sim
        .nodes()
        .into_iter()
        .filter(|n| n.role == "leader")
        .collect();
    assert_eq!(leaders.len(), 1);
    assert_ne!(leaders[0].id, 1);
    assert!(leaders[0].term >= 2);
    // The others' logs move on; n1 receives nothing and is left behind.
    assert!(sim.node(1).unwrap().log_terms().len() < leaders[0].log_terms().len());
}

/// §5.1: a message with a stale term is rejected. An AppendEntries held in
/// flight from the term-1 leader and released in term 2 changes nothing.
#[test]
fn held_append_entries_released_terms_later_is_rejected_as_stale() {
    let mut sim = elected_n1(RaftConfig::default());
    // Nothing else in flight from n1: then the only AppendEntries are the
    // ones carrying the new entry.
    sim.deliver_all().unwrap();
    sim.propose_to(1, "put x 1").unwrap();
    // Hold every copy of the new entry, so it lives on n1 alone.
    let held: Vec<u64> = (2..=5)
        .map(|to| sim.find_message(1, to, "append-entries").unwrap())
        .collect();
    for &id in &held {
        sim.hold(id).unwrap();
    }
    sim.crash(1).unwrap();
    sim.campaign(3).unwrap();
    sim.tick_all(15).unwrap();
    assert_eq!(sim.node(3).unwrap().role, "leader");
    assert_eq!(terms(&sim)[1..], [2, 2, 2, 2]);
    sim.release(held[1]).unwrap(); // to n3, now the term-2 leader
    sim.release(held[0]).unwrap(); // to n2
    sim.tick_all(10).unwrap();
    for id in 2..=5 {
        let n = sim.node(id).unwrap();
        assert_eq!(n.log_terms(), [1, 2], "n{id} rejected the stale append");
        assert!(!n.kv.contains_key("x"));
    }
    let rejected = sim.world().trace().recent().any(|e| {
        matches!(
            &e.kind,
            raftlab::sim::TraceKind::Raft(raftlab::raft::Event::AppendRejected {
                leader: 1,
                reason: raftlab::raft::AppendRejection::StaleTerm {
                    leader_term: 1,
                    our_term: 2
                }
            })
        )
    });
    assert!(rejected);
}

/// Manual delivery: messages wait until delivered one by one; an election
/// is won vote by vote (§5.2).
#[test]
fn manual_delivery_and_deliver_by_id() {
    let mut sim = cluster(RaftConfig::default());
    sim.act(Action::SetManualDelivery(true)).unwrap();
    sim.campaign(1).unwrap();
    sim.tick_all(5).unwrap();
    for to in 2..=5 {
        assert!(sim.find_message(1, to, "request-vote").is_some(), "waits");
    }
    assert_eq!(terms(&sim), [1, 0, 0, 0, 0]);
    for voter in [2, 3] {
        let id = sim.find_message(1, voter, "request-vote").unwrap();
        sim.deliver(id).unwrap();
        assert_eq!(sim.node(voter).unwrap().voted_for, Some(1));
        let reply = sim.find_message(voter, 1, "request-vote-resp").unwrap();
        sim.deliver(reply).unwrap();
    }
    // Self, n2 and n3: a majority of five.
    assert_eq!(sim.node(1).unwrap().role, "leader");
    assert_eq!(sim.node(4).unwrap().term, 0, "n4 has heard nothing yet");
    // Delivering a message twice is an error, not a panic.
    let gone = sim.find_message(1, 4, "request-vote").unwrap();
    sim.deliver(gone).unwrap();
    assert!(sim.deliver(gone).is_err());
    sim.deliver_all().unwrap();
    sim.deliver_all().unwrap();
    sim.deliver_all().unwrap();
    assert_eq!(terms(&sim), [1; 5]);
    assert!(sim.nodes().iter().all(|n| n.log_terms() == [1]));
}

/// A paused node's inbox waits for it; resumed, it takes the queued
/// AppendEntries and catches up (§5.3).
#[test]
fn paused_node_keeps_its_inbox() {
    let mut sim = elected_n1(RaftConfig::default());
    sim.pause(3).unwrap();
    sim.propose_to(1, "put x 1").unwrap();
    sim.tick_all(20).unwrap();
    let n3 = sim.node(3).unwrap();
    assert_eq!((n3.role, n3.log_terms(), n3.commit), ("paused", vec![1], 1));
    // Four heartbeat rounds wait in n3's inbox, the oldest sent 20 ticks ago.
    let queued = sim.find_message(1, 3, "append-entries").unwrap();
    assert_eq!(
        sim.node(2).unwrap().commit,
        2,
        "the rest committed without n3"
    );
    sim.resume(3).unwrap();
    sim.tick_all(10).unwrap();
    // Delivered on resuming: the oldest in flight now is a newer one.
    assert!(sim
        .find_message(1, 3, "append-entries")
        .is_none_or(|id| id > queued));
    let n3 = sim.node(3).unwrap();
    assert_eq!(
        (n3.role, n3.log_terms(), n3.commit),
        ("follower", vec![1, 1], 2)
    );
    assert_eq!(kv(&sim, 3, "x").as_deref(), Some("1"));
}

/// §8: a client that reaches a follower is redirected to the leader.
#[test]
fn client_is_redirected_to_the_leader() {
    let mut sim = cluster(RaftConfig::default());
    sim.campaign(4).unwrap();
    sim.tick_all(15).unwrap();
    assert_eq!(sim.node(4).unwrap().role, "leader");
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
    sim.deliver(sim.find_message(1, 2, "append-entries").unwrap())
        .unwrap();
    sim.drop_message(sim.find_message(2, 1, "append-entries-resp").unwrap())
        .unwrap();
    for to in 3..=5 {
        sim.drop_message(sim.find_message(1, to, "append-entries").unwrap())
            .unwrap();
    }
    // n3 wins term 2 with n4 and n5; its no-op reaches n1 only, overwriting
    // n1's copy of the write at index 2.
    sim.campaign(3).unwrap();
    for voter in [4, 5] {
        sim.deliver(sim.find_message(3, voter, "request-vote").unwrap())
            .unwrap();
        sim.deliver(sim.find_message(voter, 3, "request-vote-resp").unwrap())
            .unwrap();
    }
    assert_eq!(sim.node(3).unwrap().role, "leader");
    sim.deliver(sim.find_message(3, 1, "append-entries").unwrap())
        .unwrap();
    assert_eq!(sim.node(1).unwrap().log_terms(), [1, 2]);
    for to in [2, 4, 5] {
        sim.drop_message(sim.find_message(3, to, "append-entries").unwrap())
            .unwrap();
    }
    // n2 hears of term 2 (and denies n3: its log is more up to date, §5.4.1).
    sim.deliver(sim.find_message(3, 2, "request-vote").unwrap())
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
        sim.deliver(sim.find_message(2, voter, "request-vote").unwrap())
            .unwrap();
        sim.deliver(sim.find_message(voter, 2, "request-vote-resp").unwrap())
            .unwrap();
    }
    assert_eq!(sim.node(2).unwrap().role, "leader");
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

/// A follower answers an AppendEntries from an old term with `success: false`
/// in its current term (§5.1). If the old sender has meanwhile been re-elected
/// in exactly that term, the answer must not be taken for a consistency-check
/// failure of its new term: responses carry the term of the request they
/// answer, and a leader ignores answers to requests of other terms.
#[test]
fn stale_term_rejection_does_not_rewind_next_index() {
    let mut sim = Simulation::new(SimConfig {
        nodes: 3,
        seed: 1,
        ..SimConfig::default()
    })
    .unwrap();
    sim.campaign(1).unwrap();
    sim.tick_all(30).unwrap();
    sim.deliver_all().unwrap();
    sim.propose_to(1, "put x 1").unwrap();
    let held = sim.find_message(1, 2, "append-entries").unwrap();
    sim.hold(held).unwrap();
    sim.tick_all(10).unwrap();
    sim.campaign(3).unwrap();
    sim.tick_all(10).unwrap();
    sim.act(Action::SetManualDelivery(true)).unwrap();
    sim.deliver_all().unwrap();
    // n1 wins term 3 with n2's vote.
    sim.campaign(1).unwrap();
    sim.deliver(sim.find_message(1, 2, "request-vote").unwrap())
        .unwrap();
    sim.deliver(sim.find_message(2, 1, "request-vote-resp").unwrap())
        .unwrap();
    assert_eq!(
        (sim.node(1).unwrap().role, sim.node(1).unwrap().term),
        ("leader", 3)
    );
    let next_before = sim.node(1).unwrap().progress[&2].0;
    // The term-1 append reaches n2 (now in term 3), which rejects it as stale.
    sim.release(held).unwrap();
    sim.deliver(held).unwrap();
    sim.deliver(sim.find_message(2, 1, "append-entries-resp").unwrap())
        .unwrap();
    assert_eq!(next_before, 5);
    assert_eq!(
        sim.node(1).unwrap().progress[&2].0,
        5,
        "a reply to a term-1 request must not move a term-3 leader's nextIndex"
    );
}
