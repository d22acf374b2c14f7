//! "Show the cause": for each unsafe teaching switch, the first safety
//! violation a chaos run finds points back to a rule broken by *that*
//! switch, at or before the violation, involving one of its nodes — never to
//! nothing (the core announces every broken rule, `raft/unsafe_rule.rs`).

use raftlab::raft::UnsafeSwitch;
use raftlab::sim::chaos::{self, ChaosFailure, ChaosOptions};

fn first_violation_cause(
    switch: UnsafeSwitch,
    seeds: std::ops::Range<u64>,
) -> (u64, UnsafeSwitch, bool) {
    let o = ChaosOptions {
        steps: 600,
        unsafe_switch: Some(switch),
        ..ChaosOptions::default()
    };
    for seed in seeds {
        let out = chaos::run(seed, &o);
        if let Some(ChaosFailure::Safety(v)) = &out.failure {
            let cause = out
                .sim
                .world()
                .cause_of(v)
                .unwrap_or_else(|| panic!("seed {seed}: {v:?} has no cause"));
            assert!(
                cause.tick <= v.tick,
                "seed {seed}: cause after the violation"
            );
            let involved = cause.involves(v);
            return (seed, cause.rule.switch(), involved);
        }
    }
    panic!("{switch:?}: no violation in the seed range");
}

#[test]
fn every_unsafe_switch_violation_points_back_to_its_own_broken_rule() {
    for (switch, seeds) in [
        (UnsafeSwitch::VoteWithoutLogCheck, 0..40),
        (UnsafeSwitch::CommitOldTermByCounting, 0..120),
        (UnsafeSwitch::ForgetVoteOnRestart, 0..200),
        (UnsafeSwitch::AcceptStaleLeader, 0..300),
    ] {
        let (seed, found, involved) = first_violation_cause(switch, seeds);
        assert_eq!(found, switch, "seed {seed}");
        assert!(
            involved,
            "{switch:?} seed {seed}: the cause involves none of the violation's nodes or entries"
        );
    }
}
