//! The leader's side (thesis §5.1, paper §7): InstallSnapshot only for
//! entries it has compacted, AppendEntries again from the snapshot's
//! boundary, and answers from an older term ignored.

use crate::common::raft_harness::*;
use crate::{cluster_with, heartbeat, snapshot, snapshot_events};
use raftlab::raft::{Event, Message, MessageBody, MessageKind, SnapshotReason};

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
