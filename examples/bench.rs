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

fn main() {
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
}
