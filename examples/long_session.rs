//! Memory of a long classroom session (issue 16): 10 minutes at the fastest
//! speed (1000 ticks/s, so 600,000 ticks), 9 nodes, one client command a
//! second — what the browser soak (`tests/browser/robust.test.js`) runs for
//! 60 s, run here to the end:
//! `cargo run --release --example long_session -- [--ticks N] [--every K]`.
//! Prints `session_bytes=` (history, checkpoints and world, as allocated)
//! every simulated minute, and the ceiling it is held to.

use raftlab::sim::{SimConfig, Simulation};
use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};
use std::alloc::System;

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// The documented ceiling for the whole session's heap (README).
const CEILING_BYTES: i64 = 64 * 1024 * 1024;

fn arg(name: &str, default: u64) -> u64 {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let ticks = arg("--ticks", 600_000);
    let every = arg("--every", 1000).max(1);
    let region = Region::new(GLOBAL);
    let config = SimConfig {
        nodes: 9,
        seed: 2,
        ..SimConfig::default()
    };
    let mut sim = Simulation::new(config).expect("a valid cluster");
    let mut n = 0u64;
    let mut peak: i64 = 0;
    while sim.tick() < ticks {
        if sim.tick() % every == 0 {
            let _ = sim.propose_cluster(&format!("put k{} {n}", n % 20));
            n += 1;
        }
        sim.step().expect("stepping forward cannot fail");
        if sim.tick() % 60_000 == 0 {
            let s = region.change();
            let held = s.bytes_allocated as i64 - s.bytes_deallocated as i64;
            peak = peak.max(held);
            println!(
                "minute={} ticks={} session_bytes={held} checkpoints={} log_entries={}",
                sim.tick() / 60_000,
                sim.tick(),
                sim.checkpoint_count(),
                sim.world().nodes()[0].node.log().entries().len()
            );
        }
    }
    println!(
        "session_peak_bytes={peak} ceiling_bytes={CEILING_BYTES} commands={n} {}",
        if peak <= CEILING_BYTES {
            "within_ceiling"
        } else {
            "OVER_CEILING"
        }
    );
}
