//! Starting a run from given persistent state, as if every server restarted
//! from its disk: `currentTerm` and a log of entries by term (Figure 2's
//! persistent state; `votedFor` empty). This is how the paper's Figure 7 is
//! set up: six followers whose logs the figure draws, against the leader's.
//! Everything after tick 0 is the real simulation.

use super::config::SimError;
use crate::raft::{EntryData, PersistentState, RaftLog, Term};
use serde::{Deserialize, Serialize};

/// The longest starting log the simulation accepts.
pub const MAX_INITIAL_LOG: usize = 1000;

/// One node's persistent state at tick 0.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InitialNode {
    /// `currentTerm`.
    pub term: Term,
    /// The term of each log entry, from index 1 (entries are no-ops: the
    /// figure draws terms only).
    pub log: Vec<Term>,
}

impl InitialNode {
    /// Checks that the log's terms are at least 1, never decrease, and do not
    /// exceed `currentTerm` (§5.3: terms in a log only grow, and a server
    /// never holds an entry from a term it has not seen).
    pub fn validate(&self, node: u32) -> Result<(), SimError> {
        let bad = self.log.len() > MAX_INITIAL_LOG
            || self.log.first().is_some_and(|&t| t < 1)
            || self.log.windows(2).any(|w| w[1] < w[0])
            || self.log.last().is_some_and(|&t| t > self.term);
        if bad {
            Err(SimError::BadInitialState { node })
        } else {
            Ok(())
        }
    }

    /// The persistent state the node restarts from.
    pub fn persistent(&self) -> PersistentState {
        let mut log = RaftLog::default();
        for &t in &self.log {
            log.append(t, EntryData::Noop);
        }
        PersistentState {
            current_term: self.term,
            voted_for: None,
            log,
            snapshot: Default::default(),
        }
    }
}
