//! The checked prefix of one key's history, summarized: the configurations
//! of Lowe's just-in-time linearization ("Testing for linearizability",
//! CCPE 29(4), 2017) at a quiescent cut.
//!
//! A cut is a point in the key's history before which every operation is
//! final (answered, void, or given up with its outcome unknown) and every
//! answered one was answered before any later one was invoked. Any
//! linearization (Herlihy & Wing 1990: a sequential order of the operations
//! that keeps the real-time order of non-overlapping ones) can be split
//! there: the operations it orders first are all answered ones before the
//! cut, plus
//! some of the unknown-outcome ones before it. So the prefix leaves a set of
//! configurations: the register's value, and how many of each
//! unknown-outcome effect before the cut have not taken effect yet (they
//! still may, at any later time, or never). The whole history is
//! linearizable exactly when the rest of it is, from one of them; so a key is
//! checked with work proportional to what came after the cut, however long
//! it is.
//!
//! A configuration that has fewer of every unapplied effect than another with
//! the same value can do nothing the other cannot: it is dropped.

use super::search::Search;
use super::{SkipReason, Verdict};
use crate::sim::client::HistoryOp;
use serde::{Deserialize, Serialize};

/// The most configurations a frontier keeps; more and the key is skipped.
pub const MAX_CONFIGS: usize = 256;

/// An unknown-outcome operation's effect, carried across a cut.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Effect {
    /// A put of this value.
    Put(String),
    /// A delete.
    Del,
}

/// One configuration: the register's value and how many of each carried
/// effect have not taken effect yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Config {
    /// The value, `None` when the key holds nothing.
    pub state: Option<String>,
    /// `avail[k]`: unapplied operations with effect `carried[k]`.
    pub avail: Vec<u32>,
}

/// The configurations at the last cut (see the module docs).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Frontier {
    carried: Vec<Effect>,
    configs: Vec<Config>,
}

impl Default for Frontier {
    /// Before any operation: the key holds nothing, nothing is carried.
    fn default() -> Frontier {
        Frontier {
            carried: Vec::new(),
            configs: vec![Config {
                state: None,
                avail: Vec::new(),
            }],
        }
    }
}

/// The result of advancing a frontier over a segment.
pub(super) struct Advance {
    /// The frontier after the segment, when the segment is linearizable
    /// from this one.
    pub(super) frontier: Result<Frontier, Verdict>,
    /// Search steps taken.
    pub(super) steps: u64,
}

impl Frontier {
    /// The distinct effects carried, in order.
    pub fn carried(&self) -> &[Effect] {
        &self.carried
    }

    /// The configurations, none dominated by another.
    pub fn configs(&self) -> &[Config] {
        &self.configs
    }

    /// Whether `history` (one key's operations after this frontier's cut)
    /// has a linearization from one of its configurations.
    pub(super) fn verdict(&self, history: &[&HistoryOp], budget: u64) -> (Verdict, u64) {
        let outcome = Search::new(self, history).run(budget, false);
        (outcome.verdict, outcome.steps)
    }

    /// The frontier after `segment`: operations right after this cut, all
    /// final, ending at a cut. `Err` holds the verdict when there is none:
    /// not linearizable, or undecided within the bounds.
    pub(super) fn advance(&self, segment: &[&HistoryOp], budget: u64) -> Advance {
        let search = Search::new(self, segment);
        let outcome = search.run(budget, true);
        let steps = outcome.steps;
        if outcome.verdict != Verdict::Linearizable {
            return Advance {
                frontier: Err(outcome.verdict),
                steps,
            };
        }
        // Only effects some configuration still has are carried on.
        let mut live = vec![false; search.effect_count()];
        for (_, counts) in search.reached(&outcome) {
            for (k, &c) in counts.iter().enumerate() {
                live[k] |= c > 0;
            }
        }
        let carried: Vec<(Effect, usize)> = (0..live.len())
            .filter(|&k| live[k])
            .map(|k| (search.effect(k), k))
            .collect();
        let mut configs: Vec<Config> = Vec::new();
        for (state, counts) in search.reached(&outcome) {
            let config = Config {
                state,
                avail: carried.iter().map(|&(_, k)| counts[k]).collect(),
            };
            if !configs.iter().any(|d| dominates(d, &config)) {
                configs.retain(|d| !dominates(&config, d));
                configs.push(config);
            }
        }
        if configs.len() > MAX_CONFIGS {
            return Advance {
                frontier: Err(Verdict::Skipped(SkipReason::StepBudget {
                    ops: segment.len(),
                })),
                steps,
            };
        }
        Advance {
            frontier: Ok(Frontier {
                carried: carried.into_iter().map(|(e, _)| e).collect(),
                configs,
            }),
            steps,
        }
    }
}

/// Whether `d` can do everything `c` can: the same value, and at least as
/// many of every carried effect unapplied.
fn dominates(d: &Config, c: &Config) -> bool {
    d.state == c.state && d.avail.iter().zip(&c.avail).all(|(a, b)| a >= b)
}
