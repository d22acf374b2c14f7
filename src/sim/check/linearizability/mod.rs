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
//! The check is incremental ([`frontier`], `key_log`): each key keeps the
//! configurations its history left at the last quiescent cut (Lowe,
//! "Testing for linearizability", CCPE 29(4), 2017: just-in-time
//! linearization), and a new answer is searched for only from there, so a
//! check costs work proportional to the operations since the cut however
//! long the run. The verdicts are exactly those of searching the whole
//! history again (`incremental_tests` compares the two on random
//! histories).
//!
//! The search is bounded so it can never hang the UI: a check over
//! [`STEP_BUDGET`] steps, or a frontier of more than
//! [`frontier::MAX_CONFIGS`] configurations, is skipped and the skip is
//! recorded. The incremental checker has no bound on a key's length: the
//! one-shot [`check_key`] (used on a whole history) keeps
//! [`MAX_OPS_PER_KEY`], because it searches everything at once.

mod bits;
mod conflict;
pub mod frontier;
mod key_log;
mod search;

pub use conflict::{conflicting, conflicting_from, MAX_REDUCED_OPS};
use frontier::Frontier;
use key_log::KeyLog;

use super::{Property, Violation};
use crate::raft::{Event, ReadStep};
use crate::sim::client::{Client, HistoryOp, OpStatus};
use crate::sim::trace::{SimEvent, TraceKind};
use crate::vec_map::{VecMap, VecSet};
use serde::{Deserialize, Serialize};

/// The most operations on one key the one-shot [`check_key`] searches; beyond
/// it the key is skipped. (The incremental checker has no such bound.)
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
    /// The key has more than [`MAX_OPS_PER_KEY`] operations (the one-shot
    /// [`check_key`] only).
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
    let mut keys: VecMap<&str, Vec<&HistoryOp>> = VecMap::new();
    for op in history {
        keys.get_or_insert_with(op.command.key(), Vec::new).push(op);
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
    Frontier::default().verdict(ops, budget).0
}

/// The checker's bookkeeping, kept in the world so it rewinds with it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Linearizability {
    /// History entries already sorted into `keys`.
    indexed: usize,
    keys: VecMap<String, KeyLog>,
    /// Keys with news since the last check.
    dirty: VecSet<String>,
    /// Client ops with an outcome since the last check.
    outcomes: Vec<u64>,
    skipped: Vec<SkippedCheck>,
    skipped_total: u64,
    /// The conflicting operations of each violation found, oldest first.
    #[serde(default)]
    conflicts: Vec<Conflict>,
    /// Search steps taken in all (a test bounds the work per operation).
    #[serde(default)]
    steps: u64,
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

impl Linearizability {
    /// Notes its chunked storage (memory report).
    pub(crate) fn report_storage(&self, r: &mut crate::chunked::StorageReport) {
        for log in self.keys.values() {
            log.report_storage(r);
        }
    }

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
        for (i, op) in (self.indexed..).zip(history.iter_from(self.indexed)) {
            let log = match self.keys.get_mut(op.command.key()) {
                Some(log) => log,
                None => self
                    .keys
                    .get_or_insert_with(op.command.key().to_string(), KeyLog::default),
            };
            if !log.closed {
                log.push(i);
            }
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
            if !log.settle(client) {
                continue;
            }
            let (verdict, steps) = log.check(client, STEP_BUDGET);
            self.steps += steps;
            match verdict {
                Verdict::Linearizable => {}
                Verdict::NotLinearizable => {
                    if self.conflicts.len() < MAX_SKIP_RECORDS {
                        self.conflicts.push(Conflict {
                            tick,
                            key: key.clone(),
                            ops: log.conflict(client),
                        });
                    }
                    // Decided for good: the key's operations are never
                    // looked at again, so they are not kept (nor copied
                    // into checkpoints).
                    log.close();
                    if found.is_none() {
                        found = Some(violation(tick, client, &key));
                    }
                }
                Verdict::Skipped(reason) => {
                    log.close();
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

    /// Search steps taken in all, over every check of every key.
    pub fn search_steps(&self) -> u64 {
        self.steps
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
    crate::sort::sort(&mut nodes);
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
mod incremental_tests;
#[cfg(test)]
mod tests;
