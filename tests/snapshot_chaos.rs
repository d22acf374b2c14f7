//! Log compaction in the simulation (thesis §5.1): the actions record,
//! replay and refuse like every other; the safety checker stays correct over
//! compacted prefixes (it flags a snapshot that does not stand for its
//! prefix, and nothing in safe runs); chaos with compaction on finds nothing.

mod common;

use common::sim::{commits, elected_n1};
use raftlab::raft::{
    CompactError, Config as RaftConfig, Message, MessageBody, MessageKind, Snapshot,
};
use raftlab::sim::chaos::{self, ChaosOptions};
use raftlab::sim::{Action, Property, SimError, Simulation};

fn with_writes() -> Simulation {
    let mut sim = elected_n1(RaftConfig::default());
    for i in 0..4 {
        sim.propose_to(1, &format!("put k{i} {i}")).unwrap();
    }
    sim.tick_all(30).unwrap();
    assert_eq!(commits(&sim), [5; 5]);
    sim
}

#[test]
fn compact_actions_record_replay_and_refuse_with_a_reason() {
    let mut sim = with_writes();
    sim.compact(2).unwrap();
    sim.compact_to(3, 3).unwrap();
    assert_eq!(sim.node(2).unwrap().snapshot, (5, 1));
    assert_eq!(sim.node(3).unwrap().snapshot, (3, 1));
    assert_eq!(sim.node(3).unwrap().log.len(), 2, "entries 4 and 5 kept");
    let before = sim.actions().len();
    assert_eq!(
        sim.compact_to(3, 9),
        Err(SimError::Compact {
            node: 3,
            error: CompactError::PastApplied {
                requested: 9,
                applied: 5
            }
        })
    );
    assert_eq!(
        sim.compact(2),
        Err(SimError::Compact {
            node: 2,
            error: CompactError::NothingToCompact {
                requested: 5,
                snapshot_index: 5
            }
        })
    );
    assert_eq!(
        sim.actions().len(),
        before,
        "refused actions are not recorded"
    );
    assert_eq!(
        sim.set_compact_threshold(100_001).unwrap_err().to_string(),
        "compaction threshold 100001 must be 0 (off) or at most 100000 entries"
    );
    // The threshold compacts at once where it is already reached.
    sim.set_compact_threshold(4).unwrap();
    assert_eq!(sim.node(1).unwrap().snapshot, (5, 1));
    assert_eq!(
        sim.node(3).unwrap().snapshot,
        (3, 1),
        "2 applied since: below 4"
    );
    // Replaying the action log gives the same run.
    let replay = Simulation::replay(
        sim.initial_config().clone(),
        sim.actions().to_vec(),
        sim.tick(),
    )
    .unwrap();
    assert_eq!(replay.world().trace().hash(), sim.world().trace().hash());
    assert_eq!(replay.nodes(), sim.nodes());
}

#[test]
fn a_lagging_follower_catches_up_by_install_snapshot_in_the_simulation() {
    let mut sim = with_writes();
    sim.crash(5).unwrap();
    sim.propose_to(1, "put late 1").unwrap();
    sim.tick_all(20).unwrap();
    sim.compact(1).unwrap();
    sim.restart(5).unwrap();
    let mut saw_snapshot = false;
    for _ in 0..40 {
        sim.tick_all(1).unwrap();
        saw_snapshot |= sim
            .find_message(1, 5, MessageKind::InstallSnapshot)
            .is_some();
    }
    assert!(saw_snapshot, "the leader sent InstallSnapshot to n5");
    let n5 = sim.node(5).unwrap();
    assert_eq!((n5.snapshot, n5.commit, n5.applied), ((6, 1), 6, 6));
    assert_eq!(n5.kv, sim.node(1).unwrap().kv);
    assert!(sim.world().violations().is_empty());
}

