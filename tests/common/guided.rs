//! Shared setup of the `scenarios_*` suites (guided scenarios).
#![allow(dead_code)]

use raftlab::scenario::Scenario;
use raftlab::sim::Simulation;

/// The simulation at the last step of `sc`.
pub fn last(sc: &Scenario) -> Simulation {
    sc.build(sc.steps.len() - 1)
        .unwrap_or_else(|e| panic!("{}: {e:?}", sc.id))
}
