//! Log compaction and InstallSnapshot, rule by rule, against Ongaro's thesis
//! §5.1 (Figure 5.3) and the paper's §7 (Figure 13). Each test names the rule
//! it checks and would fail if the core broke it.

mod common;

use common::raft_harness::*;
use raftlab::raft::MessageKind;
use raftlab::raft::{
    AppendResponse, CompactError, CompactTrigger, ConfChange, Config, ConfigCause, ConfigError,
    Event, KvStore, Membership, Message, MessageBody, NodeId, Role, Snapshot, SnapshotIgnore,
    SnapshotInstall, SnapshotReason, Term,
};

/// A 3-node cluster with n1 leader of term 1 (no no-op) and these commands
/// committed and applied on n1 (followers learn the commit at a heartbeat).
fn cluster_with(commands: &[&str]) -> Network {
    let mut net = Network::new(&[1, 2, 3], config(false));
    net.campaign(1);
    assert_eq!(net.leader(), Some(1));
    for c in commands {
        net.propose(1, c);
    }
    net
}

fn heartbeat(net: &mut Network) {
    let hb = net.node(1).config().heartbeat_interval;
    net.tick(1, hb);
    net.deliver_all();
}

fn kv_of(pairs: &[(&str, &str)], applied: u64) -> KvStore {
    KvStore {
        data: pairs.iter().map(|&(k, v)| (k.into(), v.into())).collect(),
        last_applied: applied,
    }
}

fn snapshot(index: u64, term: Term, pairs: &[(&str, &str)]) -> Snapshot {
    Snapshot {
        last_included_index: index,
        last_included_term: term,
        state: kv_of(pairs, index),
        config: Membership::simple([1, 2, 3]),
        config_index: 0,
    }
}

fn install(from: NodeId, to: NodeId, term: Term, s: Snapshot) -> Message {
    msg(from, to, term, MessageBody::InstallSnapshot { snapshot: s })
}

fn snapshot_events(events: &[Event]) -> Vec<Event> {
    events
        .iter()
        .filter(|e| {
            matches!(
                e,
                Event::SnapshotTaken { .. }
                    | Event::SnapshotSent { .. }
                    | Event::SnapshotInstalled { .. }
                    | Event::SnapshotIgnored { .. }
                    | Event::RestoredFromSnapshot { .. }
                    | Event::EntriesTruncated { .. }
            )
        })
        .cloned()
        .collect()
}

#[test]
fn thesis_5_1_compaction_only_up_to_applied_and_nothing_changes_on_error() {
    let mut net = cluster_with(&["put x 1", "put y 2", "put x 3"]);
    let n1 = net.node_mut(1);
    assert_eq!((n1.last_applied(), n1.log().last_index()), (3, 3));
    let before = n1.clone();
    assert_eq!(
        n1.compact_to(4),
        Err(CompactError::PastApplied {
            requested: 4,
            applied: 3
        })
    );
    assert_eq!(
        n1.compact_to(0),
        Err(CompactError::NothingToCompact {
            requested: 0,
            snapshot_index: 0
        })
    );
    assert_eq!(n1, &before, "a refused compaction changes nothing");
    assert_eq!(
        CompactError::PastApplied {
            requested: 4,
            applied: 3
        }
        .to_string(),
        "cannot compact up to index 4: only entries up to the last applied index 3 can go into a snapshot"
    );
    // Compacting a prefix replays the old snapshot forward to that index.
    assert_eq!(n1.compact_to(2), Ok(2));
    assert_eq!(n1.snapshot(), &snapshot(2, 1, &[("x", "1"), ("y", "2")]));
    assert_eq!((n1.log().first_index(), n1.log().last_index()), (3, 3));
    assert_eq!(
        n1.kv(),
        &kv_of(&[("x", "3"), ("y", "2")], 3),
        "state machine untouched"
    );
    assert_eq!(
        n1.compact_to(2),
        Err(CompactError::NothingToCompact {
            requested: 2,
            snapshot_index: 2
        })
    );
    assert_eq!(n1.compact(), Ok(1));
    assert_eq!(n1.snapshot(), &snapshot(3, 1, &[("x", "3"), ("y", "2")]));
    assert!(n1.log().entries().is_empty());
    assert_eq!((n1.log().last_index(), n1.log().last_term()), (3, 1));
    assert_eq!(
        snapshot_events(&net.take_events(1)),
        vec![
            Event::SnapshotTaken {
                last_included_index: 2,
                last_included_term: 1,
                compacted: 2,
                trigger: CompactTrigger::Manual
            },
            Event::SnapshotTaken {
                last_included_index: 3,
                last_included_term: 1,
                compacted: 1,
                trigger: CompactTrigger::Manual
            },
        ]
    );
}

