//! Linearizable reads without the log (thesis §6.4; etcd `read_only.go`),
//! against the core alone: ReadIndex's four steps, a follower forwarding,
//! the new leader's commit in its term, the lease of §6.4.1 (only with
//! CheckQuorum), and the unsafe `stale-leader-read` switch.

mod common;

use common::raft_harness::*;
use raftlab::raft::{
    Config, Event, MessageBody, MessageKind, NodeId, ReadError, ReadFailure, ReadMode, ReadStep,
    Role, UnsafeSwitch,
};

const T: u32 = 20;

fn ids(n: u32) -> Vec<NodeId> {
    (1..=n).collect()
}

/// Node 1 leads term 1 and `put x 1` is committed and applied everywhere.
fn cluster(cfg: Config) -> Network {
    let mut net = Network::new(&ids(3), cfg);
    net.campaign(1);
    net.propose(1, "put x 1");
    net.tick_all(5); // a heartbeat carries the commit index to the followers
    net.clear_records();
    net
}

fn reads(net: &mut Network, node: NodeId) -> Vec<(u64, ReadStep)> {
    net.take_events(node)
        .into_iter()
        .filter_map(|e| match e {
            Event::Read { read_id, step } => Some((read_id, step)),
            _ => None,
        })
        .collect()
}

fn answered(read_index: u64, value: &str) -> ReadStep {
    ReadStep::Answered {
        read_index,
        key: "x".into(),
        value: Some(value.into()),
    }
}

#[test]
fn thesis_6_4_read_index_waits_for_a_majority_to_echo_a_heartbeat_round() {
    let mut net = cluster(Config::default());
    assert_eq!(net.node(1).commit_index(), 2);
    net.node_mut(1).read(7, "x", ReadMode::ReadIndex).unwrap();
    net.flush();
    assert_eq!(
        reads(&mut net, 1),
        vec![(
            7,
            ReadStep::IndexRecorded {
                read_index: 2,
                round: 1
            }
        )]
    );
    // Step 3: heartbeats tagged with the round go to every follower.
    let tagged: Vec<(NodeId, Option<u64>)> = net
        .peek_queue()
        .iter()
        .filter_map(|m| match m.body {
            MessageBody::AppendEntries { read_ctx, .. } => Some((m.to, read_ctx)),
            _ => None,
        })
        .collect();
    assert_eq!(tagged, vec![(2, Some(1)), (3, Some(1))]);
    // Node 2's echo is the majority (1 and 2 of 3): confirmed and answered.
    net.deliver_one(1, 2);
    net.deliver_one(2, 1);
    assert_eq!(
        reads(&mut net, 1),
        vec![
            (
                7,
                ReadStep::Confirmed {
                    read_index: 2,
                    acks: vec![1, 2]
                }
            ),
            (7, answered(2, "1")),
        ]
    );
}

#[test]
fn thesis_6_4_an_untagged_answer_does_not_confirm_a_read() {
    let mut net = cluster(Config::default());
    net.tick(1, 5); // an ordinary heartbeat round goes out first
    net.node_mut(1).read(8, "x", ReadMode::ReadIndex).unwrap();
    net.flush();
    reads(&mut net, 1);
    // Node 2 answers the earlier, untagged heartbeat: proves nothing about now.
    net.deliver_one(1, 2);
    net.deliver_one(2, 1);
    assert!(reads(&mut net, 1).is_empty());
    net.deliver_all();
    assert!(reads(&mut net, 1)
        .iter()
        .any(|(_, s)| matches!(s, ReadStep::Confirmed { .. })));
}

#[test]
fn thesis_6_4_a_new_leader_first_commits_an_entry_of_its_term() {
    let cfg = Config {
        leader_noop: false,
        ..Config::default()
    };
    let mut net = Network::new(&ids(3), cfg);
    net.campaign(1);
    net.clear_records();
    net.node_mut(1).read(3, "x", ReadMode::ReadIndex).unwrap();
    net.deliver_all();
    assert_eq!(
        reads(&mut net, 1),
        vec![(3, ReadStep::WaitingForCommitInTerm)]
    );
    net.propose(1, "put x 5"); // commits in term 1; the read proceeds
    let steps = reads(&mut net, 1);
    assert_eq!(
        steps.first(),
        Some(&(
            3,
            ReadStep::IndexRecorded {
                read_index: 1,
                round: 1
            }
        ))
    );
    assert_eq!(steps.last(), Some(&(3, answered(1, "5"))));
}

