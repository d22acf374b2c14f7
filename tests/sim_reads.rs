//! Reads and transfers through the simulation (thesis §6.4, §3.10): every
//! read enters the client history the linearizability checker sees; an
//! isolated old leader answering unconfirmed reads turns the badge red; a
//! paused leader shows the lease's clock caveat; bad input is refused with
//! nothing changed.

use raftlab::raft::{ReadMode, ReadStep, UnsafeSwitch};
use raftlab::sim::{Action, OpStatus, Property, RoleKey, SimConfig, SimError, Simulation, Target};

fn sim(nodes: u32, f: impl FnOnce(&mut SimConfig)) -> Simulation {
    let mut c = SimConfig {
        nodes,
        seed: 5,
        ..SimConfig::default()
    };
    f(&mut c);
    let mut s = Simulation::new(c).unwrap();
    s.campaign(1).unwrap();
    s.run(20).unwrap();
    s.propose_to(1, "put x 1").unwrap();
    s.run(20).unwrap();
    assert_eq!(s.world().leader(), Some(1));
    s
}

fn last_status(s: &Simulation) -> OpStatus {
    s.world().client().ops().last().unwrap().status.clone()
}

#[test]
fn a_read_index_read_is_answered_and_enters_the_history() {
    let mut s = sim(3, |_| {});
    let before = s.world().client().history().len();
    s.read(Target::Cluster, "x", ReadMode::ReadIndex).unwrap();
    assert!(matches!(last_status(&s), OpStatus::Reading { node: 1, .. }));
    s.run(10).unwrap();
    let op = s.world().client().ops().last().unwrap().clone();
    assert!(
        matches!(&op.status, OpStatus::ReadAnswered { node: 1, read_index: 2, value: Some(v), .. } if v == "1"),
        "{:?}",
        op.status
    );
    // Its round trip: index recorded, then confirmed by a majority with 1.
    let steps: Vec<&ReadStep> = op.read_steps.iter().map(|(_, s)| s).collect();
    assert!(matches!(
        steps[0],
        ReadStep::IndexRecorded { read_index: 2, .. }
    ));
    assert!(
        matches!(steps[1], ReadStep::Confirmed { acks, .. } if acks.contains(&1) && acks.len() >= 2)
    );
    let h = s.world().client().history();
    assert_eq!(h.len(), before + 1);
    assert_eq!(
        h.last().unwrap().ret.as_ref().map(|r| r.1.clone()),
        Some(Some("1".into()))
    );
    assert!(s.world().violations().is_empty());
}

#[test]
fn a_follower_forwards_and_answers_itself() {
    let mut s = sim(3, |_| {});
    s.read(Target::Node(3), "x", ReadMode::ReadIndex).unwrap();
    s.run(15).unwrap();
    let op = s.world().client().ops().last().unwrap().clone();
    assert!(matches!(
        op.status,
        OpStatus::ReadAnswered {
            node: 3,
            read_index: 2,
            ..
        }
    ));
    assert!(matches!(
        op.read_steps[0],
        (3, ReadStep::Forwarded { leader: 1 })
    ));
    assert!(op
        .read_steps
        .iter()
        .any(|(n, s)| *n == 1 && matches!(s, ReadStep::Confirmed { .. })));
}

/// n1 is isolated; n2..n5 elect n2 (pinned), which commits put x 2.
fn isolated_old_leader(switch: Option<UnsafeSwitch>) -> Simulation {
    let mut s = sim(5, |c| c.raft.unsafe_switches = switch.into_iter().collect());
    s.isolate(1).unwrap();
    s.campaign(2).unwrap();
    s.run(20).unwrap();
    assert_eq!(s.node(2).unwrap().role, RoleKey::Leader);
    assert_eq!(
        s.node(1).unwrap().role,
        RoleKey::Leader,
        "n1 has not noticed"
    );
    s.propose_to(2, "put x 2").unwrap();
    s.run(20).unwrap();
    assert!(matches!(
        s.world().client().ops().last().unwrap().status,
        OpStatus::Committed { .. }
    ));
    s.read(Target::Node(1), "x", ReadMode::ReadIndex).unwrap();
    s.run(10).unwrap();
    s
}

#[test]
fn thesis_6_4_an_isolated_old_leader_cannot_confirm_a_read() {
    let s = isolated_old_leader(None);
    assert!(matches!(last_status(&s), OpStatus::Reading { node: 1, .. }));
    assert!(s.world().violations().is_empty());
}

#[test]
fn unsafe_stale_leader_read_returns_the_old_value_and_the_checker_catches_it() {
    let s = isolated_old_leader(Some(UnsafeSwitch::StaleLeaderRead));
    assert!(
        matches!(&last_status(&s), OpStatus::ReadAnswered { node: 1, value: Some(v), .. } if v == "1")
    );
    let props: Vec<Property> = s.world().violations().iter().map(|v| v.property).collect();
    assert_eq!(props, vec![Property::Linearizability]);
}

