//! Membership change rules of Ongaro's thesis, chapter 4, one test per rule,
//! on the in-test network (section cited in each name).

mod common;

use common::raft_harness::*;
use raftlab::raft::{
    CommitHold, ConfChange, ConfChangeError, Config, ConfigCause, ConfigHalf, EntryData, Event,
    Membership, NoCampaign, Node, NodeId, Role, RoleCause, UnsafeSwitch, VoteDenial,
};
use raftlab::vec_map::VecSet;

fn set(ids: &[NodeId]) -> VecSet<NodeId> {
    ids.iter().copied().collect()
}

/// A 3-voter cluster (no-op on) with n1 elected leader of term 1 and its
/// no-op committed everywhere.
fn cluster3() -> Network {
    let mut net = Network::new(&[1, 2, 3], config(true));
    net.campaign(1);
    heartbeat(&mut net, 1);
    assert_eq!(net.node(1).role(), Role::Leader);
    net
}

fn heartbeat(net: &mut Network, id: NodeId) {
    let hb = net.node(id).config().heartbeat_interval;
    net.tick(id, hb);
    net.deliver_all();
}

/// A new server: empty log, no configuration yet (thesis §4.2.1).
fn join(net: &mut Network, id: NodeId) {
    let cfg = net.node(1).config().clone();
    net.nodes.insert(id, new_node(id, &[], cfg));
    net.events.insert(id, Vec::new());
}

fn change(net: &mut Network, leader: NodeId, c: ConfChange) -> u64 {
    let (index, _) = net
        .node_mut(leader)
        .propose_conf_change(c)
        .expect("accepted");
    net.deliver_all();
    index
}

fn commits(net: &Network) -> Vec<u64> {
    net.nodes.values().map(Node::commit_index).collect()
}

#[test]
fn s4_1_a_configuration_is_in_force_once_appended_not_committed() {
    let mut net = cluster3();
    join(&mut net, 4);
    net.cut_link(1, 2);
    net.cut_link(1, 3);
    let (index, term) = net
        .node_mut(1)
        .propose_conf_change(ConfChange::AddLearner(4))
        .unwrap();
    assert_eq!((index, term), (2, 1));
    let leader = net.node(1);
    assert!(leader.membership().is_learner(4), "in force at append");
    assert_eq!(leader.commit_index(), 1, "not committed yet");
    assert!(leader.config_change_pending());
    assert_eq!(leader.members(), &[1, 2, 3, 4]);
    net.deliver_all();
    // n4 received it and uses it at once; n2, n3 still have the old one.
    assert!(net.node(4).membership().is_learner(4));
    assert_eq!(net.node(2).membership(), &Membership::simple([1, 2, 3]));
    let evs = net.take_events(4);
    assert!(evs.contains(&Event::ConfigAdopted {
        index: 2,
        membership: net.node(1).membership().clone(),
        cause: ConfigCause::Replicated
    }));
}

#[test]
fn s4_1_a_truncated_configuration_reverts_to_the_previous_one() {
    let mut net = cluster3();
    net.cut_link(1, 3);
    net.node_mut(1)
        .propose_conf_change(ConfChange::AddLearner(4))
        .unwrap();
    net.deliver_all();
    let mut n2 = net.nodes.remove(&2).unwrap();
    assert!(n2.membership().is_learner(4));
    n2.take_events();
    // A leader of term 7 (n3, elected without n2) overwrites index 2.
    n2.step(append(3, 2, 7, 1, 1, entries(&[(2, 7)]), 0));
    assert_eq!(log_terms(&n2), vec![1, 7]);
    assert_eq!(n2.membership(), &Membership::simple([1, 2, 3]));
    assert_eq!(n2.membership_index(), 0);
    assert!(n2.take_events().contains(&Event::ConfigAdopted {
        index: 0,
        membership: Membership::simple([1, 2, 3]),
        cause: ConfigCause::Reverted
    }));
}

#[test]
fn s4_1_servers_answer_rpcs_from_outside_their_configuration() {
    let mut n = new_node(1, &[1, 2, 3], config(false));
    n.step(vote_req(9, 1, 5, false, 0, 0)); // n9 is no member of n1's configuration
    assert_eq!(n.term(), 5);
    assert_eq!(kinds(&n.take_outbox()), vec![("request-vote-resp", 9)]);
    // A new server with no configuration accepts its first AppendEntries.
    let mut fresh = new_node(4, &[], config(false));
    assert!(fresh.membership().members().is_empty());
    fresh.step(append(1, 4, 1, 0, 0, entries(&[(1, 1)]), 1));
    assert_eq!((fresh.log().last_index(), fresh.commit_index()), (1, 1));
}

