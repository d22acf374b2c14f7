//! One key's part of the incremental check: the operations after the last
//! quiescent cut and the frontier the prefix before it left
//! ([`super::frontier`]). Each check first moves the cut as far as the
//! history allows (summarizing the operations it passes into the new
//! frontier), then searches only the operations after it, so the work per
//! check is proportional to the operations since the cut, not to the key's
//! whole history (Lowe, CCPE 29(4), 2017; Herlihy & Wing 1990:
//! locality makes the key the unit).

use super::frontier::Frontier;
use super::{conflicting, conflicting_from, Verdict, MAX_REDUCED_OPS};
use crate::chunked::Chunked;
use crate::sim::client::{Client, HistoryOp};
use serde::{Deserialize, Serialize};

/// The longest history of one key kept whole for the conflict reduction;
/// beyond it a violation's conflict is reduced among the operations after
/// the cut, the prefix standing as the frontier.
const MAX_WHOLE: usize = 4 * MAX_REDUCED_OPS;

/// One key's checked state: the window after the cut, the frontier at it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub(super) struct KeyLog {
    /// Indexes into the client history of the key's operations after the
    /// cut, in invocation order.
    pub(super) window: Vec<usize>,
    /// The configurations at the cut.
    pub(super) frontier: Frontier,
    /// Every operation's index while the key's history is short (chunked:
    /// checkpoints share it), for the conflict reduction.
    whole: Chunked<usize>,
    /// `whole` grew past [`MAX_WHOLE`] and was dropped.
    long: bool,
    /// The attempts still in progress: only one's ending (answered, void, or
    /// given up) can change the verdict or move the cut.
    open: Vec<usize>,
    /// Decided for good: failed or skipped.
    pub(super) closed: bool,
}

impl KeyLog {
    /// Notes its chunked storage (memory report).
    pub(super) fn report_storage(&self, r: &mut crate::chunked::StorageReport) {
        r.add("checker.linearizability", &self.whole);
    }

    /// Operations held (a test checks a decided key holds none).
    #[cfg(test)]
    pub(super) fn held(&self) -> usize {
        self.window.len() + self.whole.len() + self.open.len()
    }

    /// History entry `i`, on this key, was just invoked.
    pub(super) fn push(&mut self, i: usize) {
        self.window.push(i);
        self.open.push(i);
        if !self.long {
            self.whole.push(i);
            if self.whole.len() > MAX_WHOLE {
                self.long = true;
                self.whole = Chunked::new();
            }
        }
    }

    /// Drops the attempts no longer in progress; whether any was.
    pub(super) fn settle(&mut self, client: &Client) -> bool {
        let before = self.open.len();
        self.open.retain(|&i| client.in_progress(i));
        self.open.len() != before
    }

    /// Decided for good: nothing is kept.
    pub(super) fn close(&mut self) {
        *self = KeyLog {
            closed: true,
            long: true,
            ..KeyLog::default()
        };
    }

    /// Moves the cut, then checks the operations after it; returns the
    /// verdict on the key's whole history and the search steps taken.
    pub(super) fn check(&mut self, client: &Client, budget: u64) -> (Verdict, u64) {
        let history = client.history();
        let cut = self.cut(client);
        let mut steps = 0;
        if cut > 0 {
            let segment: Vec<&HistoryOp> =
                self.window[..cut].iter().map(|&i| &history[i]).collect();
            let advance = self.frontier.advance(&segment, budget);
            steps += advance.steps;
            match advance.frontier {
                Ok(frontier) => {
                    self.frontier = frontier;
                    self.window.drain(..cut);
                }
                Err(verdict) => return (verdict, steps),
            }
        }
        if self.window.is_empty() {
            // The frontier is not empty: the prefix is linearizable.
            return (Verdict::Linearizable, steps);
        }
        let rest: Vec<&HistoryOp> = self.window.iter().map(|&i| &history[i]).collect();
        let (verdict, more) = self.frontier.verdict(&rest, budget.saturating_sub(steps));
        (verdict, steps + more)
    }

    /// The latest cut in the window: every operation before it final, and
    /// every answered one answered before the next was invoked.
    fn cut(&self, client: &Client) -> usize {
        let history = client.history();
        let mut cut = 0;
        let mut last_ret = 0;
        for (p, &i) in self.window.iter().enumerate() {
            let h = &history[i];
            if last_ret < h.call {
                cut = p;
            }
            if client.in_progress(i) {
                return cut;
            }
            if let (false, Some((ret, _))) = (h.void, &h.ret) {
                last_ret = last_ret.max(*ret);
            }
        }
        self.window.len()
    }

    /// The client ids of the operations whose answers conflict, after a
    /// `NotLinearizable` verdict: over the whole history while it is kept
    /// (as [`conflicting`] reduces it), else among those after the cut.
    pub(super) fn conflict(&self, client: &Client) -> Vec<u64> {
        let history = client.history();
        let (ops, picked): (Vec<&HistoryOp>, Vec<usize>) = if self.long {
            let ops: Vec<&HistoryOp> = self.window.iter().map(|&i| &history[i]).collect();
            let picked = conflicting_from(&self.frontier, &ops);
            (ops, picked)
        } else {
            let ops: Vec<&HistoryOp> = self.whole.iter().map(|&i| &history[i]).collect();
            let picked = conflicting(&ops);
            (ops, picked)
        };
        let mut ids: Vec<u64> = picked.into_iter().map(|i| ops[i].op).collect();
        crate::sort::sort(&mut ids);
        ids.dedup();
        ids
    }
}
