//! Shared setup of the `sim_scenarios_*` suites: the default five-node
//! cluster (seed 7), read-outs of every node, and a cluster n1 leads in term 1.
#![allow(dead_code)]

use raftlab::raft::Config as RaftConfig;
use raftlab::sim::{RoleKey, SimConfig, Simulation};

/// Five nodes, seed 7, the given core config.
pub fn cluster(raft: RaftConfig) -> Simulation {
    Simulation::new(SimConfig {
        nodes: 5,
        seed: 7,
        raft,
        ..SimConfig::default()
    })
    .unwrap()
}

/// Every node's role, n1 first.
pub fn roles(sim: &Simulation) -> Vec<RoleKey> {
    sim.nodes().iter().map(|n| n.role).collect()
}

/// Every node's term, n1 first.
pub fn terms(sim: &Simulation) -> Vec<u64> {
    sim.nodes().iter().map(|n| n.term).collect()
}

/// Every node's commit index, n1 first.
pub fn commits(sim: &Simulation) -> Vec<u64> {
    sim.nodes().iter().map(|n| n.commit).collect()
}

/// `key` in node `id`'s state machine.
pub fn kv(sim: &Simulation, id: u32, key: &str) -> Option<String> {
    sim.node(id).unwrap().kv.get(key).cloned()
}

/// n1 campaigns at tick 0 and wins term 1; its no-op commits everywhere.
pub fn elected_n1(raft: RaftConfig) -> Simulation {
    let mut sim = cluster(raft);
    sim.campaign(1).unwrap();
    sim.tick_all(40).unwrap();
    assert_eq!(commits(&sim), [1; 5]);
    sim
}
