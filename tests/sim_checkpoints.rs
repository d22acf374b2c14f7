//! Checkpoints that share storage keep replay exact (issue 15): seeking to
//! any tick — back one tick at a time from the end, far back, forward into
//! the recorded future, in any order — gives exactly the world of a fresh
//! run to that tick, and stepping back re-creates dense checkpoints near the
//! tick being looked at.

use raftlab::sim::history::{max_checkpoints, CHECKPOINT_EVERY};
use raftlab::sim::{SimConfig, Simulation, World};

/// A 3-node run with a write every 7 ticks, a crash, a partition and a
/// restart, to `ticks`.
fn run_to(ticks: u64) -> Simulation {
    let mut sim = Simulation::new(SimConfig {
        nodes: 3,
        seed: 77,
        ..SimConfig::default()
    })
    .unwrap();
    let mut n = 0;
    while sim.tick() < ticks {
        let t = sim.tick();
        if t % 7 == 0 {
            sim.propose_cluster(&format!("put k{} {n}", n % 5)).unwrap();
            n += 1;
        }
        match t {
            900 => sim.crash(1).unwrap(),
            1300 => sim.partition(&[&[1], &[2, 3]]).unwrap(),
            1700 => sim.recover().unwrap(),
            1900 => sim.restart(1).unwrap(),
            _ => {}
        }
        sim.step().unwrap();
    }
    sim
}

/// The world at `tick`, from a fresh replay of the same timeline.
fn fresh(sim: &Simulation, tick: u64) -> World {
    Simulation::replay(sim.initial_config().clone(), sim.actions().to_vec(), tick)
        .unwrap()
        .world()
        .clone()
}

#[test]
fn stepping_back_from_the_end_matches_fresh_runs() {
    let end = 3000;
    let mut sim = run_to(end);
    for back in [1, 2, 3, 4, 5, 15, 16, 17, 33] {
        sim.seek(end - back).unwrap();
        assert_eq!(sim.world(), &fresh(&sim, end - back), "tick {}", end - back);
    }
    // Right after a step back, a checkpoint lies within CHECKPOINT_EVERY ticks.
    let now = sim.tick();
    let nearest = sim
        .checkpoint_ticks()
        .into_iter()
        .filter(|&t| t <= now)
        .max()
        .unwrap();
    assert!(now - nearest < CHECKPOINT_EVERY, "{nearest} vs {now}");
}

#[test]
fn seeking_anywhere_in_any_order_matches_fresh_runs() {
    let end = 4000;
    let mut sim = run_to(end);
    let hash = sim.world().trace().hash();
    for t in [
        1, 3999, 17, 2500, 2499, 905, 1301, 1900, 4000, 0, 3000, 3001, 2999,
    ] {
        sim.seek(t).unwrap();
        assert_eq!(sim.tick(), t);
        assert_eq!(sim.world(), &fresh(&sim, t), "tick {t}");
    }
    sim.seek(end).unwrap();
    assert_eq!(sim.world().trace().hash(), hash);
    assert_eq!(sim.world(), &fresh(&sim, end));
}

#[test]
fn stepping_back_far_recreates_dense_checkpoints_near_the_focus() {
    let end = 6000;
    let mut sim = run_to(end);
    let far = 2000;
    sim.seek(far).unwrap();
    let ticks = sim.checkpoint_ticks();
    let near: Vec<u64> = ticks
        .iter()
        .copied()
        .filter(|&t| t <= far && far - t < 4 * CHECKPOINT_EVERY)
        .collect();
    assert_eq!(
        near.len(),
        4,
        "every {CHECKPOINT_EVERY} ticks near {far}: {ticks:?}"
    );
    // The head's neighbourhood is still dense too.
    assert!(ticks.contains(&(end - end % CHECKPOINT_EVERY)));
    // And continuing the run after looking back is still exact.
    sim.seek(end).unwrap();
    sim.run(100).unwrap();
    assert_eq!(sim.world(), &fresh(&sim, end + 100));
}

/// The link budget's memory estimate (`view::share::budget`) relies on this
/// bound: however the user moves around, the checkpoints held stay within
/// `max_checkpoints(head)`, which grows with the logarithm of the run.
#[test]
fn checkpoints_held_stay_within_the_bound_the_link_budget_uses() {
    let mut sim = run_to(20_000);
    let mut most = sim.checkpoint_count();
    for target in [0, 19_999, 7_000, 13_333, 1, 20_000, 4_096, 4_095] {
        sim.seek(target).unwrap();
        most = most.max(sim.checkpoint_count());
    }
    let bound = max_checkpoints(sim.head());
    assert!(
        most as u64 <= bound,
        "{most} checkpoints held, bound {bound}"
    );
    assert!(bound < 400, "the bound is logarithmic, not linear: {bound}");
    assert!(most > 16, "dense near the head and the focus: {most}");
}
