//! Scenarios 9c/9d (why etcd recommends PreVote together with CheckQuorum):
//! exact end states, and the reasons the event trace gives.

use raftlab::raft::{Event, VoteDenial};
use raftlab::scenario;
use raftlab::sim::{Simulation, TraceKind};

fn end(id: &str) -> Simulation {
    let sc = scenario::find(id).unwrap();
    sc.build(sc.steps.len() - 1).unwrap()
}

fn state(sim: &Simulation) -> Vec<(&'static str, u64, Vec<u64>, u64)> {
    sim.nodes()
        .iter()
        .map(|n| (n.role.name(), n.term, n.log_terms(), n.commit))
        .collect()
}

fn raft_events(sim: &Simulation) -> Vec<(u32, Event)> {
    sim.world()
        .trace()
        .recent()
        .filter_map(|e| match &e.kind {
            TraceKind::Raft(ev) => Some((e.node, ev.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn etcd_pre_vote_alone_an_up_to_date_rejoining_node_deposes_the_leader() {
    let sim = end("prevote-alone");
    assert_eq!(
        state(&sim),
        vec![
            ("follower", 2, vec![1, 1, 2], 3),
            ("follower", 2, vec![1, 1, 2], 3),
            ("leader", 2, vec![1, 1, 2], 3),
        ]
    );
    let ev = raft_events(&sim);
    // Both n1 (the leader!) and n2 granted n3's pre-vote on term and log alone.
    for voter in [1, 2] {
        assert!(ev.contains(&(
            voter,
            Event::VoteGranted {
                candidate: 3,
                term: 2,
                pre_vote: true
            }
        )));
    }
    assert!(sim.world().violations().is_empty());
}

#[test]
fn etcd_pre_vote_with_check_quorum_the_lease_keeps_the_leader() {
    let sim = end("prevote-check-quorum");
    assert_eq!(
        state(&sim),
        vec![
            ("leader", 1, vec![1, 1], 2),
            ("follower", 1, vec![1, 1], 2),
            ("follower", 1, vec![1, 1], 2),
        ]
    );
    let ev = raft_events(&sim);
    for voter in [1, 2] {
        assert!(ev.contains(&(
            voter,
            Event::VoteDenied {
                candidate: 3,
                term: 2,
                pre_vote: true,
                reason: VoteDenial::LeaderRecentlyHeard { leader: 1 }
            }
        )));
    }
    assert!(!ev
        .iter()
        .any(|(_, e)| matches!(e, Event::TermAdopted { to_term: 2, .. })));
}
