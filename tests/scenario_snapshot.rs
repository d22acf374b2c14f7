//! The guided scenario "snapshot-catch-up" (thesis §5.1): a crashed follower
//! returns to a cluster that compacted its logs and catches up by
//! InstallSnapshot. Its end state, stated literally, and what happened on
//! the way there, read from the trace.

mod common;

use common::guided::last;
use raftlab::raft::{Event, SnapshotInstall, SnapshotReason};
use raftlab::scenario;
use raftlab::sim::{RoleKey, TraceKind};

fn kv(pairs: &[(&str, &str)]) -> raftlab::vec_map::VecMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn lagging_follower_catches_up_by_snapshot_exact_end_state() {
    let sc = scenario::find("snapshot-catch-up").expect("scenario exists");
    let sim = last(&sc);
    let want = kv(&[("w", "5"), ("x", "4"), ("y", "2"), ("z", "3")]);
    let got: Vec<_> = sim
        .nodes()
        .into_iter()
        .map(|n| {
            (
                n.role,
                n.term,
                n.snapshot,
                n.log.clone(),
                n.commit,
                n.applied,
                n.kv,
            )
        })
        .collect();
    let log = vec![(7, 1, "put w 5".to_string())];
    assert_eq!(
        got,
        vec![
            (RoleKey::Leader, 1, (6, 1), log.clone(), 7, 7, want.clone()),
            (
                RoleKey::Follower,
                1,
                (6, 1),
                log.clone(),
                7,
                7,
                want.clone()
            ),
            (RoleKey::Follower, 1, (6, 1), log, 7, 7, want),
        ]
    );
    assert!(sim.world().violations().is_empty());
    // The leader sent n3 its snapshot because entry 3 was compacted, and n3
    // discarded its two-entry log to install it.
    let events: Vec<(u32, Event)> = sim
        .world()
        .trace()
        .recent()
        .filter_map(|e| match &e.kind {
            TraceKind::Raft(
                ev @ (Event::SnapshotSent { .. } | Event::SnapshotInstalled { .. }),
            ) => Some((e.node, ev.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(
        events,
        vec![
            (
                1,
                Event::SnapshotSent {
                    follower: 3,
                    last_included_index: 6,
                    last_included_term: 1,
                    reason: SnapshotReason::EntryCompacted {
                        next_index: 3,
                        first_index: 7
                    }
                }
            ),
            (
                3,
                Event::SnapshotInstalled {
                    leader: 1,
                    last_included_index: 6,
                    last_included_term: 1,
                    outcome: SnapshotInstall::DiscardedLog { discarded: 2 }
                }
            ),
        ]
    );
}

#[test]
fn snapshot_scenario_steps_meet_their_expectations_in_both_languages() {
    let sc = scenario::find("snapshot-catch-up").unwrap();
    assert_eq!(sc.steps.len(), 5);
    for (i, step) in sc.steps.iter().enumerate() {
        assert!(
            !step.narration_en.is_empty() && !step.narration_zh.is_empty(),
            "step {i}"
        );
        let sim = sc.build(i).unwrap();
        assert!(
            step.expect.as_ref().is_none_or(|c| c.holds(&sim)),
            "step {i}"
        );
    }
    // After the compaction step, n1's log is empty and numbers on from 7.
    let sim = sc.build(2).unwrap();
    let n1 = sim.node(1).unwrap();
    assert_eq!((n1.snapshot, n1.log.len(), n1.commit), ((6, 1), 0, 6));
    assert_eq!(sim.node(3).unwrap().role, RoleKey::Crashed);
}
