//! Where a guided scenario stands in the app, and where its current step
//! began (so the views can tell the step's messages from older ones).

use crate::sim::{MsgId, Simulation};

/// The run as a step found it: what it had sent, and what was in flight.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StepStart {
    /// The head tick.
    pub tick: u64,
    /// Messages with this id or higher were sent during the step.
    pub next_msg: MsgId,
    /// The messages in flight (or held) when the step began.
    pub in_flight: Vec<MsgId>,
}

impl StepStart {
    /// The run `sim` as it stands now, at the start of a step.
    pub fn of(sim: &Simulation) -> StepStart {
        let world = sim.world();
        StepStart {
            tick: sim.head(),
            next_msg: world.message_log().records().last().map_or(0, |r| r.id + 1),
            in_flight: world.network().in_flight().iter().map(|e| e.id).collect(),
        }
    }

    /// Whether message `id` was sent during the step or was in flight when
    /// it began.
    pub fn covers(&self, id: MsgId) -> bool {
        id >= self.next_msg || self.in_flight.contains(&id)
    }
}

/// Where a guided scenario stands in the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Position {
    /// The scenario's id.
    pub id: &'static str,
    /// The current step (0-based).
    pub step: usize,
    /// The teacher took over: the run is theirs now.
    pub free: bool,
    /// The head tick of the run at the end of the step.
    pub end_tick: u64,
    /// Where the step began (the end of the step before it; the start of
    /// the run when not known).
    pub start: StepStart,
    /// How many actions the run had recorded at the end of the step.
    pub end_actions: usize,
    /// Whether each step up to this one showed its expected state at its
    /// end ([`Scenario::build_checked`](super::Scenario::build_checked)); empty when not known.
    pub checks: Vec<Option<bool>>,
}

impl Position {
    /// The position at the end of step `step`, given the run built for it.
    pub fn at(id: &'static str, step: usize, sim: &Simulation) -> Position {
        Position {
            id,
            step,
            free: false,
            end_tick: sim.head(),
            start: StepStart::default(),
            end_actions: sim.actions().len(),
            checks: Vec::new(),
        }
    }

    /// The same position, with the steps' checks recorded while building it.
    pub fn with_checks(self, checks: Vec<Option<bool>>) -> Position {
        Position { checks, ..self }
    }

    /// Whether `sim` has moved on from the step's end (someone acted or ran
    /// the clock past it): the run is no longer the scenario's.
    pub fn diverged(&self, sim: &Simulation) -> bool {
        sim.head() != self.end_tick || sim.actions().len() != self.end_actions
    }
}
