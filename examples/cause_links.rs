//! Share links of runs that break safety, one per unsafe teaching switch,
//! for the browser suite's "show the cause" test (scripts/test.sh writes
//! them to tests/browser/generated/cause-links.json before the browser
//! tests run, so they always match the current core and link format).
//!
//!     cargo run --example cause_links -- OUT.json
//!
//! Each entry: the switch, the link fragment (the run up to its first
//! violation), the violation's tick and the tick of its cause.

use raftlab::raft::UnsafeSwitch;
use raftlab::sim::chaos::{self, ChaosFailure, ChaosOptions};
use raftlab::view::share::Shared;

fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "cause-links.json".into());
    let mut entries = Vec::new();
    for switch in [
        UnsafeSwitch::VoteWithoutLogCheck,
        UnsafeSwitch::CommitOldTermByCounting,
        UnsafeSwitch::ForgetVoteOnRestart,
        UnsafeSwitch::AcceptStaleLeader,
    ] {
        let o = ChaosOptions {
            steps: 600,
            unsafe_switch: Some(switch),
            ..ChaosOptions::default()
        };
        let found = (0..400).find_map(|seed| {
            let run = chaos::run(seed, &o);
            match &run.failure {
                Some(ChaosFailure::Safety(v)) => {
                    let cause = run.sim.world().cause_of(v)?.tick;
                    Some((
                        seed,
                        v.tick,
                        cause,
                        Shared::capture(&run.sim, None).encode(),
                    ))
                }
                _ => None,
            }
        });
        let Some((seed, violation, cause, link)) = found else {
            eprintln!("{}: no violation in seeds 0..400", switch.name());
            std::process::exit(1);
        };
        entries.push(format!(
            "  {{\"switch\": \"{}\", \"seed\": {seed}, \"violation_tick\": {violation}, \"cause_tick\": {cause}, \"link\": \"{link}\"}}",
            switch.name()
        ));
    }
    let json = format!("[\n{}\n]\n", entries.join(",\n"));
    if let Some(dir) = std::path::Path::new(&out).parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    std::fs::write(&out, json).unwrap_or_else(|e| {
        eprintln!("cannot write {out}: {e}");
        std::process::exit(1);
    });
    println!("cause_links={out} switches={}", entries.len());
}