#[test]
fn thesis_6_4_a_follower_forwards_and_answers_once_applied_to_the_read_index() {
    let mut net = cluster(Config::default());
    net.node_mut(3).read(9, "x", ReadMode::ReadIndex).unwrap();
    assert_eq!(
        reads(&mut net, 3),
        vec![(9, ReadStep::Forwarded { leader: 1 })]
    );
    net.deliver_all();
    assert_eq!(
        reads(&mut net, 3),
        vec![
            (
                9,
                ReadStep::IndexReceived {
                    leader: 1,
                    read_index: 2
                }
            ),
            (9, answered(2, "1")),
        ]
    );
    let at_leader = reads(&mut net, 1);
    assert_eq!(at_leader.len(), 2, "recorded and confirmed at the leader");
    assert!(net
        .delivered_of_kind(MessageKind::ReadIndexResponse)
        .contains(&(1, 3)));
}

#[test]
fn thesis_6_4_an_isolated_leader_never_confirms_and_gives_up_on_stepping_down() {
    let cfg = Config {
        check_quorum: true,
        ..Config::default()
    };
    let mut net = cluster(cfg);
    net.isolate(1);
    net.node_mut(1).read(4, "x", ReadMode::ReadIndex).unwrap();
    net.tick(1, T - 1);
    let steps = reads(&mut net, 1);
    assert!(!steps
        .iter()
        .any(|(_, s)| matches!(s, ReadStep::Answered { .. })));
    net.tick(1, T); // CheckQuorum: it steps down
    assert_eq!(net.node(1).role(), Role::Follower);
    assert_eq!(
        reads(&mut net, 1),
        vec![(
            4,
            ReadStep::Failed {
                reason: ReadFailure::NoLongerLeader
            }
        )]
    );
}

#[test]
fn thesis_6_4_1_a_lease_read_needs_check_quorum() {
    let mut net = cluster(Config::default());
    assert_eq!(
        net.node_mut(1).read(1, "x", ReadMode::Lease),
        Err(ReadError::LeaseNeedsCheckQuorum)
    );
    assert_eq!(
        net.node_mut(1).read(1, "x", ReadMode::Log),
        Err(ReadError::LogReadIsAProposal)
    );
    assert!(reads(&mut net, 1).is_empty());
    assert!(net.take_queue().is_empty(), "nothing changes");
}

#[test]
fn thesis_6_4_1_a_confirmed_round_gives_a_lease_of_one_election_timeout() {
    let cfg = Config {
        check_quorum: true,
        ..Config::default()
    };
    let mut net = cluster(cfg);
    assert_eq!(net.node(1).lease_until(), None, "no round confirmed yet");
    // First lease read: no lease, so a round trip; it starts the lease.
    let start = net.node(1).clock();
    net.node_mut(1).read(1, "x", ReadMode::Lease).unwrap();
    net.deliver_all();
    let steps = reads(&mut net, 1);
    assert_eq!(steps[0], (1, ReadStep::LeaseExpired));
    assert_eq!(steps.last(), Some(&(1, answered(2, "1"))));
    assert_eq!(net.node(1).lease_until(), Some(start + u64::from(T)));
    // Within the lease: answered at once, no message sent.
    net.tick(1, 3);
    net.take_queue();
    net.node_mut(1).read(2, "x", ReadMode::Lease).unwrap();
    assert_eq!(
        reads(&mut net, 1),
        vec![
            (
                2,
                ReadStep::ServedByLease {
                    read_index: 2,
                    lease_left: u64::from(T) - 3
                }
            ),
            (2, answered(2, "1")),
        ]
    );
    assert!(net.take_queue().is_empty(), "no round trip");
    // The lease ends an election timeout after the round began.
    net.tick(1, T - 3);
    assert_eq!(net.node(1).lease_until(), None);
}

#[test]
fn unsafe_stale_leader_read_answers_without_confirming() {
    let cfg = Config {
        unsafe_switches: vec![UnsafeSwitch::StaleLeaderRead],
        ..Config::default()
    };
    let mut net = cluster(cfg);
    net.isolate(1);
    net.node_mut(1).read(5, "x", ReadMode::ReadIndex).unwrap();
    assert_eq!(
        reads(&mut net, 1),
        vec![
            (5, ReadStep::Unconfirmed { read_index: 2 }),
            (5, answered(2, "1"))
        ]
    );
}

#[test]
fn a_candidate_has_no_leader_to_ask() {
    let mut net = cluster(Config::default());
    net.isolate(3);
    net.node_mut(3).force_timeout();
    assert_eq!(
        net.node_mut(3).read(1, "x", ReadMode::ReadIndex),
        Err(ReadError::NotLeader { leader: None })
    );
}