#[test]
fn thesis_5_1_leader_sends_install_snapshot_only_for_compacted_entries() {
    let mut net = cluster_with(&[]);
    net.isolate(3);
    for c in ["put a 1", "put b 2", "put c 3", "put d 4"] {
        net.propose(1, c);
    }
    heartbeat(&mut net); // n2 learns the commit
    assert_eq!(net.node(2).last_applied(), 4);
    assert_eq!(net.node_mut(1).compact_to(3), Ok(3));
    net.take_events(1);
    net.heal();
    net.clear_records();
    heartbeat(&mut net);
    // n3 needs entry 1, compacted away: InstallSnapshot. n2 needs entry 5,
    // still held: AppendEntries.
    assert_eq!(
        net.delivered_of_kind(MessageKind::InstallSnapshot),
        vec![(1, 3)]
    );
    assert_eq!(
        net.delivered_of_kind(MessageKind::AppendEntries)[..1],
        [(1, 2)]
    );
    let sent: Vec<Event> = snapshot_events(&net.take_events(1));
    assert_eq!(
        sent,
        vec![Event::SnapshotSent {
            follower: 3,
            last_included_index: 3,
            last_included_term: 1,
            reason: SnapshotReason::EntryCompacted {
                next_index: 1,
                first_index: 4
            }
        }]
    );
    // The follower installed it, answered, and replication continued with
    // entry 4 by AppendEntries.
    let n3 = net.node(3);
    assert_eq!(
        n3.snapshot(),
        &snapshot(3, 1, &[("a", "1"), ("b", "2"), ("c", "3")])
    );
    assert_eq!((n3.log().first_index(), n3.log().last_index()), (4, 4));
    assert!(net
        .delivered_of_kind(MessageKind::InstallSnapshotResponse)
        .contains(&(3, 1)));
    assert_eq!(net.node(1).progress()[&3].match_index, 4);
    heartbeat(&mut net);
    assert_eq!(net.node(3).kv(), net.node(1).kv());
    assert_eq!(net.node(3).commit_index(), 4);
}

#[test]
fn thesis_5_1_leader_uses_append_entries_from_its_snapshot_boundary() {
    let mut net = cluster_with(&["put a 1", "put b 2"]);
    net.isolate(3);
    net.propose(1, "put c 3");
    assert_eq!(net.node_mut(1).compact_to(2), Ok(2));
    net.heal();
    net.clear_records();
    heartbeat(&mut net);
    // n3 has 1..2 and needs 3, which n1 still holds: once nextIndex is back
    // at 3, prevLogIndex is the snapshot's last included index and
    // prevLogTerm its term.
    assert!(net
        .delivered_of_kind(MessageKind::InstallSnapshot)
        .is_empty());
    let to3: Vec<&Message> = net
        .delivered
        .iter()
        .filter(|m| m.to == 3 && m.body.entry_count() > 0)
        .collect();
    match &to3[0].body {
        MessageBody::AppendEntries {
            prev_log, entries, ..
        } => assert_eq!((prev_log.index, prev_log.term, entries.len()), (2, 1, 1)),
        other => panic!("expected AppendEntries, got {other:?}"),
    }
    assert_eq!(net.node(3).log().last_index(), 3);
}

#[test]
fn thesis_figure_5_3_step_6_install_keeps_a_longer_matching_suffix() {
    let mut f = node_with_log(2, &[1, 2, 3], config(false), 1, None, &[1, 1, 1, 1, 1]);
    f.step(install(1, 2, 1, snapshot(3, 1, &[("k", "v")])));
    assert_eq!(
        snapshot_events(&f.take_events()),
        vec![Event::SnapshotInstalled {
            leader: 1,
            last_included_index: 3,
            last_included_term: 1,
            outcome: SnapshotInstall::KeptSuffix { kept: 2 }
        }]
    );
    assert_eq!((f.log().first_index(), f.log().last_index()), (4, 5));
    assert_eq!((f.commit_index(), f.last_applied()), (3, 3));
    assert_eq!(f.kv(), &kv_of(&[("k", "v")], 3));
    assert_eq!(f.persistent().snapshot, snapshot(3, 1, &[("k", "v")]));
    assert_eq!(
        f.take_outbox(),
        vec![msg(
            2,
            1,
            1,
            MessageBody::InstallSnapshotResponse {
                request_term: 1,
                installed: true,
                match_index: 3
            }
        )]
    );
}

