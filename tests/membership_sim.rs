//! Membership change in the simulation (thesis chapter 4): the actions
//! create and remove servers, are recorded, replay and travel in share
//! links; refusals are errors that change nothing; the checker keeps
//! Election Safety per term whatever the configuration; chaos with
//! membership changes breaks no property, and the unsafe one-step change is
//! caught.

use raftlab::raft::{ConfChangeError, Membership, UnsafeSwitch};
use raftlab::sim::chaos::{self, ChaosOptions};
use raftlab::sim::{Action, Property, RoleKey, SimConfig, SimError, Simulation};
use raftlab::view::share::Shared;

fn sim3(seed: u64) -> Simulation {
    let mut sim = Simulation::new(SimConfig {
        nodes: 3,
        seed,
        ..SimConfig::default()
    })
    .unwrap();
    sim.campaign(1).unwrap();
    sim.run(30).unwrap();
    assert_eq!(sim.node(1).unwrap().role, RoleKey::Leader);
    sim
}

#[test]
fn add_server_creates_an_empty_node_that_catches_up_as_a_learner_section_4_2_1() {
    let mut sim = sim3(1);
    sim.propose_cluster("put a 1").unwrap();
    sim.run(30).unwrap();
    assert_eq!(sim.add_server(), Ok(4));
    assert_eq!(sim.world().nodes().len(), 4);
    assert_eq!(sim.config().nodes, 4);
    // Its log starts empty; within a few heartbeats it holds everything.
    sim.run(60).unwrap();
    let n4 = sim.node(4).unwrap();
    assert_eq!(n4.role, RoleKey::Follower);
    assert_eq!(n4.log.len(), 3);
    assert_eq!(n4.log[2].2, "config: add learner n4");
    assert_eq!(n4.kv.get("a").map(String::as_str), Some("1"));
    assert!(n4.membership.is_learner(4));
    sim.promote(4).unwrap();
    sim.run(30).unwrap();
    for id in 1..=4 {
        assert_eq!(
            sim.node(id).unwrap().membership,
            Membership::simple([1, 2, 3, 4])
        );
        assert_eq!(sim.node(id).unwrap().commit, 4);
    }
    assert!(sim.world().violations().is_empty());
}

#[test]
fn refused_membership_actions_change_nothing() {
    let mut sim = Simulation::new(SimConfig {
        nodes: 3,
        ..SimConfig::default()
    })
    .unwrap();
    assert_eq!(sim.add_server(), Err(SimError::NoLeader));
    assert_eq!(sim.world().nodes().len(), 3);
    let mut sim = sim3(2);
    let before = (sim.world().clone(), sim.actions().len());
    assert_eq!(
        sim.remove_server(8),
        Err(SimError::Membership(ConfChangeError::UnknownNode {
            node: 8
        }))
    );
    assert_eq!(
        sim.promote(2),
        Err(SimError::Membership(ConfChangeError::NotALearner {
            node: 2
        }))
    );
    assert_eq!(
        sim.change_voters(&[]),
        Err(SimError::Membership(ConfChangeError::NoVoterLeft))
    );
    assert_eq!((sim.world().clone(), sim.actions().len()), before);
    // One change at a time: the second add is refused before the first commits.
    sim.add_server().unwrap();
    let pending = sim.world().clone();
    assert!(matches!(
        sim.add_server(),
        Err(SimError::Membership(ConfChangeError::ChangePending { .. }))
    ));
    assert_eq!(sim.world(), &pending, "no fifth node was created");
    // Nine servers at most.
    let mut big = Simulation::new(SimConfig {
        nodes: 9,
        ..SimConfig::default()
    })
    .unwrap();
    big.campaign(1).unwrap();
    big.run(30).unwrap();
    assert_eq!(
        big.add_server(),
        Err(SimError::Membership(ConfChangeError::TooManyServers {
            max: 9
        }))
    );
}

#[test]
fn membership_actions_replay_and_travel_in_share_links() {
    let mut sim = sim3(3);
    sim.add_server().unwrap();
    sim.run(40).unwrap();
    sim.promote(4).unwrap();
    sim.run(40).unwrap();
    sim.remove_server(1).unwrap();
    sim.run(120).unwrap();
    sim.change_voters(&[2, 4]).unwrap();
    sim.run(100).unwrap();
    let again = Simulation::replay(
        sim.initial_config().clone(),
        sim.actions().to_vec(),
        sim.tick(),
    )
    .unwrap();
    assert_eq!(again.world().trace().hash(), sim.world().trace().hash());
    let shared = Shared::capture(&sim, None);
    let link = shared.encode();
    let back = Shared::decode(&link).unwrap().restore().unwrap();
    assert_eq!(back.world().trace().hash(), sim.world().trace().hash());
    assert_eq!(back.world().nodes().len(), 4);
    // The run ended in C_new = {n2, n4}: the leader is one of them.
    let leader = sim.world().leader().unwrap();
    assert!([2, 4].contains(&leader));
    assert_eq!(
        sim.node(leader).unwrap().membership,
        Membership::simple([2, 4])
    );
    assert!(sim.world().violations().is_empty());
    // Rewinding before the server was added takes it out of the world.
    sim.seek(10).unwrap();
    assert_eq!(sim.world().nodes().len(), 3);
}

#[test]
fn chaos_with_membership_changes_breaks_no_property() {
    let o = ChaosOptions {
        steps: 600,
        membership: true,
        ..ChaosOptions::default()
    };
    let mut changed = 0;
    for seed in 0..150 {
        let out = chaos::run(seed, &o);
        if let Some(f) = &out.failure {
            panic!("seed {seed}: {f}\nreplay: cargo run --release --example chaos -- --membership --replay {seed} --steps 600");
        }
        // Only accepted actions are recorded.
        changed += out
            .sim
            .actions()
            .iter()
            .filter(|a| {
                matches!(
                    a.action,
                    Action::AddServer
                        | Action::RemoveServer(_)
                        | Action::Promote(_)
                        | Action::ChangeVoters(_)
                )
            })
            .count();
    }
    eprintln!("membership changes accepted: {changed}");
    assert!(changed > 200, "only {changed} membership changes");
}

/// Paper Figure 10 / thesis §4.3: changing several voters in one step lets
/// disjoint majorities of C_old and C_new elect two leaders in one term.
#[test]
fn one_step_membership_change_is_caught_by_election_safety() {
    let o = ChaosOptions {
        steps: 600,
        unsafe_switch: Some(UnsafeSwitch::OneStepMembershipChange),
        ..ChaosOptions::default()
    };
    // Seed 0 (tick 364) until etcd's PreVote became the default and
    // CheckQuorum a sliding window (issue 11), which changed the runs.
    let out = chaos::run(96, &o);
    let v = &out.sim.world().violations()[0];
    assert_eq!(v.property, Property::ElectionSafety);
    assert_eq!((v.tick, v.term, v.nodes.clone()), (82, Some(3), vec![1, 7]));
    // The same seed and schedule with joint consensus is safe.
    let safe = chaos::run(
        96,
        &ChaosOptions {
            steps: 600,
            membership: true,
            ..ChaosOptions::default()
        },
    );
    assert_eq!(safe.failure, None);
}
