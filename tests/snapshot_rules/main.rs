//! Log compaction and InstallSnapshot, rule by rule, against Ongaro's thesis
//! §5.1 (Figure 5.3) and the paper's §7 (Figure 13). Each test names the rule
//! it checks and would fail if the core broke it.
//!
//! [`compaction`] takes snapshots, [`sending`] is the leader's side of
//! InstallSnapshot, [`install`] the follower's. The helpers below are theirs.

#[path = "../common/mod.rs"]
mod common;
mod compaction;
mod install;
mod sending;

use common::raft_harness::*;
use raftlab::raft::{Event, KvStore, Membership, Message, MessageBody, NodeId, Snapshot, Term};

/// A 3-node cluster with n1 leader of term 1 (no no-op) and these commands
/// committed and applied on n1 (followers learn the commit at a heartbeat).
pub fn cluster_with(commands: &[&str]) -> Network {
    let mut net = Network::new(&[1, 2, 3], config(false));
    net.campaign(1);
    assert_eq!(net.leader(), Some(1));
    for c in commands {
        net.propose(1, c);
    }
    net
}

/// One heartbeat round from n1, delivered.
pub fn heartbeat(net: &mut Network) {
    let hb = net.node(1).config().heartbeat_interval;
    net.tick(1, hb);
    net.deliver_all();
}

/// A state machine holding `pairs`, applied up to `applied`.
pub fn kv_of(pairs: &[(&str, &str)], applied: u64) -> KvStore {
    KvStore {
        data: pairs.iter().map(|&(k, v)| (k.into(), v.into())).collect(),
        last_applied: applied,
    }
}

/// A snapshot of `pairs` through `index` (of `term`), members 1, 2, 3.
pub fn snapshot(index: u64, term: Term, pairs: &[(&str, &str)]) -> Snapshot {
    Snapshot {
        last_included_index: index,
        last_included_term: term,
        state: kv_of(pairs, index),
        config: Membership::simple([1, 2, 3]),
        config_index: 0,
    }
}

/// An InstallSnapshot from `from` to `to` in `term`.
pub fn install(from: NodeId, to: NodeId, term: Term, s: Snapshot) -> Message {
    msg(from, to, term, MessageBody::InstallSnapshot { snapshot: s })
}

/// The snapshot and truncation events among `events`, in order.
pub fn snapshot_events(events: &[Event]) -> Vec<Event> {
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
