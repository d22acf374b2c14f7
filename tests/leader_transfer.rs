//! Leadership transfer (thesis §3.10; etcd MsgTransferLeader/MsgTimeoutNow),
//! against the core alone: no proposals during a transfer, catching a lagging
//! target up first, TimeoutNow, the target campaigning at once past PreVote
//! and the lease, and the abort after an election timeout.

mod common;

use common::raft_harness::*;
use raftlab::raft::{
    Config, Event, MessageBody, MessageKind, NodeId, ProposeError, Role, RoleCause, TransferEnd,
    TransferError,
};

const T: u32 = 20;

fn ids(n: u32) -> Vec<NodeId> {
    (1..=n).collect()
}

/// PreVote and CheckQuorum both on: the hardest case for a transfer.
fn cfg() -> Config {
    Config {
        pre_vote: true,
        check_quorum: true,
        ..Config::default()
    }
}

fn elected(n: u32, cfg: Config) -> Network {
    let mut net = Network::new(&ids(n), cfg);
    net.campaign(1);
    net.propose(1, "put x 1");
    net.clear_records();
    net
}

#[test]
fn thesis_3_10_an_up_to_date_target_gets_timeout_now_and_wins_at_once() {
    let mut net = elected(3, cfg());
    net.node_mut(1).transfer_leader(3).unwrap();
    assert_eq!(
        net.take_events(1),
        vec![
            Event::TransferStarted {
                target: 3,
                target_match: 2,
                last_index: 2
            },
            Event::TimeoutNowSent { target: 3 }
        ]
    );
    assert_eq!(
        net.peek_queue().last().map(|m| (m.to, m.body.clone())),
        Some((3, MessageBody::TimeoutNow))
    );
    // While transferring, the leader takes no commands.
    assert_eq!(
        net.node_mut(1).propose(cmd("put y 2")),
        Err(ProposeError::TransferInProgress { target: 3 })
    );
    net.deliver_all();
    assert_eq!(
        net.roles_terms(),
        vec![
            (1, Role::Follower, 2),
            (2, Role::Follower, 2),
            (3, Role::Leader, 2)
        ]
    );
    let ev3 = net.take_events(3);
    assert!(
        ev3.contains(&Event::RoleChanged {
            from: Role::Follower,
            to: Role::Candidate,
            term: 2,
            cause: RoleCause::TimeoutNow { from: 1 }
        }),
        "no pre-candidate step: PreVote is skipped"
    );
    // Node 2 heard from leader 1 a moment ago, yet voted: the lease is passed.
    assert!(net.take_events(2).contains(&Event::VoteGranted {
        candidate: 3,
        term: 2,
        pre_vote: false
    }));
    assert!(net.take_events(1).contains(&Event::TransferEnded {
        target: 3,
        end: TransferEnd::SteppedDown
    }));
}

#[test]
fn thesis_3_10_a_lagging_target_is_caught_up_before_timeout_now() {
    let mut net = elected(3, cfg());
    net.cut_link(1, 3);
    net.propose(1, "put x 2");
    net.propose(1, "put x 3");
    assert_eq!(net.node(3).log().last_index(), 2);
    net.cut.clear();
    net.clear_records();
    net.node_mut(1).transfer_leader(3).unwrap();
    assert_eq!(
        net.take_events(1),
        vec![Event::TransferStarted {
            target: 3,
            target_match: 2,
            last_index: 4
        }]
    );
    // First AppendEntries to bring it up to date, no TimeoutNow yet.
    let first: Vec<MessageKind> = net.peek_queue().iter().map(|m| m.body.kind()).collect();
    assert_eq!(first, vec![MessageKind::AppendEntries]);
    net.deliver_all();
    assert_eq!(net.in_role(Role::Leader), vec![3]);
    assert_eq!(
        net.node(3).log().last_index(),
        5,
        "its no-op after 1's four entries"
    );
    let kinds = net.delivered_of_kind(MessageKind::TimeoutNow);
    assert_eq!(kinds, vec![(1, 3)]);
}

#[test]
fn thesis_3_10_a_transfer_to_a_crashed_node_aborts_after_an_election_timeout() {
    let mut net = elected(3, cfg());
    net.nodes.remove(&3); // crashed: messages to it go nowhere
    net.node_mut(1).transfer_leader(3).unwrap();
    net.deliver_all();
    net.tick_all(T - 1); // node 2 keeps answering heartbeats
    assert_eq!(net.node(1).transfer().map(|t| t.target), Some(3));
    assert!(net.node_mut(1).propose(cmd("put y 1")).is_err());
    net.tick_all(1);
    assert!(net.take_events(1).contains(&Event::TransferEnded {
        target: 3,
        end: TransferEnd::TimedOut
    }));
    assert_eq!(net.node(1).transfer(), None);
    assert_eq!(net.node(1).role(), Role::Leader);
    assert!(
        net.node_mut(1).propose(cmd("put y 1")).is_ok(),
        "commands again"
    );
}

#[test]
fn thesis_3_10_bad_transfers_are_refused_and_change_nothing() {
    let mut net = elected(3, cfg());
    let before = net.node(1).clone();
    assert_eq!(
        net.node_mut(1).transfer_leader(9),
        Err(TransferError::UnknownNode { node: 9 })
    );
    assert_eq!(
        net.node_mut(1).transfer_leader(1),
        Err(TransferError::ToSelf)
    );
    assert_eq!(
        net.node_mut(2).transfer_leader(3),
        Err(TransferError::NotLeader { leader: Some(1) })
    );
    assert_eq!(net.node(1), &before);
    net.node_mut(1).transfer_leader(2).unwrap();
    assert_eq!(
        net.node_mut(1).transfer_leader(3),
        Err(TransferError::AlreadyTransferring { target: 2 })
    );
}

#[test]
fn thesis_3_10_without_the_transfer_flag_the_lease_still_holds() {
    // The same RequestVote without `leader_transfer` is refused under the lease.
    let mut net = elected(3, cfg());
    let mut v = net.nodes.remove(&2).unwrap();
    v.step(vote_req(3, 2, 2, false, 1, 2));
    assert!(matches!(v.take_events()[..], [Event::VoteDenied { .. }]));
    assert_eq!(v.term(), 1);
}
