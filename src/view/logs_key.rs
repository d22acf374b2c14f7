//! What the logs panel shows of the run, as one number (issue 15: panels
//! memoized on what they display). While the cluster only exchanges
//! heartbeats nothing in the logs changes, and the panel (nine rows of
//! cells, the markers, the key-value views) need not re-render.
//! The key covers every input of the panel's rows: each node's status,
//! role, term, commitIndex, lastApplied, every entry it holds (index, term,
//! command), its snapshot and its state machine, and the leader's
//! nextIndex / matchIndex for each follower. The selected entry's card
//! reads more of the world (links, every node's state), so with an entry
//! selected there is no key and the panel follows every refresh.

use crate::sim::World;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

/// Most entries (over all nodes) the key hashes; longer logs get no key
/// (the panel then refreshes every time), so a long run never pays for
/// hashing them all.
pub const MAX_KEYED_ENTRIES: usize = 2000;

/// The logs panel's key, or `None` when it must refresh anyway (an entry
/// is selected, or the logs are longer than [`MAX_KEYED_ENTRIES`]).
pub fn logs_key(w: &World, entry_selected: bool) -> Option<u64> {
    if entry_selected {
        return None;
    }
    let held: u64 = w
        .nodes()
        .iter()
        .map(|s| s.node.log().last_index() + 1 - s.node.log().first_index())
        .sum();
    if held > MAX_KEYED_ENTRIES as u64 {
        return None;
    }
    let mut h = DefaultHasher::new();
    let leader = w.leader();
    leader.hash(&mut h);
    let progress = leader
        .and_then(|l| w.slot(l).ok())
        .map(|s| s.node.progress());
    for s in w.nodes() {
        let node = &s.node;
        node.id().hash(&mut h);
        s.status.name().hash(&mut h);
        node.role().hash(&mut h);
        node.term().hash(&mut h);
        s.commit_index().hash(&mut h);
        s.last_applied().hash(&mut h);
        let log = node.log();
        log.first_index().hash(&mut h);
        log.last_index().hash(&mut h);
        for e in log.entries() {
            e.hash(&mut h);
        }
        node.snapshot().hash(&mut h);
        node.kv().hash(&mut h);
        if let Some(p) = progress.and_then(|p| p.get(&node.id())) {
            (p.next_index, p.match_index).hash(&mut h);
        }
    }
    Some(h.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raft::Command;
    use crate::sim::{Action, SimConfig, Simulation, Target};

    fn elected() -> Simulation {
        let mut sim = Simulation::new(SimConfig::default()).unwrap();
        while sim.world().leader().is_none() {
            sim.step().unwrap();
        }
        sim
    }

    #[test]
    fn heartbeats_keep_the_key_and_a_command_changes_it() {
        let mut sim = elected();
        // Let the election's no-op (if any) settle everywhere.
        sim.run(200).unwrap();
        let quiet = logs_key(sim.world(), false).unwrap();
        sim.run(100).unwrap();
        assert_eq!(logs_key(sim.world(), false), Some(quiet), "heartbeats only");
        sim.act(Action::Propose(
            Target::Cluster,
            Command::parse("put x 1").unwrap(),
        ))
        .unwrap();
        sim.run(300).unwrap();
        let committed = logs_key(sim.world(), false).unwrap();
        assert_ne!(committed, quiet, "the new entry shows");
        sim.run(100).unwrap();
        assert_eq!(logs_key(sim.world(), false), Some(committed), "quiet again");
    }

    #[test]
    fn a_selected_entry_has_no_key() {
        let sim = elected();
        assert_eq!(logs_key(sim.world(), true), None);
        assert!(logs_key(sim.world(), false).is_some());
    }
}
