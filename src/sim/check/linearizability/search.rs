//! The search itself: the Wing–Gong depth-first search for a linearization
//! of one key's history, with Lowe's memoization of (linearized set, state)
//! pairs and a symmetry reduction for retried commands (Porcupine,
//! github.com/anishathalye/porcupine). The register model and the bounds
//! are described in the parent module.
//!
//! The search starts from a [`Frontier`]: the configurations a checked
//! prefix of the history may have left (Lowe, "Testing for linearizability",
//! CCPE 29(4), 2017: the configurations of its just-in-time
//! linearization algorithm). Each configuration is a state plus which of the
//! prefix's unknown-outcome operations have not taken effect yet; those are
//! put first in the search (they were invoked before everything in it), and
//! the ones a configuration has already applied start out placed.
//!
//! It either looks for one linearization (a verdict, as Wing & Gong) or
//! enumerates every configuration reachable once all answered operations are
//! placed (the next frontier).

use super::bits::Bits;
use super::frontier::{Effect, Frontier};
use super::{SkipReason, Verdict};
use crate::raft::Command;
use crate::sim::client::HistoryOp;
use std::collections::{BTreeMap, BTreeSet};

/// Interned value id: 0 is "no value".
pub(super) type Val = u32;
const ABSENT: Val = 0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Put(Val),
    Del,
    Get,
}

impl Kind {
    /// The value an unknown-outcome op of this kind leaves (as an index).
    fn left(self) -> usize {
        match self {
            Kind::Put(v) => v as usize,
            _ => ABSENT as usize,
        }
    }
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
}

pub(super) struct Search<'a> {
    /// The answered ops first, sorted by invocation (`0..known`), then the
    /// unknown-outcome ones: the frontier's carried ops, then the history's,
    /// by invocation.
    ops: Vec<Op>,
    /// How many answered ops.
    known: usize,
    /// The distinct effects of unknown-outcome ops, and each one's ops in
    /// invocation order.
    effects: Vec<(Kind, Vec<usize>)>,
    /// By value id: 1 + the position in `effects` of the effect that leaves
    /// that value (a put of it; a delete for "no value"), 0 if none.
    effect_of: Vec<usize>,
    /// Value names, by id - 1.
    names: Vec<&'a str>,
    /// Where the search starts: placed ops and state, one per configuration.
    starts: Vec<(Bits, Val)>,
}

/// What one run found.
pub(super) struct Outcome {
    /// The verdict on the history after the frontier.
    pub(super) verdict: Verdict,
    /// Search steps taken (ops tried).
    pub(super) steps: u64,
    /// Every configuration reached with all answered ops placed, as
    /// (state, unplaced unknown ops per effect id); only when enumerating.
    reached: Vec<(Val, Vec<u32>)>,
}

/// The id of value `v` (new ids count up from 1); borrows the strings, so a
/// check allocates nothing per value.
fn intern<'a>(values: &mut BTreeMap<&'a str, Val>, names: &mut Vec<&'a str>, v: &'a str) -> Val {
    let id = *values.entry(v).or_insert(names.len() as Val + 1);
    if id as usize > names.len() {
        names.push(v);
    }
    id
}

