//! Taking a snapshot (thesis §5.1, §5.1.1): only up to the applied index,
//! by hand or after N applied entries, carrying the state machine and the
//! configuration in force at its index, and rebuilt from at a restart.

use crate::{cluster_with, heartbeat, kv_of, snapshot, snapshot_events};
use raftlab::raft::{
    CompactError, CompactTrigger, ConfChange, Config, ConfigCause, ConfigError, Event, Membership,
    MessageBody, MessageKind,
};

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
