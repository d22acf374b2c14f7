//! The incremental check against a client history built by hand: verdicts
//! across quiescent cuts, the work per operation, and what a decided key
//! keeps.

use super::*;
use crate::raft::Command;
use crate::sim::action::Target;
use crate::sim::client::OpFailure;

/// A client and the checker, fed one change at a time as the world does.
#[derive(Default)]
struct Rig {
    client: Client,
    linear: Linearizability,
    tick: u64,
    found: Vec<Violation>,
}

impl Rig {
    /// Invokes `cmd`; returns its history slot (its attempt is in progress).
    fn invoke(&mut self, cmd: &str) -> usize {
        self.tick += 1;
        let i = self
            .client
            .new_op(self.tick, Target::Cluster, Command::parse(cmd).unwrap());
        self.client.invoke_attempt(i, self.tick);
        self.check();
        self.client.history.len() - 1
    }

    /// The attempt at `slot` is answered with `out`.
    fn answer(&mut self, slot: usize, out: Option<&str>) {
        self.tick += 1;
        self.client.clock += 1;
        let h = self.client.history.get_mut(slot).unwrap();
        h.ret = Some((self.client.clock, out.map(str::to_string)));
        let op = h.op;
        self.client
            .ops
            .get_mut(op as usize - 1)
            .unwrap()
            .history_slot = None;
        self.linear.outcomes.push(op);
        self.check();
    }

    /// The attempt at `slot` ends without an answer (`void`: certainly
    /// never took effect). No retry follows.
    fn give_up(&mut self, slot: usize, void: bool) {
        self.tick += 1;
        let op = self.client.history[slot].op;
        let i = op as usize - 1;
        self.client.op_mut(i).unwrap().attempts = MAX_ATTEMPTS_FOR_TEST;
        self.client
            .attempt_failed(i, self.tick, OpFailure::TimedOut, void, 1);
        self.linear.outcomes.push(op);
        self.check();
    }

    /// `cmd` invoked and answered with `out` before anything else happens.
    fn done(&mut self, cmd: &str, out: Option<&str>) {
        let slot = self.invoke(cmd);
        self.answer(slot, out);
    }

    fn check(&mut self) {
        if let Some(v) = self.linear.check(self.tick, &self.client) {
            self.found.push(v);
        }
    }

    /// The one-shot verdict on the whole history, for comparison.
    fn whole(&self) -> Verdict {
        let ops: Vec<&HistoryOp> = self.client.history().iter().collect();
        check_key(&ops, STEP_BUDGET)
    }

    fn log(&self) -> &KeyLog {
        &self.linear.keys["x"]
    }
}

const MAX_ATTEMPTS_FOR_TEST: u32 = crate::sim::client::MAX_ATTEMPTS;

#[test]
fn a_stale_read_after_two_cuts_is_found() {
    let mut rig = Rig::default();
    rig.done("put x 1", None);
    rig.done("put x 2", Some("1"));
    // Both writes are behind a cut: the key holds no operation.
    assert_eq!(rig.log().window.len(), 0);
    assert_eq!(rig.log().frontier.configs().len(), 1);
    assert_eq!(rig.log().frontier.configs()[0].state.as_deref(), Some("2"));
    rig.done("get x", Some("1"));
    assert_eq!(rig.found.len(), 1, "the stale read is a violation");
    assert_eq!(rig.found[0].property, Property::Linearizability);
    assert_eq!(
        rig.whole(),
        Verdict::NotLinearizable,
        "as the whole history"
    );
    // The whole short history is kept for the conflict: put x 2's answer
    // and the read's, as conflicting() reduces it.
    assert_eq!(rig.linear.conflicts()[0].ops, vec![2, 3]);
    assert!(rig.log().closed);
    assert_eq!(rig.log().held(), 0, "a decided key keeps no operations");
    rig.done("put x 3", Some("2"));
    assert_eq!(rig.log().held(), 0, "nor later ones");
    assert_eq!(rig.found.len(), 1);
}

#[test]
fn an_unknown_write_carried_across_cuts_may_take_effect_later_but_only_once() {
    let mut rig = Rig::default();
    rig.done("put x 1", None);
    let lost = rig.invoke("put x 2");
    rig.give_up(lost, false); // outcome unknown: it may take effect any time
    rig.done("get x", Some("1")); // not yet
    assert!(rig.found.is_empty());
    assert_eq!(rig.log().window.len(), 0, "the cut is past all four");
    assert_eq!(
        rig.log().frontier.carried(),
        &[frontier::Effect::Put("2".into())]
    );
    rig.done("get x", Some("2")); // now, after the cut
    assert!(rig.found.is_empty());
    assert_eq!(rig.whole(), Verdict::Linearizable);
    rig.done("get x", Some("2"));
    assert!(rig.found.is_empty());
    assert!(rig.log().frontier.carried().is_empty(), "used up");
    rig.done("get x", Some("1")); // 1 again: nobody wrote it after 2
    assert_eq!(rig.found.len(), 1);
    assert_eq!(rig.whole(), Verdict::NotLinearizable);
}