impl<'a> Search<'a> {
    /// A search of `history` (one key's operations, none before the
    /// frontier's cut) from the configurations of `frontier`.
    pub(super) fn new(frontier: &'a Frontier, history: &[&'a HistoryOp]) -> Search<'a> {
        let mut values: BTreeMap<&str, Val> = BTreeMap::new();
        let mut names = Vec::new();
        let mut unknown = Vec::new();
        // Carried ops: as many of each effect as the most any configuration
        // still has; invoked before everything else.
        let mut carried = Vec::new();
        for (k, effect) in frontier.carried().iter().enumerate() {
            let kind = match effect {
                Effect::Put(v) => Kind::Put(intern(&mut values, &mut names, v)),
                Effect::Del => Kind::Del,
            };
            let most = frontier.configs().iter().map(|c| c.avail[k]).max();
            carried.push((kind, most.unwrap_or(0)));
            for _ in 0..most.unwrap_or(0) {
                unknown.push(Op {
                    call: 0,
                    ret: u64::MAX,
                    kind,
                    out: None,
                });
            }
        }
        let mut all = Vec::new();
        for h in history.iter().filter(|h| !h.void) {
            let kind = match &h.command {
                Command::Put { value, .. } => Kind::Put(intern(&mut values, &mut names, value)),
                Command::Del { .. } => Kind::Del,
                Command::Get { .. } => Kind::Get,
            };
            let op = match &h.ret {
                Some((t, o)) => Op {
                    call: h.call,
                    ret: *t,
                    kind,
                    out: Some(
                        o.as_deref()
                            .map_or(ABSENT, |v| intern(&mut values, &mut names, v)),
                    ),
                },
                // An unknown read has no effect and may return anything: drop it.
                None if kind == Kind::Get => continue,
                None => Op {
                    call: h.call,
                    ret: u64::MAX,
                    kind,
                    out: None,
                },
            };
            all.push(op);
        }
        crate::sort::sort_by_key(&mut all, |o| o.call);
        let (known, rest): (Vec<Op>, Vec<Op>) = all.into_iter().partition(Op::known);
        unknown.extend(rest);
        let n_known = known.len();
        let mut ops = known;
        ops.extend(unknown);
        let mut effects: Vec<(Kind, Vec<usize>)> = Vec::new();
        let mut effect_of = vec![0; names.len() + 1];
        for (i, op) in ops.iter().enumerate().skip(n_known) {
            let v = op.kind.left();
            if effect_of[v] == 0 {
                effects.push((op.kind, Vec::new()));
                effect_of[v] = effects.len();
            }
            effects[effect_of[v] - 1].1.push(i);
        }
        let starts = frontier
            .configs()
            .iter()
            .map(|c| {
                let mut bits = Bits::new(ops.len());
                for (&(kind, most), &avail) in carried.iter().zip(&c.avail) {
                    // The applied ones are the earliest of their effect.
                    let e = effect_of.get(kind.left()).and_then(|e| e.checked_sub(1));
                    let list = e.map(|e| &effects[e].1);
                    let applied = most.saturating_sub(avail) as usize;
                    for &i in list.into_iter().flatten().take(applied) {
                        bits.set(i, true);
                    }
                }
                let state = c
                    .state
                    .as_deref()
                    .map_or(ABSENT, |v| intern(&mut values, &mut names, v));
                (bits, state)
            })
            .collect();
        Search {
            ops,
            known: n_known,
            effects,
            effect_of,
            names,
            starts,
        }
    }

    /// The value named by id `v`.
    fn value(&self, v: Val) -> Option<String> {
        (v != ABSENT).then(|| self.names[v as usize - 1].to_string())
    }

    /// The effect with id `k`, as the frontier stores it.
    pub(super) fn effect(&self, k: usize) -> Effect {
        match self.effects[k].0 {
            Kind::Put(v) => Effect::Put(self.value(v).unwrap_or_default()),
            _ => Effect::Del,
        }
    }

    /// The configurations `outcome` reached: (state, unplaced unknown ops
    /// per effect id).
    pub(super) fn reached<'o>(
        &'o self,
        outcome: &'o Outcome,
    ) -> impl Iterator<Item = (Option<String>, &'o [u32])> + 'o {
        outcome
            .reached
            .iter()
            .map(|(s, counts)| (self.value(*s), counts.as_slice()))
    }

    /// How many distinct effects the unknown-outcome ops have.
    pub(super) fn effect_count(&self) -> usize {
        self.effects.len()
    }

    /// The unknown-outcome op that would leave value `v` for an answered op
    /// to see, if one may go now (invoked before `min_ret`): of those with
    /// the same effect only the earliest unplaced is tried (symmetry: the
    /// placed ones are always the earliest).
    fn enabler(&self, bits: &Bits, v: Val, min_ret: u64) -> Option<usize> {
        let e = self.effect_of.get(v as usize)?.checked_sub(1)?;
        let (_, list) = &self.effects[e];
        let &i = list.iter().find(|&&i| !bits.get(i))?;
        (self.ops[i].call < min_ret).then_some(i)
    }

    /// Wing–Gong depth-first search with memoization (Lowe; Porcupine), from
    /// every start. Each move places one answered op, alone if it sees the
    /// current value, else right after the one unknown-outcome op that
    /// leaves the value it saw. (Every answered op sees the value: a read
    /// returns it, a write returns the previous one. So an unknown op
    /// matters only where an answered one sees its value next; placing it
    /// anywhere else only uses it up. Lowe's just-in-time linearization
    /// places such ops lazily in the same way.)
    ///
    /// With `enumerate` it does not stop at the first linearization but
    /// collects every configuration reached with all answered ops placed
    /// (the unknown ones left may follow, or never take effect).
    pub(super) fn run(&self, budget: u64, enumerate: bool) -> Outcome {
        let n = self.ops.len();
        let mut out = Outcome {
            verdict: Verdict::NotLinearizable,
            steps: 0,
            reached: Vec::new(),
        };
        // Answered ops by response time, and a cursor on the first unplaced
        // one: its response time bounds which ops may go next.
        let mut by_ret: Vec<usize> = (0..self.known).collect();
        crate::sort::sort_by_key(&mut by_ret, |&i| self.ops[i].ret);
        let mut rank = vec![usize::MAX; n];
        for (r, &i) in by_ret.iter().enumerate() {
            rank[i] = r;
        }
        let mut seen: BTreeSet<(Vec<u64>, Val)> = BTreeSet::new();
        for (start, start_state) in &self.starts {
            if !seen.insert((start.words.clone(), *start_state)) {
                continue;
            }
            let mut bits = start.clone();
            let mut state = *start_state;
            // (answered op, the unknown op placed before it, state before).
            let mut stack: Vec<(usize, Option<usize>, Val)> = Vec::new();
            let mut cursor = 0;
            let mut next = 0;
            loop {
                while cursor < by_ret.len() && bits.get(by_ret[cursor]) {
                    cursor += 1;
                }
                let mut moved = false;
                if cursor == by_ret.len() {
                    // Every op with a response is placed; the unknown ones can
                    // all go last (or never).
                    if !enumerate {
                        out.verdict = Verdict::Linearizable;
                        return out;
                    }
                    out.reached.push((state, self.unplaced(&bits)));
                } else {
                    // An op may go next only if it was invoked before every
                    // response still to come.
                    let min_ret = self.ops[by_ret[cursor]].ret;
                    let mut i = bits.next_clear(next);
                    while i < self.known && self.ops[i].call < min_ret {
                        out.steps += 1;
                        if out.steps > budget {
                            out.verdict = Verdict::Skipped(SkipReason::StepBudget { ops: n });
                            return out;
                        }
                        let op = self.ops[i];
                        let seen_value = op.out.unwrap_or(ABSENT);
                        let before = if seen_value == state {
                            Some(None)
                        } else {
                            self.enabler(&bits, seen_value, min_ret).map(Some)
                        };
                        if let (Some(u), Some(new_state)) = (before, op.step(seen_value)) {
                            bits.set(i, true);
                            if let Some(u) = u {
                                bits.set(u, true);
                            }
                            if seen.insert((bits.words.clone(), new_state)) {
                                stack.push((i, u, state));
                                state = new_state;
                                next = 0;
                                moved = true;
                                break;
                            }
                            bits.set(i, false);
                            if let Some(u) = u {
                                bits.set(u, false);
                            }
                        }
                        i = bits.next_clear(i + 1);
                    }
                }
                if moved {
                    continue;
                }
                let Some((i, u, prev)) = stack.pop() else {
                    break;
                };
                bits.set(i, false);
                if let Some(u) = u {
                    bits.set(u, false);
                }
                cursor = cursor.min(rank[i]);
                state = prev;
                next = i + 1;
            }
        }
        if !out.reached.is_empty() {
            out.verdict = Verdict::Linearizable;
        }
        out
    }

    /// How many unknown ops of each effect are not placed.
    fn unplaced(&self, bits: &Bits) -> Vec<u32> {
        self.effects
            .iter()
            .map(|(_, list)| list.iter().filter(|&&i| !bits.get(i)).count() as u32)
            .collect()
    }
}
