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

/// The built-in scenario's first violation and its cause: (violation tick,
/// cause tick, cause node, its switch, whether it involves the violation).
fn scenario_cause(id: &str) -> (u64, u64, u32, UnsafeSwitch, bool) {
    let sc = raftlab::scenario::find(id).unwrap();
    let sim = sc.build(sc.steps.len() - 1).unwrap();
    let v = sim.world().violations().first().unwrap().clone();
    let c = sim.world().cause_of(&v).unwrap();
    (v.tick, c.tick, c.node, c.rule.switch(), c.involves(&v))
}

#[test]
fn a_one_step_membership_change_is_the_cause_of_the_split_brain() {
    // The leader n1 switches {n1,n2,n3} to {n1..n5} in one step at tick 45;
    // sixteen ticks later n2 leads term 2 without the entry C_new committed.
    assert_eq!(
        scenario_cause("one-step-change"),
        (61, 45, 1, UnsafeSwitch::OneStepMembershipChange, true)
    );
}

#[test]
fn a_read_answered_without_confirming_leadership_is_the_cause_of_the_stale_read() {
    // Deposed n1 answers the read from its own state (thesis §6.4 broken)
    // and the checker sees the stale value in the same tick.
    assert_eq!(
        scenario_cause("stale-leader-read"),
        (57, 57, 1, UnsafeSwitch::StaleLeaderRead, true)
    );
}
