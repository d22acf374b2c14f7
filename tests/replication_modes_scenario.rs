//! Scenario `replication-modes` (course notes seed 000/001; §5.3, §8): its end
//! state stated exactly, and what the client saw at each mode's step.

use raftlab::raft::ApplyResult;
use raftlab::scenario;
use raftlab::sim::{AckReason, OpFailure, OpStatus, Property, Simulation};

fn at(step: usize) -> Simulation {
    scenario::find("replication-modes")
        .unwrap()
        .build(step)
        .unwrap()
}

/// (role, term, log terms, commit, kv) of one node.
type NodeEnd = (&'static str, u64, Vec<u64>, u64, Vec<(String, String)>);

fn nodes(sim: &Simulation) -> Vec<NodeEnd> {
    sim.nodes()
        .iter()
        .map(|n| {
            let kv = n.kv.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            (n.role.name(), n.term, n.log_terms(), n.commit, kv)
        })
        .collect()
}

fn x(v: &str) -> Vec<(String, String)> {
    vec![("x".to_string(), v.to_string())]
}

fn ops(sim: &Simulation) -> Vec<OpStatus> {
    sim.world()
        .client()
        .ops()
        .iter()
        .map(|o| o.status.clone())
        .collect()
}

#[test]
fn raft_survives_a_dead_follower_and_a_leader_crash() {
    let sim = at(2);
    let o = ops(&sim);
    assert!(matches!(
        o[0],
        OpStatus::Committed {
            node: 1,
            index: 2,
            term: 1,
            ..
        }
    ));
    assert!(matches!(
        o[1],
        OpStatus::Failed {
            reason: OpFailure::LeaderCrashed { node: 1 },
            ..
        }
    ));
    assert!(
        matches!(&o[2], OpStatus::Committed { node: 2, index: 4, term: 3, result: ApplyResult::Read { value: Some(v) }, .. } if v == "1")
    );
    assert!(sim.world().violations().is_empty());
}

#[test]
fn full_sync_stops_answering_with_one_follower_dead() {
    let sim = at(3);
    let o = ops(&sim);
    assert!(matches!(
        o[3],
        OpStatus::Acknowledged {
            index: 5,
            reason: AckReason::AllStored { followers: 2 },
            ..
        }
    ));
    assert_eq!(
        o[4],
        OpStatus::Pending {
            node: 2,
            index: 6,
            term: 3
        }
    );
    // Committed underneath by the majority n1, n2: only the answer is missing.
    assert_eq!(
        nodes(&sim),
        [
            ("follower", 3, vec![1, 1, 3, 3, 3, 3], 6, x("4")),
            ("leader", 3, vec![1, 1, 3, 3, 3, 3], 6, x("4")),
            ("crashed", 3, vec![1, 1, 3, 3, 3], 4, x("1")),
        ]
    );
    let sim = at(4);
    assert!(matches!(
        ops(&sim)[4],
        OpStatus::Acknowledged {
            index: 6,
            at: 204,
            reason: AckReason::AllStored { followers: 2 },
            ..
        }
    ));
}

#[test]
fn async_loses_an_acknowledged_write_and_the_checker_flags_it() {
    let sim = at(5);
    assert!(matches!(
        ops(&sim)[5],
        OpStatus::Acknowledged {
            node: 2,
            index: 7,
            term: 3,
            reason: AckReason::Appended,
            ..
        }
    ));
    assert!(
        sim.world().violations().is_empty(),
        "not yet: nothing read it"
    );

    let sim = at(6);
    assert_eq!(
        nodes(&sim),
        [
            ("follower", 5, vec![1, 1, 3, 3, 3, 3, 5, 5], 7, x("4")),
            ("crashed", 3, vec![1, 1, 3, 3, 3, 3, 3], 6, x("4")),
            ("leader", 5, vec![1, 1, 3, 3, 3, 3, 5, 5], 8, x("4")),
        ]
    );
    let o = ops(&sim);
    assert_eq!(o.len(), 7);
    assert!(
        matches!(&o[5], OpStatus::Acknowledged { result: ApplyResult::Written { previous: Some(p) }, .. } if p == "4")
    );
    assert!(
        matches!(&o[6], OpStatus::Acknowledged { node: 3, index: 8, term: 5, result: ApplyResult::Read { value: Some(v) }, reason: AckReason::Appended, at: 271 } if v == "4")
    );
    let v = sim.world().violations();
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].property, Property::Linearizability);
    assert_eq!(
        (v[0].tick, v[0].nodes.clone(), v[0].entries.clone()),
        (271, vec![3], vec![(8, 5)])
    );
}
