//! Linearizability (§8; thesis §6.3): every client operation appears to take
//! effect at one instant between its invocation and its response, in an order
//! consistent with a single key-value store.
//!
//! The definition is Herlihy & Wing's ("Linearizability: A Correctness
//! Condition for Concurrent Objects", TOPLAS 12(3), 1990). The search is the
//! Wing–Gong algorithm (Wing & Gong, "Testing and Verifying Concurrent
//! Objects", JPDC 1993) with Lowe's memoization of (linearized set, state)
//! pairs, as Porcupine does (github.com/anishathalye/porcupine), and
//! Porcupine's P-compositionality: each key is an independent register, so
//! each key's sub-history is checked on its own (Herlihy & Wing's locality).
//!
//! The model: per key a register holding a value or nothing. `put` and `del`
//! output the previous value, `get` outputs the value. An operation whose
//! outcome is unknown (leader crashed, timed out, or still pending) may take
//! effect at any time after its invocation, or never (equivalently: last); one
//! that certainly never took effect (`void`, its entry overwritten) is left
//! out.
//!
//! The search is bounded so it can never hang the UI: a key with more than
//! [`MAX_OPS_PER_KEY`] operations, or a search over [`STEP_BUDGET`] steps,
//! is skipped and the skip is recorded.

use super::{Property, Violation};
use crate::raft::{Command, Event};
use crate::sim::client::{Client, HistoryOp, OpStatus};
use crate::sim::trace::{SimEvent, TraceKind};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The most operations on one key the checker searches; beyond it the key is
/// skipped (and the skip recorded).
pub const MAX_OPS_PER_KEY: usize = 300;
/// The most search steps one check may take before it is abandoned.
pub const STEP_BUDGET: u64 = 100_000;
/// How many skip records are kept.
const MAX_SKIP_RECORDS: usize = 32;

/// The verdict on one key's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    /// A linearization exists.
    Linearizable,
    /// No linearization exists: a violation.
    NotLinearizable,
    /// Not decided within the bounds.
    Skipped(SkipReason),
}

/// Why a check was not carried out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SkipReason {
    /// The key has more than [`MAX_OPS_PER_KEY`] operations.
    TooManyOps {
        /// How many.
        ops: usize,
    },
    /// The search took more than [`STEP_BUDGET`] steps.
    StepBudget {
        /// Operations searched.
        ops: usize,
    },
}

/// A check that was skipped, for the UI to say so.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedCheck {
    /// The key.
    pub key: String,
    /// When.
    pub tick: u64,
    /// Why.
    pub reason: SkipReason,
}

/// Checks every key of a history; returns each key with its verdict, in key order.
pub fn check_history(history: &[HistoryOp]) -> Vec<(String, Verdict)> {
    let mut keys: BTreeMap<&str, Vec<&HistoryOp>> = BTreeMap::new();
    for op in history {
        keys.entry(op.command.key()).or_default().push(op);
    }
    keys.into_iter()
        .map(|(k, ops)| (k.to_string(), check_key(&ops, STEP_BUDGET)))
        .collect()
}

/// Checks the operations on one key (all must touch the same key).
pub fn check_key(ops: &[&HistoryOp], budget: u64) -> Verdict {
    let live = ops.iter().filter(|o| !o.void).count();
    if live > MAX_OPS_PER_KEY {
        return Verdict::Skipped(SkipReason::TooManyOps { ops: live });
    }
    Search::new(ops).run(budget)
}

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

struct Search {
    /// Sorted by invocation.
    ops: Vec<Op>,
    /// For an unknown-outcome op: the nearest earlier unknown op with the
    /// same effect (a retried command), for symmetry reduction.
    twin: Vec<Option<usize>>,
}

fn intern(values: &mut BTreeMap<String, Val>, v: &str) -> Val {
    let next = values.len() as Val + 1;
    *values.entry(v.to_string()).or_insert(next)
}

