//! Read-outs of the events a node recorded, for the scenario suites: which
//! nextIndex back-ups, truncations, rejections, commit holds and commits
//! happened, in order.
#![allow(dead_code)]

use raftlab::raft::{AppendRejection, CommitHold, Event, NodeId, Term};

/// `(from, to)` of every `NextIndexBackedUp` for `follower`.
pub fn backups(events: &[Event], follower: NodeId) -> Vec<(u64, u64)> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::NextIndexBackedUp {
                follower: f,
                from,
                to,
            } if *f == follower => Some((*from, *to)),
            _ => None,
        })
        .collect()
}

/// The entries each `EntriesTruncated` removed.
pub fn truncations(events: &[Event]) -> Vec<Vec<(u64, Term)>> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::EntriesTruncated { removed } => Some(removed.clone()),
            _ => None,
        })
        .collect()
}

/// The reason of every `AppendRejected`.
pub fn rejections(events: &[Event]) -> Vec<AppendRejection> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::AppendRejected { reason, .. } => Some(reason.clone()),
            _ => None,
        })
        .collect()
}

/// The hold of the last `CommitHeld`.
pub fn last_commit_hold(events: &[Event]) -> Option<CommitHold> {
    events.iter().rev().find_map(|e| match e {
        Event::CommitHeld { hold } => Some(hold.clone()),
        _ => None,
    })
}

/// `(from, to, by)` of every `CommitAdvanced`.
pub fn commits(events: &[Event]) -> Vec<(u64, u64, Vec<NodeId>)> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::CommitAdvanced { from, to, by } => Some((*from, *to, by.clone())),
            _ => None,
        })
        .collect()
}