#[test]
fn s4_2_1_a_new_server_joins_as_a_learner_catches_up_and_never_campaigns() {
    let mut net = cluster3();
    net.propose(1, "put x 1");
    join(&mut net, 4);
    let index = change(&mut net, 1, ConfChange::AddLearner(4));
    heartbeat(&mut net, 1);
    assert_eq!(index, 3);
    // Caught up: the learner holds and applies the whole log.
    assert_eq!(log_terms(net.node(4)), vec![1, 1, 1]);
    assert_eq!(net.node(4).commit_index(), 3);
    assert_eq!(net.node(4).kv().data.get("x").map(|v| &**v), Some("1"));
    assert_eq!(net.node(1).progress()[&4].match_index, 3);
    // Its election timer fires: it does not campaign.
    net.take_events(4);
    let timeout = net.node(4).randomized_election_timeout();
    net.tick(4, timeout);
    assert_eq!(
        (net.node(4).role(), net.node(4).term()),
        (Role::Follower, 1)
    );
    assert_eq!(
        net.take_events(4),
        vec![Event::CampaignSkipped {
            reason: NoCampaign::Learner
        }]
    );
    // force_timeout (the "campaign" control) is refused the same way.
    net.node_mut(4).force_timeout();
    assert!(net.take_queue().is_empty());
}

#[test]
fn s4_2_1_a_learner_counts_in_no_quorum() {
    // Two voters and a learner: the learner's match does not commit.
    let mut net = Network::new(&[1, 2], config(true));
    net.campaign(1);
    join(&mut net, 3);
    change(&mut net, 1, ConfChange::AddLearner(3));
    heartbeat(&mut net, 1);
    assert_eq!(commits(&net), vec![2, 2, 2]);
    net.cut_link(1, 2);
    net.propose(1, "put y 2");
    assert_eq!(net.node(3).log().last_index(), 3, "the learner has it");
    assert_eq!(net.node(1).commit_index(), 2, "but it does not count");
    let evs = net.take_events(1);
    assert!(evs.contains(&Event::CommitHeld {
        hold: CommitHold::NoMajority {
            index: 3,
            holders: vec![1, 3],
            needed: 2
        }
    }));
    // A learner's vote is not counted either.
    net.heal();
    net.queue.clear();
    net.node_mut(2).force_timeout();
    let req = net.take_queue();
    assert_eq!(
        kinds(&req),
        vec![("request-vote", 1)],
        "learners are not asked"
    );
    net.take_events(2);
    net.node_mut(2).step(vote_resp(3, 2, 2, false, true));
    assert_eq!(
        net.take_events(2),
        vec![Event::VoteNotCounted {
            from: 3,
            pre_vote: false
        }]
    );
    assert_eq!(net.node(2).role(), Role::Candidate);
}

#[test]
fn s4_2_1_promotion_makes_a_caught_up_learner_a_voter() {
    let mut net = cluster3();
    join(&mut net, 4);
    change(&mut net, 1, ConfChange::AddLearner(4));
    heartbeat(&mut net, 1);
    let index = change(&mut net, 1, ConfChange::Promote(4));
    heartbeat(&mut net, 1);
    assert_eq!(index, 3);
    for id in 1..=4 {
        assert_eq!(net.node(id).membership(), &Membership::simple([1, 2, 3, 4]));
        assert_eq!(net.node(id).commit_index(), 3);
    }
    // Four voters: a quorum is 3, so n1 + n4 alone no longer commit.
    assert_eq!(net.node(1).quorum(), 3);
    net.partition(&[&[1, 4], &[2, 3]]);
    net.propose(1, "put z 3");
    assert_eq!(net.node(1).commit_index(), 3);
}

