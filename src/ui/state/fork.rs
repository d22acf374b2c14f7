//! Forking the past never silently destroys the future. Acting at a past
//! tick forks history (`Simulation::act` discards the recorded future);
//! the reducer keeps the run as it was just before, so the discarded
//! branch can be restored — and restoring keeps the abandoned fork in turn,
//! so the choice can be flipped back.

use super::{AppState, SimHandle};

/// The branch a fork discarded.
#[derive(Clone, PartialEq)]
pub struct Discarded {
    /// The run as it was before the fork (positioned at the fork's tick).
    pub sim: SimHandle,
    /// The tick acted at.
    pub at: u64,
    /// The last tick the discarded branch reached.
    pub head: u64,
}

impl AppState {
    /// Before an action: the run as it is, if acting now forks history.
    pub(super) fn before_fork(&self) -> Option<Discarded> {
        let sim = self.sim.borrow();
        (sim.tick() < sim.head()).then(|| Discarded {
            sim: SimHandle::new(sim.clone()),
            at: sim.tick(),
            head: sim.head(),
        })
    }

    /// Brings the discarded branch back; the branch it replaces becomes the
    /// discarded one.
    pub(super) fn restore_branch(&mut self) {
        let Some(d) = self.discarded.take() else {
            return;
        };
        let head = self.sim.borrow().head();
        let current = std::mem::replace(&mut self.sim, d.sim);
        self.discarded = Some(Discarded {
            sim: current,
            at: d.at,
            head,
        });
        self.version += 1;
        self.phase = 0.0;
        self.playing = false;
        self.selected = None;
    }
}
