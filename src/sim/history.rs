//! The run's history: the action log plus checkpoints, for time travel.
//!
//! `(config, actions)` determines the run. Moving to any tick restores the
//! nearest checkpoint at or before it and replays from there; acting in the
//! past forks history (the future is discarded).
//!
//! Checkpoints are cheap: a world's long sequences are
//! [`Chunked`](crate::chunked::Chunked), so a checkpoint shares everything
//! that did not change since the one before. They are taken every
//! [`CHECKPOINT_EVERY`] ticks and thinned with distance: near the head and
//! near the tick being looked at (the *focus*) every one is kept; at distance
//! d only about every d / [`DENSITY`]-th, so a run of any length keeps
//! O(log length) of them. Stepping back one tick replays at most
//! `CHECKPOINT_EVERY` ticks, and replaying into a thinned stretch re-creates
//! the checkpoints there on the way, so stepping back again stays cheap.

use super::action::Action;
use super::config::{SimConfig, SimError};
use super::world::World;
use serde::{Deserialize, Serialize};

/// Spacing of checkpoints near the head and the focus, in ticks. Every
/// checkpoint taken is a world cloned now and dropped later, a cost paid per
/// tick while the clock runs; 32 ticks halves that cost of 16 (issue 15:
/// `advance_us_9n` in `examples/bench.rs`) while stepping back one tick
/// still replays at most 32 ticks (`step_back_ms_4h`, well under a frame).
pub const CHECKPOINT_EVERY: u64 = 32;
/// How many checkpoints are kept per doubling of distance (see the module doc).
pub const DENSITY: u64 = 8;

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
    /// Sorted by tick, at most one per tick.
    checkpoints: Vec<Checkpoint>,
    head: u64,
    /// The tick the user is looking at (or seeking to): checkpoints near it
    /// are kept densely.
    focus: u64,
}

/// Whether a checkpoint at `tick` is kept, seen from `anchor` (head or
/// focus): every [`CHECKPOINT_EVERY`]-th tick close by, sparser further
/// away (a tick whose multiple of `CHECKPOINT_EVERY` has `k` trailing zero
/// bits survives out to a distance of `DENSITY · CHECKPOINT_EVERY · 2^k`).
fn kept_from(tick: u64, anchor: u64) -> bool {
    if tick % CHECKPOINT_EVERY != 0 {
        return false;
    }
    let level = (tick / CHECKPOINT_EVERY).trailing_zeros().min(40);
    tick.abs_diff(anchor) < (DENSITY * CHECKPOINT_EVERY) << level
}