#[test]
fn s4_2_2_refused_changes_are_typed_and_change_nothing() {
    let mut net = cluster3();
    let before = net.node(1).clone();
    let cases = [
        (
            ConfChange::Remove(7),
            ConfChangeError::UnknownNode { node: 7 },
        ),
        (
            ConfChange::AddLearner(2),
            ConfChangeError::AlreadyMember { node: 2 },
        ),
        (
            ConfChange::Promote(3),
            ConfChangeError::NotALearner { node: 3 },
        ),
        (ConfChange::LeaveJoint, ConfChangeError::NotJoint),
        (
            ConfChange::ChangeVoters(set(&[1, 2, 3])),
            ConfChangeError::NoChange,
        ),
        (
            ConfChange::ChangeVoters(set(&[])),
            ConfChangeError::NoVoterLeft,
        ),
    ];
    for (c, e) in cases {
        assert_eq!(net.node_mut(1).propose_conf_change(c), Err(e));
    }
    assert_eq!(net.node(1), &before, "nothing changed, not even events");
    assert_eq!(
        net.node_mut(2)
            .propose_conf_change(ConfChange::AddLearner(4)),
        Err(ConfChangeError::NotLeader { leader: Some(1) })
    );
    // One change at a time: a second one while the first is uncommitted.
    net.isolate(1);
    net.node_mut(1)
        .propose_conf_change(ConfChange::AddLearner(4))
        .unwrap();
    let pending = net.node(1).clone();
    assert_eq!(
        net.node_mut(1)
            .propose_conf_change(ConfChange::AddLearner(5)),
        Err(ConfChangeError::ChangePending { index: 2 })
    );
    assert_eq!(net.node(1), &pending);
    // The last voter cannot leave; nor can a tenth server join.
    let mut solo = Network::new(&[1], config(true));
    solo.campaign(1);
    assert_eq!(
        solo.node_mut(1).propose_conf_change(ConfChange::Remove(1)),
        Err(ConfChangeError::NoVoterLeft)
    );
    let mut nine = Network::new(&[1, 2, 3, 4, 5, 6, 7, 8, 9], config(true));
    nine.campaign(1);
    assert_eq!(
        nine.node_mut(1)
            .propose_conf_change(ConfChange::AddLearner(10)),
        Err(ConfChangeError::TooManyServers { max: 9 })
    );
}

#[test]
fn s4_2_2_a_removed_leader_manages_until_c_new_commits_then_steps_down() {
    let mut net = cluster3();
    net.cut_link(1, 3);
    let (index, _) = net
        .node_mut(1)
        .propose_conf_change(ConfChange::Remove(1))
        .unwrap();
    // C_new = {n2, n3}; the leader does not count itself: n1 + n2 hold the
    // entry but that is one of C_new's two voters.
    net.deliver_all();
    assert_eq!(net.node(1).role(), Role::Leader);
    assert_eq!(net.node(1).commit_index(), 1);
    net.heal();
    heartbeat(&mut net, 1);
    assert_eq!(net.node(1).role(), Role::Follower);
    assert_eq!(net.node(1).leader_id(), None);
    let evs = net.take_events(1);
    assert!(evs.iter().any(|e| matches!(
        e,
        Event::RoleChanged {
            from: Role::Leader,
            to: Role::Follower,
            cause: RoleCause::RemovedFromConfig { index: 2 },
            ..
        }
    )));
    assert_eq!(index, 2);
    // The removed server never campaigns; the others elect a leader.
    let t = net.node(1).randomized_election_timeout();
    net.tick(1, t);
    assert!(net.take_events(1).contains(&Event::CampaignSkipped {
        reason: NoCampaign::NotAVoter
    }));
    net.campaign(2);
    assert_eq!(net.node(2).role(), Role::Leader);
    assert_eq!(net.node(2).quorum(), 2);
    assert_eq!(net.node(2).members(), &[2, 3]);
    assert!(!net.node(2).progress().contains_key(&1));
}

/// n1 leads {n1,n2,n3} with learners n4, n5 caught up.
fn cluster3_with_learners(cfg: Config) -> Network {
    let mut net = Network::new(&[1, 2, 3], cfg);
    net.campaign(1);
    heartbeat(&mut net, 1);
    for id in [4, 5] {
        join(&mut net, id);
        change(&mut net, 1, ConfChange::AddLearner(id));
        heartbeat(&mut net, 1);
    }
    assert_eq!(commits(&net), vec![3, 3, 3, 3, 3]);
    net
}

#[test]
fn s4_3_joint_consensus_needs_both_majorities_and_leaves_automatically() {
    let mut net = cluster3_with_learners(config(true));
    // C_old = {1,2,3} → C_new = {3,4,5}; cut n1 from C_old's n2 and n3.
    net.cut_link(1, 2);
    net.cut_link(1, 3);
    let (index, _) = net
        .node_mut(1)
        .propose_conf_change(ConfChange::ChangeVoters(set(&[3, 4, 5])))
        .unwrap();
    net.deliver_all();
    assert_eq!(index, 4);
    let joint = net.node(1).membership().clone();
    assert!(joint.is_joint());
    // n1, n4, n5 hold it: a majority of C_new... no: C_new = {3,4,5}, so
    // {4,5} is a majority of C_new, but only n1 of C_old.
    assert_eq!(net.node(1).commit_index(), 3);
    let evs = net.take_events(1);
    assert!(evs.contains(&Event::CommitHeld {
        hold: CommitHold::NoJointMajority {
            index: 4,
            holders: vec![1, 4, 5],
            short: vec![ConfigHalf::Outgoing],
        }
    }));
    net.heal();
    heartbeat(&mut net, 1);
    heartbeat(&mut net, 1);
    // Joint committed, leave-joint (C_new) appended automatically, committed;
    // n1 is not in C_new and stepped down.
    let evs = net.take_events(1);
    assert!(evs.contains(&Event::ConfigAdopted {
        index: 5,
        membership: Membership::simple([3, 4, 5]),
        cause: ConfigCause::AutoLeaveJoint,
    }));
    match &net.node(1).log().get(5).unwrap().data {
        EntryData::Config(c) => assert_eq!(c.change, ConfChange::LeaveJoint),
        other => panic!("{other:?}"),
    }
    assert_eq!(net.node(1).role(), Role::Follower);
    for id in [3, 4, 5] {
        assert_eq!(net.node(id).membership(), &Membership::simple([3, 4, 5]));
        assert_eq!(net.node(id).commit_index(), 5);
    }
    net.campaign(4);
    assert_eq!(net.node(4).role(), Role::Leader);
    assert_eq!(net.node(4).members(), &[3, 4, 5]);
}

