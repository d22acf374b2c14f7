//! A/B comparison: two runs from the same seed and the same actions,
//! differing in exactly one setting ([`Knob`]), advancing in lockstep; the
//! first tick at which their nodes differ is found ([`Divergence`]).
//!
//! Both sides are ordinary [`Simulation`]s; [`Lockstep`] owns neither (the
//! UI keeps each in its own handle), only what the pair shares: the setting,
//! the facts both sides agreed on last, and the divergence once found. Every
//! action goes to both sides through [`Lockstep::act`], and time moves only
//! through [`Lockstep::run`] and [`Lockstep::seek`], so the two stay at the
//! same tick with the same action log.
//!
//! ```
//! use raftlab::sim::compare::{Knob, Lockstep};
//! use raftlab::sim::{Action, SimConfig};
//! let config = SimConfig { nodes: 3, ..SimConfig::default() };
//! let (mut a, mut b, mut pair) = Lockstep::open(&config, &[], 0, Knob::PreVote).unwrap();
//! pair.act(&mut a, &mut b, Action::Campaign(2)).unwrap();
//! // A's n2 is a candidate, B's (PreVote) a pre-candidate: they part at tick 0.
//! assert_eq!(pair.divergence().map(|d| d.tick), Some(0));
//! ```

mod diverge;
mod knob;

pub use diverge::{facts, Divergence, NodeDiff, NodeFacts};
pub use knob::{Knob, KnobError};

use super::{Action, SimConfig, SimError, Simulation, TimedAction, World};

/// One of the two sides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The run as it was (the run's own setting).
    A,
    /// The same run with the one setting changed.
    B,
}

/// An action one side refused (the other side may have taken it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SideError {
    /// The side that refused.
    pub side: Side,
    /// Why.
    pub error: SimError,
}

/// Why a comparison could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompareError {
    /// The setting does not make two different sides.
    Knob(KnobError),
    /// A side's configuration is invalid, or replaying failed.
    Sim(SimError),
}

impl std::fmt::Display for CompareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CompareError::Knob(e) => write!(f, "{e}"),
            CompareError::Sim(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for CompareError {}

/// What a pair of runs shares (see the module documentation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lockstep {
    knob: Knob,
    agreed: Vec<NodeFacts>,
    divergence: Option<Divergence>,
    refused: u32,
}

/// Message actions name a message by id; side B takes one only if its
/// message of that id is the same message (sender, receiver, kind) as A's.
fn same_message(a: &World, b: &World, action: &Action) -> bool {
    let id = match action {
        Action::Deliver(id) | Action::Drop(id) | Action::Hold(id) | Action::Release(id) => *id,
        _ => return true,
    };
    let shape = |w: &World| {
        w.network()
            .in_flight()
            .iter()
            .find(|e| e.id == id)
            .map(|e| (e.msg.from, e.msg.to, e.msg.body.kind()))
    };
    shape(a).is_some_and(|s| shape(b) == Some(s))
}

impl Lockstep {
    /// Opens a comparison of a run — its starting configuration and its
    /// actions up to `tick` — on `knob`: both sides are rebuilt from tick 0
    /// in lockstep up to `tick`, so the divergence is found wherever it is.
    /// Returns side A, side B and the pair.
    pub fn open(
        config: &SimConfig,
        actions: &[TimedAction],
        tick: u64,
        knob: Knob,
    ) -> Result<(Simulation, Simulation, Lockstep), CompareError> {
        let (ca, cb) = knob.configs(config).map_err(CompareError::Knob)?;
        let mut a = Simulation::new(ca).map_err(CompareError::Sim)?;
        let mut b = Simulation::new(cb).map_err(CompareError::Sim)?;
        let mut pair = Lockstep {
            knob,
            agreed: facts(a.world()),
            divergence: None,
            refused: 0,
        };
        pair.check(&a, &b);
        let mut next = actions.iter().peekable();
        loop {
            while let Some(t) = next.next_if(|t| t.tick == a.tick()) {
                let _ = pair.act(&mut a, &mut b, t.action.clone());
            }
            if a.tick() >= tick {
                break;
            }
            pair.run(&mut a, &mut b, 1).map_err(CompareError::Sim)?;
        }
        Ok((a, b, pair))
    }

    /// The setting that differs.
    pub fn knob(&self) -> Knob {
        self.knob
    }

    /// The first tick the sides differ at, once reached.
    pub fn divergence(&self) -> Option<&Divergence> {
        self.divergence.as_ref()
    }

    /// How many actions one side refused and the other took.
    pub fn refused(&self) -> u32 {
        self.refused
    }

    fn check(&mut self, a: &Simulation, b: &Simulation) {
        if self.divergence.is_some() {
            return;
        }
        match diverge::compare(&self.agreed, a.world(), b.world()) {
            None => self.agreed = facts(a.world()),
            Some(d) => self.divergence = Some(d),
        }
    }

    /// After moving back in time: the facts both agree on are the current
    /// ones, unless the divergence is already behind.
    fn resync(&mut self, a: &Simulation) {
        if self.divergence.as_ref().is_none_or(|d| d.tick > a.tick()) {
            self.agreed = facts(a.world());
        }
    }

    /// Takes the action on both sides. Acting before the divergence forks
    /// both timelines, so it is looked for again. A side that refuses keeps
    /// its run as it was; the error names it.
    pub fn act(
        &mut self,
        a: &mut Simulation,
        b: &mut Simulation,
        action: Action,
    ) -> Result<(), SideError> {
        if self.divergence.as_ref().is_some_and(|d| d.tick > a.tick()) {
            self.divergence = None;
            self.agreed = facts(a.world());
        }
        let mirror = same_message(a.world(), b.world(), &action);
        let ra = a.act(action.clone());
        let rb = if mirror {
            b.act(action)
        } else {
            Err(SimError::NoSuchMessage {
                id: match action {
                    Action::Deliver(id)
                    | Action::Drop(id)
                    | Action::Hold(id)
                    | Action::Release(id) => id,
                    _ => 0,
                },
            })
        };
        if ra.is_ok() != rb.is_ok() {
            self.refused += 1;
        }
        self.check(a, b);
        ra.map_err(|error| SideError {
            side: Side::A,
            error,
        })?;
        rb.map_err(|error| SideError {
            side: Side::B,
            error,
        })
    }

    /// Advances both sides `n` ticks, comparing after each.
    pub fn run(&mut self, a: &mut Simulation, b: &mut Simulation, n: u64) -> Result<(), SimError> {
        for _ in 0..n {
            a.step()?;
            b.step()?;
            self.check(a, b);
        }
        Ok(())
    }

    /// Moves both sides to `tick`: back by their checkpoints, forward in
    /// lockstep.
    pub fn seek(
        &mut self,
        a: &mut Simulation,
        b: &mut Simulation,
        tick: u64,
    ) -> Result<(), SimError> {
        if tick < a.tick() {
            a.seek(tick)?;
            b.seek(tick)?;
            self.resync(a);
            return Ok(());
        }
        if tick > a.head() {
            return Err(SimError::TickOutOfRange {
                tick,
                head: a.head(),
            });
        }
        self.run(a, b, tick - a.tick())
    }
}