#[test]
fn thesis_6_4_1_a_paused_leader_shows_the_lease_clock_caveat() {
    // A pause is a leader whose clock stopped: its lease looks longer than it is.
    let mut s = sim(3, |c| c.raft.check_quorum = true);
    s.read(Target::Node(1), "x", ReadMode::Lease).unwrap(); // starts the lease
    s.run(10).unwrap();
    assert!(matches!(last_status(&s), OpStatus::ReadAnswered { .. }));
    s.pause(1).unwrap();
    s.campaign(2).unwrap();
    s.run(40).unwrap();
    assert_eq!(s.node(2).unwrap().role, RoleKey::Leader);
    s.propose_to(2, "put x 2").unwrap();
    s.run(20).unwrap();
    s.isolate(1).unwrap();
    s.resume(1).unwrap();
    s.read(Target::Node(1), "x", ReadMode::Lease).unwrap();
    let op = s.world().client().ops().last().unwrap().clone();
    assert!(
        matches!(&op.status, OpStatus::ReadAnswered { node: 1, value: Some(v), .. } if v == "1"),
        "{:?}",
        op.status
    );
    assert!(matches!(
        op.read_steps[0],
        (1, ReadStep::ServedByLease { .. })
    ));
    let props: Vec<Property> = s.world().violations().iter().map(|v| v.property).collect();
    assert_eq!(props, vec![Property::Linearizability]);
}

#[test]
fn bad_reads_and_transfers_are_refused_and_change_nothing() {
    let mut s = sim(3, |_| {});
    let before = s.world().clone();
    let n = s.actions().len();
    assert_eq!(
        s.read(Target::Cluster, "x", ReadMode::Lease),
        Err(SimError::LeaseNeedsCheckQuorum)
    );
    assert_eq!(
        s.read(Target::Cluster, "a b", ReadMode::ReadIndex),
        Err(SimError::BadReadKey)
    );
    assert_eq!(
        s.read(Target::Node(7), "x", ReadMode::ReadIndex),
        Err(SimError::NoSuchNode { node: 7 })
    );
    assert_eq!(s.transfer_leader(9), Err(SimError::NoSuchNode { node: 9 }));
    assert_eq!(
        s.transfer_leader(1),
        Err(SimError::Transfer(raftlab::raft::TransferError::ToSelf))
    );
    assert_eq!(s.world(), &before);
    assert_eq!(s.actions().len(), n, "refused actions are not recorded");
    let mut idle = Simulation::new(SimConfig::default()).unwrap();
    assert_eq!(idle.transfer_leader(2), Err(SimError::NoLeader));
}

#[test]
fn thesis_3_10_transfer_through_the_simulation_and_a_crashed_target_times_out() {
    let mut s = sim(3, |c| {
        c.raft.pre_vote = true;
        c.raft.check_quorum = true;
    });
    s.transfer_leader(3).unwrap();
    s.propose_cluster("put y 1").unwrap(); // refused while transferring; retried
    s.run(20).unwrap();
    assert_eq!(s.world().leader(), Some(3));
    assert_eq!(s.node(3).unwrap().term, 2);
    s.run(40).unwrap();
    assert!(matches!(
        s.world().client().ops().last().unwrap().status,
        OpStatus::Committed { node: 3, .. }
    ));
    // To a crashed node: the leader gives up after an election timeout.
    s.crash(1).unwrap();
    s.transfer_leader(1).unwrap();
    s.run(19).unwrap();
    assert!(s.world().slot(3).unwrap().node.transfer().is_some());
    s.run(1).unwrap();
    assert!(s.world().slot(3).unwrap().node.transfer().is_none());
    assert_eq!(s.world().leader(), Some(3));
    // Replays exactly.
    let again =
        Simulation::replay(s.initial_config().clone(), s.actions().to_vec(), s.tick()).unwrap();
    assert_eq!(again.world().trace().hash(), s.world().trace().hash());
}

#[test]
fn read_and_transfer_actions_replay_and_share() {
    let mut s = sim(3, |c| c.raft.check_quorum = true);
    s.act(Action::Read {
        target: Target::Cluster,
        key: "x".into(),
        mode: ReadMode::Lease,
    })
    .unwrap();
    s.transfer_leader(2).unwrap();
    s.run(30).unwrap();
    let shared = raftlab::view::share::Shared {
        config: s.initial_config().clone(),
        actions: s.actions().to_vec(),
        tick: s.tick(),
        head: s.head(),
        scenario: None,
        compare: None,
    };
    let link = shared.encode();
    let back = raftlab::view::share::Shared::decode(&link).unwrap();
    let r = back.restore().unwrap();
    assert_eq!(r.world().trace().hash(), s.world().trace().hash());
    assert_eq!(r.world().leader(), Some(2));
}
