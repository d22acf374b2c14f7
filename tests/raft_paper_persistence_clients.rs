//! Raft paper (Ongaro & Ousterhout 2014) and Ongaro's thesis against the core
//! alone, with exact expectations: roles, terms, votes, log terms, commit
//! indexes, message fields and the reasons carried by events.
//!
//! This file: persistence (Figure 2) and clients (§5.3, §8).

mod common;

use common::paper::*;
use common::raft_harness::*;
use raftlab::raft::LogPosition;
use raftlab::raft::{
    ApplyResult, Command, CommitHold, Config, Entry, EntryData, Event, MessageBody, Node,
    PersistentState, ProposeError, Rng, Role,
};

// ===================================================== persistence (Figure 2)

#[test]
fn fig2_persistent_state_survives_restart_volatile_state_is_rebuilt_from_the_leader() {
    let mut net = elected(3, config(true));
    net.propose(1, "put x 1");
    heartbeat(&mut net, 1);
    let before = net.node(2).persistent().clone();
    assert_eq!(net.node(2).commit_index(), 2);
    assert_eq!(net.node(2).kv().data.get("x").map(|v| &**v), Some("1"));

    net.restart(2);
    let n = net.node(2);
    assert_eq!(n.persistent(), &before);
    assert_eq!((n.term(), n.voted_for()), (1, Some(1)));
    assert_eq!(log_terms(n), vec![1, 1]);
    assert_eq!((n.commit_index(), n.last_applied()), (0, 0));
    assert!(n.kv().data.is_empty());
    assert_eq!((n.role(), n.leader_id()), (Role::Follower, None));

    net.clear_records();
    heartbeat(&mut net, 1);
    assert_eq!(
        net.take_events(2),
        vec![
            Event::AppendAccepted {
                leader: 1,
                prev_log_index: 2,
                entries: 0,
                match_index: 2
            },
            Event::CommitAdvanced {
                from: 0,
                to: 2,
                by: vec![1]
            },
            Event::Applied {
                index: 1,
                term: 1,
                command: None,
                result: ApplyResult::Noop
            },
            Event::Applied {
                index: 2,
                term: 1,
                command: Some(cmd("put x 1")),
                result: ApplyResult::Written { previous: None }
            },
        ]
    );
    assert_eq!(net.node(2).kv(), net.node(1).kv());
    assert_eq!(net.node(2).last_applied(), 2);
}

#[test]
fn fig2_restart_keeps_exactly_the_persistent_state() {
    let p = PersistentState {
        current_term: 7,
        voted_for: Some(3),
        log: log_with(&[1, 4, 7]),
        ..PersistentState::default()
    };
    let n = Node::restart(2, &[3, 1, 2, 2], Config::default(), Rng::new(1), p.clone()).unwrap();
    assert_eq!(n.persistent(), &p);
    assert_eq!(n.members(), &[1, 2, 3], "members sorted and deduplicated");
    assert_eq!((n.id(), n.quorum()), (2, 2));
    assert_eq!(n.config(), &Config::default());
    assert_eq!(
        (n.role(), n.commit_index(), n.last_applied()),
        (Role::Follower, 0, 0)
    );
    assert!(n.votes().is_empty() && n.progress().is_empty());
}

// ==================================================== clients (§5.3, §8)

#[test]
fn s8_proposal_on_a_non_leader_returns_not_leader_with_the_known_leader() {
    let mut net = elected(3, config(true));
    let r = net.node_mut(2).propose(cmd("put a 1"));
    assert_eq!(r, Err(ProposeError::NotLeader { leader: Some(1) }));
    assert_eq!(r.unwrap_err().to_string(), "not the leader; try n1");
    assert_eq!(log_terms(net.node(2)), vec![1]);

    let mut fresh = new_node(1, &ids(3), config(true));
    let r = fresh.propose(cmd("get a"));
    assert_eq!(r, Err(ProposeError::NotLeader { leader: None }));
    assert_eq!(
        r.unwrap_err().to_string(),
        "not the leader; no leader known"
    );
    fresh.force_timeout();
    assert_eq!(
        fresh.propose(cmd("get a")),
        Err(ProposeError::NotLeader { leader: None })
    );
    assert!(fresh.log().entries().is_empty());
}

#[test]
fn s5_3_leader_appends_a_proposal_and_sends_only_the_new_entry() {
    let mut net = elected(3, config(true));
    let mut l = net.nodes.remove(&1).unwrap();
    assert_eq!(l.propose(cmd("put k v")), Ok((2, 1)));
    let e = Entry {
        index: 2,
        term: 1,
        data: EntryData::from(cmd("put k v")),
    };
    assert_eq!(
        l.take_outbox(),
        vec![
            append(1, 2, 1, 1, 1, vec![e.clone()], 1),
            append(1, 3, 1, 1, 1, vec![e], 1)
        ]
    );
    assert_eq!(
        l.take_events(),
        vec![Event::CommitHeld {
            hold: CommitHold::NoMajority {
                index: 2,
                holders: vec![1],
                needed: 2
            }
        }]
    );
    // A second proposal before any answer is pipelined after the first.
    assert_eq!(l.propose(cmd("del k")), Ok((3, 1)));
    let out = l.take_outbox();
    assert!(matches!(
        &out[0].body,
        MessageBody::AppendEntries { prev_log: LogPosition { index: 2, .. }, entries, .. } if entries.len() == 1
    ));
}

#[test]
fn s5_3_state_machine_applies_put_del_get_in_order_with_results() {
    let mut net = elected(3, config(true));
    let texts = ["put a 1", "put a 2", "get a", "del a", "get a", "del a"];
    for (i, t) in texts.iter().enumerate() {
        assert_eq!(net.propose(1, t), (i as u64 + 2, 1));
    }
    heartbeat(&mut net, 1);
    let expected_results = [
        ApplyResult::Written { previous: None },
        ApplyResult::Written {
            previous: Some("1".into()),
        },
        ApplyResult::Read {
            value: Some("2".into()),
        },
        ApplyResult::Written {
            previous: Some("2".into()),
        },
        ApplyResult::Read { value: None },
        ApplyResult::Written { previous: None },
    ];
    for id in 1..=3 {
        let applied: Vec<(u64, Option<Command>, ApplyResult)> = net
            .take_events(id)
            .into_iter()
            .filter_map(|e| match e {
                Event::Applied {
                    index,
                    command,
                    result,
                    ..
                } if index >= 2 => Some((index, command, result)),
                _ => None,
            })
            .collect();
        let want: Vec<(u64, Option<Command>, ApplyResult)> = texts
            .iter()
            .zip(expected_results.iter())
            .enumerate()
            .map(|(i, (t, r))| (i as u64 + 2, Some(cmd(t)), r.clone()))
            .collect();
        assert_eq!(applied, want, "node {id}");
        let n = net.node(id);
        assert_eq!((n.commit_index(), n.last_applied()), (7, 7));
        assert!(n.kv().data.is_empty());
    }
}

#[test]
fn single_node_cluster_elects_itself_and_commits_alone() {
    let mut n = new_node(1, &[1], config(true));
    n.force_timeout();
    assert_eq!((n.role(), n.term(), n.commit_index()), (Role::Leader, 1, 1));
    assert_eq!(n.propose(cmd("put a b")), Ok((2, 1)));
    assert_eq!(n.commit_index(), 2);
    assert_eq!(n.kv().data.get("a").map(|v| &**v), Some("b"));
    assert!(n.take_outbox().is_empty());
}
