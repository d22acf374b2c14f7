//! A one-node cluster is its own majority (§5.3): a command commits and is
//! applied inside the proposal itself, and the client must see that answer at
//! once — not wait, time out and append the command again (issue 15: a
//! 1-node cluster recorded ten times the events of a 3-node one).

use raftlab::raft::ApplyResult;
use raftlab::sim::{OpStatus, SimConfig, SimEvent, Simulation, TraceKind};

#[test]
fn a_single_node_answers_a_command_in_the_tick_it_is_proposed() {
    let mut sim = Simulation::new(SimConfig {
        nodes: 1,
        seed: 1,
        ..SimConfig::default()
    })
    .unwrap();
    while sim.world().leader().is_none() {
        sim.step().unwrap();
    }
    let elected = sim.tick();
    sim.propose_cluster("put a 1").unwrap();
    let op = &sim.world().client().ops()[0];
    assert_eq!(op.attempts, 1);
    assert_eq!(
        op.status,
        OpStatus::Committed {
            node: 1,
            index: 2, // after the leader's no-op at index 1
            term: 1,
            result: ApplyResult::Written { previous: None },
            at: elected,
        }
    );
    // A long while later: still one copy in the log, no failed attempt.
    sim.run(500).unwrap();
    let n1 = sim.node(1).unwrap();
    assert_eq!(
        n1.log,
        vec![(1, 1, "noop".to_string()), (2, 1, "put a 1".to_string())]
    );
    assert_eq!((n1.commit, n1.applied), (2, 2));
    assert!(!sim.world().trace().recent().any(|e| matches!(
        e.kind,
        TraceKind::Sim(SimEvent::ClientOutcome { ok: false, .. })
    )));
    assert_eq!(sim.world().client().ops()[0].attempts, 1);
}