#[test]
fn thesis_figure_5_3_step_7_install_discards_a_log_it_does_not_match() {
    let mut f = node_with_log(2, &[1, 2, 3], config(false), 3, None, &[1, 1, 2, 2]);
    f.step(install(1, 2, 3, snapshot(3, 3, &[("k", "v")])));
    assert_eq!(
        snapshot_events(&f.take_events()),
        vec![
            Event::EntriesTruncated {
                removed: vec![(4, 2)]
            },
            Event::SnapshotInstalled {
                leader: 1,
                last_included_index: 3,
                last_included_term: 3,
                outcome: SnapshotInstall::DiscardedLog { discarded: 4 }
            }
        ]
    );
    assert!(f.log().entries().is_empty());
    assert_eq!((f.log().last_index(), f.log().last_term()), (3, 3));
    assert_eq!((f.commit_index(), f.last_applied()), (3, 3));
    assert_eq!(f.leader_id(), Some(1));
}

#[test]
fn stale_snapshot_covered_by_the_commit_index_is_ignored() {
    let mut net = cluster_with(&["put a 1", "put b 2", "put c 3"]);
    heartbeat(&mut net);
    let n2 = net.node_mut(2);
    assert_eq!(n2.commit_index(), 3);
    let before = n2.persistent().clone();
    n2.step(install(1, 2, 1, snapshot(2, 1, &[("a", "1"), ("b", "2")])));
    assert_eq!(n2.persistent(), &before, "log and snapshot untouched");
    assert_eq!(
        snapshot_events(&n2.take_events()),
        vec![Event::SnapshotIgnored {
            leader: 1,
            last_included_index: 2,
            reason: SnapshotIgnore::StaleSnapshot {
                last_included_index: 2,
                commit_index: 3
            }
        }]
    );
    assert_eq!(
        n2.take_outbox(),
        vec![msg(
            2,
            1,
            1,
            MessageBody::InstallSnapshotResponse {
                request_term: 1,
                installed: false,
                match_index: 3
            }
        )]
    );
}

#[test]
fn figure_5_3_step_1_stale_term_snapshot_is_refused_and_the_sender_steps_down() {
    let mut f = node_with_log(2, &[1, 2], config(false), 5, None, &[1]);
    f.step(install(1, 2, 3, snapshot(4, 3, &[])));
    assert_eq!(
        snapshot_events(&f.take_events()),
        vec![Event::SnapshotIgnored {
            leader: 1,
            last_included_index: 4,
            reason: SnapshotIgnore::StaleTerm {
                leader_term: 3,
                our_term: 5
            }
        }]
    );
    assert_eq!(f.log().last_index(), 1);
    let answer = f.take_outbox();
    assert_eq!(answer[0].term, 5);
    let mut net = cluster_with(&[]);
    net.node_mut(1).step(Message {
        from: 2,
        to: 1,
        ..answer[0].clone()
    });
    assert_eq!(
        (net.node(1).role(), net.node(1).term()),
        (Role::Follower, 5)
    );
}

#[test]
fn answers_to_an_older_terms_snapshot_are_ignored() {
    let mut net = cluster_with(&["put a 1"]);
    let before = net.node(1).progress().clone();
    net.node_mut(1).step(msg(
        2,
        1,
        1,
        MessageBody::InstallSnapshotResponse {
            request_term: 0,
            installed: true,
            match_index: 9,
        },
    ));
    assert_eq!(net.node(1).progress(), &before);
}

#[test]
fn thesis_5_1_restart_rebuilds_from_the_snapshot_then_the_log() {
    let mut net = cluster_with(&["put a 1", "put b 2", "put c 3"]);
    heartbeat(&mut net);
    assert_eq!(net.node_mut(2).compact_to(2), Ok(2));
    net.take_events(2);
    net.restart(2);
    let n2 = net.node(2);
    assert_eq!((n2.commit_index(), n2.last_applied()), (2, 2));
    assert_eq!(n2.kv(), &kv_of(&[("a", "1"), ("b", "2")], 2));
    assert_eq!((n2.log().first_index(), n2.log().last_index()), (3, 3));
    assert_eq!(
        snapshot_events(&net.take_events(2)),
        vec![Event::RestoredFromSnapshot {
            last_included_index: 2,
            last_included_term: 1
        }]
    );
    // The leader's next heartbeat re-commits index 3, applied from the log.
    heartbeat(&mut net);
    let n2 = net.node(2);
    assert_eq!((n2.commit_index(), n2.last_applied()), (3, 3));
    assert_eq!(n2.kv(), net.node(1).kv());
}