#[test]
fn a_violation_spanning_the_cut_is_found() {
    // Two writes overlap a read that spans the cut point of the other ops:
    // the cut waits for the read, and the read's answer is checked against
    // the writes on both sides of it.
    let mut rig = Rig::default();
    rig.done("put x 1", None);
    let read = rig.invoke("get x");
    rig.done("put x 2", Some("1"));
    assert_eq!(rig.log().window.len(), 2, "no cut while the read is open");
    rig.done("put x 3", Some("2"));
    rig.answer(read, Some("3")); // fine: the read overlapped put x 3
    assert!(rig.found.is_empty());
    assert_eq!(rig.log().window.len(), 0);
    let read = rig.invoke("get x");
    rig.done("put x 4", Some("3"));
    rig.done("put x 5", Some("4"));
    rig.answer(read, Some("3")); // fine: before put x 4
    let read = rig.invoke("get x");
    rig.done("put x 6", Some("5"));
    rig.answer(read, Some("4")); // 4 was overwritten before the read began
    assert_eq!(rig.found.len(), 1);
    assert_eq!(rig.whole(), Verdict::NotLinearizable);
}

#[test]
fn a_void_attempt_behind_the_cut_never_took_effect() {
    let mut rig = Rig::default();
    rig.done("put x 1", None);
    let lost = rig.invoke("put x 9");
    rig.give_up(lost, true);
    rig.done("put x 2", Some("1"));
    assert_eq!(rig.log().window.len(), 0);
    rig.done("get x", Some("9"));
    assert_eq!(rig.found.len(), 1);
    assert_eq!(rig.whole(), Verdict::NotLinearizable);
}

#[test]
fn five_thousand_ops_on_one_key_cost_work_proportional_to_the_ops() {
    // Writes, overlapping reads and some writes with unknown outcome, far
    // past the one-shot check's MAX_OPS_PER_KEY: every answer is checked,
    // and the search steps grow with the number of operations, not with
    // its square.
    let mut rig = Rig::default();
    let mut last: Option<String> = None;
    let mut steps_at_1000 = 0;
    for n in 0..5_000u32 {
        if n == 1_000 {
            steps_at_1000 = rig.linear.search_steps();
        }
        match n % 10 {
            3 => {
                let lost = rig.invoke(&format!("put x u{n}"));
                rig.give_up(lost, false);
            }
            7 => {
                let read = rig.invoke("get x");
                let value = format!("{n}");
                rig.done(&format!("put x {value}"), last.as_deref());
                rig.answer(read, Some(&value));
                last = Some(value);
            }
            _ => {
                let value = format!("{n}");
                rig.done(&format!("put x {value}"), last.as_deref());
                last = Some(value);
            }
        }
    }
    assert!(rig.found.is_empty());
    assert_eq!(rig.linear.skipped_total(), 0);
    let ops = rig.client.history().len() as u64;
    assert!(ops > 5_000);
    let steps = rig.linear.search_steps();
    // Each check places the few ops since the cut and tries the carried
    // unknown writes that the last read has not ruled out.
    assert!(steps < 8 * ops, "{steps} steps for {ops} ops");
    let late = steps - steps_at_1000;
    assert!(
        late < 5 * steps_at_1000,
        "the last 4,000 ops took {late} steps, the first 1,000 {steps_at_1000}"
    );
    assert!(rig.log().held() <= 2);
}

/// A small deterministic generator for the cross-check below.
struct XorShift(u64);

impl XorShift {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn the_incremental_verdict_equals_searching_the_whole_history_every_time() {
    // Random histories of one key over three values: overlapping attempts,
    // answers right or wrong, attempts given up (void or unknown). After
    // every change the incremental checker must have found a violation
    // exactly when the whole history searched again is not linearizable.
    let values = [None, Some("1"), Some("2"), Some("3")];
    let mut violations = 0;
    let mut cuts = 0;
    for seed in 1..=400u64 {
        let mut rng = XorShift(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let mut rig = Rig::default();
        let mut open: Vec<usize> = Vec::new();
        let mut model: Option<&str> = None;
        for _ in 0..40 {
            match rng.below(6) {
                0 | 1 if open.len() < 3 => {
                    let cmd = match rng.below(5) {
                        0 | 1 => format!("put x {}", 1 + rng.below(3)),
                        2 => "del x".to_string(),
                        _ => "get x".to_string(),
                    };
                    open.push(rig.invoke(&cmd));
                }
                5 if !open.is_empty() => {
                    let slot = open.remove(rng.below(open.len() as u64) as usize);
                    rig.give_up(slot, rng.below(2) == 0);
                }
                _ if !open.is_empty() => {
                    // Mostly the answer of taking effect now (so the run
                    // often stays linearizable for a while), sometimes any.
                    let slot = open.remove(rng.below(open.len() as u64) as usize);
                    let out = if rng.below(8) == 0 {
                        values[rng.below(4) as usize]
                    } else {
                        model
                    };
                    match &rig.client.history()[slot].command {
                        Command::Put { value, .. } => {
                            model = values.iter().copied().flatten().find(|v| v == value)
                        }
                        Command::Del { .. } => model = None,
                        Command::Get { .. } => {}
                    }
                    rig.answer(slot, out);
                }
                _ => {}
            }
            let whole = rig.whole();
            assert_ne!(whole, Verdict::Skipped(SkipReason::StepBudget { ops: 0 }));
            assert_eq!(
                !rig.found.is_empty(),
                whole == Verdict::NotLinearizable,
                "seed {seed}: {:?}",
                rig.client.history().to_vec()
            );
            if let Some(log) = rig.linear.keys.get("x") {
                cuts += usize::from(!log.closed && log.window.len() < rig.client.history().len());
            }
            if !rig.found.is_empty() {
                break;
            }
        }
        violations += usize::from(!rig.found.is_empty());
    }
    // Both verdicts occur often, and the cut moves: the comparison means
    // something.
    assert!(
        violations > 50 && violations < 350,
        "{violations} violations"
    );
    assert!(cuts > 1_000, "{cuts} checks after a cut");
}
