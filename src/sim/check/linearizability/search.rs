//! The search itself: the Wing–Gong depth-first search for a linearization
//! of one key's history, with Lowe's memoization of (linearized set, state)
//! pairs and a symmetry reduction for retried commands (Porcupine,
//! github.com/anishathalye/porcupine). The register model and the bounds
//! are described in the parent module.

use super::{SkipReason, Verdict};
use crate::raft::Command;
use crate::sim::client::HistoryOp;
use std::collections::{BTreeMap, BTreeSet};

/// Interned value id: 0 is "no value".
type Val = u32;
const ABSENT: Val = 0;

#[derive(Clone, Copy, Debug)]
enum Kind {
    Put(Val),
    Del,
    Get,
}

#[derive(Clone, Copy, Debug)]
struct Op {
    call: u64,
    /// `u64::MAX` when unknown.
    ret: u64,
    kind: Kind,
    /// Expected output; `None` when unknown.
    out: Option<Val>,
}

impl Op {
    fn known(&self) -> bool {
        self.out.is_some()
    }
    /// The model's transition: `Some(new state)` if the output matches.
    fn step(&self, state: Val) -> Option<Val> {
        let (output, next) = match self.kind {
            Kind::Put(v) => (state, v),
            Kind::Del => (state, ABSENT),
            Kind::Get => (state, state),
        };
        match self.out {
            Some(o) if o != output => None,
            _ => Some(next),
        }
    }
    /// Whether two unknown-outcome ops have the same effect.
    fn same_effect(&self, other: &Op) -> bool {
        match (self.kind, other.kind) {
            (Kind::Put(a), Kind::Put(b)) => a == b,
            (Kind::Del, Kind::Del) => true,
            _ => false,
        }
    }
}

pub(super) struct Search {
    /// Sorted by invocation.
    ops: Vec<Op>,
    /// For an unknown-outcome op: the nearest earlier unknown op with the
    /// same effect (a retried command), for symmetry reduction.
    twin: Vec<Option<usize>>,
}

/// The id of value `v` (new ids count up from 1); borrows the history's
/// strings, so a check allocates nothing per value.
fn intern<'a>(values: &mut BTreeMap<&'a str, Val>, v: &'a str) -> Val {
    let next = values.len() as Val + 1;
    *values.entry(v).or_insert(next)
}

impl Search {
    pub(super) fn new(history: &[&HistoryOp]) -> Search {
        let mut values: BTreeMap<&str, Val> = BTreeMap::new();
        let mut ops = Vec::new();
        for h in history.iter().filter(|h| !h.void) {
            let kind = match &h.command {
                Command::Put { value, .. } => Kind::Put(intern(&mut values, value)),
                Command::Del { .. } => Kind::Del,
                Command::Get { .. } => Kind::Get,
            };
            let (ret, out) = match &h.ret {
                Some((t, o)) => (
                    *t,
                    Some(o.as_deref().map_or(ABSENT, |v| intern(&mut values, v))),
                ),
                None => (u64::MAX, None),
            };
            // An unknown read has no effect and may return anything: drop it.
            if matches!(kind, Kind::Get) && out.is_none() {
                continue;
            }
            ops.push(Op {
                call: h.call,
                ret,
                kind,
                out,
            });
        }
        crate::sort::sort_by_key(&mut ops, |o| o.call);
        let twin = (0..ops.len())
            .map(|i| {
                if ops[i].known() {
                    return None;
                }
                (0..i)
                    .rev()
                    .find(|&j| !ops[j].known() && ops[j].same_effect(&ops[i]))
            })
            .collect();
        Search { ops, twin }
    }

    /// Wing–Gong depth-first search with memoization (Lowe; Porcupine).
    pub(super) fn run(&self, budget: u64) -> Verdict {
        let n = self.ops.len();
        // Known ops by response time, and a cursor on the first unplaced one:
        // its response time bounds which ops may go next.
        let mut by_ret: Vec<usize> = (0..n).filter(|&i| self.ops[i].known()).collect();
        crate::sort::sort_by_key(&mut by_ret, |&i| self.ops[i].ret);
        let mut rank = vec![usize::MAX; n];
        for (r, &i) in by_ret.iter().enumerate() {
            rank[i] = r;
        }
        let mut cursor = 0;
        let mut bits = Bits::new(n);
        let mut seen: BTreeSet<(Vec<u64>, Val)> = BTreeSet::new();
        let mut stack: Vec<(usize, Val)> = Vec::new();
        let mut state = ABSENT;
        let mut next = 0;
        let mut steps = 0u64;
        loop {
            while cursor < by_ret.len() && bits.get(by_ret[cursor]) {
                cursor += 1;
            }
            if cursor == by_ret.len() {
                // Every op with a response is placed; the unknown ones can all
                // go last (or never).
                return Verdict::Linearizable;
            }
            // An op may go next only if it was invoked before every response
            // still to come.
            let min_ret = self.ops[by_ret[cursor]].ret;
            // Symmetry: of unplaced unknown ops with the same effect only the
            // earliest invoked is tried (placed twins always form a prefix,
            // so checking the nearest earlier twin suffices).
            let mut candidate = None;
            let mut i = bits.next_clear(next);
            while i < n && self.ops[i].call < min_ret {
                if self.twin[i].is_none_or(|j| bits.get(j)) {
                    candidate = Some(i);
                    break;
                }
                i = bits.next_clear(i + 1);
            }
            if let Some(i) = candidate {
                steps += 1;
                if steps > budget {
                    return Verdict::Skipped(SkipReason::StepBudget { ops: n });
                }
                let op = self.ops[i];
                if let Some(new_state) = op.step(state) {
                    bits.set(i, true);
                    if seen.insert((bits.words.clone(), new_state)) {
                        stack.push((i, state));
                        state = new_state;
                        next = 0;
                        continue;
                    }
                    bits.set(i, false);
                }
                next = i + 1;
                continue;
            }
            let Some((i, prev)) = stack.pop() else {
                return Verdict::NotLinearizable;
            };
            bits.set(i, false);
            cursor = cursor.min(rank[i]);
            state = prev;
            next = i + 1;
        }
    }
}

/// The set of placed ops.
struct Bits {
    words: Vec<u64>,
}

impl Bits {
    fn new(n: usize) -> Bits {
        Bits {
            words: vec![0; n.div_ceil(64).max(1)],
        }
    }
    fn get(&self, i: usize) -> bool {
        self.words[i / 64] & (1 << (i % 64)) != 0
    }
    fn set(&mut self, i: usize, on: bool) {
        if on {
            self.words[i / 64] |= 1 << (i % 64);
        } else {
            self.words[i / 64] &= !(1 << (i % 64));
        }
    }
    /// The lowest index at or after `from` not set (may be past the end).
    fn next_clear(&self, from: usize) -> usize {
        let mut k = from / 64;
        if k >= self.words.len() {
            return from;
        }
        let mut w = self.words[k] | ((1u64 << (from % 64)) - 1);
        while w == u64::MAX {
            k += 1;
            if k == self.words.len() {
                return k * 64;
            }
            w = self.words[k];
        }
        k * 64 + w.trailing_ones() as usize
    }
}
