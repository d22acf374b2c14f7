//! Scenarios through the scripting API only: every step is a recorded action
//! (`campaign`, `tick_all`, `partition`, `crash`, `propose_to`, …) and every
//! check reads nodes through `node(id)`. Sections cite the Raft paper (Ongaro
//! & Ousterhout 2014) and Ongaro's thesis.
//!
//! Default cluster unless said otherwise: 5 nodes, election timeout 20 ticks
//! (each wait drawn from [20, 40)), heartbeats every 5, latency 2–4 ticks, a
//! no-op entry from every new leader (thesis §6.4).
//!
//! This file: messages in flight — stale, held, delivered by hand, queued
//! for a paused node.

mod common;

use common::sim::{cluster, elected_n1, kv, terms};
use raftlab::raft::Config as RaftConfig;
use raftlab::raft::MessageKind;
use raftlab::sim::RoleKey;
use raftlab::sim::{Action, SimConfig, Simulation};

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
        .map(|to| sim.find_message(1, to, MessageKind::AppendEntries).unwrap())
        .collect();
    for &id in &held {
        sim.hold(id).unwrap();
    }
    sim.crash(1).unwrap();
    sim.campaign(3).unwrap();
    sim.tick_all(15).unwrap();
    assert_eq!(sim.node(3).unwrap().role, RoleKey::Leader);
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
        assert!(
            sim.find_message(1, to, MessageKind::RequestVote).is_some(),
            "waits"
        );
    }
    assert_eq!(terms(&sim), [1, 0, 0, 0, 0]);
    for voter in [2, 3] {
        let id = sim
            .find_message(1, voter, MessageKind::RequestVote)
            .unwrap();
        sim.deliver(id).unwrap();
        assert_eq!(sim.node(voter).unwrap().voted_for, Some(1));
        let reply = sim
            .find_message(voter, 1, MessageKind::RequestVoteResponse)
            .unwrap();
        sim.deliver(reply).unwrap();
    }
    // Self, n2 and n3: a majority of five.
    assert_eq!(sim.node(1).unwrap().role, RoleKey::Leader);
    assert_eq!(sim.node(4).unwrap().term, 0, "n4 has heard nothing yet");
    // Delivering a message twice is an error, not a panic.
    let gone = sim.find_message(1, 4, MessageKind::RequestVote).unwrap();
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
    assert_eq!(
        (n3.role, n3.log_terms(), n3.commit),
        (RoleKey::Paused, vec![1], 1)
    );
    // Four heartbeat rounds wait in n3's inbox, the oldest sent 20 ticks ago.
    let queued = sim.find_message(1, 3, MessageKind::AppendEntries).unwrap();
    assert_eq!(
        sim.node(2).unwrap().commit,
        2,
        "the rest committed without n3"
    );
    sim.resume(3).unwrap();
    sim.tick_all(10).unwrap();
    // Delivered on resuming: the oldest in flight now is a newer one.
    assert!(sim
        .find_message(1, 3, MessageKind::AppendEntries)
        .is_none_or(|id| id > queued));
    let n3 = sim.node(3).unwrap();
    assert_eq!(
        (n3.role, n3.log_terms(), n3.commit),
        (RoleKey::Follower, vec![1, 1], 2)
    );
    assert_eq!(kv(&sim, 3, "x").as_deref(), Some("1"));
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
    let held = sim.find_message(1, 2, MessageKind::AppendEntries).unwrap();
    sim.hold(held).unwrap();
    sim.tick_all(10).unwrap();
    sim.campaign(3).unwrap();
    sim.tick_all(10).unwrap();
    sim.act(Action::SetManualDelivery(true)).unwrap();
    sim.deliver_all().unwrap();
    // n1 wins term 3 with n2's vote.
    sim.campaign(1).unwrap();
    sim.deliver(sim.find_message(1, 2, MessageKind::RequestVote).unwrap())
        .unwrap();
    sim.deliver(
        sim.find_message(2, 1, MessageKind::RequestVoteResponse)
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        (sim.node(1).unwrap().role, sim.node(1).unwrap().term),
        (RoleKey::Leader, 3)
    );
    let next_before = sim.node(1).unwrap().progress[&2].0;
    // The term-1 append reaches n2 (now in term 3), which rejects it as stale.
    sim.release(held).unwrap();
    sim.deliver(held).unwrap();
    sim.deliver(
        sim.find_message(2, 1, MessageKind::AppendEntriesResponse)
            .unwrap(),
    )
    .unwrap();
    assert_eq!(next_before, 5);
    assert_eq!(
        sim.node(1).unwrap().progress[&2].0,
        5,
        "a reply to a term-1 request must not move a term-3 leader's nextIndex"
    );
}
