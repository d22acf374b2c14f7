//! Determinism (architecture notes, "Determinism rules"): `(config, actions)`
//! fixes a run. Same seed and actions ⇒ the same trace hash, natively, after a
//! replay, after rewinding, and — through the stored fixture — in wasm.

use raftlab::sim::bench::{fixture_sim, fixture_trace_hash, FIXTURE_TICKS};
use raftlab::sim::chaos::{self, ChaosOptions};
use raftlab::sim::{SimConfig, Simulation};

fn scripted(seed: u64) -> Simulation {
    let mut sim = Simulation::new(SimConfig {
        nodes: 5,
        seed,
        ..SimConfig::default()
    })
    .unwrap();
    sim.run(60).unwrap();
    sim.propose_cluster("put x 1").unwrap();
    sim.run(30).unwrap();
    sim.crash(2).unwrap();
    sim.partition(&[&[1, 3], &[2, 4, 5]]).unwrap();
    sim.propose_cluster("get x").unwrap();
    sim.run(200).unwrap();
    sim.recover().unwrap();
    sim.restart(2).unwrap();
    sim.run(200).unwrap();
    sim
}

#[test]
fn same_seed_and_actions_give_the_same_hash() {
    let a = scripted(7);
    let b = scripted(7);
    assert_eq!(a.world().trace().hash(), b.world().trace().hash());
    assert_eq!(a.world().trace().total(), b.world().trace().total());
    assert_eq!(a.world(), b.world());
    // A randomized chaos run too.
    let opts = ChaosOptions {
        steps: 400,
        ..ChaosOptions::default()
    };
    let (x, y) = (chaos::run(11, &opts), chaos::run(11, &opts));
    assert_eq!(x.sim.world().trace().hash(), y.sim.world().trace().hash());
    assert_eq!(x.sim.actions(), y.sim.actions());
}

#[test]
fn different_seeds_give_different_hashes() {
    let hashes: Vec<u64> = (1..=4)
        .map(|s| scripted(s).world().trace().hash())
        .collect();
    for i in 0..hashes.len() {
        for j in 0..i {
            assert_ne!(hashes[i], hashes[j], "seeds {} and {}", i + 1, j + 1);
        }
    }
}

#[test]
fn replay_reproduces_the_hash() {
    let sim = scripted(3);
    let again = Simulation::replay(
        sim.initial_config().clone(),
        sim.actions().to_vec(),
        sim.tick(),
    )
    .unwrap();
    assert_eq!(again.tick(), sim.tick());
    assert_eq!(again.world().trace().hash(), sim.world().trace().hash());
    // A chaos run replays from its action log alone.
    let out = chaos::run(
        5,
        &ChaosOptions {
            steps: 500,
            ..ChaosOptions::default()
        },
    );
    let again = Simulation::replay(
        out.sim.initial_config().clone(),
        out.sim.actions().to_vec(),
        out.sim.tick(),
    )
    .unwrap();
    assert_eq!(again.world().trace().hash(), out.sim.world().trace().hash());
    assert_eq!(again.world().violations(), out.sim.world().violations());
}

#[test]
fn rewinding_then_stepping_forward_reproduces_the_hash() {
    let mut sim = scripted(9);
    let end = sim.tick();
    let hash = sim.world().trace().hash();
    let midway = sim.clone();
    for back in [0, 1, 77, 255, 256, 300, end] {
        sim.seek(end - back).unwrap();
        assert_eq!(sim.tick(), end - back);
        sim.seek(end).unwrap();
        assert_eq!(
            sim.world().trace().hash(),
            hash,
            "after rewinding {back} ticks"
        );
    }
    assert_eq!(sim.world(), midway.world());
}

#[test]
fn fixture_hash_matches_the_stored_value() {
    let sim = fixture_sim();
    assert_eq!(sim.tick(), FIXTURE_TICKS);
    assert!(sim.world().violations().is_empty());
    let stored = include_str!("fixtures/trace_hash.txt").trim();
    let actual = fixture_trace_hash();
    assert_eq!(
        stored.parse::<u64>().ok(),
        Some(actual),
        "the fixture scenario's trace hash changed: if intended, store {actual} in \
         tests/fixtures/trace_hash.txt (the wasm build must produce it too)"
    );
    assert_eq!(sim.world().trace().hash(), actual);
}
