//! Workloads shared by the native benchmark (`examples/bench.rs`), the
//! browser build and the determinism fixture, so every platform runs exactly
//! the same thing and the figures compare.
//!
//! Time: the UI plays 1 tick as 100 ms of simulated time, so one simulated
//! minute is [`TICKS_PER_MINUTE`] ticks.

use super::config::SimConfig;
use super::history::Simulation;

/// Ticks in one simulated minute (1 tick = 100 ms).
pub const TICKS_PER_MINUTE: u64 = 600;
/// A client command every this many ticks in the steady load (1 per second).
pub const LOAD_EVERY: u64 = 10;
/// Keys the steady load writes, round robin.
pub const LOAD_KEYS: u64 = 16;

/// The fixture scenario's length in ticks.
pub const FIXTURE_TICKS: u64 = 3000;

/// A run of `nodes` nodes (seed 1, default settings) under steady client
/// load — one `put` through the client every [`LOAD_EVERY`] ticks over
/// [`LOAD_KEYS`] keys — for `ticks` ticks, with history and checker on as in
/// the UI.
pub fn steady_load_sim(nodes: u32, ticks: u64) -> Simulation {
    let (mut sim, mut n) = steady_load_start(nodes);
    while sim.tick() < ticks {
        steady_load_step(&mut sim, &mut n);
    }
    sim
}

/// The steady load's run at tick 0, and its command counter.
pub fn steady_load_start(nodes: u32) -> (Simulation, u64) {
    let config = SimConfig {
        nodes,
        seed: 1,
        ..SimConfig::default()
    };
    (Simulation::new(config).expect("a valid cluster size"), 0)
}

/// One tick of the steady load: a `put` when one is due, then a step.
pub fn steady_load_step(sim: &mut Simulation, n: &mut u64) {
    if sim.tick() % LOAD_EVERY == 0 {
        let text = format!("put k{} {}", *n % LOAD_KEYS, *n);
        sim.propose_cluster(&text).expect("a valid command");
        *n += 1;
    }
    sim.step().expect("stepping forward cannot fail");
}

/// [`steady_load_sim`] with automatic log compaction on (thesis §5.1): every
/// node snapshots its log once `threshold` applied entries are outside its
/// snapshot, so the logs stay short however long the run.
pub fn steady_load_compacting_sim(nodes: u32, ticks: u64, threshold: u32) -> Simulation {
    let mut config = SimConfig {
        nodes,
        seed: 1,
        ..SimConfig::default()
    };
    config.raft.compact_threshold = threshold;
    let mut sim = Simulation::new(config).expect("a valid cluster size and threshold");
    let mut n = 0u64;
    while sim.tick() < ticks {
        if sim.tick() % LOAD_EVERY == 0 {
            let text = format!("put k{} {}", n % LOAD_KEYS, n);
            sim.propose_cluster(&text).expect("a valid command");
            n += 1;
        }
        sim.step().expect("stepping forward cannot fail");
    }
    sim
}

/// [`steady_load_sim`], returning (trace events recorded, ticks run).
pub fn steady_load(nodes: u32, ticks: u64) -> (u64, u64) {
    let sim = steady_load_sim(nodes, ticks);
    (sim.world().trace().total(), sim.tick())
}

/// The fixture scenario: seed 42, 5 nodes, client writes and reads, a crash
/// of n5 (the first leader), a partition {1,2} | {3,4,5} that leaves no side
/// a live majority, healing and a restart, run to tick
/// [`FIXTURE_TICKS`]. Its trace hash is stored in
/// `tests/fixtures/trace_hash.txt`; native and wasm builds must both give it.
pub fn fixture_sim() -> Simulation {
    let config = SimConfig {
        nodes: 5,
        seed: 42,
        ..SimConfig::default()
    };
    let mut sim = Simulation::new(config).expect("a valid config");
    let step_to = |sim: &mut Simulation, tick: u64| {
        let now = sim.tick();
        sim.run(tick.saturating_sub(now)).expect("forward");
    };
    step_to(&mut sim, 100);
    for text in ["put a 1", "put b 2", "get a"] {
        sim.propose_cluster(text).expect("valid");
        let next = sim.tick() + 15;
        step_to(&mut sim, next);
    }
    step_to(&mut sim, 400);
    sim.crash(5).expect("n5 is up");
    step_to(&mut sim, 500);
    sim.propose_cluster("put a 3").expect("valid");
    step_to(&mut sim, 700);
    sim.partition(&[&[1, 2], &[3, 4, 5]]).expect("valid");
    sim.propose_to(3, "del b").expect("valid");
    sim.propose_cluster("put c 4").expect("valid");
    step_to(&mut sim, 1200);
    sim.recover().expect("valid");
    sim.restart(5).expect("n5 is crashed");
    step_to(&mut sim, 1500);
    sim.propose_cluster("get a").expect("valid");
    step_to(&mut sim, 2000);
    sim.propose_cluster("put d 5").expect("valid");
    step_to(&mut sim, FIXTURE_TICKS);
    sim
}

/// The fixture scenario's trace hash.
pub fn fixture_trace_hash() -> u64 {
    fixture_sim().world().trace().hash()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steady_load_commits_and_fixture_is_stable() {
        let (events, ticks) = steady_load(3, 200);
        assert_eq!(ticks, 200);
        assert!(events > 50);
        let sim = fixture_sim();
        assert_eq!(sim.tick(), FIXTURE_TICKS);
        assert!(sim.world().violations().is_empty());
        assert_eq!(sim.world().trace().hash(), fixture_trace_hash());
    }
}
