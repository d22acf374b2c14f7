//! Which operations conflict: a smallest set of one key's answered
//! operations whose answers cannot all be true at once, so the client lane
//! can highlight the few that no linearization explains (as Porcupine's
//! visualization points at them).
//!
//! Greedy reduction (delta debugging's 1-minimal reduction, Zeller &
//! Hildebrandt, TSE 28(2), 2002), where leaving an operation out means
//! *forgetting its answer*: it may still have taken effect at any time after
//! its invocation, or never, as an unanswered operation may. (Deleting it
//! outright would blame a read for a value whose write was deleted.) Oldest
//! first, each answered operation is forgotten if the history stays
//! non-linearizable. What is left is 1-minimal: forgetting any one more
//! answer makes the history linearizable. Bounded like the search itself,
//! so a violation never hangs the page.

use super::frontier::Frontier;
use super::{check_key, Verdict};
use crate::sim::client::HistoryOp;

/// Most operations reduced; a longer history is reported whole.
pub const MAX_REDUCED_OPS: usize = 64;
/// Search steps per trial.
const TRIAL_BUDGET: u64 = 20_000;

/// The positions in `ops` (a non-linearizable history of one key) of the
/// answered operations whose answers conflict, ascending. Operations that
/// never took effect (`void`) or were never answered are never among them.
/// When the history is too long, or a trial is undecided within its budget,
/// the operation is kept: the answer is always a conflicting set, 1-minimal
/// when the bounds allow.
pub fn conflicting(ops: &[&HistoryOp]) -> Vec<usize> {
    reduce(ops, |refs| check_key(refs, TRIAL_BUDGET))
}

/// The same for the operations after a cut, `frontier` standing for those
/// before it (their answers are taken as given): the answers after the cut
/// that conflict with each other and the prefix.
pub fn conflicting_from(frontier: &Frontier, ops: &[&HistoryOp]) -> Vec<usize> {
    reduce(ops, |refs| frontier.verdict(refs, TRIAL_BUDGET).0)
}

/// The greedy reduction, with `check` deciding a trial.
fn reduce(ops: &[&HistoryOp], check: impl Fn(&[&HistoryOp]) -> Verdict) -> Vec<usize> {
    let answered: Vec<usize> = (0..ops.len())
        .filter(|&i| !ops[i].void && ops[i].ret.is_some())
        .collect();
    if answered.len() > MAX_REDUCED_OPS {
        return answered;
    }
    let mut trial: Vec<HistoryOp> = ops.iter().map(|&o| o.clone()).collect();
    let mut keep = Vec::new();
    for i in answered {
        let ret = trial[i].ret.take();
        let refs: Vec<&HistoryOp> = trial.iter().collect();
        if check(&refs) != Verdict::NotLinearizable {
            trial[i].ret = ret;
            keep.push(i);
        }
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::super::tests::op;
    use super::*;

    #[test]
    fn a_stale_read_conflicts_with_the_write_it_missed_not_with_earlier_history() {
        // put x=1, put x=2 both done; then a get answering 1 (stale).
        // Unrelated earlier ops on x (put x=0 then get 0) are left out.
        let h = [
            op("put x 0", 1, Some((2, None))),
            op("get x", 3, Some((4, Some("0")))),
            op("put x 1", 5, Some((6, Some("0")))),
            op("put x 2", 7, Some((8, Some("1")))),
            op("get x", 9, Some((10, Some("1")))),
        ];
        let refs: Vec<&HistoryOp> = h.iter().collect();
        assert_eq!(check_key(&refs, 100_000), Verdict::NotLinearizable);
        let c = conflicting(&refs);
        // put x 2 answered that it replaced 1 and finished before the get
        // began, and the get still answered 1: those two answers conflict.
        // put x 1 stays in the history (it may take effect), but its own
        // answer is not needed for the conflict.
        assert_eq!(c, vec![3, 4]);
    }

    #[test]
    fn a_void_attempt_is_never_blamed() {
        let mut void = op("put x 9", 2, None);
        void.void = true;
        let h = [
            op("put x 1", 1, Some((3, None))),
            void,
            op("get x", 4, Some((5, Some("7")))), // 7 was never written
        ];
        let refs: Vec<&HistoryOp> = h.iter().collect();
        let c = conflicting(&refs);
        assert_eq!(c, vec![2], "a get of a value nobody wrote conflicts alone");
    }

    #[test]
    fn a_long_history_is_reported_whole_rather_than_searched() {
        let mut h: Vec<HistoryOp> = (0..MAX_REDUCED_OPS as u64 + 1)
            .map(|i| op("put x 1", 2 * i + 1, Some((2 * i + 2, None))))
            .collect();
        h.push(op("get x", 999, Some((1000, Some("5")))));
        let refs: Vec<&HistoryOp> = h.iter().collect();
        assert_eq!(conflicting(&refs).len(), h.len());
    }

    #[test]
    fn forgetting_any_one_more_answer_makes_the_history_linearizable() {
        // Two writers race; a reader sees 2 then 1 after both finished.
        let h = [
            op("put x 1", 1, Some((3, None))),
            op("put x 2", 2, Some((4, Some("1")))),
            op("get x", 5, Some((6, Some("2")))),
            op("get x", 7, Some((8, Some("1")))),
        ];
        let refs: Vec<&HistoryOp> = h.iter().collect();
        let c = conflicting(&refs);
        assert!(!c.is_empty());
        for forget in &c {
            let relaxed: Vec<HistoryOp> = h
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let mut o = o.clone();
                    if !c.contains(&i) || i == *forget {
                        o.ret = None;
                    }
                    o
                })
                .collect();
            let r: Vec<&HistoryOp> = relaxed.iter().collect();
            assert_eq!(
                check_key(&r, 100_000),
                Verdict::Linearizable,
                "{c:?} less {forget}"
            );
        }
    }
}
