//! PreVote in its two forms (thesis §9.6; etcd 3.4 `raft.go`, MsgPreVote) and
//! CheckQuorum's sliding window (thesis §6.2), against the core alone.
//!
//! etcd grants a pre-vote on term and log alone; the leader lease (ignoring
//! candidates while a leader is heard from) is CheckQuorum's (thesis §4.2.3).
//! The thesis's PreVote also refuses while a leader is heard from.

mod common;

use common::raft_harness::*;
use raftlab::raft::{Config, Event, NodeId, PreVoteMode, Role, RoleCause, VoteDenial};

const T: u32 = 20;

fn ids(n: u32) -> Vec<NodeId> {
    (1..=n).collect()
}

fn cfg(mode: PreVoteMode, check_quorum: bool) -> Config {
    Config {
        pre_vote: true,
        pre_vote_mode: mode,
        check_quorum,
        leader_noop: false,
        ..Config::default()
    }
}

fn elected(n: u32, cfg: Config) -> Network {
    let mut net = Network::new(&ids(n), cfg);
    net.campaign(1);
    assert_eq!(net.node(1).role(), Role::Leader);
    net.clear_records();
    net
}

fn granted(candidate: NodeId, term: u64) -> Event {
    Event::VoteGranted {
        candidate,
        term,
        pre_vote: true,
    }
}

fn denied(candidate: NodeId, term: u64, reason: VoteDenial) -> Event {
    Event::VoteDenied {
        candidate,
        term,
        pre_vote: true,
        reason,
    }
}

#[test]
fn etcd_is_the_default_mode() {
    assert_eq!(Config::default().pre_vote_mode, PreVoteMode::Etcd);
    assert_eq!(PreVoteMode::from_name("thesis"), Some(PreVoteMode::Thesis));
    assert_eq!(PreVoteMode::from_name("etcd"), Some(PreVoteMode::Etcd));
    assert_eq!(PreVoteMode::from_name("raft"), None);
}

#[test]
fn etcd_9_6_follower_grants_a_pre_vote_on_term_and_log_while_hearing_from_a_leader() {
    // Node 2 heard from leader 3 a moment ago; in etcd that does not matter.
    let mut v = node_with_log(2, &ids(3), cfg(PreVoteMode::Etcd, false), 2, None, &[1]);
    v.step(append(3, 2, 2, 1, 1, vec![], 0));
    v.take_events();
    v.take_outbox();
    v.step(vote_req(1, 2, 3, true, 1, 1));
    assert_eq!(v.take_events(), vec![granted(1, 3)]);
    assert_eq!(v.take_outbox(), vec![vote_resp(2, 1, 3, true, true)]);
    assert_eq!((v.term(), v.leader_id()), (2, Some(3)), "nothing changes");
    // The log check (§5.4.1) still applies.
    v.step(vote_req(1, 2, 3, true, 1, 0));
    assert!(matches!(
        v.take_events()[..],
        [Event::VoteDenied {
            reason: VoteDenial::LogBehind { .. },
            ..
        }]
    ));
}

#[test]
fn thesis_9_6_follower_refuses_a_pre_vote_while_hearing_from_a_leader() {
    let mut v = node_with_log(2, &ids(3), cfg(PreVoteMode::Thesis, false), 2, None, &[1]);
    v.step(append(3, 2, 2, 1, 1, vec![], 0));
    v.take_events();
    v.take_outbox();
    v.step(vote_req(1, 2, 3, true, 1, 1));
    assert_eq!(
        v.take_events(),
        vec![denied(1, 3, VoteDenial::LeaderRecentlyHeard { leader: 3 })]
    );
    assert_eq!(v.take_outbox(), vec![vote_resp(2, 1, 2, true, false)]);
}

#[test]
fn etcd_9_6_a_leader_grants_an_up_to_date_pre_vote_without_check_quorum() {
    let mut net = elected(3, cfg(PreVoteMode::Etcd, false));
    let mut l = net.nodes.remove(&1).unwrap();
    l.step(vote_req(3, 1, 2, true, 1, 1));
    assert_eq!(l.take_events(), vec![granted(3, 2)]);
    assert_eq!(l.take_outbox(), vec![vote_resp(1, 3, 2, true, true)]);
    assert_eq!(
        (l.role(), l.term()),
        (Role::Leader, 1),
        "a pre-vote changes no term"
    );
}

#[test]
fn thesis_9_6_a_leader_refuses_every_pre_vote() {
    let mut net = elected(3, cfg(PreVoteMode::Thesis, false));
    let mut l = net.nodes.remove(&1).unwrap();
    l.step(vote_req(3, 1, 2, true, 1, 1));
    assert_eq!(l.take_events(), vec![denied(3, 2, VoteDenial::WeAreLeader)]);
}