/// A hand-made InstallSnapshot for n2 from the leader, due next tick.
fn forged(sim: &Simulation, snapshot: Snapshot) -> Action {
    Action::inject(Message {
        from: 1,
        to: 2,
        term: sim.node(1).unwrap().term,
        body: MessageBody::InstallSnapshot { snapshot },
    })
}

#[test]
fn checker_flags_a_snapshot_whose_state_is_not_its_prefix() {
    let mut sim = elected_n1(RaftConfig::default());
    sim.isolate(2).unwrap(); // n2 misses what follows
    sim.propose_to(1, "put x 1").unwrap();
    sim.propose_to(1, "put y 2").unwrap();
    sim.tick_all(20).unwrap();
    sim.compact(1).unwrap();
    sim.recover().unwrap(); // the forged snapshot arrives before any real one
    let mut s = sim.world().slot(1).unwrap().node.snapshot().clone();
    assert_eq!(s.last_included_index, 3);
    s.state.data.insert("x".into(), "forged".into());
    sim.act(forged(&sim, s)).unwrap();
    sim.tick_all(2).unwrap();
    let v = &sim.world().violations()[0];
    assert_eq!(
        (v.property, v.entries.clone()),
        (Property::StateMachineSafety, vec![(3, 1)])
    );
}

#[test]
fn checker_flags_a_snapshot_with_another_term_at_a_committed_index() {
    let mut sim = elected_n1(RaftConfig::default());
    sim.isolate(2).unwrap();
    sim.propose_to(1, "put x 1").unwrap();
    sim.tick_all(20).unwrap();
    sim.compact(1).unwrap();
    sim.recover().unwrap();
    let mut s = sim.world().slot(1).unwrap().node.snapshot().clone();
    s.last_included_term = 7;
    sim.act(forged(&sim, s)).unwrap();
    sim.tick_all(2).unwrap();
    let v = &sim.world().violations()[0];
    assert_eq!(v.property, Property::StateMachineSafety);
    assert_eq!(v.entries, vec![(2, 1), (2, 7)]);
}

#[test]
fn the_safe_core_with_compaction_survives_300_seeds() {
    let o = ChaosOptions {
        steps: 600,
        compaction: true,
        ..ChaosOptions::default()
    };
    let (mut taken, mut installed) = (0, 0);
    for seed in 0..300 {
        let out = chaos::run(seed, &o);
        if let Some(f) = &out.failure {
            panic!(
                "seed {seed}: {f}\nreplay: cargo run --release --example chaos -- --replay {seed} --steps 600 --compaction"
            );
        }
        taken += out.snapshots.0;
        installed += out.snapshots.1;
    }
    // The schedules really compact and really send snapshots.
    assert!(taken > 1000, "snapshots taken {taken}");
    assert!(installed > 100, "snapshots installed {installed}");
}

#[test]
fn share_links_carry_compaction_actions_and_refuse_impossible_ones() {
    use raftlab::view::share::{ShareError, Shared};
    let mut sim = with_writes();
    sim.compact_to(2, 4).unwrap();
    sim.set_compact_threshold(3).unwrap();
    sim.propose_cluster("put after 1").unwrap();
    sim.run(20).unwrap();
    let link = Shared::capture(&sim, None).encode();
    let back = Shared::decode(&link).unwrap().restore().unwrap();
    assert_eq!(back.nodes(), sim.nodes());
    assert_eq!(back.world().trace().hash(), sim.world().trace().hash());
    assert!(back.actions().iter().any(|a| a.action
        == Action::Compact {
            node: 2,
            up_to: Some(4)
        }));
    // A link naming a node that does not exist, or a threshold out of range.
    for bad in [
        Action::Compact {
            node: 9,
            up_to: None,
        },
        Action::SetCompactThreshold(100_001),
    ] {
        let mut shared = Shared::capture(&sim, None);
        shared.actions.push(raftlab::sim::TimedAction {
            tick: shared.tick,
            action: bad,
        });
        let index = shared.actions.len() - 1;
        assert_eq!(shared.validate(), Err(ShareError::BadAction { index }));
    }
}
