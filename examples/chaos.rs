//! Randomized fault schedules over many seeds, with the safety checker after
//! every step and a liveness check after healing.
//!
//! ```text
//! cargo run --release --example chaos -- --seeds 10000 --steps 2000
//! cargo run --release --example chaos -- --seeds 1000 --nodes 9
//! cargo run --release --example chaos -- --unsafe help
//! cargo run --release --example chaos -- --seeds 1000 --unsafe forget-vote-on-restart
//! cargo run --release --example chaos -- --seeds 1000 --compaction
//! ```
//!
//! `--compaction` turns on log compaction (thesis §5.1): each seed draws an
//! automatic threshold and the schedule adds "compact now" on random nodes;
//! the summary line then also counts `snapshots_taken` and `snapshots_installed`.
//!
//! Prints the first failure (seed, tick, property, nodes, entries) if any, then
//! one summary line: `runs=N events=N violations=N events_per_sec=N`, where
//! `violations` counts the runs that failed (a safety violation, or not
//! settling after healing: `liveness`). Exits non-zero on a violation unless
//! an unsafe switch was asked for. Each run is `(config_for(seed), actions)`:
//! `--reads` serves most gets by ReadIndex, `--transfers` asks for leader
//! transfers now and then (both checked for linearizability like the rest).
//! `--membership` adds membership changes (learners, promotions, removals,
//! joint consensus, thesis chapter 4) to the faults.
//! `--replay SEED` prints that run's config and action log as JSON.

use raftlab::raft::UnsafeSwitch;
use raftlab::sim::chaos::{self, ChaosOptions};
use std::process::ExitCode;

struct Args {
    seeds: u64,
    start: u64,
    opts: ChaosOptions,
    replay: Option<u64>,
    verbose: bool,
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: chaos [--seeds N] [--steps M] [--start S] [--nodes N] [--unsafe SWITCH|help] \
         [--liveness TICKS] [--replay SEED] [--membership] [--compaction] [--reads] [--transfers] [--verbose]"
    );
    ExitCode::from(2)
}

fn parse() -> Result<Args, ExitCode> {
    let mut args = Args {
        seeds: 100,
        start: 0,
        opts: ChaosOptions::default(),
        replay: None,
        verbose: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(usage);
        let number = |v: String| v.parse::<u64>().map_err(|_| usage());
        match flag.as_str() {
            "--seeds" => args.seeds = number(value()?)?,
            "--steps" => args.opts.steps = number(value()?)?,
            "--start" => args.start = number(value()?)?,
            "--liveness" => args.opts.liveness_ticks = number(value()?)?,
            "--nodes" => {
                let n: u64 = number(value()?)?;
                if !(1..=9).contains(&n) {
                    eprintln!("--nodes must be 1 to 9, not {n}");
                    return Err(ExitCode::from(2));
                }
                args.opts.nodes = Some(n as u32);
            }
            "--replay" => args.replay = Some(number(value()?)?),
            "--verbose" => args.verbose = true,
            "--reads" => args.opts.reads = true,
            "--transfers" => args.opts.transfers = true,
            "--compaction" => args.opts.compaction = true,
            "--membership" => args.opts.membership = true,
            "--unsafe" => {
                let name = value()?;
                if name == "help" {
                    for s in UnsafeSwitch::ALL {
                        println!("{}", s.name());
                    }
                    return Err(ExitCode::SUCCESS);
                }
                let Some(s) = UnsafeSwitch::from_name(&name) else {
                    eprintln!("unknown unsafe switch `{name}`; try --unsafe help");
                    return Err(ExitCode::from(2));
                };
                args.opts.unsafe_switch = Some(s);
            }
            _ => return Err(usage()),
        }
    }
    Ok(args)
}

/// Wall-clock time, for the events/sec figure only (the simulation itself
/// never reads a clock).
#[allow(clippy::disallowed_methods)]
fn now() -> std::time::Instant {
    std::time::Instant::now()
}

fn main() -> ExitCode {
    let args = match parse() {
        Ok(a) => a,
        Err(code) => return code,
    };
    if let Some(seed) = args.replay {
        let out = chaos::run(seed, &args.opts);
        let run = serde_json::json!({
            "config": out.sim.initial_config(),
            "actions": out.sim.actions(),
            "failure": out.failure.as_ref().map(|f| f.to_string()),
        });
        println!("{run}");
        return ExitCode::SUCCESS;
    }
    let started = now();
    let (mut runs, mut events, mut violations) = (0u64, 0u64, 0u64);
    let (mut taken, mut installed) = (0u64, 0u64);
    let mut first = None;
    let mut slowest_settle = (0, 0);
    for seed in args.start..args.start + args.seeds {
        let out = chaos::run(seed, &args.opts);
        runs += 1;
        events += out.events;
        taken += out.snapshots.0;
        installed += out.snapshots.1;
        if let Some(t) = out.settle_ticks {
            slowest_settle = slowest_settle.max((t, seed));
        }
        if let Some(f) = out.failure {
            violations += 1;
            if args.verbose {
                println!("seed={seed} {f}");
            }
            if first.is_none() {
                first = Some((seed, f));
            }
        }
    }
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    if let Some((seed, f)) = &first {
        println!("first violation: seed={seed} {f}");
    }
    if args.verbose {
        println!(
            "slowest settle after heal: {} ticks (seed {}); wall time {secs:.1} s",
            slowest_settle.0, slowest_settle.1
        );
    }
    let snapshots = if args.opts.compaction {
        format!(" snapshots_taken={taken} snapshots_installed={installed}")
    } else {
        String::new()
    };
    println!(
        "runs={runs} events={events} violations={violations} events_per_sec={}{snapshots}",
        (events as f64 / secs) as u64
    );
    if violations > 0 && args.opts.unsafe_switch.is_none() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
