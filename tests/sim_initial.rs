//! Starting a run from given persistent state (as Figure 7 does): validated
//! up front, kept by share links, and the same as restarting from disk.

use raftlab::sim::{InitialNode, SimConfig, SimError, Simulation};
use raftlab::view::i18n::Lang;
use raftlab::view::messages::sim_error;
use raftlab::view::share::Shared;

fn config(initial: Vec<InitialNode>) -> SimConfig {
    SimConfig {
        nodes: 2,
        initial,
        ..SimConfig::default()
    }
}

fn start(term: u64, log: &[u64]) -> InitialNode {
    InitialNode {
        term,
        log: log.to_vec(),
    }
}

#[test]
fn a_server_cannot_start_with_a_log_it_could_not_have() {
    let cases = [
        (vec![start(3, &[1, 2])], 0), // one state for two nodes
        (vec![start(3, &[1, 2]), start(2, &[2, 1])], 2), // terms decrease
        (vec![start(3, &[1, 4]), start(2, &[])], 1), // beyond currentTerm
        (vec![start(3, &[0, 1]), start(2, &[])], 1), // term 0 entry
    ];
    for (initial, node) in cases {
        let err = Simulation::new(config(initial.clone())).unwrap_err();
        assert_eq!(err, SimError::BadInitialState { node }, "{initial:?}");
        assert!(!sim_error(
            Lang::Zh,
            raftlab::view::node_names::NodeNames::DEFAULT,
            &err
        )
        .is_empty());
        assert!(!sim_error(
            Lang::En,
            raftlab::view::node_names::NodeNames::DEFAULT,
            &err
        )
        .is_empty());
    }
}

#[test]
fn nodes_start_in_their_term_with_their_log_and_nothing_committed() {
    let sim = Simulation::new(config(vec![start(3, &[1, 1, 3]), start(2, &[1, 2])])).unwrap();
    let n: Vec<_> = sim
        .nodes()
        .iter()
        .map(|n| (n.role.name(), n.term, n.log_terms(), n.commit))
        .collect();
    assert_eq!(
        n,
        [
            ("follower", 3, vec![1, 1, 3], 0),
            ("follower", 2, vec![1, 2], 0)
        ]
    );
    let link = Shared::capture(&sim, None).encode();
    let back = Shared::decode(&link).unwrap();
    assert_eq!(back.config.initial, sim.config().initial);
    // Without a starting state a link does not mention the field.
    let fresh = Simulation::new(SimConfig::default()).unwrap();
    let json = serde_json::to_string(fresh.config()).unwrap();
    assert!(!json.contains("initial"), "{json}");
}
