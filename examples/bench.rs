//! Native benchmark of the simulation:
//!
//! ```text
//! cargo run --release --example bench
//! ```
//!
//! 1. simulated events/sec and ticks/sec for 3, 5 and 9 nodes under steady
//!    client load (`raftlab::sim::bench::steady_load`, the same workload the
//!    browser build can run);
//! 2. the wall time to fast-forward 10 simulated minutes of a 5-node cluster
//!    (1 tick = 100 ms, so 6,000 ticks);
//! 3. the heap held by one simulated hour (36,000 ticks) of a 5-node cluster
//!    under steady load — the whole `Simulation`: current world, base world,
//!    checkpoints and action log — measured with a counting allocator, with
//!    the size of one world broken down by part. Budget: 64 MB.
//! 4. the same hour with automatic log compaction every 100 applied entries
//!    (thesis §5.1): `history_bytes_auto_compaction=…`.
//! 5. long runs (issue 15), one 4-hour run of 5 nodes with a put every 10
//!    ticks: the cost of one tick (mean over a window of ticks) when the run
//!    is 10 minutes, 1 hour and 4 hours old, the history's heap at 1 and 4
//!    hours, one tick back from the end and a seek from tick 0 to the end.
//!    Targets: per tick at 4 h within 1.3x of 10 min; history at 4 h <= 32 MB;
//!    one tick back <= 16 ms; seek to the end <= 300 ms.
//!
//! `cargo run --release --example bench -- long` runs only part 5.

use raftlab::sim::bench::steady_load_compacting_sim;
use raftlab::sim::bench::{steady_load, steady_load_sim, TICKS_PER_MINUTE};
use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};
use std::alloc::System;

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// The heap budget for one hour of history.
const BUDGET_BYTES: i64 = 64 * 1024 * 1024;

/// Wall-clock time (the benchmark measures; the simulation never reads it).
#[allow(clippy::disallowed_methods)]
fn now() -> std::time::Instant {
    std::time::Instant::now()
}

/// Heap bytes still held that were allocated since the region began.
fn held(region: &Region<System>) -> i64 {
    let c = region.change();
    c.bytes_allocated as i64 - c.bytes_deallocated as i64
}

/// Heap bytes a value's clone holds (its deep size, roughly).
fn deep_size<T: Clone>(value: &T) -> i64 {
    let region = Region::new(GLOBAL);
    let copy = value.clone();
    let bytes = held(&region);
    drop(copy);
    bytes
}

/// The ticks over which one tick's cost is averaged.
const WINDOW: u64 = 1200;

/// Part 4: one long run, measured as it goes.
fn long_run() {
    use raftlab::sim::bench::{steady_load_start, steady_load_step};
    let region = Region::new(GLOBAL);
    let (mut sim, mut n) = steady_load_start(5);
    let marks = [
        ("10min", 10 * TICKS_PER_MINUTE),
        ("1h", 60 * TICKS_PER_MINUTE),
        ("4h", 240 * TICKS_PER_MINUTE),
    ];
    for (name, at) in marks {
        while sim.tick() < at - WINDOW {
            steady_load_step(&mut sim, &mut n);
        }
        let start = now();
        while sim.tick() < at {
            steady_load_step(&mut sim, &mut n);
        }
        let us = start.elapsed().as_secs_f64() * 1e6 / WINDOW as f64;
        println!("per_tick_us_{name}={us:.2}");
        if name != "10min" {
            println!(
                "history_bytes_{name}={} checkpoints={} events={}",
                held(&region),
                sim.checkpoint_count(),
                sim.world().trace().total()
            );
        }
    }
    let end = sim.tick();
    let start = now();
    sim.seek(end - 1).expect("in range");
    println!(
        "step_back_ms_4h={:.3}",
        start.elapsed().as_secs_f64() * 1000.0
    );
    let start = now();
    sim.seek(end - 2).expect("in range");
    println!(
        "step_back_again_ms_4h={:.3}",
        start.elapsed().as_secs_f64() * 1000.0
    );
    sim.seek(0).expect("in range");
    let start = now();
    sim.seek(end).expect("in range");
    println!(
        "seek_end_ms_4h={:.3}",
        start.elapsed().as_secs_f64() * 1000.0
    );
    let hash = sim.world().trace().hash();
    sim.seek(end / 2).expect("in range");
    sim.seek(end).expect("in range");
    assert_eq!(hash, sim.world().trace().hash(), "replay is exact");
}

fn main() {
    if std::env::args().any(|a| a == "long") {
        return long_run();
    }
    const LOAD_TICKS: u64 = 20_000;
    for nodes in [3, 5, 9] {
        let start = now();
        let (events, ticks) = steady_load(nodes, LOAD_TICKS);
        let secs = start.elapsed().as_secs_f64().max(1e-9);
        println!(
            "nodes={nodes} ticks={ticks} events={events} events_per_sec={} ticks_per_sec={}",
            (events as f64 / secs) as u64,
            (ticks as f64 / secs) as u64
        );
    }

    let ten_minutes = 10 * TICKS_PER_MINUTE;
    let start = now();
    let sim = steady_load_sim(5, ten_minutes);
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    println!(
        "fast_forward_10min nodes=5 ticks={ten_minutes} ms={ms:.0} events={}",
        sim.world().trace().total()
    );
    drop(sim);

    let hour = 60 * TICKS_PER_MINUTE;
    let region = Region::new(GLOBAL);
    let sim = steady_load_sim(5, hour);
    let bytes = held(&region);
    let w = sim.world();
    println!(
        "history_bytes={bytes} checkpoints={} actions={} ticks={hour} nodes=5 budget_bytes={BUDGET_BYTES} {}",
        sim.checkpoint_count(),
        sim.actions().len(),
        if bytes <= BUDGET_BYTES { "within_budget" } else { "OVER_BUDGET" }
    );
    let nodes: i64 = w.nodes().iter().map(deep_size).sum();
    println!(
        "one_world_bytes={} nodes={nodes} client={} checker={} trace={} network={} (client history ops={}, client ops={}, log entries per node={})",
        deep_size(w),
        deep_size(w.client()),
        deep_size(w.checker()),
        deep_size(w.trace()),
        deep_size(w.network()),
        w.client().history().len(),
        w.client().ops().len(),
        w.nodes()[0].node.log().last_index()
    );
    let skipped = w.checker().linearizability().skipped_total();
    println!(
        "violations={} linearizability_checks_skipped={skipped}",
        w.violations().len()
    );

    drop(sim);

    // 4. One hour with auto-compaction on: the logs stay short.
    const THRESHOLD: u32 = 100;
    let region = Region::new(GLOBAL);
    let sim = steady_load_compacting_sim(5, hour, THRESHOLD);
    let bytes = held(&region);
    let w = sim.world();
    let n1 = &w.nodes()[0].node;
    println!(
        "history_bytes_auto_compaction={bytes} threshold={THRESHOLD} ticks={hour} nodes=5 one_world_bytes={} log_entries_held_n1={} snapshot_index_n1={} violations={} {}",
        deep_size(w),
        n1.log().entries().len(),
        n1.log().snapshot_index(),
        w.violations().len(),
        if bytes <= BUDGET_BYTES { "within_budget" } else { "OVER_BUDGET" }
    );

    long_run();
}
