//! Unit tests of the linearizability search.

use super::*;
use crate::raft::Command;

/// A history entry (shared with `conflict.rs`'s tests).
pub(super) fn op(cmd: &str, call: u64, ret: Option<(u64, Option<&str>)>) -> HistoryOp {
    HistoryOp {
        command: Command::parse(cmd).unwrap(),
        call,
        ret: ret.map(|(t, o)| (t, o.map(str::to_string))),
        void: false,
        op: 0,
    }
}

fn verdict(h: &[HistoryOp]) -> Verdict {
    let ops: Vec<&HistoryOp> = h.iter().collect();
    check_key(&ops, STEP_BUDGET)
}

#[test]
fn sequential_and_concurrent_histories_pass() {
    let h = [
        op("put x 1", 1, Some((2, None))),
        op("get x", 3, Some((4, Some("1")))),
        op("del x", 5, Some((6, Some("1")))),
        op("get x", 7, Some((8, None))),
    ];
    assert_eq!(verdict(&h), Verdict::Linearizable);
    // Two overlapping writes; a read overlapping both sees either order.
    let h = [
        op("put x 1", 1, Some((5, None))),
        op("put x 2", 2, Some((6, Some("1")))),
        op("get x", 3, Some((7, Some("2")))),
    ];
    assert_eq!(verdict(&h), Verdict::Linearizable);
    assert_eq!(verdict(&[]), Verdict::Linearizable);
}

#[test]
fn a_stale_read_fails() {
    // put 1 completes, then put 2 completes, then a read returns 1.
    let h = [
        op("put x 1", 1, Some((2, None))),
        op("put x 2", 3, Some((4, Some("1")))),
        op("get x", 5, Some((6, Some("1")))),
    ];
    assert_eq!(verdict(&h), Verdict::NotLinearizable);
    // Reading a value nobody wrote fails too.
    let h = [op("get x", 1, Some((2, Some("7"))))];
    assert_eq!(verdict(&h), Verdict::NotLinearizable);
}

#[test]
fn an_unknown_outcome_write_may_or_may_not_have_happened() {
    // The write's leader crashed: no response.
    let seen = [op("put x 1", 1, None), op("get x", 2, Some((3, Some("1"))))];
    assert_eq!(verdict(&seen), Verdict::Linearizable);
    let unseen = [op("put x 1", 1, None), op("get x", 2, Some((3, None)))];
    assert_eq!(verdict(&unseen), Verdict::Linearizable);
    // It cannot take effect before it was invoked.
    let early = [op("get x", 1, Some((2, Some("1")))), op("put x 1", 3, None)];
    assert_eq!(verdict(&early), Verdict::NotLinearizable);
    // Once seen, it cannot be unseen: 1, then nothing, then 1 again fails.
    let flicker = [
        op("put x 1", 1, None),
        op("get x", 2, Some((3, Some("1")))),
        op("get x", 4, Some((5, None))),
    ];
    assert_eq!(verdict(&flicker), Verdict::NotLinearizable);
}

#[test]
fn a_void_write_never_took_effect() {
    let mut w = op("put x 1", 1, None);
    w.void = true;
    let h = [w, op("get x", 2, Some((3, Some("1"))))];
    assert_eq!(verdict(&h), Verdict::NotLinearizable);
}

#[test]
fn retried_unknown_writes_do_not_blow_up_and_bounds_hold() {
    // 60 retries of the same write with unknown outcome, then reads.
    let mut h: Vec<HistoryOp> = (0..60).map(|i| op("put x 1", i + 1, None)).collect();
    h.push(op("get x", 100, Some((101, Some("1")))));
    assert_eq!(verdict(&h), Verdict::Linearizable);
    // Too many ops for the one-shot check: skipped, not searched.
    let h: Vec<HistoryOp> = (0..(MAX_OPS_PER_KEY as u64 + 1))
        .map(|i| op("get x", 2 * i + 1, Some((2 * i + 2, None))))
        .collect();
    assert!(matches!(
        verdict(&h),
        Verdict::Skipped(SkipReason::TooManyOps { .. })
    ));
    // A tiny budget: skipped.
    let h = [
        op("put x 1", 1, Some((2, None))),
        op("get x", 3, Some((4, Some("1")))),
    ];
    let ops: Vec<&HistoryOp> = h.iter().collect();
    assert!(matches!(
        check_key(&ops, 1),
        Verdict::Skipped(SkipReason::StepBudget { .. })
    ));
}

#[test]
fn keys_are_checked_separately() {
    let h = [
        op("put x 1", 1, Some((2, None))),
        op("put y 1", 3, Some((4, None))),
        op("get y", 5, Some((6, Some("2")))),
    ];
    let v = check_history(&h);
    assert_eq!(
        v,
        vec![
            ("x".to_string(), Verdict::Linearizable),
            ("y".to_string(), Verdict::NotLinearizable)
        ]
    );
}

#[test]
fn a_long_key_is_checked_to_the_end_holding_only_the_ops_after_the_cut() {
    // The incremental check has no bound on a key's length: past
    // MAX_OPS_PER_KEY operations the key is still checked (the one-shot
    // check_key skipped it there), and it holds only the few operations
    // after its last cut.
    use crate::sim::{SimConfig, Simulation};
    let config = SimConfig {
        nodes: 3,
        seed: 1,
        ..SimConfig::default()
    };
    let mut sim = Simulation::new(config).unwrap();
    let mut n = 0;
    while sim.world().client().history().len() <= 2 * MAX_OPS_PER_KEY {
        if sim.tick() % 5 == 0 {
            sim.propose_cluster(&format!("put x {n}")).unwrap();
            n += 1;
        }
        sim.step().unwrap();
        assert!(sim.tick() < 10_000);
    }
    let linear = sim.world().checker().linearizability();
    assert_eq!(linear.skipped_total(), 0, "never skipped");
    assert!(sim.world().violations().is_empty());
    let held = linear.keys["x"].held();
    assert!(held <= 4, "{held} ops held after the cut");
    assert!(linear.search_steps() >= 2 * MAX_OPS_PER_KEY as u64);
    assert!(
        linear.search_steps() <= 4 * 2 * MAX_OPS_PER_KEY as u64,
        "{} steps",
        linear.search_steps()
    );
}
