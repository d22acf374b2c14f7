//! The follower's side (thesis Figure 5.3): a snapshot installed keeps a
//! matching suffix or discards the log; a stale one (older term, or covered
//! by the commit index) is refused or ignored; AppendEntries below the
//! snapshot matches through it.

use crate::common::raft_harness::*;
use crate::{cluster_with, heartbeat, install, kv_of, snapshot, snapshot_events};
use raftlab::raft::{
    AppendResponse, Event, Message, MessageBody, Role, SnapshotIgnore, SnapshotInstall,
};

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
