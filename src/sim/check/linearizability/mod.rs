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

mod conflict;

pub use conflict::{conflicting, MAX_REDUCED_OPS};

use super::{Property, Violation};
use crate::raft::{Command, Event, ReadStep};
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
    /// The conflicting operations of each violation found, oldest first.
    #[serde(default)]
    conflicts: Vec<Conflict>,
}

/// The operations of one linearizability violation whose answers cannot all
/// be true ([`conflicting`]): what the client lane highlights.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// The violation's tick.
    pub tick: u64,
    /// The key.
    pub key: String,
    /// The client operations' ids, ascending.
    pub ops: Vec<u64>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct KeyLog {
    /// Indexes into the client history (chunked: checkpoints share it).
    ops: crate::chunked::Chunked<usize>,
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
            // A ReadIndex or lease read answered (thesis §6.4).
            TraceKind::Raft(Event::Read {
                step: ReadStep::Answered { key, .. },
                ..
            }) if !self.dirty.contains(key) => {
                self.dirty.insert(key.clone());
            }
            TraceKind::Sim(
                SimEvent::ClientOutcome { op, .. } | SimEvent::WriteAcknowledged { op, .. },
            ) => self.outcomes.push(*op),
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
                    if self.conflicts.len() < MAX_SKIP_RECORDS {
                        let mut ids: Vec<u64> =
                            conflicting(&ops).into_iter().map(|i| ops[i].op).collect();
                        ids.sort_unstable();
                        ids.dedup();
                        self.conflicts.push(Conflict {
                            tick,
                            key: key.clone(),
                            ops: ids,
                        });
                    }
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

    /// The conflicting operations of the violations found (the first few),
    /// oldest first.
    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
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
        }
        | OpStatus::Acknowledged {
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
        if let OpStatus::ReadAnswered { node, at, .. } = op.status {
            if at == tick {
                nodes.push(node);
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
mod tests;