#[test]
fn thesis_4_2_3_with_check_quorum_etcd_pre_votes_meet_the_lease() {
    let mut net = elected(3, cfg(PreVoteMode::Etcd, true));
    let mut l = net.nodes.remove(&1).unwrap();
    l.step(vote_req(3, 1, 2, true, 1, 1));
    assert_eq!(
        l.take_events(),
        vec![denied(3, 2, VoteDenial::LeaderRecentlyHeard { leader: 1 })]
    );
    let mut f = net.nodes.remove(&2).unwrap();
    f.step(vote_req(3, 2, 2, true, 1, 1));
    assert_eq!(
        f.take_events(),
        vec![denied(3, 2, VoteDenial::LeaderRecentlyHeard { leader: 1 })]
    );
}

/// An up-to-date node 3, cut off from the leader but not from 2, times out.
fn up_to_date_node_times_out(mode: PreVoteMode, check_quorum: bool) -> Network {
    let mut net = elected(3, cfg(mode, check_quorum));
    net.cut_link(1, 3);
    net.campaign(3);
    net
}

#[test]
fn etcd_9_6_pre_vote_alone_lets_an_up_to_date_node_depose_a_healthy_leader() {
    let net = up_to_date_node_times_out(PreVoteMode::Etcd, false);
    assert_eq!(
        net.roles_terms(),
        vec![
            (1, Role::Follower, 2),
            (2, Role::Follower, 2),
            (3, Role::Leader, 2)
        ]
    );
}

#[test]
fn etcd_9_6_pre_vote_with_check_quorum_keeps_the_healthy_leader() {
    let mut net = up_to_date_node_times_out(PreVoteMode::Etcd, true);
    assert_eq!(
        net.roles_terms(),
        vec![
            (1, Role::Leader, 1),
            (2, Role::Follower, 1),
            (3, Role::PreCandidate, 1)
        ]
    );
    assert!(net.take_events(2).contains(&denied(
        3,
        2,
        VoteDenial::LeaderRecentlyHeard { leader: 1 }
    )));
}

#[test]
fn thesis_9_6_pre_vote_alone_already_keeps_the_healthy_leader() {
    let net = up_to_date_node_times_out(PreVoteMode::Thesis, false);
    assert_eq!(net.in_role(Role::Leader), vec![1]);
    assert_eq!(net.node(1).term(), 1);
}

// ============================================== CheckQuorum's window (thesis §6.2)

fn cq() -> Config {
    Config {
        check_quorum: true,
        ..Config::default()
    }
}

#[test]
fn thesis_6_2_a_leader_isolated_right_after_its_election_steps_down_after_one_timeout() {
    let mut net = elected(3, cq());
    net.isolate(1);
    net.tick(1, T - 1);
    assert_eq!(net.node(1).role(), Role::Leader);
    assert_eq!(net.node(1).ticks_as_leader(), u64::from(T - 1));
    net.tick(1, 1); // one election timeout as leader, heard from nobody
    assert_eq!(
        net.take_events(1),
        vec![Event::RoleChanged {
            from: Role::Leader,
            to: Role::Follower,
            term: 1,
            cause: RoleCause::LostQuorum {
                heard_from: vec![1]
            }
        }]
    );
}

#[test]
fn thesis_6_2_the_window_slides_an_answer_counts_for_exactly_one_timeout() {
    let mut net = elected(5, cq());
    net.tick_all(7); // heartbeat at 5 answered by all
    net.isolate(1);
    net.tick(1, 5 + T - 7 - 1); // tick 24: the answers at 5 are 19 ticks old
    assert_eq!(net.node(1).role(), Role::Leader);
    assert_eq!(net.node(1).heard_within_window(), vec![1, 2, 3, 4, 5]);
    let active: Vec<bool> = net
        .node(1)
        .progress()
        .values()
        .map(|p| p.recent_active)
        .collect();
    assert_eq!(active, vec![true; 4]);
    net.tick(1, 1); // tick 25: 20 ticks old, out of the window
    assert_eq!(net.node(1).role(), Role::Follower);
}

#[test]
fn thesis_6_2_a_leader_hearing_from_a_bare_majority_stays_and_marks_the_silent() {
    let mut net = elected(5, cq());
    net.isolate(4);
    net.isolate(5);
    net.tick_all(3 * T);
    assert_eq!((net.node(1).role(), net.node(1).term()), (Role::Leader, 1));
    assert_eq!(net.node(1).heard_within_window(), vec![1, 2, 3]);
    let active: Vec<(NodeId, bool)> = net
        .node(1)
        .progress()
        .iter()
        .map(|(&p, pr)| (p, pr.recent_active))
        .collect();
    assert_eq!(active, vec![(2, true), (3, true), (4, false), (5, false)]);
}

#[test]
fn thesis_6_2_without_check_quorum_no_window_is_kept() {
    let mut net = elected(3, Config::default());
    net.isolate(1);
    net.tick(1, 5 * T);
    assert_eq!(net.node(1).role(), Role::Leader);
}
