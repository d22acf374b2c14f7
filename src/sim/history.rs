//! The run's history: the action log plus checkpoints, for time travel.
//!
//! `(config, actions)` determines the run. Jumping to a past tick restores
//! the nearest earlier checkpoint and replays; acting in the past forks
//! history (the future is discarded). Memory stays bounded: at most
//! [`MAX_CHECKPOINTS`] checkpoints, thinned by half (and spaced twice as far)
//! whenever they would exceed it.

use super::action::Action;
use super::config::{SimConfig, SimError};
use super::world::World;
use serde::{Deserialize, Serialize};

/// The most checkpoints kept at once.
pub const MAX_CHECKPOINTS: usize = 32;
/// Initial spacing of checkpoints, in ticks.
pub const CHECKPOINT_EVERY: u64 = 256;

/// An action and the tick at which it was taken.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TimedAction {
    /// The tick (the action happened after the world reached this tick).
    pub tick: u64,
    /// The action.
    pub action: Action,
}

#[derive(Clone, Debug)]
struct Checkpoint {
    world: World,
    /// Actions already applied in `world`.
    cursor: usize,
}

/// A run: the current world, and everything needed to move through its time.
#[derive(Clone, Debug)]
pub struct Simulation {
    world: World,
    base: World,
    actions: Vec<TimedAction>,
    cursor: usize,
    checkpoints: Vec<Checkpoint>,
    every: u64,
    head: u64,
}

impl Simulation {
    /// A new run at tick 0.
    pub fn new(config: SimConfig) -> Result<Simulation, SimError> {
        let world = World::new(config)?;
        Ok(Simulation {
            base: world.clone(),
            world,
            actions: Vec::new(),
            cursor: 0,
            checkpoints: Vec::new(),
            every: CHECKPOINT_EVERY,
            head: 0,
        })
    }

    /// Rebuilds a run from its config and action log, then moves to `tick`
    /// (share links and saved files). Actions must be in tick order.
    pub fn replay(
        config: SimConfig,
        actions: Vec<TimedAction>,
        tick: u64,
    ) -> Result<Simulation, SimError> {
        let mut sim = Simulation::new(config)?;
        if let Some(i) = actions.windows(2).position(|w| w[0].tick > w[1].tick) {
            return Err(SimError::UnorderedActions {
                index: i + 1,
                tick: actions[i + 1].tick,
                previous: actions[i].tick,
            });
        }
        sim.head = actions.last().map_or(0, |a| a.tick).max(tick);
        sim.actions = actions;
        sim.apply_due_actions()?;
        sim.seek(tick)?;
        Ok(sim)
    }

    /// The world at the current tick.
    pub fn world(&self) -> &World {
        &self.world
    }
    /// The current tick.
    pub fn tick(&self) -> u64 {
        self.world.tick()
    }
    /// The furthest tick this timeline has reached.
    pub fn head(&self) -> u64 {
        self.head
    }
    /// The action log of this timeline.
    pub fn actions(&self) -> &[TimedAction] {
        &self.actions
    }
    /// The configuration.
    pub fn config(&self) -> &SimConfig {
        self.world.config()
    }
    /// The configuration the run started from: what `replay` needs, since
    /// actions such as `SetLatency` or `SetManualDelivery` change the world's.
    pub fn initial_config(&self) -> &SimConfig {
        self.base.config()
    }
    /// How many checkpoints are held (for the memory benchmark).
    pub fn checkpoint_count(&self) -> usize {
        self.checkpoints.len()
    }

    /// Advances one tick, replaying recorded actions of the timeline's future.
    pub fn step(&mut self) -> Result<(), SimError> {
        self.world.step();
        self.apply_due_actions()?;
        let tick = self.world.tick();
        self.head = self.head.max(tick);
        if tick % self.every == 0
            && self
                .checkpoints
                .last()
                .is_none_or(|c| c.world.tick() < tick)
        {
            self.checkpoints.push(Checkpoint {
                world: self.world.clone(),
                cursor: self.cursor,
            });
            if self.checkpoints.len() > MAX_CHECKPOINTS {
                self.every *= 2;
                let every = self.every;
                self.checkpoints.retain(|c| c.world.tick() % every == 0);
            }
        }
        Ok(())
    }

    /// Advances `n` ticks.
    pub fn run(&mut self, n: u64) -> Result<(), SimError> {
        for _ in 0..n {
            self.step()?;
        }
        Ok(())
    }

    fn apply_due_actions(&mut self) -> Result<(), SimError> {
        while let Some(a) = self.actions.get(self.cursor) {
            if a.tick != self.world.tick() {
                break;
            }
            let action = a.action.clone();
            self.cursor += 1;
            self.world.apply(&action)?;
        }
        Ok(())
    }

    /// Acts now. In the past, this forks: the recorded future is discarded.
    /// A refused action changes nothing and is not recorded.
    pub fn act(&mut self, action: Action) -> Result<(), SimError> {
        // `World::apply` checks everything before it changes anything, so a
        // refused action leaves the world as it was.
        self.world.apply(&action)?;
        let tick = self.world.tick();
        if self.cursor < self.actions.len() || tick < self.head {
            self.actions.truncate(self.cursor);
            self.checkpoints.retain(|c| c.world.tick() < tick);
            self.head = tick;
        }
        self.actions.push(TimedAction { tick, action });
        self.cursor += 1;
        Ok(())
    }

    /// Moves to `tick` (at most the head): forward by stepping, backward by
    /// restoring the nearest earlier checkpoint and replaying.
    pub fn seek(&mut self, tick: u64) -> Result<(), SimError> {
        if tick > self.head {
            return Err(SimError::TickOutOfRange {
                tick,
                head: self.head,
            });
        }
        if tick < self.world.tick() {
            let cp = self
                .checkpoints
                .iter()
                .rev()
                .find(|c| c.world.tick() <= tick);
            let (world, cursor) = match cp {
                Some(c) => (c.world.clone(), c.cursor),
                None => (self.base.clone(), 0),
            };
            self.world = world;
            self.cursor = cursor;
            self.apply_due_actions()?;
        }
        while self.world.tick() < tick {
            self.step()?;
        }
        Ok(())
    }
}