#[test]
fn thesis_5_1_1_auto_compaction_after_n_applied_entries_and_off_by_default() {
    assert_eq!(Config::default().compact_threshold, 0);
    let mut net = cluster_with(&["put a 1", "put b 2", "put c 3"]);
    assert!(net.node(1).snapshot().is_empty(), "off by default");
    for id in [1, 2, 3] {
        net.node_mut(id).set_compact_threshold(2).unwrap();
    }
    net.take_events(1);
    net.propose(1, "put d 4");
    // n1 applied 4 entries outside a snapshot (>= 2): it compacted them all.
    assert_eq!(
        snapshot_events(&net.take_events(1)),
        vec![Event::SnapshotTaken {
            last_included_index: 4,
            last_included_term: 1,
            compacted: 4,
            trigger: CompactTrigger::Threshold { entries: 2 }
        }]
    );
    assert_eq!(
        net.node(1).snapshot().state,
        kv_of(&[("a", "1"), ("b", "2"), ("c", "3"), ("d", "4")], 4)
    );
    assert_eq!(
        net.node_mut(1).set_compact_threshold(100_001),
        Err(ConfigError::CompactThresholdOutOfRange { entries: 100_001 })
    );
    assert_eq!(
        net.node(1).config().compact_threshold,
        2,
        "refused: unchanged"
    );
}

#[test]
fn append_entries_below_the_followers_snapshot_matches_through_it() {
    let mut net = cluster_with(&["put a 1", "put b 2", "put c 3"]);
    heartbeat(&mut net);
    assert_eq!(net.node_mut(2).compact(), Ok(3));
    net.take_events(2);
    // A delayed AppendEntries from before the compaction: prev 1, entries 2..4.
    let mut f = net.node(2).clone();
    let es = net.node(1).log().slice_from(2, 8);
    f.step(append(1, 2, 1, 1, 1, es, 3));
    let out = f.take_outbox();
    assert_eq!(
        out[0].body,
        MessageBody::AppendEntriesResponse(AppendResponse::matched(1, 3))
    );
    assert_eq!((f.log().first_index(), f.log().last_index()), (4, 3));
}

#[test]
fn a_snapshot_carries_the_configuration_and_reports_its_size() {
    let mut net = cluster_with(&["put key value"]);
    net.node_mut(1).compact().unwrap();
    let s = net.node(1).snapshot().clone();
    assert_eq!(
        (s.config_index, s.config.clone()),
        (0, Membership::simple([1, 2, 3]))
    );
    // 16 bytes of index and term, "key" + "value", 4 bytes per member.
    assert_eq!(s.size_bytes(), 16 + 8 + 12);
    let body = MessageBody::InstallSnapshot { snapshot: s };
    assert_eq!(
        (body.kind(), body.snapshot_bytes()),
        (MessageKind::InstallSnapshot, Some(36))
    );
}

#[test]
fn thesis_5_1_the_snapshot_carries_the_configuration_in_force_at_its_index() {
    let mut net = cluster_with(&["put a 1"]);
    net.isolate(3);
    let (at, _) = net
        .node_mut(1)
        .propose_conf_change(ConfChange::AddLearner(4))
        .unwrap();
    net.deliver_all();
    net.propose(1, "put b 2");
    heartbeat(&mut net);
    let with_learner = net.node(1).membership().clone();
    assert!(with_learner.is_learner(4));
    // Compacting past the configuration entry keeps it in force: the
    // snapshot now holds it.
    let applied = net.node(1).last_applied();
    assert_eq!(net.node_mut(1).compact(), Ok(applied));
    assert_eq!(net.node(1).snapshot().config, with_learner);
    assert_eq!(net.node(1).snapshot().config_index, at);
    assert_eq!(net.node(1).membership(), &with_learner);
    // n3 missed the entry; it learns the configuration from the snapshot.
    net.heal();
    net.take_events(3);
    heartbeat(&mut net);
    assert_eq!(net.node(3).membership(), &with_learner);
    assert!(net.take_events(3).contains(&Event::ConfigAdopted {
        index: at,
        membership: with_learner.clone(),
        cause: ConfigCause::Snapshot
    }));
    // And keeps it across a restart.
    net.restart(3);
    assert_eq!(net.node(3).membership(), &with_learner);
}
