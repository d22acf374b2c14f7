//! A larger fuzz run of the link and file decoders, with timings:
//! `cargo run --release --example link_fuzz -- [--cases N] [--seed S]`.
//!
//! Prints, for every bomb of the corpus, its size, the refusal and the time
//! to it (`ms_to_message`); then counts of accepted and refused mutations;
//! then the slowest accepted runs near the budget (`worst_accepted_ms`).

use raftlab::raft::Rng;
use raftlab::sim::{Action, SimConfig, Target, TimedAction};
use raftlab::view::share::fuzz::{bombs, link_json, link_of_json, mutate, sample_link};
use raftlab::view::share::{Cost, Shared, WORK_BUDGET};
use std::time::Instant;

fn arg(name: &str, default: u64) -> u64 {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn open(text: &str, file: bool) -> Result<(), String> {
    let shared = if file {
        Shared::from_file(text)
    } else {
        Shared::decode(text)
    }
    .map_err(|e| format!("{e:?}"))?;
    shared.restore().map(|_| ()).map_err(|e| format!("{e:?}"))
}

// Timing a benchmark is what this example is for (it prints numbers).
#[allow(clippy::disallowed_methods)]
fn main() {
    let cases = arg("--cases", 20_000);
    let seed = arg("--seed", 16);
    let mut worst_ms: f64 = 0.0;
    for case in bombs() {
        let t = Instant::now();
        let got = open(&case.text, case.file);
        let ms = t.elapsed().as_secs_f64() * 1e3;
        worst_ms = worst_ms.max(ms);
        let what = got.err().unwrap_or_else(|| "ACCEPTED".into());
        let what: String = what.chars().take(90).collect();
        println!(
            "bomb={} bytes={} ms_to_message={ms:.3} result={what}",
            case.name,
            case.text.len()
        );
    }
    println!("worst_bomb_ms_to_message={worst_ms:.3}");

    let good = sample_link();
    let json = link_json(&good).unwrap_or_default();
    let file = Shared::decode(&good)
        .map(|s| s.to_file())
        .unwrap_or_default();
    let mut rng = Rng::new(seed);
    let (mut accepted, mut refused) = (0u64, 0u64);
    let mut slowest: f64 = 0.0;
    let t0 = Instant::now();
    for i in 0..cases {
        let (text, is_file) = match i % 3 {
            0 => (mutate(&mut rng, &good), false),
            1 => (link_of_json(&mutate(&mut rng, &json)), false),
            _ => (mutate(&mut rng, &file), true),
        };
        let t = Instant::now();
        match open(&text, is_file) {
            Ok(()) => accepted += 1,
            Err(_) => refused += 1,
        }
        slowest = slowest.max(t.elapsed().as_secs_f64() * 1e3);
    }
    println!(
        "fuzz_cases={cases} accepted={accepted} refused={refused} panics=0 slowest_case_ms={slowest:.3} total_s={:.1}",
        t0.elapsed().as_secs_f64()
    );

    // Runs just under the budget: how long the slowest accepted link takes.
    for (nodes, heartbeat, latency, every) in [
        (9, 1, 20, 0),
        (9, 5, 4, 200),
        (5, 5, 4, 100),
        (3, 1, 1000, 0),
    ] {
        let mut config = SimConfig {
            nodes,
            ..SimConfig::default()
        };
        config.raft.heartbeat_interval = heartbeat;
        config.network.latency_max = latency;
        let make = |head: u64| {
            let actions = match head.checked_div(every) {
                None => Vec::new(),
                Some(count) => (0..count)
                    .map(|i| TimedAction {
                        tick: i * every,
                        action: Action::Propose(
                            Target::Cluster,
                            raftlab::raft::Command::Put {
                                key: format!("k{}", i % 20),
                                value: format!("{i}"),
                            },
                        ),
                    })
                    .collect(),
            };
            Shared {
                config: config.clone(),
                actions,
                tick: head,
                head,
                scenario: None,
                compare: None,
            }
        };
        // The longest head that fits (binary search on the estimate).
        let (mut lo, mut hi) = (0u64, 2_000_000u64);
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if make(mid).validate().is_ok() {
                lo = mid
            } else {
                hi = mid - 1
            }
        }
        let shared = make(lo);
        let t = Instant::now();
        let ok = shared.restore().is_ok();
        let ms = t.elapsed().as_secs_f64() * 1e3;
        let cost = Cost::of(&shared);
        println!(
            "near_budget nodes={nodes} heartbeat={heartbeat} latency_max={latency} put_every={every} ticks={lo} work={} of {WORK_BUDGET} memory_mb={} replay_ok={ok} worst_accepted_ms={ms:.0} ns_per_unit={:.0}",
            cost.work, cost.memory >> 20, ms * 1e6 / cost.work as f64
        );
    }
}
