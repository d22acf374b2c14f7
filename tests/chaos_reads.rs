//! Chaos with ReadIndex reads and leadership transfers (thesis §6.4, §3.10):
//! the same randomized faults, with most `get`s served by ReadIndex and the
//! leader asked now and then to hand over. The client history — reads
//! included — is checked for linearizability after every step: the safe
//! core never fails; the unsafe `stale-leader-read` switch is caught, as
//! linearizability, within a small range of seeds (found with
//! `cargo run --release --example chaos -- --unsafe stale-leader-read --verbose`).

use raftlab::raft::UnsafeSwitch;
use raftlab::sim::chaos::{self, ChaosOptions};
use raftlab::sim::OpStatus;

fn opts(unsafe_switch: Option<UnsafeSwitch>) -> ChaosOptions {
    ChaosOptions {
        steps: 600,
        unsafe_switch,
        reads: true,
        transfers: true,
        ..ChaosOptions::default()
    }
}

#[test]
fn the_safe_core_with_reads_and_transfers_survives_100_seeds() {
    let o = opts(None);
    let mut answered = 0;
    for seed in 0..100 {
        let out = chaos::run(seed, &o);
        if let Some(f) = &out.failure {
            panic!("seed {seed}: {f}\nreplay: cargo run --release --example chaos -- --reads --transfers --replay {seed} --steps 600");
        }
        answered += out
            .sim
            .world()
            .client()
            .ops()
            .iter()
            .filter(|op| matches!(op.status, OpStatus::ReadAnswered { .. }))
            .count();
    }
    // The reads really ran (and were checked), not just the writes.
    assert!(answered > 100, "only {answered} ReadIndex reads answered");
}

#[test]
fn stale_leader_read_is_caught_as_linearizability_within_ten_seeds() {
    let o = opts(Some(UnsafeSwitch::StaleLeaderRead));
    let found = (0..10).find_map(|seed| chaos::run(seed, &o).failure.map(|f| (seed, f.property())));
    let (seed, property) = found.expect("no seed in 0..10 caught stale-leader-read");
    assert_eq!(property, "linearizability", "seed {seed}");
}