#[test]
fn s4_3_an_election_under_c_old_new_needs_a_majority_of_each() {
    let mut net = cluster3_with_learners(config(true));
    net.partition(&[&[1, 4, 5], &[2, 3]]);
    change(&mut net, 1, ConfChange::ChangeVoters(set(&[1, 2, 3, 4, 5])));
    assert!(net.node(5).membership().is_joint());
    // n2 and n3 (C_old, without the joint entry) spend their term-2 votes on n2.
    net.campaign(2);
    assert_eq!((net.node(2).role(), net.node(2).term()), (Role::Leader, 2));
    net.heal();
    net.clear_records();
    // n5 asks all four others for term 2: n1 and n4 grant (3 of C_new's 5),
    // n2 and n3 deny, so C_old gives only n1.
    net.node_mut(5).force_timeout();
    net.deliver_all();
    assert_eq!(
        (net.node(5).role(), net.node(5).term()),
        (Role::Candidate, 2)
    );
    let evs = net.take_events(5);
    assert!(evs.contains(&Event::JointVoteLost {
        half: ConfigHalf::Outgoing,
        granted: 1,
        needed: 2,
        pre_vote: false,
    }));
    assert!(net.take_events(3).iter().any(|e| matches!(
        e,
        Event::VoteDenied {
            candidate: 5,
            reason: VoteDenial::AlreadyVoted { voted_for: 2 },
            ..
        }
    )));
}

/// Paper Figure 10: with the unsafe one-step change, {n1, n4, n5} (a
/// majority of C_new) and {n2, n3} (a majority of C_old) elect two leaders
/// in the same term. Joint consensus forbids the first.
#[test]
fn figure_10_one_step_change_elects_two_leaders_in_one_term_joint_does_not() {
    for one_step in [true, false] {
        let mut cfg = config(true);
        if one_step {
            cfg.unsafe_switches = vec![UnsafeSwitch::OneStepMembershipChange];
        }
        let mut net = cluster3_with_learners(cfg);
        net.partition(&[&[1, 4, 5], &[2, 3]]);
        change(&mut net, 1, ConfChange::ChangeVoters(set(&[1, 2, 3, 4, 5])));
        assert_eq!(net.node(4).membership().is_joint(), !one_step);
        // n2 (C_old) wins term 2 with n3.
        net.campaign(2);
        assert_eq!((net.node(2).role(), net.node(2).term()), (Role::Leader, 2));
        // n4 (C_new) campaigns in term 2 with n1 and n5.
        net.node_mut(4).force_timeout();
        net.deliver_all();
        let n4 = net.node(4);
        assert_eq!(n4.term(), 2);
        assert_eq!(n4.role() == Role::Leader, one_step, "one_step={one_step}");
    }
}

#[test]
fn restart_rereads_the_configuration_from_the_log() {
    let mut net = cluster3();
    join(&mut net, 4);
    change(&mut net, 1, ConfChange::AddLearner(4));
    let old = net.nodes.remove(&4).unwrap();
    let base: Vec<NodeId> = old.base_membership().voters.voters().into_iter().collect();
    let back = Node::restart(
        4,
        &base,
        old.config().clone(),
        rng_for(4),
        old.persistent().clone(),
    )
    .unwrap();
    assert!(back.membership().is_learner(4));
    assert_eq!(back.membership_index(), 2);
    let n1 = net.nodes.remove(&1).unwrap();
    let back = Node::restart(
        1,
        &[1, 2, 3],
        n1.config().clone(),
        rng_for(1),
        n1.persistent().clone(),
    )
    .unwrap();
    assert_eq!(back.members(), &[1, 2, 3, 4]);
}