impl Search {
    fn new(history: &[&HistoryOp]) -> Search {
        let mut values: BTreeMap<String, Val> = BTreeMap::new();
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
        ops.sort_by_key(|o| o.call);
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
    fn run(&self, budget: u64) -> Verdict {
        let n = self.ops.len();
        // Known ops by response time, and a cursor on the first unplaced one:
        // its response time bounds which ops may go next.
        let mut by_ret: Vec<usize> = (0..n).filter(|&i| self.ops[i].known()).collect();
        by_ret.sort_by_key(|&i| self.ops[i].ret);
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

/// The checker's bookkeeping, kept in the world so it rewinds with it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Linearizability {
    /// History entries already sorted into `keys`.
    indexed: usize,
    keys: BTreeMap<String, KeyLog>,
    /// Keys with news since the last check.
    dirty: BTreeSet<String>,
    /// Client ops with an outcome since the last check.
    outcomes: Vec<u64>,
    skipped: Vec<SkippedCheck>,
    skipped_total: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct KeyLog {
    /// Indexes into the client history.
    ops: Vec<usize>,
    /// Those still without a response and not void: only their changing can
    /// change the verdict (a new op without a response can always go last).
    open: Vec<usize>,
    /// Decided for good: failed or skipped.
    closed: bool,
}

impl Linearizability {
    /// Notes which keys may have news: an entry applied, or a client outcome.
    pub fn observe(&mut self, kind: &TraceKind) {
        match kind {
            TraceKind::Raft(Event::Applied {
                command: Some(c), ..
            }) if !self.dirty.contains(c.key()) => {
                self.dirty.insert(c.key().to_string());
            }
            TraceKind::Sim(SimEvent::ClientOutcome { op, .. }) => self.outcomes.push(*op),
            _ => {}
        }
    }

    /// Checks every key whose history changed since the last call.
    pub fn check(&mut self, tick: u64, client: &Client) -> Option<Violation> {
        let history = client.history();
        for (i, op) in history.iter().enumerate().skip(self.indexed) {
            let log = self.keys.entry(op.command.key().to_string()).or_default();
            log.ops.push(i);
            log.open.push(i);
        }
        self.indexed = history.len();
        for op in std::mem::take(&mut self.outcomes) {
            if let Some(o) = client.ops().get(op.wrapping_sub(1) as usize) {
                self.dirty.insert(o.command.key().to_string());
            }
        }
        let mut found = None;
        for key in std::mem::take(&mut self.dirty) {
            let Some(log) = self.keys.get_mut(&key) else {
                continue;
            };
            if log.closed {
                continue;
            }
            let before = log.open.len();
            log.open
                .retain(|&i| history[i].ret.is_none() && !history[i].void);
            if log.open.len() == before {
                continue;
            }
            let ops: Vec<&HistoryOp> = log.ops.iter().map(|&i| &history[i]).collect();
            match check_key(&ops, STEP_BUDGET) {
                Verdict::Linearizable => {}
                Verdict::NotLinearizable => {
                    log.closed = true;
                    if found.is_none() {
                        found = Some(violation(tick, client, &key));
                    }
                }
                Verdict::Skipped(reason) => {
                    log.closed = true;
                    self.skipped_total += 1;
                    if self.skipped.len() < MAX_SKIP_RECORDS {
                        self.skipped.push(SkippedCheck { key, tick, reason });
                    }
                }
            }
        }
        found
    }

    /// Checks that were skipped (the first few), oldest first.
    pub fn skipped(&self) -> &[SkippedCheck] {
        &self.skipped
    }

    /// How many checks were skipped in all.
    pub fn skipped_total(&self) -> u64 {
        self.skipped_total
    }
}

/// The violation, naming the operations on `key` answered just now.
fn violation(tick: u64, client: &Client, key: &str) -> Violation {
    let mut nodes = Vec::new();
    let mut entries = Vec::new();
    for op in client.ops().iter().filter(|o| o.command.key() == key) {
        if let OpStatus::Committed {
            node,
            index,
            term,
            at,
            ..
        } = op.status
        {
            if at == tick {
                nodes.push(node);
                entries.push((index, term));
            }
        }
    }
    nodes.sort_unstable();
    nodes.dedup();
    Violation {
        property: Property::Linearizability,
        tick,
        nodes,
        entries,
        term: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(cmd: &str, call: u64, ret: Option<(u64, Option<&str>)>) -> HistoryOp {
        HistoryOp {
            command: Command::parse(cmd).unwrap(),
            call,
            ret: ret.map(|(t, o)| (t, o.map(str::to_string))),
            void: false,
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
        // Too many ops: skipped, not searched.
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
}
