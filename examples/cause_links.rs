//! Share links of runs that break safety, one per unsafe teaching switch,
//! for the browser suite's "show the cause" test (scripts/test.sh writes
//! them to tests/browser/generated/cause-links.json before the browser
//! tests run, so they always match the current core and link format).
//!
//!     cargo run --example cause_links -- OUT.json
//!
//! Each entry: the switch, the link fragment (the run up to its first
//! violation), the violation's tick and the tick of its cause, the log
//! entries "show the cause" marks (`cause_entries`, as [index, term]) and a
//! linearizability violation's conflicting operations (`conflict_ops`, ids),
//! and the cluster's size (`nodes`).
//! The first four
//! switches come from chaos runs; the last two need a membership change or a
//! lease-free read, which chaos does not make, so their runs are the built-in
//! scenarios that teach them (`one-step-change`, `stale-leader-read`), seeked
//! back to their first violation.

use raftlab::raft::UnsafeSwitch;
use raftlab::scenario;
use raftlab::sim::chaos::{self, ChaosFailure, ChaosOptions};
use raftlab::sim::{Simulation, Violation};
use raftlab::view::cause_marks::cause_entries;
use raftlab::view::share::Shared;

/// The JSON fields after the switch: ticks, marks, the cluster's size and
/// the link.
fn fields(sim: &Simulation, v: &Violation) -> Option<String> {
    let cause = sim.world().cause_of(v)?;
    let entries: Vec<String> = cause_entries(cause, v)
        .iter()
        .map(|(i, t)| format!("[{i}, {t}]"))
        .collect();
    let conflicts: Vec<String> = sim
        .world()
        .checker()
        .linearizability()
        .conflicts()
        .iter()
        .filter(|c| c.tick == v.tick)
        .flat_map(|c| c.ops.iter().map(u64::to_string))
        .collect();
    Some(format!(
        "\"violation_tick\": {}, \"cause_tick\": {}, \"cause_entries\": [{}], \"conflict_ops\": [{}], \"nodes\": {}, \"link\": \"{}\"",
        v.tick,
        cause.tick,
        entries.join(", "),
        conflicts.join(", "),
        sim.world().config().nodes,
        Shared::capture(sim, None).encode()
    ))
}

/// The scenario's run at its first violation.
fn from_scenario(id: &str) -> Option<String> {
    let sc = scenario::find(id)?;
    let mut sim = sc.build(sc.steps.len() - 1).ok()?;
    let v = sim.world().violations().first()?.clone();
    sim.seek(v.tick).ok()?;
    fields(&sim, &v)
}

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
                Some(ChaosFailure::Safety(v)) => Some((seed, fields(&run.sim, v)?)),
                _ => None,
            }
        });
        let Some((seed, rest)) = found else {
            eprintln!("{}: no violation in seeds 0..400", switch.name());
            std::process::exit(1);
        };
        entries.push(format!(
            "  {{\"switch\": \"{}\", \"seed\": {seed}, {rest}}}",
            switch.name()
        ));
    }
    for (switch, id) in [
        (UnsafeSwitch::OneStepMembershipChange, "one-step-change"),
        (UnsafeSwitch::StaleLeaderRead, "stale-leader-read"),
    ] {
        let Some(rest) = from_scenario(id) else {
            eprintln!(
                "{}: scenario {id} has no violation with a cause",
                switch.name()
            );
            std::process::exit(1);
        };
        entries.push(format!(
            "  {{\"switch\": \"{}\", \"scenario\": \"{id}\", {rest}}}",
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