/// An upper bound on the checkpoints held for a run of `head` ticks, for the
/// memory estimate of a shared run (`view::share::budget`): about
/// `DENSITY` per doubling of distance on each side of each anchor, doubled
/// for safety.
pub fn max_checkpoints(head: u64) -> u64 {
    let levels = u64::from(64 - (head / CHECKPOINT_EVERY).leading_zeros());
    2 * 2 * DENSITY * (levels + 1)
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
            head: 0,
            focus: 0,
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
    /// The ticks of the checkpoints held, in order (for tests).
    pub fn checkpoint_ticks(&self) -> Vec<u64> {
        self.checkpoints.iter().map(|c| c.world.tick()).collect()
    }
    /// The checkpoints' worlds, in tick order (for the memory benchmark).
    pub fn checkpoint_worlds(&self) -> impl Iterator<Item = &World> + '_ {
        self.checkpoints.iter().map(|c| &c.world)
    }
    /// The chunked storage held by the current world, the base world and
    /// every checkpoint, each shared chunk counted once.
    pub fn storage_report(&self) -> crate::chunked::StorageReport {
        let mut r = crate::chunked::StorageReport::default();
        self.world.report_storage(&mut r);
        self.base.report_storage(&mut r);
        for w in self.checkpoint_worlds() {
            w.report_storage(&mut r);
        }
        r
    }

    /// Advances one tick, replaying recorded actions of the timeline's future.
    pub fn step(&mut self) -> Result<(), SimError> {
        self.advance()?;
        self.focus = self.world.tick();
        Ok(())
    }

    /// One tick forward, taking a checkpoint when one is due.
    fn advance(&mut self) -> Result<(), SimError> {
        self.world.step();
        self.apply_due_actions()?;
        let tick = self.world.tick();
        self.head = self.head.max(tick);
        if tick % CHECKPOINT_EVERY == 0 {
            if let Err(at) = self
                .checkpoints
                .binary_search_by_key(&tick, |c| c.world.tick())
            {
                self.checkpoints.insert(
                    at,
                    Checkpoint {
                        world: self.world.clone(),
                        cursor: self.cursor,
                    },
                );
                self.thin();
            }
        }
        Ok(())
    }

    /// Drops the checkpoints that are far from both the head and the focus.
    fn thin(&mut self) {
        let (head, focus) = (self.head, self.focus);
        self.checkpoints.retain(|c| {
            let t = c.world.tick();
            kept_from(t, head) || kept_from(t, focus)
        });
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

    /// Moves to `tick` (at most the head): from the nearest checkpoint at or
    /// before it (or from where the world is, when that is nearer), replaying
    /// the rest.
    pub fn seek(&mut self, tick: u64) -> Result<(), SimError> {
        if tick > self.head {
            return Err(SimError::TickOutOfRange {
                tick,
                head: self.head,
            });
        }
        self.focus = tick;
        let at = self.checkpoints.partition_point(|c| c.world.tick() <= tick);
        let nearest = at.checked_sub(1).map(|i| &self.checkpoints[i]);
        let now = self.world.tick();
        let restore = if tick < now {
            true
        } else {
            nearest.is_some_and(|c| c.world.tick() > now)
        };
        if restore {
            let (world, cursor) = match nearest {
                Some(c) => (c.world.clone(), c.cursor),
                None => (self.base.clone(), 0),
            };
            self.world = world;
            self.cursor = cursor;
            self.apply_due_actions()?;
        }
        while self.world.tick() < tick {
            self.advance()?;
        }
        self.thin();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raft::EntryData;

    #[test]
    fn checkpoints_share_logs_client_and_checker_storage_with_the_world() {
        let mut sim = crate::sim::bench::steady_load_sim(3, 3000);
        sim.run(1).unwrap();
        let cp = &sim.checkpoints[sim.checkpoints.len() - 1].world;
        let w = &sim.world;
        assert!(w.tick() - cp.tick() <= CHECKPOINT_EVERY);
        let (a, b) = (w.client().ops(), cp.client().ops());
        assert!(a.chunk_count() > 4);
        assert!((0..b.chunk_count() - 1).all(|k| a.shares_chunk(b, k)));
        let (a, b) = (w.client().history(), cp.client().history());
        assert!((0..b.chunk_count() - 1).all(|k| a.shares_chunk(b, k)));
        let (a, b) = (w.trace().marks(), cp.trace().marks());
        assert!((0..b.chunk_count().saturating_sub(1)).all(|k| a.shares_chunk(b, k)));
        let (a, b) = (w.nodes()[0].node.log(), cp.nodes()[0].node.log());
        assert!(a.shares_storage_with(b) > 4, "log chunks shared");
        // Every node's copy of a command entry shares one command.
        let (n1, n2) = (w.nodes()[0].node.log(), w.nodes()[1].node.log());
        let shared = (1..=100).filter(|&i| match (n1.get(i), n2.get(i)) {
            (Some(a), Some(b)) => match (&a.data, &b.data) {
                (EntryData::Command(x), EntryData::Command(y)) => std::rc::Rc::ptr_eq(x, y),
                _ => false,
            },
            _ => false,
        });
        assert!(shared.count() > 90, "commands shared between logs");
    }
}
